#!/usr/bin/env python3
"""Seeded generator of a synthetic reuse corpus, for `parallax eval reuse`.

Documents are built from real sentences: the article texts of PolNeAR and the sentences of
MSRP in ../shared/bench. A share of them are planted reprints of another document, edited at a
known rate, the way outlets reprint wire copy:

- each sentence, with probability EDIT, is changed (two or three words replaced or dropped),
  dropped, or followed by an added sentence;
- paragraphs are reordered (30% of reprints) and merged or split (30%);
- double quotes become single quotes (30%);
- one to three unrelated items are appended (25%).

Added sentences and appended items come from a part of the pool that base documents never
use, so they create no reuse of their own. The edit rate of each reprint is drawn from
0, 0.1, 0.2, 0.3.

The pool (about 40,000 sentences) is smaller than a 100,000-document corpus needs, and a
sentence drawn twice would be real text shared by two unrelated documents. So each part of the
pool is drawn without replacement, pass after pass, and from the second pass on every sentence
has 40% of its words replaced (seeded): copies from different passes share too few word
triples to match, as unrelated reports do.

Output, in OUT: corpus.jsonl ({"id", "text"} per line) and truth.tsv (a, b, shared, edit):
every pair of documents of one family (a base and its reprints, and reprints of the same
base), with `shared` the share of the smaller document's sentences that the other keeps.

With --stress, the corpus is instead one document duplicated 1,000 times, 100 empty-bodied
and 100 one-sentence documents, plus N ordinary documents: a check that they cost no more
than their number.

Usage: generate.py --docs 100000 --seed 7 --out /tmp/parallax-reuse [--stress]
"""

import argparse
import glob
import json
import os
import random
import re

SHARED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "bench")


def sentences():
    """The sentence pool: PolNeAR article sentences and MSRP sentences, 8 to 60 words, unique."""
    pool = []
    for path in sorted(glob.glob(os.path.join(SHARED, "polnear", "data", "*", "text", "*.txt"))):
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        for para in re.split(r"\n\s*\n|\n", text):
            for s in re.split(r"(?:(?<=[.!?])|(?<=[.!?][\"”’']))\s+(?=[A-Z\"“‘])", para.strip()):
                pool.append(" ".join(s.split()))
    with open(os.path.join(SHARED, "msrp", "msr_paraphrase_data.txt"), encoding="utf-8-sig") as f:
        next(f)
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) > 1:
                pool.append(" ".join(parts[1].split()))
    seen = set()
    out = []
    for s in pool:
        words = len(s.split())
        if 8 <= words <= 60 and s not in seen and s[-1:] in ".!?\"”’'":
            seen.add(s)
            out.append(s)
    return out


def paragraphs(sents, rng):
    """Sentences grouped into paragraphs of one to three."""
    out, i = [], 0
    while i < len(sents):
        n = rng.randint(1, 3)
        out.append(sents[i:i + n])
        i += n
    return out


def render(paras):
    return "\n\n".join(" ".join(s for s, _ in p) for p in paras if p)


def change(sentence, vocab, rng):
    words = sentence.split()
    for _ in range(rng.randint(2, 3)):
        if len(words) < 6:
            break
        i = rng.randrange(1, len(words) - 1)
        if rng.random() < 0.5:
            del words[i]
        else:
            words[i] = rng.choice(vocab)
    return " ".join(words)


def reprint(base, extra, vocab, rng):
    """`extra` is a Fresh source of sentences no base document uses."""
    """A reprint of `base` (a list of paragraphs of (sentence, origin index)) and its edit rate."""
    edit = rng.choice([0.0, 0.1, 0.2, 0.3])
    paras = []
    for p in base:
        out = []
        for s, k in p:
            r = rng.random()
            if r < edit:
                kind = rng.randrange(3)
                if kind == 0:
                    out.append((change(s, vocab, rng), k))
                elif kind == 1:
                    pass  # dropped
                else:
                    out.append((s, k))
                    out.append((extra.draw(), None))
            else:
                out.append((s, k))
        paras.append(out)
    if rng.random() < 0.3 and len(paras) > 1:
        i, j = rng.sample(range(len(paras)), 2)
        paras[i], paras[j] = paras[j], paras[i]
    if rng.random() < 0.3:
        flat = [x for p in paras for x in p]
        paras = paragraphs(flat, rng)
    if rng.random() < 0.3:
        paras = [[(s.replace("\"", "'").replace("“", "‘").replace("”", "’"), k) for s, k in p] for p in paras]
    if rng.random() < 0.25:
        for _ in range(rng.randint(1, 3)):
            item = [(extra.draw(), None) for _ in range(rng.randint(3, 8))]
            paras.extend(paragraphs(item, rng))
    return paras, edit


