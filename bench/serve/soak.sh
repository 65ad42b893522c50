#!/usr/bin/env bash
# Writes while serving: `parallax serve` on a generated store, a writer posting RATE documents
# a second through the API for SECONDS_RUN seconds (bench/serve/soak.py: the delay from each write's commit
# to its stories' events, the server's memory every 10 s), and readers on the river and a
# story's briefing the whole time (wrk, READERS connections, their latencies printed at the
# end).
#
#   RATE=1000 SECONDS_RUN=60 bash bench/serve/soak.sh     # commit to event while ingesting
#   RATE=100 SECONDS_RUN=600 bash bench/serve/soak.sh     # a 10-minute soak
#
# The store is DB (default: the one `bench/serve/load.sh` leaves in OUT, made there when
# missing, DOCS documents); it grows by what is written. The documents written come from the
# same generator with another seed. wrk and the server share this machine's cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
docs=${DOCS:-100000}
out=${OUT:-/tmp/parallax-serve-bench}
rate=${RATE:-1000}
secs=${SECONDS_RUN:-60}
readers=${READERS:-8}
port=${PORT:-7898}
command -v wrk >/dev/null || { echo "soak: wrk is not installed (bash bench/serve/load.sh installs it)"; exit 1; }
cargo build --release --quiet
mkdir -p "$out"
db=${DB:-$out/serve.db}
if [ ! -f "$db" ]; then
  [ -f "$out/corpus.jsonl" ] || python3 bench/reuse/generate.py --docs "$docs" --seed 7 --out "$out" >/dev/null
  target/release/parallax ingest --db "$db" "$out/corpus.jsonl" 2>&1 | tail -n 1
fi
writes="$out/writes-$rate-$secs"
if [ ! -f "$writes/corpus.jsonl" ]; then
  python3 bench/reuse/generate.py --docs $((rate * secs + rate)) --seed 11 --out "$writes" >/dev/null
fi
token=$(target/release/parallax token create "soak-$(date +%s%N)" --db "$db" 2>/dev/null | tail -n 1)
target/release/parallax serve --db "$db" --listen "127.0.0.1:$port" --concurrency 256 2>/dev/null &
server=$!
trap 'kill -INT $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
  sleep 0.1
done
story=$(curl -sf "http://127.0.0.1:$port/api/v1/stories?limit=1&min_size=3" | python3 -c 'import json,sys; print(json.load(sys.stdin)["stories"][0]["id"])')
echo "store $db: $(curl -sf "http://127.0.0.1:$port/readyz")"
wrk -t1 -c"$readers" -d"${secs}s" --latency -H "Accept-Encoding: gzip" "http://127.0.0.1:$port/" >"$writes/wrk-river.txt" &
river=$!
wrk -t1 -c"$readers" -d"${secs}s" --latency -H "Accept-Encoding: gzip" "http://127.0.0.1:$port/api/v1/stories/$story" >"$writes/wrk-story.txt" &
briefing=$!
python3 bench/serve/soak.py --port "$port" --token "$token" --corpus "$writes/corpus.jsonl" \
  --rate "$rate" --seconds "$secs" --pid "$server"
wait $river $briefing || true
for f in river story; do
  echo "== readers on the $f ($readers connections, while writing)"
  grep -E '^\s+(50%|90%|99%)|Requests/sec|Non-2xx|Socket errors' "$writes/wrk-$f.txt" || true
done
