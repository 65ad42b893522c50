//! The store's promises: content-addressed ingest, order-independent batches, and clear
//! refusals of files it must not touch.

use parallax_model::{DocFormat, DocId, DocMeta, RawDoc};
use parallax_store::{Cursor, IngestConfig, Store, StoreError, StoryFilter};

fn doc(id: &str, text: &str) -> (RawDoc, bool) {
    let doc = RawDoc {
        id: DocId::new(id).expect("an id"),
        path: format!("{id}.txt"),
        format: DocFormat::Text,
        text: text.to_string(),
        meta: DocMeta { published: Some(jiff::civil::date(2026, 3, 4)), ..DocMeta::default() },
    };
    (doc, true)
}

fn config() -> IngestConfig {
    IngestConfig { now: "2026-03-04T12:00:00Z".to_string(), ..IngestConfig::default() }
}

/// Six reports: three of a ferry collision, three of a council vote, each in other words.
fn reports() -> Vec<(RawDoc, bool)> {
    vec![
        doc(
            "ferry-1",
            "Ferry and cargo ship collide off Halvik\nA passenger ferry and a cargo ship collided in thick fog off Halvik harbour on Tuesday, injuring fourteen passengers. The coastguard said the Nordlys ferry was carrying 212 people.",
        ),
        doc(
            "council-1",
            "Ostra council approves cycle lanes\nOstra city council voted on Tuesday to build protected cycle lanes across the Ostra bridge. Councillors approved the plan by nine votes to four after a long debate about parking.",
        ),
        doc(
            "ferry-2",
            "Fourteen hurt as ferry hits cargo ship in Halvik fog\nFourteen people were hurt when the Nordlys ferry struck a cargo ship in dense fog near Halvik harbour, the coastguard said. The ferry had 212 people on board.",
        ),
        doc(
            "council-2",
            "Cycle lanes for Ostra bridge win council vote\nThe Ostra council has approved protected cycle lanes on the Ostra bridge, with nine councillors for and four against. Opponents worried about parking on the bridge.",
        ),
        doc(
            "ferry-3",
            "Halvik collision: coastguard questions fog procedures\nThe coastguard is examining why the Nordlys ferry and the cargo ship were in the same lane in fog off Halvik. Fourteen passengers were injured in the collision.",
        ),
        doc(
            "council-3",
            "Parking fears as Ostra bridge gets cycle lanes\nOstra councillors voted nine to four for cycle lanes across the bridge. Shop owners near the Ostra bridge fear the loss of parking.",
        ),
    ]
}

/// A store in a temporary folder holding the six [`reports`], with its path.
fn with_reports() -> (tempfile::TempDir, std::path::PathBuf, Store) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("news.db");
    let mut store = Store::open(&path).expect("a store");
    store.ingest(reports(), &config()).expect("ingest the reports");
    (dir, path, store)
}

fn memberships(store: &Store) -> Vec<Vec<String>> {
    let mut groups: Vec<Vec<String>> = store
        .stories()
        .expect("stories")
        .into_iter()
        .map(|s| {
            let mut d = s.documents;
            d.sort();
            d
        })
        .collect();
    groups.sort();
    groups
}

#[test]
fn ingest_clusters_and_is_idempotent() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let mut store = Store::open(&dir.path().join("news.db")).expect("a store");
    let report = store.ingest(reports(), &config()).expect("ingest");
    assert_eq!((report.added, report.already), (6, 0));
    assert_eq!(
        memberships(&store),
        vec![vec!["council-1", "council-2", "council-3"], vec!["ferry-1", "ferry-2", "ferry-3"]]
    );
    let again = store.ingest(reports(), &config()).expect("ingest again");
    assert_eq!((again.added, again.already), (0, 6));
    assert_eq!(store.stats().expect("stats").documents, 6);
    store.integrity_check().expect("integrity");
    let story = &store.stories().expect("stories")[0];
    let docs = store.story_documents(story.id).expect("read").expect("a story");
    assert_eq!(docs.len(), 3);
    assert!(store.story_documents(999).expect("read").is_none());
}

