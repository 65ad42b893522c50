//! Ingesting a batch of documents: new ones are extracted, profiled and clustered into
//! stories in one transaction.

use std::collections::{BTreeMap, BTreeSet};

use parallax_engine::reuse::{self, minhash};
use parallax_engine::stories::{self, Candidate, Idf};
use parallax_engine::{extract, facts, text};
use parallax_model::{Article, Diagnostic, DocFormat, RawDoc};
use rayon::prelude::*;
use rusqlite::{OptionalExtension, Transaction, params};
use rustc_hash::FxHashMap;
use xxhash_rust::xxh3::{xxh3_64, xxh3_128};

use crate::schema::{add_to_counter, counter};
use crate::tiered::{self, BAND_INDEX, TERM_INDEX};
use crate::{Store, StoreError};

/// How a batch is ingested.
#[derive(Clone, Debug)]
pub struct IngestConfig {
    /// Extraction settings (default date, today).
    pub extract: extract::Config,
    /// Story clustering settings.
    pub stories: stories::Config,
    /// The time recorded as each document's ingest time (RFC 3339); the caller reads the
    /// clock, the store does not.
    pub now: String,
    /// Entries the change log keeps ([`CHANGES_KEPT`] by default).
    pub changes_kept: i64,
}

impl IngestConfig {
    /// The default settings for a batch ingested at time `now` (the caller reads the clock):
    /// `now` as the ingest time, and its day (UTC) as the latest date extraction takes.
    pub fn at(now: jiff::Timestamp) -> IngestConfig {
        let today = now.to_zoned(jiff::tz::TimeZone::UTC).date();
        IngestConfig {
            extract: extract::Config { today: Some(today), ..extract::Config::default() },
            now: stamp(now),
            ..IngestConfig::default()
        }
    }
}

/// A time as the store records it (RFC 3339, UTC, to the second).
pub fn stamp(t: jiff::Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

impl Default for IngestConfig {
    fn default() -> IngestConfig {
        IngestConfig {
            extract: extract::Config::default(),
            stories: stories::Config::default(),
            now: String::new(),
            changes_kept: CHANGES_KEPT,
        }
    }
}

/// What one batch did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IngestReport {
    /// Documents stored.
    pub added: usize,
    /// Documents whose content was already stored (or repeated in the batch).
    pub already: usize,
    /// Articles stored.
    pub articles: usize,
    /// Stories started.
    pub new_stories: usize,
    /// Stories merged into another.
    pub merged: usize,
    /// Documents with no article text, and other problems that did not stop the batch.
    pub diagnostics: Vec<Diagnostic>,
}

impl IngestReport {
    /// Adds what another batch did.
    pub fn absorb(&mut self, other: IngestReport) {
        self.added += other.added;
        self.already += other.already;
        self.articles += other.articles;
        self.new_stories += other.new_stories;
        self.merged += other.merged;
        self.diagnostics.extend(other.diagnostics);
    }
}

/// Rows of the reuse index per article: bands of [`BAND_ROWS`] MinHash values; two articles
/// sharing a band share much of their text (Jaccard similarity of their shingles about 0.6 or more).
const BANDS: usize = 6;
const BAND_ROWS: usize = 4;
/// Stories read per lookup term: the most recently active first.
const POSTINGS_PER_TERM: usize = 32;
/// Candidate stories compared with an article: those sharing most of its lookup terms.
const CANDIDATES: usize = 24;
/// Index terms kept per story.
const STORY_INDEX_TERMS: usize = 8;

/// A new document, prepared outside the transaction.
struct Prepared {
    doc: RawDoc,
    hash: [u8; 16],
    /// The text, deflated (compressed here, in parallel, not in the writer).
    packed: Vec<u8>,
    articles: Vec<PreparedArticle>,
    diagnostics: Vec<Diagnostic>,
    /// Skipped for its length (`extract::Extraction::skipped`): reported, not stored.
    skipped: bool,
}

struct PreparedArticle {
    article: Article,
    profile: stories::Profile,
    bands: Vec<i64>,
    /// The facts as JSON, deflated.
    facts: Vec<u8>,
}

