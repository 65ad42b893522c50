//! Reading the store: the stories with their members, a story's documents, and counts.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use parallax_engine::pipeline::StoryCard;
use parallax_engine::stories;
use parallax_model::{DocId, DocMeta, RawDoc};
use rayon::prelude::*;
use rusqlite::{OptionalExtension, params};
use serde_json::json;

use crate::ingest::{decode_vector, format_of, unpack};
use crate::schema::counter;
use crate::{Store, StoreError};

/// The columns of a stored document that [`raw_doc`] reads, in its order, from `documents d`.
pub(crate) const DOC_COLUMNS: &str =
    "d.input_id, d.explicit_id, d.path, d.format, d.source, d.title, d.published, d.url, d.packed_text, d.id";

/// The document of a row that holds [`DOC_COLUMNS`] from column `at`, as it was given to ingest (its id
/// as the input named it, else numbered by its row).
pub(crate) fn raw_doc(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<RawDoc> {
    let input_id: String = r.get(at)?;
    let published: Option<String> = r.get(at + 6)?;
    let url: Option<String> = r.get(at + 7)?;
    Ok(RawDoc {
        id: DocId::new(&input_id)
            .unwrap_or_else(|| DocId::numbered(r.get::<_, i64>(at + 9).unwrap_or(0) as u64)),
        path: r.get(at + 2)?,
        format: format_of(r.get(at + 3)?),
        text: unpack(&r.get::<_, Vec<u8>>(at + 8)?).ok_or_else(|| {
            let damaged = std::io::Error::new(std::io::ErrorKind::InvalidData, "a damaged compressed text");
            rusqlite::Error::FromSqlConversionFailure(at + 8, rusqlite::types::Type::Blob, Box::new(damaged))
        })?,
        meta: DocMeta {
            source: r.get(at + 4)?,
            title: r.get(at + 5)?,
            published: published.and_then(|p| p.parse().ok()),
            url: url.and_then(|u| u.parse().ok()),
        },
    })
}

/// Stored documents of several articles read by the pipeline's first stages, by number, for
/// one list of stories (the other stories holding their articles take them from here).
#[derive(Default)]
struct ReadDocuments(HashMap<i64, Vec<parallax_engine::pipeline::ReadArticle>>);

/// One document of a story and which of its articles the story holds ([`Store::story_parts`]).
struct StoryPart {
    /// Its number in the store.
    number: i64,
    /// The document as it was given to ingest.
    doc: RawDoc,
    /// Whether the input gave its id.
    explicit: bool,
    /// The places of the story's articles in it, in order: 1 for the page's first article,
    /// `n` for the `n`-th (`DocId::segment`).
    places: Vec<usize>,
}

/// What a story's briefing is made from ([`Store::story_to_brief`]): its documents, ids made
/// unique, and for each the places of the story's articles in it (1 for a page's first
/// article, `n` for the `n`-th, as extraction numbers them): what
/// `parallax_engine::pipeline::brief_articles` takes.
#[derive(Clone, Debug)]
pub struct StoryToBrief {
    /// The documents.
    pub docs: Vec<RawDoc>,
    /// Per document, the places of the story's articles in it.
    pub places: Vec<Vec<usize>>,
}

/// Where an article stands in its document, from its id: the page's own id for the first,
/// `ID#n` for the `n`-th.
fn article_place(input_id: &str, article_id: &str) -> usize {
    let suffix = article_id.strip_prefix(input_id).and_then(|rest| rest.strip_prefix('#'));
    suffix.and_then(|n| n.parse().ok()).filter(|&n| n >= 1).unwrap_or(1)
}

/// A stored article as lists show it ([`Store::story_articles`], a search's hits).
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleRow {
    /// Its number in the store.
    pub article: i64,
    /// The stored document it is part of.
    pub document: i64,
    /// Its id, as the input named it.
    pub id: String,
    pub title: Option<String>,
    pub source: String,
    /// Its publication date (YYYY-MM-DD), when known.
    pub published: Option<String>,
    pub url: Option<String>,
    /// The story it belongs to.
    pub story: i64,
}

/// The columns of a stored article that [`article_row`] reads, in its order, from
/// `articles a` joined with `documents d`.
pub(crate) const ARTICLE_COLUMNS: &str =
    "a.id, a.document, a.article_id, a.title, a.source, a.published, d.url, a.story";
/// How many columns [`ARTICLE_COLUMNS`] is.
pub(crate) const ARTICLE_WIDTH: usize = 8;

/// The article of a row that starts with [`ARTICLE_COLUMNS`].
pub(crate) fn article_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ArticleRow> {
    Ok(ArticleRow {
        article: r.get(0)?,
        document: r.get(1)?,
        id: r.get(2)?,
        title: r.get(3)?,
        source: r.get(4)?,
        published: r.get(5)?,
        url: r.get(6)?,
        story: r.get(7)?,
    })
}

/// A stored document ([`Store::document`]).
#[derive(Clone, Debug, PartialEq)]
pub struct StoredDocument {
    /// The document as it was given to ingest.
    pub doc: RawDoc,
    /// Each of its articles' ids, with the story the article belongs to.
    pub stories: Vec<(String, i64)>,
}

/// One story as `parallax stories` lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryRow {
    /// The story's id (stable while the story lives; a merged story's id is retired).
    pub id: i64,
    /// Its headline, independent origins and divergences, as its briefing heads and counts
    /// them (`pipeline::story_card`).
    pub card: StoryCard,
    /// Its articles.
    pub size: usize,
    /// The outlets that published them (`pipeline::outlets` of their outlet names).
    pub outlets: usize,
    /// Whether its card is its briefing's: false only in a
    /// long-running reader's row of a story of more than [`CARD_AT_ONCE`] articles none of
    /// whose versions has been carded yet (see [`KeptRows`]); it is then headed by its first
    /// title that may head a story, and its origins and divergences are not known (0 here,
    /// `null` in its JSON).
    pub carded: bool,
    /// The earliest and latest date among its members (publication date, else the day it was
    /// ingested), as YYYY-MM-DD.
    pub first_seen: String,
    /// See `first_seen`.
    pub last_seen: String,
    /// Its members' ids, as the inputs gave them (or as they were made), in ingest order.
    pub documents: Vec<String>,
    /// Stories of the same list that are related to it (a follow-up, another part of the
    /// event told in other words), closest first: `parallax_engine::stories::related`.
    pub related: Vec<i64>,
}

