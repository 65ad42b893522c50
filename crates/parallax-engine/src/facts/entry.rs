//! The stage's entry point: articles → quotes with resolved speakers, people, dated sentences.

use parallax_model::{Article, Span};

use super::entities::{Person, Registry};
use super::lexicon::{
    is_indefinite, is_known_place, is_person_noun, is_possessive, is_role_noun, is_speech_verb,
    is_surname_office, is_title, lone_word_not_a_person, not_a_person, stands_for_org,
};
use super::mentions::{Kind, Mention, mentions};
use super::named::{Named, named};
use super::quotes::{Layout, is_plain_saying, quotes, reported, words_end};
use super::time::{Precision, dates, implied_date};

/// Settings of the facts stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Config {
    /// Whether to date sentences (`dated`, `implied_published`): the timeline's input. A
    /// caller that keeps only people, places and quotes (the store) saves a fifth of the
    /// stage's time without it.
    pub dates: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config { dates: true }
    }
}

/// A quote found in one document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteFact {
    /// The words, without quote marks.
    pub text: String,
    /// Where they stand, in the document's text as extraction gave it (block spans' basis).
    pub span: Span,
    /// The speaker: a person's full name, or the unnamed source as written ("a European
    /// diplomat"), or `None` when no attribution was found.
    pub speaker: Option<String>,
    /// The mention that attributes the quote ("he", "Sir Keir", "the Prime Minister").
    pub speaker_mention: Option<Span>,
    /// Where it was said ("BBC", "Truth Social").
    pub venue: Option<String>,
    /// A short scare quote, or words quoted inside reported speech.
    pub partial: bool,
}

/// Reported speech in one document: "Trump said he had spoken directly with Putin".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportedFact {
    /// The speaker, resolved as for quotes (a person's full name, or the source as written).
    pub speaker: Option<String>,
    /// The verb of saying as written.
    pub verb: String,
    /// What was said.
    pub text: String,
    /// Where it stands, in the document's text.
    pub span: Span,
}

/// A dated sentence of one document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dated {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: String,
    /// The sentence.
    pub text: String,
    /// Whether the sentence itself names the day and it was resolved against a publication
    /// date given or read from the document: a lead dated by its publication day, or a
    /// weekday read against the day the set establishes, is not firm, and no divergence is
    /// drawn from it.
    pub firm: bool,
}

/// The facts of one document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocFacts {
    /// Its quotes, in order.
    pub quotes: Vec<QuoteFact>,
    /// Its dated sentences, in order.
    pub dated: Vec<Dated>,
    /// Its reported speech, in order.
    pub reported: Vec<ReportedFact>,
    /// With no publication date given, the date its text gives itself (a full date with a
    /// weekday that agrees), used for relative dates.
    pub implied_published: Option<jiff::civil::Date>,
    /// With no publication date given nor read from its text, the day the document set
    /// establishes for it (the day of the dated document whose opening is most alike), used
    /// for relative dates.
    pub set_published: Option<jiff::civil::Date>,
}

/// What the facts stage found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    /// Per document, in input order.
    pub docs: Vec<DocFacts>,
    /// Every person with evidence of being one, in order of first appearance.
    pub people: Vec<Person>,
    /// Organisations and places, in order of first appearance.
    pub named: Vec<Named>,
}

/// What the document set tells of which capitalised names can be people's.
struct NameCheck {
    /// Words the documents write in lower case: a name made of them is a headline's title
    /// case ("Experts Claim Height", "Election Staff"), not a person.
    lower: std::collections::HashSet<String>,
    /// Titles with the one-word name after them ([`title_pair`]) that the documents also write
    /// in lower case as a phrase ("general election"): a common phrase, not a titled person.
    lower_pairs: std::collections::HashSet<String>,
    /// Per document, the name mention its text stops in, when it stops mid-sentence (a
    /// truncated page) right after a name: its block, start and end.
    cut: Vec<Option<(usize, usize, usize)>>,
    /// Per document and block, whether the block is a line in title case (a headline, a
    /// subheading, a bullet): most of its words of four letters or more capitalised.
    title_case: Vec<Vec<bool>>,
}

impl NameCheck {
    fn new(articles: &[&Article], mentions: &[Vec<Vec<Mention>>]) -> NameCheck {
        // Only the words of names are looked for, so the scan allocates nothing per word.
        let wanted: std::collections::HashSet<String> = mentions
            .iter()
            .flatten()
            .flatten()
            .filter(|m| m.kind == Kind::Name && !m.org)
            .flat_map(|m| m.text.split_whitespace().map(str::to_lowercase))
            .collect();
        let wanted_pairs: std::collections::HashSet<String> = mentions
            .iter()
            .flatten()
            .flatten()
            .filter(|m| m.kind == Kind::Name && m.titled && !m.text.contains(' '))
            .map(title_pair)
            .collect();
        let mut lower = std::collections::HashSet::new();
        let mut lower_pairs = std::collections::HashSet::new();
        for a in articles {
            for b in &a.blocks {
                let mut before: &str = "";
                for w in b.own_text().split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'')) {
                    if w.is_empty() {
                        continue;
                    }
                    if w.chars().next().is_some_and(char::is_lowercase) {
                        if wanted.contains(w) && !lower.contains(w) {
                            lower.insert(w.to_string());
                        }
                        // (A pair is made only where its second word is a name's.)
                        if !before.is_empty() && wanted.contains(w) && !wanted_pairs.is_empty() {
                            let pair = format!("{before} {w}");
                            if wanted_pairs.contains(&pair) {
                                lower_pairs.insert(pair);
                            }
                        }
                        before = w;
                    } else {
                        before = "";
                    }
                }
            }
        }
        let cut = articles
            .iter()
            .zip(mentions)
            .map(|(a, blocks)| {
                let (n, last) = a.blocks.iter().enumerate().next_back()?;
                let text = last.own_text().trim_end();
                if text.ends_with(['.', '!', '?', '"', '”', '\'', ')']) {
                    return None;
                }
                blocks[n].last().filter(|m| m.end >= text.len()).map(|m| (n, m.start, m.end))
            })
            .collect();
        let title_case = articles
            .iter()
            .map(|a| {
                a.blocks
                    .iter()
                    .map(|b| {
                        let long: Vec<&str> =
                            b.own_text().split_whitespace().filter(|w| w.chars().count() >= 4).collect();
                        let capitalised =
                            long.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
                        long.len() >= 3 && capitalised * 4 >= long.len() * 3
                    })
                    .collect()
            })
            .collect();
        NameCheck { lower, lower_pairs, cut, title_case }
    }

    /// Whether a name mention is one word the documents also write in lower case, with no
    /// title before it: a common word capitalised to open a sentence ("Hours later",
    /// "Officials said").
    fn common_word(&self, m: &Mention) -> bool {
        m.kind == Kind::Name
            && !m.org
            && !m.titled
            && !m.text.contains(' ')
            && self.lower.contains(&m.text.to_lowercase())
    }

    /// Whether the name mention `m` of block `b` of document `d` can be a person's: not in a
    /// line in title case (a headline's words are not names), not cut off by the end of a
    /// truncated text ("Liz Tru"), and, unless a title or role vouches for it, not a place, a people
    /// or a party ([`not_a_person`]); not mostly words the documents write in lower case (all
    /// of one or two words, two thirds of three or more; a word with a lower-case part after a
    /// hyphen, "Flag-waving", "Sunak-led", is one); not right after an article ("the Black Hawk
    /// helicopter": a thing's name or a modifier); not cut off by the end of a truncated text
    /// ("Liz Tru").
    fn person(&self, d: usize, b: usize, m: &Mention) -> bool {
        if self.title_case[d][b] {
            return false;
        }
        let words: Vec<&str> = m.text.split_whitespace().collect();
        let common = words
            .iter()
            .filter(|w| {
                self.lower.contains(&w.to_lowercase())
                    || w.split('-').skip(1).any(|part| part.chars().next().is_some_and(char::is_lowercase))
            })
            .count();
        let title_case = if words.len() <= 2 { common == words.len() } else { common * 3 >= words.len() * 2 };
        let cut = self.cut[d] == Some((b, m.start, m.end));
        // A title or role vouches for the words, not for a headline or a cut name. A place
        // named alone is no new person (a person of that surname, named in full, still is).
        let place = words.len() == 1 && is_known_place(&m.text);
        // A title vouches for a name, not for a common phrase it opens ("General Election"
        // where the documents also write "general election").
        let vouched = m.titled && !(words.len() == 1 && self.lower_pairs.contains(&title_pair(m)));
        let thing = m.after_article;
        !cut && (vouched || (!title_case && !place && !thing && !not_a_person(&m.text)))
    }
}

