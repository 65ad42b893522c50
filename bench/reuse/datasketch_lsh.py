#!/usr/bin/env python3
"""datasketch's MinHashLSH on the same shingles as `parallax eval reuse`, for a side-by-side run.

Reads OUT/shingles.bin (written by `parallax eval reuse OUT --shingles-out OUT/shingles.bin`:
per document a little-endian u32 count, then that many u64 shingle hashes), OUT/corpus.jsonl
(for the ids) and OUT/truth.tsv. Builds one MinHash per document with 128 permutations from the
same shingle hashes (their low 32 bits, datasketch's own hash width, so no SHA-1 is spent),
inserts it into MinHashLSH with 64 bands of 2 rows (as Parallax), queries every document, and
prints JSON: documents per second for MinHash + insert + query, candidate recall of planted
pairs sharing >= 30%, candidates, and memory.

Usage: datasketch_lsh.py OUT
"""

import json
import os
import resource
import sys
import time

import numpy as np
from datasketch import MinHash, MinHashLSH


def main():
    out = sys.argv[1]
    ids = []
    with open(os.path.join(out, "corpus.jsonl"), encoding="utf-8") as f:
        for line in f:
            ids.append(json.loads(line)["id"])
    raw = np.fromfile(os.path.join(out, "shingles.bin"), dtype=np.uint8)
    docs, at = [], 0
    while at < len(raw):
        n = int(raw[at:at + 4].view(np.uint32)[0])
        at += 4
        docs.append(raw[at:at + 8 * n].view(np.uint64) & np.uint64(0xFFFFFFFF))
        at += 8 * n
    assert len(docs) == len(ids), (len(docs), len(ids))
    index = {d: i for i, d in enumerate(ids)}
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    lsh = MinHashLSH(num_perm=128, params=(64, 2))
    sketches = []
    for i, shingles in enumerate(docs):
        if len(shingles) == 0:
            sketches.append(None)
            continue
        m = MinHash(num_perm=128, hashfunc=int)
        m.update_batch(shingles.tolist())
        lsh.insert(i, m)
        sketches.append(m)
    indexed = time.perf_counter()
    candidates = set()
    for i, m in enumerate(sketches):
        if m is None:
            continue
        for j in lsh.query(m):
            if j != i:
                candidates.add((min(i, j), max(i, j)))
    done = time.perf_counter()
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    wanted, planted = [], set()
    with open(os.path.join(out, "truth.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            a, b, shared, _ = line.rstrip("\n").split("\t")
            pair = (min(index[a], index[b]), max(index[a], index[b]))
            planted.add(pair)
            if float(shared) >= 0.3:
                wanted.append(pair)
    hit = sum(1 for p in wanted if p in candidates)
    n = len(docs)
    print(json.dumps({
        "tool": "datasketch MinHashLSH",
        "documents": n,
        "num_perm": 128,
        "bands": 64,
        "rows": 2,
        "index_seconds": round(indexed - start, 3),
        "query_seconds": round(done - indexed, 3),
        "docs_per_second": round(n / (done - start)),
        "candidate_recall": round(hit / max(1, len(wanted)), 4),
        "candidates": len(candidates),
        "candidate_precision": round(sum(1 for p in candidates if p in planted) / max(1, len(candidates)), 4),
        "rss_growth_kib_per_doc": round((rss_after - rss_before) / n, 2),
    }, indent=2))


if __name__ == "__main__":
    main()
