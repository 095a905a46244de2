#!/usr/bin/env bash
# Fuzz cvmatch's in-process parsers. Usage: fuzz/run.sh [extract|profile|all] [SECONDS]
# Needs `cargo install cargo-fuzz`; the toolchain is stable, so RUSTC_BOOTSTRAP=1 unlocks the
# nightly-only sanitizer flags. Seeds are copied at run time (never committed) into
# fuzz/corpus/<target> (gitignored): the hostile PDFs of ../shared/corpora and corpus/*.pdf
# for `extract`, the shipped profile and the test profiles for `profile`.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:-all}"
seconds="${2:-600}"
shared="../shared/corpora"

seed_extract() {
    mkdir -p fuzz/corpus/extract
    if [ -d "$shared/hostile" ]; then
        find "$shared/hostile" -type f -size -2M -exec cp -n {} fuzz/corpus/extract/ \;
    fi
    cp -n corpus/*.pdf fuzz/corpus/extract/ 2>/dev/null || true
    cp -n tests/fixtures/hostile/*.pdf fuzz/corpus/extract/ 2>/dev/null || true
}

seed_profile() {
    mkdir -p fuzz/corpus/profile
    cp -n profiles/*.toml fuzz/corpus/profile/ 2>/dev/null || true
    cp -n tests/fixtures/profiles/*.toml fuzz/corpus/profile/ 2>/dev/null || true
}

run() {
    local name="$1"
    "seed_$name"
    RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir fuzz "$name" "fuzz/corpus/$name" -- \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=1048576
}

case "$target" in
    extract | profile) run "$target" ;;
    all) run extract; run profile ;;
    *) echo "usage: $0 [extract|profile|all] [SECONDS]" >&2; exit 2 ;;
esac
