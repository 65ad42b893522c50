//! `parallax eval stories`: story clustering through the store, against ECB+ (gold events =
//! topic and sub-topic, and topics) or the UCI News Aggregator sample (gold stories), with
//! B-cubed precision, recall, F1 and the adjusted Rand index; next to a baseline (TF-IDF
//! vectors, average-link agglomerative clustering cut at the threshold that scores best on the
//! training topics) scored by the same code.
//!
//! The documents go through a real store in a temporary file, in batches of 64 in a fixed
//! shuffled order (a stream, not topic by topic).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context;
use parallax_engine::sets::DisjointSets;
use parallax_engine::stories;
use parallax_engine::text::{Analyzer, TokenKind, is_function_key};
use parallax_model::{DocFormat, DocId, DocMeta, RawDoc};
use parallax_store::{IngestConfig, Store};

use crate::common::{gunzip, round};

#[path = "stories_train.rs"]
mod train;

/// What `parallax eval stories` was asked.
#[derive(Clone, Debug)]
pub struct Options {
    /// The `ecbplus` folder (`ECB+/TOPIC/*.xml.gz`) or the `uci-news-aggregator-sample` folder.
    pub bench: PathBuf,
    /// Print the figures as JSON instead of a table.
    pub json: bool,
    /// Also print B-cubed F1 at join thresholds from 0.05 to 0.50.
    pub sweep: bool,
    /// Also ingest the documents in other ways (all in one batch, one at a time, in batches
    /// of 64 in three other shuffled orders) and print B-cubed F1 for each.
    pub feeds: bool,
    /// Cross-validate the join threshold over this many folds of topics (0: not at all).
    pub folds: usize,
}

/// How the documents reach the store: in batches of `batch` (0: all in one), in the order a
/// shuffle seeded by `seed` gives (dated documents in date order).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Feed {
    batch: usize,
    seed: u64,
}

/// The feed `parallax eval stories` scores: batches of 64, a fixed shuffle.
const STREAM: Feed = Feed { batch: 64, seed: 0x9e37_79b9_7f4a_7c15 };

/// The feeds `--feeds` compares: all at once, the stream, one at a time, three other orders.
const FEEDS: [(&str, Feed); 6] = [
    ("one batch", Feed { batch: 0, ..STREAM }),
    ("batches of 64", STREAM),
    ("one at a time", Feed { batch: 1, ..STREAM }),
    ("batches of 64, order 2", Feed { seed: 11, ..STREAM }),
    ("batches of 64, order 3", Feed { seed: 23, ..STREAM }),
    ("batches of 64, order 4", Feed { seed: 37, ..STREAM }),
];

/// One evaluation document.
struct Item {
    id: String,
    text: String,
    source: Option<String>,
    published: Option<jiff::civil::Date>,
    /// Gold cluster (event or story).
    gold: String,
    /// Gold topic (ECB+), or the gold story again.
    topic: String,
    /// Which part of the standard split it is in: "train", "dev" or "test".
    split: &'static str,
}