impl StoryRow {
    /// As JSON.
    pub fn to_json(&self) -> serde_json::Value {
        let mut row = json!({
            "id": self.id,
            "headline": self.card.headline,
            "size": self.size,
            "origins": self.carded.then_some(self.card.origins),
            "outlets": self.outlets,
            "divergences": self.carded.then_some(self.card.divergences),
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "documents": self.documents,
            "related": self.related,
        });
        if !self.carded {
            row["carded"] = false.into();
        }
        row
    }
}

/// Counts of what the store holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StoryStats {
    pub documents: u64,
    pub articles: u64,
    pub stories: u64,
    /// The database file's size (pages × page size), without the WAL.
    pub bytes: u64,
}

/// Rows of stories as made at a version of each (`Store::story_version`: its article count
/// and newest article), kept between lists by a long-running reader
/// ([`Store::stories_page_kept`]). At most [`KEPT_ROWS`]; past it, all are forgotten.
///
/// A story's card (headline, origins, divergences) is its briefing's, made from all its
/// articles read again: a story of hundreds of articles costs about a second each time it
/// grows, and the first list of a store of a million documents heads its largest stories. So
/// that readers and event streams never wait for that, a story of more than [`CARD_AT_ONCE`]
/// articles whose row is not kept at its version is listed at once with its members, size,
/// outlets and dates and the card of its kept row (or none, `StoryRow::carded`, when none is
/// kept), and marked stale; [`Store::refresh_kept`] (the server runs it in the background)
/// makes its card.
#[derive(Debug, Default)]
pub struct KeptRows {
    rows: std::sync::Mutex<HashMap<i64, (Version, StoryRow)>>,
    /// Stories listed with the card of an earlier version (or none), to be made again, each
    /// with the version it was listed at (a card made for an older one does not clear the
    /// mark) and when it was last listed: what readers look at now is made first.
    stale: std::sync::Mutex<Stale>,
    /// How many cards [`Store::refresh_kept`] has made again: a list made from kept rows is
    /// current while this and the store's change log stand still.
    refreshed: std::sync::atomic::AtomicU64,
}

/// A story's version: its article count and newest article (`Store::story_version`).
type Version = (i64, i64);

/// The stories [`KeptRows`] marked stale: each with the version it was listed at and when it
/// was last listed (a count of marks; 0 for one put back after a round that could not make
/// it).
#[derive(Debug, Default)]
struct Stale {
    marks: HashMap<i64, (Version, u64)>,
    listed: u64,
}

impl Stale {
    fn mark(&mut self, story: i64, version: Version, at: u64) {
        if self.marks.len() >= KEPT_ROWS && !self.marks.contains_key(&story) {
            return;
        }
        let mark = self.marks.entry(story).or_insert((version, at));
        mark.0 = mark.0.max(version);
        mark.1 = mark.1.max(at);
    }
}

/// The first title of `members` that may head a story (`claims::can_head`).
fn first_title(members: &[Member]) -> Option<&str> {
    members.iter().filter_map(|m| m.title.as_deref()).find(|t| parallax_engine::claims::can_head(t))
}

/// When a story marked stale was listed ([`KeptRows::mark_stale`]).
#[derive(Clone, Copy, Debug)]
enum Listed {
    /// By the read marking it.
    Now,
    /// Before a round of [`Store::refresh_kept`] that could not make its card.
    Before,
}

/// Which changed stories a read of kept rows gives with the card of an earlier version.
#[derive(Clone, Copy, Debug)]
enum Cards {
    /// Those of more articles than this (a list's), with no card when none is kept.
    KeptAbove(i64),
    /// Those of more than [`CARD_AT_ONCE`] articles, and every one once this instant has
    /// passed, with no card when none is kept (an event stream's: it tells of every story a
    /// batch touched, and may spend only so long on their cards).
    Until(std::time::Instant),
}

