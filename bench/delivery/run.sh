#!/bin/sh
# Our outbox dispatcher against db-scheduler 16, pushing to the fake WeChat (see README.md).
# Usage: bench/delivery/run.sh [pushes per drain (10000)] [paced rate per second (100)] [seconds per paced run (60)]
set -eu
exec "$(dirname "$0")/../run-main.sh" -Pbench cn.onething.bench.DeliveryBenchmark "$@"
