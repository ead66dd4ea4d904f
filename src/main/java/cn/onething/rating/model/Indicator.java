package cn.onething.rating.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The national indicators under the overall satisfaction (docs/rating.md §2): four for online service (网上办事) and
 * three for on-site service (现场服务). A case of a bundle is usually both (filed online, collected at the window), so
 * the applicant may tick any of them; a tick says the rating concerns that aspect. Local bodies may not add or remove
 * indicators, hence an enum.
 */
public enum Indicator {

	ONLINE_EFFICIENCY("online-efficiency", Mode.ONLINE, "办事效率"),
	ONLINE_GUIDE_ACCURACY("online-guide-accuracy", Mode.ONLINE, "办事指南精确度"),
	ONLINE_CONVENIENCE("online-convenience", Mode.ONLINE, "办事便捷度"),
	ONLINE_USABILITY("online-usability", Mode.ONLINE, "平台操作性"),
	ONSITE_EFFICIENCY("onsite-efficiency", Mode.ONSITE, "服务效率"),
	ONSITE_COMPETENCE("onsite-competence", Mode.ONSITE, "服务水平"),
	ONSITE_ATTITUDE("onsite-attitude", Mode.ONSITE, "服务态度");

	/** Which service the indicator measures. */
	public enum Mode {
		ONLINE("网上办事"), ONSITE("现场服务");

		private final String label;

		Mode(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		public List<Indicator> indicators() {
			return Arrays.stream(Indicator.values()).filter(indicator -> indicator.mode == this).toList();
		}
	}

	private final String code;
	private final Mode mode;
	private final String label;

	Indicator(String code, Mode mode, String label) {
		this.code = code;
		this.mode = mode;
		this.label = label;
	}

	public String code() {
		return code;
	}

	public Mode mode() {
		return mode;
	}

	public String label() {
		return label;
	}

	public static Optional<Indicator> ofCode(String code) {
		return Arrays.stream(values()).filter(indicator -> indicator.code.equals(code)).findFirst();
	}
}
