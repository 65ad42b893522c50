//! The briefing: the pipeline's output and the public JSON contract `parallax.brief/1`.
//!
//! Field names here are the contract's. Fields may be added; none may be renamed or change
//! meaning without a new schema version.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::{BlockKind, DocId, RemovedKind, SourceFrom};

/// The schema tag of the JSON contract.
pub const SCHEMA: &str = "parallax.brief/1";

/// What Parallax knows about a set of documents.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Briefing {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Every document briefed, in input order.
    pub documents: Vec<BriefDocument>,
    /// Pairs of documents that share text.
    pub reuse: Vec<ReuseLink>,
    /// Groups of documents that go back to one independent origin.
    pub origins: Vec<Origin>,
    /// People, organisations and places.
    pub entities: Vec<Entity>,
    /// Direct quotes with their speakers.
    pub quotes: Vec<Quote>,
    /// Statements and how many independent origins back each.
    pub claims: Vec<Claim>,
    /// Where sources disagree.
    pub divergences: Vec<Divergence>,
    /// Counts that later reports raised or lowered ("dead: 51 on 30 Oct → 205 on 1 Nov"): a
    /// running tally told by day, not a disagreement (an addition to the contract).
    #[serde(default)]
    pub updates: Vec<Update>,
    /// Dated events, sorted.
    pub timeline: Vec<TimelineEntry>,
    /// Reported speech ("Trump said he had spoken directly with Putin"): who said what, in
    /// their own words or not, per document (an addition to the contract, for claims).
    #[serde(default)]
    pub attributions: Vec<Attribution>,
    /// The headline of the briefing: the title that the story's documents bear out most
    /// widely; when none of them has a title, the lead sentence they bear out most widely,
    /// without its dateline and cut at 120 characters with an ellipsis; null when there is
    /// neither (an addition to the contract).
    #[serde(default)]
    pub headline: Option<String>,
    /// The key facts: ids of the claims two origins or more back, most origins first, each
    /// telling a fact no claim before it in the list tells (a claim retold in other words,
    /// or a clause of it, is listed once, where it has most support); left out are sentences
    /// that point back at something an earlier sentence named (an addition to the contract).
    #[serde(default)]
    pub key_facts: Vec<String>,
    /// The cited summary.
    pub summary: Vec<Summary>,
    /// One entry per input that could not be read or parsed.
    pub errors: Vec<InputError>,
}

/// A document as the briefing shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BriefDocument {
    /// Stable id within a run.
    pub id: DocId,
    /// The input it came from.
    pub path: String,
    /// The outlet, or the file stem when none is known.
    pub source: String,
    /// Where `source` came from (`metadata`, `page`, `file_stem`).
    pub source_from: SourceFrom,
    /// The headline, or null.
    pub title: Option<String>,
    /// Publication date, or null.
    pub published: Option<Date>,
    /// Whether `published` was read from the document's own text (a full date with its
    /// weekday) because no publication date was given.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub published_from_text: bool,
    /// Whether `published` is the day the document set establishes for an undated document
    /// (the day of the dated document whose opening is most alike, else the day most
    /// documents were published): an addition to the contract, left out when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub published_from_set: bool,
    /// The date of the page's last update, when it gives one (an addition to the contract;
    /// left out when unknown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Date>,
    /// The language of the text (`en`, `de`, ...), from the page's markup or read from the
    /// text (an addition to the contract; left out when unknown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The page it was split from, or null.
    pub segment_of: Option<DocId>,
    /// Where it was published, or null.
    pub url: Option<String>,
    /// The authors its byline names.
    pub authors: Vec<String>,
    /// The cleaned body: paragraphs separated by a blank line.
    pub text: String,
    /// The kind of each paragraph of `text`, in order.
    pub blocks: Vec<BlockKind>,
    /// How many sentences the body has.
    pub sentences: usize,
    /// What was taken out of the document, in reading order.
    pub removed: Vec<RemovedText>,
}

/// A piece of a document that is not in its body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedText {
    /// Why it was taken out.
    pub kind: RemovedKind,
    /// Its text.
    pub text: String,
}

/// Two documents that share text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReuseLink {
    /// One document.
    pub a: DocId,
    /// The other.
    pub b: DocId,
    /// How they are related.
    pub relation: Relation,
    /// Share of a's text found in b.
    pub containment_a: f64,
    /// Share of b's text found in a.
    pub containment_b: f64,
    /// The passages they share.
    pub shared_passages: Vec<SharedPassage>,
}

/// A passage two documents share.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedPassage {
    /// The passage as it stands in `a`.
    pub text: String,
}

/// Documents that go back to one independent origin.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// Stable id within a run.
    pub id: String,
    /// Its documents.
    pub documents: Vec<DocId>,
    /// The document the others reprint: the earliest, or the one the others contain most.
    pub root: DocId,
    /// The wire or agency its documents credit ("PA"), or null.
    pub name: Option<String>,
    /// How each other document reprints one of the origin.
    pub reprints: Vec<Reprint>,
}

/// One document of an origin that reprints another.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reprint {
    /// The reprint.
    pub document: DocId,
    /// The document it reprints.
    pub of: DocId,
    /// `copy` or `partial_copy`.
    pub relation: Relation,
    /// Sentences it has that the other lacks.
    pub added: Vec<String>,
    /// Sentences of the other that it lacks.
    pub cut: Vec<String>,
}