/// A titled one-word name as the phrase its title and name make, in lower case: the last
/// word of its role and the name ("general election" for "General Election").
fn title_pair(m: &Mention) -> String {
    let title = m.role.as_deref().and_then(|r| r.split_whitespace().next_back()).unwrap_or_default();
    format!("{title} {}", m.text.to_lowercase())
}

/// Facts of `articles`, whose publication dates resolve relative dates.
pub fn facts(articles: &[&Article], config: &Config) -> Facts {
    let all_mentions: Vec<Vec<Vec<Mention>>> =
        articles.iter().map(|a| a.blocks.iter().map(|b| mentions(b.own_text())).collect()).collect();
    // Every mention with its document and the text before it (for place prepositions).
    let with_context: Vec<(usize, &str, &Mention)> = all_mentions
        .iter()
        .enumerate()
        .flat_map(|(d, blocks)| {
            blocks.iter().enumerate().flat_map(move |(b, ms)| {
                let text = articles[d].blocks[b].own_text();
                ms.iter().map(move |m| (d, text.get(..m.start).unwrap_or(""), m))
            })
        })
        .collect();
    let check = NameCheck::new(articles, &all_mentions);
    // Only names with the shape of a person's make people (a title or role vouches for any).
    let names: Vec<(usize, &Mention)> = all_mentions
        .iter()
        .enumerate()
        .flat_map(|(d, blocks)| {
            blocks.iter().enumerate().flat_map(move |(b, ms)| ms.iter().map(move |m| (d, b, m)))
        })
        .filter(|&(d, b, m)| m.kind != Kind::Name || m.org || check.person(d, b, m))
        .map(|(d, _, m)| (d, m))
        .collect();
    let mut registry = Registry::build_with(&names, &|w| check.lower.contains(&w.to_lowercase()));
    let days = SetDays::new(articles, config.dates);
    let mut docs = Vec::with_capacity(articles.len());
    for (d, article) in articles.iter().enumerate() {
        let texts: Vec<&str> = article.blocks.iter().map(parallax_model::Block::own_text).collect();
        let layout: Vec<Layout> = texts.iter().map(|t| Layout::new(t)).collect();
        // A capitalised common word ("Hours later, …", "Officials said") is no one who speaks,
        // unless the document names someone in full with it as surname (George Will).
        let surnames: std::collections::HashSet<&str> = all_mentions[d]
            .iter()
            .flatten()
            .filter(|m| m.kind == Kind::Name && !m.org)
            .filter_map(|m| m.text.rsplit_once(' ').map(|(_, last)| last))
            .collect();
        let speaking: Vec<Vec<Mention>> = all_mentions[d]
            .iter()
            .map(|ms| {
                ms.iter()
                    .filter(|m| !check.common_word(m) || surnames.contains(m.text.as_str()))
                    .cloned()
                    .collect()
            })
            .collect();
        let found = quotes(&texts, &layout, &speaking);
        let mut doc = DocFacts::default();
        for q in found {
            let block = &article.blocks[q.block];
            let base = block.span.start as usize;
            let (speaker, speaker_mention) = match &q.cue {
                Some(cue) => {
                    let shaped = check.person(d, cue.block, &cue.mention);
                    let who = resolve(
                        &registry,
                        &all_mentions[d],
                        &layout,
                        article,
                        (cue.block, &cue.mention, shaped),
                        d,
                    );
                    if let Some(id) = who.1 {
                        registry.people[id].evidence = true;
                    }
                    let at = article.blocks[cue.block].span.start as usize;
                    let name = Some(who.0).filter(|n| !n.is_empty());
                    (name, Some(Span::new(at + cue.mention.start, at + cue.mention.end)))
                }
                None => (None, None),
            };
            doc.quotes.push(QuoteFact {
                text: block.text[q.start..q.end].trim().trim_end_matches([',']).to_string(),
                span: Span::new(base + q.start, base + q.end),
                speaker,
                speaker_mention,
                venue: q.cue.and_then(|c| c.venue),
                partial: q.partial,
            });
        }
        for r in reported(&texts, &layout, &speaking) {
            let shaped = check.person(d, r.block, &r.mention);
            let (name, id) =
                resolve(&registry, &all_mentions[d], &layout, article, (r.block, &r.mention, shaped), d);
            if let Some(id) = id {
                registry.people[id].evidence = true;
            }
            let base = article.blocks[r.block].span.start as usize;
            if name.is_empty() {
                continue;
            }
            doc.reported.push(ReportedFact {
                speaker: Some(name),
                verb: r.verb,
                text: article.blocks[r.block].text[r.start..r.end].to_string(),
                span: Span::new(base + r.start, base + r.end),
            });
        }
        if config.dates {
            date_sentences(article, &texts, &layout, (&days, d), &mut doc);
        }
        docs.push(doc);
    }
    let named = named(&with_context, &registry);
    let people: Vec<Person> =
        registry.people.into_iter().filter(|p| p.evidence && !names_no_one(&p.name)).collect();
    // A name classed as an organisation or place is not also a person.
    let people = people
        .into_iter()
        .filter(|p| !named.iter().any(|n| n.name == p.name || n.aliases.contains(&p.name)))
        .collect();
    Facts { docs, people, named }
}

/// Whether a name the registry holds names no one: it ends on an office or on a title that is
/// no surname, abbreviated or in capitals ("Warrant Officer", "Minister", "CrowdStrike CEO",
/// "Ohio Gov.": the office, not its holder; "Charlie King" is a name), or it is a lone function
/// word ("It", "About"), or a word of it holds a digit ("US Airways Airbus A320"), or it ends on
/// a month's abbreviation (a page's "Wire Services Posted Dec").
fn names_no_one(name: &str) -> bool {
    let last = name.split_whitespace().last().unwrap_or_default();
    let abbreviated = last.ends_with('.') || last.len() > 1 && last.chars().all(|c| c.is_ascii_uppercase());
    let lone_function_word = !name.contains(' ') && crate::text::is_function_word(last);
    let lower = last.to_lowercase();
    let digits = name.chars().any(|c| c.is_ascii_digit());
    let dated =
        name.contains(' ') && crate::text::month_number(last).is_some() && !crate::text::is_month_name(last);
    is_role_noun(&lower) && !is_surname_office(&lower)
        || is_title(last) && abbreviated
        || lone_function_word
        || digits
        || dated
}

/// A lead has this many words or more ...
const LEAD_WORDS: usize = 8;
/// ... and stands in one of the body's first blocks.
const LEAD_BLOCKS: usize = 2;
/// An undated document takes the day of the dated document whose opening shares the most of
/// its words, when they share this share (Jaccard) or more.
const SAME_OPENING: f64 = 0.1;

/// The days a document set establishes for dating its reports.
struct SetDays {
    /// Per document, the day lent to it when it has no date of its own ([`set_days`]).
    lent: Vec<Option<jiff::civil::Date>>,
    /// The first day the set tells of: the day before its earliest report (what a set reports
    /// first happened that day or the day before).
    first: Option<jiff::civil::Date>,
}

