//! `parallax eval reuse`: reuse detection on a synthetic corpus with planted reprints (made by
//! `bench/reuse/generate.py`): recall and precision of the planted pairs, candidate recall of
//! the LSH search, throughput, index memory per document and the peak memory of the process.
//!
//! The corpus is read by the caller (the command line's own input reader, so that the reading
//! is timed as a user meets it); the rest, from extraction on, happens here.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, bail};
use parallax_engine::text::Analyzer;
use parallax_engine::{extract, reuse};
use parallax_model::{RawDoc, Relation};
use rayon::prelude::*;

use crate::common::round;

/// Recall of planted pairs is reported for pairs sharing at least this share of the smaller
/// document (the definition of a reprint worth finding).
const SHARED_AT_LEAST: f64 = 0.3;

/// What `parallax eval reuse` was asked.
#[derive(Clone, Debug)]
pub struct Options {
    /// The folder holding `corpus.jsonl` and `truth.tsv`.
    pub dir: PathBuf,
    /// Where to write each document's shingle hashes (little-endian: a `u32` count, then
    /// `u64`s), so that a peer tool can index the same shingles.
    pub shingles_out: Option<PathBuf>,
    /// Print the figures as JSON instead of a table.
    pub json: bool,
}

/// Scores reuse detection on the corpus in `options.dir` and prints the figures. `read` reads
/// the documents of `corpus.jsonl` (the path it is given), in file order.
pub fn run(options: &Options, read: impl FnOnce(&Path) -> Vec<RawDoc>) -> anyhow::Result<()> {
    let corpus = options.dir.join("corpus.jsonl");
    let truth_path = options.dir.join("truth.tsv");
    if !corpus.is_file() || !truth_path.is_file() {
        bail!(
            "{} must hold corpus.jsonl and truth.tsv (make them with bench/reuse/generate.py)",
            options.dir.display()
        );
    }
    let started = Instant::now();
    let raw_docs = read(&corpus);
    let read_secs = started.elapsed().as_secs_f64();

    let started = Instant::now();
    let docs: Vec<reuse::Doc> = raw_docs
        .par_iter()
        .map_init(Analyzer::new, |analyzer, raw| {
            let extraction = extract::extract(raw, &extract::Config::default());
            match extraction.articles.first() {
                Some(article) => reuse::Doc::new(article, &analyzer.analyze(article)),
                None => reuse::Doc {
                    id: raw.id.clone(),
                    published: None,
                    sentences: Vec::new(),
                    credits: Vec::new(),
                    strong_credits: 0,
                    page: None,
                },
            }
        })
        .collect();
    let text_secs = started.elapsed().as_secs_f64();

    if let Some(path) = &options.shingles_out {
        let config = reuse::Config::default();
        let mut out = std::io::BufWriter::new(
            std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        );
        for doc in &docs {
            let shingles = doc.shingles(config.shingle);
            out.write_all(&(shingles.len() as u32).to_le_bytes())?;
            for h in shingles {
                out.write_all(&h.to_le_bytes())?;
            }
        }
        out.flush()?;
    }

    // Candidate search alone: shingles, signatures, index, candidate pairs.
    let config = reuse::Config { all_pairs_up_to: 0, ..reuse::Config::default() };
    let all: Vec<usize> = (0..docs.len()).collect();
    // Timed five times, the fastest reported: the machine is shared and its noise only adds.
    let mut search_secs = f64::INFINITY;
    let mut search = reuse::Search::default();
    for _ in 0..5 {
        let started = Instant::now();
        search = reuse::search(&docs, &all, &config);
        search_secs = search_secs.min(started.elapsed().as_secs_f64());
    }

    // The whole stage: duplicates, search, exact alignment, origins.
    let started = Instant::now();
    let found = reuse::reuse(&docs, &config);
    let reuse_secs = started.elapsed().as_secs_f64();

    let index: BTreeMap<&str, usize> = docs.iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect();
    let truth = read_truth(&truth_path, &index)?;
    // Identical documents are linked to their first copy only: a pair counts as linked when both
    // resolve to the same first copy, or their first copies are linked.
    let first = |d: usize| found.duplicate_of[d].unwrap_or(d);
    let linked: BTreeSet<(usize, usize)> =
        found.links.iter().filter(|l| l.relation.same_origin()).map(|l| (l.a, l.b)).collect();
    let is_linked = |&(a, b): &(usize, usize)| {
        let (x, y) = (first(a), first(b));
        x == y || linked.contains(&(x.min(y), x.max(y)))
    };
    let candidates: BTreeSet<(usize, usize)> = search.pairs.iter().copied().collect();
    let mut origin_of = vec![0; docs.len()];
    for (n, o) in found.origins.iter().enumerate() {
        for &m in &o.members {
            origin_of[m] = n;
        }
    }
    let wanted: Vec<(usize, usize)> =
        truth.iter().filter(|(_, s)| **s >= SHARED_AT_LEAST).map(|(p, _)| *p).collect();
    let share = |hit: usize, of: usize| if of == 0 { 1.0 } else { hit as f64 / of as f64 };
    let recall = share(wanted.iter().filter(|p| is_linked(p)).count(), wanted.len());
    let origin_recall =
        share(wanted.iter().filter(|(a, b)| origin_of[*a] == origin_of[*b]).count(), wanted.len());
    let candidate_recall = share(
        wanted
            .iter()
            .filter(|&&(a, b)| {
                let (x, y) = (first(a), first(b));
                x == y || candidates.contains(&(x.min(y), x.max(y)))
            })
            .count(),
        wanted.len(),
    );
    let precision = share(linked.iter().filter(|p| truth.contains_key(p)).count(), linked.len());
    let relation_of: BTreeMap<(usize, usize), Relation> =
        found.links.iter().map(|l| ((l.a, l.b), l.relation)).collect();
    let missed: Vec<String> = wanted
        .iter()
        .filter(|p| !is_linked(p))
        .take(8)
        .map(|&(a, b)| {
            let got = relation_of.get(&(a, b)).map_or("none".to_string(), |r| format!("{r:?}"));
            format!("{} {} shared {:.2}: {got}", docs[a].id, docs[b].id, truth[&(a, b)])
        })
        .collect();
    let n = docs.len() as f64;
    let figures = serde_json::json!({
        "documents": docs.len(),
        "planted_pairs": truth.len(),
        "planted_pairs_sharing_30pct": wanted.len(),
        "recall": round(recall),
        "recall_same_origin": round(origin_recall),
        "precision": round(precision),
        "candidate_recall": round(candidate_recall),
        "candidates": search.pairs.len(),
        "predicted_pairs": linked.len(),
        "read_seconds": round(read_secs),
        "text_stage_seconds": round(text_secs),
        "search_seconds": round(search_secs),
        "search_docs_per_second": (n / search_secs).round(),
        "reuse_seconds": round(reuse_secs),
        "reuse_docs_per_second": (n / reuse_secs).round(),
        "index_bytes_per_doc": search.index_bytes_per_doc,
        "peak_rss_mib": peak_rss_mib(),
        "threads": rayon::current_num_threads(),
        "missed_examples": missed,
    });
    if options.json {
        println!("{figures:#}");
    } else {
        println!(
            "reuse on {} ({} documents, {} planted pairs, {} sharing >= 30%)",
            options.dir.display(),
            docs.len(),
            truth.len(),
            wanted.len()
        );
        println!("  recall of planted pairs (copy or partial_copy link)   {:.4}   target >= 0.98", recall);
        println!("  recall, same origin                                   {:.4}", origin_recall);
        println!("  precision of copy/partial_copy links                  {:.4}   target >= 0.99", precision);
        println!("  candidate recall of the LSH search                    {:.4}", candidate_recall);
        println!("  candidates aligned                                    {}", search.pairs.len());
        println!(
            "  search (shingles, MinHash, LSH index and query)       {:.0} docs/s ({:.2} s, {} threads, best of 5)",
            n / search_secs,
            search_secs,
            rayon::current_num_threads()
        );
        println!(
            "  whole reuse stage                                     {:.0} docs/s ({:.2} s)",
            n / reuse_secs,
            reuse_secs
        );
        println!("  text stage before it                                  {:.2} s", text_secs);
        println!(
            "  index memory                                          {} bytes/doc   target <= 1024",
            search.index_bytes_per_doc
        );
        println!("  peak memory of the process                            {} MiB", peak_rss_mib());
    }
    Ok(())
}

/// The planted pairs, by document number, with the share of text they keep in common.
fn read_truth(path: &Path, index: &BTreeMap<&str, usize>) -> anyhow::Result<BTreeMap<(usize, usize), f64>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut out = BTreeMap::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        let fields: Vec<&str> = line.split('\t').collect();
        let [a, b, shared, ..] = fields.as_slice() else {
            bail!("{}:{}: expected a, b, shared, edit", path.display(), n + 1);
        };
        let (Some(&a), Some(&b)) = (index.get(a), index.get(b)) else { continue };
        let shared: f64 =
            shared.parse().with_context(|| format!("{}:{}: bad share", path.display(), n + 1))?;
        out.insert((a.min(b), a.max(b)), shared);
    }
    Ok(out)
}

/// The peak resident memory of this process in MiB, from /proc (0 where there is none).
fn peak_rss_mib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb / 1024)
}
