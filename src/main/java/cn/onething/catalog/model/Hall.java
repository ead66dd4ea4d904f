package cn.onething.catalog.model;

/** The county and its service hall, as printed on the compendium cover and shown on every page. */
public record Hall(String county, String regionCode, String name, String address, String hours, String phone,
		String complaint) {
}