/// Story rows [`KeptRows`] holds at most.
pub const KEPT_ROWS: usize = 20_000;

/// The most articles a changed story may have for its card to be made again before it is
/// listed (about 1.3 ms an article on this machine's cores; see [`KeptRows`]).
pub const CARD_AT_ONCE: i64 = 8;

impl KeptRows {
    fn get(&self, story: i64, version: Version) -> Option<StoryRow> {
        let rows = self.rows.lock().ok()?;
        rows.get(&story).filter(|(v, _)| *v == version).map(|(_, row)| row.clone())
    }

    /// The card of the row kept for `story`, whatever its version.
    fn card(&self, story: i64) -> Option<StoryCard> {
        let rows = self.rows.lock().ok()?;
        rows.get(&story).map(|(_, row)| row.card.clone())
    }

    fn put(&self, story: i64, version: Version, row: &StoryRow) {
        if let Ok(mut rows) = self.rows.lock() {
            if rows.len() >= KEPT_ROWS {
                rows.clear();
            }
            rows.insert(story, (version, StoryRow { related: Vec::new(), ..row.clone() }));
        }
        if let Ok(mut stale) = self.stale.lock()
            && stale.marks.get(&story).is_some_and(|&(marked, _)| marked <= version)
        {
            stale.marks.remove(&story);
        }
    }

    /// Marks `story` stale at `version`: listed now, made before the stories listed earlier;
    /// or put back after a round that could not make its card, made after the stories listed
    /// meanwhile.
    fn mark_stale(&self, story: i64, version: Version, when: Listed) {
        if let Ok(mut stale) = self.stale.lock() {
            let at = match when {
                Listed::Now => {
                    stale.listed += 1;
                    stale.listed
                }
                Listed::Before => 0,
            };
            stale.mark(story, version, at);
        }
    }

    /// Forgets every row (the store they were read from is gone).
    pub fn clear(&self) {
        if let Ok(mut rows) = self.rows.lock() {
            rows.clear();
        }
        if let Ok(mut stale) = self.stale.lock() {
            stale.marks.clear();
        }
    }

    /// Whether some story was listed with the card of an earlier version.
    pub fn has_stale(&self) -> bool {
        self.stale.lock().is_ok_and(|s| !s.marks.is_empty())
    }

    /// How many cards [`Store::refresh_kept`] has made again so far.
    pub fn refreshed(&self) -> u64 {
        self.refreshed.load(std::sync::atomic::Ordering::Acquire)
    }

    /// The stale story made again next: the one listed last, with the version it was listed
    /// at.
    fn next_stale(&self) -> Option<(i64, Version)> {
        let mut stale = self.stale.lock().ok()?;
        let (&story, &(version, _)) = stale.marks.iter().max_by_key(|&(&id, &(_, at))| (at, id))?;
        stale.marks.remove(&story);
        Some((story, version))
    }
}

/// The sort day of a story none of whose articles is dated: after every dated one. The index
/// `stories_by_place` (migration 6) spells it out: change both together (a test checks that
/// the list is read from the index).
const UNDATED: i64 = i32::MIN as i64;

/// A place in the list of stories (`Store::stories_page`): the sort key of the story listed
/// just before it. As text it is opaque to readers: `day.size.id`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cursor {
    /// The story's latest publication day (days since 1970-01-01; `i32::MIN` when undated).
    day: i64,
    size: i64,
    id: i64,
}

impl Cursor {
    /// The cursor written as `text` ([`Cursor`]'s `Display`), or `None` when it is not one.
    pub fn parse(text: &str) -> Option<Cursor> {
        let mut parts = text.split('.').map(|p| p.parse::<i64>().ok());
        let (Some(Some(day)), Some(Some(size)), Some(Some(id)), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return None;
        };
        (size > 0 && id > 0).then_some(Cursor { day, size, id })
    }
}

impl std::fmt::Display for Cursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}.{}", self.day, self.size, self.id)
    }
}

/// Which stories a list holds (`Store::stories_page`).
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StoryFilter {
    /// Only stories of at least this many articles.
    pub min_size: usize,
    /// Only stories whose latest dated article was published on this day or later: a story
    /// none of whose articles is dated is left out.
    pub since: Option<jiff::civil::Date>,
    /// Only stories with an article that holds every word and phrase of this search (as
    /// `Store::search` reads it).
    pub search: Option<String>,
    /// Only the stories after this place in the list.
    pub after: Option<Cursor>,
}

/// A page of the list of stories.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoryPage {
    /// The stories, in the list's order, each with the place just after it.
    pub rows: Vec<(StoryRow, Cursor)>,
    /// Where the next page starts, when the list may go on.
    pub next: Option<Cursor>,
}

impl Store {
    /// Every story, latest activity first (then larger first, then by id).
    pub fn stories(&self) -> Result<Vec<StoryRow>, StoreError> {
        self.latest_stories(1, None)
    }

