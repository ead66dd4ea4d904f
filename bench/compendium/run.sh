#!/bin/sh
# The compendium benchmark (see README.md): OpenPDF against HTML + headless Chromium, 1,000 guides by default,
# Java heap capped at 512 MB. Usage: bench/compendium/run.sh [number of guides]
set -eu
BENCH_JAVA_OPTIONS=-Xmx512m exec "$(dirname "$0")/../run-main.sh" cn.onething.document.bench.CompendiumBenchmark "$@"