#[test]
fn a_record_ingested_again_under_its_id_is_briefed_beside_the_first() {
    // A record edited and ingested again under the id the input gave it is new content: the
    // store keeps both in the story, and its briefing takes both, each with its own id and its
    // own articles' places.
    let (_dir, _, mut store) = with_reports();
    let (mut edited, _) = reports().swap_remove(0);
    edited.text.push_str(" The harbour reopened on Wednesday morning.");
    store.ingest(vec![(edited, true)], &config()).expect("ingest the edit");
    let story = store
        .stories()
        .expect("stories")
        .into_iter()
        .find(|s| s.documents.iter().any(|d| d == "ferry-1"))
        .expect("the ferry story");
    assert_eq!(story.size, 4, "{story:?}");
    let brief = store.story_to_brief(story.id).expect("read").expect("a story");
    let ids: Vec<&str> = brief.docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids.len(), 4, "{ids:?}");
    assert!(ids.contains(&"ferry-1") && ids.contains(&"ferry-1-2"), "{ids:?}");
    assert_eq!(brief.places.len(), brief.docs.len());
    // The story's documents as the server lists them carry the same ids.
    let listed = store.story_documents(story.id).expect("read").expect("a story");
    let listed: Vec<&str> = listed.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(listed, ids);
}

#[test]
fn a_damaged_document_does_not_fail_the_list_of_stories() {
    let (_dir, path, store) = with_reports();
    let before = store.stories().expect("stories");
    drop(store);
    // One document's stored text made unreadable, as a damaged row would be.
    let conn = rusqlite::Connection::open(&path).expect("open");
    let damaged: i64 =
        conn.query_row("SELECT story FROM articles WHERE document = 1", [], |r| r.get(0)).expect("its story");
    conn.execute("UPDATE documents SET packed_text = x'00ff00ff' WHERE id = 1", []).expect("damage");
    drop(conn);
    let store = Store::open_read_only(&path).expect("reopened");
    let after = store.stories().expect("the list still reads");
    assert_eq!(after.len(), before.len());
    // The damaged story counts each article as its own origin; the others as before.
    assert!(after.iter().any(|a| a.id == damaged));
    for (a, b) in after.iter().zip(&before) {
        if a.id == damaged {
            assert_eq!(a.card.origins, a.size, "{a:?}");
        } else {
            assert_eq!(a.card.origins, b.card.origins, "{a:?}");
        }
    }
}

#[test]
fn a_batch_clusters_the_same_in_any_order() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let mut forward = Store::open(&dir.path().join("a.db")).expect("a store");
    forward.ingest(reports(), &config()).expect("ingest");
    let mut backward = Store::open(&dir.path().join("b.db")).expect("a store");
    let mut reversed = reports();
    reversed.reverse();
    backward.ingest(reversed, &config()).expect("ingest");
    assert_eq!(memberships(&forward), memberships(&backward));
    // Story by story as well: the same ids, headlines and members.
    let a: Vec<_> = forward
        .stories()
        .expect("stories")
        .into_iter()
        .map(|s| (s.id, s.card.headline, s.documents.len()))
        .collect();
    let b: Vec<_> = backward
        .stories()
        .expect("stories")
        .into_iter()
        .map(|s| (s.id, s.card.headline, s.documents.len()))
        .collect();
    assert_eq!(a, b);
}

#[test]
fn later_batches_join_running_stories() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let mut store = Store::open(&dir.path().join("news.db")).expect("a store");
    let mut all = reports();
    let later = all.split_off(4);
    store.ingest(all, &config()).expect("first batch");
    let report = store.ingest(later, &config()).expect("second batch");
    assert_eq!(report.new_stories, 0, "{report:?}");
    assert_eq!(memberships(&store).len(), 2);
    let stats = store.stats().expect("stats");
    assert_eq!((stats.documents, stats.articles, stats.stories), (6, 6, 2));
}

