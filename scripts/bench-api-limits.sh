#!/usr/bin/env bash
# Limits per API client, measured: one integration's token hammers /api/v1/lookup with wrk
# (16 connections, far over its budget) while an officer's token looks codes up at a steady
# 10 requests per second, within its own budget; the officer's latency is compared with the
# officer alone, and with the same hammering when the limits are lifted.
#
#   scripts/bench-api-limits.sh [SECONDS]     # each phase; default 30
#
# TOUCHSTONE_BIN picks the binary (default target/release/touchstone, else target/debug).
# Needs wrk, curl and python3. Writes a table to standard output.
set -euo pipefail
secs="${1:-30}"
bin="${TOUCHSTONE_BIN:-}"
if [ -z "$bin" ]; then
  if [ -x target/release/touchstone ]; then bin=target/release/touchstone; else bin=target/debug/touchstone; fi
fi
command -v wrk >/dev/null || { echo "wrk is needed (apt install wrk)" >&2; exit 1; }
work="$(mktemp -d)"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export TOUCHSTONE_LOG=warn TOUCHSTONE_COORDINATION_KEY=bench-coordination-key-0123456789abcdef
export TOUCHSTONE_METRICS_TOKEN=bench-metrics
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"

start_server() {  # env assignments...
  env "$@" "$bin" serve --demo --data-dir "$work/data" --bind "127.0.0.1:$port" >>"$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 1 1800); do
    curl -fsS "$base/readyz" >/dev/null 2>&1 && return 0
    kill -0 "$server" 2>/dev/null || { tail -n 30 "$work/serve.log"; exit 1; }
    sleep 0.5
  done
  echo "server not ready" >&2; exit 1
}
stop_server() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }

# A demo product's GTIN (brand 5, product 1), as scripts/load.sh computes it.
code="$(python3 - <<'PY'
b = "2%06d%05d" % (5, 1)
t = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(b)))
print(b + str((10 - t % 10) % 10))
PY
)"

# The officer: 10 lookups a second on one kept-alive connection; prints p50, p99, max (ms)
# and the statuses seen.
officer() {
  python3 - "$port" "$OFFICER_TOKEN" "$code" "$secs" <<'PY'
import http.client, sys, time, collections
port, token, code, secs = int(sys.argv[1]), sys.argv[2], sys.argv[3], float(sys.argv[4])
conn = http.client.HTTPConnection("127.0.0.1", port)
lat, statuses = [], collections.Counter()
end = time.monotonic() + secs
nxt = time.monotonic()
while time.monotonic() < end:
    t = time.perf_counter()
    conn.request("GET", "/api/v1/lookup?code=" + code, headers={"Authorization": "Bearer " + token})
    r = conn.getresponse(); r.read()
    lat.append((time.perf_counter() - t) * 1000); statuses[r.status] += 1
    nxt += 0.1
    time.sleep(max(0, nxt - time.monotonic()))
lat.sort()
q = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))]
print("%d requests, p50 %.1f ms, p99 %.1f ms, max %.1f ms, statuses %s" % (len(lat), q(0.5), q(0.99), lat[-1], dict(statuses)))
PY
}

cat > "$work/hammer.lua" <<'LUA'
wrk.headers["Authorization"] = "Bearer " .. os.getenv("HAMMER_TOKEN")
LUA

phase() {  # label
  echo "== $1"
  if [ "${HAMMER:-}" = 1 ]; then
    wrk -t2 -c16 -d"${secs}s" -s "$work/hammer.lua" "$base/api/v1/lookup?code=$code" >"$work/wrk.txt" 2>&1 &
    local wrk_pid=$!
    sleep 1
  fi
  echo "officer:   $(officer)"
  if [ "${HAMMER:-}" = 1 ]; then
    wait "$wrk_pid"
    echo "hammer:    $(grep -E 'Requests/sec' "$work/wrk.txt" | tr -s ' ') ($(grep -E 'requests in' "$work/wrk.txt" | tr -s ' ' | sed 's/^ //'); $(grep -E 'Non-2xx' "$work/wrk.txt" | tr -s ' ' | sed 's/^ //' || echo 'all 2xx'))"
  fi
  echo "load:      $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min; $(nproc) cores)"
}

tokens() {
  export HAMMER_TOKEN OFFICER_TOKEN
  HAMMER_TOKEN="$("$bin" --data-dir "$work/data" token create --user officer@border.demo --name integration)"
  OFFICER_TOKEN="$("$bin" --data-dir "$work/data" token create --user officer@douane.demo --name officer)"
}

echo "binary: $bin; $secs s per phase; lookup of $code"
start_server
tokens
HAMMER=0 phase "officer alone (default limits: 1200/min, burst 200, 8 concurrent per token)"
HAMMER=1 phase "officer while another token hammers with wrk -c16 (default limits)"
echo "429s counted: $(curl -fsS -H "Authorization: Bearer $TOUCHSTONE_METRICS_TOKEN" "$base/metrics" | grep '^touchstone_api_requests_limited_total' | tr '\n' ' ')"
stop_server
start_server TOUCHSTONE_API_REQUESTS_PER_MINUTE=100000000 TOUCHSTONE_API_BURST=1000000 TOUCHSTONE_API_CONCURRENT_REQUESTS=10000
HAMMER=1 phase "officer while another token hammers with wrk -c16 (limits lifted)"
stop_server
