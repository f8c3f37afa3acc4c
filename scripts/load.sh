#!/usr/bin/env bash
# Load figures with wrk (Debian's `wrk`, `apt-get install wrk`): starts a release
# `touchstone serve --demo` on a fresh SQLite directory (and on a fresh PostgreSQL database when
# the backend list names postgres), optionally imports a generated catalog on top of the demo
# one, and measures, one after the other with the same connections and duration:
#   GET /healthz (the ceiling: routing, middleware, no database), GET /api/v1/lookup?code=<GTIN>,
#   GET /api/v1/search?q=<misspelt brand>, POST /api/v1/scan (an EAN-13 photo from
#   ../shared/testdata/barcodes, read in place), POST /api/v1/cases (a detention, a fresh
#   Idempotency-Key each).
# Prints a Markdown table: throughput, p50, p99, non-2xx answers, and throughput as a share of
# the /healthz ceiling. Not run in CI.
#   scripts/load.sh [SECONDS_PER_ENDPOINT=15] [CONNECTIONS=16] [BACKENDS="sqlite postgres"]
# LOAD_PRODUCTS=N imports N generated products (100 per brand) before measuring (N=1000000 is
# the catalog of issue 7; expect minutes of import and of search indexing); LOAD_CATALOG=FILE
# reuses a CSV made by `touchstone demo generate`.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-15}"
conns="${2:-16}"
backends="${3:-sqlite postgres}"
products="${LOAD_PRODUCTS:-0}"
target="${CARGO_TARGET_DIR:-target}"
bin="${TOUCHSTONE_BIN:-$target/release/touchstone}"
[ -n "${TOUCHSTONE_BIN:-}" ] || cargo build --release -q -p touchstone
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
photo="${LOAD_PHOTO:-../shared/testdata/barcodes/ean13-1/4.webp}"
[ -f "$photo" ] || photo="$(ls ../shared/testdata/barcodes/ean13-1/*.{png,jpg,webp} 2>/dev/null | head -n1)"
# A 12-megapixel phone photo made from a test photo (crates/barcode/examples/phone_photo.rs);
# LOAD_PHONE_PHOTO=none skips it.
phone="${LOAD_PHONE_PHOTO:-}"
if [ -z "$phone" ]; then
  phone="$(mktemp --suffix=.jpg)"
  # ean13-1/25.webp: a book's EAN, cropped close; 4.webp (a can, low contrast) is not read
  # once enlarged into a large frame, by zxing-cpp's own reader either.
  cargo run --release -q -p barcode --example phone_photo -- ../shared/testdata/barcodes/ean13-1/25.webp "$phone"
elif [ "$phone" = none ]; then
  phone=""
fi
pg="${TOUCHSTONE_LOAD_PG:-postgres://postgres@127.0.0.1:5432}"
work="$(mktemp -d)"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  rm -rf "$work"
  [ -n "${LOAD_PHONE_PHOTO:-}" ] || rm -f "$phone"
}
trap cleanup EXIT
export TOUCHSTONE_LOG=warn TOUCHSTONE_COORDINATION_KEY=load-test-coordination-key-0123456789abcdef
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"

gtin() { python3 - "$1" "$2" <<'PY'
import sys
b = "2%06d%05d" % (int(sys.argv[1]), int(sys.argv[2]))
t = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(b)))
print(b + str((10 - t % 10) % 10))
PY
}

start_server() {  # db args...
  # One token measures the server's ceiling: the per-token API limits are lifted for it.
  TOUCHSTONE_API_REQUESTS_PER_MINUTE=100000000 TOUCHSTONE_API_BURST=1000000 TOUCHSTONE_API_CONCURRENT_REQUESTS=10000 \
  "$bin" serve --demo --bind "127.0.0.1:$port" "$@" >>"$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 1 1800); do
    curl -fsS "$base/readyz" >/dev/null 2>&1 && return 0
    kill -0 "$server" 2>/dev/null || { tail -n 30 "$work/serve.log"; exit 1; }
    sleep 1
  done
  echo "server not ready" >&2; exit 1
}
stop_server() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }
# After a start the search index re-reads the last minute of the change feed, which after an
# import is the whole catalog: measuring before that ends measures the indexing too.
wait_idle() {
  local before after
  for _ in $(seq 1 600); do
    before=$(awk '{print $14 + $15}' "/proc/$server/stat")
    sleep 2
    after=$(awk '{print $14 + $15}' "/proc/$server/stat")
    [ $((after - before)) -lt 20 ] && return 0  # under a tenth of a core (100 ticks a second)
  done
  echo "the server did not become idle" >&2
}