/// A batch extracted and profiled, ready to commit: the work that needs no database, so that
/// the next batch can be prepared while this one is written.
pub struct Batch {
    /// New documents in their fixed order, each with whether its id was given by the input.
    prepared: Vec<(Prepared, bool)>,
    /// Documents skipped as already stored or repeated.
    already: usize,
}

/// Prepares `docs` (ids unique within the batch; `explicit` tells which the input gave):
/// drops repeats and what `known` says is stored, puts the rest in a fixed order (date, then
/// content hash: the batch's result does not depend on the order its documents came in), and
/// extracts and profiles them in parallel.
pub fn prepare_batch(
    docs: Vec<(RawDoc, bool)>,
    known: &mut dyn FnMut(&[u8; 16]) -> bool,
    config: &IngestConfig,
) -> Batch {
    let mut seen: BTreeSet<[u8; 16]> = BTreeSet::new();
    let mut fresh: Vec<([u8; 16], RawDoc, bool)> = Vec::new();
    let mut already = 0;
    for (doc, explicit) in docs {
        let hash = content_hash(&doc);
        if !seen.insert(hash) || known(&hash) {
            already += 1;
            continue;
        }
        fresh.push((hash, doc, explicit));
    }
    fresh.sort_by(|a, b| a.1.meta.published.cmp(&b.1.meta.published).then(a.0.cmp(&b.0)));
    let prepared = fresh
        .into_par_iter()
        .map(|(hash, doc, explicit)| (prepare(hash, doc, &config.extract), explicit))
        .collect();
    Batch { prepared, already }
}

impl Store {
    /// Whether content with this hash is stored.
    pub fn contains(&self, hash: &[u8; 16]) -> Result<bool, StoreError> {
        self.conn
            .prepare_cached("SELECT 1 FROM documents WHERE hash = ?1")
            .and_then(|mut s| s.exists([&hash[..]]))
            .map_err(|e| StoreError::from_sqlite(&self.path, &e))
    }

    /// Whether a document that came from `url` (as stored: `RawDoc`'s `meta.url`, written as
    /// `url::Url` writes it) is stored. A feed's poll asks it of each item's link before
    /// fetching the page again.
    pub fn holds_url(&self, url: &str) -> Result<bool, StoreError> {
        self.conn
            .prepare_cached("SELECT 1 FROM documents WHERE url = ?1")
            .and_then(|mut s| s.exists([url]))
            .map_err(|e| StoreError::from_sqlite(&self.path, &e))
    }

    /// Ingests `docs` (ids already unique within the batch; `explicit` tells which were given
    /// by the input) in one transaction. Content already stored is skipped.
    pub fn ingest(
        &mut self,
        docs: Vec<(RawDoc, bool)>,
        config: &IngestConfig,
    ) -> Result<IngestReport, StoreError> {
        let mut failed = None;
        let batch = prepare_batch(
            docs,
            &mut |hash| match self.contains(hash) {
                Ok(found) => found,
                Err(e) => {
                    failed.get_or_insert(e);
                    false
                }
            },
            config,
        );
        if let Some(e) = failed {
            return Err(e);
        }
        self.commit(batch, config)
    }

    /// Writes a prepared batch in one transaction: its documents, articles, reuse bands and
    /// facts, each article placed in its story. Content stored since the batch was prepared
    /// (by another process) is skipped.
    pub fn commit(&mut self, batch: Batch, config: &IngestConfig) -> Result<IngestReport, StoreError> {
        let path = self.path.clone();
        let fail = |e: rusqlite::Error| StoreError::from_sqlite(&path, &e);
        let mut report = IngestReport { already: batch.already, ..IngestReport::default() };
        let mut prepared = Vec::with_capacity(batch.prepared.len());
        let mut explicit = Vec::with_capacity(batch.prepared.len());
        for (p, e) in batch.prepared {
            if self.contains(&p.hash)? {
                report.already += 1;
            } else {
                prepared.push(p);
                explicit.push(e);
            }
        }
        let written =
            write_batch(&mut self.conn, &mut self.stories, &prepared, &explicit, config, &mut report);
        if written.is_err() {
            // The transaction rolled back: what the cache learned in it is void.
            self.stories.clear();
        }
        written.map_err(fail)?;
        Ok(report)
    }
}