class Fresh:
    """Sentences drawn without replacement; each pass after the first perturbs them."""

    def __init__(self, pool, vocab, rng):
        self.pool, self.vocab, self.rng = list(pool), vocab, rng
        self.order, self.at, self.passes = [], 0, 0

    def draw(self):
        if self.at >= len(self.order):
            self.order = list(range(len(self.pool)))
            self.rng.shuffle(self.order)
            self.at = 0
            self.passes += 1
        s = self.pool[self.order[self.at]]
        self.at += 1
        if self.passes > 1:
            words = s.split()
            for i in range(1, len(words)):
                if self.rng.random() < 0.4:
                    words[i] = self.rng.choice(self.vocab)
            s = " ".join(words)
        return s


def kept(paras):
    return {k for p in paras for _, k in p if k is not None}


def count(paras):
    return sum(len(p) for p in paras)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", required=True)
    ap.add_argument("--stress", action="store_true")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    pool = sentences()
    rng.shuffle(pool)
    cut = len(pool) * 4 // 5
    base_pool, extra = pool[:cut], pool[cut:]
    vocab = [w for s in base_pool[:5000] for w in s.split() if w.isalpha() and w.islower()]
    base_source = Fresh(base_pool, vocab, rng)
    extra_source = Fresh(extra, vocab, rng)
    os.makedirs(args.out, exist_ok=True)
    docs = []  # (id, paragraphs)
    truth = []
    if args.stress:
        one = paragraphs([(base_source.draw(), i) for i in range(15)], rng)
        for n in range(1000):
            docs.append((f"dup{n:04d}", one))
            for m in range(n):
                truth.append((f"dup{m:04d}", f"dup{n:04d}", 1.0, 0.0))
        for n in range(100):
            docs.append((f"empty{n:03d}", []))
        for n in range(100):
            docs.append((f"one{n:03d}", [[(base_source.draw(), None)]]))
    n = 0
    while len(docs) < args.docs + (1200 if args.stress else 0):
        n += 1
        size = rng.randint(8, 20)
        base = paragraphs([(base_source.draw(), i) for i in range(size)], rng)
        family = [(f"d{n:06d}", base, 0.0)]
        r = rng.random()
        copies = 0 if r < 0.72 else 1 if r < 0.87 else 2 if r < 0.95 else rng.randint(3, 5) if r < 0.99 else rng.randint(10, 20)
        for c in range(copies):
            paras, edit = reprint(base, extra_source, vocab, rng)
            family.append((f"d{n:06d}r{c + 1}", paras, edit))
        for i in range(len(family)):
            for j in range(i + 1, len(family)):
                (ia, pa, ea), (ib, pb, eb) = family[i], family[j]
                both = len(kept(pa) & kept(pb))
                smaller = max(1, min(count(pa), count(pb)))
                truth.append((ia, ib, both / smaller, max(ea, eb)))
        docs.extend((i, p) for i, p, _ in family)
    with open(os.path.join(args.out, "corpus.jsonl"), "w", encoding="utf-8") as f:
        for doc_id, paras in docs:
            text = render(paras) if paras else "Share this article"
            f.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
    with open(os.path.join(args.out, "truth.tsv"), "w", encoding="utf-8") as f:
        f.write("a\tb\tshared\tedit\n")
        for a, b, shared, edit in truth:
            f.write(f"{a}\t{b}\t{shared:.3f}\t{edit:.2f}\n")
    print(f"{len(docs)} documents, {len(truth)} planted pairs, pool {len(base_pool)} + {len(extra)} sentences -> {args.out}")


if __name__ == "__main__":
    main()
