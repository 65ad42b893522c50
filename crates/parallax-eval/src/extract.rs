//! `parallax eval extract`: article-body extraction from HTML pages against two benchmarks,
//! with the other extractors' included outputs scored by the same code in the same table.
//!
//! - The Zyte article-extraction benchmark (`scrapinghub-aeb`: `ground-truth.json`,
//!   `html/<id>.html.gz`, `output/<system>.json.gz`). Metric (also in docs/EVALUATION.md):
//!   tokens are Unicode `\w+` runs; each text becomes the multiset of its 4-token shingles (a
//!   text under four tokens is one shingle of all of them); per page, tp = Σ min(true, predicted
//!   counts), fp and fn the excesses, the three normalised by their sum. Precision is the mean
//!   over pages of tp/(tp+fp) (1 when fp = fn = 0; pages with tp = fp = 0 left out), recall
//!   likewise with fn; F1 = 2PR/(P+R) of the means. Accuracy: the share of pages whose token
//!   sequences are identical.
//! - The trafilatura corpus (`trafilatura-eval`: `evaldata.json`, `cache/` or `eval/`
//!   `<file>.gz`). Whitespace is collapsed in output and snippets; per page, a "with" snippet
//!   found in the output is a true positive (else a false negative), a "without" snippet found
//!   is a false positive (else a true negative); summed over the corpus, P, R, F1 and accuracy.
//!   A failed extraction is empty output.
//! - CleanPortalEval (`cleanportaleval`: `input/<page>.html.gz`, `GoldStandard/<page>.txt`,
//!   `system_outputs/<system>/<page>.txt`), the CleanEval text-only score: the gold and system
//!   texts lose their `URL:` line and block tags, entities are decoded, both become `\w+`
//!   tokens; per page, precision = LCS / system tokens, recall = LCS / gold tokens (the longest
//!   common subsequence of the token sequences); P and R are averaged over pages and F1 taken
//!   of the averages.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, bail};
use parallax_engine::text::lcs_len;
use parallax_engine::{extract, ingest};
use parallax_model::DocFormat;

use crate::common::{f1, gunzip, round};

/// What `parallax eval extract` was asked.
#[derive(Clone, Debug)]
pub struct Options {
    /// The benchmark folder: `scrapinghub-aeb` (`ground-truth.json`, `html/`, `output/`),
    /// `trafilatura-eval` (`evaldata.json`, `cache/`, `eval/`) or `cleanportaleval`
    /// (`GoldStandard/`, `input/`, `system_outputs/`).
    pub bench: PathBuf,
    /// Print the figures as JSON instead of a table.
    pub json: bool,
    /// Print, for each page, Parallax's F1 (or its missed and leaked snippets), worst first.
    pub errors: bool,
    /// Zyte set: also score each of this many folds of pages (0 or 1: no folds).
    pub folds: usize,
}

/// Scores article-body extraction on the benchmark in `args.bench` (told by its files) and
/// prints the table.
pub fn run(args: &Options) -> anyhow::Result<()> {
    if args.bench.join("ground-truth.json").is_file() {
        zyte(args)
    } else if args.bench.join("evaldata.json").is_file() {
        snippets(args)
    } else if args.bench.join("GoldStandard").is_dir() {
        clean_eval(args)
    } else {
        bail!(
            "{} is not a known benchmark: the Zyte set (ground-truth.json), the trafilatura corpus (evaldata.json) or CleanPortalEval (GoldStandard/)",
            args.bench.display()
        )
    }
}

/// Parallax's article body for one HTML page (the page's own article with its live entries,
/// not items appended from other outlets), and the time it took.
fn parallax_body(name: &str, html: &[u8]) -> (String, f64) {
    let t = Instant::now();
    let body = ingest::text_document(name, "page", DocFormat::Html, html, &ingest::Config::default())
        .ok()
        .map(|doc| {
            let found = extract::extract(&doc, &extract::Config::default());
            let Some(page) = found.articles.first() else { return String::new() };
            let own = found.articles.iter().filter(|a| a.source.name == page.source.name);
            own.map(parallax_model::Article::body_text).collect::<Vec<_>>().join("\n\n")
        })
        .unwrap_or_default();
    (body, t.elapsed().as_secs_f64())
}

/// One system's figures.
#[derive(Clone, Debug, Default)]
struct Row {
    system: String,
    precision: f64,
    recall: f64,
    f1: f64,
    accuracy: f64,
    pages: usize,
}

