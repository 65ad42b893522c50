//! Prints the tree the parser builds for an HTML file, one node a line, indented by depth:
//! `cargo run -p parallax-html --example tree -- page.html`. Long texts are cut to 80 characters.

use parallax_html::{Document, Edge};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: tree FILE.html");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("tree: {path}: {e}");
            std::process::exit(1);
        }
    };
    let html = parallax_html::decode(&bytes, "");
    let doc = Document::parse(&html);
    let mut depth = 0usize;
    for edge in doc.root().traverse() {
        match edge {
            Edge::Open(node) => {
                let pad = "  ".repeat(depth);
                if let Some(e) = node.element() {
                    let attrs: String = e
                        .attrs()
                        .filter(|(n, _)| matches!(*n, "id" | "class" | "itemprop" | "hidden" | "style"))
                        .map(|(n, v)| format!(" {n}={v:?}"))
                        .collect();
                    println!("{pad}<{}{attrs}>", e.name());
                } else if let Some(t) = node.text().map(str::trim).filter(|t| !t.is_empty()) {
                    let cut: String = t.chars().take(80).collect();
                    println!("{pad}{cut:?}");
                }
                depth += 1;
            }
            Edge::Close(_) => depth -= 1,
        }
    }
}
