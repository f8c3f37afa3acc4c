#!/usr/bin/env bash
# Two `touchstone serve` processes on one PostgreSQL database behave as one service: search and
# lookup on one node see what the other published within 2 s, a detention notifies once, and
# webhook delivery, coordination matching and the deadline pass are never done twice although
# both nodes run them. See tests/cluster/two_nodes.py.
#   scripts/two-nodes.sh
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth; TOUCHSTONE_TWO_NODES_PG
# overrides the server part of the URL). A fresh database is created, and dropped after a pass.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
bin="${TOUCHSTONE_BIN:-$target/debug/touchstone}"
[ -n "${TOUCHSTONE_BIN:-}" ] || cargo build -q -p touchstone
pg="${TOUCHSTONE_TWO_NODES_PG:-postgres://postgres@127.0.0.1:5432}"
db="ts_two_nodes_$(date +%s)_$$"
psql "$pg/postgres" -X -q -c "CREATE DATABASE $db"
status=0
python3 tests/cluster/two_nodes.py --bin "$bin" --db-url "$pg/$db" "$@" || status=$?
if [ "$status" -eq 0 ]; then
  psql "$pg/postgres" -X -q -c "DROP DATABASE IF EXISTS $db"
else
  echo "database $db kept for inspection"
fi
exit "$status"
