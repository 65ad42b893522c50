//! Reading the inputs named on the command line: files, directories (recursively, in sorted
//! order) and stdin. This is the CLI's I/O; what the bytes mean is the engine's ingest stage.
//!
//! Every input that fails gives one diagnostic naming it, and the others are still read.

use std::collections::BTreeSet;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::ops::ControlFlow;
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
    Feed,
    Warc,
}

/// `--max-total` when it is not given: 2 GiB of decoded input held at once.
pub(crate) const DEFAULT_MAX_TOTAL: usize = 2 << 30;

const SUPPORTED: &str = ".txt, .md, .html, .jsonl, .rss, .atom, .xml, .warc, each also gzipped (.gz)";

/// A consumer of documents as they are read, in input order (JSON Lines and WARC records in
/// batches). It answers `Break` to stop the reading of the current input.
pub(crate) type Sink<'a> = dyn FnMut(Vec<(RawDoc, bool)>) -> ControlFlow<()> + 'a;

/// Records handed on at a time.
const JSONL_BATCH: usize = 1024;
/// Decoded bytes after which the records read so far are handed on, however few.
const BATCH_BYTES: usize = 64 << 20;
/// What a document costs the run's memory budget besides its text: the analysis keeps a few
/// kilobytes per document (its tokens, sentences, profile) whatever its length.
const DOC_OVERHEAD: usize = 4 << 10;

/// A document's cost against `--max-total`.
fn held(doc: &RawDoc) -> usize {
    doc.text.len() + DOC_OVERHEAD
}

/// Reads every input into memory, with ids made unique. `-` is stdin.
pub(crate) fn read_all(reading: &Reading, progress: &indicatif::ProgressBar) -> Inputs {
    let mut docs: Vec<(RawDoc, bool)> = Vec::new();
    let mut errors = read_each(reading, Some(reading.max_total), progress, &mut |mut batch| {
        docs.append(&mut batch);
        ControlFlow::Continue(())
    });
    let (docs, mut duplicate) = assign_ids(docs);
    errors.append(&mut duplicate);
    Inputs { docs, errors }
}

/// Reads every input, handing the documents to `sink` as they come (a large JSON Lines file
/// is never held whole); returns the inputs that failed. Ids are unique within each batch.
///
/// With a `budget` (bytes, each document counted by [`held`]), the caller keeps everything it
/// is handed: each input is then handed on whole once read, and an input that would take the
/// documents held past the budget is not read further and none of it is kept (a decompression
/// bomb beside good files costs the run that input, not the run); the inputs after it are still
/// read if they fit.
pub(crate) fn read_each(
    reading: &Reading,
    budget: Option<usize>,
    progress: &indicatif::ProgressBar,
    sink: &mut Sink<'_>,
) -> Vec<Diagnostic> {
    let (inputs, config, fetch_config) = (&reading.inputs, &reading.ingest, &reading.fetch);
    let mut errors = Vec::new();
    let mut files: Vec<Entry> = Vec::new();
    // The real paths of the folders and files read, so that links read each once.
    let mut seen: BTreeSet<PathBuf> = BTreeSet::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            files.push(Entry::File("-".to_string(), input.clone(), None));
            continue;
        }
        let name = input.display().to_string();
        if name.starts_with("http://") || name.starts_with("https://") {
            files.push(Entry::Url(name));
            continue;
        }
        let name = input.display().to_string();
        match std::fs::metadata(input) {
            Ok(meta) if meta.is_dir() => walk(input, &mut files, &mut seen),
            Ok(meta) if !meta.is_file() => files.push(Entry::Failed(Diagnostic::new(name, NOT_A_FILE))),
            Ok(_) => files.push(Entry::File(name, input.clone(), kind_by_extension(input))),
            Err(e) => files.push(Entry::Failed(Diagnostic::new(name, io_reason(&e)))),
        }
    }
    progress.set_length(files.len() as u64);
    // URLs are fetched together, a few at a time, before the inputs are read in order.
    let urls: Vec<String> =
        files.iter().filter_map(|e| if let Entry::Url(u) = e { Some(u.clone()) } else { None }).collect();
    if !urls.is_empty() {
        progress.set_message(format!(
            "fetching {} URL{}",
            urls.len(),
            if urls.len() == 1 { "" } else { "s" }
        ));
    }
    let mut fetched = parallax_fetch::fetch_all(&urls, fetch_config).into_iter();
    let mut total = 0usize;
    for entry in files {
        let mut input = Budgeted::new(budget, total);
        let (name, path, kind) = match entry {
            Entry::File(name, path, kind) => (name, path, kind),
            Entry::Url(url) => {
                let got = fetched.next().unwrap_or_else(|| Err("not fetched".to_string()));
                // Named without the credentials it may carry, in errors and documents alike.
                let url = parallax_fetch::without_credentials(&url);
                match got {
                    Ok(page) => {
                        // The feed's links may reach what the feed's own address vouched for.
                        let reach = parallax_fetch::Reach::of_url(&page.url, fetch_config.allow_private);
                        let (read, mut problems) =
                            from_page(&url, &page, config, fetch_config, reach, &reading.known);
                        let _ = input.take(read, sink);
                        errors.append(&mut problems);
                    }
                    Err(reason) => errors.push(Diagnostic::new(url.clone(), reason)),
                }
                total = input.finish(&url, sink, &mut errors);
                progress.inc(1);
                continue;
            }
            Entry::Failed(diagnostic) => {
                errors.push(diagnostic);
                continue;
            }
        };
        progress.set_message(name.clone());
        let mut take = |docs: Vec<(RawDoc, bool)>| input.take(docs, sink);
        let result = if name == "-" {
            read_stdin(config, fetch_config, &reading.known, &mut take)
        } else {
            read_file(&name, &path, kind, config, fetch_config, &reading.known, &mut take)
        };
        match result {
            Ok((read, mut problems)) => {
                let _ = take(read);
                errors.append(&mut problems);
            }
            Err(diagnostic) => errors.push(diagnostic),
        }
        total = input.finish(&name, sink, &mut errors);
        progress.inc(1);
    }
    errors
}

