#!/bin/sh
# Import and diff of platform items (see README.md): 5,000 by default, heap capped at 512 MB.
# Usage: bench/platform/run.sh [items]
set -eu
BENCH_JAVA_OPTIONS=-Xmx512m exec "$(dirname "$0")/../run-main.sh" cn.onething.platform.bench.PlatformSyncBenchmark "$@"
