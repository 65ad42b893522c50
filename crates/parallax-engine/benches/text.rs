//! Criterion benches of the text stage, extraction, reuse, facts and the whole pipeline, on the
//! committed demo corpus (`examples/ferry`); facts also on PolNeAR's dev articles when
//! `../shared` is beside the checkout, on hostile 100,000-character paragraphs, and whole briefs
//! of hostile shapes from 16 KB to 1 MB. Run with `cargo bench -p parallax-engine`; CI only builds
//! them. Throughput is reported in bytes of input text per second, on one thread.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use parallax_engine::text::Analyzer;
use parallax_engine::{extract, facts, ingest, pipeline, reuse};
use parallax_model::{DocFormat, RawDoc};

/// The demo corpus's plain-text files as raw documents.
fn corpus() -> Vec<RawDoc> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/ferry");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    paths
        .iter()
        .filter_map(|p| {
            let bytes = std::fs::read(p).ok()?;
            let name = p.display().to_string();
            ingest::text_document(&name, "doc", DocFormat::Text, &bytes, &ingest::Config::default()).ok()
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let docs = corpus();
    assert!(!docs.is_empty(), "the demo corpus is missing");
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let articles: Vec<_> =
        docs.iter().flat_map(|d| extract::extract(d, &extract::Config::default()).articles).collect();

    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("text: sentences, tokens and stems", |b| {
        let mut analyzer = Analyzer::new();
        b.iter(|| {
            for article in &articles {
                black_box(analyzer.analyze(black_box(article)));
            }
        });
    });
    group.bench_function("text: sentences, tokens and stems (cold cache)", |b| {
        b.iter(|| {
            let mut analyzer = Analyzer::new();
            for article in &articles {
                black_box(analyzer.analyze(black_box(article)));
            }
        });
    });
    group.bench_function("extract: plain text", |b| {
        b.iter(|| {
            for doc in &docs {
                black_box(extract::extract(black_box(doc), &extract::Config::default()));
            }
        });
    });
    let reuse_docs: Vec<reuse::Doc> =
        articles.iter().map(|a| reuse::Doc::new(a, &Analyzer::new().analyze(a))).collect();
    group.bench_function("reuse: all pairs aligned", |b| {
        b.iter(|| black_box(reuse::reuse(black_box(&reuse_docs), &reuse::Config::default())));
    });
    group.bench_function("reuse: LSH search only", |b| {
        let all: Vec<usize> = (0..reuse_docs.len()).collect();
        b.iter(|| black_box(reuse::search(black_box(&reuse_docs), &all, &reuse::Config::default())));
    });
    group.bench_function("facts: quotes, speakers, people, dates", |b| {
        let refs: Vec<&parallax_model::Article> = articles.iter().collect();
        b.iter(|| black_box(facts::facts(black_box(&refs), &facts::Config::default())));
    });
    group.bench_function("pipeline: brief", |b| {
        b.iter(|| black_box(pipeline::brief(black_box(&docs), Vec::new(), &pipeline::Config::default())));
    });
    group.finish();

    // Facts on news copy at scale: the PolNeAR dev articles when ../shared is beside the
    // checkout (the throughput target is measured here), else nothing.
    let news = polnear_dev();
    if !news.is_empty() {
        let bytes: usize = news.iter().map(|a| a.blocks.iter().map(|b| b.text.len()).sum::<usize>()).sum();
        let mut group = c.benchmark_group("facts");
        group.throughput(Throughput::Bytes(bytes as u64));
        group.sample_size(10);
        group.bench_function("PolNeAR dev articles", |b| {
            let refs: Vec<&parallax_model::Article> = news.iter().collect();
            b.iter(|| {
                // One document set per article, as the evaluation runs them.
                for a in &refs {
                    black_box(facts::facts(std::slice::from_ref(a), &facts::Config::default()));
                }
            });
        });
        group.finish();
    }

    // Hostile input: no quadratic time on a 100,000-character paragraph with unbalanced quote
    // marks, on text with no sentence ends, and on a paragraph of quote marks only.
    let mut group = c.benchmark_group("facts stress");
    group.sample_size(10);
    for (name, text) in stress_texts() {
        let doc =
            ingest::text_document(name, "doc", DocFormat::Text, text.as_bytes(), &ingest::Config::default())
                .expect("stress text decodes");
        let arts = extract::extract(&doc, &extract::Config::default()).articles;
        let refs: Vec<&parallax_model::Article> = arts.iter().collect();
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| black_box(facts::facts(black_box(&refs), &facts::Config::default())))
        });
    }
    group.finish();
}

/// Whole briefs of hostile texts (a headline, a blank line, one shape repeated) at 16 KB, 128
/// KB and 1 MB: the throughput criterion reports must stay flat across the sizes (a rule that
/// reads back to a sentence's or a word's start for each mark would fall by 8x per step).
fn hostile(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile shapes, whole brief");
    group.sample_size(10);
    for (name, shape) in [("dot and letter", ".A"), ("euro and ligature", "€Œ"), ("short quotes", "\"a b\" ")]
    {
        for kb in [16, 128, 1024] {
            let text = format!("A headline\n\n{}", shape.repeat(kb * 1024 / shape.len()));
            let doc = ingest::text_document(
                name,
                "doc",
                DocFormat::Text,
                text.as_bytes(),
                &ingest::Config::default(),
            )
            .expect("hostile text decodes");
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_function(format!("{name}, {kb} KB"), |b| {
                b.iter(|| {
                    black_box(pipeline::brief(
                        std::slice::from_ref(black_box(&doc)),
                        Vec::new(),
                        &pipeline::Config::default(),
                    ))
                })
            });
        }
    }
    group.finish();
}

/// Paragraphs of 100,000 characters built to be hard on the facts rules.
fn stress_texts() -> Vec<(&'static str, String)> {
    let unbalanced = "Mr Varga said: \"the ferry was late, and nobody told us why. ".repeat(1_700);
    let no_sentences = "the harbour pilots and the crew of the ferry ".repeat(2_300);
    let marks = "a \" b ' c “ d ” e ‘ f ’ ".repeat(4_200);
    let speakers = "“We waited,” she said, “and waited,” he added, ".repeat(2_100);
    vec![
        ("unbalanced quotes, 100k-char paragraph", unbalanced),
        ("no sentence ends, 100k chars", no_sentences),
        ("stray quote marks, 100k chars", marks),
        ("alternating quotes and cues, 100k chars", speakers),
    ]
}

/// The PolNeAR dev texts as articles, if `../shared/bench/polnear` is there.
fn polnear_dev() -> Vec<parallax_model::Article> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench/polnear/data/dev/text");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| {
            let bytes = std::fs::read(p).ok()?;
            let doc = ingest::text_document(
                &p.display().to_string(),
                "doc",
                DocFormat::Text,
                &bytes,
                &ingest::Config::default(),
            )
            .ok()?;
            Some(extract::extract(&doc, &extract::Config::default()).articles)
        })
        .flatten()
        .collect()
}

criterion_group!(stages, benches, hostile);
criterion_main!(stages);
