#!/usr/bin/env bash
# Fuzzes the server's API from its own OpenAPI document with schemathesis (from PyPI, in a
# venv under target/): every operation but the event stream, with a write token, for a bounded
# number of examples per operation. Fails on any 5xx, any answer the document does not
# describe, a request the document allows that is refused, or one it forbids that is taken.
#
#   bash bench/serve/schemathesis.sh [EXAMPLES_PER_OPERATION]
#
# Serves a fresh store of the demo corpus on a free loopback port with the binary `cargo
# build` makes. Says so and exits 0 when schemathesis cannot be installed (no PyPI).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
examples="${1:-50}"
venv="$root/target/schemathesis-venv"
if [ ! -x "$venv/bin/st" ]; then
  if ! { python3 -m venv "$venv" && "$venv/bin/pip" install -q "schemathesis==4.32.5"; } >/dev/null 2>&1; then
    echo "schemathesis: could not be installed (no PyPI?): API fuzzing skipped"
    rm -rf "$venv"
    exit 0
  fi
fi
cargo build --quiet --locked -p parallax-cli
bin="$root/target/debug/parallax"
work=$(mktemp -d)
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
"$bin" ingest --db "$work/s.db" --date 2026-03-04 examples >/dev/null 2>&1
token=$("$bin" token create schemathesis --db "$work/s.db" 2>/dev/null | tail -n 1)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin" serve --db "$work/s.db" --listen "127.0.0.1:$port" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 50); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
# The event stream never ends. The stateful phase follows the links the document declares
# (a list's first story to its briefing and documents, a feed added to its removal) and no
# inferred ones: inferred links took a story's member ids (the inputs' ids) for stored
# documents' numbers.
# Run from the temporary folder: schemathesis keeps a cache (.schemathesis) where it runs.
cd "$work"
cat >schemathesis.toml <<'TOML'
[phases.stateful.inference]
algorithms = []
TOML
"$venv/bin/st" run "http://127.0.0.1:$port/api/v1/openapi.json" \
  --checks all --max-examples "$examples" --phases examples,coverage,fuzzing,stateful \
  --exclude-path /api/v1/events --request-timeout 10 --seed 1 --no-color \
  -H "Authorization: Bearer $token"
