#!/usr/bin/env bash
# Fuzzes Parallax's input paths with cargo-fuzz (libFuzzer, nightly): the HTML parser,
# extraction, the text stage, a JSON Lines record, a WARC stream, a feed, and a whole brief of
# a small document set.
#
#   bash bench/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# SECONDS_PER_TARGET defaults to 3600 (the long campaign); `.ci/run` passes 60. Each target
# starts from a seed corpus made of our demo corpus and fixtures (copied into
# target/fuzz-corpus/<target>, which also keeps what the fuzzer finds between runs). A crash, a
# run over 10 s or a leak stops the target and fails the script; the input is left in
# fuzz/artifacts/<target>/ to be added to the regression corpus. Installs cargo-fuzz when it
# is missing; says so and exits 0 when no nightly toolchain is there.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-3600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(html extract text jsonl warc feed brief); fi

if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzz: no nightly toolchain here: fuzzing skipped"
  exit 0
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz"
  cargo +nightly install cargo-fuzz --locked --quiet
fi

corpus=target/fuzz-corpus
seed() {
  local dir="$corpus/$1"
  mkdir -p "$dir"
  shift
  for f in "$@"; do [ -f "$f" ] && cp -n "$f" "$dir/" 2>/dev/null || true; done
}
html=(testdata/extract/html/*)
text=(examples/ferry/*.txt testdata/extract/text/*)
seed html "${html[@]}"
seed extract "${html[@]}" "${text[@]}"
seed text "${text[@]}"
seed jsonl examples/ferry/*.jsonl
seed warc fuzz/seeds/warc/*
seed feed fuzz/seeds/feed/*
seed brief "${text[@]}"

failed=0
for t in "${targets[@]}"; do
  echo "fuzz: $t for ${seconds} s"
  if ! cargo +nightly fuzz run --fuzz-dir fuzz "$t" "$corpus/$t" -- \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=262144 -print_final_stats=1 \
      2>"target/fuzz-$t.log"; then
    echo "fuzz: $t FAILED (log: target/fuzz-$t.log; inputs in fuzz/artifacts/$t/)"
    tail -n 40 "target/fuzz-$t.log"
    failed=1
  else
    grep -E '^stat::number_of_executed_units|^Done [0-9]+ runs' "target/fuzz-$t.log" | tail -n 1 || true
  fi
done
exit "$failed"
