//! The commands over the store: `parallax ingest`, `parallax stories`, `parallax watch`, and
//! the store side of `parallax brief --story`.

use std::fmt::Write as _;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use parallax_engine::ingest::assign_ids_flagged;
use parallax_model::{Diagnostic, RawDoc};
use parallax_store::{Batch, IngestConfig, IngestReport, Store, prepare_batch};

use crate::args::{
    DbArgs, DbCommand, IngestArgs, ListFormat, ReportFormat, SearchArgs, ServeArgs, StoriesArgs,
    TokenCommand, WatchArgs,
};
use crate::{exit, inputs, output};

/// The store's path from `--db`, `$PARALLAX_DB` or the user's data folder.
pub(crate) fn db_path(db: &DbArgs) -> anyhow::Result<PathBuf> {
    db.db
        .clone()
        .or_else(parallax_store::default_path)
        .context("no store location: pass --db PATH (neither PARALLAX_DB, XDG_DATA_HOME nor HOME is set)")
}

/// The time now, for the documents' ingest time (the store reads no clock).
fn now() -> String {
    parallax_store::stamp(jiff::Timestamp::now())
}

/// Ingests everything `reading` names, `batch` documents per transaction. Reading and
/// extraction run on one thread (extraction in parallel inside it) while the store writes the
/// previous batch on this one.
fn ingest_reading(
    store: &mut Store,
    reading: &inputs::Reading,
    batch: usize,
    progress: &indicatif::ProgressBar,
) -> (IngestReport, Vec<Diagnostic>, Option<anyhow::Error>) {
    let config =
        IngestConfig { extract: reading.extract.clone(), ..IngestConfig::at(jiff::Timestamp::now()) };
    let stop = std::sync::atomic::AtomicBool::new(false);
    let (send, receive) = std::sync::mpsc::sync_channel::<Batch>(1);
    let path = store.path().to_path_buf();
    let mut total = IngestReport::default();
    let mut failure: Option<anyhow::Error> = None;
    let errors = std::thread::scope(|scope| {
        let producer = scope.spawn(|| {
            // A reader of its own tells what is stored already, so that re-ingesting costs no
            // extraction; the writer checks again when it commits.
            let lookup = Store::open_read_only(&path).ok();
            let mut known =
                |hash: &[u8; 16]| lookup.as_ref().is_some_and(|s| s.contains(hash).unwrap_or(false));
            let mut pending: Vec<(RawDoc, bool)> = Vec::new();
            let mut hand_over = |pending: &mut Vec<(RawDoc, bool)>| {
                // Each document kept with its own flag: a repeated explicit id is left out.
                let (docs, _) = assign_ids_flagged(std::mem::take(pending));
                let prepared = prepare_batch(docs, &mut known, &config);
                // The writer has stopped when the channel is closed.
                send.send(prepared).is_ok()
            };
            let errors = inputs::read_each(reading, None, progress, &mut |mut docs| {
                if stop.load(std::sync::atomic::Ordering::Relaxed) {
                    return ControlFlow::Break(());
                }
                pending.append(&mut docs);
                while pending.len() >= batch {
                    let rest = pending.split_off(batch);
                    let go_on = hand_over(&mut pending);
                    pending = rest;
                    if !go_on {
                        stop.store(true, std::sync::atomic::Ordering::Relaxed);
                        return ControlFlow::Break(());
                    }
                }
                ControlFlow::Continue(())
            });
            if !pending.is_empty() && !stop.load(std::sync::atomic::Ordering::Relaxed) {
                hand_over(&mut pending);
            }
            drop(send);
            errors
        });
        for prepared in receive.iter() {
            match store.commit(prepared, &config) {
                Ok(report) => {
                    total.absorb(report);
                    progress.set_message(format!("{} stored, {} already there", total.added, total.already));
                }
                Err(e) => {
                    failure = Some(e.into());
                    stop.store(true, std::sync::atomic::Ordering::Relaxed);
                    break;
                }
            }
        }
        drop(receive);
        producer.join().unwrap_or_default()
    });
    let mut errors = errors;
    errors.append(&mut total.diagnostics);
    (total, errors, failure)
}

