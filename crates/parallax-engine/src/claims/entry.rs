//! The claims stage's entry point.

use std::collections::HashMap;

use super::diverge::{Context, Divergence, QuoteInput, divergences};
use super::group::{ClaimGroup, DocInput, Prepared, extend, group, parts, prepare};
use super::summary::{Picked, Story, disputed, headline, key_facts, summarize, superseded, tell};
use super::updates::{Update, updates};
use crate::text::stem_key;

/// Settings of the claims stage (none yet; the thresholds are measured constants).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {}

/// What the claims stage reads.
#[derive(Clone, Debug, Default)]
pub struct Input<'a> {
    /// The documents, with their sentences and origins.
    pub docs: Vec<DocInput<'a>>,
    /// Quotes grouped across documents, with their wordings.
    pub quotes: Vec<QuoteInput>,
    /// Full names of the people the documents mention.
    pub people: Vec<String>,
    /// Other spellings of those people's names, each with the full name it stands for
    /// ("Maynor Yasir Suazo-Sandoval" for "Maynor Yassir Suazo Sandoval").
    pub spellings: Vec<(String, String)>,
}

/// What the claims stage finds in a document set.
pub struct Claims {
    /// Claim groups, in the order of their first sentence.
    pub groups: Vec<ClaimGroup>,
    /// Points where sources disagree.
    pub divergences: Vec<Divergence>,
    /// Running counts that reports of different days give different values.
    pub updates: Vec<Update>,
    /// The cited summary, in reading order.
    pub summary: Vec<Picked>,
    /// The key facts (groups by position), best supported first, no fact twice
    /// (`summary::key_facts`).
    pub key_facts: Vec<usize>,
    /// What heads the briefing: a document's title, or a lead sentence when no document has
    /// a title (`summary::headline`).
    pub headline: Option<String>,
    /// The statements and word weights the groups were made from.
    pub prepared: Prepared,
}

/// Groups the statements of the documents and finds where they disagree.
pub fn claims(input: &Input, _config: &Config) -> Claims {
    let aliases = name_aliases(&input.people);
    let prepared = prepare(&input.docs, &aliases);
    let mut groups = group(&input.docs, &prepared);
    extend(&input.docs, &prepared, &mut groups);
    let people = surnames(input);
    let divergences = divergences(&Context { docs: &input.docs, prepared: &prepared, people: &people });
    let updates = updates(&input.docs, &prepared);
    // Parts of claims that more origins state than the whole are claims too, and the summary
    // may tell one as a sentence of its own.
    let parts = parts(&input.docs, &prepared, &groups);
    groups.extend(parts);
    let story = Story::new(&prepared);
    let told = tell(&input.docs, &groups, &prepared);
    let mut summary = summarize(&input.docs, &groups, &told, &prepared, &story);
    disputed(&input.docs, &groups, &prepared, &divergences, &mut summary);
    superseded(&input.docs, &groups, &prepared, &updates, &mut summary);
    let key_facts = key_facts(&groups, &told, &prepared);
    let headline = headline_in(input, &prepared, &story);
    Claims { groups, divergences, updates, summary, key_facts, headline, prepared }
}

/// What a story list shows of a document set beside its members, as [`claims`] finds it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Card {
    /// What heads the briefing (see [`Claims::headline`]).
    pub headline: Option<String>,
    /// How many points of disagreement the briefing shows.
    pub divergences: usize,
}

/// The headline and the number of divergences of `input`, as [`claims`] finds them, without
/// grouping the claims or writing the summary: what a story list shows beside each story.
pub fn card(input: &Input) -> Card {
    let prepared = prepare(&input.docs, &name_aliases(&input.people));
    let people = surnames(input);
    let divergences = divergences(&Context { docs: &input.docs, prepared: &prepared, people: &people }).len();
    Card { headline: headline_in(input, &prepared, &Story::new(&prepared)), divergences }
}

/// Known people by the key of their surname, with the name to show; a surname as another
/// document spells it names the same person.
fn surnames(input: &Input) -> HashMap<u64, String> {
    let mut people: HashMap<u64, String> = input
        .people
        .iter()
        .filter_map(|p| p.split_whitespace().next_back().map(|last| (stem_key(last), p.clone())))
        .collect();
    for (spelling, name) in &input.spellings {
        if let Some(last) = spelling.split_whitespace().next_back() {
            people.entry(stem_key(last)).or_insert_with(|| name.clone());
        }
    }
    people
}

/// The headline of `input` from its prepared statements and their story.
fn headline_in(input: &Input, prepared: &Prepared, story: &Story) -> Option<String> {
    headline(&input.docs, prepared, story)
}

/// For each full name, the keys of the words before the surname, mapped to the surname's key:
/// "Vladimir Putin" and "Putin" then say the same.
fn name_aliases(people: &[String]) -> HashMap<u64, u64> {
    let mut out = HashMap::new();
    for p in people {
        let words: Vec<&str> = p.split_whitespace().collect();
        if let Some((last, first)) = words.split_last() {
            let surname = stem_key(last);
            for w in first {
                out.insert(stem_key(w), surname);
            }
        }
    }
    out
}
