package cn.onething.bundle;

/**
 * A field answered by another field's answer in some situation, so that nothing is typed twice: the applicant's
 * name is the father's name when the father is applying. When {@code when} holds and {@code field} is asked, the
 * form does not ask this field and files {@code field}'s answer under it.
 */
public record SameAnswer(Condition when, String field) {
}
