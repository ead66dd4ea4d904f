package cn.onething.catalog;

import java.util.List;

import cn.onething.catalog.model.Domain;

/**
 * What a query finds, best first: service guides (办事指南), rows of the disclosure catalogue (公开事项), and the
 * domains whose name or alias matches it.
 */
public record SearchResult(String query, List<SearchHit> hits, List<DisclosureHit> disclosures, List<Domain> domains) {
}