/// Each story's size and centroid as stored, in id order.
fn story_rows(path: &std::path::Path) -> Vec<(i64, i64, Vec<u8>)> {
    let conn = rusqlite::Connection::open(path).expect("open");
    let mut stmt = conn.prepare("SELECT id, size, centroid FROM stories ORDER BY id").expect("prepare");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

#[test]
fn two_writers_taking_turns_store_what_one_would() {
    // The writer caches the stories it has read; a batch written by another process in
    // between must not leave it working from stale centroids.
    let dir = tempfile::tempdir().expect("a temp dir");
    let batches: Vec<Vec<(RawDoc, bool)>> = reports().chunks(2).map(|c| c.to_vec()).collect();
    let one = dir.path().join("one.db");
    let mut alone = Store::open(&one).expect("a store");
    for batch in &batches {
        alone.ingest(batch.clone(), &config()).expect("ingest");
    }
    let shared = dir.path().join("shared.db");
    let mut first = Store::open(&shared).expect("a store");
    let mut second = Store::open(&shared).expect("a second writer");
    first.ingest(batches[0].clone(), &config()).expect("ingest");
    second.ingest(batches[1].clone(), &config()).expect("ingest");
    first.ingest(batches[2].clone(), &config()).expect("ingest");
    assert_eq!(story_rows(&shared), story_rows(&one));
    assert_eq!(memberships(&first), memberships(&alone));
}

#[test]
fn a_second_writer_waits_for_the_first_and_proceeds() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("news.db");
    let batches: Vec<Vec<(RawDoc, bool)>> = reports().chunks(3).map(|c| c.to_vec()).collect();
    let mut store = Store::open(&path).expect("a store");
    store.ingest(batches[0].clone(), &config()).expect("first batch");
    // Another process holds the write lock for a second and commits a change meanwhile.
    let (held, wait) = std::sync::mpsc::channel();
    let other = path.clone();
    let holder = std::thread::spawn(move || {
        let conn = rusqlite::Connection::open(&other).expect("open");
        conn.execute_batch("BEGIN IMMEDIATE; UPDATE counters SET value = value;").expect("lock");
        held.send(()).expect("signal");
        std::thread::sleep(std::time::Duration::from_millis(1000));
        conn.execute_batch("COMMIT").expect("commit");
    });
    wait.recv().expect("the lock is held");
    let report = store.ingest(batches[1].clone(), &config()).expect("the second writer waits, then writes");
    holder.join().expect("holder");
    assert_eq!(report.added, 3);
    assert_eq!(store.stats().expect("stats").documents, 6);
}

#[test]
fn a_store_of_the_first_schema_is_brought_up_to_date() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("old.db");
    let conn = rusqlite::Connection::open(&path).expect("open");
    conn.execute_batch(parallax_store::schema::MIGRATIONS[0]).expect("version 1");
    conn.execute_batch("INSERT INTO story_terms VALUES (1, 1), (2, 1), (3, 1)").expect("rows");
    conn.pragma_update(None, "application_id", parallax_store::schema::APPLICATION_ID).expect("pragma");
    drop(conn);
    set_user_version(&path, 1);
    // Readers do not migrate; the next writer does.
    let err = Store::open_read_only(&path).err().expect("refused");
    assert!(err.to_string().contains("older"), "{err}");
    let mut store = Store::open(&path).expect("migrated");
    store.ingest(reports(), &config()).expect("ingest");
    let conn = rusqlite::Connection::open(&path).expect("open");
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).expect("version");
    assert_eq!(version, parallax_store::schema::latest());
    let counted: i64 = conn
        .query_row(
            "SELECT (SELECT value FROM counters WHERE name = 'story_terms') + (SELECT value FROM counters WHERE name = 'story_terms_recent')",
            [],
            |r| r.get(0),
        )
        .expect("counters");
    let rows: i64 = conn
        .query_row(
            "SELECT (SELECT count(*) FROM story_terms) + (SELECT count(*) FROM story_terms_recent)",
            [],
            |r| r.get(0),
        )
        .expect("rows");
    assert_eq!(counted, rows);
    assert!(rows > 3);
}

