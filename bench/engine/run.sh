#!/bin/sh
# Our casework engine against Flowable 7 (see README.md).
# Usage: bench/engine/run.sh [cases per run (1000)] [cases in flight (8)]
set -eu
exec "$(dirname "$0")/../run-main.sh" -Pbench cn.onething.bench.EngineBenchmark "$@"