/// Clusters the benchmark's documents through a fresh store and with the baseline, and prints
/// the figures per split.
pub fn run(args: &Options) -> anyhow::Result<()> {
    let (name, items) = read_bench(&args.bench)?;
    if items.is_empty() {
        anyhow::bail!("{}: no documents found", args.bench.display());
    }
    let config = stories::Config::default();
    let (ours, links) = cluster_through_store(&items, &config, STREAM)?;
    let texts: Vec<Vec<u64>> = items.iter().map(|i| content_keys(&i.text)).collect();
    let sims = tfidf_similarities(&texts);
    let merges = average_link(&sims, items.len());
    // The baseline's cut: the threshold that scores best on the training part.
    let train: Vec<usize> = (0..items.len()).filter(|&i| items[i].split == "train").collect();
    let gold: Vec<&str> = items.iter().map(|i| i.gold.as_str()).collect();
    let mut best_cut = (0.0f64, 0.5f32);
    for step in 1..20 {
        let cut = step as f32 * 0.05;
        let labels = cut_at(&merges, items.len(), cut);
        let f1 = bcubed(&labels, &gold, &train).2;
        if f1 > best_cut.0 {
            best_cut = (f1, cut);
        }
    }
    let baseline = cut_at(&merges, items.len(), best_cut.1);
    let topics: Vec<&str> = items.iter().map(|i| i.topic.as_str()).collect();
    let related = related_scores(&ours, &links, &gold, &topics);
    let mut table = Vec::new();
    for split in ["all", "train", "dev", "test"] {
        let subset: Vec<usize> =
            (0..items.len()).filter(|&i| split == "all" || items[i].split == split).collect();
        if subset.is_empty() {
            continue;
        }
        for (system, labels) in [("parallax", &ours), ("tf-idf + agglomerative", &baseline)] {
            let (p, r, f) = bcubed(labels, &gold, &subset);
            let ari = adjusted_rand(labels, &gold, &subset);
            let (_, _, tf) = bcubed(labels, &topics, &subset);
            table.push((split, system, subset.len(), p, r, f, ari, tf));
        }
    }
    // The same documents fed in other ways: one batch, one at a time, other orders.
    let mut feeds = Vec::new();
    if args.feeds {
        let all: Vec<usize> = (0..items.len()).collect();
        for (feed_name, feed) in FEEDS {
            // The stream is the run scored above.
            let labels =
                if feed == STREAM { ours.clone() } else { cluster_through_store(&items, &config, feed)?.0 };
            let (p, r, f) = bcubed(&labels, &gold, &all);
            feeds.push((
                feed_name,
                p,
                r,
                f,
                distinct(&labels.iter().map(String::as_str).collect::<Vec<_>>()),
            ));
        }
    }
    let folds =
        if args.folds >= 2 { Some(cross_validate(&items, &config, &ours, args.folds)?) } else { None };
    if args.json {
        let fold_rows = folds.as_ref().map(|f| {
            serde_json::json!({
                "folds": f.per_fold.iter().map(|(join, f1, fixed)| serde_json::json!({"join": join, "bcubed_f1": round(*f1), "bcubed_f1_at_default": round(*fixed)})).collect::<Vec<_>>(),
                "mean_bcubed_f1": round(f.mean()), "worst_bcubed_f1": round(f.worst()),
                "mean_bcubed_f1_at_default": round(f.mean_at_default()),
            })
        });
        let feed_rows: Vec<serde_json::Value> = feeds
            .iter()
            .map(|(feed, p, r, f, stories)| {
                serde_json::json!({"feed": feed, "bcubed_precision": round(*p), "bcubed_recall": round(*r),
                    "bcubed_f1": round(*f), "stories": stories})
            })
            .collect();
        let rows: Vec<serde_json::Value> = table
            .iter()
            .map(|(split, system, n, p, r, f, ari, tf)| {
                serde_json::json!({"split": split, "system": system, "documents": n, "bcubed_precision": round(*p),
                    "bcubed_recall": round(*r), "bcubed_f1": round(*f), "ari": round(*ari), "topic_bcubed_f1": round(*tf)})
            })
            .collect();
        println!(
            "{}",
            serde_json::json!({"bench": name, "baseline_cut": best_cut.1, "rows": rows, "feeds": feed_rows, "cross_validation": fold_rows,
                "related": {"links": related.links, "same_topic": related.same_topic, "fragments": related.fragments, "fragments_linked": related.linked}})
        );
    } else {
        println!("{name}: {} documents, {} gold clusters", items.len(), distinct(&gold));
        println!(
            "{:<6} {:<24} {:>5} {:>8} {:>8} {:>8} {:>8} {:>10}",
            "split", "system", "docs", "B3 P", "B3 R", "B3 F1", "ARI", "topic F1"
        );
        for (split, system, n, p, r, f, ari, tf) in &table {
            println!("{split:<6} {system:<24} {n:>5} {p:>8.3} {r:>8.3} {f:>8.3} {ari:>8.3} {tf:>10.3}");
        }
        println!(
            "baseline cut {:.2} (best B3 F1 on train); parallax join {:.2}, window {} days; no published anchor for these clusterings",
            best_cut.1, config.join, config.window_days
        );
        println!(
            "related stories (link {:.2}): {} links, {} within one gold topic; {} of {} fragments (stories that are not their gold cluster's largest) linked to a story of their cluster",
            config.related, related.links, related.same_topic, related.linked, related.fragments
        );
    }
    if let Some(f) = folds.as_ref().filter(|_| !args.json) {
        println!(
            "join threshold cross-validated over {} folds of topics (chosen on the others, scored on the fold):",
            f.per_fold.len()
        );
        for (k, (join, f1, fixed)) in f.per_fold.iter().enumerate() {
            println!(
                "fold {}: join {join:.3}, B3 F1 {f1:.3} (at the default {:.2}: {fixed:.3})",
                k + 1,
                config.join
            );
        }
        println!(
            "mean B3 F1 {:.3}, worst fold {:.3}; at the default join, mean {:.3}",
            f.mean(),
            f.worst(),
            f.mean_at_default()
        );
    }
    if !args.json && !feeds.is_empty() {
        println!("the same documents fed in other ways (all splits):");
        for (feed, p, r, f, stories) in &feeds {
            println!("{feed:<24} B3 P {p:.3} R {r:.3} F1 {f:.3}, {stories} stories");
        }
        let f1s = feeds.iter().map(|x| x.3);
        let spread = f1s.clone().fold(f64::MIN, f64::max) - f1s.fold(f64::MAX, f64::min);
        println!("spread of B3 F1: {spread:.3} (target: within 0.01)");
    }
    if args.sweep {
        for step in 2..=20 {
            let join = step as f32 * 0.025;
            let labels =
                cluster_through_store(&items, &stories::Config { join, ..config.clone() }, STREAM)?.0;
            let all: Vec<usize> = (0..items.len()).collect();
            println!(
                "join {join:.2}: B3 F1 train {:.3}, all {:.3}",
                bcubed(&labels, &gold, &train).2,
                bcubed(&labels, &gold, &all).2
            );
        }
    }
    Ok(())
}

