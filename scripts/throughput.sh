#!/usr/bin/env bash
# Throughput of `cvmatch run` against `pdftotext` on the same files, in the same run; thread
# scaling; incremental reruns; peak memory. Prints markdown tables. See scripts/README.md.
#
# Environment (all optional):
#   THREADS="1 2"      parallelism levels P (pdftotext: xargs -P P; cvmatch: --threads P)
#   COUNT=10000        generated CVs for the throughput and incremental measurements
#   RSS=1              0 skips both peak-RSS runs (then GNU time is not needed)
#   BIG=1              0 skips the peak-RSS run at BIG_COUNT generated CVs
#   RSS_COUNT=1000     small peak-RSS case;  BIG_COUNT=20000  large peak-RSS case
#   RSS_THREADS=       --threads of the peak-RSS runs (default: the largest P of THREADS)
#   RSS_REPEAT=1       peak-RSS runs per size, the sizes alternating; the median is reported
#   REAL=../shared/corpora/real-resumes   real CV folder (skipped when absent; REAL= skips it)
#   REPEAT=1           runs per measurement; the fastest is kept
#   INCREMENTAL=1      0 skips the incremental measurement
#   SKIP_BUILD=0       1: use the binaries already built
#   CVMATCH=…  CVGEN=…  prebuilt binaries (default: the release builds, made here)
#   PIN=               a CPU list (taskset -c, e.g. "0,8"): both tools run on those CPUs only,
#                      to measure on dedicated cores of a bigger, quiet machine
#   KEEP=0             1: keep the temporary folder (generated CVs, indexes, logs)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
THREADS=${THREADS:-"1 2"}
COUNT=${COUNT:-10000}
RSS=${RSS:-1}
BIG=${BIG:-1}
RSS_COUNT=${RSS_COUNT:-1000}
RSS_REPEAT=${RSS_REPEAT:-1}
BIG_COUNT=${BIG_COUNT:-20000}
REAL=${REAL-$ROOT/../shared/corpora/real-resumes}
REPEAT=${REPEAT:-1}
INCREMENTAL=${INCREMENTAL:-1}
SKIP_BUILD=${SKIP_BUILD:-0}
KEEP=${KEEP:-0}
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
CVMATCH=${CVMATCH:-$TARGET_DIR/release/cvmatch}
CVGEN=${CVGEN:-$ROOT/corpus/generator/target/release/cvgen}
PINNED=()
[[ -z ${PIN:-} ]] || PINNED=(taskset -c "$PIN")
# Prefixes a command with the pinning, if any.
pinned() { ${PINNED[@]+"${PINNED[@]}"} "$@"; }
CORES=$(pinned nproc)
read -r -a PLIST <<<"$THREADS"
PMAX=${PLIST[0]}
for p in "${PLIST[@]}"; do ((p > PMAX)) && PMAX=$p; done
RSS_THREADS=${RSS_THREADS:-$PMAX}

log() { printf '[throughput] %s\n' "$*" >&2; }
die() { printf '[throughput] error: %s\n' "$*" >&2; exit 1; }

# --- prerequisites ---------------------------------------------------------------------------
command -v pdftotext >/dev/null ||
    die "pdftotext not found: install poppler-utils (Debian/Ubuntu: sudo apt-get install -y poppler-utils)"
[[ $RSS == 0 || -x /usr/bin/time ]] ||
    die "/usr/bin/time not found: install GNU time (Debian/Ubuntu: sudo apt-get install -y time)"
