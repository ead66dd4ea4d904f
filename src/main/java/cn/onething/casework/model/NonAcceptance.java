package cn.onething.casework.model;

import java.time.LocalDate;

/**
 * 不予受理 (行政许可法 §32): the application is turned away before acceptance, with the reason and, where the matter
 * belongs to another authority (§32(2)), where to apply instead. It ends the case; nothing is decided on the merits.
 *
 * @param referTo where to apply instead; null when the reason is not another authority's competence
 */
public record NonAcceptance(LocalDate decidedOn, String reason, String referTo, Actor decidedBy) {
}