/// The documents of one input on their way to the sink, counted against the run's budget
/// (see [`read_each`]).
struct Budgeted {
    /// The budget and what earlier inputs hold of it; None streams every batch on.
    budget: Option<(usize, usize)>,
    /// This input's documents, held back until it is read whole.
    docs: Vec<(RawDoc, bool)>,
    bytes: usize,
    over: bool,
}

impl Budgeted {
    fn new(budget: Option<usize>, held_before: usize) -> Budgeted {
        Budgeted { budget: budget.map(|b| (b, held_before)), docs: Vec::new(), bytes: 0, over: false }
    }

    /// Takes documents read: on to the sink when there is no budget, else held back, and
    /// `Break` once the input would take the run past its budget.
    fn take(&mut self, docs: Vec<(RawDoc, bool)>, sink: &mut Sink<'_>) -> ControlFlow<()> {
        let Some((budget, before)) = self.budget else { return sink(docs) };
        if self.over {
            return ControlFlow::Break(());
        }
        self.bytes += docs.iter().map(|(d, _)| held(d)).sum::<usize>();
        if before + self.bytes > budget {
            self.over = true;
            self.docs = Vec::new();
            return ControlFlow::Break(());
        }
        self.docs.extend(docs);
        ControlFlow::Continue(())
    }

    /// Hands the input on whole, or reports that it did not fit; returns what the run now
    /// holds.
    fn finish(self, name: &str, sink: &mut Sink<'_>, errors: &mut Vec<Diagnostic>) -> usize {
        let Some((budget, before)) = self.budget else { return 0 };
        if self.over {
            errors.push(Diagnostic::new(
                name,
                format!(
                    "not read: with it, the documents held would pass the run's limit of {} of decoded input (--max-total); the other inputs are read. A larger set is read by `parallax ingest`, which does not hold it all",
                    human_size(budget)
                ),
            ));
            return before;
        }
        let _ = sink(self.docs);
        before + self.bytes
    }
}

