#!/usr/bin/env bash
# Runs every cargo-fuzz target for a while and fails if any of them crashes.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]      # default 60 s, every target
#
# Targets: gs1 element strings, Digital Link URIs and scanner data (crates/gs1/fuzz), image
# upload processing (crates/media/fuzz), catalog import rows in CSV and JSON Lines
# (crates/touchstone/fuzz). Each fuzz folder is its own cargo workspace, built once with
# AddressSanitizer, debug assertions and overflow checks (cargo-fuzz's defaults).
#
# Seeds are read in place from ../shared/testdata (beside the checkout, never copied into the
# repository): the decoded texts of the barcode samples for the gs1 targets, the same texts
# behind the symbology identifier a scanner sends (`]e0`, `]d2`, ...) for scanner data, the
# barcode photos for image upload; a libFuzzer dictionary of Application Identifiers is made
# from the GS1 syntax dictionary. Import rows start from crates/touchstone/fuzz/seeds.
#
# Corpora and crash files live in FUZZ_WORK_DIR (default $TMPDIR/touchstone-fuzz), outside the
# repository, and grow from one run to the next. Needs only the stable toolchain:
# RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its -Z sanitizer flags.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds="${1:-60}"
shift || true
case "$seconds" in '' | *[!0-9]*) echo "usage: $0 [SECONDS_PER_TARGET] [TARGET...]" >&2; exit 64 ;; esac

export RUSTC_BOOTSTRAP=1
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

# One target dir for the three fuzz workspaces: they share gs1, media and libFuzzer builds.
target_dir="${CARGO_TARGET_DIR:-$root/target}/fuzz"
triple="$(rustc -vV | sed -n 's/^host: //p')"
work="${FUZZ_WORK_DIR:-${TMPDIR:-/tmp}/touchstone-fuzz}"
testdata="../shared/testdata"
mkdir -p "$work"

# fuzz dir | target
all_targets=(
  "crates/gs1/fuzz element_string"
  "crates/gs1/fuzz digital_link"
  "crates/gs1/fuzz scan"
  "crates/media/fuzz process"
  "crates/touchstone/fuzz import_csv"
  "crates/touchstone/fuzz import_jsonl"
)
selected=()
for t in "${all_targets[@]}"; do
  if [ $# -eq 0 ]; then selected+=("$t"); continue; fi
  for want in "$@"; do [ "${t#* }" = "$want" ] && selected+=("$t"); done
done
[ ${#selected[@]} -gt 0 ] || { echo "no such target: $*" >&2; exit 64; }

# ---- seeds from the shared test data (read in place) ----
texts="$work/seeds-texts.list"
images="$work/seeds-images.list"
: >"$texts"
: >"$images"
if [ -d "$testdata/barcodes" ]; then
  barcodes="$(cd "$testdata/barcodes" && pwd)"
  find "$barcodes" -type f -name '*.txt' ! -name '*.result.txt' | sort | paste -sd, >"$texts"
  find "$barcodes" -type f \( -name '*.png' -o -name '*.jpg' -o -name '*.webp' \) | sort | paste -sd, >"$images"
  # Scanner data: the decoded text behind the symbology identifier, as a scanner sends it.
  rm -rf "$work/seeds-scan" && mkdir -p "$work/seeds-scan"
  n=0
  while IFS= read -r result; do
    id="$(sed -n 's/^symbologyIdentifier=//p' "$result" | head -n1)"
    text="${result%.result.txt}.txt"
    [ -n "$id" ] && [ -f "$text" ] || continue
    n=$((n + 1))
    { printf '%s' "$id"; cat "$text"; } >"$work/seeds-scan/$n"
  done < <(find "$barcodes" -name '*.result.txt' | sort)
else
  echo "note: $testdata/barcodes not found; fuzzing without its seeds" >&2
fi
# Dictionaries: every Application Identifier, bracketed and as a Digital Link path segment.
dict_es="$work/ai-bracketed.dict"
dict_dl="$work/ai-path.dict"
: >"$dict_es"
: >"$dict_dl"
if [ -f "$testdata/gs1/gs1-syntax-dictionary.txt" ]; then
  grep -v '^#' "$testdata/gs1/gs1-syntax-dictionary.txt" | awk '
    NF && $1 ~ /^[0-9]+(-[0-9]+)?$/ {
      split($1, r, "-"); lo = r[1]; hi = (2 in r) ? r[2] : r[1]
      for (i = lo + 0; i <= hi + 0; i++) printf("%0" length(lo) "d\n", i)
    }' | sort -u >"$work/ais.txt"
  sed 's/.*/"(&)"/' "$work/ais.txt" >"$dict_es"
  sed 's|.*|"/&/"|' "$work/ais.txt" >"$dict_dl"
  printf '"https://id.gs1.org"\n"?"\n"&"\n"="\n"\\x1d"\n"]C1"\n"]d2"\n"]Q3"\n"]e0"\n' | tee -a "$dict_dl" >>"$dict_es"
fi

# ---- build: one build per fuzz workspace ----
# gs1 and media are small: optimised, with AddressSanitizer (cargo-fuzz's defaults). The import
# targets compile the whole application, which is `forbid(unsafe_code)`: AddressSanitizer has
# no unsafe Rust to watch there (its C parts, SQLite and zxing-cpp, are built by cc and never
# instrumented by rustc's flags), and what these targets find are panics and broken round
# trips. So they are built without a sanitizer and unoptimised (debug assertions and overflow
# checks stay): the optimised sanitizer build of the application was half of a CI run.
build_flags() {
  case "$1" in
    crates/touchstone/fuzz) echo "--dev --sanitizer none" ;;
    *) echo "" ;;
  esac
}
bin_dir_of() {
  case "$(build_flags "$1")" in
    *--dev*) echo "$target_dir/$triple/debug" ;;
    *) echo "$target_dir/$triple/release" ;;
  esac
}
for dir in $(printf '%s\n' "${selected[@]}" | cut -d' ' -f1 | sort -u); do
  # Same dependency versions as the main workspace (fuzz lockfiles are not committed).
  [ -f "$dir/Cargo.lock" ] || cp Cargo.lock "$dir/Cargo.lock"
  t0=$(date +%s)
  # shellcheck disable=SC2046
  cargo fuzz build $(build_flags "$dir") --fuzz-dir "$dir" --target-dir "$target_dir"
  echo "built $dir in $(( $(date +%s) - t0 )) s"
