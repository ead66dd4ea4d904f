package cn.onething.catalog.model;

import java.util.List;

/** One of the 26 pilot domains of grassroots disclosure (试点领域). */
public record Domain(String id, String name, List<String> aliases) {
}
