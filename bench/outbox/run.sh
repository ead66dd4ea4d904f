#!/bin/sh
# The outbox benchmark (see README.md): 10,000 messages by default, with one and with two dispatchers.
# Usage: bench/outbox/run.sh [messages] [concurrency per dispatcher]
set -eu
BENCH_JAVA_OPTIONS=-Xmx512m exec "$(dirname "$0")/../run-main.sh" cn.onething.outbox.OutboxBenchmark "$@"
