package cn.onething.village;

/**
 * A village committee (村民委员会) or a residents' committee (社区居委会), the body that publishes village-level
 * disclosure.
 *
 * @param kind 村民委员会 or 社区居委会
 */
public record Committee(String townshipId, String id, String name, String kind, Contact contact) {

	public static final String FOLLOW_SCENE_PREFIX = "v:";

	/** What a WeChat follow link or code carries to follow this committee (1 to 64 characters, as WeChat allows). */
	public String followScene() {
		return FOLLOW_SCENE_PREFIX + townshipId + ":" + id;
	}

	/** The address of its page, also what its notice board's QR code holds. */
	public String path() {
		return "/places/" + townshipId + "/" + id;
	}
}
