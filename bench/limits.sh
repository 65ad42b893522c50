#!/usr/bin/env bash
# Checks the limits of a whole run (issue 18) the way a hostile user meets them, with the
# release binary, and prints time and peak memory (GNU time) for each:
#
#   1. hostile shapes of 128 KB and 1 MB (a headline, a blank line, one shape repeated) and a
#      3 MB page made by mutating a news page of our own: each must brief in under 0.5 s a
#      128 KB (time per byte flat to 1 MB is the criterion bench `hostile`);
#   2. a .jsonl.gz bomb (2 GB of small records in a few MB) beside a good file: exit 1, the good
#      file briefed, peak memory under the run's budget (--max-total, 2 GiB by default);
#   3. feeds on a loopback server (Python): 10,000 items linking distinct pages, 10,000 items
#      linking the feed itself, two feeds linking the same 5,000 pages: at most one request per
#      distinct URL, at most --max-items items, peak memory bounded.
#
#   bash bench/limits.sh            # all three
#   bash bench/limits.sh shapes     # or: bomb, feeds
#
# Exits 1 when a check fails. With LIMITS_TIMES=report (as `.ci/run` runs it on a shared
# machine) times are printed but not checked; exits, requests and memory still are. Needs
# python3 and GNU time (/usr/bin/time); says so and exits 0 without them. Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
if [ ! -x /usr/bin/time ] || ! command -v python3 >/dev/null; then
  echo "limits: skipped: needs GNU time (/usr/bin/time; apt-get install time) and python3"
  exit 0
fi
cargo build --release --quiet -p parallax-cli
px="$PWD/target/release/parallax"
work="$(mktemp -d)"
trap 'rm -rf "$work"; [ -n "${server:-}" ] && kill "$server" 2>/dev/null || true' EXIT
failed=0

# Runs a command under GNU time; sets `secs`, `peak_mb` and `code`.
measure() {
  local t="$work/time.txt"
  set +e
  /usr/bin/time -f "%e %M" -o "$t" "$@" >"$work/out" 2>"$work/err"
  code=$?
  set -e
  read -r secs kb < <(tail -n 1 "$t")
  peak_mb=$((kb / 1024))
}
check() { # check CONDITION MESSAGE
  if eval "$1"; then echo "  ok: $2"; else echo "  FAILED: $2"; failed=1; fi
}

if [ "$what" = all ] || [ "$what" = shapes ]; then
  echo "== hostile shapes and a mutated page (parallax brief)"
  python3 - "$work" <<'EOF'
import random, sys
out = sys.argv[1]
shapes = {"dot-letter": ".A", "euro-ligature": "€Œ", "short-quotes": '"a b" ',
          "capitals": "Harbour Board ", "initials": "J. R. ", "clock": "at 10:45 on ",
          "units": "12 km 3 kg ", "colons": "Port: ", "particles": "van der de la ",
          "money": "$5 million and ", "dates": "on 3 May 2024 and ", "ages": "Ana Lind, 34, ",
          "all-but": "all but 2 of 300 ", "all-but-bare": "all but 2 ", "designations": "737-800 ", "percents": "12 per cent ",
          "said": "Ana Lind said. ", "quoted": "\"Yes,\" said Ana Lind. ",
          "repeated": "The ferry hit the pier on Tuesday. "}
