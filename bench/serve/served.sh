# Sourced by bench/serve/load.sh and soak.sh: builds the release binary, makes the store DB
# (default OUT/serve.db: DOCS documents from the reuse generator, seed 7) when it is missing,
# serves it on 127.0.0.1:PORT, and sets `db`, `server` (its pid, stopped on exit) and `story`
# (a story of three articles or more).
cargo build --release --quiet
mkdir -p "$out"
db=${DB:-$out/serve.db}
if [ ! -f "$db" ]; then
  [ -f "$out/corpus.jsonl" ] || python3 bench/reuse/generate.py --docs "$docs" --seed 7 --out "$out" >/dev/null
  target/release/parallax ingest --db "$db" "$out/corpus.jsonl" 2>&1 | tail -n 1
fi
target/release/parallax serve --db "$db" --listen "127.0.0.1:$port" --concurrency 256 2>/dev/null &
server=$!
trap 'kill -INT $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
  sleep 0.1
done
story=$(curl -sf "http://127.0.0.1:$port/api/v1/stories?limit=1&min_size=3" | python3 -c 'import json,sys; print(json.load(sys.stdin)["stories"][0]["id"])')
