//! `parallax eval brief`: the briefing's headline and summary on NeuS/AllSides roundups. Each
//! story is three outlets' headlines and leads; the reference is the AllSides editors' neutral
//! roundup. Parallax briefs the three as documents; its headline and summary, cut to the same
//! word budget as the baseline, are scored with ROUGE-1, ROUGE-2 and ROUGE-L (F1, stemmed)
//! against the roundup, next to a LexRank summary of the same sentences computed here.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use parallax_engine::text::{Analyzer, Token, TokenKind, lcs_len, split_sentences};
use parallax_engine::{ingest, pipeline};
use parallax_model::{DocFormat, RawDoc};
use rayon::prelude::*;

use crate::common::{f1, round};

/// What `parallax eval brief` was asked.
#[derive(Clone, Debug)]
pub struct Options {
    /// The neus-allsides folder (holding `naacl2022_lrc_roundup_random_order_probe/val.*`).
    pub bench: PathBuf,
    /// Print the figures as JSON instead of a table.
    pub json: bool,
}

/// Both summaries are cut to this many words: about the length of an AllSides roundup.
const BUDGET: usize = 75;

/// ROUGE-1, ROUGE-2 and ROUGE-L F1, averaged over stories.
#[derive(Clone, Copy, Debug, Default)]
struct Rouge {
    r1: f64,
    r2: f64,
    rl: f64,
}

/// Scores Parallax's headline and summary, and the LexRank baseline, on each split present and
/// prints the figures.
pub fn run(args: &Options) -> anyhow::Result<()> {
    let dir = args.bench.join("naacl2022_lrc_roundup_random_order_probe");
    let mut splits = Vec::new();
    for split in ["val", "test"] {
        let (src, tgt) = (dir.join(format!("{split}.source")), dir.join(format!("{split}.target")));
        if src.is_file() && tgt.is_file() {
            splits.push((split, read_lines(&src)?, read_lines(&tgt)?));
        }
    }
    if splits.is_empty() {
        bail!("{} holds no val.source/val.target", dir.display());
    }
    let mut rows = Vec::new();
    for (split, sources, targets) in &splits {
        if sources.len() != targets.len() {
            bail!("{split}: {} sources but {} targets", sources.len(), targets.len());
        }
        let scored: Vec<(Rouge, Rouge)> = sources
            .par_iter()
            .zip(targets)
            .map_init(Analyzer::new, |analyzer, (source, target)| {
                let docs = story_documents(source);
                let ours = parallax_summary(&docs);
                let lex = lexrank(&docs, analyzer);
                let reference = words(&strip_markers(target), analyzer);
                (
                    rouge(&cut(&words(&ours, analyzer)), &reference),
                    rouge(&cut(&words(&lex, analyzer)), &reference),
                )
            })
            .collect();
        let mean = |f: &dyn Fn(&(Rouge, Rouge)) -> Rouge| {
            let n = scored.len().max(1) as f64;
            let sum = scored.iter().map(f).fold(Rouge::default(), |a, r| Rouge {
                r1: a.r1 + r.r1,
                r2: a.r2 + r.r2,
                rl: a.rl + r.rl,
            });
            Rouge { r1: round(sum.r1 / n), r2: round(sum.r2 / n), rl: round(sum.rl / n) }
        };
        rows.push((split.to_string(), scored.len(), mean(&|s| s.0), mean(&|s| s.1)));
    }
    if args.json {
        let out: Vec<serde_json::Value> = rows
            .iter()
            .map(|(split, n, ours, lex)| {
                serde_json::json!({
                    "split": split, "stories": n, "budget_words": BUDGET,
                    "parallax": {"rouge1": ours.r1, "rouge2": ours.r2, "rougeL": ours.rl},
                    "lexrank": {"rouge1": lex.r1, "rouge2": lex.r2, "rougeL": lex.rl},
                })
            })
            .collect();
        println!("{:#}", serde_json::Value::Array(out));
    } else {
        println!(
            "headline + summary against AllSides roundups ({}), {BUDGET}-word budget",
            args.bench.display()
        );
        println!("split  stories  system     ROUGE-1  ROUGE-2  ROUGE-L");
        for (split, n, ours, lex) in &rows {
            println!("{split:<6} {n:>7}  parallax   {:>7.4}  {:>7.4}  {:>7.4}", ours.r1, ours.r2, ours.rl);
            println!("{split:<6} {n:>7}  lexrank    {:>7.4}  {:>7.4}  {:>7.4}", lex.r1, lex.r2, lex.rl);
        }
        println!(
            "(F1, Porter-stemmed, lower-cased; LexRank: TF-IDF cosine graph, threshold 0.1, same sentences and budget)"
        );
    }
    Ok(())
}