/// What the related links between stories show: how many links, how many join two stories
/// of one gold topic (a follow-up, or another event of the topic), and of the stories that are
/// not the largest of their gold cluster (the fragments), how many are linked to one of it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Related {
    links: usize,
    same_topic: usize,
    fragments: usize,
    linked: usize,
}

fn related_scores(labels: &[String], links: &[(String, String)], gold: &[&str], topics: &[&str]) -> Related {
    // Each story's gold cluster and topic: those of most of its documents.
    let mut members: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, l) in labels.iter().enumerate() {
        members.entry(l.as_str()).or_default().push(i);
    }
    let majority = |of: &[&str], docs: &[usize]| -> String {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for &d in docs {
            *counts.entry(of[d]).or_default() += 1;
        }
        counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
            .map(|(k, _)| k.to_string())
            .unwrap_or_default()
    };
    let gold_of: BTreeMap<&str, String> = members.iter().map(|(s, d)| (*s, majority(gold, d))).collect();
    let topic_of: BTreeMap<&str, String> = members.iter().map(|(s, d)| (*s, majority(topics, d))).collect();
    let mut out = Related { links: links.len(), ..Related::default() };
    out.same_topic =
        links.iter().filter(|(a, b)| topic_of.get(a.as_str()) == topic_of.get(b.as_str())).count();
    // The largest story of each gold cluster (by its documents of that cluster; smaller id on a tie).
    let mut largest: BTreeMap<&str, (usize, &str)> = BTreeMap::new();
    for (story, docs) in &members {
        let g = gold_of[story].as_str();
        let n = docs.iter().filter(|&&d| gold[d] == g).count();
        let best = largest.entry(g).or_insert((n, story));
        if n > best.0 {
            *best = (n, story);
        }
    }
    for (story, g) in &gold_of {
        if largest.get(g.as_str()).is_some_and(|(_, s)| s == story) {
            continue;
        }
        out.fragments += 1;
        let linked = links.iter().any(|(a, b)| {
            let other = if a == story {
                b
            } else if b == story {
                a
            } else {
                return false;
            };
            gold_of.get(other.as_str()) == Some(g)
        });
        out.linked += usize::from(linked);
    }
    out
}

/// Per fold of topics: the join chosen on the other folds, the fold's B-cubed F1 at it, and at
/// the default join.
struct Folds {
    per_fold: Vec<(f32, f64, f64)>,
}

impl Folds {
    fn mean(&self) -> f64 {
        self.per_fold.iter().map(|f| f.1).sum::<f64>() / self.per_fold.len().max(1) as f64
    }

    fn mean_at_default(&self) -> f64 {
        self.per_fold.iter().map(|f| f.2).sum::<f64>() / self.per_fold.len().max(1) as f64
    }

