package cn.onething.rating.model;

/** A rule of 好差评 refused the rating, with the reason the applicant reads. Nothing was stored. */
public class RatingRefused extends RuntimeException {

	public RatingRefused(String reason) {
		super(reason, null, false, false);
	}
}