#[test]
fn files_it_must_not_touch_are_refused_clearly() {
    let dir = tempfile::tempdir().expect("a temp dir");
    // Not SQLite at all.
    let junk = dir.path().join("notes.db");
    std::fs::write(&junk, "these are my notes, not a database, and they are long enough").expect("write");
    let err = Store::open(&junk).err().expect("refused");
    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err}");
    assert_eq!(
        std::fs::read_to_string(&junk).expect("read"),
        "these are my notes, not a database, and they are long enough"
    );
    // Another program's SQLite file: refused, and not a byte of it changed (its journal mode
    // included).
    let other = dir.path().join("other.db");
    let conn = rusqlite::Connection::open(&other).expect("open");
    conn.execute_batch("CREATE TABLE recipes (name TEXT)").expect("create");
    drop(conn);
    let before = std::fs::read(&other).expect("read");
    let err = Store::open(&other).err().expect("refused");
    assert!(matches!(err, StoreError::Foreign { .. }), "{err}");
    assert!(std::fs::read(&other).expect("read") == before, "another program's file was modified");
    assert!(!dir.path().join("other.db-wal").exists());
    // A store from a newer Parallax.
    let newer = dir.path().join("newer.db");
    let store = Store::open(&newer).expect("a store");
    drop(store);
    set_user_version(&newer, parallax_store::schema::latest() + 1);
    let err = Store::open(&newer).err().expect("refused");
    assert!(matches!(err, StoreError::Newer { .. }), "{err}");
    assert!(err.to_string().contains("newer Parallax"), "{err}");
    // Missing, for reading.
    let err = Store::open_read_only(&dir.path().join("none.db")).err().expect("refused");
    assert!(matches!(err, StoreError::Missing { .. }), "{err}");
    // A file a first ingest has created but not yet given its schema (a reader in that window):
    // nothing stored yet, said so, not called an older database.
    let creating = dir.path().join("creating.db");
    let conn = rusqlite::Connection::open(&creating).expect("open");
    conn.pragma_update(None, "journal_mode", "WAL").expect("wal");
    let err = Store::open_read_only(&creating).err().expect("refused");
    assert!(matches!(err, StoreError::Missing { .. }), "{err}");
    drop(conn);
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, "").expect("write");
    let err = Store::open_read_only(&empty).err().expect("refused");
    assert!(matches!(err, StoreError::Missing { .. }), "{err}");
}

#[test]
fn a_full_disk_keeps_what_was_committed() {
    let (_dir, path, mut store) = with_reports();
    let pages = {
        let size = store.stats().expect("stats").bytes;
        size / 4096 + 1
    };
    store.limit_pages(pages).expect("a cap");
    let big: Vec<(RawDoc, bool)> = (0..200)
        .map(|i| {
            doc(
                &format!("filler-{i}"),
                &format!(
                    "Filler report number {i} about nothing in particular. {}",
                    "Words to fill the page. ".repeat(200)
                ),
            )
        })
        .collect();
    let err = store.ingest(big, &config()).expect_err("the disk fills");
    assert!(matches!(err, StoreError::Full { .. }), "{err}");
    drop(store);
    let store = Store::open_read_only(&path).expect("reopened");
    assert_eq!(store.stats().expect("stats").documents, 6);
    store.integrity_check().expect("integrity");
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_is_refused_clearly() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("a temp dir");
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).expect("mkdir");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o500)).expect("chmod");
    let result = Store::open(&locked.join("news.db"));
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o700)).expect("chmod back");
    // Root may write anywhere; then there is nothing to check.
    if let Err(err) = result {
        assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
    }
}

fn set_user_version(path: &std::path::Path, version: i64) {
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.pragma_update(None, "user_version", version).expect("pragma");
}

/// A store of [`reports`] and, two months later, a follow-up of the ferry story in other
/// words.
fn with_a_follow_up() -> (tempfile::TempDir, Store) {
    let (dir, _, mut store) = with_reports();
    let (mut later, explicit) = doc(
        "ferry-inquiry",
        "Halvik ferry inquiry blames fog procedures\nThe inquiry into the collision of the Nordlys ferry and a cargo ship in fog off Halvik harbour found that the coastguard's fog procedures were not followed. Fourteen passengers were injured in the collision.",
    );
    later.meta.published = Some(jiff::civil::date(2026, 5, 20));
    store.ingest(vec![(later, explicit)], &config()).expect("two months later");
    (dir, store)
}

#[test]
fn a_follow_up_weeks_later_is_its_own_story_and_listed_as_related() {
    let (_dir, store) = with_a_follow_up();
    let stories = store.stories().expect("stories");
    assert_eq!(stories.len(), 3, "{stories:?}");
    let id_of = |doc: &str| {
        stories.iter().find(|s| s.documents.iter().any(|d| d == doc)).map(|s| s.id).expect("placed")
    };
    let (ferry, inquiry, council) = (id_of("ferry-1"), id_of("ferry-inquiry"), id_of("council-1"));
    let related_of =
        |id: i64| stories.iter().find(|s| s.id == id).map(|s| s.related.clone()).unwrap_or_default();
    assert_eq!(related_of(inquiry), vec![ferry]);
    assert_eq!(related_of(ferry), vec![inquiry]);
    assert!(related_of(council).is_empty());
}