    /// The `limit` stories (all when `None`) of at least `min_size` articles that were active
    /// last (by their latest dated member), then larger first, then by id; each with its
    /// members read through the story index, so a short list from a large store is quick.
    pub fn latest_stories(&self, min_size: usize, limit: Option<usize>) -> Result<Vec<StoryRow>, StoreError> {
        let filter = StoryFilter { min_size, ..StoryFilter::default() };
        Ok(self.stories_page(&filter, limit)?.rows.into_iter().map(|(row, _)| row).collect())
    }

    /// The stories `filter` keeps, in the order of [`Store::latest_stories`], `limit` of them
    /// (all when `None`), with the place where the next page starts when there may be more.
    /// A place stays valid as stories grow: a story that changed between two pages may move,
    /// the others are listed once each.
    pub fn stories_page(&self, filter: &StoryFilter, limit: Option<usize>) -> Result<StoryPage, StoreError> {
        self.stories_page_kept(filter, limit, None)
    }

    /// [`Store::stories_page`], with the rows of stories that have not changed since `kept`
    /// made them taken from it (a long-running reader such as the server makes a list again
    /// after every write, and most of its stories did not change).
    pub fn stories_page_kept(
        &self,
        filter: &StoryFilter,
        limit: Option<usize>,
        kept: Option<&KeptRows>,
    ) -> Result<StoryPage, StoreError> {
        let fail = |e: rusqlite::Error| StoreError::from_sqlite(&self.path, &e);
        let search = match filter.search.as_deref().map(crate::search::query) {
            None => None,
            Some(Ok(Some(fts))) => Some(fts),
            // A search with no word, or too long, matches nothing.
            Some(_) => return Ok(StoryPage::default()),
        };
        let after = filter.after.unwrap_or(Cursor { day: i64::MAX, size: i64::MAX, id: 0 });
        let mut chosen = self.conn.prepare_cached(&page_query()).map_err(fail)?;
        // One more than asked, to know whether the list goes on.
        let read = limit.map_or(-1, |l| l.saturating_add(1) as i64);
        let mut picked: Vec<(i64, Vec<u8>)> = Vec::new();
        let mut places: Vec<Cursor> = Vec::new();
        let rows = chosen
            .query_map(
                params![
                    filter.min_size as i64,
                    filter.since.map(stories::day_number),
                    after.day,
                    after.size,
                    after.id,
                    search,
                    read
                ],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, Vec<u8>>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, i64>(3)?,
                    ))
                },
            )
            .map_err(fail)?;
        for row in rows {
            let (id, centroid, day, size) = row.map_err(fail)?;
            picked.push((id, centroid));
            places.push(Cursor { day, size, id });
        }
        let more = limit.is_some_and(|l| picked.len() > l);
        if let Some(l) = limit {
            picked.truncate(l);
            places.truncate(l);
        }
        let next = if more { places.last().copied() } else { None };
        let place_of: BTreeMap<i64, Cursor> = places.into_iter().map(|c| (c.id, c)).collect();
        let rows = self.rows(picked, kept, Cards::KeptAbove(CARD_AT_ONCE))?;
        Ok(StoryPage {
            rows: rows.into_iter().filter_map(|r| place_of.get(&r.id).map(|&c| (r, c))).collect(),
            next,
        })
    }

    /// The stories of the articles of the stored document whose content has `hash`
    /// ([`crate::content_hash`]), in order; none when no such document is stored (or it holds
    /// no article).
    pub fn stories_of_content(&self, hash: &[u8; 16]) -> Result<Vec<i64>, StoreError> {
        let fail = |e: rusqlite::Error| StoreError::from_sqlite(&self.path, &e);
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT DISTINCT a.story FROM documents d JOIN articles a ON a.document = d.id
                 WHERE d.hash = ?1 ORDER BY a.story",
            )
            .map_err(fail)?;
        let rows = stmt.query_map([&hash[..]], |r| r.get(0)).map_err(fail)?;
        rows.collect::<Result<_, _>>().map_err(fail)
    }

    /// Story `id` as [`Store::latest_stories`] lists it (with no related stories: those are
    /// found within a list), or `None` when there is no such story.
    pub fn story(&self, id: i64) -> Result<Option<StoryRow>, StoreError> {
        self.rows(self.picked(id)?, None, Cards::KeptAbove(0)).map(|mut rows| rows.pop())
    }

    /// [`Store::story`], its row taken from `kept` or kept there as a list's are
    /// ([`Store::stories_page_kept`]); a story of more than [`CARD_AT_ONCE`] articles that
    /// changed since its row was kept, or any once `until` has passed, is given with the kept
    /// card, and with none (`StoryRow::carded`) when none of its versions was carded yet: an
    /// event stream tells of every story a batch touched, and must not wait for their cards
    /// (see [`KeptRows`]).
    pub fn story_kept(
        &self,
        id: i64,
        kept: Option<&KeptRows>,
        until: std::time::Instant,
    ) -> Result<Option<StoryRow>, StoreError> {
        Ok(self.rows(self.picked(id)?, kept, Cards::Until(until))?.pop())
    }

    /// Story `id`'s id and centroid, as [`Store::rows`] takes them; none when there is no
    /// such story.
    fn picked(&self, id: i64) -> Result<Vec<(i64, Vec<u8>)>, StoreError> {
        let fail = |e: rusqlite::Error| StoreError::from_sqlite(&self.path, &e);
        self.conn
            .prepare_cached("SELECT id, centroid FROM stories WHERE id = ?1")
            .map_err(fail)?
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(fail)?
            .collect::<Result<_, _>>()
            .map_err(fail)
    }

    /// Makes again the cards of the stories `kept` listed stale (the last listed first), starting
    /// no new one once `budget` has passed; the rows made. Each story's version and row are
    /// read in one snapshot. A story merged away meanwhile is dropped; one that grew since is
    /// kept at the version read, and the next read that lists it marks it stale again. A story
    /// that could not be read is put back, after the others.
    pub fn refresh_kept(
        &self,
        kept: &KeptRows,
        budget: std::time::Duration,
    ) -> Result<Vec<StoryRow>, StoreError> {
        let start = std::time::Instant::now();
        let mut made = Vec::new();
        let mut result = Ok(());
        while start.elapsed() < budget {
            let Some((story, marked)) = kept.next_stale() else { break };
            // The version and the row from one snapshot: a batch written meanwhile is the
            // next list's to mark.
            let read = (|| {
                let _snapshot =
                    self.conn.unchecked_transaction().map_err(|e| StoreError::from_sqlite(&self.path, &e))?;
                let Some(version) = self.story_version(story)? else { return Ok(None) };
                Ok(self.story(story)?.map(|row| (version, row)))
            })();
            match read {
                Ok(None) => {}
                Ok(Some((version, row))) => {
                    kept.put(story, version, &row);
                    kept.refreshed.fetch_add(1, std::sync::atomic::Ordering::Release);
                    made.push(row);
                }
                Err(e) => {
                    kept.mark_stale(story, marked, Listed::Before);
                    result = Err(e);
                    break;
                }
            }
        }
        result.map(|()| made)
    }

    /// The rows of the stories `picked` (id and centroid), with their members, headlines,
    /// origins and the related stories among them; in the order picked. A story whose version
    /// (`story_version`) is the one `kept` holds a row for is not read again; one of as many
    /// articles `cards` says takes the card of the row `kept` holds for an older version (or,
    /// for [`Cards::Until`], none when it holds none), and is marked stale (see [`KeptRows`]).
    fn rows(
        &self,
        picked: Vec<(i64, Vec<u8>)>,
        kept: Option<&KeptRows>,
        cards: Cards,
    ) -> Result<Vec<StoryRow>, StoreError> {
        let fail = |e: rusqlite::Error| StoreError::from_sqlite(&self.path, &e);
        let mut members_of = self
            .conn
            .prepare(
                "SELECT a.id, a.article_id, a.title, coalesce(a.published, substr(d.ingested_at, 1, 10)), a.source
                 FROM articles a JOIN documents d ON d.id = a.document WHERE a.story = ?1 ORDER BY a.id",
            )
            .map_err(fail)?;
        // Documents read for the stories' cards, once each for the whole list.
        let mut read = ReadDocuments::default();
        let mut out = Vec::with_capacity(picked.len());
        let mut centroids: Vec<Vec<(u64, f32)>> = Vec::with_capacity(picked.len());
        for (story, blob) in picked {
            let version = match kept {
                Some(_) => self.story_version(story)?,
                None => None,
            };
            if let Some(row) = kept.zip(version).and_then(|(k, v)| k.get(story, v)) {
                centroids.push(decode_vector(&blob));
                out.push(row);
                continue;
            }
            // A large story that changed is listed with its kept card, made again later.
            let stale: Option<(&KeptRows, Option<StoryCard>)> = match (kept, version, cards) {
                (Some(k), Some(v), Cards::KeptAbove(n)) if v.0 > n => Some((k, k.card(story))),
                (Some(k), Some(v), Cards::Until(t))
                    if v.0 > CARD_AT_ONCE || std::time::Instant::now() >= t =>
                {
                    Some((k, k.card(story)))
                }
                _ => None,
            };
            let list: Vec<Member> = members_of
                .query_map([story], |r| {
                    Ok(Member { id: r.get(1)?, title: r.get(2)?, day: r.get(3)?, source: r.get(4)? })
                })
                .map_err(fail)?
                .collect::<Result<_, _>>()
                .map_err(fail)?;
            if list.is_empty() {
                continue;
            }
            centroids.push(decode_vector(&blob));
            let fresh = stale.is_none();
            let carded = !matches!(stale, Some((_, None)));
            let card = match stale {
                Some((k, card)) => {
                    if let Some(v) = version {
                        k.mark_stale(story, v, Listed::Now);
                    }
                    // Never carded: headed by its first title that may head a story.
                    card.unwrap_or_else(|| StoryCard {
                        headline: first_title(&list).map(str::to_string),
                        ..StoryCard::default()
                    })
                }
                None => self.story_card(story, &list, &mut read),
            };
            let days: BTreeSet<&str> = list.iter().map(|m| m.day.as_str()).collect();
            out.push(StoryRow {
                id: story,
                card,
                size: list.len(),
                carded,
                outlets: parallax_engine::pipeline::outlets(list.iter().map(|m| m.source.as_str())),
                first_seen: days.first().map(|d| d.to_string()).unwrap_or_default(),
                last_seen: days.last().map(|d| d.to_string()).unwrap_or_default(),
                documents: list.iter().map(|m| m.id.clone()).collect(),
                related: Vec::new(),
            });
            if let (Some(k), Some(v), Some(row), true) = (kept, version, out.last(), fresh) {
                k.put(story, v, row);
            }
        }
        let sides: Vec<(&[(u64, f32)], u32)> =
            centroids.iter().zip(&out).map(|(c, r)| (c.as_slice(), r.size as u32)).collect();
        let related = stories::related(&sides, stories::Config::default().related);
        let ids: Vec<i64> = out.iter().map(|r| r.id).collect();
        for (row, found) in out.iter_mut().zip(related) {
            row.related = found.into_iter().map(|i| ids[i]).collect();
        }
        Ok(out)
    }

    /// The card of story `id` of the articles `members`: its independent origins, its headline
    /// and its divergences, as its briefing counts and heads them (`pipeline::story_card`, from its
    /// articles read again; `read` keeps each document of several articles read for the other
    /// stories of the list): one definition for the list and the briefing. A story of one
    /// article is one origin with no divergence (sources disagree across origins only), headed
    /// by its title when a title may head a story (`claims::can_head`), and is not read again;
    /// one without such a title is read again for its lead (`claims::headline`).
    /// A story whose documents cannot be read again (a damaged row) counts each article as its
    /// own origin, the most it can have, no divergence, and is headed by its first titled
    /// article, so that one bad row does not fail a whole list; its briefing reports the damage.
    fn story_card(&self, id: i64, members: &[Member], read: &mut ReadDocuments) -> StoryCard {
        let unread = || StoryCard {
            origins: members.len(),
            headline: first_title(members).map(str::to_string),
            divergences: 0,
        };
        if members.len() <= 1 && first_title(members).is_some() {
            return unread();
        }
        let Ok(Some(parts)) = self.story_parts(id) else { return unread() };
        let config = parallax_engine::pipeline::Config {
            extract: parallax_engine::extract::Config::default().admitted(),
            ..parallax_engine::pipeline::Config::default()
        };
        // Its documents not read yet, read on every core (the larger share of a card's cost).
        let unread: Vec<&StoryPart> = parts.iter().filter(|p| !read.0.contains_key(&p.number)).collect();
        let made: Vec<(i64, Vec<parallax_engine::pipeline::ReadArticle>)> = unread
            .par_iter()
            .map(|p| (p.number, parallax_engine::pipeline::read_articles(&p.doc, &config)))
            .collect();
        read.0.extend(made);
        let pairs: Vec<(&[_], &[usize])> = parts
            .iter()
            .map(|p| (read.0.get(&p.number).map_or(&[][..], Vec::as_slice), &p.places[..]))
            .collect();
        let card = parallax_engine::pipeline::story_card(&pairs, &config);
        // A document of one article lies in this story only; one of several (a live page's
        // entries) is kept for the other stories of the list.
        for part in &parts {
            if read.0.get(&part.number).is_some_and(|a| a.len() <= 1) {
                read.0.remove(&part.number);
            }
        }
        card
    }

    /// The documents of story `id` as they were given to ingest, with the ids its briefing
    /// gives them (see [`Store::story_to_brief`]), or `None` when there is no such story.
    pub fn story_documents(&self, id: i64) -> Result<Option<Vec<RawDoc>>, StoreError> {
        Ok(self.story_to_brief(id)?.map(|s| s.docs))
    }

    /// What to brief for story `id` (see [`StoryToBrief`]), or `None` when there is no such
    /// story. A page of several articles (a live page's entries, a roundup) may have them in
    /// several stories: a story's briefing takes only its own.
    pub fn story_to_brief(&self, id: i64) -> Result<Option<StoryToBrief>, StoreError> {
        Ok(self.story_parts(id)?.map(|parts| {
            // Each stored document is its own content, so none is left out: one that the input
            // gave an id already taken (a record edited and ingested again) is given a new one
            // ("id-2"), as a made id is, and its places stay beside it.
            let mut given = BTreeSet::new();
            let (docs, places): (Vec<(RawDoc, bool)>, Vec<Vec<usize>>) = parts
                .into_iter()
                .map(|p| {
                    let explicit = p.explicit && given.insert(p.doc.id.clone());
                    ((p.doc, explicit), p.places)
                })
                .unzip();
            let docs = parallax_engine::ingest::assign_ids(docs).0;
            debug_assert_eq!(docs.len(), places.len(), "no stored document is left out");
            StoryToBrief { docs, places }
        }))
    }

    /// The documents of story `id`, in store order, each with the places of its articles that
    /// the story holds, or `None` when there is no such story.
    fn story_parts(&self, id: i64) -> Result<Option<Vec<StoryPart>>, StoreError> {
        let fail = |e: rusqlite::Error| StoreError::from_sqlite(&self.path, &e);
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT {DOC_COLUMNS}, a.article_id FROM articles a JOIN documents d ON d.id = a.document
                 WHERE a.story = ?1 ORDER BY d.id, a.id"
            ))
            .map_err(fail)?;
        let mut rows = stmt.query(params![id]).map_err(fail)?;
        let mut out: Vec<StoryPart> = Vec::new();
        while let Some(r) = rows.next().map_err(fail)? {
            let number: i64 = r.get(9).map_err(fail)?;
            let article: String = r.get(10).map_err(fail)?;
            if out.last().is_none_or(|p| p.number != number) {
                let doc = raw_doc(r, 0).map_err(fail)?;
                let explicit: bool = r.get(1).map_err(fail)?;
                out.push(StoryPart { number, doc, explicit, places: Vec::new() });
            }
            let Some(part) = out.last_mut() else { continue };
            let input_id: String = r.get(0).map_err(fail)?;
            part.places.push(article_place(&input_id, &article));
        }
        Ok(if out.is_empty() { None } else { Some(out) })
    }

    /// Stored document `number` as it was given to ingest, with the story of each of its
    /// articles, or `None` when there is no such document.
    pub fn document(&self, number: i64) -> Result<Option<StoredDocument>, StoreError> {
        let fail = |e: rusqlite::Error| StoreError::from_sqlite(&self.path, &e);
        let doc = self
            .conn
            .prepare_cached(&format!("SELECT {DOC_COLUMNS} FROM documents d WHERE d.id = ?1"))
            .and_then(|mut stmt| stmt.query_row([number], |r| raw_doc(r, 0)).optional())
            .map_err(fail)?;
        let Some(doc) = doc else { return Ok(None) };
        let stories = self
            .conn
            .prepare_cached("SELECT article_id, story FROM articles WHERE document = ?1 ORDER BY id")
            .and_then(|mut stmt| {
                stmt.query_map([number], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<Vec<_>, _>>()
            })
            .map_err(fail)?;
        Ok(Some(StoredDocument { doc, stories }))
    }

    /// The articles of story `id`, newest first (undated last, then in ingest order), as the
    /// articles table keeps them.
    pub fn story_articles(&self, id: i64) -> Result<Vec<ArticleRow>, StoreError> {
        let fail = |e: rusqlite::Error| StoreError::from_sqlite(&self.path, &e);
        self.conn
            .prepare_cached(&format!(
                "SELECT {ARTICLE_COLUMNS} FROM articles a JOIN documents d ON d.id = a.document
                 WHERE a.story = ?1 ORDER BY a.published IS NULL, a.published DESC, a.id"
            ))
            .and_then(|mut stmt| stmt.query_map([id], article_row)?.collect())
            .map_err(fail)
    }

    /// What the store holds.
    pub fn stats(&self) -> Result<StoryStats, StoreError> {
        let fail = |e: rusqlite::Error| StoreError::from_sqlite(&self.path, &e);
        let count = |name: &str| counter(&self.conn, name).map(|n| n as u64).map_err(fail);
        let bytes: i64 = self
            .conn
            .query_row(
                "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
                [],
                |r| r.get(0),
            )
            .map_err(fail)?;
        Ok(StoryStats {
            documents: count("documents")?,
            articles: count("articles")?,
            stories: count("stories")?,
            bytes: bytes as u64,
        })
    }
}

