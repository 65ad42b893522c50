//! Criterion bench of the parser on the Zyte benchmark's 121 pages (when `../shared` is beside
//! the checkout; it says so and does nothing when not): pages parsed per second, one thread.

use std::hint::black_box;
use std::io::Read;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use parallax_html::Document;

fn pages() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench/scrapinghub-aeb/html");
    let Ok(entries) = std::fs::read_dir(&dir) else { return Vec::new() };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| {
            let raw = std::fs::read(p).ok()?;
            let mut html = String::new();
            flate2::read::GzDecoder::new(raw.as_slice()).read_to_string(&mut html).ok()?;
            Some(html)
        })
        .collect()
}

fn parse(c: &mut Criterion) {
    let pages = pages();
    if pages.is_empty() {
        eprintln!("skipped: ../shared/bench/scrapinghub-aeb is not beside the checkout");
        return;
    }
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Elements(pages.len() as u64));
    group.bench_function("zyte pages", |b| {
        b.iter(|| pages.iter().map(|p| Document::parse(black_box(p)).len()).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
