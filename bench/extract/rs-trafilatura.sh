#!/usr/bin/env bash
# Side by side, in one session: the rs-trafilatura crate (crates.io) and Parallax's extraction
# on the Zyte benchmark pages, pages per second on one thread each. rs-trafilatura is built in
# a scratch crate outside the repository ($SCRATCH, default /tmp/parallax-rs-trafilatura); it
# is measured here to decide whether to build on it (docs/EVALUATION.md), not used by Parallax.
set -euo pipefail
cd "$(dirname "$0")/../.."
bench=$(realpath "${BENCH:-../shared/bench/scrapinghub-aeb}")
[ -d "$bench" ] || { echo "skipped: $bench is not beside the checkout"; exit 0; }
SCRATCH=${SCRATCH:-/tmp/parallax-rs-trafilatura}
mkdir -p "$SCRATCH/src"
cat > "$SCRATCH/Cargo.toml" <<'TOML'
[package]
name = "rs-trafilatura-speed"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
rs-trafilatura = "=0.2.2"
flate2 = "1"

[workspace]
TOML
cat > "$SCRATCH/src/main.rs" <<'RUST'
use std::io::Read;
use std::time::Instant;

fn main() {
    let dir = std::env::args().nth(1).expect("the html folder");
    let mut paths: Vec<_> = std::fs::read_dir(&dir).expect("a folder").filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let pages: Vec<String> = paths
        .iter()
        .map(|p| {
            let mut out = Vec::new();
            let raw = std::fs::read(p).expect("a page");
            flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut out).expect("gzip");
            String::from_utf8_lossy(&out).into_owned()
        })
        .collect();
    let mut best = 0.0f64;
    for _ in 0..3 {
        let t = Instant::now();
        for page in &pages {
            let _ = rs_trafilatura::extract(page);
        }
        best = best.max(pages.len() as f64 / t.elapsed().as_secs_f64());
    }
    println!("{{\"tool\": \"rs-trafilatura 0.2.2\", \"pages_per_second\": {best:.1}}}");
}
RUST
(cd "$SCRATCH" && cargo build --release --quiet)
theirs=$("$SCRATCH/target/release/rs-trafilatura-speed" "$bench/html")
cargo build --release --quiet
source bench/extract/compare.sh
compare "$bench" "$theirs"