/// A size in the largest binary unit that keeps it whole or near it ("2 GiB", "512 KiB").
fn human_size(bytes: usize) -> String {
    const UNITS: [&str; 4] = ["B", "KiB", "MiB", "GiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if value.fract() == 0.0 {
        format!("{value} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

/// An input to read, or one that already failed, in input order.
enum Entry {
    File(String, PathBuf, Option<Kind>),
    Url(String),
    Failed(Diagnostic),
}

/// The documents of a fetched page: an HTML page or a text, or a feed's items, their links
/// fetched within `reach`.
fn from_page(
    url: &str,
    page: &parallax_fetch::Page,
    config: &ingest::Config,
    fetch: &parallax_fetch::Config,
    reach: parallax_fetch::Reach,
    known: &Known,
) -> (Vec<(RawDoc, bool)>, Vec<Diagnostic>) {
    // Read before in this run: nothing more to read.
    if page.again {
        return (Vec::new(), Vec::new());
    }
    // Nothing changed since the last fetch of this address (304): nothing new to read.
    if page.unchanged {
        known.unchanged.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        return (Vec::new(), Vec::new());
    }
    if page.feed {
        return from_feed(url, page.text.as_bytes(), config, fetch, reach, known);
    }
    match page_document(url, page, config) {
        Ok(doc) => (vec![(doc, false)], Vec::new()),
        Err(d) => (Vec::new(), vec![d]),
    }
}

/// The documents at `url` as a server reads what others named (`parallax serve`'s feeds): the
/// page or the feed, and the feed's items' pages, every address and redirect held to public
/// ones (any, with `fetch.allow_private`), whatever the address of `url` itself.
pub(crate) fn served_url_documents(
    url: &str,
    config: &ingest::Config,
    fetch: &parallax_fetch::Config,
    known: &Known,
) -> (Vec<(RawDoc, bool)>, Vec<Diagnostic>) {
    let reach = if fetch.allow_private { parallax_fetch::Reach::Any } else { parallax_fetch::Reach::Public };
    let shown = parallax_fetch::without_credentials(url);
    match parallax_fetch::fetch_linked(&[url.to_string()], fetch, reach).pop() {
        Some(Ok(page)) => from_page(&shown, &page, config, fetch, reach, known),
        Some(Err(reason)) => (Vec::new(), vec![Diagnostic::new(shown, reason)]),
        None => (Vec::new(), vec![Diagnostic::new(shown, "not fetched")]),
    }
}

/// The document of a page that is not a feed (HTML or text), named `name`, its id made from
/// the address it came from.
fn page_document(
    name: &str,
    page: &parallax_fetch::Page,
    config: &ingest::Config,
) -> Result<RawDoc, Diagnostic> {
    ingest::page_document(name, &page.final_url, page.html, &page.text, config)
}

/// The items of a feed (a file or a fetched page) read from `bytes`, at most `fetch.max_items`, their links fetched
/// within `reach` (the reach of where the feed came from: a local file's is public). An item
/// whose link `known` holds is left out, unfetched; one whose page was fetched before in the
/// run (`Page::again`: another item or feed links it) is read there, not here. (Should that
/// earlier input be dropped by `--max-total`, the page goes with it.)
fn from_feed(
    name: &str,
    bytes: &[u8],
    config: &ingest::Config,
    fetch: &parallax_fetch::Config,
    reach: parallax_fetch::Reach,
    known: &Known,
) -> (Vec<(RawDoc, bool)>, Vec<Diagnostic>) {
    let mut items = match parallax_fetch::feed_items(bytes) {
        Ok(items) => items,
        Err(reason) => return (Vec::new(), vec![Diagnostic::new(name, reason)]),
    };
    if items.is_empty() {
        return (Vec::new(), vec![Diagnostic::new(name, "a feed with no items")]);
    }
    let mut problems = Vec::new();
    if items.len() > fetch.max_items {
        problems.push(Diagnostic::new(
            name,
            format!(
                "{} items past the first {} were not read (--max-items)",
                items.len() - fetch.max_items,
                fetch.max_items
            ),
        ));
        items.truncate(fetch.max_items);
    }
    items.retain(|i| i.content.is_some() || !i.link.as_deref().is_some_and(|l| known.holds(l)));
    let links: Vec<String> =
        items.iter().filter(|i| i.content.is_none()).filter_map(|i| i.link.clone()).collect();
    // An item's page is fetched once (`known`), so it is asked for no validators to keep.
    let once = parallax_fetch::Config { validators: None, ..fetch.clone() };
    let mut pages = parallax_fetch::fetch_linked(&links, &once, reach).into_iter();
    let mut docs = Vec::new();
    for (n, item) in items.iter().enumerate() {
        let label = format!("{name}#{}", n + 1);
        let page = if item.content.is_none() && item.link.is_some() { pages.next() } else { None };
        // A page read before in this run (another item, another feed links it) is read once.
        if page.as_ref().is_some_and(|p| p.as_ref().is_ok_and(|p| p.again)) {
            continue;
        }
        let read = match (&item.content, &item.link) {
            (Some(html), _) => ingest::text_document(
                &label,
                &format!("item-{}", n + 1),
                DocFormat::Html,
                html.as_bytes(),
                config,
            ),
            (None, Some(link)) => match page.unwrap_or_else(|| Err("not fetched".to_string())) {
                Ok(page) if page.html || !page.feed => page_document(link, &page, config),
                Ok(_) => Err(Diagnostic::new(link, "a feed, not an article")),
                Err(reason) => Err(Diagnostic::new(link, reason)),
            },
            (None, None) => Err(Diagnostic::new(&label, "a feed item with neither text nor link")),
        };
        match read {
            Ok(mut doc) => {
                doc.meta.title = doc.meta.title.take().or_else(|| item.title.clone());
                doc.meta.published = doc.meta.published.or(item.published);
                doc.meta.source = doc.meta.source.take().or_else(|| item.source.clone());
                // The item's link names it, as the feed gives it (not where it redirects).
                doc.meta.url =
                    item.link.as_deref().and_then(|l| l.parse().ok()).or_else(|| doc.meta.url.take());
                docs.push((doc, false));
            }
            Err(d) => problems.push(d),
        }
    }
    (docs, problems)
}

type Outcome = Result<(Vec<(RawDoc, bool)>, Vec<Diagnostic>), Diagnostic>;

/// What a path that is neither a folder nor a regular file is told: reading a named pipe
/// would wait for a writer for ever.
const NOT_A_FILE: &str = "skipped: not a regular file (a named pipe, socket or device)";

/// Collects the files under `dir`, sorted by name, skipping hidden ones. A folder or file
/// reached again through a link (a cycle, `ln -s . d/self`) is read once; a named pipe,
/// socket or device is reported and skipped.
fn walk(dir: &Path, files: &mut Vec<Entry>, seen: &mut BTreeSet<PathBuf>) {
    let name = dir.display().to_string();
    if let Ok(real) = std::fs::canonicalize(dir)
        && !seen.insert(real)
    {
        return files.push(Entry::Failed(Diagnostic::new(name, "skipped: a link to a folder already read")));
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return files.push(Entry::Failed(Diagnostic::new(name, io_reason(&e)))),
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let hidden = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        let name = path.display().to_string();
        let meta = match std::fs::metadata(&path) {
            Ok(meta) => meta,
            Err(e) => {
                files.push(Entry::Failed(Diagnostic::new(name, io_reason(&e))));
                continue;
            }
        };
        if meta.is_dir() {
            walk(&path, files, seen);
        } else if !meta.is_file() {
            files.push(Entry::Failed(Diagnostic::new(name, NOT_A_FILE)));
        } else if std::fs::canonicalize(&path).is_ok_and(|real| !seen.insert(real)) {
            // The same file through another link: read once.
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

/// The kind of file by its extension, looking through a `.gz`.
fn kind_by_extension(path: &Path) -> Option<Kind> {
    // A name that is not UTF-8 is read lossily: its extension still tells the kind.
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = name.rsplit_once('.')?.1;
    match ext {
        "warc" | "arc" => Some(Kind::Warc),
        "txt" | "text" | "md" | "markdown" => Some(Kind::Text(DocFormat::Text)),
        "html" | "htm" | "xhtml" => Some(Kind::Text(DocFormat::Html)),
        "jsonl" | "ndjson" => Some(Kind::Jsonl),
        "rss" | "atom" | "xml" => Some(Kind::Feed),
        _ => None,
    }
}

fn read_file(
    name: &str,
    path: &Path,
    kind: Option<Kind>,
    config: &ingest::Config,
    fetch: &parallax_fetch::Config,
    known: &Known,
    sink: &mut Sink<'_>,
) -> Outcome {
    let fail = |reason: String| Diagnostic::new(name, reason);
    let file = File::open(path).map_err(|e| fail(io_reason(&e)))?;
    let gzipped = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    // A gzipped file's size on disk says little; its content is capped as it is read.
    let size = if gzipped { 0 } else { file.metadata().map_err(|e| fail(io_reason(&e)))?.len() };
    let read_fail = |e: io::Error| {
        if gzipped { fail(format!("cannot decompress: {}", io_reason(&e))) } else { fail(io_reason(&e)) }
    };
    let stem = stem_of(path);
    let stem = stem.rsplit_once('.').filter(|_| gzipped).map_or(stem.as_str(), |(s, _)| s).to_string();
    let file: Box<dyn Read> =
        if gzipped { Box::new(flate2::read::MultiGzDecoder::new(file)) } else { Box::new(file) };
    let mut reader = BufReader::new(file);
    // A file named without a known extension is read as JSON Lines when it looks like it.
    let kind = match kind {
        Some(kind) => kind,
        None => sniff(&mut reader).map_err(read_fail)?,
    };
    match kind {
        Kind::Jsonl => read_jsonl(name, &stem, reader, config, sink),
        Kind::Warc => Ok(read_warc(name, reader, config, sink)),
        Kind::Feed => {
            let bytes = read_limited(reader, config.max_doc_bytes).map_err(read_fail)?;
            if bytes.len() > config.max_doc_bytes {
                return Err(fail(ingest::too_large(Some(size), config.max_doc_bytes)));
            }
            Ok(from_feed(name, &bytes, config, fetch, parallax_fetch::Reach::Public, known))
        }
        Kind::Text(_) if size > config.max_doc_bytes as u64 => {
            Err(fail(ingest::too_large(Some(size), config.max_doc_bytes)))
        }
        Kind::Text(format) => {
            let bytes = read_limited(reader, config.max_doc_bytes).map_err(read_fail)?;
            if bytes.len() > config.max_doc_bytes {
                return Err(fail(ingest::too_large(None, config.max_doc_bytes)));
            }
            let doc = ingest::text_document(name, &stem, format, &bytes, config)?;
            Ok((vec![(doc, false)], Vec::new()))
        }
    }
}

fn read_stdin(
    config: &ingest::Config,
    fetch: &parallax_fetch::Config,
    known: &Known,
    sink: &mut Sink<'_>,
) -> Outcome {
    let mut reader = BufReader::new(io::stdin().lock());
    let fail = |e: io::Error| Diagnostic::new("-", io_reason(&e));
    match sniff(&mut reader).map_err(fail)? {
        Kind::Jsonl => read_jsonl("-", "stdin", reader, config, sink),
        Kind::Warc => Ok(read_warc("-", reader, config, sink)),
        Kind::Feed => {
            let bytes = read_limited(reader, config.max_doc_bytes).map_err(fail)?;
            Ok(from_feed("-", &bytes, config, fetch, parallax_fetch::Reach::Public, known))
        }
        Kind::Text(format) => {
            let bytes = read_limited(reader, config.max_doc_bytes).map_err(fail)?;
            let doc = ingest::text_document("-", "stdin", format, &bytes, config)?;
            Ok((vec![(doc, false)], Vec::new()))
        }
    }
}

/// The pages of a WARC file, each a document named `FILE#N` with its URL; a record that
/// cannot be read is one diagnostic.
fn read_warc(
    name: &str,
    reader: impl BufRead,
    config: &ingest::Config,
    sink: &mut Sink<'_>,
) -> (Vec<(RawDoc, bool)>, Vec<Diagnostic>) {
    let mut docs = Vec::new();
    let mut problems = Vec::new();
    let mut any = false;
    let mut bytes = 0usize;
    for (n, record) in parallax_fetch::read_warc(reader, config.max_doc_bytes).enumerate() {
        if docs.len() == JSONL_BATCH || bytes >= BATCH_BYTES {
            bytes = 0;
            if sink(std::mem::take(&mut docs)).is_break() {
                return (Vec::new(), problems);
            }
        }
        let label = format!("{name}#{}", n + 1);
        let page = match record {
            Ok(page) if page.feed => {
                problems.push(Diagnostic::new(&label, "a feed inside a WARC file is not read"));
                continue;
            }
            Ok(page) => page,
            Err(reason) => {
                problems.push(Diagnostic::new(name, reason));
                continue;
            }
        };
        match page_document(&label, &page, config) {
            Ok(doc) => {
                bytes += doc.text.len();
                any = true;
                docs.push((doc, false));
            }
            Err(d) => problems.push(d),
        }
    }
    if !any && problems.is_empty() {
        problems.push(Diagnostic::new(name, "a WARC file with no page in it"));
    }
    (docs, problems)
}

/// JSON Lines when the first non-blank byte opens an object, else text (HTML when it opens a
/// tag).
fn sniff(reader: &mut impl BufRead) -> io::Result<Kind> {
    let head = reader.fill_buf()?;
    let first = head.iter().copied().find(|b| !b.is_ascii_whitespace());
    let start = String::from_utf8_lossy(&head[..head.len().min(600)]).to_ascii_lowercase();
    Ok(match first {
        _ if start.starts_with("warc/") => Kind::Warc,
        Some(b'{') => Kind::Jsonl,
        Some(b'<') if parallax_fetch::looks_like_feed(&start) => Kind::Feed,
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
fn read_jsonl(
    name: &str,
    stem: &str,
    mut reader: impl BufRead,
    config: &ingest::Config,
    sink: &mut Sink<'_>,
) -> Outcome {
    let mut docs = Vec::new();
    let mut bytes = 0usize;
    let mut records = 0usize;
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
                bytes += record.doc.text.len();
                docs.push((record.doc, record.explicit_id));
                records += 1;
                problems.append(&mut record.problems);
                if docs.len() == JSONL_BATCH || bytes >= BATCH_BYTES {
                    bytes = 0;
                    if sink(std::mem::take(&mut docs)).is_break() {
                        return Ok((Vec::new(), problems));
                    }
                }
            }
            Ok(None) => {}
            Err(diagnostic) => problems.push(diagnostic),
        }
    }
    if records == 0 && problems.is_empty() {
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

/// The inputs to read, checked: the names (stdin when none is given and stdin is not a
/// terminal), the `--date` for inputs that carry none, and the size limit.
pub(crate) struct Reading {
    pub(crate) inputs: Vec<PathBuf>,
    pub(crate) ingest: ingest::Config,
    /// How URLs and feed items are fetched.
    pub(crate) fetch: parallax_fetch::Config,
    /// The `--date` for inputs that carry none, and today's date, past which no page date
    /// is believed.
    pub(crate) extract: parallax_engine::extract::Config,
    /// The most decoded input (bytes, each document counted by [`held`]) a run that holds
    /// everything it reads (`brief`, `extract`) may hold: `--max-total`.
    pub(crate) max_total: usize,
    /// The feed items' links already stored, not fetched again (`parallax watch`).
    pub(crate) known: Known,
}

/// Whether a document from an address is stored (see [`Known`]).
type HoldsUrl = dyn Fn(&str) -> bool + Send + Sync;

/// What a run already holds of a feed's items: an item whose link a stored document came from
/// is not fetched again. A watch or a server polls one feed every few minutes, and its items
/// stay in it for days; without this, every poll fetched every item's page again.
#[derive(Clone, Default)]
pub(crate) struct Known {
    /// Whether a document from this address (as `url::Url` writes it) is stored.
    holds: Option<std::sync::Arc<HoldsUrl>>,
    /// Items left unfetched so far, for the poll's report.
    skipped: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    /// Feeds and pages that answered unchanged since their last fetch (304), for the report.
    unchanged: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

impl Known {
    /// The links a store holds: asked through one read-only connection, kept for the run.
    pub(crate) fn of_store(path: &Path) -> Known {
        let store = parallax_store::Store::open_read_only(path).ok().map(std::sync::Mutex::new);
        Known {
            holds: Some(std::sync::Arc::new(move |url: &str| {
                store.as_ref().and_then(|s| s.lock().ok()).is_some_and(|s| s.holds_url(url).unwrap_or(false))
            })),
            skipped: std::sync::Arc::default(),
            unchanged: std::sync::Arc::default(),
        }
    }

    /// Whether the item linking to `link` is stored already; counts it when it is.
    fn holds(&self, link: &str) -> bool {
        let Some(holds) = &self.holds else { return false };
        // As the item's document is stored: its link parsed and written again.
        let Ok(url) = link.parse::<url::Url>() else { return false };
        let held = holds(url.as_str());
        if held {
            self.skipped.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        held
    }

    /// How many items were left unfetched since the last call, and starts counting again.
    pub(crate) fn take_skipped(&self) -> usize {
        self.skipped.swap(0, std::sync::atomic::Ordering::Relaxed)
    }

    /// How many feeds or pages answered unchanged since the last call, and starts again.
    pub(crate) fn take_unchanged(&self) -> usize {
        self.unchanged.swap(0, std::sync::atomic::Ordering::Relaxed)
    }
}

impl Reading {
    /// `inputs` read with the default limits, no `--date` and no clock (for evaluations).
    pub(crate) fn defaults(inputs: Vec<PathBuf>) -> Reading {
        Reading {
            inputs,
            ingest: ingest::Config::default(),
            fetch: parallax_fetch::Config::default(),
            extract: parallax_engine::extract::Config::default(),
            max_total: DEFAULT_MAX_TOTAL,
            known: Known::default(),
        }
    }

    /// Checks `raw` for `parallax COMMAND`.
    pub(crate) fn validate(raw: crate::args::InputArgs, command: &str) -> anyhow::Result<Reading> {
        use anyhow::Context;
        let date = raw
            .date
            .as_deref()
            .map(|text| {
                text.parse::<jiff::civil::Date>()
                    .with_context(|| format!("--date {text:?} is not a date of the form YYYY-MM-DD"))
            })
            .transpose()?;
        let max_doc_bytes = parse_size(&raw.max_size).map_err(|e| anyhow::anyhow!("--max-size: {e}"))?;
        let max_total = parse_size(&raw.max_total).map_err(|e| anyhow::anyhow!("--max-total: {e}"))?;
        let mut inputs = raw.inputs;
        if inputs.is_empty() {
            if crate::output::stdin_is_terminal() {
                anyhow::bail!(
                    "no input: name files, directories or URLs, or pipe one in (see `parallax {command} --help`)"
                );
            }
            inputs.push(PathBuf::from("-"));
        }
        if inputs.iter().filter(|i| i.as_os_str() == "-").count() > 1 {
            anyhow::bail!("stdin (`-`) can be named only once");
        }
        if raw.concurrency == 0 {
            anyhow::bail!("--concurrency must be at least 1");
        }
        if !(raw.timeout.is_finite() && raw.timeout > 0.0) {
            anyhow::bail!("--timeout must be a positive number of seconds");
        }
        if raw.max_items == 0 {
            anyhow::bail!("--max-items must be at least 1");
        }
        if raw.max_words == 0 {
            anyhow::bail!("--max-words must be at least 1");
        }
        let fetch = parallax_fetch::Config {
            max_bytes: max_doc_bytes,
            timeout: std::time::Duration::from_secs_f64(raw.timeout.min(86_400.0)),
            concurrency: raw.concurrency,
            allow_private: raw.allow_private_urls,
            max_items: raw.max_items,
            // What a run may hold it may also fetch, at most.
            max_total_bytes: max_total,
            ..parallax_fetch::Config::default()
        };
        let extract = parallax_engine::extract::Config {
            default_date: date,
            today: Some(jiff::Zoned::now().date()),
            max_words: raw.max_words,
        };
        Ok(Reading {
            inputs,
            ingest: ingest::Config { max_doc_bytes },
            fetch,
            extract,
            max_total,
            known: Known::default(),
        })
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