/// The transaction of [`Store::commit`].
fn write_batch(
    conn: &mut rusqlite::Connection,
    cache: &mut StoryCache,
    prepared: &[Prepared],
    explicit: &[bool],
    config: &IngestConfig,
    report: &mut IngestReport,
) -> rusqlite::Result<()> {
    // The write lock is taken at once: a second writer then waits for it (the busy timeout)
    // instead of failing when its read would have to become a write.
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    cache.check(&tx)?;
    let mut index = IndexChanges::default();
    let mut df = DocFreq::load(&tx, prepared)?;
    // Rarity counts the whole batch before any of it is placed, so that the first batch
    // of an empty store is weighed too, and the same whatever its order.
    for p in prepared {
        for a in &p.articles {
            df.count(&a.profile);
        }
    }
    let mut documents = Vec::with_capacity(prepared.len());
    for (p, &explicit) in prepared.iter().zip(explicit) {
        report.diagnostics.extend(p.diagnostics.iter().cloned());
        // A document skipped for its length is not kept: a run with a larger budget reads it.
        if p.skipped {
            documents.push(None);
            continue;
        }
        documents.push(Some(insert_document(&tx, p, explicit, &config.now)?));
        report.added += 1;
    }
    // The batch's articles, in order, with the document each belongs to.
    let articles: Vec<(i64, &PreparedArticle)> = documents
        .iter()
        .zip(prepared)
        .filter_map(|(d, p)| d.map(|d| (d, p)))
        .flat_map(|(d, p)| p.articles.iter().map(move |a| (d, a)))
        .collect();
    let (arrivals, candidates) = arrivals(&tx, &articles, &df, cache)?;
    let placement = stories::place(&arrivals, &candidates, &config.stories);
    let story_of = apply(&tx, &placement, &arrivals, &candidates, cache, &mut index, report)?;
    log_changes(&tx, &placement, &story_of, &config.now, config.changes_kept)?;
    for ((document, a), story) in articles.iter().zip(story_of) {
        insert_article(&tx, *document, a, story, &mut index)?;
        report.articles += 1;
    }
    df.save(&tx)?;
    add_to_counter(&tx, "documents", report.added as i64)?;
    add_to_counter(&tx, "stories", report.new_stories as i64 - report.merged as i64)?;
    BAND_INDEX.settle(&tx, index.bands)?;
    TERM_INDEX.settle(&tx, index.terms)?;
    tx.commit()
}

/// Writes what the batch did to stories into the change log, in the order readers replay it:
/// merges (`merged`, the story kept and, as `other`, the one gone), then each story the batch
/// started (`created`) or added to (`updated`), by id.
fn log_changes(
    tx: &Transaction<'_>,
    placement: &stories::Placement,
    story_of: &[i64],
    now: &str,
    kept: i64,
) -> rusqlite::Result<()> {
    let mut log =
        tx.prepare_cached("INSERT INTO changes (story, kind, other, at) VALUES (?1, ?2, ?3, ?4)")?;
    for &(keep, gone) in &placement.merges {
        log.execute(params![keep, "merged", gone, now])?;
    }
    let mut touched: BTreeMap<i64, bool> = BTreeMap::new();
    for (target, &story) in placement.targets.iter().zip(story_of) {
        let created = matches!(target, stories::Target::New(_));
        *touched.entry(story).or_default() |= created;
    }
    for (story, created) in touched {
        log.execute(params![story, if created { "created" } else { "updated" }, None::<i64>, now])?;
    }
    // The log keeps its last entries: enough for a reader to resume after a pause; one that
    // fell further behind is told so (`Store::first_change`).
    tx.prepare_cached("DELETE FROM changes WHERE seq <= (SELECT max(seq) FROM changes) - ?1")?
        .execute([kept.max(1)])?;
    Ok(())
}

/// Entries the change log keeps.
pub const CHANGES_KEPT: i64 = 100_000;

