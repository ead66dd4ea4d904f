package cn.onething.calendar;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a case is handled, as far as days off are concerned: the whole country, or an administrative division
 * given by its division code (区划代码) or a prefix of it, e.g. {@code 45} for Guangxi or {@code 451421} for one
 * county in it.
 * <p>
 * A region sees every overlay whose code is a prefix of its own, so a county hall in Guangxi ({@code 451421})
 * gets the Guangxi overlay ({@code 45}). Ethnic-minority holidays are set by the autonomous region's government
 * (全国年节及纪念日放假办法 §4), which is why overlays exist at all.
 *
 * @param code the division code, or the empty string for the national calendar
 */
public record Region(String code) {

	// Declared before the constants below, which need it while the class initialises.
	private static final Pattern DIVISION_CODE = Pattern.compile("\\d{2,12}");

	/** The national calendar: the State Council's schedule and the weekday rule, no regional overlay. */
	public static final Region NATIONAL = new Region("");

	/** Guangxi Zhuang Autonomous Region (广西壮族自治区), whose overlay adds 壮族三月三. */
	public static final Region GUANGXI = new Region("45");

	static final String NATIONAL_NAME = "national";

	public Region {
		Objects.requireNonNull(code, "code");
		if (!code.isEmpty() && !DIVISION_CODE.matcher(code).matches()) {
			throw new IllegalArgumentException("A region is \"national\" or a division code of 2 to 12 digits: " + code);
		}
	}

	/** {@code "national"} or a division code such as {@code "45"}. */
	public static Region of(String code) {
		return NATIONAL_NAME.equals(code) ? NATIONAL : new Region(code);
	}

	public boolean isNational() {
		return code.isEmpty();
	}

	/** Whether the days off of {@code overlay} apply here: the nation applies everywhere, 45 applies in 451421. */
	public boolean isWithin(Region overlay) {
		return code.startsWith(overlay.code);
	}

	@Override
	public String toString() {
		return isNational() ? NATIONAL_NAME : code;
	}
}
