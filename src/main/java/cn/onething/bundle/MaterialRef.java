package cn.onething.bundle;

/** One item's material, as its guide names it: item code and material id. */
public record MaterialRef(String itemCode, String materialId) {
}
