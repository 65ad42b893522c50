#!/usr/bin/env bash
# Ingest at scale: DOCS documents (default 1,000,000) from the reuse generator (planted
# reprints of real news sentences) into a fresh store on 2 threads. Reports sustained
# documents per second, peak memory (GNU time), database bytes per document, and the time
# per document of a 10,000-document slice ingested into an empty store against the same
# size of slice ingested last, into the full store. Run from the repository root with
# ../shared beside it; OUT (default /tmp/parallax-scale) needs about 10 GB at 1M documents.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -d ../shared/bench/msrp ] || { echo "skipped: ../shared/bench is not beside the checkout"; exit 0; }
docs=${DOCS:-1000000}
out=${OUT:-/tmp/parallax-scale}
slice=10000
mkdir -p "$out"
if [ "$(wc -l < "$out/corpus.jsonl" 2>/dev/null || echo 0)" -ne "$docs" ]; then
  python3 bench/reuse/generate.py --docs "$docs" --seed 7 --out "$out" >/dev/null
fi
head -n "$slice" "$out/corpus.jsonl" > "$out/first.jsonl"
tail -n "$slice" "$out/corpus.jsonl" > "$out/last.jsonl"
sed -n "$((slice + 1)),$((docs - slice))p" "$out/corpus.jsonl" > "$out/middle.jsonl"
cargo build --release --quiet
db="$out/scale.db"
rm -f "$db" "$db-wal" "$db-shm"
run() {
  local label=$1 file=$2
  local start end
  start=$(date +%s.%N)
  RAYON_NUM_THREADS=2 /usr/bin/time -f "$label: %e s wall, %M KB peak RSS" \
    ./target/release/parallax ingest --batch "${BATCH:-1024}" --db "$db" "$file" 2>&1 | grep -v '^$'
  end=$(date +%s.%N)
  python3 -c "n=$(wc -l < "$file"); s=$end-$start; print(f'$label: {n} documents, {n/s:.0f} documents/s, {1000*s/n:.3f} ms per document')"
}
run "first $slice (empty store)" "$out/first.jsonl"
run "middle $((docs - 2 * slice))" "$out/middle.jsonl"
run "last $slice (full store)" "$out/last.jsonl"
python3 - "$db" <<'PY'
import os, sqlite3, sys
db = sys.argv[1]
n = sqlite3.connect(db).execute("select count(*) from documents").fetchone()[0]
size = os.path.getsize(db)
print(f"database: {size / 1e9:.2f} GB for {n} documents, {size / n:.0f} bytes per document")
PY
