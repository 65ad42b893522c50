#!/usr/bin/env bash
# The reuse benchmark, side by side with datasketch, in one run:
#   bash bench/reuse/run.sh            # 100,000 documents
#   N=20000 bash bench/reuse/run.sh    # smaller
# Generates the seeded corpus (generate.py), runs `parallax eval reuse` on one thread and on all
# cores (writing the shingles), runs datasketch's MinHashLSH on the same shingles from a venv
# outside the repository, then the stress corpus (a document duplicated 1,000 times, empty and
# one-sentence documents). Needs ../shared beside the checkout and network access to PyPI for
# the venv. Writes only under $OUT.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${N:-100000}
OUT=${OUT:-/tmp/parallax-reuse}
VENV=${VENV:-/tmp/parallax-peers-venv}
[ -d ../shared/bench ] || { echo "skipped: ../shared/bench is not beside the checkout"; exit 0; }
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q datasketch==2.0.0 numpy
fi
cargo build --release --quiet
python3 bench/reuse/generate.py --docs "$N" --seed 7 --out "$OUT"
RAYON_NUM_THREADS=1 ./target/release/parallax eval reuse "$OUT" --json --shingles-out "$OUT/shingles.bin" > "$OUT/parallax-1-thread.json"
./target/release/parallax eval reuse "$OUT" --json > "$OUT/parallax.json"
"$VENV/bin/python" bench/reuse/datasketch_lsh.py "$OUT" > "$OUT/datasketch.json"
python3 bench/reuse/generate.py --docs 20000 --seed 8 --out "$OUT-stress" --stress
./target/release/parallax eval reuse "$OUT-stress" --json > "$OUT-stress/parallax.json"
python3 - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
one = json.load(open(f"{out}/parallax-1-thread.json"))
many = json.load(open(f"{out}/parallax.json"))
ds = json.load(open(f"{out}/datasketch.json"))
stress = json.load(open(f"{out}-stress/parallax.json"))
print(f"{one['documents']} documents, {one['planted_pairs_sharing_30pct']} planted pairs sharing >= 30%")
print(f"{'':44}{'parallax':>14}{'datasketch':>14}")
print(f"{'candidate recall (pairs sharing >= 30%)':44}{one['candidate_recall']:>14}{ds['candidate_recall']:>14}")
print(f"{'candidates':44}{one['candidates']:>14}{ds['candidates']:>14}")
print(f"{'recall after alignment (copy/partial link)':44}{one['recall']:>14}{'-':>14}")
print(f"{'precision after alignment':44}{one['precision']:>14}{'-':>14}")
print(f"{'search docs/s, 1 thread':44}{one['search_docs_per_second']:>14}{ds['docs_per_second']:>14}")
print(f"{'  ratio':44}{one['search_docs_per_second'] / ds['docs_per_second']:>13.1f}x")
print(f"{'search docs/s, all cores':44}{many['search_docs_per_second']:>14}")
print(f"{'whole reuse stage docs/s, 1 thread':44}{one['reuse_docs_per_second']:>14}")
print(f"{'whole reuse stage docs/s, all cores':44}{many['reuse_docs_per_second']:>14}")
print(f"{'index bytes per document':44}{one['index_bytes_per_doc']:>14}")
print(f"{'peak process memory (MiB)':44}{one['peak_rss_mib']:>14}")
print(f"{'memory growth per document (KiB)':44}{'':>14}{ds['rss_growth_kib_per_doc']:>14}")
print(f"stress ({stress['documents']} docs incl. 1,000 duplicates, 100 empty, 100 one-sentence): "
      f"reuse {stress['reuse_seconds']} s, search {stress['search_seconds']} s, {stress['candidates']} candidates, "
      f"peak {stress['peak_rss_mib']} MiB, recall {stress['recall']}, precision {stress['precision']}")
PY