impl SetDays {
    /// The days of `articles`; with `dates` off, none is lent.
    fn new(articles: &[&Article], dates: bool) -> SetDays {
        SetDays {
            lent: if dates { set_days(articles) } else { vec![None; articles.len()] },
            first: articles.iter().filter_map(|a| a.published).min().and_then(|d| d.yesterday().ok()),
        }
    }
}

/// For each document without a publication date, the day the set establishes for it: the
/// publication day of the dated document whose opening (title and first three paragraphs,
/// words of four letters or more) is most alike, when they share [`SAME_OPENING`] of their
/// words (the earlier day on a tie); `None` for dated documents, and for a document like none
/// of the dated ones (the day most documents give is no evidence for a report of something
/// else: 0.806 on the real-events timeline against 0.819 without it, when it was chosen).
fn set_days(articles: &[&Article]) -> Vec<Option<jiff::civil::Date>> {
    let dated: Vec<(usize, jiff::civil::Date)> =
        articles.iter().enumerate().filter_map(|(d, a)| a.published.map(|p| (d, p))).collect();
    if dated.is_empty() {
        return vec![None; articles.len()];
    }
    let opening = |a: &Article| -> std::collections::BTreeSet<String> {
        a.title
            .iter()
            .map(String::as_str)
            .chain(a.blocks.iter().take(3).map(|b| b.own_text()))
            .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| w.chars().count() >= 4)
            .map(str::to_lowercase)
            .collect()
    };
    let undated = articles.iter().any(|a| a.published.is_none());
    let openings: Vec<std::collections::BTreeSet<String>> =
        if undated { articles.iter().map(|a| opening(a)).collect() } else { Vec::new() };
    articles
        .iter()
        .enumerate()
        .map(|(d, a)| {
            if a.published.is_some() {
                return None;
            }
            let alike = |o: usize| {
                let (x, y) = (&openings[d], &openings[o]);
                let shared = x.intersection(y).count();
                let union = x.len() + y.len() - shared;
                if union == 0 { 0.0 } else { shared as f64 / union as f64 }
            };
            let best = dated
                .iter()
                .map(|&(o, p)| (alike(o), p))
                .filter(|(s, _)| *s >= SAME_OPENING)
                .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
            best.map(|(_, p)| p)
        })
        .collect()
}

/// Dates `article`'s sentences into `doc.dated` (relative dates resolved against its
/// publication date, else the weekday it names, else the day the set lends document `d`, with
/// no weekday dated before the set's first day), and its
/// lead, when it names no day of its own, at that date: a report's opening tells what happened
/// by the day it was published (a day of a happening it names as background, "following
/// Monday's quake", is not its own).
fn date_sentences(
    article: &Article,
    texts: &[&str],
    layout: &[Layout],
    (days, d): (&SetDays, usize),
    doc: &mut DocFacts,
) {
    // With no publication date, the document's own dated weekday stands in, and says so.
    let published = article
        .published
        .or_else(|| {
            let implied = implied_date(article.title.iter().map(String::as_str).chain(texts.iter().copied()));
            doc.implied_published = implied;
            implied
        })
        .or_else(|| {
            doc.set_published = days.lent[d];
            days.lent[d]
        });
    let firm = doc.set_published.is_none();
    let mut anchor = None;
    let mut lead_seen = false;
    for (n, (block, shape)) in article.blocks.iter().zip(layout).enumerate() {
        for s in &shape.sentences {
            let sentence = &block.own_text()[s.range()];
            let mut seen = Vec::new();
            let found = dates(sentence, published, anchor, if firm { None } else { days.first });
            // The lead: the first sentence of the report's opening paragraphs (a live page's
            // summary further down is no lead).
            let lead = !lead_seen
                && n < LEAD_BLOCKS
                && sentence.split_whitespace().count() >= LEAD_WORDS
                && !sentence.trim_start().starts_with(['"', '“', '‘', '\''])
                && sentence.trim_end().ends_with(['.', '!', '"', '”', '\''])
                && block.kind == parallax_model::BlockKind::Paragraph;
            if lead {
                lead_seen = true;
                if found.iter().all(|w| w.backdrop)
                    && let Some(day) = published
                {
                    doc.dated.push(Dated { date: day.to_string(), text: sentence.to_string(), firm: false });
                }
            }
            if let Some(last) = found.iter().rfind(|w| w.precision == Precision::Day) {
                anchor = Some(last.date);
            }
            for when in found {
                let label = when.label();
                // A sentence that names a day and its year once is dated once.
                if !seen.contains(&label)
                    && (when.precision == Precision::Day
                        || !seen.iter().any(|s: &String| s.starts_with(&label)))
                {
                    seen.push(label.clone());
                    doc.dated.push(Dated { date: label, text: sentence.to_string(), firm });
                }
            }
        }
    }
}

/// The speaker's name (or the unnamed source as written) and the person, for a mention.
fn resolve(
    registry: &Registry,
    mentions: &[Vec<Mention>],
    layout: &[Layout],
    article: &Article,
    (block, m, shaped): (usize, &Mention, bool),
    doc: usize,
) -> (String, Option<usize>) {
    let written = || article.blocks[block].text.get(m.start..m.end).unwrap_or(&m.text).to_string();
    match m.kind {
        // A name after an article that opens a description ("the Republican presidential
        // candidate", "a Pentagon readout", "the Trump campaign"): the description speaks.
        Kind::Name
            if m.after_article
                && let Some(described) = description_opened(&article.blocks[block].text, m) =>
        {
            (described, None)
        }
        Kind::Name if m.org => (written(), None),
        // A surname alone stands for the person of that surname named last before it in the
        // document: "Sánchez said" after "Luís Sánchez, a welder" is the welder, not the
        // prime minister the story names more often.
        Kind::Name
            if !m.text.contains(' ')
                && let Some(id) = recent_namesake(registry, mentions, block, m.start, &m.text) =>
        {
            (registry.people[id].name.clone(), Some(id))
        }
        Kind::Name => match registry.by_name(&m.text) {
            Some(id) => (registry.people[id].name.clone(), Some(id)),
            // A named source the registry does not hold as a person: kept as written when it
            // reads as a full name or an organisation, else unknown.
            None if m.org || m.text.split_whitespace().count() > 1 && !not_a_person(&m.text) => {
                (m.text.clone(), None)
            }
            // One word with the shape of a person's name, the subject of a verb of saying
            // ("Melanie said", "…," Boyle said): the source as written.
            None if shaped && !lone_word_not_a_person(&m.text) => (m.text.clone(), None),
            // A thing's name after an article speaks as itself ("the Saudis said", "The Hill
            // reported"), its article kept.
            None if m.after_article
                && !is_known_place(&m.text)
                && crate::text::month_number(&m.text).is_none()
                && names_alone(&article.blocks[block].text, m) =>
            {
                (with_article(&article.blocks[block].text, m), None)
            }
            None => (String::new(), None),
        },
        // "The company said", "it posted": the organisation the sentences before have
        // speaking or as their subject.
        Kind::Role | Kind::Pronoun
            if stands_for_org(&m.text)
                && let Some(org) = org_antecedent(mentions, layout, article, block, m.start) =>
        {
            (org, None)
        }
        // An indefinite description ("an official", "one witness") is nobody named before.
        Kind::Role if is_indefinite(&written()) => (written(), None),
        Kind::Role => {
            match registry
                .by_role_recent(&m.text, doc, &recent_people(registry, mentions, block, m.start))
                .or_else(|| described_person(registry, mentions, (layout, article), block, m))
            {
                Some(id) => (registry.people[id].name.clone(), Some(id)),
                None => (written(), None),
            }
        }
        Kind::Pronoun => match antecedent(registry, mentions, layout, article, block, m, doc) {
            Some(Antecedent::Person(id)) => (registry.people[id].name.clone(), Some(id)),
            Some(Antecedent::Described(what)) => (what, None),
            None => (written(), None),
        },
    }
}

