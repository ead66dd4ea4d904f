package cn.onething.catalog.model;

/** 实施主体, with its 18-character unified social credit code. */
public record Department(String id, String name, String code) {
}
