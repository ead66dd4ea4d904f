package cn.onething.platform;

import java.util.List;

/** What one sync did: its change set when the payload was usable, or every problem found in it. */
public record SyncResult(SyncRecord.Outcome outcome, ChangeSet changes, List<ItemProblem> problems, String error) {
}