/// Where the word before a name starts in `text` (its article, for a name marked `after_article`).
fn article_start(text: &str, m: &Mention) -> usize {
    super::mentions::word_before(text, m.start).0
}

/// A name after an article as written with it ("the Saudis").
fn with_article(text: &str, m: &Mention) -> String {
    text.get(article_start(text, m)..m.end).unwrap_or(&m.text).to_string()
}

/// A word without the marks that may close it ("said,", "Hill.", "campaign’").
fn without_marks(word: &str) -> &str {
    word.trim_end_matches([',', '.', ';', ':', '!', '?', '"', '”', '\'', '’'])
}

/// Whether a name stands as a noun phrase of its own, not in the possessive and followed by no
/// lower-case word but a function word or a verb of saying ("the Saudis said", "The Hill,";
/// not "the Valencia flood disaster", "the Conservative’s thrashing").
fn names_alone(text: &str, m: &Mention) -> bool {
    let rest = text.get(m.end..).unwrap_or("");
    let core = without_marks(rest.split_whitespace().next().unwrap_or(""));
    let content = core.chars().next().is_some_and(char::is_lowercase)
        && !crate::text::is_function_word(core)
        && !is_speech_verb(core);
    !m.is_owner(text) && !content
}

/// The description a name after an article opens, as written from the article, when lower-case
/// words that are neither function words nor verbs of saying follow the name, the last a noun
/// of a person, a role or a body ("the Republican presidential candidate told", "a Democratic
/// strategist said", "the Lincoln actor"): the name is a modifier, not who speaks. A possessive
/// among them reads on ("the Trump campaign's spokeswoman"), and when what it owns is no
/// source, the owner is ("The US president's comments"). `None` when the run ends on no such
/// noun ("the Pentagon said", "a Trump rally", "the Trump campaign rally").
fn description_opened(text: &str, m: &Mention) -> Option<String> {
    let rest = text.get(m.end..)?;
    // Where the run's last word ends and whether it is a noun of a source; where the last
    // possessive owner that is one ends.
    let mut last: Option<(usize, bool)> = None;
    let mut owner_end: Option<usize> = None;
    for bare in rest.split_whitespace() {
        let offset = bare.as_ptr() as usize - text.as_ptr() as usize;
        let trimmed = without_marks(bare);
        let core = crate::text::without_possessive(trimmed);
        let owner = core.len() < trimmed.len();
        // (A participle after the noun opens a clause: "a radio host considered one of …".)
        let noun = !core.is_empty()
            && core.chars().all(|c| c.is_lowercase() || c == '-')
            && !core.ends_with("ed")
            && !crate::text::is_function_word(core)
            && !is_speech_verb(core);
        if !noun {
            break;
        }
        let source = is_role_noun(core) || is_person_noun(core) || stands_for_org(core);
        // The run's last noun is its head: a source, or not ("the Trump campaign rally").
        last = Some((offset + core.len(), source));
        // A body's someone reads on to whom it owns: "the Trump campaign's spokeswoman"; if
        // what it owns is no source, the owner is ("The US president's comments").
        if owner && trimmed.len() == bare.len() {
            if source {
                owner_end = Some(offset + core.len());
            }
            continue;
        }
        if core.len() < bare.len() {
            break;
        }
    }
    // ("the Chicago suburbs", "a Trump rally" describe no source.)
    let end = match last? {
        (end, true) => end,
        _ => owner_end?,
    };
    text.get(article_start(text, m)..end).map(str::to_string)
}

/// The person a definite description of a person stands for ("the college student", "the
/// 22-year-old", "the host": a noun of `vocab/en/person-nouns.txt`), when no one holds it as a
/// role: news introduces someone by name and then describes them ("Charles Jones, 22, …
/// evacuated. “…,” the college student said"). The person named last before it, outside
/// quotes, in its sentence or the one before: a full name the story holds for a person (a
/// title, an age, a quote), or a surname the document named in full before ("As Guthrie
/// noted, …"), when the story gives them no role (an official is not "the college student"). Offices ("the official") and bodies ("the complaint") are left as
/// written.
fn described_person(
    registry: &Registry,
    mentions: &[Vec<Mention>],
    (layout, article): (&[Layout], &Article),
    block: usize,
    m: &Mention,
) -> Option<usize> {
    // (Not someone's relative: "his mother", "the victim's father" is another person.)
    let owned = m.text.split_whitespace().any(|w| is_possessive(w) || crate::text::is_possessive_form(w));
    if owned || !m.text.split_whitespace().last().is_some_and(is_person_noun) {
        return None;
    }
    // Where to look: the sentence before the description's (the last of the block before, for
    // a block's first sentence) up to the description, quotes aside.
    let sentences = &layout[block].sentences;
    let own = sentences.partition_point(|s| (s.start as usize) <= m.start).saturating_sub(1);
    let (from_block, from) = match own.checked_sub(1) {
        Some(k) => (block, sentences[k].start as usize),
        None => match block.checked_sub(1) {
            Some(b) => (b, layout[b].sentences.last().map_or(0, |s| s.start as usize)),
            None => (block, 0),
        },
    };
    let id = mentions_between(mentions, (from_block, from), (block, m.start))
        // (At most the last 64 mentions: a hostile paragraph stays linear.)
        .take(64)
        .filter(|(_, x)| x.kind == Kind::Name && !x.org && !is_known_place(&x.text) && !not_a_person(&x.text))
        .filter(|&(b, x)| !layout[b].in_quote(x.start, x.end) && !in_headline(layout, article, b, x))
        .find_map(|(b, x)| {
            if x.text.contains(' ') {
                registry.by_name(&x.text).filter(|&id| registry.people[id].evidence)
            } else {
                // A surname alone: the person of that surname the document named in full.
                recent_namesake(registry, mentions, b, x.start, &x.text)
            }
        })?;
    let p = &registry.people[id];
    (p.roles.is_empty() && !is_known_place(&p.name) && !not_a_person(&p.name)).then_some(id)
}

/// Whether mention `x` of block `b` stands in a sentence written in title case (four to 60
/// words, seven in ten of its words capitalised, the others function words): a headline,
/// whose names introduce nobody the next sentence describes.
fn in_headline(layout: &[Layout], article: &Article, b: usize, x: &Mention) -> bool {
    let sentences = &layout[b].sentences;
    let k = sentences.partition_point(|s| (s.start as usize) <= x.start).saturating_sub(1);
    let text = article.blocks[b].own_text();
    let Some(sentence) = sentences.get(k).and_then(|s| text.get(s.range())) else { return false };
    // A headline is short: past 60 words a sentence is none, and is not read further.
    let words: Vec<&str> =
        sentence.split_whitespace().take(61).filter(|w| w.starts_with(char::is_alphabetic)).collect();
    let capitalised = words.iter().filter(|w| w.starts_with(char::is_uppercase)).count();
    // (Title case leaves only function words small; prose dense with names has others: "Ola
    // Strand, 22, Kari Lind, 35, and Per Dahl left.")
    let small_are_function_words = || {
        words.iter().filter(|w| !w.starts_with(char::is_uppercase)).all(|w| {
            crate::text::is_function_key(crate::text::stem_key(
                w.trim_end_matches(|c: char| !c.is_alphanumeric()),
            ))
        })
    };
    (4..=60).contains(&words.len()) && capitalised * 10 >= words.len() * 7 && small_are_function_words()
}

/// The mentions that end before `(block, at)` and start at or after `(from_block, from)`,
/// nearest first, each with its block.
fn mentions_between(
    mentions: &[Vec<Mention>],
    (from_block, from): (usize, usize),
    (block, at): (usize, usize),
) -> impl Iterator<Item = (usize, &Mention)> {
    (from_block..=block).rev().flat_map(move |b| {
        let ms = &mentions[b];
        let upto = if b == block { ms.partition_point(|m| m.end <= at) } else { ms.len() };
        let lo = if b == from_block { from } else { 0 };
        ms[..upto].iter().rev().take_while(move |m| m.start >= lo).map(move |m| (b, m))
    })
}

