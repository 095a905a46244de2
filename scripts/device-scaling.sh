#!/usr/bin/env bash
# Thread scaling of `cvmatch run` on a many-core machine, in one prepared run (< 8 minutes on
# 16 cores): builds release (unless binaries are given), generates COUNT CVs, runs cvmatch with
# --threads 1 2 4 8 16 from an empty index each time, and pdftotext with xargs -P PDFTOTEXT_P on
# the same files. Prints CVs/s, speed-ups, cores kept busy (CPU time / wall time) and the stage
# split as markdown. See scripts/README.md.
#
# `--threads 1` already overlaps a worker process, a consumer thread and tantivy's indexing
# thread, so it keeps about two cores busy: the speed-up against it understates scaling per core.
# ONE_CORE=1 adds a baseline run confined to one core (`taskset -c 0 … --threads 1`) and a
# speed-up column against it.
#
# Environment (all optional):
#   COUNT=4000                 generated CVs
#   INPUT=…                    a folder of PDFs to use instead of generating COUNT CVs
#   THREADS="1 2 4 8 16"       cvmatch --threads levels (the first is the speed-up baseline)
#   PDFTOTEXT_P=16             pdftotext parallelism (skipped with a note if pdftotext is absent)
#   CVMATCH=…  CVGEN=…         prebuilt binaries (then nothing is built; for a machine without
#                              cargo or crates: carry stripped copies, see scripts/README.md)
#   ONE_CORE=0                 1: also run `taskset -c 0 cvmatch --threads 1` as a baseline
#   BUDGET_S=420               stop starting new runs after this many seconds (keeps < 8 min)
#   OUT=…                      also copy the markdown report to $OUT/device-scaling.md
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
COUNT=${COUNT:-4000}
THREADS=${THREADS:-"1 2 4 8 16"}
PDFTOTEXT_P=${PDFTOTEXT_P:-16}
BUDGET_S=${BUDGET_S:-420}
ONE_CORE=${ONE_CORE:-0}
START=$(date +%s.%N)