for name, shape in shapes.items():
    for kb in (128, 1024):
        unit = len(shape.encode())
        with open(f"{out}/{name}-{kb}k.txt", "w") as f:
            f.write("A headline\n\n" + shape * (kb * 1024 // unit))
# A news page of our own, then mutated as a fuzzer would: chunks copied elsewhere, bytes
# flipped, tags and quote marks inserted, until it is 3 MB.
rng = random.Random(18)
paras = "".join(
    f"<p>The ferry Aurora struck the pier at Halvik on Tuesday, the coastguard said, and {n} "
    f"passengers were treated for minor injuries. \"We heard a bang,\" said passenger Ana Lind, "
    f"{20 + n}. The harbour master, Tor Berg, said the channel would reopen on Thursday.</p>"
    for n in range(40))
page = bytearray(("<html><head><title>Ferry strikes pier at Halvik</title></head><body><article>"
                  "<h1>Ferry strikes pier at Halvik</h1>" + paras + "</article></body></html>").encode())
inserts = [b"<p>", b"</p>", b"<div>", b"</div>", b"<script>", b"\"", b"\xe2\x80\x9c", b"<a href=x>", b"&#x22;"]
while len(page) < 3 * 1024 * 1024:
    op = rng.randrange(3)
    at = rng.randrange(len(page))
    if op == 0:
        start = rng.randrange(len(page)); n = rng.randrange(1, 4096)
        page[at:at] = page[start:start + n]
    elif op == 1:
        for _ in range(16):
            page[rng.randrange(len(page))] = rng.randrange(256)
    else:
        page[at:at] = rng.choice(inserts)
open(f"{out}/mutated-3m.html", "wb").write(bytes(page))
EOF
  printf '  %-28s %8s %8s %6s\n' input seconds "peak MB" exit
  for f in "$work"/*-128k.txt "$work"/*-1024k.txt "$work"/mutated-3m.html; do
    measure "$px" brief --format json "$f"
    printf '  %-28s %8s %8s %6s\n' "$(basename "$f")" "$secs" "$peak_mb" "$code"
    case "$f" in
      *-128k.txt)
        if [ "${LIMITS_TIMES:-check}" = report ]; then
          echo "  (time not checked: LIMITS_TIMES=report)"
        else
          check "python3 -c 'import sys; sys.exit(not float(sys.argv[1]) < 0.5)' $secs" "$(basename "$f") in under 0.5 s"
        fi
        ;;
    esac
    check "[ $code -le 1 ]" "$(basename "$f") briefed or reported (exit $code)"
  done
fi

if [ "$what" = all ] || [ "$what" = bomb ]; then
  echo "== a .jsonl.gz bomb beside a good file (parallax brief, --max-total 2 GiB by default)"
  python3 - "$work" <<'EOF'
import gzip, sys
out = sys.argv[1]
record = b'{"id":"x","text":"a"}\n'
block = record * 100_000
with gzip.open(f"{out}/bomb.jsonl.gz", "wb", compresslevel=9) as f:
    for _ in range(2 * 1024 * 1024 * 1024 // len(block) + 1):
        f.write(block)
open(f"{out}/good.txt", "w").write(
    "Ferry strikes pier at Halvik\n\nThe ferry Aurora struck the pier at Halvik on Tuesday, "
    "the coastguard said, and twelve passengers were treated for minor injuries.\n")
EOF
  echo "  bomb: $(du -h "$work/bomb.jsonl.gz" | cut -f1) compressed, 2 GiB decoded"
  measure "$px" brief --format json "$work/bomb.jsonl.gz" "$work/good.txt"
  echo "  exit $code, ${secs} s, peak ${peak_mb} MB"
  check "[ $code = 1 ]" "exit 1 (a file was skipped)"
  check "grep -q 'Ferry strikes pier' '$work/out'" "the good file briefed"
  check "grep -q -- '--max-total' '$work/err'" "the bomb reported, naming --max-total"
  check "[ $peak_mb -lt 2048 ]" "peak memory ${peak_mb} MB under the 2 GiB budget"
fi

if [ "$what" = all ] || [ "$what" = feeds ]; then
  echo "== feeds on a loopback server (parallax brief)"
  port_file="$work/port"
  python3 - "$port_file" "$work/hits" <<'EOF' &
import http.server, sys, threading, collections
port_file, hits_file = sys.argv[1], sys.argv[2]
hits = collections.Counter()
lock = threading.Lock()
def feed(base, links):
    items = "".join(f"<item><title>Item {i}</title><link>{base}{l}</link></item>" for i, l in enumerate(links))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Load</title>{items}</channel></rss>'
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"
    def log_message(self, *a): pass
    def do_GET(self):
        base = f"http://127.0.0.1:{self.server.server_port}"
        if self.path == "/reset":
            with lock:
                hits.clear()
                open(hits_file, "w").write("0 0 0\n")
            self.send_response(204); self.end_headers(); return
        with lock:
            hits[self.path] += 1
            with open(hits_file, "w") as f:
                f.write(f"{sum(hits.values())} {len(hits)} {max(hits.values())}\n")
        p = self.path
        if p == "/fan":
            body, kind = feed(base, [f"/page/{i}" for i in range(10_000)]), "application/rss+xml"
        elif p == "/self":
            body, kind = feed(base, ["/self"] * 10_000), "application/rss+xml"
        elif p in ("/two-a", "/two-b"):
            body, kind = feed(base, [f"/page/{i}" for i in range(5_000)]), "application/rss+xml"
        elif p.startswith("/page/"):
            n = p.rsplit("/", 1)[1]
            body = (f"<html><head><title>Harbour report {n}</title></head><body><article><h1>Harbour report {n}</h1>"
                    + f"<p>The harbour board met on Tuesday to discuss berth {n}, the minutes show, and agreed to repair it.</p>" * 30
                    + "</article></body></html>")
            kind = "text/html"
        else:
            self.send_response(404); self.end_headers(); return
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
open(port_file, "w").write(str(srv.server_port))
srv.serve_forever()
EOF
  server=$!
  for _ in $(seq 100); do [ -s "$port_file" ] && break; sleep 0.1; done
  base="http://127.0.0.1:$(cat "$port_file")"
  reset() { python3 -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1])" "$base/reset"; }
  hits() { cat "$work/hits" 2>/dev/null || echo "0 0 0"; }
  reset
  measure "$px" brief --format json "$base/fan"
  read -r total distinct most <<<"$(hits)"
  echo "  10,000 items linking distinct pages: $total requests ($distinct URLs), ${secs} s, peak ${peak_mb} MB"
  check "[ $total -le 501 ] && [ $most = 1 ]" "the feed and at most --max-items (500) pages, each once"
  reset
  measure "$px" brief --format json "$base/self"
  read -r total distinct most <<<"$(hits)"
  echo "  10,000 items linking the feed itself: $total requests, ${secs} s, peak ${peak_mb} MB"
  check "[ $total = 1 ]" "the feed fetched once"
  reset
  measure "$px" extract --format json --max-items 5000 "$base/two-a" "$base/two-b"
  read -r total distinct most <<<"$(hits)"
  echo "  two feeds linking the same 5,000 pages: $total requests ($distinct URLs), ${secs} s, peak ${peak_mb} MB"
  check "[ $most = 1 ] && [ $total = $distinct ]" "each URL fetched once in the run"
  check "[ $peak_mb -lt 2048 ]" "peak memory ${peak_mb} MB under the 2 GiB budget"
fi

exit $failed