/// The mentions before `(block, at)`, nearest first.
fn mentions_before(mentions: &[Vec<Mention>], block: usize, at: usize) -> impl Iterator<Item = &Mention> {
    mentions_between(mentions, (0, 0), (block, at)).map(|(_, m)| m)
}

/// The person last named in full before `(block, at)` whose surname is `surname` (at most the
/// last 64 mentions are read).
fn recent_namesake(
    registry: &Registry,
    mentions: &[Vec<Mention>],
    block: usize,
    at: usize,
    surname: &str,
) -> Option<usize> {
    let key = crate::text::name_key(surname);
    let before = mentions_before(mentions, block, at);
    before
        .take(64)
        .filter(|m| m.kind == Kind::Name && !m.org)
        .filter_map(|m| m.text.rsplit_once(' ').map(|(_, last)| (m, last)))
        // Spellings of one surname differ by a letter or two: a cheap test before the key.
        .filter(|(_, last)| last.len().abs_diff(surname.len()) <= 2)
        .find(|(_, last)| crate::text::name_key(last) == key)
        .and_then(|(m, _)| registry.by_name(&m.text))
}

/// People named before `(block, at)`, nearest first (at most the last 64 mentions are read).
fn recent_people(registry: &Registry, mentions: &[Vec<Mention>], block: usize, at: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let before = mentions_before(mentions, block, at);
    for m in before.take(64) {
        if m.kind == Kind::Name
            && !m.org
            && let Some(id) = registry.by_name(&m.text)
            && !out.contains(&id)
        {
            out.push(id);
        }
    }
    out
}

/// What a pronoun stands for.
enum Antecedent {
    /// A person of the registry.
    Person(usize),
    /// A description of someone not named, as written ("the judge", "one official").
    Described(String),
}

/// The person a pronoun at `(block, at)` stands for: in the nearest sentence before it that
/// names a person (a name or a role that resolves), its subject, else the last person named.
fn antecedent(
    registry: &Registry,
    mentions: &[Vec<Mention>],
    layout: &[Layout],
    article: &Article,
    block: usize,
    pronoun: &Mention,
    doc: usize,
) -> Option<Antecedent> {
    let at = pronoun.start;
    let person = |b: usize, m: &Mention| match m.kind {
        Kind::Name if m.org || is_known_place(&m.text) => None,
        Kind::Name => registry.by_name(&m.text),
        Kind::Role if article.blocks[b].text.get(m.start..m.end).is_some_and(is_indefinite) => None,
        Kind::Role => registry.by_role_recent(&m.text, doc, &recent_people(registry, mentions, b, m.start)),
        Kind::Pronoun => None,
    };
    for b in (0..=block).rev() {
        let text = &article.blocks[b].text;
        let limit = if b == block { at } else { text.len() };
        let in_quote = |m: &Mention| layout[b].in_quote(m.start, m.end);
        // The nearest eight sentences of each block are read, so that a block of thousands of
        // pronouns stays linear.
        let sentences = &layout[b].sentences;
        let upto = sentences.partition_point(|s| (s.start as usize) < limit);
        for s in sentences[..upto].iter().rev().take(8) {
            // A sentence that runs on for pages is read over its last 2,000 bytes only.
            let to = (s.end as usize).min(limit);
            let from = text.ceil_char_boundary((s.start as usize).max(to.saturating_sub(2_000)));
            let ms = &mentions[b];
            let first = ms.partition_point(|m| m.start < from);
            let in_sentence: Vec<&Mention> = ms[first..]
                .iter()
                .take_while(|m| m.start < to)
                .filter(|m| m.end <= to && !in_quote(m))
                .collect();
            // The nearest sentence that names a person holds the antecedent: its subject (a
            // person within its first eight words), else the last person it names by name,
            // else by role (a role beside a name is that name's: "Kevin Cartwright, the
            // spokesperson for the fire department, told Reuters").
            let head_end =
                text[from..to].split_whitespace().take(8).map(|w| w.len() + 1).sum::<usize>() + from;
            // A person the sentence has speaking ("…, U.S. Attorney Bill Essayli said.") is
            // who a following "he said" goes on quoting, before the subject the sentence is
            // about ("Jonathan Rinderknecht was charged …").
            let speaking = in_sentence.iter().filter(|m| m.kind == Kind::Name && speaks(text, m));
            if let Some(id) = speaking.clone().find_map(|m| person(b, m)) {
                return Some(Antecedent::Person(id));
            }
            // A sentence whose subject is the same pronoun goes on about the same person
            // ("At a news conference he said he would drop Rishi Sunak's scheme."): the
            // antecedent lies further back.
            let head: Vec<&&Mention> = in_sentence.iter().filter(|m| m.start < head_end).collect();
            let first_person = head.iter().position(|m| m.kind != Kind::Pronoun && person(b, m).is_some());
            let same = head
                .iter()
                .position(|m| m.kind == Kind::Pronoun && m.text.eq_ignore_ascii_case(&pronoun.text));
            if same.is_some_and(|p| first_person.is_none_or(|f| p < f)) {
                continue;
            }
            // The subject: the first person of the head, a role in apposition standing for
            // the name beside it ("the prime minister of Portugal, Luis Montenegro, …" is
            // Montenegro, not another country's prime minister).
            let apposed = |k: usize| {
                let m = head[k];
                let next = head[k + 1..]
                    .iter()
                    .position(|n| n.start >= m.end && !is_known_place(&n.text))
                    .map(|p| k + 1 + p);
                next.filter(|&n| {
                    let (n, gap) = (head[n], &text[m.end..head[n].start]);
                    m.kind == Kind::Role
                        && n.kind == Kind::Name
                        && (gap.trim_matches([',', ' ']).is_empty()
                            || gap.trim_end().ends_with(',') && gap.split_whitespace().count() <= 3)
                })
            };
            let subject = (0..head.len()).find_map(|k| person(b, head[apposed(k).unwrap_or(k)]));
            if let Some(id) = subject {
                return Some(Antecedent::Person(id));
            }
            // A description nobody named stands for itself: "The judge commented …" then
            // "…," he stated", "one official said …" then "…," they said", and someone
            // brought in unnamed ("AFP met a shopkeeper in his sixties …" then "…," he
            // sobbed").
            let described =
                in_sentence.iter().filter(|m| m.kind == Kind::Role && !stands_for_org(&m.text)).find(|m| {
                    speaks(text, m)
                        || text[from..m.start].split_whitespace().count() <= 1
                        || is_indefinite(&text[m.start..m.end])
                });
            if let Some(m) = described
                && in_sentence.iter().all(|n| n.kind != Kind::Name || person(b, n).is_none())
            {
                return Some(Antecedent::Described(text[m.start..m.end].to_string()));
            }
            let named = in_sentence.iter().rev().filter(|m| m.kind == Kind::Name).find_map(|m| person(b, m));
            if let Some(id) = named.or_else(|| in_sentence.iter().rev().find_map(|m| person(b, m))) {
                return Some(Antecedent::Person(id));
            }
        }
        if block - b >= 4 {
            break;
        }
    }
    None
}

