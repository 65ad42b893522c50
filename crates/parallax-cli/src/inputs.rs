//! Reading the inputs named on the command line: files, directories (recursively, in sorted
//! order) and stdin. This is the CLI's I/O; what the bytes mean is the engine's ingest stage.
//!
//! Every input that fails gives one diagnostic naming it, and the others are still read.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use parallax_engine::ingest::{self, assign_ids};
use parallax_model::{Diagnostic, DocFormat, RawDoc};

/// What was read.
pub(crate) struct Inputs {
    /// The documents, in input order, with unique ids.
    pub(crate) docs: Vec<RawDoc>,
    /// The inputs that failed, in input order.
    pub(crate) errors: Vec<Diagnostic>,
}

/// The kinds of input file, by how their bytes are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Text(DocFormat),
    Jsonl,
}

const SUPPORTED: &str = ".txt, .md, .html, .jsonl";

/// Reads every input. `-` is stdin.
pub(crate) fn read_all(
    inputs: &[PathBuf],
    config: &ingest::Config,
    progress: &indicatif::ProgressBar,
) -> Inputs {
    let mut docs: Vec<(RawDoc, bool)> = Vec::new();
    let mut errors = Vec::new();
    let mut files: Vec<Entry> = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            files.push(Entry::File("-".to_string(), input.clone(), None));
            continue;
        }
        let name = input.display().to_string();
        match std::fs::metadata(input) {
            Ok(meta) if meta.is_dir() => walk(input, &mut files),
            Ok(_) => files.push(Entry::File(name, input.clone(), kind_by_extension(input))),
            Err(e) => files.push(Entry::Failed(Diagnostic::new(name, io_reason(&e)))),
        }
    }
    progress.set_length(files.len() as u64);
    for entry in files {
        let (name, path, kind) = match entry {
            Entry::File(name, path, kind) => (name, path, kind),
            Entry::Failed(diagnostic) => {
                errors.push(diagnostic);
                continue;
            }
        };
        progress.set_message(name.clone());
        let result = if name == "-" { read_stdin(config) } else { read_file(&name, &path, kind, config) };
        match result {
            Ok((mut read, mut problems)) => {
                docs.append(&mut read);
                errors.append(&mut problems);
            }
            Err(diagnostic) => errors.push(diagnostic),
        }
        progress.inc(1);
    }
    let (docs, mut duplicate) = assign_ids(docs);
    errors.append(&mut duplicate);
    Inputs { docs, errors }
}

/// An input to read, or one that already failed, in input order.
enum Entry {
    File(String, PathBuf, Option<Kind>),
    Failed(Diagnostic),
}

type Outcome = Result<(Vec<(RawDoc, bool)>, Vec<Diagnostic>), Diagnostic>;

/// Collects the files under `dir`, sorted by name, skipping hidden ones.
fn walk(dir: &Path, files: &mut Vec<Entry>) {
    let name = dir.display().to_string();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return files.push(Entry::Failed(Diagnostic::new(name, io_reason(&e)))),
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let hidden = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        let name = path.display().to_string();
        if path.is_dir() {
            walk(&path, files);
        } else {
            files.push(match kind_by_extension(&path) {
                Some(kind) => Entry::File(name, path, Some(kind)),
                None => Entry::Failed(Diagnostic::new(
                    name,
                    format!("skipped: not a supported file type ({SUPPORTED})"),
                )),
            });
        }
    }
}

fn kind_by_extension(path: &Path) -> Option<Kind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" | "md" | "markdown" => Some(Kind::Text(DocFormat::Text)),
        "html" | "htm" | "xhtml" => Some(Kind::Text(DocFormat::Html)),
        "jsonl" | "ndjson" => Some(Kind::Jsonl),
        _ => None,
    }
}

fn read_file(name: &str, path: &Path, kind: Option<Kind>, config: &ingest::Config) -> Outcome {
    let fail = |reason: String| Diagnostic::new(name, reason);
    let file = File::open(path).map_err(|e| fail(io_reason(&e)))?;
    let size = file.metadata().map_err(|e| fail(io_reason(&e)))?.len();
    let stem = stem_of(path);
    let mut reader = BufReader::new(file);
    // A file named without a known extension is read as JSON Lines when it looks like it.
    let kind = match kind {
        Some(kind) => kind,
        None => sniff(&mut reader).map_err(|e| fail(io_reason(&e)))?,
    };
    match kind {
        Kind::Jsonl => read_jsonl(name, &stem, reader, config),
        Kind::Text(_) if size > config.max_doc_bytes as u64 => {
            Err(fail(ingest::too_large(Some(size), config.max_doc_bytes)))
        }
        Kind::Text(format) => {
            let bytes = read_limited(reader, config.max_doc_bytes).map_err(|e| fail(io_reason(&e)))?;
            let doc = ingest::text_document(name, &stem, format, &bytes, config)?;
            Ok((vec![(doc, false)], Vec::new()))
        }
    }
}