    fn worst(&self) -> f64 {
        self.per_fold.iter().map(|f| f.1).fold(1.0, f64::min)
    }
}

/// Join thresholds the cross-validation chooses among.
const JOINS: [f32; 13] = [0.10, 0.125, 0.15, 0.175, 0.20, 0.225, 0.25, 0.275, 0.30, 0.325, 0.35, 0.375, 0.40];

/// Cross-validates the join threshold: the topics dealt round-robin into `k` folds (sorted by
/// name), every threshold of [`JOINS`] run once over all documents (the clustering sees no
/// label), and for each fold the threshold that scores best on the other folds scored on it,
/// beside `fixed`, the stream's stories at the default join.
fn cross_validate(
    items: &[Item],
    config: &stories::Config,
    fixed: &[String],
    k: usize,
) -> anyhow::Result<Folds> {
    let topics: std::collections::BTreeSet<&str> = items.iter().map(|i| i.topic.as_str()).collect();
    let fold_of_topic: BTreeMap<&str, usize> = topics.iter().enumerate().map(|(n, t)| (*t, n % k)).collect();
    let fold: Vec<usize> = items.iter().map(|i| fold_of_topic[i.topic.as_str()]).collect();
    let gold: Vec<&str> = items.iter().map(|i| i.gold.as_str()).collect();
    let mut runs = Vec::new();
    for join in JOINS {
        let labels = if join == config.join {
            fixed.to_vec()
        } else {
            cluster_through_store(items, &stories::Config { join, ..config.clone() }, STREAM)?.0
        };
        runs.push((join, labels));
    }
    let mut per_fold = Vec::new();
    for f in 0..k {
        let train: Vec<usize> = (0..items.len()).filter(|&i| fold[i] != f).collect();
        let test: Vec<usize> = (0..items.len()).filter(|&i| fold[i] == f).collect();
        if test.is_empty() {
            continue;
        }
        let best = runs.iter().map(|(join, labels)| (*join, bcubed(labels, &gold, &train).2)).fold(
            None::<(f32, f64)>,
            |acc, (join, f1)| match acc {
                Some((_, b)) if b >= f1 => acc,
                _ => Some((join, f1)),
            },
        );
        let Some((join, _)) = best else { continue };
        let labels = runs.iter().find(|(j, _)| *j == join).map_or(fixed, |(_, l)| l.as_slice());
        per_fold.push((join, bcubed(labels, &gold, &test).2, bcubed(fixed, &gold, &test).2));
    }
    Ok(Folds { per_fold })
}

fn distinct(labels: &[&str]) -> usize {
    labels.iter().collect::<std::collections::BTreeSet<_>>().len()
}

/// Each item's story, and the pairs of stories listed as related.
type Clustered = (Vec<String>, Vec<(String, String)>);