#[test]
fn every_batch_logs_the_stories_it_started_and_grew() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let mut store = Store::open(&dir.path().join("news.db")).expect("a store");
    let mut all = reports();
    let later = all.split_off(4);
    store.ingest(all, &config()).expect("first batch");
    let first = store.changes_since(0, 100).expect("the log");
    assert_eq!(first.iter().map(|c| c.kind.as_str()).collect::<Vec<_>>(), ["created", "created"]);
    store.ingest(later, &config()).expect("second batch");
    let last = store.last_change().expect("the last change");
    assert_eq!(last, 4);
    let second = store.changes_since(2, 100).expect("the log");
    assert_eq!(second.iter().map(|c| c.kind.as_str()).collect::<Vec<_>>(), ["updated", "updated"]);
    let mut grown: Vec<i64> = second.iter().map(|c| c.story).collect();
    grown.sort_unstable();
    let mut ids: Vec<i64> = store.stories().expect("stories").iter().map(|s| s.id).collect();
    ids.sort_unstable();
    assert_eq!(grown, ids);
    assert_eq!(store.story(ids[0]).expect("read").map(|s| s.size), Some(3));
    assert_eq!(store.story(999).expect("read"), None);
}

#[test]
fn the_change_log_keeps_its_last_entries() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let mut store = Store::open(&dir.path().join("news.db")).expect("a store");
    let short = IngestConfig { changes_kept: 2, ..config() };
    for report in reports() {
        store.ingest(vec![report], &short).expect("a batch");
    }
    let last = store.last_change().expect("the last");
    assert_eq!(last, 6);
    assert_eq!(store.first_change().expect("the first"), 5);
    assert_eq!(store.changes_since(0, 100).expect("the log").len(), 2);
}

#[test]
fn search_finds_articles_by_their_words_with_their_story() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let mut store = Store::open(&dir.path().join("s.db")).expect("open");
    store.ingest(reports(), &config()).expect("ingest");
    let ids = |q: &str| -> Vec<String> {
        let mut ids: Vec<String> =
            store.search(q, 10, 0).expect("search").into_iter().map(|h| h.article.id).collect();
        ids.sort();
        ids
    };
    assert_eq!(ids("fog"), ["ferry-1", "ferry-2", "ferry-3"]);
    assert_eq!(ids("FOG coastguard"), ["ferry-1", "ferry-2", "ferry-3"], "every word, any case");
    assert_eq!(ids("parking"), ["council-1", "council-2", "council-3"]);
    assert_eq!(ids("\"nine votes to four\""), ["council-1"], "a phrase is read as one");
    assert_eq!(ids("councill*"), ["council-1", "council-2", "council-3"], "a prefix");
    assert!(ids("fog parking").is_empty(), "no article holds both");
    // A title word weighs more than a body word: the article titled with "parking" first.
    let hits = store.search("parking", 10, 0).expect("search");
    assert_eq!(hits[0].article.id, "council-3");
    let story =
        store.stories().expect("stories").into_iter().find(|s| s.documents.contains(&hits[0].article.id));
    assert_eq!(Some(hits[0].article.story), story.map(|s| s.id), "each hit names its story");
    assert!(hits[0].passage.contains("parking"), "{}", hits[0].passage);
    // Pages.
    assert_eq!(store.search("parking", 1, 1).expect("search")[0].article.id, hits[1].article.id);
    // FTS5's own syntax is read as plain words: nothing fails, nothing reaches beyond.
    for hostile in ["fog OR parking", "title:fog", "NEAR(fog parking)", "fog)", "\"", "*", "^fog", "-fog"] {
        store.search(hostile, 10, 0).unwrap_or_else(|e| panic!("{hostile:?}: {e}"));
    }
    assert!(ids("fog OR parking").is_empty(), "OR is a word here, as every other");
    assert_eq!(parallax_store::search_query("!!! ..."), Ok(None), "no word, no search");
    assert!(parallax_store::search_query(&"word ".repeat(101)).is_err(), "too long");
    assert_eq!(store.search(&"fog ".repeat(120), 10, 0).expect("many words").len(), 3);
}

