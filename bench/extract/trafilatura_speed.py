"""Times trafilatura's extract() on the Zyte benchmark pages, one process, one thread.

Run through bench/extract/run.sh, which installs trafilatura into a venv outside the repo.
Pages are decompressed before the clock starts, as `parallax eval extract` does.
Prints one JSON line: pages, seconds, pages_per_second.
"""
import glob
import gzip
import json
import sys
import time

import trafilatura

bench = sys.argv[1] if len(sys.argv) > 1 else "../shared/bench/scrapinghub-aeb"
pages = [gzip.open(p, "rt", encoding="utf-8", errors="replace").read()
         for p in sorted(glob.glob(bench + "/html/*.html.gz"))]
best = None
for _ in range(3):
    start = time.perf_counter()
    for html in pages:
        trafilatura.extract(html)
    took = time.perf_counter() - start
    best = took if best is None else min(best, took)
print(json.dumps({"tool": "trafilatura " + trafilatura.__version__, "pages": len(pages),
                  "seconds": round(best, 3), "pages_per_second": round(len(pages) / best, 1)}))