/// A person, organisation or place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable id within a run.
    pub id: String,
    /// The fullest form of the name seen.
    pub name: String,
    /// What it is.
    pub kind: EntityKind,
    /// Roles the text gives it.
    pub roles: Vec<String>,
    /// Other forms of the name.
    pub aliases: Vec<String>,
    /// Documents that mention it.
    pub documents: Vec<DocId>,
}

/// A direct quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Stable id within a run.
    pub id: String,
    /// The speaker's entity name, or null.
    pub speaker: Option<String>,
    /// The words, without quote marks.
    pub text: String,
    /// Documents that carry it.
    pub documents: Vec<DocId>,
    /// Other wordings of the same quote.
    pub variants: Vec<QuoteVariant>,
    /// Where it was said ("BBC", "Truth Social"), or null.
    pub venue: Option<String>,
    /// A short scare quote or words quoted inside reported speech, in every document.
    pub partial: bool,
}

/// One wording of a quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteVariant {
    /// The words.
    pub text: String,
    /// Documents that word it so.
    pub documents: Vec<DocId>,
}

/// A statement and its support.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// Stable id within a run.
    pub id: String,
    /// The statement.
    pub text: String,
    /// Documents that make it.
    pub documents: Vec<DocId>,
    /// Distinct origins among `documents`.
    pub origins: usize,
    /// Whether more than one origin backs it.
    pub support: Support,
    /// For a part of another claim's sentence that more origins state than the whole (a clause
    /// such as "the bridge was struck by a large ship"), the id of that claim. Its `text` is
    /// the clause as the whole's sentence writes it; its documents are the whole's and those
    /// that state the part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
}

/// A point where sources disagree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Divergence {
    /// What kind of thing differs.
    pub kind: DivergenceKind,
    /// What differs.
    pub description: String,
    /// What each side says.
    pub sides: Vec<DivergenceSide>,
}

/// One side of a divergence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DivergenceSide {
    /// What this side says.
    pub text: String,
    /// Documents that say it.
    pub documents: Vec<DocId>,
    /// Independent origins among those documents (an addition to the contract).
    #[serde(default)]
    pub origins: usize,
}

/// A count that reports of different days give different values, day by day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Update {
    /// What is counted (`dead`, `injured`, `missing`, `evacuated`, `rescued`, `arrested`).
    pub quantity: String,
    /// The count by day, in words ("dead: 2 on 8 Jan → 24 on 12 Jan").
    pub description: String,
    /// Each value given, by day, then by value.
    pub steps: Vec<UpdateStep>,
}

/// One value of a running count, as the reports of one day give it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateStep {
    /// The day the reports hold for: `YYYY-MM-DD`.
    pub date: String,
    /// The value as written, with its bound ("at least 62").
    pub value: String,
    /// A sentence that gives it.
    pub text: String,
    /// Documents that give it.
    pub documents: Vec<DocId>,
    /// Independent origins among those documents.
    pub origins: usize,
}

/// A dated event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: String,
    /// The sentence that dates it.
    pub text: String,
    /// Documents that date it so.
    pub documents: Vec<DocId>,
}

/// One statement of reported speech.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// The speaker: a person's full name, an organisation or a described source as written.
    pub speaker: Option<String>,
    /// The verb of saying as written ("said", "warned", "told").
    pub verb: String,
    /// What was said, as the document reports it.
    pub text: String,
    /// The document that reports it.
    pub document: DocId,
}

/// A sentence of the summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// The sentence.
    pub text: String,
    /// Documents that support it.
    pub documents: Vec<DocId>,
    /// The divergences (positions in [`Briefing::divergences`], from 0) one of whose sides it
    /// takes: what it states is one variant of a disputed figure, date or attribute.
    #[serde(default)]
    pub disputed: Vec<usize>,
    /// The counts by day (positions in [`Briefing::updates`], from 0) that reports published
    /// after it give other values of: it gives an early count, not the latest.
    #[serde(default)]
    pub superseded: Vec<usize>,
}

/// An input that could not be read or parsed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputError {
    /// The input as the user named it.
    pub input: String,
    /// Why, in one line.
    pub message: String,
}

/// How two documents that share text are related.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The same text with light edits.
    Copy,
    /// One contains a block of the other.
    PartialCopy,
    /// Independent prose quoting the same words.
    SharedQuotes,
    /// The same copy reworded sentence by sentence: a wire story's write-through (its lead
    /// and figures updated, sentences changed, added or cut) or a site's reworded reprint.
    Rewrite,
    /// Two versions of one page: read from the same address at different times, however
    /// much the text changed in between.
    Version,
}

impl Relation {
    /// Whether the two documents go back to one origin: a copy, a partial copy, a rewrite of
    /// the same copy or another version of the same page (quoting the same words does not
    /// make one).
    pub fn same_origin(self) -> bool {
        matches!(self, Relation::Copy | Relation::PartialCopy | Relation::Rewrite | Relation::Version)
    }
}

/// What an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organisation.
    Organization,
    /// A place.
    Place,
}

/// How well a claim is backed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Support {
    /// Two or more independent origins.
    Corroborated,
    /// One origin.
    SingleSource,
}

/// What kind of thing sources disagree on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DivergenceKind {
    /// A count, age, amount or duration.
    Number,
    /// When something happened.
    Date,
    /// A property: what someone wore, where something takes place.
    Attribute,
    /// Whether something was agreed, confirmed or denied.
    Stance,
    /// The words of a quote.
    QuoteWording,
}
