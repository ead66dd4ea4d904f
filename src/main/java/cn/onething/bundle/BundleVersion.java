package cn.onething.bundle;

import java.time.Instant;

/** One stored version of a bundle: what applications filed under it refer to. */
public record BundleVersion(String id, int version, Instant importedAt, String sourcePath, Bundle bundle) {
}