done

# ---- run ----
summary="$work/summary.txt"
printf '%-16s %14s %10s %8s  %s\n' target executions exec/s corpus result >"$summary"
failed=0
for t in "${selected[@]}"; do
  dir="${t% *}"
  name="${t#* }"
  corpus="$work/corpus/$name"
  artifacts="$work/artifacts/$name"
  mkdir -p "$corpus" "$artifacts"
  args=(-max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/")
  extra=()
  case "$name" in
    element_string)
      [ -s "$texts" ] && args+=(-seed_inputs=@"$texts")
      [ -s "$dict_es" ] && args+=(-dict="$dict_es") ;;
    digital_link)
      [ -s "$texts" ] && args+=(-seed_inputs=@"$texts")
      [ -s "$dict_dl" ] && args+=(-dict="$dict_dl") ;;
    scan)
      [ -s "$texts" ] && args+=(-seed_inputs=@"$texts")
      [ -d "$work/seeds-scan" ] && extra+=("$work/seeds-scan")
      [ -s "$dict_es" ] && args+=(-dict="$dict_es") ;;
    process)
      [ -s "$images" ] && args+=(-seed_inputs=@"$images")
      args+=(-max_len=262144) ;;
    import_csv | import_jsonl)
      extra+=("$dir/seeds/$name") ;;
  esac
  log="$work/$name.log"
  echo
  echo "=== fuzz $name for ${seconds}s (log: $log)"
  set +e
  "$(bin_dir_of "$dir")/$name" "${args[@]}" "$corpus" "${extra[@]}" >"$log" 2>&1
  rc=$?
  set -e
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)"
  rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n1)"
  size="$(find "$corpus" -type f | wc -l)"
  if [ "$rc" -eq 0 ]; then
    result="ok"
  else
    result="CRASH (exit $rc)"
    failed=1
    grep -E '^(==[0-9]+==ERROR|thread .* panicked|SUMMARY|artifact_prefix|Test unit written|Base64)' "$log" | head -n 20 || true
    tail -n 40 "$log"
  fi
  printf '%-16s %14s %10s %8s  %s\n' "$name" "${execs:-?}" "${rate:-?}" "$size" "$result" | tee -a "$summary"
done

echo
cat "$summary"
echo "corpora and crash inputs: $work"
if [ "$failed" -ne 0 ]; then
  echo "FAILED: a fuzz target crashed; reproduce with: $target_dir/$triple/{release,debug}/TARGET $work/artifacts/TARGET/crash-*" >&2
  exit 1
fi