/// A story's member article.
struct Member {
    id: String,
    title: Option<String>,
    day: String,
    /// Its outlet's name.
    source: String,
}

/// One change to the stories, as the change log keeps it (written by each ingest batch).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Its place in the log: increasing, never reused.
    pub seq: i64,
    /// The story changed (for a merge, the one kept).
    pub story: i64,
    /// `created`, `updated` or `merged`.
    pub kind: String,
    /// For a merge, the story merged into `story` (its id is retired).
    pub other: Option<i64>,
    /// When the batch was committed (RFC 3339).
    pub at: String,
}

impl Store {
    /// The changes after `seq`, oldest first, at most `limit`.
    pub fn changes_since(&self, seq: i64, limit: usize) -> Result<Vec<Change>, StoreError> {
        let fail = |e: rusqlite::Error| StoreError::from_sqlite(&self.path, &e);
        self.conn
            .prepare_cached(
                "SELECT seq, story, kind, other, at FROM changes WHERE seq > ?1 ORDER BY seq LIMIT ?2",
            )
            .map_err(fail)?
            .query_map(params![seq, limit as i64], |r| {
                Ok(Change {
                    seq: r.get(0)?,
                    story: r.get(1)?,
                    kind: r.get(2)?,
                    other: r.get(3)?,
                    at: r.get(4)?,
                })
            })
            .map_err(fail)?
            .collect::<Result<_, _>>()
            .map_err(fail)
    }

