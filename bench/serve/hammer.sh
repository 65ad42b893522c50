#!/usr/bin/env bash
# One token hammering the write endpoint of `parallax serve` as fast as wrk can send (the
# issue's "10,000 requests/s from one token"): checks that past the token's burst nearly every
# answer is 429 with Retry-After, that the store takes no more than the rate allows, that the
# server keeps answering /healthz meanwhile, and prints requests/s, statuses and the server's
# peak memory.
#
#   bash bench/serve/hammer.sh              # 10 s
#   SECONDS_EACH=30 bash bench/serve/hammer.sh
#
# wrk (Debian's package) is installed when missing and allowed. Exits 1 when a check fails.
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${SECONDS_EACH:-10}
port=${PORT:-7898}
source bench/serve/wrk.sh
cargo build --release --quiet -p parallax-cli
px="$PWD/target/release/parallax"
work=$(mktemp -d)
trap '[ -n "${server:-}" ] && kill -INT "$server" 2>/dev/null; rm -rf "$work"' EXIT
"$px" ingest --db "$work/news.db" examples/ferry --date 2026-03-04 >/dev/null 2>&1
token=$("$px" token create --db "$work/news.db" hammer 2>/dev/null | tail -n 1)
"$px" serve --db "$work/news.db" --listen "127.0.0.1:$port" 2>/dev/null &
server=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
before=$(curl -sf "http://127.0.0.1:$port/readyz" | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])')

# Each request a new record (its id and text carry a counter), so that every one the rate lets
# through is a new document; wrk tallies the statuses.
cat >"$work/post.lua" <<EOF
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $token"
wrk.headers["Content-Type"] = "application/x-ndjson"
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) n = 0; statuses = {} end
request = function()
  n = n + 1
  local body = '{"id":"h-' .. n .. '-' .. math.random(1e9) .. '","text":"Harbour note ' .. n .. '\\\\nThe harbour board met on Tuesday and agreed item ' .. n .. '."}\n'
  return wrk.format(nil, "/api/v1/documents", nil, body)
end
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
done = function(summary, latency, requests)
  local all = {}
  for _, t in ipairs(threads) do
    for status, count in pairs(t:get("statuses")) do all[status] = (all[status] or 0) + count end
  end
  io.write("statuses:")
  for status, count in pairs(all) do io.write(" " .. status .. "=" .. count) end
  io.write("\n")
end
EOF
healthy=0
( for _ in $(seq 1 "$secs"); do
    sleep 1
    curl -sf -m 2 "http://127.0.0.1:$port/healthz" >/dev/null && echo ok
  done ) >"$work/health" &
prober=$!
wrk -t1 -c32 -d"${secs}s" --latency -s "$work/post.lua" "http://127.0.0.1:$port/" | tee "$work/wrk.txt" \
  | grep -E 'Requests/sec|^\s+99%|statuses|Non-2xx|Socket errors' || true
wait "$prober" || true
healthy=$(grep -c ok "$work/health" || true)
after=$(curl -sf "http://127.0.0.1:$port/readyz" | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])')
peak=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$server/status" 2>/dev/null || echo "?")
statuses=$(grep statuses "$work/wrk.txt" || true)
ok=$(echo "$statuses" | grep -oE ' 200=[0-9]+' | cut -d= -f2 || true)
slowed=$(echo "$statuses" | grep -oE ' 429=[0-9]+' | cut -d= -f2 || true)
ok=${ok:-0}
slowed=${slowed:-0}
added=$((after - before))
allowed=$((20 + 10 * (secs + 1)))
echo "documents added: $added (the rate allows at most $allowed: a burst of 20, then 10 a second)"
echo "answers 200: $ok, 429: $slowed; /healthz answered $healthy of $secs probes; server peak ${peak} MB"
failed=0
[ "$added" -le "$allowed" ] || { echo "FAILED: more documents than the rate allows"; failed=1; }
[ "$ok" -le "$allowed" ] || { echo "FAILED: more writes accepted than the rate allows"; failed=1; }
[ "$slowed" -gt $((ok * 10)) ] || { echo "FAILED: too few 429 answers"; failed=1; }
[ "$healthy" -ge $((secs - 1)) ] || { echo "FAILED: /healthz did not answer meanwhile"; failed=1; }
exit $failed
