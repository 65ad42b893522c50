#!/usr/bin/env bash
# Times `parallax brief` on the seed corpus, process start included, with hyperfine
# (apt-get install hyperfine). Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=../shared/corpus/seeds
[ -d "$seeds" ] || { echo "skipped: $seeds is not beside the checkout"; exit 0; }
cargo build --release --quiet
hyperfine -N --warmup 5 --runs 50 \
  "./target/release/parallax brief --date 2025-08-19 $seeds" \
  "./target/release/parallax brief --format json --date 2025-08-19 $seeds" \
  "./target/release/parallax brief --date 2026-03-04 examples/ferry"
