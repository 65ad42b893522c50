#!/usr/bin/env bash
# Load on `parallax serve`: wrk (Debian's package, installed when missing and allowed) against
# loopback, on a store of DOCS generated documents (default 100,000; the issue's figure is at
# 1,000,000: DOCS=1000000). Prints, per route, requests/s and the latency percentiles wrk
# measures, at CONNS connections (default 64) for SECONDS_EACH seconds (default 20).
#
#   bash bench/serve/load.sh
#   DOCS=1000000 OUT=/tmp/px-serve-1m bash bench/serve/load.sh
#
# Requests say they accept gzip, as browsers do (briefings are sent gzipped then).
# The store is kept in OUT (default /tmp/parallax-serve-bench) and reused by the next run;
# DB=PATH serves a store made elsewhere (the one bench/store/scale.sh leaves, say).
# wrk and the server share this machine's cores: the figures are for comparison, not capacity.
set -euo pipefail
cd "$(dirname "$0")/../.."
docs=${DOCS:-100000}
out=${OUT:-/tmp/parallax-serve-bench}
conns=${CONNS:-64}
secs=${SECONDS_EACH:-20}
port=${PORT:-7899}

source bench/serve/wrk.sh
source bench/serve/served.sh
# A story of a usual size (3 to 10 articles) beside the largest recent one ($story).
small=$(python3 - "$port" <<'PY'
import json, sys, urllib.request
port, cursor = sys.argv[1], ""
for _ in range(200):
    page = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/stories?limit=50&min_size=3{cursor}"))
    found = [s["id"] for s in page["stories"] if s["size"] <= 10]
    if found or not page["next_cursor"]:
        print(found[0] if found else "")
        break
    cursor = "&cursor=" + page["next_cursor"]
PY
)
# A server new to a large store lists its largest stories at once and makes their headlines
# and counts in the background (`carded: false` until then): wait until the first page is
# carded (at most 300 s), as a server that has run a while has, and say how long it took.
python3 - "$port" <<'PY'
import json, sys, time, urllib.request
port, start = sys.argv[1], time.monotonic()
while time.monotonic() - start < 300:
    page = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/stories?limit=50"))
    waiting = sum(1 for s in page["stories"] if s.get("carded") is False)
    if waiting == 0:
        break
    time.sleep(1)
print(f"first page carded after {time.monotonic() - start:.1f} s ({waiting} stories still being counted)")
PY
# The first request of each route makes its list or briefing (timed here); wrk then measures
# the answers served from what was made: the API's and the web app's (the river, a story's
# page).
for route in "/api/v1/stories?limit=50" "/api/v1/stories/$story" "/api/v1/stories/$small" "/" "/stories/$small" "/stories/$story" "/stories.atom"; do
  curl -sf -o /dev/null -w "first request of $route (made, not cached): %{time_total} s, %{size_download} bytes\n" \
    "http://127.0.0.1:$port$route"
done
for route in "/api/v1/stories?limit=50" "/api/v1/stories/$story" "/api/v1/stories/$small" "/" "/stories/$small" "/stories/$story" "/stories.atom"; do
  echo "== $route ($conns connections, ${secs} s)"
  wrk -t2 -c"$conns" -d"${secs}s" --latency -H "Accept-Encoding: gzip" "http://127.0.0.1:$port$route" \
    | grep -E '^\s+(50%|90%|99%)|Requests/sec|Non-2xx|Socket errors' || true
done
