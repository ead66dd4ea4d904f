#!/bin/sh
# 10,000 pushes through two replicas while the fake WeChat fails and a replica is killed (see README.md).
# Usage: bench/delivery/fault-run.sh [pushes (10000)] [rate per second (100)]
set -eu
exec "$(dirname "$0")/../run-main.sh" cn.onething.bench.FaultRun "$@"
