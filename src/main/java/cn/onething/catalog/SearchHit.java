package cn.onething.catalog;

import cn.onething.catalog.model.Guide;

/** A guide found by a search, and why: shown to the applicant so a match on an alias or material makes sense. */
public record SearchHit(Guide guide, int score, String reason) {
}
