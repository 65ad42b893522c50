//! Articles: what extraction makes of a document.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use url::Url;

use crate::{DocId, Span};

/// An article: one story with its outlet, title, date and body.
///
/// A page that carries several stories (an aggregator page with appended items) yields one
/// article per story. The first keeps the page's id; the others get `<page id>#2`, `#3`, ...
/// and name the page in `segment_of`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// Stable id within a run.
    pub id: DocId,
    /// The input it came from, as the user named it.
    pub path: String,
    /// The id of the page this article was split from, when it is not the page's first.
    pub segment_of: Option<DocId>,
    /// The outlet.
    pub source: Source,
    /// The headline, when the document has one; never invented.
    pub title: Option<String>,
    /// The publication date, when known.
    pub published: Option<Date>,
    /// The date of the last update, when the page gives one (never before `published`).
    pub updated: Option<Date>,
    /// The language of the text as a BCP 47 primary tag (`en`, `de`; three letters where no
    /// two-letter code exists), from the page's markup or read from the text.
    pub language: Option<String>,
    /// Where it was published, when known.
    pub url: Option<Url>,
    /// The authors a byline names, in order.
    pub authors: Vec<String>,
    /// The body, in reading order. Later stages read only these.
    pub blocks: Vec<Block>,
    /// What was taken out of the document and why, in reading order.
    pub removed: Vec<Removed>,
}

impl Article {
    /// The cleaned body as later stages see it: blocks separated by a blank line.
    pub fn body_text(&self) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&block.text);
        }
        out
    }
}

/// The outlet of an article and how it was found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The outlet's name as written ("ITV News"), or the file stem when none is known.
    pub name: String,
    /// Where `name` came from.
    pub from: SourceFrom,
}

/// Where an article's outlet name came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFrom {
    /// The container's metadata (a JSON Lines `source` field).
    Metadata,
    /// The page itself (an outlet line above an item, a "more updates on X" prompt).
    Page,
    /// The host of the address the document came from ("halvikgazette.example" for
    /// `https://www.halvikgazette.example/news/…`): nothing named the outlet, but its site does.
    Address,
    /// Nothing named it, and it came from no address: the file stem stands in.
    FileStem,
}

/// One block of an article's body.
///
/// `text` is the block's text from the raw document with line breaks turned into spaces, so it
/// has exactly the length of `span`, and an offset into `text` plus `span.start` is an offset
/// into the raw text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Where it stands in the raw text.
    pub span: Span,
    /// Its text.
    pub text: String,
}

impl Block {
    /// The text the analysis reads: the block's own, or nothing for an embedded post (the
    /// page shows it, but the report does not state it).
    pub fn own_text(&self) -> &str {
        if self.kind == BlockKind::Embed { "" } else { &self.text }
    }
}

/// The kinds of body block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// Running prose.
    Paragraph,
    /// A subheading inside the article.
    Heading,
    /// A bullet point: a list item or a live page's entry.
    ListItem,
    /// An embedded social-media post, told by the account and day that end it ("— Name
    /// (@handle) July 22, 2024"): shown on the page and kept in the body, but someone else's
    /// post, not the report's own text, so the analysis does not read it ([`Block::own_text`]).
    Embed,
}

/// A piece of the document that is not part of the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removed {
    /// Why it was taken out.
    pub kind: RemovedKind,
    /// Where it stood in the raw text.
    pub span: Span,
    /// Its text, line breaks turned into spaces.
    pub text: String,
}

/// Why a piece of a document was taken out of the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovedKind {
    /// A photo caption (kept out of the body, not site chrome).
    Caption,
    /// A credit or licence line for an image.
    ImageCredit,
    /// A comments widget.
    Comments,
    /// A "related articles" heading or list.
    Related,
    /// A follow, subscribe or sign-up prompt.
    FollowPrompt,
    /// A "read more" link.
    ReadMore,
    /// A share bar.
    Share,
    /// An advertisement or promotion of the site's own products.
    Promo,
    /// A bare timestamp or age line ("25 minutes ago").
    Timestamp,
    /// The outlet and age lines that head an item appended to a page.
    ItemHeader,
    /// A byline ("By Jane Roe, transport correspondent"); its names go to the authors.
    Byline,
    /// A copyright or rights notice.
    Copyright,
    /// An "About the author" box: its label, and the name and short biography under it.
    AuthorBox,
    /// A line above the headline that is not part of it: a section label or kicker ("Crime &
    /// Safety"), the site's name, or a breadcrumb trail run into the headline ("Home US …").
    Navigation,
}
