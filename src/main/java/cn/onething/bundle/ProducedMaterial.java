package cn.onething.bundle;

import java.util.List;

/**
 * 免提交: a document that a step of the bundle produces when it is approved (签发出生医学证明 produces the 出生医学证明),
 * so the later items that ask for it take it from the case instead of from the applicant.
 *
 * @param key stable id of the result within the bundle
 * @param name the name the applicant and the reviewers read
 * @param stepId the step whose approval produces it
 * @param replaces the later items' materials it stands for; the applicant is asked for none of them
 */
public record ProducedMaterial(String key, String name, String stepId, List<MaterialRef> replaces) {

	/** What the form and the compendium say in place of an upload. */
	public static final String NOT_ASKED = "由本件事自动共享，无需提交";

	public ProducedMaterial {
		replaces = List.copyOf(replaces);
	}
}
