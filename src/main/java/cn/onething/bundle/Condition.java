package cn.onething.bundle;

/** A field is asked only when another field of the form has this answer ("true"/"false" for a yes-no field). */
public record Condition(String field, String equals) {
}