# wrk's Lua: the bearer token, and the request each endpoint sends.
cat >"$work/get.lua" <<'LUA'
wrk.headers["Authorization"] = "Bearer " .. os.getenv("LOAD_TOKEN")
LUA
cat >"$work/scan.lua" <<'LUA'
local f = assert(io.open(os.getenv("LOAD_PHOTO"), "rb"))
wrk.body = f:read("*a")
f:close()
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("LOAD_TOKEN")
wrk.headers["Content-Type"] = "application/octet-stream"
LUA
# A different product each time: GTINs of brands 0..LOAD_BRANDS-1, items 0..LOAD_ITEMS-1 (the
# demo catalog's and `demo generate`'s numbering), so no single row stays hot in any cache. The
# requests are made before the run: formatting one per request in Lua cost wrk a third more CPU
# than a fixed request, CPU the server on the same two cores then lacked.
cat >"$work/lookup_any.lua" <<'LUA'
local brands = tonumber(os.getenv("LOAD_BRANDS"))
local items = tonumber(os.getenv("LOAD_ITEMS"))
wrk.headers["Authorization"] = "Bearer " .. os.getenv("LOAD_TOKEN")
local requests = {}
local next_one = 0
function setup(thread) thread:set("seed", math.random(1, 1e9)) end
function init()
  math.randomseed(seed)
  for i = 1, 200000 do
    local body = string.format("2%06d%05d", math.random(0, brands - 1), math.random(0, items - 1))
    local sum = 0
    for k = 1, 12 do
      local d = tonumber(body:sub(k, k))
      if (13 - k) % 2 == 1 then sum = sum + 3 * d else sum = sum + d end
    end
    requests[i] = wrk.format("GET", "/api/v1/lookup?code=" .. body .. ((10 - sum % 10) % 10))
  end
end
request = function()
  next_one = next_one % #requests + 1
  return requests[next_one]
