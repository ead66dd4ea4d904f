#!/usr/bin/env bash
# Load test of the applicant pages and API: builds the jar, starts it with the embedded PostgreSQL and the shipped
# guides, waits for readiness, then drives it with wrk from a second process on loopback. Bounded: each run lasts
# DURATION seconds per address and the service is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-64}
PORT=${PORT:-18080}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

./mvnw -q -B -DskipTests package
java -Xmx512m -jar target/onething-*.jar --server.port="$PORT" > target/bench-pages.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
  sleep 1
done
CODE=$(curl -fs "http://127.0.0.1:$PORT/api/domains/household-registration/items" | sed -E 's/.*"code":"([0-9]{12})".*/\1/' | head -c 12)
Q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("出生"))')

# warm-up so the JIT has compiled the hot paths before measuring
wrk -t2 -c16 -d5s "http://127.0.0.1:$PORT/g/$CODE" >/dev/null

for path in "/" "/g/$CODE" "/search?q=$Q" "/api/items/$CODE" "/api/search?q=$Q" "/g/$CODE/qr.png"; do
  echo "== $path"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "http://127.0.0.1:$PORT$path" | grep -E "Requests/sec|Latency |50%|99%|Non-2xx"
done