fn print_rows(title: &str, rows: &mut [Row], json: bool, note: &str) {
    rows.sort_by(|a, b| b.f1.total_cmp(&a.f1).then_with(|| a.system.cmp(&b.system)));
    if json {
        let out: Vec<serde_json::Value> = rows
            .iter()
            .map(|r| {
                serde_json::json!({"system": r.system, "pages": r.pages, "precision": round(r.precision),
                    "recall": round(r.recall), "f1": round(r.f1), "accuracy": round(r.accuracy)})
            })
            .collect();
        println!("{:#}", serde_json::Value::Array(out));
        return;
    }
    println!("{title}");
    println!("{:<22}{:>7}{:>11}{:>9}{:>8}{:>10}", "system", "pages", "precision", "recall", "F1", "accuracy");
    for r in rows.iter() {
        println!(
            "{:<22}{:>7}{:>11.3}{:>9.3}{:>8.3}{:>10.3}",
            r.system, r.pages, r.precision, r.recall, r.f1, r.accuracy
        );
    }
    println!("{note}");
}

// ---------------------------------------------------------------------------------------------
// The Zyte benchmark.

fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|t| !t.is_empty()).collect()
}

fn shingles<'a>(tokens: &[&'a str]) -> HashMap<Vec<&'a str>, u32> {
    let mut out: HashMap<Vec<&str>, u32> = HashMap::new();
    if tokens.is_empty() {
        return out;
    }
    let n = 4;
    for i in 0..tokens.len().saturating_sub(n - 1).max(1) {
        *out.entry(tokens[i..(i + n).min(tokens.len())].to_vec()).or_default() += 1;
    }
    out
}

/// (tp, fp, fn), normalised by their sum.
fn shingle_match(truth: &str, predicted: &str) -> (f64, f64, f64) {
    let (t, p) = (tokens(truth), tokens(predicted));
    let (ts, ps) = (shingles(&t), shingles(&p));
    let (mut tp, mut fp, mut fn_) = (0u64, 0u64, 0u64);
    for (k, &c) in &ts {
        let d = ps.get(k).copied().unwrap_or(0);
        tp += u64::from(c.min(d));
        fn_ += u64::from(c.saturating_sub(d));
    }
    for (k, &d) in &ps {
        let c = ts.get(k).copied().unwrap_or(0);
        fp += u64::from(d.saturating_sub(c));
    }
    let sum = (tp + fp + fn_) as f64;
    if sum == 0.0 { (0.0, 0.0, 0.0) } else { (tp as f64 / sum, fp as f64 / sum, fn_ as f64 / sum) }
}

fn zyte_row(system: &str, truth: &BTreeMap<String, String>, predicted: &BTreeMap<String, String>) -> Row {
    let (mut ps, mut rs) = (Vec::new(), Vec::new());
    let mut same = 0usize;
    for (id, t) in truth {
        let p = predicted.get(id).map(String::as_str).unwrap_or("");
        let (tp, fp, fn_) = shingle_match(t, p);
        if fp == 0.0 && fn_ == 0.0 {
            ps.push(1.0);
            rs.push(1.0);
        } else {
            if tp + fp > 0.0 {
                ps.push(tp / (tp + fp));
            }
            if tp + fn_ > 0.0 {
                rs.push(tp / (tp + fn_));
            }
        }
        same += usize::from(tokens(t) == tokens(p));
    }
    averaged(system, &ps, &rs, same, truth.len())
}

/// A row from per-page precisions and recalls (their means, and F1 of the means), with the
/// share of pages reproduced exactly.
fn averaged(system: &str, ps: &[f64], rs: &[f64], same: usize, pages: usize) -> Row {
    let mean = |v: &[f64]| if v.is_empty() { 0.0 } else { v.iter().sum::<f64>() / v.len() as f64 };
    let (precision, recall) = (mean(ps), mean(rs));
    Row {
        system: system.to_string(),
        precision,
        recall,
        f1: f1(precision, recall),
        accuracy: same as f64 / pages.max(1) as f64,
        pages,
    }
}

/// `{id: {"articleBody": …}}`, possibly wrapped as `{"output": {…}}`.
fn bodies(value: &serde_json::Value) -> BTreeMap<String, String> {
    let map = value.get("output").and_then(|o| o.as_object()).or_else(|| value.as_object());
    map.map(|m| {
        m.iter()
            .map(|(k, v)| {
                let body = v.get("articleBody").and_then(|b| b.as_str()).unwrap_or("").to_string();
                (k.clone(), body)
            })
            .collect()
    })
    .unwrap_or_default()
}