end
LUA
cat >"$work/cases.lua" <<'LUA'
-- Each thread its own Idempotency-Key prefix, set by setup() in the main state (where each
-- call draws a new number) and unique across runs: a key sent twice is a replay, and two
-- threads sending the same key at once wait on each other's transaction (a chunk-level
-- `local id` was drawn unseeded, the same in every thread and every run).
local counter = 0
math.randomseed(os.time())
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("LOAD_TOKEN")
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"case_type":"standard","detain":true,"sheet":{"office":{"code":"FR000730","name":"Roissy","country":"FR"},'
  .. '"transport_mode":"air","origin_country":"CN","consignor":{"name":"Shenzhen Bright Trading Co., Ltd.","country":"CN"},'
  .. '"goods":[{"description":"handbags","quantity":40,"unit":"pieces","product_id":' .. os.getenv("LOAD_PRODUCT") .. '}]}}'
function setup(thread) thread:set("id", os.time() .. "-" .. tostring(math.random(1, 1e9))) end
request = function()
  counter = counter + 1
  wrk.headers["Idempotency-Key"] = "load-" .. id .. "-" .. counter
  return wrk.format()
end
LUA

ceiling=""
measure() {  # label url [lua] [connections]
  local label="$1" url="$2" lua="${3:-$work/get.lua}" c="${4:-$conns}" out
  out="$(wrk -t"$(( c < 2 ? c : 2 ))" -c"$c" -d"${secs}s" --timeout 30s --latency -s "$lua" "$url")"
  echo "$out" >>"$work/wrk.log"
  python3 - "$label" "$ceiling" <<PY
import re, sys
out = """$out"""
def ms(pattern):
    m = re.search(pattern + r"\s+([\d.]+)(us|ms|s|m)\b", out)
    if not m:
        sys.stderr.write(out)
        return float("nan")
    return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[m.group(2)]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
p50 = ms(r"50%")
p99 = ms(r"99%")
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
errs = re.search(r"Socket errors: (.*)", out)
total = int(re.search(r"(\d+) requests in", out).group(1))
ceiling = float(sys.argv[2]) if sys.argv[2] else rps
print("| %s | %s | %s | %.0f | %.2f | %.1f | %s | %.1f %% |" % (sys.argv[1].split("|")[0], sys.argv[1].split("|")[1], total, rps, p50, p99,
      (bad.group(1) if bad else "0") + ("; " + errs.group(1) if errs else ""), 100 * rps / ceiling))
open("$work/last_rps", "w").write(str(rps))
PY
}

echo "wrk $secs s per endpoint, $conns connections, 2 threads; $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| backend | endpoint | requests | req/s | p50 ms | p99 ms | non-2xx | of /healthz |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for backend in $backends; do
  case "$backend" in
    sqlite) db_args=(--data-dir "$work/sqlite") ;;
    postgres)
      db="ts_load_$(date +%s)_$$"
      psql "$pg/postgres" -X -q -c "CREATE DATABASE $db"
      db_args=(--data-dir "$work/pgdata" --database-url "$pg/$db") ;;
  esac
  if [ "$products" -gt 0 ]; then
    # As scripts/bench-import.sh: the generated brands (keys demo-0000…, the demo catalog's) go
    # to their own rights holder before `serve --demo`, which then skips the demo brands that exist.
    "$bin" "${db_args[@]}" migrate >/dev/null
    "$bin" "${db_args[@]}" org create --name "Bench Rights Holder" --kind rights_holder --country FR >/dev/null
    catalog="${LOAD_CATALOG:-$work/catalog.csv}"
    [ -f "$catalog" ] || "$bin" demo generate --brands $((products / 100)) --products-per-brand 100 --out "$catalog" >/dev/null
    t=$(date +%s)
    "$bin" "${db_args[@]}" catalog import "$catalog" --owner "Bench Rights Holder" >/dev/null
    echo "($backend: $products generated products imported in $(( $(date +%s) - t )) s)" >&2
    # The search index built before serving, so searches are not measured while the server
    # is still indexing the import from the change feed.
    t=$(date +%s)
    "$bin" "${db_args[@]}" reindex >/dev/null
    echo "($backend: search index of the catalog built in $(( $(date +%s) - t )) s)" >&2
  fi
  t=$(date +%s)
  start_server "${db_args[@]}"
  echo "($backend: ready in $(( $(date +%s) - t )) s)" >&2
  export LOAD_TOKEN LOAD_PHOTO LOAD_PRODUCT
  LOAD_TOKEN="$("$bin" "${db_args[@]}" token create --user officer@douane.demo --name load)"
  LOAD_PHOTO="$(realpath "$photo")"
  code="$(gtin 5 1)"
  lookup="$(curl -fsS -H "Authorization: Bearer $LOAD_TOKEN" "$base/api/v1/lookup?code=$code")"
  LOAD_PRODUCT="$(echo "$lookup" | python3 -c 'import json,sys; print(json.load(sys.stdin)["product"]["product_id"])')"
  # The brand's name with two letters swapped: a misspelling search forgives.
  typo="$(echo "$lookup" | python3 -c 'import json,sys,urllib.parse; n=json.load(sys.stdin)["product"]["brand_name"].split()[0]; print(urllib.parse.quote(n[0]+n[2]+n[1]+n[3:]))')"
  # The index follows the change feed from start; wait until the search finds the brand.
  for _ in $(seq 1 600); do
    hits="$(curl -fsS -H "Authorization: Bearer $LOAD_TOKEN" "$base/api/v1/search?q=$typo" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["hits"]))')"
    [ "$hits" -gt 0 ] && break
    sleep 1
  done
  echo "($backend: search for $typo: $hits hits; $(curl -fsS -H "Authorization: Bearer $LOAD_TOKEN" "$base/api/v1/lookup?code=$code" | python3 -c 'import json,sys; print(json.load(sys.stdin)["outcome"])') for $code)" >&2
  t=$(date +%s)
  wait_idle
  echo "($backend: idle after $(( $(date +%s) - t )) s)" >&2
  ceiling=""
  measure "$backend|GET /healthz" "$base/healthz"
  ceiling="$(cat "$work/last_rps")"
  measure "$backend|GET /api/v1/lookup?code=$code" "$base/api/v1/lookup?code=$code"
  if [ "$products" -gt 0 ]; then export LOAD_BRANDS=$((products / 100)) LOAD_ITEMS=100; else export LOAD_BRANDS=400 LOAD_ITEMS=3; fi
  measure "$backend|GET /api/v1/lookup (a random one of $LOAD_BRANDS × $LOAD_ITEMS GTINs)" "$base/api/v1/lookup" "$work/lookup_any.lua"
  measure "$backend|GET /api/v1/search?q=$typo" "$base/api/v1/search?q=$typo"
  # Latency without queueing: one connection per core.
  measure "$backend|GET /api/v1/lookup (random GTINs, 2 connections)" "$base/api/v1/lookup" "$work/lookup_any.lua" 2
  measure "$backend|GET /api/v1/search?q=$typo (2 connections)" "$base/api/v1/search?q=$typo" "$work/get.lua" 2
  measure "$backend|POST /api/v1/scan ($(basename "$photo"), $(stat -c %s "$photo") B)" "$base/api/v1/scan" "$work/scan.lua"
  if [ -n "$phone" ]; then
    LOAD_PHOTO="$phone" measure "$backend|POST /api/v1/scan (12 MP JPEG, $(stat -c %s "$phone") B, one at a time)" "$base/api/v1/scan" "$work/scan.lua" 1
  fi
  measure "$backend|POST /api/v1/cases" "$base/api/v1/cases" "$work/cases.lua"
  stop_server
  [ "$backend" = postgres ] && psql "$pg/postgres" -X -q -c "DROP DATABASE IF EXISTS $db"
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