    /// The oldest change the log still holds (0 when it holds none): a reader whose last
    /// change is older than the one before it has missed some.
    pub fn first_change(&self) -> Result<i64, StoreError> {
        let fail = |e: rusqlite::Error| StoreError::from_sqlite(&self.path, &e);
        self.conn.query_row("SELECT coalesce(min(seq), 0) FROM changes", [], |r| r.get(0)).map_err(fail)
    }

    /// The last change's place in the log (0 when there is none).
    pub fn last_change(&self) -> Result<i64, StoreError> {
        let fail = |e: rusqlite::Error| StoreError::from_sqlite(&self.path, &e);
        self.conn.query_row("SELECT coalesce(max(seq), 0) FROM changes", [], |r| r.get(0)).map_err(fail)
    }
}

impl Store {
    /// A story's version: how many articles it holds and the newest of them, which changes
    /// whenever it gains one (stories only grow, until merged away); `None` when there is no
    /// such story. Cheap: read from the story index, not the documents.
    pub fn story_version(&self, id: i64) -> Result<Option<(i64, i64)>, StoreError> {
        let fail = |e: rusqlite::Error| StoreError::from_sqlite(&self.path, &e);
        let (count, newest): (i64, Option<i64>) = self
            .conn
            .prepare_cached("SELECT count(*), max(id) FROM articles WHERE story = ?1")
            .map_err(fail)?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(fail)?;
        Ok(newest.map(|n| (count, n)))
    }
}