command -v cargo >/dev/null || [[ $SKIP_BUILD == 1 ]] || die "cargo not found"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/cvmatch-throughput.XXXXXX")
cleanup() {
    local rc=$?
    # Stop a sampler or run left behind by an interrupt (only our own children).
    jobs -p | xargs -r kill 2>/dev/null || true
    if [[ $KEEP == 1 ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ $SKIP_BUILD != 1 ]]; then
    log "building cvmatch (release)…"
    (cd "$ROOT" && cargo build --release --quiet --bin cvmatch)
    log "building cvgen (release)…"
    (cd "$ROOT/corpus/generator" && cargo build --release --quiet)
fi
[[ -x $CVMATCH ]] || die "no cvmatch binary at $CVMATCH"
[[ -x $CVGEN ]] || die "no cvgen binary at $CVGEN (cd corpus/generator && cargo build --release)"
# Private copies: a concurrent `cargo build` must not swap the binary in the middle of a run.
cp "$CVMATCH" "$WORK/cvmatch" && CVMATCH=$WORK/cvmatch
cp "$CVGEN" "$WORK/cvgen" && CVGEN=$WORK/cvgen

now() { date +%s.%N; }
# calc EXPR: floating-point arithmetic (awk), printed with 3 decimals unless FMT is given.
calc() { awk "BEGIN { printf \"${2:-%.3f}\", $1 }"; }
count_pdfs() { find "$1" -type f -iname '*.pdf' | wc -l; }
warm_cache() { find "$1" -type f -iname '*.pdf' -print0 | xargs -0 cat >/dev/null; }

generate() { # generate N SEED DIR
    local t0
    t0=$(now)
    "$CVGEN" bulk --count "$1" --seed "$2" --out "$3" 2>/dev/null
    log "generated $1 CVs (seed $2) in $(calc "$(now) - $t0" %.1f) s → $3"
}

# time_pdftotext DIR P → wall seconds. Every PDF, one pdftotext process each, P at a time;
# text to /dev/null. Files pdftotext cannot read count as done (xargs exits 123).
time_pdftotext() {
    local dir=$1 p=$2 t0 rc=0
    t0=$(now)
    find "$dir" -type f -iname '*.pdf' -print0 |
        pinned xargs -0 -P "$p" -I{} pdftotext -q {} - >/dev/null 2>&1 || rc=$?
    local t1
    t1=$(now)
    [[ $rc == 0 || $rc == 123 ]] || die "pdftotext/xargs failed with status $rc"
    calc "$t1 - $t0"
}

# run_cvmatch DIR P TAG [extra args…] → wall seconds; log and manifest kept as $WORK/TAG.*
run_cvmatch() {
    local dir=$1 p=$2 tag=$3 t0 t1
    shift 3
    t0=$(now)
    (cd "$ROOT" && pinned "$CVMATCH" run --input "$dir" --out "$WORK/$tag.csv" \
        --index "$WORK/$tag.index" --threads "$p" "$@") >"$WORK/$tag.log" 2>&1 ||
        die "cvmatch failed (see $WORK/$tag.log): $(tail -3 "$WORK/$tag.log")"
    t1=$(now)
    calc "$t1 - $t0"
}

# manifest_field TAG KEY → a number from the run manifest (e.g. extracted, files, ingest…)
manifest_field() {
    sed -n "s/^ *\"$2\": *\([0-9.eE+-]*\),\{0,1\}$/\1/p" "$WORK/$1.csv.manifest.json" | head -1
}

min() { printf '%s\n' "$@" | sort -g | head -1; }

THROUGHPUT_ROWS=()
STAGE_ROWS=()

# throughput NAME DIR: pdftotext and cvmatch at every P, REPEAT times each, fastest kept.
throughput() {
    local name=$1 dir=$2 files base_cv="" base_pt=""
    files=$(count_pdfs "$dir")
    ((files > 0)) || { log "no PDFs in $dir, skipped"; return; }
    warm_cache "$dir"
    for p in "${PLIST[@]}"; do
        local pts=() cvs=() r tag run best=""
        for ((r = 1; r <= REPEAT; r++)); do
            pts+=("$(time_pdftotext "$dir" "$p")")
            tag="tp-$name-p$p"
            rm -rf "$WORK/$tag.index"
            run=$(run_cvmatch "$dir" "$p" "$tag" --rebuild)
            cvs+=("$run")
            # The stage split comes from the fastest run's manifest, like the wall time.
            if [[ -z $best ]] || (($(calc "$run < $best" %d))); then
                best=$run
                cp "$WORK/$tag.csv.manifest.json" "$WORK/$tag-fastest.csv.manifest.json"
            fi
        done
        tag="$tag-fastest"
        local pt cv
        pt=$(min "${pts[@]}")
        cv=$(min "${cvs[@]}")
        [[ -n $base_cv ]] || { base_cv=$cv; base_pt=$pt; }
        log "$name P=$p: pdftotext $pt s, cvmatch $cv s ($(manifest_field "$tag" files) rows)"
        THROUGHPUT_ROWS+=("| $name | $files | $CORES | $p | $pt | $cv | $(calc "$cv / $pt" %.2f) \
| $(calc "$files / $cv" %.1f) | $(calc "$files / $pt" %.1f) | $(calc "$base_cv / $cv" %.2f) \
| $(calc "$base_pt / $pt" %.2f) |")
        STAGE_ROWS+=("| $name | $p | $(manifest_field "$tag" ingest) \
| $(manifest_field "$tag" extract_index_score) | $(manifest_field "$tag" rescore) \
| $(manifest_field "$tag" report) | $cv | $(manifest_field "$tag" extract) \
| $(manifest_field "$tag" language) | $(manifest_field "$tag" index) \
| $(manifest_field "$tag" score) | $(manifest_field "$tag" store) |")
    done
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# --- 1. throughput: real CVs and generated CVs -----------------------------------------------
GEN=$WORK/generated
generate "$COUNT" 7 "$GEN"
if [[ -n $REAL && -d $REAL ]]; then
    throughput real-resumes "$(cd "$REAL" && pwd)"
else
    log "real CV folder '${REAL:-}' absent: skipped"
fi
throughput "generated-$COUNT" "$GEN"

# --- 2. incremental: first run, unchanged rerun, rerun after changing 1 % of the files ------
INC_ROW=""
if [[ $INCREMENTAL == 1 ]]; then
    rm -rf "$WORK/inc.index"
    first=$(run_cvmatch "$GEN" "$PMAX" inc)
    first_extracted=$(manifest_field inc extracted)
    same=$(run_cvmatch "$GEN" "$PMAX" inc)
    same_extracted=$(manifest_field inc extracted)
    changed_count=$(((COUNT + 99) / 100))
    # Same names (cv-000000…), new content: another seed renders other CVs.
    generate "$changed_count" 8 "$WORK/changed"
    cp "$WORK"/changed/cv-*.pdf "$GEN"/
    changed=$(run_cvmatch "$GEN" "$PMAX" inc)
    changed_extracted=$(manifest_field inc extracted)
    log "incremental: first $first s ($first_extracted extracted), unchanged $same s" \
        "($same_extracted), 1 % changed $changed s ($changed_extracted)"
    INC_ROW="| $COUNT | $PMAX | $first ($first_extracted) | $same ($same_extracted) \
| $changed ($changed_extracted) | $(calc "$first / $same" %.1f) | $(calc "$changed / $first" %.3f) |"
fi

# --- 3. peak RSS ------------------------------------------------------------------------------
# GNU time's "Maximum resident set size" comes from wait4(), which folds in the peaks of the
# child's own waited-for children: it is max(parent, any worker). So the parent's and the
# workers' VmHWM are also sampled from /proc every 0.1 s, to tell them apart. Peak RSS moves
# with the machine's load (documents wait in tantivy's channel when its threads fall behind),
# so with RSS_REPEAT > 1 the sizes alternate and the median of each is reported.
RSS_ROWS=()
# rss_run N: one run over the folder of N CVs; prints "max_kb|parent_kb|worker_kb|wall".
rss_run() {
    local n=$1 dir=$WORK/rss-$1 tag=rss-$1
    rm -rf "$WORK/$tag.index"
    local t0 tpid cpid="" parent_kb=0 worker_kb=0 kb child
    t0=$(now)
    (cd "$ROOT" && exec /usr/bin/time -v -o "$WORK/$tag.time" "$CVMATCH" run --input "$dir" \
        --out "$WORK/$tag.csv" --index "$WORK/$tag.index" --threads "$RSS_THREADS" --rebuild \
        >"$WORK/$tag.log" 2>&1) &
    tpid=$!
    while kill -0 "$tpid" 2>/dev/null; do
        [[ -n $cpid ]] || cpid=$(cat "/proc/$tpid/task/$tpid/children" 2>/dev/null | awk '{print $1}')
        if [[ -n $cpid ]]; then
            kb=$(awk '/^VmHWM/ {print $2}' "/proc/$cpid/status" 2>/dev/null || true)
            [[ -n $kb ]] && ((kb > parent_kb)) && parent_kb=$kb
            for child in $(cat "/proc/$cpid/task/"*/children 2>/dev/null); do
                kb=$(awk '/^VmHWM/ {print $2}' "/proc/$child/status" 2>/dev/null || true)
                [[ -n $kb ]] && ((kb > worker_kb)) && worker_kb=$kb
            done
        fi
        sleep 0.1
    done
    wait "$tpid" || die "cvmatch failed under /usr/bin/time (see $WORK/$tag.log)"
    local wall max_kb
    wall=$(calc "$(now) - $t0")
    max_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/$tag.time")
    log "peak RSS at $n CVs: time -v $max_kb KiB, parent VmHWM ≥ $parent_kb KiB," \
        "largest worker $worker_kb KiB, $wall s"
    echo "$max_kb|$parent_kb|$worker_kb|$wall"
}
# median_field ROWS... FIELD: the median of one |-separated field over the rows (the lower
# middle one for an even count).
median_field() {
    local field=${!#}
    printf '%s\n' "${@:1:$#-1}" | cut -d'|' -f"$field" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'
}
if [[ $RSS == 1 ]]; then
    RSS_SIZES=("$RSS_COUNT")
    [[ $BIG == 1 ]] && RSS_SIZES+=("$BIG_COUNT")
    for n in "${RSS_SIZES[@]}"; do
        generate "$n" 11 "$WORK/rss-$n"
        warm_cache "$WORK/rss-$n"
    done
    declare -A RSS_RUNS=()
    for ((r = 1; r <= RSS_REPEAT; r++)); do
        for n in "${RSS_SIZES[@]}"; do
            RSS_RUNS[$n]+="$(rss_run "$n") "
        done
    done
    for n in "${RSS_SIZES[@]}"; do
        read -r -a runs <<<"${RSS_RUNS[$n]}"
        singles=$(printf '%s\n' "${runs[@]}" | cut -d'|' -f1 | awk '{printf "%s%.1f", (NR > 1 ? " " : ""), $1 / 1024}')
        RSS_ROWS+=("$n|$(median_field "${runs[@]}" 1)|$(median_field "${runs[@]}" 2)|$(median_field "${runs[@]}" 3)|$(median_field "${runs[@]}" 4)|$singles")
        rm -rf "$WORK/rss-$n" "$WORK/rss-$n.index"
    done
fi

# --- report -----------------------------------------------------------------------------------
mib() { calc "$1 / 1024" %.0f; }
echo
echo "## cvmatch throughput — $(date -u +%Y-%m-%dT%H:%MZ), $CORES cores${PIN:+ (CPUs $PIN of $(nproc --all))}, $(uname -m)"
echo
echo "Load average before / after: $LOAD_BEFORE / $(cut -d' ' -f1-3 /proc/loadavg) (other processes share these cores)."
echo
echo "cvmatch $("$CVMATCH" --version | awk '{print $2}'), $(pdftotext -v 2>&1 | head -1);" \
    "fastest of $REPEAT run(s); cvmatch runs start from an empty index (--rebuild)."
echo
echo "| corpus | files | cores | P | pdftotext s | cvmatch s | cvmatch/pdftotext | cvmatch CVs/s | pdftotext files/s | cvmatch speed-up vs P=${PLIST[0]} | pdftotext speed-up vs P=${PLIST[0]} |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${THROUGHPUT_ROWS[@]}"
echo
echo "cvmatch stage split (run manifest: \`stage_seconds\` wall, then \`busy_seconds\` summed over"
echo "threads for the stages that overlap; busy time includes waiting for a core when threads outnumber cores):"
echo
echo "| corpus | P | ingest | extract_index_score | rescore | report | total wall | busy: extract | language | index (hand-off) | score | store |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${STAGE_ROWS[@]}"
if [[ -n $INC_ROW ]]; then
    echo
    echo "Incremental (generated CVs, --threads $PMAX; s, with files extracted in brackets):"
    echo
    echo "| CVs | P | first run | unchanged rerun | 1 % changed rerun | first/unchanged | 1 %-changed/first |"
    echo "|---:|---:|---:|---:|---:|---:|---:|"
    echo "$INC_ROW"
fi
if ((${#RSS_ROWS[@]} > 0)); then
    echo
    echo "Peak RSS (generated CVs, --threads $RSS_THREADS, --rebuild; median of $RSS_REPEAT run(s) per size, sizes alternating):"
    echo
    echo "| CVs | /usr/bin/time max RSS MiB (parent or a worker) | parent VmHWM MiB (sampled) | largest worker VmHWM MiB (sampled) | wall s | single runs, time -v MiB |"
    echo "|---:|---:|---:|---:|---:|---|"
    for row in "${RSS_ROWS[@]}"; do
        IFS='|' read -r n max parent worker wall singles <<<"$row"
        echo "| $n | $(mib "$max") | $(mib "$parent") | $(mib "$worker") | $wall | $singles |"
    done
    if ((${#RSS_ROWS[@]} == 2)); then
        IFS='|' read -r n1 max1 parent1 _ _ <<<"${RSS_ROWS[0]}"
        IFS='|' read -r n2 max2 parent2 _ _ <<<"${RSS_ROWS[1]}"
        echo
        echo "Peak RSS ratio $n2/$n1 CVs: $(calc "$max2 / $max1" %.2f) (time -v)," \
            "$(calc "$parent2 / $parent1" %.2f) (parent VmHWM) for $(calc "$n2 / $n1" %.0f)× the CVs."
    fi
fi
