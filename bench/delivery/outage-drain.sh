#!/bin/sh
# Pushes appended during a WeChat outage (every send answered 503), then WeChat back: seconds until all are delivered.
# Usage: bench/delivery/outage-drain.sh [pushes (300)] [outage seconds (120)]
set -eu
exec "$(dirname "$0")/../run-main.sh" cn.onething.bench.OutageDrain "$@"
