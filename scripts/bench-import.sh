#!/usr/bin/env bash
# Measures a bulk catalog import: generates an N-product CSV (default 1,000,000: 10,000
# brands × 100 products), imports it into a fresh SQLite database (and PostgreSQL when
# TOUCHSTONE_BENCH_DATABASE_URL names an empty database), and prints wall time, rows/s and
# peak resident memory. Re-imports once to time the no-change path.
#   scripts/bench-import.sh [BRANDS] [PRODUCTS_PER_BRAND]
set -euo pipefail
cd "$(dirname "$0")/.."
brands="${1:-10000}"
per_brand="${2:-100}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cargo build --release -q -p touchstone
bin=target/release/touchstone
$bin demo generate --brands "$brands" --products-per-brand "$per_brand" --out "$work/catalog.csv"
ls -la "$work/catalog.csv"

run() {
  local label="$1"; shift
  echo "== $label"
  /usr/bin/time -f "wall %e s, peak RSS %M KiB" "$bin" "$@" catalog import "$work/catalog.csv" --owner "Bench Rights Holder" 2>&1 \
    | grep -v '^\s*$' | tail -n 3
}

setup() {
  "$bin" "$@" migrate >/dev/null
  "$bin" "$@" org create --name "Bench Rights Holder" --kind rights_holder --country FR >/dev/null
}

setup --data-dir "$work/sqlite"
run "SQLite, first import" --data-dir "$work/sqlite"
run "SQLite, same file again" --data-dir "$work/sqlite"
du -sh "$work/sqlite"

if [ -n "${TOUCHSTONE_BENCH_DATABASE_URL:-}" ]; then
  setup --database-url "$TOUCHSTONE_BENCH_DATABASE_URL"
  run "PostgreSQL, first import" --database-url "$TOUCHSTONE_BENCH_DATABASE_URL"
  run "PostgreSQL, same file again" --database-url "$TOUCHSTONE_BENCH_DATABASE_URL"
fi