fn zyte(args: &Options) -> anyhow::Result<()> {
    let gt_path = args.bench.join("ground-truth.json");
    let gt: serde_json::Value = serde_json::from_slice(
        &std::fs::read(&gt_path).with_context(|| format!("cannot read {}", gt_path.display()))?,
    )
    .with_context(|| format!("{} is not JSON", gt_path.display()))?;
    let truth = bodies(&gt);
    let mut ours = BTreeMap::new();
    let mut seconds = 0.0;
    for id in truth.keys() {
        let path = args.bench.join("html").join(format!("{id}.html.gz"));
        let html = gunzip(&path)?;
        let (body, took) = parallax_body(&path.display().to_string(), &html);
        seconds += took;
        ours.insert(id.clone(), body);
    }
    let mut systems_out: Vec<(String, BTreeMap<String, String>)> =
        vec![("parallax".to_string(), ours.clone())];
    let mut rows = vec![zyte_row("parallax", &truth, &ours)];
    if args.errors {
        let mut per: Vec<(f64, &String)> = truth
            .iter()
            .map(|(id, t)| {
                let (tp, fp, fn_) = shingle_match(t, ours.get(id).map(String::as_str).unwrap_or(""));
                let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
                let r = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
                (f1(p, r), id)
            })
            .collect();
        per.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(b.1)));
        for (score, id) in per.iter().take(40) {
            println!("{score:.3} {id}");
        }
    }
    let out_dir = args.bench.join("output");
    let mut systems: Vec<_> = std::fs::read_dir(&out_dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    systems.sort();
    for path in systems {
        let Some(name) = path.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".json.gz"))
        else {
            continue;
        };
        let value: serde_json::Value = serde_json::from_slice(&gunzip(&path)?)
            .with_context(|| format!("{} is not JSON", path.display()))?;
        let predicted = bodies(&value);
        rows.push(zyte_row(name, &truth, &predicted));
        systems_out.push((name.to_string(), predicted));
    }
    if args.folds >= 2 && !args.json {
        print_folds(&truth, &systems_out, args.folds);
    }
    let pages_per_s = truth.len() as f64 / seconds.max(1e-9);
    print_rows(
        &format!("article bodies on the Zyte benchmark ({}), 4-gram shingle metric", args.bench.display()),
        &mut rows,
        args.json,
        &format!(
            "parallax: {pages_per_s:.0} pages/s on one thread (extraction only)\ntarget: F1 >= 0.97; published anchors (whole set): rs_trafilatura 0.970, trafilatura 0.958, readability_js 0.947, AutoExtract 0.970"
        ),
    );
    Ok(())
}