/// `parallax ingest`.
pub(crate) fn ingest(raw: IngestArgs) -> anyhow::Result<ExitCode> {
    if raw.batch == 0 {
        anyhow::bail!("--batch must be at least 1");
    }
    let reading = inputs::Reading::validate(raw.input, "ingest")?;
    let path = db_path(&raw.db)?;
    let mut store = Store::open(&path)?;
    let progress = output::progress(reading.inputs.len());
    let started = Instant::now();
    let (report, errors, failure) = ingest_reading(&mut store, &reading, raw.batch, &progress);
    progress.finish_and_clear();
    for e in &errors {
        output::warn(&e.input, &e.message);
    }
    // A store failure after batches were committed is a partial run: what was kept is told,
    // and the exit is 1, not "nothing done".
    let partial = match failure {
        Some(e) if report.added == 0 => return Err(e),
        Some(e) => {
            eprintln!(
                "parallax: error: {}; the batch in progress was rolled back, the {} document{} committed before it are kept",
                parallax_engine::render::visible(&format!("{e:#}")),
                report.added,
                plural(report.added)
            );
            true
        }
        None => false,
    };
    let stats = store.stats()?;
    eprintln!(
        "parallax: {} new document{} ({} already stored), {} article{}, {} new stor{}, {} merged, in {:.1} s; \
         the store holds {} documents in {} stories ({})",
        report.added,
        plural(report.added),
        report.already,
        report.articles,
        plural(report.articles),
        report.new_stories,
        if report.new_stories == 1 { "y" } else { "ies" },
        report.merged,
        started.elapsed().as_secs_f64(),
        stats.documents,
        stats.stories,
        path.display(),
    );
    Ok(if errors.is_empty() && !partial { exit::SUCCESS } else { exit::input_errors() })
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `parallax stories`.
pub(crate) fn stories(raw: StoriesArgs) -> anyhow::Result<ExitCode> {
    let path = db_path(&raw.db)?;
    let store = Store::open_read_only(&path)?;
    let limit = (raw.limit > 0).then_some(raw.limit);
    if let Some(words) = &raw.search {
        parallax_store::search_query(words).map_err(|why| anyhow::anyhow!("--search: {why}"))?;
    }
    let filter = parallax_store::StoryFilter {
        min_size: raw.min_size.max(1),
        since: raw.since,
        search: raw.search.clone(),
        after: None,
    };
    // Each story listed is counted as its briefing counts it: seconds for the largest stories
    // of a large store.
    let counting = output::spinner("reading the stories and counting their origins and divergences");
    let page = store.stories_page(&filter, limit);
    counting.finish_and_clear();
    let rows: Vec<_> = page?.rows.into_iter().map(|(row, _)| row).collect();
    print_list(
        raw.format,
        &rows,
        parallax_store::StoryRow::to_json,
        |s, r| {
            let _ = writeln!(
                s,
                "{:>6}  {}  {} article{}, {} origin{}, {} outlet{}, {} divergence{}  {} – {}",
                r.id,
                r.card.headline.as_deref().unwrap_or("(no headline)"),
                r.size,
                plural(r.size),
                r.card.origins,
                plural(r.card.origins),
                r.outlets,
                plural(r.outlets),
                r.card.divergences,
                plural(r.card.divergences),
                r.first_seen,
                r.last_seen
            );
            if !r.related.is_empty() {
                let ids: Vec<String> = r.related.iter().map(i64::to_string).collect();
                let _ = writeln!(s, "        related: {}", ids.join(", "));
            }
        },
        "no stories yet: `parallax ingest` adds documents",
    )
}

/// `parallax search`.
pub(crate) fn search(raw: SearchArgs) -> anyhow::Result<ExitCode> {
    let text = raw.words.join(" ");
    if parallax_store::search_query(&text).map_err(|why| anyhow::anyhow!("{why}"))?.is_none() {
        anyhow::bail!("a search needs at least one word (letters or digits)");
    }
    let store = Store::open_read_only(&db_path(&raw.db)?)?;
    let hits = store.search(&text, usize::from(raw.limit), 0)?;
    print_list(
        raw.format,
        &hits,
        parallax_store::SearchHit::to_json,
        |s, h| {
            let _ = writeln!(
                s,
                "{}  {}  ({}{}, story {})\n    {}",
                h.article.id,
                h.article.title.as_deref().unwrap_or("(no title)"),
                h.article.source,
                h.article.published.as_deref().map(|p| format!(", {p}")).unwrap_or_default(),
                h.article.story,
                h.passage
            );
        },
        "no article holds all of these words",
    )
}

/// Prints `items` to stdout: a JSON array, or for the terminal each as `line` writes it (with
/// terminal escapes made visible), `empty` when there is none.
fn print_list<T>(
    format: ListFormat,
    items: &[T],
    to_json: fn(&T) -> serde_json::Value,
    line: impl Fn(&mut String, &T),
    empty: &str,
) -> anyhow::Result<ExitCode> {
    let text = match format {
        ListFormat::Json => json_line(&serde_json::Value::Array(items.iter().map(to_json).collect())),
        ListFormat::Terminal => {
            let mut s = String::new();
            items.iter().for_each(|item| line(&mut s, item));
            if items.is_empty() {
                s.push_str(empty);
                s.push('\n');
            }
            parallax_engine::render::visible(&s).into_owned()
        }
    };
    output::write(None, &text)?;
    Ok(exit::SUCCESS)
}

/// `parallax serve`: until interrupted.
pub(crate) fn serve(raw: ServeArgs) -> anyhow::Result<ExitCode> {
    let db = db_path(&raw.db)?;
    if let Some(file) = &raw.feeds {
        let listed = feed_list(file)?;
        if !listed.is_empty() {
            let mut store = Store::open(&db)?;
            let mut new = 0;
            for url in &listed {
                new += usize::from(store.add_feed(url, &now())?.1);
            }
            eprintln!(
                "parallax: {}: {} feed{} listed, {new} new to the store",
                file.display(),
                listed.len(),
                plural(listed.len())
            );
        }
    }
    let fetch = parallax_fetch::Config {
        max_items: raw.max_items,
        allow_private: raw.allow_private_urls,
        // Each poll asks each feed whether it changed since the last (ETag, Last-Modified).
        validators: Some(std::sync::Arc::default()),
        ..parallax_fetch::Config::default()
    };
    let stored = db.clone();
    let reader = parallax_serve::FeedReader(std::sync::Arc::new(move |url: &str| {
        // The fetch budget is per poll of a feed: a server runs for weeks.
        let fetch = fetch.new_run();
        let known = inputs::Known::of_store(&stored);
        let (documents, problems) =
            inputs::served_url_documents(url, &parallax_engine::ingest::Config::default(), &fetch, &known);
        parallax_serve::FeedRead {
            documents,
            problems,
            known: known.take_skipped(),
            unchanged: known.take_unchanged() > 0,
        }
    }));
    let config = parallax_serve::Config {
        db,
        listen: raw.listen,
        public: raw.public,
        public_read: raw.public_read,
        request_timeout: Duration::from_secs(raw.timeout.max(1)),
        concurrent: raw.concurrency.max(1),
        allow_private_urls: raw.allow_private_urls,
        cors_origins: raw.cors_origin.clone(),
        feed_reader: Some(reader),
        poll_every: Duration::from_secs(raw.poll_interval),
        ..parallax_serve::Config::default()
    };
    parallax_serve::run(config)?;
    Ok(exit::SUCCESS)
}

/// The feed URLs listed in `file`, one per line (blank lines and `#` comments skipped); a
/// line that is not an http or https URL is an error naming it.
fn feed_list(file: &std::path::Path) -> anyhow::Result<Vec<String>> {
    let text = std::fs::read(file).with_context(|| format!("{}: cannot be read", file.display()))?;
    let text = std::str::from_utf8(&text).with_context(|| format!("{}: not UTF-8 text", file.display()))?;
    let mut urls = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let scheme = line.split_once("://").map(|(s, _)| s.to_ascii_lowercase());
        if !matches!(scheme.as_deref(), Some("http" | "https")) || line.len() > 2048 {
            anyhow::bail!("{}:{}: not a feed's http or https URL: {line:?}", file.display(), n + 1);
        }
        if urls.len() == parallax_serve::MOST_FEEDS {
            anyhow::bail!("{}: more than {} feeds", file.display(), parallax_serve::MOST_FEEDS);
        }
        urls.push(line.to_string());
    }
    Ok(urls)
}

