package cn.onething.catalog;

/** A reviewer decided on a draft that was already decided or replaced, e.g. by another reviewer a moment earlier. */
public class DraftNotOpen extends RuntimeException {

	public DraftNotOpen(long id) {
		super("draft " + id + " is no longer waiting for review");
	}
}
