#!/bin/sh
# The compendium benchmark (see README.md): OpenPDF against HTML + headless Chromium, 1,000 guides by default,
# Java heap capped at 512 MB. Usage: bench/compendium/run.sh [number of guides]
set -eu
cd "$(dirname "$0")/../.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  cn.onething.document.bench.CompendiumBenchmark "$@"
