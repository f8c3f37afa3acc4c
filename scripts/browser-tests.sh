#!/usr/bin/env bash
# Browser walk-throughs (tests/browser/walkthrough.py): builds Touchstone, starts
# `touchstone serve --demo` on a free port with a fresh data directory, drives Debian's
# chromium through chromedriver (Selenium) at phone width, and stops the server.
#
#   scripts/browser-tests.sh [--only NAME ...]
#
# Needs chromium, chromium-driver (apt), selenium (pip) and npm (for axe-core, fetched once into
# ~/.cache/touchstone); .ci/run installs them.
# Respects CARGO_TARGET_DIR; TOUCHSTONE_BIN skips the build. Screenshots of failures go to a
# temporary directory whose path is printed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bin="${TOUCHSTONE_BIN:-${CARGO_TARGET_DIR:-$root/target}/debug/touchstone}"
if [ -z "${TOUCHSTONE_BIN:-}" ]; then
  cargo build -q --locked -p touchstone
fi
for tool in /usr/bin/chromium /usr/bin/chromedriver; do
  [ -x "$tool" ] || { echo "$tool is missing: apt-get install chromium chromium-driver" >&2; exit 1; }
done
python3 -c 'import selenium' 2>/dev/null || { echo "selenium is missing: python3 -m pip install selenium" >&2; exit 1; }

# axe-core (accessibility rules) from the npm registry, pinned, kept in a cache outside the
# repository (never committed); the walk-throughs inject it into the pages they check.
AXE_VERSION=4.14.1
axe_dir="${TOUCHSTONE_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/touchstone}/axe-core-$AXE_VERSION"
if [ -z "${TOUCHSTONE_AXE_JS:-}" ]; then
  if [ ! -s "$axe_dir/axe.min.js" ]; then
    command -v npm >/dev/null || { echo "npm is missing (it fetches axe-core): apt-get install npm" >&2; exit 1; }
    mkdir -p "$axe_dir"
    tarball="$(cd "$axe_dir" && npm pack --silent "axe-core@$AXE_VERSION" | tail -n1)"
    tar -xzf "$axe_dir/$tarball" -C "$axe_dir" --strip-components=1 package/axe.min.js
    rm -f "$axe_dir/$tarball"
  fi
  export TOUCHSTONE_AXE_JS="$axe_dir/axe.min.js"
fi

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
data="$(mktemp -d "${TMPDIR:-/tmp}/touchstone-browser-data.XXXXXX")"
artifacts="$(mktemp -d "${TMPDIR:-/tmp}/touchstone-browser.XXXXXX")"
# Run from the data directory so that no touchstone.toml lying around is read; no second
# factor required, so the demo users (who have none) sign in with their password.
(
  cd "$data"
  exec env TOUCHSTONE_REQUIRE_TWO_FACTOR=false TOUCHSTONE_LOG="${TOUCHSTONE_LOG:-info}" \
    "$bin" serve --demo --data-dir "$data" --bind "127.0.0.1:$port"
) >"$data/serve.log" 2>&1 &
server=$!
cleanup() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -rf "$data"
  rmdir "$artifacts" 2>/dev/null || true # kept when it holds screenshots
}
trap cleanup EXIT
started=$(date +%s)
for _ in $(seq 1 300); do
  curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { echo "the server stopped:"; cat "$data/serve.log"; exit 1; }
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null || { echo "not ready after 300 s:"; tail -n 50 "$data/serve.log"; exit 1; }
echo "touchstone serve --demo ready on port $port in $(( $(date +%s) - started )) s"

status=0
python3 tests/browser/walkthrough.py --base-url "http://127.0.0.1:$port" --artifacts "$artifacts" "$@" || status=$?
if grep -qiE "panicked|internal error" "$data/serve.log"; then
  echo "the server logged internal errors during the walk-throughs:"
  grep -iE -B2 -A5 "panicked|internal error" "$data/serve.log" | head -n 50
  status=1
fi
if [ "$status" -ne 0 ]; then
  cp "$data/serve.log" "$artifacts/serve.log"
  echo "server log and screenshots: $artifacts"
fi
exit "$status"