/// Ingests the items into a fresh store as `feed` says, and returns each item's story and the
/// pairs of stories `parallax stories` lists as related.
fn cluster_through_store(items: &[Item], config: &stories::Config, feed: Feed) -> anyhow::Result<Clustered> {
    let dir = std::env::temp_dir().join(format!("parallax-eval-stories-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).context("cannot make a temporary folder")?;
    let result = (|| -> anyhow::Result<Clustered> {
        let mut store = Store::open(&dir.join("eval.db"))?;
        let ingest = IngestConfig {
            stories: config.clone(),
            now: "2000-01-01T00:00:00Z".to_string(),
            ..IngestConfig::default()
        };
        let mut order: Vec<usize> = (0..items.len()).collect();
        // A fixed shuffle (xorshift, seeded), so topics arrive interleaved as news does; dated
        // items arrive in date order.
        let mut state = feed.seed | 1;
        for i in (1..order.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            order.swap(i, (state % (i as u64 + 1)) as usize);
        }
        order.sort_by_key(|&i| items[i].published);
        let batch = if feed.batch == 0 { order.len().max(1) } else { feed.batch };
        for chunk in order.chunks(batch) {
            let docs: Vec<(RawDoc, bool)> =
                chunk.iter().filter_map(|&i| item_doc(&items[i]).map(|d| (d, true))).collect();
            store.ingest(docs, &ingest)?;
        }
        let mut story_of: BTreeMap<String, String> = BTreeMap::new();
        let listed = store.stories()?;
        let links: Vec<(String, String)> = listed
            .iter()
            .flat_map(|s| s.related.iter().filter(|&&r| r > s.id).map(|r| (s.id.to_string(), r.to_string())))
            .collect();
        for story in listed {
            for member in &story.documents {
                // An item split into several articles is placed by its first.
                let doc = member.split('#').next().unwrap_or(member).to_string();
                story_of.entry(doc).or_insert_with(|| story.id.to_string());
            }
        }
        let labels = items
            .iter()
            .enumerate()
            .map(|(n, i)| story_of.get(&i.id).cloned().unwrap_or_else(|| format!("unplaced-{n}")))
            .collect();
        Ok((labels, links))
    })();
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// The document an item is ingested as (`None` when its id is not a valid document id).
fn item_doc(item: &Item) -> Option<RawDoc> {
    Some(RawDoc {
        id: DocId::new(&item.id)?,
        path: item.id.clone(),
        format: DocFormat::Text,
        text: item.text.clone(),
        meta: DocMeta { source: item.source.clone(), published: item.published, ..DocMeta::default() },
    })
}

/// Learns the weights of [`stories::Bar`] from the training part of each benchmark in
/// `benches` (every benchmark weighing the same), prints them next to the committed ones and
/// writes them to `out` as JSON.
pub fn train(benches: &[PathBuf], out: &Path) -> anyhow::Result<()> {
    let window = stories::Config::default().window_days;
    let mut samples = Vec::new();
    for (set, bench) in benches.iter().enumerate() {
        let (name, items) = read_bench(bench)?;
        let found = train::samples(&items, "train", window, set);
        let same = found.iter().filter(|s| s.same).count();
        println!("{name}: {} comparisons, {same} with the document's own story", found.len());
        samples.extend(found);
    }
    anyhow::ensure!(samples.iter().any(|s| s.same), "nothing to learn from: no document met its own story");
    let bar = train::as_bar(train::fit(&samples, 1e-3));
    let committed = stories::Bar::learned();
    println!("short: {:.3} (committed {:.3})", bar.short, committed.short);
    println!("dated: {:+.3} (committed {:+.3})", bar.dated, committed.dated);
    println!("gap:   {:+.3} per ln(1 + days) (committed {:+.3})", bar.gap, committed.gap);
    let json = serde_json::to_string_pretty(&bar)? + "\n";
    std::fs::write(out, json).with_context(|| format!("cannot write {}", out.display()))?;
    println!("written to {}", out.display());
    Ok(())
}

/// A benchmark's name and items, by what its folder holds.
fn read_bench(bench: &Path) -> anyhow::Result<(&'static str, Vec<Item>)> {
    Ok(if bench.join("ECB+").is_dir() {
        ("ECB+", read_ecbplus(bench)?)
    } else if bench.join("ORIGIN.md").is_file() && has_gold_events(bench)? {
        ("real events", read_real_events(bench)?)
    } else {
        ("UCI News Aggregator sample", read_uci(bench)?)
    })
}

/// ECB+ documents: the text from the XML tokens.
fn read_ecbplus(bench: &Path) -> anyhow::Result<Vec<Item>> {
    let root = bench.join("ECB+");
    let mut topics: Vec<PathBuf> = std::fs::read_dir(&root)
        .with_context(|| format!("cannot read {}", root.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    topics.sort();
    let mut items = Vec::new();
    for topic_dir in topics {
        let topic = topic_dir.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
        let number: u32 = topic.trim_matches(|c: char| !c.is_ascii_digit()).parse().unwrap_or(0);
        let split = match number {
            2 | 5 | 12 | 18 | 21 | 23 | 34 | 35 => "dev",
            36..=45 => "test",
            _ => "train",
        };
        let mut files: Vec<PathBuf> =
            std::fs::read_dir(&topic_dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for file in files {
            let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
            if !name.contains(".xml") {
                continue;
            }
            let xml = read_maybe_gz(&file)?;
            let text = ecb_text(&xml);
            if text.trim().is_empty() {
                continue;
            }
            let sub = if name.contains("ecbplus") { "plus" } else { "ecb" };
            items.push(Item {
                id: name.split('.').next().unwrap_or(&name).to_string(),
                text,
                source: None,
                published: None,
                gold: format!("{topic}-{sub}"),
                topic: topic.clone(),
                split,
            });
        }
    }
    Ok(items)
}

fn read_maybe_gz(path: &Path) -> anyhow::Result<String> {
    let bytes = if path.extension().is_some_and(|e| e == "gz") {
        gunzip(path)?
    } else {
        std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?
    };
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The text of a CROMER XML file: its tokens, one sentence per line, spaced as prose.
fn ecb_text(xml: &str) -> String {
    let mut out = String::new();
    let mut sentence: Option<String> = None;
    let mut rest = xml;
    while let Some(at) = rest.find("<token ") {
        rest = &rest[at..];
        let Some(close) = rest.find('>') else { break };
        let tag = &rest[..close];
        let Some(end) = rest.find("</token>") else { break };
        let word = unescape(rest[close + 1..end].trim());
        let s = attr(tag, "sentence").map(str::to_string);
        if s != sentence {
            if sentence.is_some() {
                out.push('\n');
            }
            sentence = s;
        } else if !word.is_empty()
            && !matches!(word.as_str(), "." | "," | ";" | ":" | "!" | "?" | ")" | "'s" | "%" | "n't" | "''")
            && !out.ends_with(['(', '\n', '`'])
        {
            out.push(' ');
        }
        out.push_str(&word);
        rest = &rest[end + "</token>".len()..];
    }
    out
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let end = tag[at..].find('"')?;
    Some(&tag[at..at + end])
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Whether `bench` holds real event sets (`<event>.jsonl` beside `<event>.gold.json`).
fn has_gold_events(bench: &Path) -> anyhow::Result<bool> {
    Ok(std::fs::read_dir(bench)
        .with_context(|| format!("cannot read {}", bench.display()))?
        .filter_map(Result::ok)
        .any(|e| e.file_name().to_string_lossy().ends_with(".gold.json")))
}

/// The real event sets: every page of every event, gold story = its event (one story per
/// event), all in the "train" split (the events kept aside are scored elsewhere).
fn read_real_events(bench: &Path) -> anyhow::Result<Vec<Item>> {
    let mut events: Vec<PathBuf> = std::fs::read_dir(bench)
        .with_context(|| format!("cannot read {}", bench.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    events.sort();
    let mut items = Vec::new();
    for gold in events {
        let name = gold
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .trim_end_matches(".gold.json")
            .to_string();
        let path = gold.with_file_name(format!("{name}.jsonl"));
        let text =
            std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
        for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let record: serde_json::Value = serde_json::from_str(line)
                .with_context(|| format!("{}:{}: not JSON", path.display(), n + 1))?;
            let field = |k: &str| record.get(k).and_then(|v| v.as_str()).map(str::to_string);
            items.push(Item {
                id: format!("{name}-{}", field("id").unwrap_or_else(|| n.to_string())),
                text: field("text").unwrap_or_default(),
                source: field("source"),
                published: field("published").and_then(|d| d.parse().ok()),
                gold: name.clone(),
                topic: name.clone(),
                split: "train",
            });
        }
    }
    Ok(items)
}

/// The UCI sample: one headline per row, replayed in timestamp order.
fn read_uci(bench: &Path) -> anyhow::Result<Vec<Item>> {
    let file = std::fs::read_dir(bench)
        .with_context(|| format!("cannot read {}", bench.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.to_string_lossy().ends_with(".csv.gz"))
        .with_context(|| format!("{}: neither ECB+/ nor a .csv.gz file", bench.display()))?;
    let csv = read_maybe_gz(&file)?;
    let mut items = Vec::new();
    for (n, line) in csv.lines().enumerate().skip(1) {
        let fields = csv_fields(line);
        let [_, title, _, publisher, _, story, _, timestamp] = fields.as_slice() else { continue };
        let published = timestamp
            .parse::<i64>()
            .ok()
            .and_then(|ms| jiff::Timestamp::from_millisecond(ms).ok())
            .map(|t| t.to_zoned(jiff::tz::TimeZone::UTC).date());
        items.push(Item {
            id: format!("uci-{n}"),
            text: title.clone(),
            source: Some(publisher.clone()),
            published,
            gold: story.clone(),
            topic: story.clone(),
            // No standard split: every fourth story is kept as "test", the rest "train".
            split: if xxhash_rust::xxh3::xxh3_64(story.as_bytes()).is_multiple_of(4) {
                "test"
            } else {
                "train"
            },
        });
    }
    Ok(items)
}

/// The fields of one CSV line (double quotes, doubled inside).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                if let Some(f) = fields.last_mut() {
                    f.push('"');
                }
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(String::new()),
            (c, _) => {
                if let Some(f) = fields.last_mut() {
                    f.push(c);
                }
            }
        }
    }
    fields
}

/// Content-word stem keys of a text, for the baseline.
fn content_keys(text: &str) -> Vec<u64> {
    let mut analyzer = Analyzer::new();
    let mut tokens = Vec::new();
    analyzer.tokenize_into(text, 0, &mut tokens);
    tokens.iter().filter(|t| t.kind == TokenKind::Word && !is_function_key(t.key)).map(|t| t.key).collect()
}

/// Cosine similarities of TF-IDF vectors, as a dense matrix (row-major).
fn tfidf_similarities(texts: &[Vec<u64>]) -> Vec<f32> {
    let n = texts.len();
    let mut df: BTreeMap<u64, u32> = BTreeMap::new();
    for t in texts {
        let mut seen: Vec<u64> = t.clone();
        seen.sort_unstable();
        seen.dedup();
        for k in seen {
            *df.entry(k).or_default() += 1;
        }
    }
    let vectors: Vec<Vec<(u64, f32)>> = texts
        .iter()
        .map(|t| {
            let mut tf: BTreeMap<u64, f32> = BTreeMap::new();
            for k in t {
                *tf.entry(*k).or_default() += 1.0;
            }
            let mut v: Vec<(u64, f32)> = tf
                .into_iter()
                .map(|(k, f)| (k, f * (((n + 1) as f32) / ((df[&k] + 1) as f32)).ln() + f))
                .collect();
            let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt().max(1e-9);
            v.iter_mut().for_each(|(_, w)| *w /= norm);
            v
        })
        .collect();
    let mut sims = vec![0.0f32; n * n];
    for i in 0..n {
        for j in i + 1..n {
            let s = stories::cosine(&vectors[i], &vectors[j]);
            sims[i * n + j] = s;
            sims[j * n + i] = s;
        }
    }
    sims
}

/// Average-link agglomerative clustering to one cluster (nearest-neighbour chain); the
/// merges in the order made, with their similarity. Average link is reducible, so cutting
/// the merges at a similarity gives the same clusters as stopping there.
fn average_link(sims: &[f32], n: usize) -> Vec<(usize, usize, f32)> {
    let mut s = sims.to_vec();
    let mut size = vec![1usize; n];
    let mut active = vec![true; n];
    let mut merges = Vec::with_capacity(n.saturating_sub(1));
    let mut chain: Vec<usize> = Vec::new();
    let mut remaining = n;
    while remaining > 1 {
        if chain.is_empty() {
            chain.push((0..n).find(|&i| active[i]).unwrap_or(0));
        }
        let a = chain[chain.len() - 1];
        let prev = if chain.len() >= 2 { Some(chain[chain.len() - 2]) } else { None };
        let mut best = prev.unwrap_or(usize::MAX);
        let mut best_s = prev.map_or(f32::NEG_INFINITY, |p| s[a * n + p]);
        for b in 0..n {
            if b != a && active[b] && s[a * n + b] > best_s {
                best = b;
                best_s = s[a * n + b];
            }
        }
        if Some(best) == prev {
            chain.pop();
            chain.pop();
            let (keep, gone) = (a.min(best), a.max(best));
            for k in 0..n {
                if active[k] && k != keep && k != gone {
                    let v = (s[keep * n + k] * size[keep] as f32 + s[gone * n + k] * size[gone] as f32)
                        / (size[keep] + size[gone]) as f32;
                    s[keep * n + k] = v;
                    s[k * n + keep] = v;
                }
            }
            size[keep] += size[gone];
            active[gone] = false;
            merges.push((keep, gone, best_s));
            remaining -= 1;
        } else {
            chain.push(best);
        }
    }
    merges
}

/// Cluster labels after applying the merges of similarity at least `cut`.
fn cut_at(merges: &[(usize, usize, f32)], n: usize, cut: f32) -> Vec<String> {
    let mut sets = DisjointSets::new(n);
    for &(a, b, s) in merges {
        if s >= cut {
            sets.union(a, b);
        }
    }
    (0..n).map(|i| sets.find(i).to_string()).collect()
}

/// B-cubed precision, recall and F1 over the items in `subset`.
fn bcubed<P: AsRef<str>, G: AsRef<str>>(pred: &[P], gold: &[G], subset: &[usize]) -> (f64, f64, f64) {
    let mut pair: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut pred_size: BTreeMap<&str, usize> = BTreeMap::new();
    let mut gold_size: BTreeMap<&str, usize> = BTreeMap::new();
    for &i in subset {
        let (p, g) = (pred[i].as_ref(), gold[i].as_ref());
        *pair.entry((p, g)).or_default() += 1;
        *pred_size.entry(p).or_default() += 1;
        *gold_size.entry(g).or_default() += 1;
    }
    let (mut precision, mut recall) = (0.0, 0.0);
    for &i in subset {
        let (p, g) = (pred[i].as_ref(), gold[i].as_ref());
        let both = pair[&(p, g)] as f64;
        precision += both / pred_size[p] as f64;
        recall += both / gold_size[g] as f64;
    }
    let n = subset.len().max(1) as f64;
    let (p, r) = (precision / n, recall / n);
    (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
}

/// The adjusted Rand index over the items in `subset`.
fn adjusted_rand<P: AsRef<str>, G: AsRef<str>>(pred: &[P], gold: &[G], subset: &[usize]) -> f64 {
    let c2 = |x: usize| (x * x.saturating_sub(1)) as f64 / 2.0;
    let mut pair: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut a: BTreeMap<&str, usize> = BTreeMap::new();
    let mut b: BTreeMap<&str, usize> = BTreeMap::new();
    for &i in subset {
        *pair.entry((pred[i].as_ref(), gold[i].as_ref())).or_default() += 1;
        *a.entry(pred[i].as_ref()).or_default() += 1;
        *b.entry(gold[i].as_ref()).or_default() += 1;
    }
    let index: f64 = pair.values().map(|&x| c2(x)).sum();
    let sa: f64 = a.values().map(|&x| c2(x)).sum();
    let sb: f64 = b.values().map(|&x| c2(x)).sum();
    let expected = sa * sb / c2(subset.len()).max(1.0);
    let max = (sa + sb) / 2.0;
    if (max - expected).abs() < 1e-12 { 1.0 } else { (index - expected) / (max - expected) }
}

#[cfg(test)]
mod tests {
    use super::{adjusted_rand, average_link, bcubed, csv_fields, cut_at, ecb_text};

    #[test]
    fn metrics_on_known_cases() {
        let gold = ["a", "a", "b", "b"];
        let all = [0, 1, 2, 3];
        assert_eq!(bcubed(&gold, &gold, &all), (1.0, 1.0, 1.0));
        assert!((adjusted_rand(&gold, &gold, &all) - 1.0).abs() < 1e-12);
        // Everything in one cluster: recall 1, precision 1/2.
        let one = ["x"; 4];
        let (p, r, _) = bcubed(&one, &gold, &all);
        assert_eq!((p, r), (0.5, 1.0));
        assert!(adjusted_rand(&one, &gold, &all).abs() < 1e-12);
    }

    #[test]
    fn agglomerative_cut_and_readers() {
        // Items 0,1 close, 2,3 close, the pairs far apart.
        let n = 4;
        let mut s = vec![0.0f32; 16];
        for (i, j, v) in [(0, 1, 0.9), (2, 3, 0.8), (0, 2, 0.1), (0, 3, 0.1), (1, 2, 0.1), (1, 3, 0.1)] {
            s[i * n + j] = v;
            s[j * n + i] = v;
        }
        let merges = average_link(&s, n);
        let labels = cut_at(&merges, n, 0.5);
        assert_eq!(labels[0], labels[1]);
        assert_eq!(labels[2], labels[3]);
        assert_ne!(labels[0], labels[2]);
        assert_eq!(csv_fields(r#"1,"Fed, banks ""agree""",x"#), ["1", "Fed, banks \"agree\"", "x"]);
        let xml = r#"<token t_id="1" sentence="0">Quake</token><token t_id="2" sentence="0">hits</token><token t_id="3" sentence="0">.</token><token t_id="4" sentence="1">Dozens</token>"#;
        assert_eq!(ecb_text(xml), "Quake hits.\nDozens");
    }
}
