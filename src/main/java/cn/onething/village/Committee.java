package cn.onething.village;

/**
 * A village committee (村民委员会) or a residents' committee (社区居委会), the body that publishes village-level
 * disclosure.
 *
 * @param kind 村民委员会 or 社区居委会
 */
public record Committee(String townshipId, String id, String name, String kind, Contact contact) {

	/** The address of its page, also what its notice board's QR code holds. */
	public String path() {
		return "/places/" + townshipId + "/" + id;
	}
}
