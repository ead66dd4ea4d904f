package cn.onething.bundle;

/**
 * A service item as part of a bundle, with the guide version the bundle was checked against: an application
 * filed under this bundle version was filed under that guide version.
 */
public record BundleItem(String code, String name, String departmentId, int guideVersion) {
}