/// The organisation a description or "it" at `(block, at)` stands for: in the nearest of the
/// three sentences before it that names one (a name with no title or role, not a place's),
/// the one that is
/// its subject (among its first four words), else the one it has speaking.
fn org_antecedent(
    mentions: &[Vec<Mention>],
    layout: &[Layout],
    article: &Article,
    block: usize,
    at: usize,
) -> Option<String> {
    let mut read = 0;
    for b in (block.saturating_sub(2)..=block).rev() {
        let text = &article.blocks[b].text;
        let limit = if b == block { at } else { text.len() };
        let sentences = &layout[b].sentences;
        let upto = sentences.partition_point(|s| (s.start as usize) < limit);
        for s in sentences[..upto].iter().rev() {
            if read == 3 {
                return None;
            }
            read += 1;
            let (from, to) = (s.start as usize, (s.end as usize).min(limit));
            let ms = &mentions[b];
            let first = ms.partition_point(|m| m.start < from);
            let orgs: Vec<&Mention> = ms[first..]
                .iter()
                .take_while(|m| m.start < to)
                .filter(|m| {
                    m.kind == Kind::Name
                        && !layout[b].in_quote(m.start, m.end)
                        && !is_known_place(&m.text)
                        // "Halvik's library": an owner, not the subject.
                        && !m.is_owner(text)
                        // "It" and "the company" are never a person: any name will do but a
                        // titled one ("Mr Smith") or a place.
                        && !m.titled
                        && m.role.is_none()
                })
                .collect();
            let head_end = from + words_end(&text[from..to], 4);
            if let Some(m) =
                orgs.iter().find(|m| m.start < head_end).or_else(|| orgs.iter().find(|m| speaks(text, m)))
            {
                return Some(m.text.clone());
            }
        }
    }
    None
}

/// Whether the mention is the subject of a plain verb of saying right after it ("Essayli
/// said") or the name right after one ("said Essayli").
fn speaks(text: &str, m: &Mention) -> bool {
    let rest = text.get(m.end..).unwrap_or("");
    // Past an apposition: "Govia Thameslink Railway, the UK's largest rail franchise, said".
    let rest = match rest.strip_prefix(',') {
        Some(apposition) => {
            apposition.get(apposition.find(',').filter(|&i| i < 80).map_or(0, |i| i + 1)..).unwrap_or("")
        }
        None => rest,
    };
    let after = rest.split_whitespace().next().unwrap_or("");
    let before = text.get(..m.start).unwrap_or("").split_whitespace().next_back().unwrap_or("");
    let verb = |w: &str| is_plain_saying(&w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase());
    verb(after) || verb(before) && !before.ends_with([',', '.', ';', ':'])
}

#[cfg(test)]
mod tests {
    use parallax_model::{Article, DocFormat};

    use super::{Config, facts, names_no_one};
    use crate::{extract, ingest};

    fn article(text: &str) -> Article {
        let doc =
            ingest::text_document("t", "t", DocFormat::Text, text.as_bytes(), &ingest::Config::default())
                .expect("decodes");
        extract::extract(&doc, &extract::Config::default()).articles.remove(0)
    }

    /// Hostile paragraphs come through whole: unbalanced marks, no sentence ends, stray marks,
    /// thousands of alternating quotes and cues (their speed is in the `facts stress` bench).
    #[test]
    fn hostile_paragraphs_do_not_break_the_stage() {
        let unbalanced = "Mr Varga said: \"the ferry was late, and nobody told us why. ".repeat(300);
        let a = article(&unbalanced);
        let got = facts(&[&a], &Config::default());
        // Straight marks pair up by position: 300 marks, 150 quotes, the first one attributed.
        assert_eq!(got.docs[0].quotes.len(), 150);
        assert_eq!(got.docs[0].quotes[0].speaker.as_deref(), Some("Varga"));

        let alternating = "“We waited,” she said, “and waited,” he added, ".repeat(300);
        let a = article(&alternating);
        let got = facts(&[&a], &Config::default());
        assert_eq!(got.docs[0].quotes.len(), 600);
        assert!(got.docs[0].quotes.iter().all(|q| q.speaker_mention.is_some()));

        // One paragraph of introductions and descriptions: each description is the person
        // named just before it, read within a bounded window.
        let described = "Ola Strand, 22, left. “It burns,” the student said. ".repeat(300);
        let a = article(&described);
        let got = facts(&[&a], &Config::default());
        assert_eq!(got.docs[0].quotes.len(), 300);
        assert!(got.docs[0].quotes.iter().all(|q| q.speaker.as_deref() == Some("Ola Strand")));

        for text in [
            "the harbour pilots and the crew of the ferry ".repeat(300),
            "a \" b ' c “ d ” e ‘ f ’ ".repeat(300),
        ] {
            let a = article(&text);
            let got = facts(&[&a], &Config::default());
            assert!(got.people.is_empty());
        }
    }

    /// The speakers of the quotes of `text`, in order.
    fn speakers(texts: &[&str]) -> Vec<Vec<String>> {
        let articles: Vec<Article> = texts.iter().map(|t| article(t)).collect();
        let refs: Vec<&Article> = articles.iter().collect();
        let got = facts(&refs, &Config::default());
        got.docs
            .iter()
            .map(|d| d.quotes.iter().map(|q| q.speaker.clone().unwrap_or_default()).collect())
            .collect()
    }

    #[test]
    fn a_name_after_an_article_speaks_as_itself_or_as_the_description_it_opens() {
        let got = speakers(&[
            "Mara Lind spoke in Halvik on Sunday.\n\
             \"The harbour will reopen within a week,\" the Coastal Alliance presidential candidate told reporters.",
            "\"We are reviewing every crossing,\" an Alliance supporter said on Monday.",
            "\"No crossing is at risk,\" the Nordline company's spokeswoman said on Monday.",
            "\"Every crossing is safe,\" the Nordline chairman's statement said on Monday.",
            "\"The ferry was never at risk,\" the Norwegians said in a memo to the port.",
        ]);
        assert_eq!(
            got,
            [
                ["the Coastal Alliance presidential candidate"],
                ["an Alliance supporter"],
                ["the Nordline company's spokeswoman"],
                ["the Nordline chairman"],
                ["the Norwegians"]
            ]
        );
        // A name that modifies something other than a source, or stands in the possessive,
        // names no speaker.
        let got = speakers(&[
            "Crowds gathered at a Nordline rally near the harbour where the ferry docked.\n\
             \"We want the crossing back,\" chanted the crowd outside the terminal.",
            "After the Halvik flood disaster the alerts were \"notably late\" in every town.",
        ]);
        assert!(
            got.iter().flatten().all(|s| !s.contains("Nordline") && !s.starts_with("the Halvik")),
            "{got:?}"
        );
    }

    #[test]
    fn a_surname_is_the_person_named_last_and_a_pronoun_the_person_of_the_nearest_sentence() {
        let got = speakers(&[
            "Prime Minister Pedro Alvarez said the army would help. Pedro Alvarez visited the town.",
            "Prime Minister Pedro Alvarez flew in on Friday.\n\
             Luis Alvarez, a welder, was stuck on the motorway for hours.\n\
             \"I saw cars floating past,\" Alvarez said.",
        ]);
        assert_eq!(got[1], ["Luis Alvarez"], "the welder named just before, not the better-known namesake");
        let got = speakers(&["Minister Jo Berg opened the new harbour office on Monday.\n\
             In Halvik, most houses may have been damaged, according to its mayor, Kari Lind.\n\
             \"The situation is very bad,\" she said."]);
        assert_eq!(got[0], ["Kari Lind"], "the person of the nearest sentence that names one");
    }

    #[test]
    fn a_pronoun_goes_on_quoting_whoever_spoke_last_by_name() {
        let got = speakers(&[
            // The speaker of the sentence before, not the subject it is about, and the name
            // beside a role, not another document's holder of that role.
            "Skipper Ola Berg was charged with sailing drunk, prosecutor Kari Lind said.\n\
             The ferry hit the pier, \"one of the worst accidents in years,\" she said.",
            "Anna Vik, the spokesperson for the harbour police, gave no details.",
            "Jo Strand, the spokesperson for the Halvik fire service, spoke to reporters.\n\
             \"This is a mass-casualty event,\" he said.",
        ]);
        assert_eq!(got[0], ["Kari Lind"]);
        assert_eq!(got[2], ["Jo Strand"]);
    }

