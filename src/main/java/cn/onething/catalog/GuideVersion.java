package cn.onething.catalog;

import java.time.Instant;

import cn.onething.catalog.model.Guide;

/** One stored version of a guide: what applications filed under it refer to. */
public record GuideVersion(String code, int version, Instant importedAt, String sourcePath, Guide guide) {
}
