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
# same generator with another seed (SEED, default 11; a seed already written writes nothing new). wrk and the server share this machine's cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
docs=${DOCS:-100000}
out=${OUT:-/tmp/parallax-serve-bench}
rate=${RATE:-1000}
secs=${SECONDS_RUN:-60}
readers=${READERS:-8}
port=${PORT:-7898}
source bench/serve/wrk.sh
source bench/serve/served.sh
seed=${SEED:-11}
writes="$out/writes-$rate-$secs-$seed"
if [ ! -f "$writes/corpus.jsonl" ]; then
  python3 bench/reuse/generate.py --docs $((rate * secs + rate)) --seed "$seed" --out "$writes" >/dev/null
fi
token=$(target/release/parallax token create "soak-$(date +%s%N)" --db "$db" 2>/dev/null | tail -n 1)
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