    #[test]
    fn a_pronoun_skips_sentences_about_the_same_he_and_reads_apposition_and_descriptions() {
        let got = speakers(&[
            // "He" of the sentence before is the same he: Sunak is only named there.
            "Prime Minister Kari Lind took office on Friday.\n\
             At a news conference he said he would drop Ola Berg's ferry plan.\n\
             \"The plan was dead before it started,\" he told reporters.",
            // A role in apposition is the name beside it, not another country's holder.
            "Prime Minister Jo Strand of Norway spoke on Monday.\n\
             Meanwhile, the prime minister of Sweden, Anna Vik, offered help.\n\
             \"We stand ready,\" she said.",
            // A description nobody named stands for itself.
            "The judge commented on complaints against the crews.\n\
             \"The water made it impossible to reach them,\" he stated.",
        ]);
        assert_eq!(got[0], ["Kari Lind"]);
        assert_eq!(got[1], ["Anna Vik"]);
        assert_eq!(got[2], ["The judge"]);
    }

    #[test]
    fn an_indefinite_description_is_nobody_named_before() {
        let got = speakers(&[
            "Airport official Jo Berg met reporters.\n\"The runway is long enough,\" an official said.",
            "Airport official Jo Berg met reporters.\n\"The runway is long enough,\" one official said.",
            "Airport official Jo Berg met reporters.\n\"The runway is long enough,\" the official said.",
            "Officials met at the airport.\nOne official said this was likely not a factor.\n\
             \"The runway is long enough,\" they said.",
            "Airport official Jo Berg met reporters.\nAnother official said the runway was long.\n\
             \"It is long enough,\" he said.",
        ]);
        assert_eq!(got[0], ["an official"]);
        assert_eq!(got[1], ["one official"]);
        assert_eq!(got[2], ["Jo Berg"], "a definite description is the one named before");
        assert_eq!(got[3], ["One official"], "the description a pronoun goes on quoting");
        assert_eq!(got[4], ["Another official"]);
        // A definite description is someone its own document names, not another's.
        let got = speakers(&[
            "\"The roads are closed,\" military official Jo Berg said on Tuesday.",
            "The alerts came late, a ministry said.\n\"Why this delay?\" said the official, who \
             was granted anonymity.",
        ]);
        assert_eq!(got, [vec!["Jo Berg"], vec!["the official"]]);
        // Someone the sentence before brings in, unnamed, is who a pronoun goes on quoting.
        let got = speakers(&["Reporters met a shopkeeper in his sixties outside his ruined store.\n\
             \"This was my whole life,\" he sobbed."]);
        assert_eq!(got[0], ["a shopkeeper"]);
    }

    #[test]
    fn a_description_of_a_person_is_the_one_named_just_before() {
        let got = speakers(&[
            "Ola Strand, 22, and two dogs left their home on Wednesday.\n\
             \"I have never seen a fire like it,\" the college student said.",
            "Hosts Kari Lind and Per Dahl spoke to the minister.\nAs Dahl noted, the firm said sorry.\n\
             \"Why is there no backup?\" the host asked.",
            // An office, a body, a name inside the quote, a headline and a place are not it.
            "Ola Strand, 22, left his home.\n\"It burns,\" the official said.",
            "Ola Strand, 22, left his home.\n\"It burns,\" according to the complaint.",
            "Crews met at the pier.\n\"Ola Strand, 22, is safe,\" the student said.",
            "Ola Strand, 22, Hits Out At Halvik Ferry Over Delays.\n\"It was late,\" the student said.",
            "Ola Strand, 22, left his home.\nThe ferry sailed from Halvik.\n\"It burns,\" the student said.",
            // Someone's relative is another person.
            "Ola Strand, 22, died on Friday.\n\"He was kind,\" his mother said.",
            // A sentence of prose dense with names is no headline.
            "Ola Strand, 22, of Halvik Bay, Skarvik County, left.\n\"It burns,\" the student said.",
        ]);
        assert_eq!(got[0], ["Ola Strand"]);
        assert_eq!(got[1], ["Per Dahl"]);
        assert_eq!(got[2], ["the official"]);
        assert!(got[3].iter().all(|s| s != "Ola Strand"), "{:?}", got[3]);
        assert_eq!(got[4], ["the student"]);
        assert_eq!(got[5], ["the student"]);
        assert_eq!(got[6], ["the student"], "named two sentences before");
        assert_eq!(got[7], ["his mother"]);
        assert_eq!(got[8], ["Ola Strand"]);
    }

    #[test]
    fn the_agent_after_by_speaks() {
        let got = speakers(&[
            "As said by a coastguard official cited by the Ledger, \"The chances are low.\"",
            "Leaders raised spending, a move hailed by Ola Strand as a \"big win\".",
            // A sentence that ends before the quote attributes nothing.
            "Turnout was low, according to polls reported by Halvik Radio. \"People see you in a new light.\"",
            // A verb whose agent passes on another's words: the subject speaks.
            "Ola Strand, asked by Halvik Radio about the delay, said: \"It was late.\"",
            "The ferry was late, as quoted by Halvik Radio: \"It was late.\"",
            // The source after "according to" before the quote; "by" a means is no agent.
            "According to the harbour master, \"the crossing stays closed.\"",
            "Ola Strand said by telephone from Halvik Radio's studio: \"It was late.\"",
            // A verb of saying with its own subject before "according to" keeps its subject.
            "Kari Lind said that according to its count, the line carried 800 people but \"we are still counting.\"",
        ]);
        // The one who relays the words ("cited by") is not part of the source.
        assert_eq!(got[0], ["a coastguard official"]);
        assert_eq!(got[1], ["Ola Strand"]);
        assert!(got[2].iter().all(|s| s != "Halvik Radio"), "{:?}", got[2]);
        assert_eq!(got[3], ["Ola Strand"]);
        assert!(got[4].iter().all(|s| s != "Halvik Radio"), "{:?}", got[4]);
        assert_eq!(got[5], ["the harbour master"]);
        assert_eq!(got[6], ["Ola Strand"]);
        assert_eq!(got[7], ["Kari Lind"]);
        // After its subject, "said by" tells the means; a relaying agent is no source.
        let got = speakers(&[
            "\"It was late,\" Ola Strand said by Zoom.",
            "Ola Strand was quoted by Halvik Radio: \"It was late.\"",
        ]);
        assert_eq!(got[0], ["Ola Strand"]);
        assert!(got[1].iter().all(|s| s != "Halvik Radio"), "{:?}", got[1]);
    }

    #[test]
    fn a_party_or_qualifier_before_an_office_is_no_speaker() {
        let got = speakers(&[
            "Conservative former justice secretary Sir Tom Berg – speaking before he lost his seat in \
             Halvik North to Labour – said his party had “got to respect the scale of this defeat”.",
            "Former defence secretary Tom Berg – speaking before he lost his seat in Halvik North to \
             Labour – said his party had “got to respect the scale of this defeat”.",
        ]);
        assert_eq!(got[0], ["Tom Berg"]);
        assert_eq!(got[1], ["Tom Berg"]);
    }

    #[test]
    fn it_and_the_company_are_the_body_that_spoke_or_was_the_subject() {
        let got = speakers(&[
            "Nordlys Lines said in a statement it had received the notice.\n\
             \"We remain focused on restoring our crossings,\" the company said.",
            "Most crossings were cancelled on Friday, the harbour office said.\n\
             The outage hit 8,000 Windows machines, Skarvik Data said in a blog post.\n\
             \"We estimate that the update affected less than one percent,\" it said.",
            "Minister Jo Berg spoke in Halvik.\n\"We are ready,\" it said.",
            "Halvik's library reopened on Wednesday.\n\"It has doubled in size,\" the council said.",
        ]);
        assert_eq!(got[0], ["Nordlys Lines"]);
        assert_eq!(got[1], ["Skarvik Data"]);
        assert_eq!(got[2], ["it"], "a titled name is a person, never \"it\"");
        assert_eq!(got[3], ["the council"], "an owner is not the subject");
    }

