#!/usr/bin/env bash
# Load test of the applicant pages: builds the jar, starts it with the embedded PostgreSQL and the shipped guides,
# saves a copy of one guide page and serves it with nginx beside it, then drives both with wrk from a second
# process on loopback. Bounded: each run lasts DURATION seconds per address; everything started is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-64}
PORT=${PORT:-18080}
NGINX_PORT=${NGINX_PORT:-18081}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "nginx is needed: apt-get install nginx" >&2; exit 1; }
WORK=$(mktemp -d)

./mvnw -q -B -DskipTests package
START=$(date +%s%N)
java -Xmx512m -jar target/onething-*.jar --server.port="$PORT" > "$WORK/service.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true' EXIT
until curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; do sleep 0.1; done
echo "start-up to ready (embedded PostgreSQL, import of guides/): $(( ($(date +%s%N) - START) / 1000000 )) ms"

CODE=$(curl -fs "http://127.0.0.1:$PORT/api/domains/household-registration/items" | sed -E 's/.*"code":"([0-9]{12})".*/\1/' | head -c 12)
Q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("出生"))')
mkdir -p "$WORK/html/g"
curl -fs "http://127.0.0.1:$PORT/g/$CODE" > "$WORK/html/g/$CODE"
cat > "$WORK/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/html; }
}
CONF
/usr/sbin/nginx -c "$WORK/nginx.conf"

# 500 requests/s: 50 connections, each waiting 100 ms between requests (wrk's Lua delay hook)
cat > "$WORK/paced.lua" <<'LUA'
function delay() return 100 end
LUA
# Every request a new address (an extra parameter the page ignores), so no answer comes from the page cache: what a
# search costs the first time it is asked.
cat > "$WORK/fresh.lua" <<'LUA'
local threads = 0
function setup(thread) threads = threads + 1; thread:set("id", threads) end
function init(args) counter = 0 end
function request() counter = counter + 1; return wrk.format("GET", wrk.path .. "&fresh=" .. id .. "-" .. counter) end
LUA
cat "$WORK/fresh.lua" "$WORK/paced.lua" > "$WORK/fresh-paced.lua"

# JIT warm-up: right after start-up the JIT compilers take a core of their own for tens of seconds, and a measurement
# taken then says more about them than about the service
WARMUP=${WARMUP:-60}
wrk -t2 -c16 -d"${WARMUP}s" "http://127.0.0.1:$PORT/g/$CODE" >/dev/null
wrk -t2 -c16 -d"${WARMUP}s" -s "$WORK/fresh.lua" "http://127.0.0.1:$PORT/search?q=$Q" >/dev/null
wrk -t2 -c16 -d"$(( WARMUP / 3 ))s" "http://127.0.0.1:$PORT/api/search?q=$Q" >/dev/null
measure() { wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$1" | grep -E "Requests/sec|99%"; }
echo "== guide page, service";     measure "http://127.0.0.1:$PORT/g/$CODE"
echo "== guide page, nginx copy";  measure "http://127.0.0.1:$NGINX_PORT/g/$CODE"
echo "== search page, service";    measure "http://127.0.0.1:$PORT/search?q=$Q"
echo "== search page, service, every request a new address (rendered each time)"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$WORK/fresh.lua" "http://127.0.0.1:$PORT/search?q=$Q" | grep -E "Requests/sec|99%"
echo "== search API, service";     measure "http://127.0.0.1:$PORT/api/search?q=$Q"
echo "== guide page at ~500 requests/s, service"
wrk -t2 -c50 -d"${DURATION}s" --latency -s "$WORK/paced.lua" "http://127.0.0.1:$PORT/g/$CODE" | grep -E "Requests/sec|50%|99%"
echo "== search page at ~500 requests/s, service"
wrk -t2 -c50 -d"${DURATION}s" --latency -s "$WORK/paced.lua" "http://127.0.0.1:$PORT/search?q=$Q" | grep -E "Requests/sec|50%|99%"
echo "== search page at ~500 requests/s, service, every request a new address"
wrk -t2 -c50 -d"${DURATION}s" --latency -s "$WORK/fresh-paced.lua" "http://127.0.0.1:$PORT/search?q=$Q" | grep -E "Requests/sec|50%|99%"