fn read_lines(path: &Path) -> anyhow::Result<Vec<String>> {
    let raw = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(raw.lines().map(str::to_string).collect())
}

/// The three outlets of a story as (title, lead).
fn story_documents(source: &str) -> Vec<(String, String)> {
    source
        .split(" [SEP] ")
        .map(|part| {
            let part = part.trim().trim_start_matches("TITLE=>").trim();
            match part.split_once("ARTICLE=>") {
                Some((t, a)) => (t.trim().to_string(), a.trim().to_string()),
                None => (String::new(), part.to_string()),
            }
        })
        .collect()
}

fn strip_markers(target: &str) -> String {
    target.replace("TITLE=>", " ").replace("ARTICLE=>", " ")
}

/// Parallax's headline and summary for the story, briefed as three documents.
fn parallax_summary(docs: &[(String, String)]) -> String {
    let raw: Vec<RawDoc> = docs
        .iter()
        .enumerate()
        .filter_map(|(n, (title, body))| {
            let mut doc = ingest::text_document(
                &format!("outlet-{n}"),
                &format!("outlet-{n}"),
                DocFormat::Text,
                body.as_bytes(),
                &ingest::Config::default(),
            )
            .ok()?;
            doc.meta.title = (!title.is_empty()).then(|| title.clone());
            Some(doc)
        })
        .collect();
    let b = pipeline::brief(&raw, Vec::new(), &pipeline::Config::default());
    let mut out = b.headline.map(|h| format!("{h}. ")).unwrap_or_default();
    for s in &b.summary {
        out.push_str(&s.text);
        out.push(' ');
    }
    out
}

/// LexRank (Erkan & Radev 2004): sentences as TF-IDF vectors, an edge where the cosine reaches
/// 0.1, PageRank over the graph; sentences taken best first, near-repeats skipped.
fn lexrank(docs: &[(String, String)], analyzer: &mut Analyzer) -> String {
    let mut sentences: Vec<String> = Vec::new();
    for (title, body) in docs {
        if !title.is_empty() {
            sentences.push(title.clone());
        }
        sentences.extend(split_sentences(body).iter().map(|s| body[s.range()].to_string()));
    }
    let bags: Vec<HashMap<u64, f64>> = sentences
        .iter()
        .map(|s| {
            let mut bag = HashMap::new();
            for w in words(s, analyzer) {
                *bag.entry(w).or_insert(0.0) += 1.0;
            }
            bag
        })
        .collect();
    let n = bags.len();
    let mut df: HashMap<u64, f64> = HashMap::new();
    for b in &bags {
        for &w in b.keys() {
            *df.entry(w).or_insert(0.0) += 1.0;
        }
    }
    let idf = |w: u64| ((n as f64 + 1.0) / (df.get(&w).copied().unwrap_or(0.0) + 1.0)).ln() + 1.0;
    let vectors: Vec<HashMap<u64, f64>> =
        bags.iter().map(|b| b.iter().map(|(&w, &tf)| (w, tf * idf(w))).collect()).collect();
    let cosine = |a: &HashMap<u64, f64>, b: &HashMap<u64, f64>| {
        let dot: f64 = a.iter().map(|(w, x)| x * b.get(w).copied().unwrap_or(0.0)).sum();
        let norm = |v: &HashMap<u64, f64>| v.values().map(|x| x * x).sum::<f64>().sqrt();
        let d = norm(a) * norm(b);
        if d == 0.0 { 0.0 } else { dot / d }
    };
    let sim: Vec<Vec<f64>> =
        (0..n).map(|i| (0..n).map(|j| cosine(&vectors[i], &vectors[j])).collect()).collect();
    let adjacency: Vec<Vec<f64>> =
        sim.iter().map(|row| row.iter().map(|&s| if s >= 0.1 { 1.0 } else { 0.0 }).collect()).collect();
    let degree: Vec<f64> = adjacency.iter().map(|r| r.iter().sum::<f64>().max(1.0)).collect();
    let mut rank = vec![1.0 / n.max(1) as f64; n];
    for _ in 0..50 {
        rank = (0..n)
            .map(|i| {
                0.15 / n as f64 + 0.85 * (0..n).map(|j| adjacency[j][i] * rank[j] / degree[j]).sum::<f64>()
            })
            .collect();
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| rank[b].total_cmp(&rank[a]).then(a.cmp(&b)));
    let mut taken: Vec<usize> = Vec::new();
    let mut length = 0;
    for i in order {
        if length >= BUDGET {
            break;
        }
        if taken.iter().any(|&t| sim[i][t] > 0.5) {
            continue;
        }
        length += sentences[i].split_whitespace().count();
        taken.push(i);
    }
    taken.iter().map(|&i| sentences[i].as_str()).collect::<Vec<_>>().join(" ")
}