    #[test]
    fn an_office_without_its_holder_names_no_one() {
        for name in [
            "Halvik Ferries CEO",
            "Warrant Officer",
            "Minister",
            "Ohio Gov.",
            "It",
            "About",
            "Nordlys Airbus A320",
            "Wire Services Posted Dec",
            "National Coordinator",
            "I’ve",
        ] {
            assert!(names_no_one(name), "{name}");
        }
        for name in ["Charlie King", "Jo Lind", "Kari Bishop", "Limbaugh", "Theresa May", "Jan Lind"] {
            assert!(!names_no_one(name), "{name}");
        }
    }

    #[test]
    fn a_name_after_an_article_is_a_thing_s() {
        // "the Nordlys Ferries vessel", "a Sea Hawk helicopter": names of things and names used
        // as modifiers. Someone named in full elsewhere stays a person.
        let a = article(
            "Ferry and helicopter collide off Halvik\n\
             A Sea Hawk helicopter struck the Nordlys Ferries vessel near the harbour on Tuesday.\n\
             \"We saw nothing,\" the Sea Hawk said in a statement.\n\
             \"It was over in seconds,\" said the Nordlys Ferries.\n\
             The Lind inquiry will report in May, harbour master Jo Lind said.",
        );
        let got = facts(&[&a], &Config::default());
        let people: Vec<&str> = got.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(people, ["Jo Lind"]);
    }

    #[test]
    fn headline_words_and_cut_names_are_not_people() {
        let a = article(
            "Ferry Crash\nInvestigators Blame Fog For Harbour Collision On Tuesday\n\
             \"We saw nothing,\" said harbour pilot Jo Lind.\n\
             The inquiry was ordered by former minister Kari Tr",
        );
        let got = facts(&[&a], &Config::default());
        let people: Vec<&str> = got.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(people, ["Jo Lind"]);
        // A title vouches for a name, not for a common phrase it opens.
        let a = article(
            "Halvik General Election turnout was the lowest since 1945.\n\
             Turnout at the general election fell, General Kari Lind said.",
        );
        let got = facts(&[&a], &Config::default());
        let people: Vec<&str> = got.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(people, ["Kari Lind"]);
    }

    #[test]
    fn an_office_in_the_possessive_is_its_holder() {
        let got = speakers(&["Mayor Kari Lind visited the harbour on Monday.\n\
             \"We are doing everything we can,\" the city's mayor said."]);
        assert_eq!(got[0], ["Kari Lind"]);
    }

    #[test]
    fn places_peoples_and_parties_are_not_speakers() {
        let got = speakers(&["\"The vote was a disaster,\" said Northern England on Friday."]);
        assert_eq!(got[0], [""]);
    }

    /// Each case: a document, the speaker of its one quote ("" for none), and why.
    #[track_caller]
    fn check_speakers(cases: &[(&str, &str, &str)]) {
        let texts: Vec<&str> = cases.iter().map(|c| c.0).collect();
        for (got, (text, want, why)) in speakers(&texts).iter().zip(cases) {
            assert_eq!(got, &[want.to_string()], "{why}: {text}");
        }
    }

    #[test]
    fn one_word_is_a_source_when_it_has_a_name_s_shape() {
        check_speakers(&[
            (
                "The couple arrived at the rally late on Friday.\n\"He really does love us,\" Melanie said.",
                "Melanie",
                "a given name speaks",
            ),
            ("The vote was lost.\n\"The vote was a disaster,\" British said.", "", "a people does not"),
            ("No deal was reached.\n\"Talks resume then,\" Monday said.", "", "a day does not"),
            (
                "\"We will be back next week,\" Officials said, as officials often do.",
                "Officials",
                "a common word is a description as written, not a name",
            ),
        ]);
    }

    #[test]
    fn asides_places_and_descriptions_around_a_name_are_not_the_speaker() {
        check_speakers(&[
            (
                "\"Mitt Romney was prepared,\" Sen. Claire McCaskill (D-Mo.) said in a statement.",
                "Claire McCaskill",
                "a party and state in parentheses",
            ),
            (
                "\"Today marks a milestone,\" Halvik State Police Superintendent Col. Kari Lind Jr. said.",
                "Kari Lind",
                "\"State\" in a name is no verb of saying",
            ),
            ("\"Carson is cratering,\" said Texas-based Jo Lind.", "Jo Lind", "a describing compound"),
            (
                "\"We could see people staying home,\" said Idaho supplement executive Kari Berg.",
                "Kari Berg",
                "a place before the name",
            ),
            (
                "The vote signals \"the beginning of the end\" for the union, said Jo Lind, a party founder.",
                "Jo Lind",
                "the quote's sentence runs on, then \", said\" and the source",
            ),
            (
                "Hours later, Kari Berg returned the compliment, telling reporters, \"He is a friend.\" The hours passed.",
                "Kari Berg",
                "a common word opening the sentence is nobody",
            ),
            (
                "Senator Ola Strand of Halvik said: \"We will not back this plan.\"",
                "Ola Strand",
                "where a speaker is from",
            ),
            (
                "Los Angeles-based attorney Anna Vik said: \"The case is closed.\"",
                "Anna Vik",
                "what describes",
            ),
        ]);
        let got = speakers(&["The current Democratic nominee said: \"We will win this state.\""]);
        assert_ne!(got[0], ["Democratic"], "the party is not the speaker");
    }

    #[test]
    fn an_undated_report_takes_the_day_the_set_establishes_and_leads_are_dated() {
        let dated = |text: &str, day: Option<jiff::civil::Date>| {
            let mut a = article(text);
            a.published = day;
            a
        };
        let day = jiff::civil::date(2026, 3, 4);
        let a = dated(
            "Ferry hits cargo ship off Halvik\nA ferry and a cargo ship collided in fog off Halvik, injuring fourteen people.",
            Some(day),
        );
        let b = dated(
            "Council votes on cycle lanes\nThe city council approved new cycle lanes on the bridge after a long campaign.",
            Some(jiff::civil::date(2026, 2, 1)),
        );
        let c = dated(
            "Fog blamed as ferry hits cargo ship off Halvik\nA ferry collided with a cargo ship in fog off Halvik, and fourteen people were hurt.\nThe port reopened on Tuesday.",
            None,
        );
        let got = facts(&[&a, &b, &c], &Config::default());
        assert_eq!(got.docs[2].set_published, Some(day), "the day of the report most alike");
        assert_eq!(got.docs[0].set_published, None);
        let lead = &got.docs[0].dated[0];
        assert_eq!((lead.date.as_str(), lead.firm), ("2026-03-04", false), "a lead is dated by its report");
        let tuesday: Vec<(&str, bool)> = got.docs[2]
            .dated
            .iter()
            .filter(|t| t.text.contains("Tuesday"))
            .map(|t| (t.date.as_str(), t.firm))
            .collect();
        assert_eq!(tuesday, [("2026-03-03", false)], "read against a day the set gave: not firm");
        // A lead that dates only a happening it names as background tells what happened by the
        // day it was published as well.
        let d = dated(
            "Divers search ferry\nDivers searched the wreck following Monday's collision off Halvik.",
            Some(day),
        );
        let got = facts(&[&d], &Config::default());
        let days: Vec<&str> = got.docs[0].dated.iter().map(|t| t.date.as_str()).collect();
        assert_eq!(days, ["2026-03-04", "2026-03-02"]);
    }

    #[test]
    fn without_dates_the_other_facts_are_the_same() {
        let a = article(
            "Ferry hits cargo ship\nCaptain Lena Varga said on Tuesday, March 3, 2026: \"The fog came down fast.\" \
             The coastguard in Halvik said fourteen people were hurt. The inquiry opens on Friday.",
        );
        let all = facts(&[&a], &Config::default());
        let some = facts(&[&a], &Config { dates: false });
        assert!(!all.docs[0].dated.is_empty());
        assert!(some.docs[0].dated.is_empty());
        assert_eq!(all.people, some.people);
        assert_eq!(all.named, some.named);
        assert_eq!(all.docs[0].quotes, some.docs[0].quotes);
    }
}
