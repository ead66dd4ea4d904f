package cn.onething.catalog;

import java.util.List;

import cn.onething.catalog.model.Domain;

/** Guides matching a query, best first, and the domains whose name or alias matches it. */
public record SearchResult(String query, List<SearchHit> hits, List<Domain> domains) {
}
