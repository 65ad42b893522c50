# Sourced by the extraction benchmarks: `compare BENCH THEIRS_JSON` times Parallax's
# extraction on the same pages (best of three, extraction only: the eval command times each
# page after decompression) and prints both rates and the ratio.
compare() {
  local bench=$1 theirs=$2 ours=0 rate
  for _ in 1 2 3; do
    rate=$(./target/release/parallax eval extract --bench "$bench" | sed -n 's/^parallax: \([0-9.]*\) pages\/s.*/\1/p')
    ours=$(python3 -c "print(max($ours, $rate))")
  done
  echo "$theirs"
  echo "{\"tool\": \"parallax\", \"pages_per_second\": $ours}"
  python3 -c "import json; t=json.loads('''$theirs'''); print(f\"ratio: {$ours / t['pages_per_second']:.1f}x\")"
}