/// The stemmed words of `text`.
fn words(text: &str, analyzer: &mut Analyzer) -> Vec<u64> {
    let mut tokens: Vec<Token> = Vec::new();
    analyzer.tokenize_into(text, 0, &mut tokens);
    tokens.iter().filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number)).map(|t| t.key).collect()
}

fn cut(words: &[u64]) -> Vec<u64> {
    words[..words.len().min(BUDGET)].to_vec()
}

fn rouge(candidate: &[u64], reference: &[u64]) -> Rouge {
    let ngram_f1 = |n: usize| {
        fn grams(w: &[u64], n: usize) -> HashMap<&[u64], usize> {
            let mut m: HashMap<&[u64], usize> = HashMap::new();
            for g in w.windows(n) {
                *m.entry(g).or_insert(0) += 1;
            }
            m
        }
        let (c, r) = (grams(candidate, n), grams(reference, n));
        let overlap: usize = c.iter().map(|(g, &k)| k.min(r.get(g).copied().unwrap_or(0))).sum();
        let (cn, rn) = (c.values().sum::<usize>(), r.values().sum::<usize>());
        if cn == 0 || rn == 0 {
            return 0.0;
        }
        f1(overlap as f64 / cn as f64, overlap as f64 / rn as f64)
    };
    let l = lcs_len(candidate, reference) as f64;
    let rl = if candidate.is_empty() || reference.is_empty() {
        0.0
    } else {
        f1(l / candidate.len() as f64, l / reference.len() as f64)
    };
    Rouge { r1: ngram_f1(1), r2: ngram_f1(2), rl }
}

#[cfg(test)]
mod tests {
    use super::rouge;

    #[test]
    fn rouge_of_identical_and_disjoint_texts() {
        let r = rouge(&[1, 2, 3, 4], &[1, 2, 3, 4]);
        assert_eq!((r.r1, r.r2, r.rl), (1.0, 1.0, 1.0));
        let r = rouge(&[1, 2], &[3, 4]);
        assert_eq!((r.r1, r.r2, r.rl), (0.0, 0.0, 0.0));
        // Half the words, in order: ROUGE-1 recall 0.5, precision 1.
        let r = rouge(&[1, 2], &[1, 2, 3, 4]);
        assert!((r.r1 - 2.0 / 3.0).abs() < 1e-9 && (r.rl - 2.0 / 3.0).abs() < 1e-9);
    }
}