/// Stories read or written lately, so that the candidates an article is compared with (mostly
/// the newest stories, which the next articles are compared with too) are not read and
/// decoded again for each article. The oldest stories leave first once [`CACHED_STORIES`]
/// are held. Only this connection's writes are cached: when another connection has committed
/// (SQLite's `data_version` moved) the cache is emptied.
#[derive(Default)]
pub(crate) struct StoryCache {
    stories: BTreeMap<i64, Candidate>,
    version: Option<i64>,
}

/// Stories kept in [`StoryCache`] (each up to [`stories::CENTROID_TERMS`] terms: about 50 MB).
const CACHED_STORIES: usize = 32_768;

impl StoryCache {
    /// Empties the cache when another connection has written since it was filled.
    fn check(&mut self, tx: &Transaction<'_>) -> rusqlite::Result<()> {
        let version: i64 = tx.query_row("PRAGMA data_version", [], |r| r.get(0))?;
        if self.version != Some(version) {
            self.stories.clear();
            self.version = Some(version);
        }
        Ok(())
    }

    pub(crate) fn clear(&mut self) {
        self.stories.clear();
        self.version = None;
    }

    /// The story, from the cache or the store.
    fn get(&mut self, tx: &Transaction<'_>, story: i64) -> rusqlite::Result<Option<Candidate>> {
        if let Some(c) = self.stories.get(&story) {
            return Ok(Some(c.clone()));
        }
        let found = load_story(tx, story)?;
        if let Some(c) = &found {
            self.put(c.clone());
        }
        Ok(found)
    }

    /// Records a story as now written.
    fn put(&mut self, story: Candidate) {
        self.stories.insert(story.story, story);
        while self.stories.len() > CACHED_STORIES {
            self.stories.pop_first();
        }
    }

    fn remove(&mut self, story: i64) {
        self.stories.remove(&story);
    }
}

/// What a transaction changed in the two-table indexes.
#[derive(Default)]
struct IndexChanges {
    bands: tiered::Changes,
    terms: tiered::Changes,
}

