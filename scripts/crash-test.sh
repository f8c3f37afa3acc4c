#!/usr/bin/env bash
# Crash-safety test: drives case creation, updates and thread messages against
# `touchstone serve --demo` from several threads, kills the server with SIGKILL at random
# moments, restarts it, retries what was not acknowledged (same Idempotency-Key), then checks
# that every acknowledged write is present exactly once, that every detention naming a catalog
# brand has exactly one case.detained notice, that no delivery is in the outbox twice, and that
# `touchstone audit verify` passes. See tests/crash/crash_test.py.
#   scripts/crash-test.sh [SECONDS] [sqlite|postgres]
# PostgreSQL: a fresh database is created on 127.0.0.1:5432 (user postgres, trust auth;
# TOUCHSTONE_CRASH_PG overrides the server part of the URL) and dropped after a passing run.
# CRASH_SEED=N replays a run's kill schedule and choices.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
backend="${2:-sqlite}"
target="${CARGO_TARGET_DIR:-target}"
bin="${TOUCHSTONE_BIN:-$target/debug/touchstone}"
[ -n "${TOUCHSTONE_BIN:-}" ] || cargo build -q -p touchstone
seed_args=()
[ -n "${CRASH_SEED:-}" ] && seed_args=(--seed "$CRASH_SEED")

case "$backend" in
  sqlite)
    python3 tests/crash/crash_test.py --bin "$bin" --seconds "$seconds" --backend sqlite "${seed_args[@]}"
    ;;
  postgres)
    pg="${TOUCHSTONE_CRASH_PG:-postgres://postgres@127.0.0.1:5432}"
    db="ts_crash_$(date +%s)_$$"
    psql "$pg/postgres" -X -q -c "CREATE DATABASE $db"
    status=0
    python3 tests/crash/crash_test.py --bin "$bin" --seconds "$seconds" --backend postgres \
      --db-url "$pg/$db" "${seed_args[@]}" || status=$?
    if [ "$status" -eq 0 ]; then
      psql "$pg/postgres" -X -q -c "DROP DATABASE IF EXISTS $db"
    else
      echo "database $db kept for inspection"
    fi
    exit "$status"
    ;;
  *) echo "usage: $0 [SECONDS] [sqlite|postgres]" >&2; exit 2 ;;
esac