log() { printf '[device-scaling] %s\n' "$*" >&2; }
die() { printf '[device-scaling] error: %s\n' "$*" >&2; exit 1; }
now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"${2:-%.3f}\", $1 }"; }
elapsed() { calc "$(now) - $START" %.0f; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/cvmatch-scaling.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

if [[ -z ${CVMATCH:-} || -z ${CVGEN:-} ]]; then
    command -v cargo >/dev/null || die "cargo not found: set CVMATCH and CVGEN to prebuilt binaries"
    log "building cvmatch and cvgen (release)…"
    (cd "$ROOT" && cargo build --release --quiet --bin cvmatch)
    (cd "$ROOT/corpus/generator" && cargo build --release --quiet)
fi
CVMATCH=${CVMATCH:-${CARGO_TARGET_DIR:-$ROOT/target}/release/cvmatch}
CVGEN=${CVGEN:-$ROOT/corpus/generator/target/release/cvgen}
[[ -x $CVMATCH ]] || die "no cvmatch binary at $CVMATCH"
[[ -x $CVGEN ]] || die "no cvgen binary at $CVGEN"
# Private copies: a concurrent `cargo build` must not swap the binary in the middle of a run.
cp "$CVMATCH" "$WORK/cvmatch" && CVMATCH=$WORK/cvmatch
cp "$CVGEN" "$WORK/cvgen" && CVGEN=$WORK/cvgen

if [[ -n ${INPUT:-} ]]; then
    GEN=$INPUT
else
    GEN=$WORK/generated
    t0=$(now)
    "$CVGEN" bulk --count "$COUNT" --seed 7 --out "$GEN" 2>/dev/null
    log "generated $COUNT CVs in $(calc "$(now) - $t0" %.1f) s"
fi
FILES=$(find "$GEN" -type f -name '*.pdf' | wc -l)
find "$GEN" -type f -name '*.pdf' -print0 | xargs -0 cat >/dev/null # warm the page cache

PT_ROW="| pdftotext | $PDFTOTEXT_P | — | — | — | — | not installed (apt-get install -y poppler-utils) | | | | | | | | | |"
if command -v pdftotext >/dev/null; then
    rc=0
    t0=$(now)
    find "$GEN" -type f -name '*.pdf' -print0 |
        xargs -0 -P "$PDFTOTEXT_P" -I{} pdftotext -q {} - >/dev/null 2>&1 || rc=$?
    pt=$(calc "$(now) - $t0")
    [[ $rc == 0 || $rc == 123 ]] || die "pdftotext/xargs failed with status $rc"
    PT_ROW="| pdftotext (xargs -P) | $PDFTOTEXT_P | — | — | — | — | $pt | $(calc "$FILES / $pt" %.1f) | | — | | | | | | |"
    log "pdftotext -P $PDFTOTEXT_P: $pt s"
fi

field() { sed -n "s/^ *\"$2\": *\([0-9.eE+-]*\),\{0,1\}$/\1/p" "$1" | head -1; }
# CPU seconds (user + system) of every child this shell has waited for, processes they waited
# for included: the difference around a run is the run's CPU time.
TICKS=$(getconf CLK_TCK)
children_cpu() { awk -v t="$TICKS" '{ printf "%.2f", ($16 + $17) / t }' "/proc/$$/stat"; }

ROWS=()
base=""
one_core=""
# run_cvmatch LABEL P [PIN…]: one run from an empty index; appends its table row.
run_cvmatch() {
    local label=$1 p=$2 cpu0 t0 wall cpu m
    shift 2
    rm -rf "$WORK/index"
    cpu0=$(children_cpu)
    t0=$(now)
    (cd "$ROOT" && "$@" "$CVMATCH" run --input "$GEN" --out "$WORK/out.csv" --index "$WORK/index" \
        --threads "$p" --rebuild) >"$WORK/run.log" 2>&1 ||
        die "$label --threads $p failed: $(tail -3 "$WORK/run.log")"
    wall=$(calc "$(now) - $t0")
    cpu=$(calc "$(children_cpu) - $cpu0")
    m=$WORK/out.csv.manifest.json
    if [[ $label == "cvmatch (1 core)" ]]; then one_core=$wall; else [[ -n $base ]] || base=$wall; fi
    ROWS+=("| $label | $p | $(field "$m" ingest) | $(field "$m" extract_index_score) \
| $(field "$m" rescore) | $(field "$m" report) | $wall | $(calc "$FILES / $wall" %.1f) \
| $(calc "$cpu / $wall" %.1f) | ${base:+$(calc "$base / $wall" %.2f)} \
| ${one_core:+$(calc "$one_core / $wall" %.2f)} | $(field "$m" extract) | $(field "$m" language) \
| $(field "$m" index) | $(field "$m" score) | $(field "$m" store) |")
    log "$label --threads $p: $wall s, $(calc "$cpu / $wall" %.1f) cores busy"
}

if [[ $ONE_CORE == 1 ]]; then
    command -v taskset >/dev/null || die "ONE_CORE=1 needs taskset (util-linux)"
    run_cvmatch "cvmatch (1 core)" 1 taskset -c 0
fi
for p in $THREADS; do
    if (($(elapsed) > BUDGET_S)); then
        log "budget of $BUDGET_S s spent: --threads $p and above skipped"
        ROWS+=("| cvmatch | $p | skipped (time budget) | | | | | | | | | | | | | |")
        continue
    fi
    run_cvmatch cvmatch "$p"
done

report() {
    echo "## cvmatch thread scaling — $(nproc) cores, $(uname -m), $FILES PDFs from ${INPUT:-cvgen}"
    echo
    echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); $FILES PDFs;" \
        "each cvmatch run from an empty index (--rebuild); stage columns from the run manifest."
    echo
    echo "| tool | P | ingest s | extract_index_score s | rescore s | report s | wall s | CVs/s | cores busy | speed-up vs first P | speed-up vs 1 core | busy extract s | busy language s | busy index s | busy score s | busy store s |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${ROWS[@]}"
    echo "$PT_ROW"
    echo
    echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "total script time: $(elapsed) s"
}
echo
report | tee "$WORK/report.md"
if [[ -n ${OUT:-} && -d ${OUT:-} ]]; then cp "$WORK/report.md" "$OUT/device-scaling.md"; fi