/// Every system's F1 on each of `k` folds of the pages (dealt round-robin in id order), the
/// mean and the worst fold; and, for each peer, on how many folds Parallax scores at least as
/// well. Extraction has no threshold chosen at run time, so nothing is refitted per fold: the
/// folds show how evenly the rules, written on visible pages, hold across pages.
fn print_folds(truth: &BTreeMap<String, String>, systems: &[(String, BTreeMap<String, String>)], k: usize) {
    let ids: Vec<&String> = truth.keys().collect();
    let per_system: Vec<(&str, Vec<f64>)> = systems
        .iter()
        .map(|(name, predicted)| {
            let scores = (0..k)
                .map(|f| {
                    let fold: BTreeMap<String, String> = ids
                        .iter()
                        .enumerate()
                        .filter(|(n, _)| n % k == f)
                        .map(|(_, id)| ((*id).clone(), truth[*id].clone()))
                        .collect();
                    zyte_row(name, &fold, predicted).f1
                })
                .collect();
            (name.as_str(), scores)
        })
        .collect();
    let ours = per_system.iter().find(|s| s.0 == "parallax").map(|s| s.1.clone()).unwrap_or_default();
    let summary: Vec<(&str, &Vec<f64>, f64, f64, usize)> = per_system
        .iter()
        .map(|(name, scores)| {
            let mean = scores.iter().sum::<f64>() / scores.len().max(1) as f64;
            let worst = scores.iter().copied().fold(1.0, f64::min);
            let at_least = ours.iter().zip(scores).filter(|(o, s)| o >= s).count();
            (*name, scores, mean, worst, at_least)
        })
        .collect();
    println!("F1 on {k} folds of pages (round-robin by id); parallax >= the system on how many folds");
    for (name, scores, mean, worst, at_least) in &summary {
        let cells: Vec<String> = scores.iter().map(|f| format!("{f:.3}")).collect();
        println!(
            "{name:<20} {}  mean {mean:.3}  worst {worst:.3}  parallax >= on {at_least} of {k}",
            cells.join(" ")
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The trafilatura corpus.

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn snippets(args: &Options) -> anyhow::Result<()> {
    let path = args.bench.join("evaldata.json");
    let data: serde_json::Value = serde_json::from_slice(
        &std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?,
    )
    .with_context(|| format!("{} is not JSON", path.display()))?;
    let Some(pages) = data.as_object() else { bail!("{} is not a JSON object", path.display()) };
    let (mut tp, mut fp, mut fn_, mut tn) = (0usize, 0usize, 0usize, 0usize);
    let mut seconds = 0.0;
    let mut read = 0usize;
    let mut entries: Vec<(&String, &serde_json::Value)> = pages.iter().collect();
    entries.sort_by(|a, b| a.0.cmp(b.0));
    for (url, page) in entries {
        let Some(file) = page.get("file").and_then(|f| f.as_str()) else { continue };
        let found = ["cache", "eval"]
            .iter()
            .map(|d| args.bench.join(d).join(format!("{file}.gz")))
            .chain(["cache", "eval"].iter().map(|d| args.bench.join(d).join(file)))
            .find(|p| p.is_file());
        let Some(html_path) = found else { continue };
        let html = if html_path.extension().is_some_and(|e| e == "gz") {
            gunzip(&html_path)?
        } else {
            std::fs::read(&html_path).with_context(|| format!("cannot read {}", html_path.display()))?
        };
        let (body, took) = parallax_body(&html_path.display().to_string(), &html);
        seconds += took;
        read += 1;
        let body = collapse(&body);
        let list = |k: &str| -> Vec<String> {
            page.get(k)
                .and_then(|v| v.as_array())
                .map(|a| a.iter().filter_map(|s| s.as_str()).map(collapse).collect())
                .unwrap_or_default()
        };
        for s in list("with") {
            if body.contains(&s) {
                tp += 1;
            } else {
                fn_ += 1;
                if args.errors {
                    println!("MISSED {url}: {s}");
                }
            }
        }
        for s in list("without") {
            if body.contains(&s) {
                fp += 1;
                if args.errors {
                    println!("LEAKED {url}: {s}");
                }
            } else {
                tn += 1;
            }
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    let mut rows = vec![Row {
        system: "parallax".to_string(),
        precision,
        recall,
        f1: f1(precision, recall),
        accuracy: (tp + tn) as f64 / (tp + fp + fn_ + tn).max(1) as f64,
        pages: read,
    }];
    let pages_per_s = read as f64 / seconds.max(1e-9);
    print_rows(
        &format!("main text on the trafilatura corpus ({}), snippet metric", args.bench.display()),
        &mut rows,
        args.json,
        &format!(
            "parallax: {pages_per_s:.0} pages/s on one thread (extraction only)\ntarget: F1 >= 0.93; published anchors (whole set): trafilatura 2.2.0 0.924, magic-html 0.889, justext 0.862, readability-lxml 0.826"
        ),
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// CleanPortalEval.

/// CleanEval text without its `URL:` line, block tags (`<p>`, `<h>`, `<l>`) and entities.
fn clean_eval_text(raw: &str) -> String {
    let body: String = raw.lines().filter(|l| !l.starts_with("URL:")).collect::<Vec<_>>().join("\n");
    let mut out = String::with_capacity(body.len());
    let mut rest = body.as_str();
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with('<') {
            let end = tail.find('>').map_or(tail.len(), |e| e + 1);
            out.push(' ');
            rest = &tail[end..];
        } else {
            let end = tail.find(';').filter(|&e| e <= 8);
            let decoded = end.and_then(|e| match &tail[1..e] {
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "nbsp" => Some(' '),
                num if num.starts_with('#') => {
                    let n = num.trim_start_matches('#');
                    let v = if let Some(h) = n.strip_prefix(['x', 'X']) {
                        u32::from_str_radix(h, 16).ok()
                    } else {
                        n.parse().ok()
                    };
                    v.and_then(char::from_u32)
                }
                _ => None,
            });
            match (decoded, end) {
                (Some(c), Some(e)) => {
                    out.push(c);
                    rest = &tail[e + 1..];
                }
                _ => {
                    out.push('&');
                    rest = &tail[1..];
                }
            }
        }
    }
    out.push_str(rest);
    out
}

fn clean_eval_row(system: &str, pages: &[(String, String, String)]) -> Row {
    let (mut ps, mut rs) = (Vec::new(), Vec::new());
    let mut same = 0usize;
    for (_, gold, predicted) in pages {
        let (g, p) = (tokens(gold), tokens(predicted));
        let common = lcs_len(&g, &p) as f64;
        ps.push(if p.is_empty() { 0.0 } else { common / p.len() as f64 });
        rs.push(if g.is_empty() { 1.0 } else { common / g.len() as f64 });
        same += usize::from(g == p);
    }
    averaged(system, &ps, &rs, same, pages.len())
}

fn clean_eval(args: &Options) -> anyhow::Result<()> {
    let gold_dir = args.bench.join("GoldStandard");
    let mut names: Vec<String> = std::fs::read_dir(&gold_dir)
        .with_context(|| format!("cannot list {}", gold_dir.display()))?
        .filter_map(|e| e.ok().and_then(|e| e.file_name().to_str().map(str::to_string)))
        .filter_map(|n| n.strip_suffix(".txt").map(str::to_string))
        .collect();
    names.sort();
    let mut ours = Vec::new();
    let mut seconds = 0.0;
    for name in &names {
        let gold = std::fs::read(gold_dir.join(format!("{name}.txt")))
            .with_context(|| format!("cannot read the gold text of {name}"))?;
        let gold = clean_eval_text(&String::from_utf8_lossy(&gold));
        let html_path = args.bench.join("input").join(format!("{name}.html.gz"));
        let html = gunzip(&html_path)?;
        let (body, took) = parallax_body(&html_path.display().to_string(), &html);
        seconds += took;
        ours.push((name.clone(), gold, body));
    }
    let mut rows = vec![clean_eval_row("parallax", &ours)];
    let systems_dir = args.bench.join("system_outputs");
    let mut systems: Vec<_> = std::fs::read_dir(&systems_dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_dir()).collect())
        .unwrap_or_default();
    systems.sort();
    for dir in systems {
        let Some(system) = dir.file_name().and_then(|n| n.to_str()) else { continue };
        let pages: Vec<(String, String, String)> = ours
            .iter()
            .map(|(name, gold, _)| {
                let raw = std::fs::read(dir.join(format!("{name}.txt"))).unwrap_or_default();
                (name.clone(), gold.clone(), clean_eval_text(&String::from_utf8_lossy(&raw)))
            })
            .collect();
        rows.push(clean_eval_row(system, &pages));
    }
    let pages_per_s = names.len() as f64 / seconds.max(1e-9);
    print_rows(
        &format!(
            "boilerplate removal on CleanPortalEval ({}), CleanEval LCS word metric",
            args.bench.display()
        ),
        &mut rows,
        args.json,
        &format!(
            "parallax: {pages_per_s:.0} pages/s on one thread (extraction only)\nno target; the dataset's own system outputs are the anchors"
        ),
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{clean_eval_text, lcs_len, shingle_match, tokens};

    #[test]
    fn clean_eval_text_and_lcs() {
        assert_eq!(clean_eval_text("URL: http://x\n<p>The BBC&#039;s &amp; co"), " The BBC's & co");
        assert_eq!(lcs_len(&["a", "b", "c", "d"], &["a", "c", "d", "e"]), 3);
        assert_eq!(lcs_len::<&str>(&[], &["a"]), 0);
    }

    #[test]
    fn shingles_score_like_the_benchmark() {
        assert_eq!(tokens("It's a test_case, 2025!"), ["It", "s", "a", "test_case", "2025"]);
        assert_eq!(shingle_match("one two three four five", "one two three four five"), (1.0, 0.0, 0.0));
        // Two of the truth's shingles found, one extra predicted.
        let (tp, fp, fn_) = shingle_match("a b c d e", "a b c d x");
        assert!(
            (tp - 1.0 / 3.0).abs() < 1e-9 && (fp - 1.0 / 3.0).abs() < 1e-9 && (fn_ - 1.0 / 3.0).abs() < 1e-9
        );
        // A text under four tokens is one shingle.
        assert_eq!(shingle_match("a b", "a b"), (1.0, 0.0, 0.0));
        assert_eq!(shingle_match("", ""), (0.0, 0.0, 0.0));
    }
}
