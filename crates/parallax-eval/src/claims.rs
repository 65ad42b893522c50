//! `parallax eval claims`: the same-statement decision of the claims stage on the Microsoft
//! Research Paraphrase Corpus (pairs of news sentences, each marked paraphrase or not):
//! accuracy and F1 of the positive class, per split present.
//!
//! Word weights come from the sentences of the split scored, as in a briefing they come from
//! the documents briefed; no label is seen by the scorer. The threshold is the engine's
//! [`parallax_engine::claims::SAME_STATEMENT`]; `--sweep` prints what other thresholds would
//! give, for choosing it on the training split only.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use parallax_engine::claims::{SAME_STATEMENT, Statement, Weights, similarity};
use parallax_engine::text::Analyzer;

use crate::common::{f1, round};

/// What `parallax eval claims` was asked.
#[derive(Clone, Debug)]
pub struct Options {
    /// The MSRP folder (`msr_paraphrase_train.txt`, and `msr_paraphrase_test.txt` if present).
    pub bench: PathBuf,
    /// Print the figures as JSON instead of a table.
    pub json: bool,
    /// Also print accuracy and F1 at thresholds from 0.40 to 0.80.
    pub sweep: bool,
}

/// One labelled pair.
struct Pair {
    same: bool,
    a: String,
    b: String,
}

/// Accuracy and F1 at one threshold.
#[derive(Clone, Copy, Debug)]
struct Score {
    threshold: f64,
    pairs: usize,
    accuracy: f64,
    precision: f64,
    recall: f64,
    f1: f64,
}

/// Scores the same-statement decision on each MSRP split present and prints the figures.
pub fn run(args: &Options) -> anyhow::Result<()> {
    let mut splits = Vec::new();
    for split in ["train", "test"] {
        let path = args.bench.join(format!("msr_paraphrase_{split}.txt"));
        if path.is_file() {
            splits.push((split, read_pairs(&path)?));
        }
    }
    if splits.is_empty() {
        bail!("{} holds no msr_paraphrase_train.txt or msr_paraphrase_test.txt", args.bench.display());
    }
    let mut out = Vec::new();
    for (split, pairs) in &splits {
        let scores = scores(pairs);
        let at = score_at(&scores, SAME_STATEMENT);
        if args.sweep {
            for t in (40..=80).step_by(2) {
                let s = score_at(&scores, f64::from(t) / 100.0);
                println!("{split} threshold {:.2}: accuracy {:.4} F1 {:.4}", s.threshold, s.accuracy, s.f1);
            }
        }
        out.push((split.to_string(), at));
    }
    if args.json {
        let value: serde_json::Map<String, serde_json::Value> =
            out.iter().map(|(s, score)| (s.clone(), serde_json::json!({"pairs": score.pairs, "threshold": score.threshold, "accuracy": score.accuracy, "precision": score.precision, "recall": score.recall, "f1": score.f1}))).collect();
        println!("{:#}", serde_json::Value::Object(value));
    } else {
        println!("same statement on MSRP ({})", args.bench.display());
        println!("split    pairs  threshold  accuracy  precision  recall  F1");
        for (split, s) in &out {
            println!(
                "{split:<8} {:>5}  {:>9.2}  {:>8.4}  {:>9.4}  {:>6.4}  {:.4}",
                s.pairs, s.threshold, s.accuracy, s.precision, s.recall, s.f1
            );
        }
        println!(
            "anchors (test split, accuracy / F1): all positive 0.665 / 0.799; Mihalcea et al. 2006 0.703 / 0.813; \
             Qiu et al. 2006 0.720 / 0.816; Wan et al. 2006 (supervised) 0.756 / 0.830"
        );
    }
    Ok(())
}

/// The similarity of every pair, with its label, weights from the split's sentences.
fn scores(pairs: &[Pair]) -> Vec<(bool, f64)> {
    let mut analyzer = Analyzer::new();
    let none = HashMap::new();
    let statements: Vec<(Statement, Statement)> = pairs
        .iter()
        .map(|p| (Statement::new(&p.a, &mut analyzer, &none), Statement::new(&p.b, &mut analyzer, &none)))
        .collect();
    let weights = Weights::new(statements.iter().flat_map(|(a, b)| [a, b]));
    pairs.iter().zip(&statements).map(|(p, (a, b))| (p.same, similarity(a, b, &weights))).collect()
}

fn score_at(scores: &[(bool, f64)], threshold: f64) -> Score {
    let (mut tp, mut fp, mut fneg, mut right) = (0usize, 0usize, 0usize, 0usize);
    for &(same, s) in scores {
        let said = s >= threshold;
        right += usize::from(said == same);
        match (said, same) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fneg += 1,
            (false, false) => {}
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (p, r) = (ratio(tp, tp + fp), ratio(tp, tp + fneg));
    Score {
        threshold,
        pairs: scores.len(),
        accuracy: round(ratio(right, scores.len())),
        precision: round(p),
        recall: round(r),
        f1: round(f1(p, r)),
    }
}

/// The pairs of an MSRP file: a header line, then `label<TAB>id<TAB>id<TAB>text<TAB>text`.
fn read_pairs(path: &Path) -> anyhow::Result<Vec<Pair>> {
    let raw = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut pairs = Vec::new();
    for (n, line) in raw.trim_start_matches('\u{feff}').lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [label, _, _, a, b] = fields[..] else {
            bail!("{}:{}: expected 5 tab-separated fields, found {}", path.display(), n + 1, fields.len());
        };
        let same = match label {
            "1" => true,
            "0" => false,
            other => bail!("{}:{}: label {other:?} is neither 0 nor 1", path.display(), n + 1),
        };
        pairs.push(Pair { same, a: a.to_string(), b: b.to_string() });
    }
    Ok(pairs)
}