/// `bytes` deflated (fast level: text shrinks about threefold, at little cost).
pub(crate) fn pack(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let mut encoder =
        flate2::write::DeflateEncoder::new(Vec::with_capacity(bytes.len() / 2), flate2::Compression::fast());
    // Writing to memory cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

/// `packed` inflated, or `None` when it is damaged.
pub(crate) fn unpack(packed: &[u8]) -> Option<String> {
    use std::io::Read as _;
    let mut out = String::new();
    flate2::read::DeflateDecoder::new(packed).read_to_string(&mut out).ok()?;
    Some(out)
}

/// The content hash of a document: its format and its text. Content stored once is stored
/// once, whatever id it came with.
pub fn content_hash(doc: &RawDoc) -> [u8; 16] {
    hash_of(doc.format, &doc.text)
}

/// How `documents.format` stores a document's format.
pub(crate) fn format_code(format: DocFormat) -> i64 {
    match format {
        DocFormat::Text => 0,
        DocFormat::Html => 1,
    }
}

/// The format `documents.format` stores as `code` ([`format_code`]).
pub(crate) fn format_of(code: i64) -> DocFormat {
    if code == format_code(DocFormat::Html) { DocFormat::Html } else { DocFormat::Text }
}

/// The content hash of a text of `format` ([`content_hash`]).
pub(crate) fn hash_of(format: DocFormat, text: &str) -> [u8; 16] {
    let mut bytes = Vec::with_capacity(text.len() + 1);
    bytes.push(match format {
        DocFormat::Text => b't',
        DocFormat::Html => b'h',
    });
    bytes.extend_from_slice(text.as_bytes());
    xxh3_128(&bytes).to_le_bytes()
}

thread_local! {
    /// One analyzer per worker thread, so its cache of stems serves every document it sees.
    static ANALYZER: std::cell::RefCell<text::Analyzer> = std::cell::RefCell::new(text::Analyzer::new());
}

fn prepare(hash: [u8; 16], doc: RawDoc, config: &extract::Config) -> Prepared {
    ANALYZER.with(|analyzer| prepare_with(hash, doc, config, &mut analyzer.borrow_mut()))
}

fn prepare_with(
    hash: [u8; 16],
    doc: RawDoc,
    config: &extract::Config,
    analyzer: &mut text::Analyzer,
) -> Prepared {
    let found = extract::extract(&doc, config);
    let articles: Vec<Article> = found.articles.into_iter().filter(|a| !a.blocks.is_empty()).collect();
    let refs: Vec<&Article> = articles.iter().collect();
    // The store keeps people, organisations, places and quotes; sentences are not dated here.
    let found_facts = facts::facts(&refs, &facts::Config { dates: false });
    let prepared = articles
        .into_iter()
        .enumerate()
        .map(|(i, article)| {
            let people: Vec<&str> = found_facts
                .people
                .iter()
                .filter(|p| p.evidence && p.documents.contains(&i))
                .map(|p| p.name.as_str())
                .collect();
            let named: Vec<(&str, &str)> = found_facts
                .named
                .iter()
                .filter(|n| n.documents.contains(&i))
                .map(|n| {
                    let kind = match n.kind {
                        facts::NamedKind::Organization => "organisation",
                        facts::NamedKind::Place => "place",
                    };
                    (n.name.as_str(), kind)
                })
                .collect();
            let names = stories::names(&found_facts, i);
            let quotes: Vec<serde_json::Value> = found_facts.docs.get(i).map_or_else(Vec::new, |d| {
                d.quotes
                    .iter()
                    .map(|q| serde_json::json!({"speaker": q.speaker, "text": q.text}))
                    .collect()
            });
            let facts_json = serde_json::json!({
                "people": people,
                "organisations": named.iter().filter(|(_, k)| *k == "organisation").map(|(n, _)| n).collect::<Vec<_>>(),
                "places": named.iter().filter(|(_, k)| *k == "place").map(|(n, _)| n).collect::<Vec<_>>(),
                "quotes": quotes,
            })
            .to_string();
            let facts_json = pack(facts_json.as_bytes());
            let analysis = analyzer.analyze(&article);
            let bands = bands(&reuse::Doc::new(&article, &analysis));
            let profile = stories::profile(&article, analyzer, &names);
            PreparedArticle { article, profile, bands, facts: facts_json }
        })
        .collect();
    let packed = pack(doc.text.as_bytes());
    Prepared { doc, hash, packed, articles: prepared, diagnostics: found.diagnostics, skipped: found.skipped }
}

/// The article's reuse bands: hashes of groups of its MinHash signature.
fn bands(doc: &reuse::Doc) -> Vec<i64> {
    let Some(signature) = minhash::signature(&doc.shingles(5)) else { return Vec::new() };
    signature
        .chunks(BAND_ROWS)
        .take(BANDS)
        .enumerate()
        .map(|(n, rows)| {
            let mut bytes = Vec::with_capacity(1 + rows.len() * 4);
            bytes.push(n as u8);
            for r in rows {
                bytes.extend_from_slice(&r.to_le_bytes());
            }
            xxh3_64(&bytes) as i64
        })
        .collect()
}

fn insert_document(tx: &Transaction<'_>, p: &Prepared, explicit: bool, now: &str) -> rusqlite::Result<i64> {
    let doc = &p.doc;
    tx.prepare_cached(
        "INSERT INTO documents (hash, input_id, explicit_id, path, format, source, title, published, url, packed_text, ingested_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        &p.hash[..],
        doc.id.as_str(),
        explicit,
        doc.path,
        format_code(doc.format),
        doc.meta.source,
        doc.meta.title,
        doc.meta.published.map(|d| d.to_string()),
        doc.meta.url.as_ref().map(|u| u.to_string()),
        p.packed,
        now,
    ])?;
    Ok(tx.last_insert_rowid())
}

