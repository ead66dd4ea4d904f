package cn.onething.casework;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code onething.casework.remedies.*}: where an applicant turned away (不予受理) or refused (不予许可) may challenge
 * the decision, told with every such decision as 行政许可法 §38 ¶2 asks (docs/legal.md §3.6). The bodies are the
 * county's: the people's government at the level of the deciding departments for 行政复议, the court with jurisdiction
 * for 行政诉讼 (where a province concentrates administrative cases in designated courts, that court). The periods
 * are the law's and not configurable.
 *
 * @param reviewBody the body to apply to for 行政复议, e.g. 扶绥县人民政府
 * @param court the court to sue in, e.g. 扶绥县人民法院
 */
@ConfigurationProperties("onething.casework.remedies")
public record Remedies(String reviewBody, String court) {

	/** 行政复议法 §20: sixty days from knowing of the decision. */
	public static final int REVIEW_DAYS = 60;
	/** 行政诉讼法 §46: six months from knowing of the decision. */
	public static final int SUIT_MONTHS = 6;

	public Remedies {
		if (reviewBody == null || reviewBody.isBlank()) {
			throw new IllegalArgumentException("onething.casework.remedies.review-body must name the body that hears 行政复议 (e.g. 扶绥县人民政府)");
		}
		if (court == null || court.isBlank()) {
			throw new IllegalArgumentException("onething.casework.remedies.court must name the court that hears 行政诉讼 (e.g. 扶绥县人民法院)");
		}
	}

	/** The sentences printed on a decision and shown beside it, in this order. */
	public List<String> sentences() {
		return List.of(
				"如不服本决定，可以自收到本决定之日起" + REVIEW_DAYS + "日内向" + reviewBody
						+ "申请行政复议（《中华人民共和国行政复议法》第二十条）；",
				"也可以自收到本决定之日起" + SUIT_MONTHS + "个月内直接向" + court
						+ "提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。对行政复议决定不服的，可以自收到复议决定书之日起15日内向人民法院提起行政诉讼。");
	}
}