#[test]
fn a_store_written_before_search_has_its_articles_indexed_when_migrated() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("old.db");
    let mut store = Store::open(&path).expect("open");
    store.ingest(reports(), &config()).expect("ingest");
    drop(store);
    // Back to the schema before search (version 3), as a store of an earlier Parallax is.
    let conn = rusqlite::Connection::open(&path).expect("open");
    conn.execute_batch(
        "DROP TABLE search; DROP TABLE feeds; DROP INDEX stories_by_place; DROP INDEX documents_by_url",
    )
    .expect("drop");
    drop(conn);
    set_user_version(&path, 3);
    let store = Store::open(&path).expect("migrated");
    let hits = store.search("fog", 10, 0).expect("search");
    assert_eq!(hits.len(), 3);
    assert!(hits.iter().all(|h| h.passage.contains("fog")));
}

#[test]
fn pages_of_stories_list_each_story_once_and_filter_by_day_and_words() {
    let (_dir, store) = with_a_follow_up();
    let all: Vec<i64> = store.stories().expect("stories").iter().map(|s| s.id).collect();
    assert_eq!(all.len(), 3);

    // Page by page, one story at a time: each story once, in the list's order, then no place.
    let mut filter = StoryFilter::default();
    let mut paged = Vec::new();
    for _ in 0..=all.len() {
        let page = store.stories_page(&filter, Some(1)).expect("a page");
        paged.extend(page.rows.iter().map(|(row, _)| row.id));
        let Some(next) = page.next else { break };
        let written = next.to_string();
        assert_eq!(Cursor::parse(&written), Some(next), "a place reads back as written: {written}");
        filter.after = Some(next);
    }
    assert_eq!(paged, all);
    for bad in ["", "1.2", "a.b.c", "1.2.3.4", "1.0.3", "1.2.-3"] {
        assert_eq!(Cursor::parse(bad), None, "{bad:?}");
    }

    // Since a day: the follow-up alone (published in May); by words: the council's story.
    let since = StoryFilter { since: Some(jiff::civil::date(2026, 5, 1)), ..StoryFilter::default() };
    let found = store.stories_page(&since, None).expect("since");
    let docs: Vec<Vec<String>> = found.rows.iter().map(|(r, _)| r.documents.clone()).collect();
    assert_eq!(docs, vec![vec!["ferry-inquiry".to_string()]]);
    let words = StoryFilter { search: Some("cycle lanes".to_string()), ..StoryFilter::default() };
    let found = store.stories_page(&words, None).expect("search");
    assert_eq!(found.rows.len(), 1);
    assert!(found.rows[0].0.documents.iter().all(|d| d.starts_with("council")), "{found:?}");
    let none = StoryFilter { search: Some("\"\"".to_string()), ..StoryFilter::default() };
    assert!(store.stories_page(&none, None).expect("no words").rows.is_empty());
}

#[test]
fn kept_rows_are_read_again_only_when_their_story_changes() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let mut store = Store::open(&dir.path().join("news.db")).expect("a store");
    let mut docs = reports();
    let last = docs.pop().expect("a report");
    store.ingest(docs, &config()).expect("ingest");
    let kept = parallax_store::KeptRows::default();
    let filter = StoryFilter::default();
    let rows = |store: &Store, kept: Option<&parallax_store::KeptRows>| -> Vec<parallax_store::StoryRow> {
        store
            .stories_page_kept(&filter, None, kept)
            .expect("a page")
            .rows
            .into_iter()
            .map(|(r, _)| r)
            .collect()
    };
    let plain = rows(&store, None);
    assert_eq!(rows(&store, Some(&kept)), plain, "made and kept");
    assert_eq!(rows(&store, Some(&kept)), plain, "taken from what was kept");
    // A story that gains an article is read again; the kept row of its old version is not used.
    store.ingest(vec![last], &config()).expect("one more");
    let grown = rows(&store, None);
    assert_ne!(grown, plain);
    assert_eq!(rows(&store, Some(&kept)), grown);
}

#[test]
fn a_document_is_found_by_the_address_it_came_from() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let mut store = Store::open(&dir.path().join("urls.db")).expect("open");
    let mut docs = reports();
    docs[0].0.meta.url = Some("https://news.example/halvik/ferry?id=1".parse().expect("a url"));
    store.ingest(docs, &config()).expect("ingest");
    assert!(store.holds_url("https://news.example/halvik/ferry?id=1").expect("asked"));
    assert!(!store.holds_url("https://news.example/halvik/ferry?id=2").expect("asked"));
    assert!(!store.holds_url("").expect("asked"), "documents without an address are not found");
    let plan: String = rusqlite::Connection::open(dir.path().join("urls.db"))
        .expect("open")
        .query_row("EXPLAIN QUERY PLAN SELECT 1 FROM documents WHERE url = 'x'", [], |r| r.get(3))
        .expect("a plan");
    assert!(plan.contains("documents_by_url"), "{plan}");
}