fn insert_article(
    tx: &Transaction<'_>,
    document: i64,
    a: &PreparedArticle,
    story: i64,
    index: &mut IndexChanges,
) -> rusqlite::Result<()> {
    let art = &a.article;
    tx.prepare_cached(
        "INSERT INTO articles (document, article_id, source, title, published, language, facts, bands, story)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        document,
        art.id.as_str(),
        art.source.name,
        art.title,
        art.published.map(|d| d.to_string()),
        art.language,
        a.facts,
        a.bands.iter().flat_map(|b| b.to_le_bytes()).collect::<Vec<u8>>(),
        story,
    ])?;
    let id = tx.last_insert_rowid();
    crate::search::index(tx, id, art.title.as_deref(), &art.body_text())?;
    for &key in &a.bands {
        BAND_INDEX.insert(tx, key, id, &mut index.bands)?;
    }
    Ok(())
}

/// The batch's articles as the stories stage places them, and the stored stories they reach:
/// for each article, its vector and lookup terms, the stored stories sharing most of those
/// terms, the oldest stored story holding a near-copy of it (an article sharing a reuse band) and its
/// near-copies earlier in the batch.
fn arrivals(
    tx: &Transaction<'_>,
    articles: &[(i64, &PreparedArticle)],
    df: &DocFreq,
    cache: &mut StoryCache,
) -> rusqlite::Result<(Vec<stories::Arrival>, Vec<Candidate>)> {
    let mut candidates: BTreeMap<i64, Candidate> = BTreeMap::new();
    let mut by_band: FxHashMap<i64, Vec<usize>> = FxHashMap::default();
    let mut out = Vec::with_capacity(articles.len());
    let mut story_of = tx.prepare_cached("SELECT story FROM articles WHERE id = ?1")?;
    let mut postings = Vec::new();
    let mut copies = Vec::new();
    for (i, (_, a)) in articles.iter().enumerate() {
        let vector = stories::vector(&a.profile, df);
        let lookup = stories::lookup_terms(&vector, df);
        // Near-copies: stored articles sharing a band (their stories), and earlier articles
        // of the batch.
        copies.clear();
        BAND_INDEX.values(tx, &a.bands, &mut copies)?;
        copies.sort_unstable();
        copies.dedup();
        let mut copy_of: Option<i64> = None;
        for &article in &copies {
            if let Some(story) = story_of.query_row([article], |r| r.get::<_, i64>(0)).optional()? {
                copy_of = Some(copy_of.map_or(story, |s: i64| s.min(story)));
            }
        }
        let mut in_batch: Vec<usize> = Vec::new();
        for band in &a.bands {
            let list = by_band.entry(*band).or_default();
            in_batch.extend(list.iter().copied());
            list.push(i);
        }
        in_batch.sort_unstable();
        in_batch.dedup();
        // Stored stories that share the article's heaviest terms, the ones sharing most first.
        let mut hits: BTreeMap<i64, usize> = BTreeMap::new();
        for &term in &lookup {
            postings.clear();
            TERM_INDEX.largest(tx, term as i64, POSTINGS_PER_TERM, &mut postings)?;
            for &story in postings.iter().take(POSTINGS_PER_TERM) {
                *hits.entry(story).or_default() += 1;
            }
        }
        let mut ranked: Vec<(usize, i64)> = hits.into_iter().map(|(story, n)| (n, story)).collect();
        ranked.sort_by(|a, b| b.cmp(a));
        let near: Vec<i64> = ranked.into_iter().take(CANDIDATES).map(|(_, s)| s).collect();
        for &story in near.iter().chain(&copy_of) {
            if !candidates.contains_key(&story)
                && let Some(c) = cache.get(tx, story)?
            {
                candidates.insert(story, c);
            }
        }
        out.push(stories::Arrival { vector, lookup, day: a.profile.day, near, copy_of, copies: in_batch });
    }
    Ok((out, candidates.into_values().collect()))
}

/// A story a batch changes: its state now, the centroid its index terms were written from
/// (none for a new story), and how many articles it gains.
type Changed = (Candidate, Option<Vec<(u64, f32)>>, i64);

