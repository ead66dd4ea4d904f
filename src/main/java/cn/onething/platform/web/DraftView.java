package cn.onething.platform.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import cn.onething.catalog.CatalogDraft;
import cn.onething.platform.ChangeSet;

/**
 * A draft as the reviewer reads it: its status and times in Chinese, and its change set against the catalogue
 * applicants see now (empty once it is published or replaced).
 */
public record DraftView(CatalogDraft draft, ChangeSet changes, String createdAt, String decidedAt) {

	private static final DateTimeFormatter CHINA_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
			.withZone(ZoneId.of("Asia/Shanghai"));

	static DraftView of(CatalogDraft draft, ChangeSet changes) {
		return new DraftView(draft, changes, time(draft.createdAt()), time(draft.decidedAt()));
	}

	static String time(Instant instant) {
		return instant == null ? "" : CHINA_TIME.format(instant);
	}

	/** 来源: the guides folder or the regional platform. */
	public String sourceLabel() {
		return draft.source().startsWith("platform") ? "全区一体化平台同步" : "办事指南文件（guides/）";
	}
}
