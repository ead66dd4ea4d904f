#!/bin/sh
# The outbox benchmark (see README.md): 10,000 messages by default, with one and with two dispatchers.
# Usage: bench/outbox/run.sh [messages] [concurrency per dispatcher]
set -eu
cd "$(dirname "$0")/../.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx512m -Dlogback.configurationFile=bench/outbox/logback.xml -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  cn.onething.outbox.OutboxBenchmark "$@"