/// Writes what placing the batch changed: stored stories merged, new stories made, each story
/// that gained articles with its new centroid, dates, size and index terms. Returns each
/// article's story.
fn apply(
    tx: &Transaction<'_>,
    placement: &stories::Placement,
    arrivals: &[stories::Arrival],
    candidates: &[Candidate],
    cache: &mut StoryCache,
    index: &mut IndexChanges,
    report: &mut IngestReport,
) -> rusqlite::Result<Vec<i64>> {
    let stored: BTreeMap<i64, &Candidate> = candidates.iter().map(|c| (c.story, c)).collect();
    let mut changed: BTreeMap<i64, Changed> = BTreeMap::new();
    let touch = |story: i64, changed: &mut BTreeMap<i64, Changed>| {
        if let Some(c) = stored.get(&story) {
            changed.entry(story).or_insert_with(|| ((*c).clone(), Some(c.centroid.clone()), 0));
        }
    };
    for &(keep, gone) in &placement.merges {
        touch(keep, &mut changed);
        let Some(other) = stored.get(&gone) else { continue };
        if let Some((current, _, _)) = changed.get_mut(&keep) {
            current.centroid = stories::add(&current.centroid, &other.centroid);
            current.days = stories::widen(current.days, other.days);
            current.size = current.size.saturating_add(other.size);
        }
        tx.execute("UPDATE stories SET size = size + ?1 WHERE id = ?2", params![other.size, keep])?;
        tx.execute("UPDATE articles SET story = ?1 WHERE story = ?2", params![keep, gone])?;
        for term in index_terms(&other.centroid) {
            TERM_INDEX.delete(tx, term as i64, gone, &mut index.terms)?;
        }
        tx.execute("DELETE FROM stories WHERE id = ?1", [gone])?;
        cache.remove(gone);
        report.merged += 1;
    }
    let mut new_ids: Vec<i64> = Vec::with_capacity(placement.new_stories);
    let mut story_of = Vec::with_capacity(arrivals.len());
    for (a, target) in arrivals.iter().zip(&placement.targets) {
        let story = match *target {
            stories::Target::Stored(story) => {
                touch(story, &mut changed);
                story
            }
            stories::Target::New(k) => {
                if k == new_ids.len() {
                    tx.execute(
                        "INSERT INTO stories (size, first_day, last_day, centroid) VALUES (0, ?1, ?1, x'')",
                        [a.day],
                    )?;
                    let story = tx.last_insert_rowid();
                    new_ids.push(story);
                    changed.insert(
                        story,
                        (Candidate { story, centroid: Vec::new(), days: None, size: 0 }, None, 0),
                    );
                    report.new_stories += 1;
                }
                new_ids[k]
            }
        };
        if let Some((current, _, added)) = changed.get_mut(&story) {
            current.centroid = stories::add(&current.centroid, &a.vector);
            current.days = stories::widen(current.days, a.day.map(|d| (d, d)));
            current.size += 1;
            *added += 1;
        }
        story_of.push(story);
    }
    for (_, (current, previous, added)) in changed {
        save_story(tx, &current, previous.as_deref(), added, &mut index.terms)?;
        cache.put(current);
    }
    Ok(story_of)
}

fn load_story(tx: &Transaction<'_>, story: i64) -> rusqlite::Result<Option<Candidate>> {
    tx.prepare_cached("SELECT centroid, first_day, last_day, size FROM stories WHERE id = ?1")?
        .query_row([story], |r| {
            let blob: Vec<u8> = r.get(0)?;
            let first: Option<i32> = r.get(1)?;
            let last: Option<i32> = r.get(2)?;
            let size: i64 = r.get(3)?;
            Ok(Candidate {
                story,
                centroid: decode_vector(&blob),
                days: first.zip(last),
                size: u32::try_from(size).unwrap_or(u32::MAX),
            })
        })
        .optional()
}