fn read_stdin(config: &ingest::Config) -> Outcome {
    let mut reader = BufReader::new(io::stdin().lock());
    let fail = |e: io::Error| Diagnostic::new("-", io_reason(&e));
    match sniff(&mut reader).map_err(fail)? {
        Kind::Jsonl => read_jsonl("-", "stdin", reader, config),
        Kind::Text(format) => {
            let bytes = read_limited(reader, config.max_doc_bytes).map_err(fail)?;
            let doc = ingest::text_document("-", "stdin", format, &bytes, config)?;
            Ok((vec![(doc, false)], Vec::new()))
        }
    }
}

/// JSON Lines when the first non-blank byte opens an object, else text (HTML when it opens a
/// tag).
fn sniff(reader: &mut impl BufRead) -> io::Result<Kind> {
    let head = reader.fill_buf()?;
    let first = head.iter().copied().find(|b| !b.is_ascii_whitespace());
    Ok(match first {
        Some(b'{') => Kind::Jsonl,
        Some(b'<') => Kind::Text(DocFormat::Html),
        _ => Kind::Text(DocFormat::Text),
    })
}

/// Reads at most `max + 1` bytes, so that an oversized input is seen without reading it all.
fn read_limited(reader: impl Read, max: usize) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader.take(max as u64 + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Reads JSON Lines one record at a time, each line limited in size.
fn read_jsonl(name: &str, stem: &str, mut reader: impl BufRead, config: &ingest::Config) -> Outcome {
    let mut docs = Vec::new();
    let mut problems = Vec::new();
    let mut line = Vec::new();
    let mut number = 0;
    loop {
        line.clear();
        number += 1;
        let read = (&mut reader)
            .take(config.max_doc_bytes as u64 + 1)
            .read_until(b'\n', &mut line)
            .map_err(|e| Diagnostic::new(format!("{name}:{number}"), io_reason(&e)))?;
        if read == 0 {
            break;
        }
        if line.len() > config.max_doc_bytes && !line.ends_with(b"\n") {
            // Skip the rest of the oversized line.
            let mut sink = Vec::new();
            reader.read_until(b'\n', &mut sink).unwrap_or(0);
            let total = line.len() + sink.len() - usize::from(sink.ends_with(b"\n"));
            problems.push(Diagnostic::new(
                format!("{name}:{number}"),
                format!(
                    "too large: the record has {total} bytes, over the limit of {}",
                    config.max_doc_bytes
                ),
            ));
            continue;
        }
        match ingest::jsonl_record(name, stem, number, &line, config) {
            Ok(Some(mut record)) => {
                docs.push((record.doc, record.explicit_id));
                problems.append(&mut record.problems);
            }
            Ok(None) => {}
            Err(diagnostic) => problems.push(diagnostic),
        }
    }
    if docs.is_empty() && problems.is_empty() {
        problems.push(Diagnostic::new(name, "empty input: no JSON Lines records"));
    }
    Ok((docs, problems))
}

fn stem_of(path: &Path) -> String {
    path.file_stem().and_then(|s| s.to_str()).unwrap_or("document").to_string()
}

/// An I/O error as a lowercase fragment, without the OS error number.
fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::IsADirectory => "is a directory".to_string(),
        _ => {
            let text = e.to_string();
            let text = text.split(" (os error").next().unwrap_or(&text);
            let mut chars = text.chars();
            chars.next().map_or_else(String::new, |c| c.to_lowercase().collect::<String>() + chars.as_str())
        }
    }
}

/// Parses a size such as `16MiB`, `500k`, `2MB` or `1024` (bytes).
pub(crate) fn parse_size(raw: &str) -> Result<usize, String> {
    let s = raw.trim();
    let split = s.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(s.len());
    let (number, unit) = s.split_at(split);
    let value: f64 = number.parse().map_err(|_| format!("not a size: {raw:?} (try 16MiB, 500k or 1024)"))?;
    let factor: f64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "k" | "kb" => 1e3,
        "kib" => 1024.0,
        "m" | "mb" => 1e6,
        "mib" => 1024.0 * 1024.0,
        "g" | "gb" => 1e9,
        "gib" => 1024.0 * 1024.0 * 1024.0,
        other => {
            return Err(format!("unknown size unit {other:?} in {raw:?} (use B, k, KiB, M, MiB, G or GiB)"));
        }
    };
    let bytes = (value * factor).round();
    if !(1.0..=(usize::MAX as f64)).contains(&bytes) {
        return Err(format!("size out of range: {raw:?}"));
    }
    Ok(bytes as usize)
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("16MiB"), Ok(16 * 1024 * 1024));
        assert_eq!(parse_size("500k"), Ok(500_000));
        assert_eq!(parse_size("1024"), Ok(1024));
        assert_eq!(parse_size("1.5 KiB"), Ok(1536));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("0").is_err());
        assert!(parse_size("5 parsecs").is_err());
    }
}
