//! Criterion benches of the text stage, extraction, reuse and the whole pipeline, on the committed
//! demo corpus (`examples/ferry`). Run with `cargo bench -p parallax-engine`; CI only builds
//! them. Throughput is reported in bytes of input text per second, on one thread.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use parallax_engine::text::Analyzer;
use parallax_engine::{extract, ingest, pipeline, reuse};
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
    group.bench_function("pipeline: brief", |b| {
        b.iter(|| black_box(pipeline::brief(black_box(&docs), Vec::new(), &pipeline::Config::default())));
    });
    group.finish();
}

criterion_group!(stages, benches);
criterion_main!(stages);
