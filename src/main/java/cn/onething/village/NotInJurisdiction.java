package cn.onething.village;

/** A member asked to publish for a committee their account does not cover (docs/village.md §5); nothing was stored. */
public class NotInJurisdiction extends RuntimeException {

	public NotInJurisdiction(String message) {
		super(message);
	}
}
