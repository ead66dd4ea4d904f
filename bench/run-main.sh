#!/bin/sh
# Compiles the tests and runs one benchmark's main class on the test classpath, with the Java heap capped and
# warnings-only logging (bench/logback.xml, for Spring Boot too). -Pbench adds the benchmarks that race other
# libraries (src/bench/java).
# Usage: bench/run-main.sh [-Pbench] <main class> [arguments...]; each bench folder's run.sh calls it.
set -eu
cd "$(dirname "$0")/.."
profile=""
if [ "${1:-}" = "-Pbench" ]; then
  profile="-Pbench"
  shift
fi
main="$1"
shift
./mvnw -q -B $profile test-compile
./mvnw -q -B $profile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
# sun.net.httpserver.nodelay: the fake WeChat (the JDK's HTTP server) writes an answer's headers and body apart; with
# Nagle's algorithm on, the body waits for the client's delayed ACK, and every call takes 40 ms instead of about one.
exec java ${BENCH_JAVA_OPTIONS:--Xmx1g} -Dsun.net.httpserver.nodelay=true \
  -Dlogback.configurationFile=bench/logback.xml -Dlogging.config=bench/logback.xml \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" "$main" "$@"