/// A story of more articles than are carded at once is listed at once: without a card until
/// one is made, then, when it grows, with its new size and the card of its kept row until the
/// card is made again; an event's read of a story never carded gives none.
#[test]
fn a_large_story_is_listed_at_once_and_carded_in_the_background() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let mut store = Store::open(&dir.path().join("news.db")).expect("a store");
    let reports = reports();
    let wire = reports[0].0.text.clone();
    // One wire story carried by more sites than are carded at once: one origin.
    let copies: Vec<(RawDoc, bool)> = (0..=parallax_store::CARD_AT_ONCE)
        .map(|n| doc(&format!("copy-{n}"), &format!("{wire} Site {n} carried the agency's report.")))
        .collect();
    store.ingest(copies, &config()).expect("ingest");
    let kept = parallax_store::KeptRows::default();
    let filter = StoryFilter::default();
    let listed = |store: &Store, kept: Option<&parallax_store::KeptRows>| -> parallax_store::StoryRow {
        let page = store.stories_page_kept(&filter, None, kept).expect("a page");
        page.rows.into_iter().map(|(r, _)| r).max_by_key(|r| r.size).expect("the story")
    };
    // Never carded by this reader: listed at once without its card, and made in the background.
    let first = listed(&store, Some(&kept));
    assert_eq!((first.carded, first.to_json()["origins"].is_null(), kept.has_stale()), (false, true, true));
    assert_eq!(first.card.headline, reports[0].0.text.lines().next().map(str::to_string), "its first title");
    assert_eq!(store.refresh_kept(&kept, std::time::Duration::from_secs(5)).expect("made").len(), 1);
    let before = listed(&store, Some(&kept));
    assert_eq!((before.card.origins, before.carded, kept.has_stale()), (1, true, false), "{before:?}");
    assert_eq!(before, listed(&store, None), "as a plain list gives it");
    // An independent report joins it: a second origin.
    store.ingest(vec![reports[2].clone()], &config()).expect("one more");
    let plain = listed(&store, None);
    assert_eq!((plain.size, plain.card.origins), (before.size + 1, 2), "{plain:?}");
    let at_once = listed(&store, Some(&kept));
    assert_eq!((at_once.size, at_once.card.origins, at_once.documents.len()), (plain.size, 1, plain.size));
    assert!(kept.has_stale(), "marked for its card to be made again");
    let refreshed = kept.refreshed();
    assert_eq!(store.refresh_kept(&kept, std::time::Duration::from_secs(5)).expect("made again").len(), 1);
    assert_eq!((kept.refreshed(), kept.has_stale()), (refreshed + 1, false));
    assert_eq!(listed(&store, Some(&kept)), plain, "the card made again");
    // An event's read of that story from a reader that kept nothing: no card, marked stale.
    let fresh = parallax_store::KeptRows::default();
    let now = std::time::Instant::now();
    let told = store.story_kept(plain.id, Some(&fresh), now).expect("read").expect("the story");
    assert_eq!((told.carded, told.size, fresh.has_stale()), (false, plain.size, true), "{told:?}");
    assert!(store.story(plain.id).expect("read").expect("the story").carded);
}

/// A story of one article whose text has no title is headed by its lead, as its briefing is,
/// not listed without a headline.
#[test]
fn a_story_of_an_untitled_article_is_headed_by_its_lead() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let mut store = Store::open(&dir.path().join("news.db")).expect("a store");
    let text = "HALVIK (CWS) — The Nordlys ferry struck the harbour pier in thick fog on Tuesday morning. \
        The coastguard said fourteen of its 212 passengers were hurt. Divers inspected the hull later in the day.";
    store.ingest(vec![doc("untitled", text)], &config()).expect("ingest");
    let page = store.stories_page_kept(&StoryFilter::default(), None, None).expect("a page");
    let row = &page.rows.first().expect("one story").0;
    assert_eq!(
        row.card.headline.as_deref(),
        Some("The Nordlys ferry struck the harbour pier in thick fog on Tuesday morning")
    );
}