/// `parallax token create|revoke|list`.
pub(crate) fn token(command: TokenCommand) -> anyhow::Result<ExitCode> {
    match command {
        TokenCommand::Create { name, db } => {
            let mut store = Store::open(&db_path(&db)?)?;
            let token = store.create_token(&name, &now())?;
            output::write(None, &format!("{token}\n"))?;
            eprintln!(
                "parallax: token {name:?} made; it is shown only now (send it as `Authorization: Bearer TOKEN`)"
            );
        }
        TokenCommand::Revoke { name, db } => {
            let mut store = Store::open(&db_path(&db)?)?;
            store.revoke_token(&name, &now())?;
            eprintln!("parallax: token {name:?} revoked");
        }
        TokenCommand::List { db, format } => {
            let store = Store::open_read_only(&db_path(&db)?)?;
            return print_list(
                format,
                &store.tokens()?,
                |t| serde_json::json!({"name": t.name, "created": t.created, "revoked": t.revoked}),
                |s, t| {
                    let state =
                        t.revoked.as_ref().map_or_else(|| "live".to_string(), |r| format!("revoked {r}"));
                    let _ = writeln!(s, "{}  made {}  {state}", t.name, t.created);
                },
                "no tokens: `parallax token create NAME` makes one",
            );
        }
    }
    Ok(exit::SUCCESS)
}

