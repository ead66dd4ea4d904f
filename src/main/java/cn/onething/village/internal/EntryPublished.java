package cn.onething.village.internal;

import java.util.UUID;

/** Outbox news that a committee published an entry: its followers are told. */
record EntryPublished(UUID entry) {

	static final String KIND = "village.published";
}
