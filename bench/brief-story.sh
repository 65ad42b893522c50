#!/usr/bin/env bash
# Briefs a story of 1,000 articles built by the reuse generator (planted reprints of MSRP
# news sentences) on 2 threads, and reports wall time and peak memory (GNU time). Run from
# the repository root; needs ../shared for the generator's sentences.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d ../shared/bench/msrp ] || { echo "skipped: ../shared/bench/msrp is not beside the checkout"; exit 0; }
out=$(mktemp -d)
python3 bench/reuse/generate.py --docs 1000 --out "$out" >/dev/null
cargo build --release --quiet
for run in 1 2 3; do
  RAYON_NUM_THREADS=2 /usr/bin/time -f "run $run: %e s wall, %M KB peak RSS" \
    ./target/release/parallax brief --format json "$out/corpus.jsonl" -o "$out/briefing.json"
done
rm -rf "$out"