/// Writes a story's centroid, dates and index terms, adding `members` to its size;
/// `previous` is the centroid its index terms were last written from.
fn save_story(
    tx: &Transaction<'_>,
    story: &Candidate,
    previous: Option<&[(u64, f32)]>,
    members: i64,
    terms: &mut tiered::Changes,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "UPDATE stories SET size = size + ?1, first_day = ?2, last_day = ?3, centroid = ?4 WHERE id = ?5",
    )?
    .execute(params![
        members,
        story.days.map(|d| d.0),
        story.days.map(|d| d.1),
        encode_vector(&story.centroid),
        story.story
    ])?;
    let new = index_terms(&story.centroid);
    let old = previous.map(index_terms).unwrap_or_default();
    // Only the terms that left or entered the story's heaviest are written: a story's top
    // terms change rarely once it has a few members.
    for term in old.difference(&new) {
        TERM_INDEX.delete(tx, *term as i64, story.story, terms)?;
    }
    for term in new.difference(&old) {
        TERM_INDEX.insert(tx, *term as i64, story.story, terms)?;
    }
    Ok(())
}

/// The terms a story is indexed by: its centroid's heaviest.
fn index_terms(centroid: &[(u64, f32)]) -> BTreeSet<u64> {
    let mut by_weight = centroid.to_vec();
    by_weight.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    by_weight.into_iter().take(STORY_INDEX_TERMS).map(|(t, _)| t).collect()
}

/// A vector as bytes: for each term, its key (8 bytes) and weight (4), little-endian.
pub(crate) fn encode_vector(v: &[(u64, f32)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(v.len() * 12);
    for (t, w) in v {
        out.extend_from_slice(&t.to_le_bytes());
        out.extend_from_slice(&w.to_le_bytes());
    }
    out
}

pub(crate) fn decode_vector(bytes: &[u8]) -> Vec<(u64, f32)> {
    bytes
        .chunks_exact(12)
        .map(|c| {
            let mut t = [0u8; 8];
            let mut w = [0u8; 4];
            t.copy_from_slice(&c[..8]);
            w.copy_from_slice(&c[8..]);
            (u64::from_le_bytes(t), f32::from_le_bytes(w))
        })
        .collect()
}

/// Document frequencies of the batch's terms: the store's, plus the batch's own. (Hash maps:
/// the writer looks up every term of every article; the keys are hashes already.)
struct DocFreq {
    articles: u64,
    before: FxHashMap<u64, u64>,
    added: FxHashMap<u64, u64>,
    new_articles: u64,
}

impl DocFreq {
    fn load(tx: &Transaction<'_>, batch: &[Prepared]) -> rusqlite::Result<DocFreq> {
        let articles = counter(tx, "articles")?;
        let terms: BTreeSet<u64> = batch
            .iter()
            .flat_map(|p| &p.articles)
            .flat_map(|a| a.profile.terms.iter().map(|(t, _)| *t))
            .collect();
        let mut before = FxHashMap::default();
        let mut get = tx.prepare_cached("SELECT df FROM term_df WHERE term = ?1")?;
        for t in terms {
            if let Some(df) = get.query_row([t as i64], |r| r.get::<_, i64>(0)).optional()? {
                before.insert(t, df as u64);
            }
        }
        Ok(DocFreq { articles: articles as u64, before, added: FxHashMap::default(), new_articles: 0 })
    }

    fn count(&mut self, profile: &stories::Profile) {
        self.new_articles += 1;
        for (t, _) in &profile.terms {
            *self.added.entry(*t).or_default() += 1;
        }
    }

    fn save(&self, tx: &Transaction<'_>) -> rusqlite::Result<()> {
        let mut upsert = tx.prepare_cached(
            "INSERT INTO term_df (term, df) VALUES (?1, ?2) ON CONFLICT(term) DO UPDATE SET df = df + ?2",
        )?;
        let mut added: Vec<(u64, u64)> = self.added.iter().map(|(t, n)| (*t, *n)).collect();
        added.sort_unstable();
        for (t, n) in added {
            upsert.execute(params![t as i64, n as i64])?;
        }
        add_to_counter(tx, "articles", self.new_articles as i64)?;
        Ok(())
    }
}

impl Idf for DocFreq {
    fn articles(&self) -> u64 {
        self.articles + self.new_articles
    }

    fn df(&self, term: u64) -> u64 {
        self.before.get(&term).copied().unwrap_or(0) + self.added.get(&term).copied().unwrap_or(0)
    }
}
