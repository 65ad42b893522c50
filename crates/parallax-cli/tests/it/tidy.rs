//! Tidy checks over the whole workspace: every Rust file opens with a `//!` doc saying what it
//! is for, and no test is switched off or debug print left behind.

use std::path::{Path, PathBuf};

use crate::root;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "target" && n != "snapshots") {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_module_has_a_doc_and_nothing_is_switched_off() {
    let mut files = Vec::new();
    rust_files(&root().join("crates"), &mut files);
    assert!(files.len() > 20, "found only {} Rust files", files.len());
    // Spelled in pieces so this file does not match itself.
    let banned = [concat!("#[", "ignore"), concat!("dbg", "!("), concat!("todo", "!(")];
    let mut problems = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        let name = file.strip_prefix(root()).unwrap_or(file).display().to_string();
        if !text.starts_with("//!") {
            problems.push(format!("{name}: does not open with a //! module doc"));
        }
        for b in banned {
            if text.contains(b) {
                problems.push(format!("{name}: contains {b}"));
            }
        }
    }
    assert_eq!(problems, Vec::<String>::new());
}