/// The query of a page of stories ([`Store::stories_page`]): at least ?1 articles, a latest
/// day from ?2 on, after the place (?3, ?4, ?5), holding the search ?6, at most ?7, in the
/// list's order, read from the index `stories_by_place`.
fn page_query() -> String {
    format!(
        "SELECT id, centroid, coalesce(last_day, {UNDATED}) AS day, size FROM stories
         WHERE size >= ?1 AND (?2 IS NULL OR last_day >= ?2)
           AND (day < ?3 OR (day = ?3 AND size < ?4) OR (day = ?3 AND size = ?4 AND id > ?5))
           AND (?6 IS NULL OR id IN (SELECT a.story FROM search JOIN articles a ON a.id = search.rowid
                                     WHERE search MATCH ?6))
         ORDER BY day DESC, size DESC, id LIMIT ?7"
    )
}

#[cfg(test)]
mod tests {
    use crate::Store;

    /// A card made for an older version than a story was last listed at leaves it stale.
    #[test]
    fn a_card_made_for_an_older_version_does_not_clear_a_newer_mark() {
        let kept = super::KeptRows::default();
        let row = super::StoryRow {
            id: 7,
            card: super::StoryCard { origins: 3, ..super::StoryCard::default() },
            size: 10,
            outlets: 3,
            carded: true,
            first_seen: String::new(),
            last_seen: String::new(),
            documents: Vec::new(),
            related: Vec::new(),
        };
        kept.mark_stale(7, (11, 40), super::Listed::Now);
        kept.put(7, (10, 30), &row);
        assert!(kept.has_stale(), "listed at 11 articles, carded at 10");
        assert_eq!(kept.next_stale(), Some((7, (11, 40))));
        kept.mark_stale(7, (11, 40), super::Listed::Now);
        kept.put(7, (11, 40), &row);
        assert!(!kept.has_stale());
        // The story listed last is made first; one put back after its round, after the others.
        kept.mark_stale(3, (2, 5), super::Listed::Now);
        kept.mark_stale(9, (2, 6), super::Listed::Now);
        kept.mark_stale(3, (2, 5), super::Listed::Now);
        kept.mark_stale(12, (9, 9), super::Listed::Before);
        assert_eq!(kept.next_stale().map(|s| s.0), Some(3));
        assert_eq!(kept.next_stale().map(|s| s.0), Some(9));
        assert_eq!(kept.next_stale().map(|s| s.0), Some(12));
        kept.mark_stale(7, (12, 41), super::Listed::Now);
        kept.clear();
        assert!(!kept.has_stale() && kept.card(7).is_none(), "forgotten with its store");
    }

    #[test]
    fn an_articles_place_is_read_from_its_id() {
        assert_eq!(super::article_place("live-page", "live-page"), 1);
        assert_eq!(super::article_place("live-page", "live-page#3"), 3);
        assert_eq!(super::article_place("report#2", "report#2"), 1, "an id of its own with a mark");
        assert_eq!(super::article_place("report#2", "report#2#4"), 4);
        assert_eq!(super::article_place("page", "other#5"), 1, "another page's id is read as its first");
    }

    /// A page is read from the index in the list's order, never sorted out of every story.
    #[test]
    fn a_page_of_stories_is_read_from_its_index() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let store = Store::open(&dir.path().join("news.db")).expect("a store");
        let plan: Vec<String> = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {}", super::page_query()))
            .expect("the query")
            .query_map(rusqlite::params![1, None::<i64>, 0, 0, 0, None::<String>, 51], |r| {
                r.get::<_, String>(3)
            })
            .expect("the plan")
            .collect::<Result<_, _>>()
            .expect("the plan");
        assert!(plan.iter().any(|step| step.contains("USING INDEX stories_by_place")), "{plan:?}");
        assert!(!plan.iter().any(|step| step.contains("TEMP B-TREE")), "{plan:?}");
    }
}