/// `parallax db migrate|stats|check`.
pub(crate) fn db(command: DbCommand) -> anyhow::Result<ExitCode> {
    let (text, code) = match command {
        DbCommand::Migrate { db } => {
            let path = db_path(&db)?;
            let (before, after) = parallax_store::migrate(&path)?;
            let done = if before == after {
                format!("{}: schema version {after}, up to date\n", path.display())
            } else {
                format!("{}: schema version {before} -> {after}\n", path.display())
            };
            (done, exit::SUCCESS)
        }
        DbCommand::Stats { db, format } => {
            let path = db_path(&db)?;
            let o = Store::open_read_only(&path)?.overview()?;
            let text = match format {
                ReportFormat::Json => json_line(&serde_json::json!({
                    "path": path.display().to_string(),
                    "documents": o.stats.documents,
                    "articles": o.stats.articles,
                    "stories": o.stats.stories,
                    "largest_story": o.largest_story,
                    "bytes": o.stats.bytes,
                    "schema": o.schema.0,
                    "schema_latest": o.schema.1,
                    "changes": {"first": o.changes.0, "last": o.changes.1},
                    "tokens": {"live": o.tokens.0, "made": o.tokens.1},
                    "feeds": o.feeds,
                })),
                ReportFormat::Terminal => format!(
                    "{}\n  {} documents, {} articles, {} stories (the largest {} articles)\n  \
                     {:.1} MB, schema version {} (this build's: {})\n  \
                     change log {}..{}, {} live tokens of {} made, {} feeds\n",
                    path.display(),
                    o.stats.documents,
                    o.stats.articles,
                    o.stats.stories,
                    o.largest_story,
                    o.stats.bytes as f64 / 1e6,
                    o.schema.0,
                    o.schema.1,
                    o.changes.0,
                    o.changes.1,
                    o.tokens.0,
                    o.tokens.1,
                    o.feeds,
                ),
            };
            (text, exit::SUCCESS)
        }
        DbCommand::Check { db, format } => {
            let path = db_path(&db)?;
            let problems = Store::open_read_only(&path)?.check()?;
            let code = if problems.is_empty() { exit::SUCCESS } else { exit::input_errors() };
            let text = match format {
                ReportFormat::Json => json_line(&serde_json::json!({
                    "path": path.display().to_string(),
                    "sound": problems.is_empty(),
                    "problems": problems,
                })),
                ReportFormat::Terminal if problems.is_empty() => format!("{}: sound\n", path.display()),
                ReportFormat::Terminal => {
                    let mut s =
                        format!("{}: {} problem{}\n", path.display(), problems.len(), plural(problems.len()));
                    problems.iter().for_each(|p| {
                        let _ = writeln!(s, "  {p}");
                    });
                    s
                }
            };
            (parallax_engine::render::visible(&text).into_owned(), code)
        }
    };
    output::write(None, &text)?;
    Ok(code)
}

