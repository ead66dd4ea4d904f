#!/bin/sh
# Applications filed through the service's HTTP endpoint (see README.md).
# Usage: bench/submissions/run.sh [clients in the closed loop (8)] [seconds per closed run (30)] [open-loop rate per second (50)] [seconds per open run (60)]
set -eu
exec "$(dirname "$0")/../run-main.sh" cn.onething.bench.SubmissionBenchmark "$@"
