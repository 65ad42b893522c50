#!/usr/bin/env bash
# Side by side, in one session: trafilatura's extract() and Parallax's extraction on the Zyte
# benchmark pages, pages per second on one thread each, and the ratio. trafilatura goes into
# a venv outside the repository ($VENV, default /tmp/parallax-peers-venv). Run from the
# repository root with ../shared beside it.
set -euo pipefail
cd "$(dirname "$0")/../.."
bench=${BENCH:-../shared/bench/scrapinghub-aeb}
[ -d "$bench" ] || { echo "skipped: $bench is not beside the checkout"; exit 0; }
VENV=${VENV:-/tmp/parallax-peers-venv}
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -c "import trafilatura" 2>/dev/null || "$VENV/bin/pip" install -q trafilatura==2.3.1 lxml_html_clean
cargo build --release --quiet
theirs=$("$VENV/bin/python" bench/extract/trafilatura_speed.py "$bench")
source bench/extract/compare.sh
compare "$bench" "$theirs"