/// `value` as pretty JSON and a newline.
fn json_line(value: &serde_json::Value) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}

/// What to brief for story `id` in the store at `db` (`Store::story_to_brief`).
pub(crate) fn story_to_brief(db: &DbArgs, id: i64) -> anyhow::Result<parallax_store::StoryToBrief> {
    let path = db_path(db)?;
    let store = Store::open_read_only(&path)?;
    store
        .story_to_brief(id)?
        .with_context(|| format!("{}: no story {id} (see `parallax stories`)", path.display()))
}

/// `parallax watch`.
pub(crate) fn watch(raw: WatchArgs) -> anyhow::Result<ExitCode> {
    if !(raw.interval.is_finite() && raw.interval >= 0.0) {
        anyhow::bail!("--interval must be a number of seconds");
    }
    let input = crate::args::InputArgs {
        inputs: raw.feeds.clone(),
        date: None,
        max_size: "16MiB".to_string(),
        max_words: parallax_engine::extract::MAX_WORDS,
        max_total: "2GiB".to_string(),
        timeout: raw.timeout,
        concurrency: 8,
        max_items: raw.max_items,
        allow_private_urls: raw.allow_private_urls,
    };
    let reading = inputs::Reading::validate(input, "watch")?;
    let path = db_path(&raw.db)?;
    let mut store = Store::open(&path)?;
    let mut reading = reading;
    reading.known = inputs::Known::of_store(&path);
    // Each poll asks each feed whether it changed since the last (ETag, Last-Modified).
    reading.fetch.validators = Some(std::sync::Arc::default());
    let mut poll = 0u64;
    let mut any_errors = false;
    loop {
        poll += 1;
        // The fetch budget and the addresses fetched are per poll: a watch runs for weeks.
        reading.fetch = reading.fetch.new_run();
        let progress = indicatif::ProgressBar::hidden();
        let (report, errors, failure) = ingest_reading(&mut store, &reading, 512, &progress);
        for e in &errors {
            output::warn(&e.input, &e.message);
        }
        if let Some(e) = failure {
            return Err(e);
        }
        any_errors |= !errors.is_empty();
        // An item whose link was stored before was not fetched: it is stored already too.
        let known = reading.known.take_skipped();
        let unchanged = match reading.known.take_unchanged() {
            0 => String::new(),
            n => format!(" ({n} unchanged since the last poll)"),
        };
        eprintln!(
            "parallax: poll {poll}: {} new document{}, {} already stored, {} new stor{}{unchanged}",
            report.added,
            plural(report.added),
            report.already + known,
            report.new_stories,
            if report.new_stories == 1 { "y" } else { "ies" },
        );
        if raw.polls.is_some_and(|n| poll >= n) {
            break;
        }
        std::thread::sleep(Duration::from_secs_f64(raw.interval.min(86_400.0)));
    }
    Ok(if any_errors { exit::input_errors() } else { exit::SUCCESS })
}
