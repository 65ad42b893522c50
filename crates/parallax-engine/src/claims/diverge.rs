//! Divergences: points where independent sources disagree, typed, with every side cited.
//!
//! - numbers: the same statement with different counts, ages, amounts or durations for the
//!   same thing ("20,000 children" / "19,546 children"). What a figure counts is its unit, one
//!   for every spelling ("948 feet" / "984-foot"), and the class of what befell it; a toll's
//!   figure counts the dead ("the death toll … hit 100 on Saturday"). Not a divergence:
//!   rounding (within 5% where one side is the rounder), a bound the other side meets ("at
//!   least 20,000" / "21,000"), a running figure that a later report raised (another
//!   publication day, or another day the sentence or the report's lead names), a part of a
//!   breakdown by place ("39 in Wajima and 23 in Suzu") against a whole, two occasions'
//!   readings (another figure after the same word differs too: "to 1,514.77" / "to 1,700.34";
//!   a sum told with other figures of its reading: a price's move, "fell 25 cents to $32.30"
//!   / "down 49 cents at $43.52", or a per-share sum's total).
//!   A run of eight digits or more without separators is an identifier, not a figure.
//! - dates: the same statement dated on different days (dates that contain one another, a
//!   day within "last week", agree).
//! - attributes: what someone wore, where a meeting takes place, when the values share no
//!   word.
//! - stances: one source says a person agreed, accepted or confirmed something; another that
//!   it was not confirmed, was denied or refused.
//!
//! Quotes worded differently by different outlets are not divergences: real coverage trims and
//! retypes quotes all the time, and an editor does not call that a disagreement. The wordings
//! are shown with each quote (its variants).
//!
//! Only sides from different origins count: a reprint that edits its copy is the reuse
//! stage's business.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::LazyLock;

use parallax_model::DivergenceKind;

use super::group::{DocInput, Prepared, common_limit};
use super::similar::{Statement, coverage, number_key, similarity};
use super::words::{CLAUSE_MARKS, is_negation, is_time_key, is_time_word, keyed, starts_clause, vocab};
use crate::text::{Analyzer, fold, stem_key};

/// One point of disagreement.
#[derive(Clone, Debug, PartialEq)]
pub struct Divergence {
    /// What differs.
    pub kind: DivergenceKind,
    /// What differs, in words.
    pub description: String,
    /// What each side says, with its documents (by number).
    pub sides: Vec<(String, BTreeSet<usize>)>,
    /// For a divergence over a figure, the values its sides give, in order.
    pub values: Vec<f64>,
    /// For a divergence over an identifier, the identifiers its sides give, each with the name
    /// it follows, lower-cased ("boeing", "737-800"), in order.
    pub named: Vec<(String, String)>,
}

/// One quote across documents, as the facts stage grouped it.
#[derive(Clone, Debug, Default)]
pub struct QuoteInput {
    /// Its speaker, when known.
    pub speaker: Option<String>,
    /// Every wording, with its documents.
    pub variants: Vec<(String, BTreeSet<usize>)>,
}

/// Everything the divergence rules read.
pub(crate) struct Context<'a> {
    pub docs: &'a [DocInput<'a>],
    pub prepared: &'a Prepared,
    /// Surname keys of known people, with the name to show.
    pub people: &'a HashMap<u64, String>,
}

/// Every divergence of the document set, by kind, then in order of first appearance.
pub(crate) fn divergences(cx: &Context) -> Vec<Divergence> {
    let mut out = Vec::new();
    out.extend(numbers(cx));
    out.extend(dates(cx));
    out.extend(times(cx));
    out.extend(attributes(cx));
    out.extend(identifiers(cx));
    out.extend(ages(cx));
    out.extend(children(cx));
    out.extend(stances(cx));
    out
}

/// Pairs of sentences of different origins, among those `keep` returns a statement for, whose
/// statements reach `threshold`: candidates come from an inverted index of their rarer words
/// (as in the grouping), so a large story is not compared pair by pair.
fn similar_pairs(
    cx: &Context,
    threshold: f64,
    mut keep: impl FnMut(usize, usize) -> Option<Statement>,
) -> Vec<((usize, usize), (usize, usize))> {
    let mut found: Vec<((usize, usize), Statement)> = Vec::new();
    for (d, doc) in cx.docs.iter().enumerate() {
        for i in 0..doc.sentences.len() {
            if let Some(s) = keep(d, i)
                && !s.is_empty()
            {
                found.push(((d, i), s));
            }
        }
    }
    let common = common_limit(found.len());
    let mut index: super::similar::KeyMap<Vec<usize>> = Default::default();
    for (n, (_, s)) in found.iter().enumerate() {
        for &t in &s.terms {
            index.entry(t).or_default().push(n);
        }
    }
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for (n, (a, sa)) in found.iter().enumerate() {
        seen.clear();
        for t in &sa.terms {
            let Some(list) = index.get(t) else { continue };
            if list.len() > common {
                continue;
            }
            seen.extend(list.iter().copied().filter(|&m| m > n));
        }
        for &m in &seen {
            let (b, sb) = &found[m];
            if cx.docs[a.0].origin != cx.docs[b.0].origin
                && similarity(sa, sb, &cx.prepared.weights) >= threshold
            {
                out.push((*a, *b));
            }
        }
    }
    out
}

/// Sides keyed by what they say, merged over pairs; one divergence per description.
#[derive(Default)]
struct Collector {
    /// By description and kind.
    found: BTreeMap<(String, DivergenceKind), Gathered>,
}

/// What is gathered of one divergence.
struct Gathered {
    /// Its first place, in reading order.
    order: usize,
    sides: Sides,
    /// The values given, for a divergence over a figure.
    values: Vec<f64>,
    /// Whether the description lists them (`Collector::add_values`).
    listed: bool,
    /// The identifiers given, for a divergence over one.
    named: BTreeSet<(String, String)>,
}

/// What each side says, with its documents.
type Sides = BTreeMap<String, BTreeSet<usize>>;

impl Collector {
    fn add(
        &mut self,
        kind: DivergenceKind,
        description: String,
        order: usize,
        sides: [(String, usize); 2],
    ) -> &mut Gathered {
        let entry = self.found.entry((description, kind)).or_insert_with(|| Gathered {
            order,
            sides: BTreeMap::new(),
            values: Vec::new(),
            listed: false,
            named: BTreeSet::new(),
        });
        entry.order = entry.order.min(order);
        for (text, doc) in sides {
            entry.sides.entry(text).or_default().insert(doc);
        }
        entry
    }

    /// As [`Collector::add`], for a divergence over many values of one thing: its description
    /// is `what` and the values given, in order ("What magnitude: 7.4, 7.5 or 7.6").
    fn add_values(
        &mut self,
        kind: DivergenceKind,
        what: String,
        order: usize,
        sides: [(String, usize); 2],
        values: [f64; 2],
    ) {
        self.add_figures(kind, what, order, sides, values).listed = true;
    }

    /// As [`Collector::add`], for two figures that disagree: their values are kept.
    fn add_figures(
        &mut self,
        kind: DivergenceKind,
        description: String,
        order: usize,
        sides: [(String, usize); 2],
        values: [f64; 2],
    ) -> &mut Gathered {
        let entry = self.add(kind, description, order, sides);
        entry.values.extend(values);
        entry
    }

    fn finish(self) -> Vec<Divergence> {
        let mut out: Vec<(usize, Divergence)> = self
            .found
            .into_iter()
            .map(|((mut description, kind), Gathered { order, sides, mut values, listed, named })| {
                values.sort_by(f64::total_cmp);
                values.dedup();
                if listed && !values.is_empty() {
                    let mut listed: Vec<String> = values.iter().map(f64::to_string).collect();
                    let last = listed.pop().unwrap_or_default();
                    description = format!("{description}: {} or {last}", listed.join(", "));
                }
                (
                    order,
                    Divergence {
                        kind,
                        description,
                        sides: sides.into_iter().collect(),
                        values,
                        named: named.into_iter().collect(),
                    },
                )
            })
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.description.cmp(&b.1.description)));
        out.into_iter().map(|(_, d)| d).collect()
    }
}

fn order(cx: &Context, s: (usize, usize)) -> usize {
    cx.docs[..s.0].iter().map(|d| d.sentences.len()).sum::<usize>() + s.1
}

// ---------------------------------------------------------------------------------------------
// Numbers

/// A number in a sentence: its value, what it counts, and a bound written before it.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Figure {
    pub(super) value: f64,
    pub(super) written: String,
    pub(super) unit: String,
    pub(super) bound: Bound,
    /// What happened to what it counts, from the nearest word of a class around it ("killed",
    /// "aboard", "injured"): 179 killed and 181 aboard are two quantities of one unit.
    pub(super) class: Option<&'static str>,
    /// Words within [`CLASS_WINDOW`] of it, lower-cased, besides numbers and function words:
    /// two figures count one thing only when these share a word.
    near: BTreeSet<String>,
    /// Whether what it counts is scoped to those aboard ("all 64 people on board the passenger
    /// plane"): a toll of one craft's people is not the toll of the whole event.
    pub(super) aboard: bool,
    /// Whether it is one part of a breakdown by place ("39 in Wajima and 23 in Suzu", "twelve
    /// were missing within the Eaton Fire zone and four from the Palisades Fire"): a part is
    /// not the whole's count.
    pub(super) part: bool,
    /// Capitalised words within the window: whose figure it is
    /// ("Labour", "the Liberal Democrats").
    names: BTreeSet<String>,
    /// For a measure written as an adjective ("the 1.6-mile bridge", "a 948-foot container
    /// ship"), the words of what it measures (their keys, synonyms folded): two measures of
    /// one unit describing one thing are one quantity, whatever else their sentences say.
    describes: BTreeSet<u64>,
    /// Whether a word of the table's `[rises]` stands within [`CLASS_WINDOW`] words of it
    /// ("rose", "up" but not the bound "up to"), and whether one of `[falls]` does: what
    /// [`movement`] reads, once per figure.
    up: bool,
    down: bool,
    /// The measure of the table's `[measures]` its unit is ("a magnitude of 7.5", "a
    /// 7.6-magnitude quake", "a majority of 170"): a story's one quake has one magnitude, so
    /// two close readings of it are one quantity whatever else their sentences name.
    measure: Option<String>,
}

/// Words that say what happened to the people or things a figure counts, by class (the
/// table's `[classes]`). The nearest such word within [`CLASS_WINDOW`] words of a figure gives
/// its class.
static CLASSES: LazyLock<Vec<(&str, Vec<&str>)>> = LazyLock::new(|| keyed("classes"));

/// Spellings of units of measure, by unit (the table's `[units]`).
static UNITS: LazyLock<Vec<(&str, Vec<&str>)>> = LazyLock::new(|| keyed("units"));

/// How many words either side of a figure are read for its class.
const CLASS_WINDOW: usize = 6;

/// A word without the punctuation around it, in lower case.
fn bare(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()
}

/// The class a word (bare) says of what a figure counts.
fn class_of(w: &str) -> Option<&'static str> {
    CLASSES.iter().find(|(_, ws)| ws.contains(&w)).map(|(class, _)| *class)
}

/// The class of the figure at word `at` of `words`: the class of the nearest class word.
fn class_near(words: &[&str], at: usize, skip: &std::ops::Range<usize>) -> Option<&'static str> {
    for distance in 1..=CLASS_WINDOW {
        for i in [at.checked_sub(distance), at.checked_add(distance)].into_iter().flatten() {
            if skip.contains(&i) {
                continue;
            }
            if let Some(class) = words.get(i).and_then(|w| class_of(&bare(w))) {
                return Some(class);
            }
        }
    }
    None
}

/// The class of the first word of a class within [`CLASS_WINDOW`] words after `at`; for what
/// a subject underwent, only before any preposition ("179 were confirmed killed", not "28,000
/// were still at evacuation shelters").
fn class_after(words: &[&str], at: usize, stop_at_preposition: bool) -> Option<&'static str> {
    for w in words.iter().skip(at + 1).take(CLASS_WINDOW) {
        let w = bare(w);
        if let Some(class) = class_of(&w) {
            return Some(class);
        }
        if stop_at_preposition
            && is_function_word(&w)
            && !matches!(w.as_str(), "were" | "have" | "had" | "been")
        {
            return None;
        }
    }
    None
}

/// What a word before a figure says of it (the table's `[at-least]`, `[above]`, `[at-most]`,
/// `[below]` and `[about]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Bound {
    Exact,
    /// "at least": the figure or more.
    AtLeast,
    /// "more than", "over": more than the figure.
    Above,
    /// "up to", "as many as": the figure or fewer.
    AtMost,
    /// "fewer than", "under", "almost", "nearly": fewer than the figure.
    Below,
    /// "about", "around", "some", "roughly".
    About,
}

impl Bound {
    /// How a divergence's description writes the bound before its figure.
    pub(super) fn phrase(self) -> &'static str {
        match self {
            Bound::Exact => "",
            Bound::AtLeast => "at least ",
            Bound::Above => "more than ",
            Bound::AtMost => "up to ",
            Bound::Below => "fewer than ",
            Bound::About => "about ",
        }
    }

    /// Whether the figure is a floor: the count may lie above it.
    fn is_floor(self) -> bool {
        matches!(self, Bound::AtLeast | Bound::Above)
    }

    /// Whether the figure is a ceiling: the count may lie below it.
    fn is_ceiling(self) -> bool {
        matches!(self, Bound::AtMost | Bound::Below)
    }
}

/// A figure of this many digits or more, written without separators, identifies something.
const MIN_IDENTIFIER_DIGITS: usize = 8;

/// Numbers written in words ("one" is left out: it is more often a pronoun).
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("dozen", 12.0),
];

/// The unit of a parent's figure ("a father of four").
static CHILDREN: LazyLock<String> = LazyLock::new(|| unit_key("children"));

/// The key of the unit of every sum of money ("$2.5 billion", "£40").
static MONEY: LazyLock<String> = LazyLock::new(|| unit_key("money"));

/// The keys of cents and percent: the units a price's move ("fell 25 cents, or 1.1 percent")
/// or a sum per share ("or 14 cents a share") is told in.
static CENTS: LazyLock<String> = LazyLock::new(|| unit_key("cents"));
static PERCENT: LazyLock<String> = LazyLock::new(|| unit_key("percent"));

/// The key of the unit every count of people has ("24 people killed", "110 deaths").
pub(super) static PEOPLE: LazyLock<String> = LazyLock::new(|| unit_key("people"));

/// Classes whose figures count people.
const PEOPLE_CLASSES: &[&str] = &["dead", "injured", "missing", "aboard", "evacuated", "rescued", "arrested"];

const SCALES: &[(&str, f64)] =
    &[("thousand", 1e3), ("million", 1e6), ("millions", 1e6), ("billion", 1e9), ("trillion", 1e12)];

/// The figures of `text`: numbers in digits or words, with the word they count.
/// The words of `text` as figures are read: split at spaces, brackets, quotation marks,
/// semicolons and colons.
fn figure_words(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '"' | '“' | '”' | ';' | ':'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// The value of a numeral ("1,200", "7.5").
fn numeral(w: &str) -> Option<f64> {
    let numeric = !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.');
    if numeric { w.replace(',', "").parse::<f64>().ok() } else { None }
}

/// The value of a number written in words, lower-cased: one of `NUMBER_WORDS`, or a multiple
/// of ten and a unit joined by a hyphen ("twenty-three", "forty-one").
fn word_number(w: &str) -> Option<f64> {
    let named = |w: &str| NUMBER_WORDS.iter().find(|(n, _)| *n == w).map(|&(_, v)| v);
    match w.split_once('-') {
        Some((tens, unit)) => {
            let tens = named(tens).filter(|t| (20.0..=90.0).contains(t) && t % 10.0 == 0.0)?;
            let unit = if unit == "one" { 1.0 } else { named(unit).filter(|u| *u < 10.0)? };
            Some(tens + unit)
        }
        None => named(w),
    }
}

/// The value of a number written in digits or in words ("181", "two", "twenty-three").
fn number_value(w: &str) -> Option<f64> {
    numeral(w).or_else(|| word_number(w))
}

fn figures(text: &str) -> Vec<Figure> {
    let words = figure_words(text);
    let breakdown = breakdown(&words);
    let (qualifiers, people_nouns) = (vocab("unit-qualifiers"), vocab("people-nouns"));
    let mut out = Vec::new();
    for (i, raw) in words.iter().enumerate() {
        let w = raw.trim_matches(|c: char| matches!(c, ',' | '.' | '!' | '?' | '\'' | '‘' | '’'));
        let lower = w.to_lowercase();
        // "Twenty-three" is one number; "20-year-old", "magnitude-7.6" a figure and what
        // is joined to it.
        let (head, attached) = match lower.split_once('-') {
            Some((h, rest)) if word_number(&lower).is_none() => (h.to_string(), Some(rest.to_string())),
            _ => (lower.clone(), None),
        };
        // "magnitude-7.6": a measure joined to its figure.
        let joined_measure = attached
            .as_deref()
            .and_then(numeral)
            .filter(|_| vocab("measures").contains(&head.as_str()))
            .map(|v| (v, head.clone()));
        let digits = head.trim_start_matches(['$', '£', '€']);
        let money = digits.len() != head.len();
        // (A sum is a numeral after its currency sign.)
        let value = if money { numeral(digits) } else { number_value(&head) };
        let Some(mut value) = value.or(joined_measure.as_ref().map(|m| m.0)) else { continue };
        // Two numbers joined by a hyphen ("a Boeing 737-800", "20-30") are a designation or a
        // range, not a count of anything.
        if joined_measure.is_none() && attached.as_deref().and_then(numeral).is_some() {
            continue;
        }
        // A run of eight digits or more without a separator is an identifier (a timestamp, a
        // post's number), not a count: counts that large are written "1,500,000" or "1.5
        // million".
        if digits.len() >= MIN_IDENTIFIER_DIGITS && digits.bytes().all(|c| c.is_ascii_digit()) {
            continue;
        }
        // Years are dates, not counts.
        let is_year = digits.len() == 4 && !digits.contains(',') && (1900.0..=2100.0).contains(&value);
        if is_year && attached.is_none() {
            continue;
        }
        let mut next = i + 1;
        let mut unit = match &joined_measure {
            Some((_, measure)) => measure.clone(),
            None => attached.clone().unwrap_or_default(),
        };
        // The words of a part's whole ("of the 181 passengers"), which say nothing of what
        // happened to the part.
        let mut whole_span = 0..0;
        if unit.is_empty() {
            while let Some(n) = words.get(next) {
                let n = bare(n);
                if let Some(&(_, scale)) = SCALES.iter().find(|(s, _)| *s == n) {
                    value *= scale;
                    next += 1;
                    continue;
                }
                if n.is_empty() || n.chars().all(|c| c.is_ascii_digit()) || is_function_word(&n) {
                    break;
                }
                // "110 confirmed deaths", "13 additional people": the noun after the
                // qualifier is what is counted.
                if qualifiers.contains(&n.as_str()) {
                    next += 1;
                    continue;
                }
                unit = n;
                break;
            }
            let bare_at = |k: usize| words.get(k).map(|w| bare(w));
            // "10,000 homes and other structures": what is counted is the kind the last noun
            // names.
            if !unit.is_empty()
                && matches!(bare_at(next + 1).as_deref(), Some("and" | "or"))
                && bare_at(next + 2).as_deref() == Some("other")
                && let Some(kind) = bare_at(next + 3).filter(|k| !k.is_empty() && !is_function_word(k))
            {
                unit = kind;
            }
            // "179 of the 181 people": a part counts what its whole counts.
            let of = if bare_at(next).as_deref() == Some("out") { next + 1 } else { next };
            if unit.is_empty() && bare_at(of).as_deref() == Some("of") {
                let mut k = of + 1;
                if matches!(bare_at(k).as_deref(), Some("the" | "its" | "their")) {
                    k += 1;
                }
                let whole = bare_at(k).unwrap_or_default();
                let is_number = !whole.is_empty()
                    && (whole.bytes().all(|c| c.is_ascii_digit() || c == b',')
                        || word_number(&whole).is_some());
                if is_number && let Some(u) = bare_at(k + 1).filter(|u| !u.is_empty() && !is_function_word(u))
                {
                    unit = u;
                    whole_span = next..k + 2;
                }
            }
        }
        let before: String = words[i.saturating_sub(2)..i].join(" ").to_lowercase();
        // "All but two": the figure counts the others. "Two of the 181": the whole is what the
        // part is counted against, not what happened to it.
        let after_part = |k: usize| {
            words.get(k).is_some_and(|w| {
                let w = bare(w);
                w.bytes().all(|c| c.is_ascii_digit()) && !w.is_empty() || word_number(&w).is_some()
            })
        };
        let of_at = if i >= 1 && words[i - 1].eq_ignore_ascii_case("of") {
            Some(i - 1)
        } else if before == "of the" {
            Some(i - 2)
        } else {
            None
        };
        let whole = of_at.is_some_and(|o| {
            o >= 1
                && (after_part(o - 1)
                    || (o >= 2 && words[o - 1].eq_ignore_ascii_case("out") && after_part(o - 2)))
        });
        if vocab("all-but").iter().any(|b| before.ends_with(b)) {
            continue;
        }
        // "Jan. 1", "March 26": a day of a month, not a count.
        if i >= 1 && value <= 31.0 && crate::text::month_number(&bare(words[i - 1])).is_some() {
            continue;
        }
        // "179 were confirmed killed": a figure that is the subject of what happened to people
        // counts people, and what happened is said after it.
        let subject = unit.is_empty()
            && matches!(words.get(i + 1).map(|w| w.to_lowercase()).as_deref(), Some("were" | "have" | "had"));
        let class = if subject {
            class_after(&words, i, true)
        } else if whole {
            // A whole tells its class after it ("of the 181 people aboard"), never by the verb
            // that befell the part ("killing all but two of the 181").
            class_after(&words, i, false)
        } else {
            class_near(&words, i, &whole_span)
        };
        // A day or month after a figure dates it ("grew to 126 Saturday", "on 11 January"):
        // it says nothing of what the figure counts.
        if crate::text::weekday_name(&unit).is_some() || crate::text::is_month_name(&unit) {
            unit.clear();
        }
        let mut class = class;
        // "The death toll … grew to 126", "… rose to 205 people": a figure a toll reaches
        // counts the dead.
        if (unit.is_empty() || (class.is_none() && people_nouns.contains(&unit.as_str())))
            && toll_before(&words, i)
        {
            class = Some("dead");
            unit = "people".to_string();
        }
        // "110 deaths", "24 people killed", "16 victims": one count of people, however named.
        if (subject || people_nouns.contains(&unit.as_str()))
            && class.is_some_and(|c| PEOPLE_CLASSES.contains(&c))
        {
            unit = "people".to_string();
        }
        // "a father of four": a parent's figure counts children.
        if unit.is_empty() && i >= 2 && words[i - 1].eq_ignore_ascii_case("of") {
            let parent = bare(words[i - 2]);
            if vocab("parents").contains(&parent.as_str()) {
                unit = "children".to_string();
            }
        }
        // "its worst result in terms of seats - 202 - at the last election": a figure set off
        // by dashes counts the noun before them.
        if unit.is_empty()
            && i >= 2
            && matches!(words[i - 1], "-" | "–" | "—")
            && matches!(words.get(i + 1).copied(), Some("-" | "–" | "—"))
        {
            let noun = bare(words[i - 2]);
            if noun.chars().all(char::is_alphabetic) && !noun.is_empty() && !is_function_word(&noun) {
                unit = noun;
            }
        }
        // "a magnitude of 7.5", "a magnitude 7.6 temblor": a measure named before its figure
        // is what the figure gives, whatever word follows it (a unit of measure aside).
        if attached.is_none()
            && !UNITS.iter().any(|(_, ws)| ws.contains(&unit.as_str()))
            && let Some(measure) = measure_before(&words, i)
        {
            unit = measure;
        }
        let unit = if money { "money".to_string() } else { unit };
        if unit.is_empty() {
            continue;
        }
        // A bound is up to three words ("as many as") ending right before the figure.
        let bound_words: String = words[i.saturating_sub(3)..i].join(" ").to_lowercase();
        let said_before = |section: &str| {
            vocab(section).iter().any(|b| {
                bound_words.strip_suffix(b).is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
            })
        };
        let bound = if said_before("at-least") {
            Bound::AtLeast
        } else if said_before("above") {
            Bound::Above
        } else if said_before("at-most") {
            Bound::AtMost
        } else if said_before("below") {
            Bound::Below
        } else if said_before("about") {
            Bound::About
        } else {
            Bound::Exact
        };
        let window = i.saturating_sub(CLASS_WINDOW)..(i + CLASS_WINDOW + 1).min(words.len());
        let mut near = BTreeSet::new();
        let mut names = BTreeSet::new();
        let (mut up, mut down) = (false, false);
        for j in window.filter(|&j| j != i) {
            let word = words[j].trim_matches(|c: char| !c.is_alphanumeric());
            let lower = word.to_lowercase();
            // "up" is a rise ("shares were up 39 cents"), but not the bound "up to", and too
            // short a word to be among `near`'s.
            if lower == "up" && words.get(j + 1).is_none_or(|n| bare(n) != "to") {
                up = true;
            }
            if lower.len() < 3 || lower.bytes().any(|c| c.is_ascii_digit()) || is_function_word(&lower) {
                continue;
            }
            up |= vocab("rises").contains(&lower.as_str());
            down |= vocab("falls").contains(&lower.as_str());
            // A day or month ("Saturday", "Jan.") names no one whose figure it is.
            let date = is_time_word(&lower)
                || (words[j].ends_with('.') && crate::text::month_number(&lower).is_some());
            if word.chars().next().is_some_and(char::is_uppercase) && !date {
                names.insert(lower.clone());
            }
            near.insert(lower);
        }
        // Only a unit of measure of the table: "a 46-year-old explorer" is a person's age,
        // told apart by their name.
        let measure = attached.as_deref().is_some_and(|a| UNITS.iter().any(|(_, ws)| ws.contains(&a)));
        let describes = if measure { described(&words, i + 1) } else { BTreeSet::new() };
        let after = |k: usize| words.get(next + k).map(|w| bare(w));
        let aboard = match after(1).as_deref() {
            Some("aboard" | "onboard") => true,
            Some("on") => after(2).as_deref() == Some("board"),
            _ => false,
        };
        out.push(Figure {
            value,
            written: w.to_string(),
            unit: unit_key(&unit),
            bound,
            class,
            near,
            names,
            aboard,
            part: breakdown && placed_after(&words, i),
            describes,
            up,
            down,
            measure: vocab("measures").contains(&unit.as_str()).then(|| unit.clone()),
        });
    }
    out
}

/// The count that "all but N" leaves of a whole of M the sentence gives ("killing all but two
/// of the 181 people on board", "of the 181 aboard, all but two are presumed dead"): M − N,
/// the number most outlets write (179). The whole is the number after "of (the)", or else the
/// only larger number of the sentence.
pub(crate) fn all_but_count(text: &str) -> Option<u64> {
    let words: Vec<String> = figure_words(text).into_iter().map(bare).collect();
    // Whole numbers only.
    let number = |w: &str| number_value(w).filter(|_| !w.contains('.')).map(|v| v as u64);
    let phrases = vocab("all-but");
    // The words a phrase can take: only that many before a number are read.
    let reach = phrases.iter().map(|p| p.split(' ').count()).max().unwrap_or(0);
    // The sentence's whole numbers, sorted, each once: read for every "all but N" it holds.
    let mut values: Vec<u64> = words.iter().filter_map(|w| number(w)).collect();
    values.sort_unstable();
    values.dedup();
    for (i, w) in words.iter().enumerate() {
        let Some(part) = number(w) else { continue };
        let before = words[i.saturating_sub(reach)..i].join(" ");
        if !phrases.iter().any(|p| before.ends_with(p)) {
            continue;
        }
        let mut k = i + 1;
        let whole = if words.get(k).map(String::as_str) == Some("of") {
            k += 1;
            if matches!(words.get(k).map(String::as_str), Some("the" | "its" | "their")) {
                k += 1;
            }
            words.get(k).and_then(|w| number(w))
        } else {
            // The only larger number of the sentence (the part itself is not larger than itself).
            let larger = &values[values.partition_point(|&v| v <= part)..];
            (larger.len() == 1).then(|| larger[0])
        };
        if let Some(whole) = whole.filter(|&m| m > part) {
            return Some(whole - part);
        }
    }
    None
}

/// The measure (the table's `[measures]`) named just before the figure at `words[at]`:
/// "magnitude 7.6", "a magnitude of 7.5", "a majority of about 170".
fn measure_before(words: &[&str], at: usize) -> Option<String> {
    let mut k = at;
    // A bound between the measure and its figure ("of about", "of nearly"): a one-word entry
    // of the tables of bounds.
    let bound = |w: &str| ["about", "at-most", "at-least"].iter().any(|section| vocab(section).contains(&w));
    if k >= 1 && bound(&bare(words[k - 1])) {
        k -= 1;
    }
    if k >= 1 && bare(words[k - 1]) == "of" {
        k -= 1;
    }
    let noun = bare(words.get(k.checked_sub(1)?)?);
    vocab("measures").contains(&noun.as_str()).then_some(noun)
}

/// How many words after a measure written as an adjective are read for what it measures.
const DESCRIBED_WORDS: usize = 4;

/// The words a measure at `words[from - 1]` describes: after any conversion of it ("(2.57
/// km)"), up to [`DESCRIBED_WORDS`] words, to a function word or the end of a clause; their
/// keys, synonyms folded ("ship" and "vessel" are one).
fn described(words: &[&str], from: usize) -> BTreeSet<u64> {
    let mut out = BTreeSet::new();
    let mut k = from;
    // A conversion in brackets: numbers and units.
    while let Some(w) = words.get(k) {
        let b = bare(w);
        if b.bytes().any(|c| c.is_ascii_digit()) || UNITS.iter().any(|(_, ws)| ws.contains(&b.as_str())) {
            k += 1;
        } else {
            break;
        }
    }
    for w in words.iter().skip(k).take(DESCRIBED_WORDS) {
        let b = bare(w);
        if b.is_empty() || is_function_word(&b) || b.bytes().any(|c| c.is_ascii_digit()) {
            break;
        }
        if b.len() >= 3 {
            out.insert(super::similar::synonym(stem_key(&b)));
        }
        if w.ends_with([',', '.', ';', ':']) {
            break;
        }
    }
    out
}

/// Whether `words` are a breakdown by place: two figures joined by "and" with a place after
/// the first ("39 in Wajima and 23 in Suzu"). Each of its figures followed by a place
/// ([`placed_after`]) is a part.
fn breakdown(words: &[&str]) -> bool {
    let numbers: Vec<usize> = (0..words.len()).filter(|&i| is_number_word(words[i])).collect();
    numbers
        .windows(2)
        .any(|w| placed_after(words, w[0]) && words[w[0] + 1..w[1]].iter().any(|x| bare(x) == "and"))
}

/// Whether a number word (digits or a number's name) stands at `w`.
fn is_number_word(w: &str) -> bool {
    let w = bare(w);
    (!w.is_empty() && w.bytes().all(|c| c.is_ascii_digit() || c == b',' || c == b'.'))
        || word_number(&w).is_some()
}

/// Whether a place follows the figure at word `at`: within four words, a word of place ("in",
/// "within", "from", "at") followed within three words by a capitalised word and before any
/// other number.
fn placed_after(words: &[&str], at: usize) -> bool {
    let end = (at + 5).min(words.len());
    for k in at + 1..end {
        if is_number_word(words[k]) {
            return false;
        }
        if matches!(bare(words[k]).as_str(), "in" | "within" | "from" | "at") {
            return words[k + 1..(k + 4).min(words.len())]
                .iter()
                .take_while(|w| !is_number_word(w))
                .any(|w| w.chars().next().is_some_and(char::is_uppercase));
        }
    }
    false
}

/// The day of the week a report holds for: its publication day, or else the one day the first
/// of its first two sentences that names days names ("Rescuers raised the death toll to 205 on Friday").
fn report_day(doc: &DocInput, figures: &[SentenceFigures]) -> Option<i8> {
    if let Some(date) = doc.published {
        return Some(date.weekday().to_monday_one_offset());
    }
    let named = figures.iter().take(2).map(|f| &f.1).find(|days| !days.is_empty())?;
    (named.len() == 1).then(|| named.first().copied()).flatten()
}

/// How many words before a figure a toll may stand and still be what the figure gives.
const TOLL_WINDOW: usize = 24;

/// Whether the figure at word `at` is what a toll reaches: "toll" stands within
/// [`TOLL_WINDOW`] words before it, with no other figure between ("The death toll from the
/// quake that struck on New Year's Day hit 100", "the toll rose to 202").
fn toll_before(words: &[&str], at: usize) -> bool {
    let tolls = vocab("tolls");
    for k in (at.saturating_sub(TOLL_WINDOW)..at).rev() {
        let w = bare(words[k]);
        if tolls.contains(&w.as_str()) {
            return true;
        }
        // A day of a month ("the Jan. 1 earthquake") is no figure.
        let dated = k >= 1 && crate::text::month_number(&bare(words[k - 1])).is_some();
        if !dated && (w.bytes().any(|c| c.is_ascii_digit()) || word_number(&w).is_some()) {
            return false;
        }
    }
    false
}

/// The key of the unit a figure counts: one for every spelling of a unit of measure (the
/// table's `[units]`: "feet", "foot" and "ft" are one unit).
fn unit_key(unit: &str) -> String {
    let unit = UNITS.iter().find(|(_, ws)| ws.contains(&unit)).map_or(unit, |(name, _)| *name);
    let stem = stem_key(unit);
    format!("{stem:x}")
}

fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "and"
            | "or"
            | "for"
            | "by"
            | "from"
            | "with"
            | "was"
            | "were"
            | "is"
            | "are"
            | "had"
            | "have"
            | "has"
            | "be"
            | "been"
            | "as"
            | "that"
            | "this"
    )
}

/// The figures of one sentence, read once, for the grouping's test of whether two sentences
/// contradict each other.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct SentenceFigures(Vec<Figure>, BTreeSet<i8>, BTreeSet<(i8, u8)>);

impl SentenceFigures {
    /// The figures, weekdays and days of a month of `text`.
    pub(crate) fn of(text: &str) -> SentenceFigures {
        let days = text
            .split(|c: char| !c.is_alphanumeric())
            .filter_map(|w| crate::text::weekday_name(w).map(|d| d.to_monday_one_offset()))
            .collect();
        SentenceFigures(figures(text), days, month_days(text))
    }

    /// The figures of several sentences (a document's) that say what befell what they count
    /// ("killed 179", "a father of four"), without their days: a bare figure of one document
    /// ("40 homes") is too often another thing's count to set against another sentence.
    pub(crate) fn all<'a>(sentences: impl IntoIterator<Item = &'a SentenceFigures>) -> SentenceFigures {
        let figures = sentences
            .into_iter()
            .flat_map(|s| s.0.iter().filter(|f| f.class.is_some() || f.unit == *CHILDREN).cloned())
            .collect();
        SentenceFigures(figures, BTreeSet::new(), BTreeSet::new())
    }

    /// The figures of the sentence.
    pub(super) fn figures(&self) -> &[Figure] {
        &self.0
    }

    /// Whether the sentence names a day of the week or of a month other than `date`'s: a
    /// figure it gives may hold for that other day.
    pub(super) fn names_other_day(&self, date: jiff::civil::Date) -> bool {
        let weekday = date.weekday().to_monday_one_offset();
        self.1.iter().any(|&d| d != weekday)
            || self.2.iter().any(|&(m, d)| (m, d) != (date.month(), date.day() as u8))
    }

    /// Whether the sentence gives one of `values` (a divergence's) as one of `sides` (the
    /// figures of its sentences) gives it: the same value of the same quantity (unit and
    /// class).
    pub(crate) fn gives_one_of(&self, values: &[f64], sides: &[&SentenceFigures]) -> bool {
        self.0.iter().filter(|f| values.contains(&f.value)).any(|f| {
            sides
                .iter()
                .any(|s| s.0.iter().any(|g| g.value == f.value && g.unit == f.unit && g.class == f.class))
        })
    }

    /// Whether the sentence gives every figure of `other` as `other` gives it: the same value,
    /// written in digits or in words, told as more or as fewer alike ("more than 10,000" is
    /// not given by "nearly 10,000"), or rounded ([`rounded_alike`]: "more than 6,800" for
    /// 6,837), and names every day `other` names ("crashed on December 29" is not given by
    /// "crashed on arrival").
    pub(crate) fn gives_all(&self, other: &SentenceFigures) -> bool {
        other.1.is_subset(&self.1)
            && other.2.is_subset(&self.2)
            && other.0.iter().all(|f| {
                self.0.iter().any(|g| {
                    (g.value == f.value
                        && g.bound.is_floor() == f.bound.is_floor()
                        && g.bound.is_ceiling() == f.bound.is_ceiling())
                        || rounded_alike(f, g)
                })
            })
    }

    /// Whether the sentence gives the figure of `other` written with the digits `digits`
    /// rounded, or `other` gives this sentence's figure rounded ([`rounded_alike`]): "destroying
    /// more than 6,800 structures" gives "destroyed 6,837 structures".
    pub(crate) fn rounds(&self, other: &SentenceFigures, digits: &str) -> bool {
        let Ok(value) = digits.parse::<f64>() else { return false };
        other.0.iter().filter(|f| f.value == value).any(|f| self.0.iter().any(|g| rounded_alike(f, g)))
    }

    /// Whether the sentence gives a count of what befell people (killed, injured, missing, …).
    pub(crate) fn counts_people(&self) -> bool {
        self.0.iter().any(|f| f.class.is_some_and(|c| PEOPLE_CLASSES.contains(&c)))
    }

    /// Whether the sentence gives no figure and names no day of the week or of a month.
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty() && self.1.is_empty() && self.2.is_empty()
    }

    /// Whether the two sentences name days of the week, or days of a month, and none in common:
    /// "would resume on Saturday" does not state "suspended until Friday", "crashed on Dec. 29"
    /// not "crashed on Dec. 28".
    pub(crate) fn other_day(&self, other: &SentenceFigures) -> bool {
        both_and_apart(&self.1, &other.1) || both_and_apart(&self.2, &other.2)
    }

    /// Whether the two give one person's count of children incompatible values ("a father of
    /// four" against "a husband and father of two"): an attribute of a person, which a document
    /// gives once, so any sentence of it that gives another value sets the document apart.
    pub(crate) fn contradict_personal(&self, other: &SentenceFigures) -> bool {
        self.contradict_where(other, |a, b| a.unit == *CHILDREN && b.unit == *CHILDREN)
    }

    /// Whether the two give the same personal figures (those [`SentenceFigures::contradict_personal`]
    /// reads), so that either contradicts a sentence's personal figures exactly when the other does.
    pub(crate) fn same_personal(&self, other: &SentenceFigures) -> bool {
        let personal =
            |s: &SentenceFigures| s.0.iter().filter(|f| f.unit == *CHILDREN).cloned().collect::<Vec<_>>();
        personal(self) == personal(other)
    }

    /// Whether the two sentences give one quantity (unit and class) incompatible values,
    /// neither giving the other's: "killing 179" and "177 people died", "a father of four" and
    /// "a father of two". Such sentences are never one claim.
    pub(crate) fn contradict(&self, other: &SentenceFigures) -> bool {
        self.contradict_where(other, |a, b| a.unit == b.unit && a.class == b.class)
    }

    /// Whether a figure of each, of one quantity by `same`, disagree, neither side giving the
    /// other's value.
    fn contradict_where(&self, other: &SentenceFigures, same: impl Fn(&Figure, &Figure) -> bool) -> bool {
        let gives = |fs: &[Figure], f: &Figure| fs.iter().any(|g| g.unit == f.unit && g.value == f.value);
        self.0.iter().any(|a| {
            other
                .0
                .iter()
                .any(|b| same(a, b) && figures_disagree(a, b) && !gives(&other.0, a) && !gives(&self.0, b))
        })
    }
}

/// Whether one of two figures of one quantity (unit and class) is the other rounded and
/// told as such: a round figure with a bound or "about" ("more than 6,800", "about 1,000",
/// "over 200") and an exact figure that is not round (6,837; 1,017; 202), the exact one
/// within the bound and within [`ROUNDED`] of the round one. Two exact figures are two
/// counts ("at least 24" and 25 are not: 24 is not round).
fn rounded_alike(a: &Figure, b: &Figure) -> bool {
    let (round, exact) = if a.bound == Bound::Exact { (b, a) } else { (a, b) };
    let round_value = |v: f64| v >= 10.0 && v % 10.0 == 0.0;
    let within = match round.bound {
        Bound::Exact => false,
        Bound::AtLeast => exact.value >= round.value,
        Bound::Above => exact.value > round.value,
        Bound::AtMost => exact.value <= round.value,
        Bound::Below => exact.value < round.value,
        Bound::About => true,
    };
    exact.bound == Bound::Exact
        && round.unit == exact.unit
        && round.class == exact.class
        && round_value(round.value)
        && !round_value(exact.value)
        && within
        && (exact.value - round.value).abs() <= ROUNDED * round.value
}

/// How far an exact figure may lie from a round one it is told as ([`rounded_alike`]): 5%, as
/// the rounding rule of [`figures_disagree`] allows.
const ROUNDED: f64 = 0.05;

/// Whether two figures for the same thing disagree.
fn figures_disagree(a: &Figure, b: &Figure) -> bool {
    if a.value == b.value {
        // One figure told as more and as fewer: "more than 10,000 homes" and "nearly 10,000
        // structures". ("up to 1.2 meters" and "over 1.2 meters" are one reading, loosely told.)
        let bounds = [a.bound, b.bound];
        return bounds.contains(&Bound::Above) && bounds.contains(&Bound::Below);
    }
    let (lo, hi) = if a.value < b.value { (a, b) } else { (b, a) };
    // A bound the other side meets.
    if lo.bound.is_floor() || hi.bound.is_ceiling() {
        return false;
    }
    // Rounding to fewer decimals: 33.8 and 34 per cent.
    let decimals = |f: &Figure| f.written.rsplit_once('.').map_or(0, |(_, d)| d.len() as i32);
    let (coarse, fine) = if decimals(a) < decimals(b) { (a, b) } else { (b, a) };
    if decimals(coarse) < decimals(fine) {
        let step = 10f64.powi(-decimals(coarse));
        if (fine.value - coarse.value).abs() <= step / 2.0 + 1e-9 {
            return false;
        }
    }
    // Rounding: within 5% where one is the rounder figure.
    let close = (hi.value - lo.value) / hi.value <= 0.05;
    let rounder = |x: f64, y: f64| trailing_zeros(x) > trailing_zeros(y);
    if close
        && (rounder(a.value, b.value)
            || rounder(b.value, a.value)
            || a.bound == Bound::About
            || b.bound == Bound::About)
    {
        return false;
    }
    true
}

fn trailing_zeros(x: f64) -> u32 {
    if x.fract() != 0.0 || x == 0.0 {
        return 0;
    }
    let mut n = x as u64;
    let mut z = 0;
    while n > 0 && n.is_multiple_of(10) {
        n /= 10;
        z += 1;
    }
    z
}

/// How far apart two figures for one thing may be and still be a disagreement rather than two
/// different quantities that count the same kind of thing ("412 seats" for one party, "121
/// seats" for another): real disagreements between outlets are near misses (948 and 984 feet,
/// 27 and 28 bodies, 60 and 64 passengers).
const MAX_RATIO: f64 = 1.4;

/// How far apart two readings of one measure (`Figure::measure`) may be: a magnitude told as
/// 7.5 and 7.6 is one quake's, 5.7 and 6.0 two quakes'. Readings of one measure bypass the
/// checks that two counts count one thing (shared names and words around them), so they must
/// lie this close; on the eight real events 1.1 reported two aftershocks' and a foreshock's
/// magnitudes as disagreements.
const MEASURE_RATIO: f64 = 1.03;

/// How alike the rest of two sentences must be, their numbers aside, for their figures of one
/// unit to count the same thing. Lower than [`SAME_DATED_EVENT`]: outlets state one figure in
/// sentences of their own ("killing 179 of the 181 aboard" and "the crash on Sunday killed 179
/// people on board").
const SAME_QUANTITY: f64 = 0.4;

/// The likeness that is enough for two figures anchored to one thing (see `numbers`), with
/// [`ANCHOR_WORDS`] words of four letters or more around both. Swept over the eight real events
/// with the generated 1,000-article story beside them: 0.2 finds 14 of 60 gold divergences at
/// precision 0.867 (0.4 everywhere: 12 at 0.900), 0.15 finds 15 at 0.778, 0.1 15 at 0.762;
/// one shared word instead of two reports twice as many false ones.
const SAME_ANCHORED_QUANTITY: f64 = 0.2;
const ANCHOR_WORDS: usize = 2;

/// The least figure that, told as more by one side and as fewer by the other with one unit
/// and class, is one count on its own: "more than 10,000 structures" and "nearly 10,000
/// structures". Smaller ones ("more than two years", "nearly two years", "less than 1
/// percent") are too often two things' figures; on the generated 1,000-article story 1, 2 and 10
/// gave three false divergences.
const TOLD_BOTH_WAYS: f64 = 100.0;

/// At most this many later figures of one unit are compared with each figure, so a story of
/// thousands of articles stays linear.
const MAX_COMPARED: usize = 400;

/// The capitalised words of a sentence but its first word (capitalised as a first word) and
/// the names of months and days, folded: what it names.
fn sentence_names(text: &str) -> BTreeSet<String> {
    text.split_whitespace()
        .skip(1)
        .map(|w| crate::text::without_possessive(w.trim_matches(|c: char| !c.is_alphanumeric())))
        .filter(|w| w.len() >= 2 && w.chars().next().is_some_and(char::is_uppercase))
        .map(|w| fold(w).into_owned())
        .filter(|w| !is_time_word(w))
        .collect()
}

/// Whether a figure is a rise (true) or a fall (false), when its words say one and not the
/// other (the table's `[rises]` and `[falls]`): "shares rose 46 cents" and "shares fell 25
/// cents" are two movements.
fn movement(f: &Figure) -> Option<bool> {
    (f.up != f.down).then_some(f.up)
}

fn numbers(cx: &Context) -> Vec<Divergence> {
    // The figures the grouping read, not read again.
    let figs = &cx.prepared.figures;
    let stmts = &cx.prepared.statements;
    // Every value each document gives each unit: a document that gives both values of a pair
    // (an update, or two counts of one kind) takes neither side.
    let mut values_of: Vec<HashMap<&str, Vec<f64>>> = vec![HashMap::new(); cx.docs.len()];
    // Figures by unit: (value, document, sentence, figure), only a figure that is the sole one
    // of its unit in its sentence ("$1.66 or 16.7 percent, at $8.26" holds two sums).
    let mut by_unit: BTreeMap<&str, Vec<(f64, usize, usize, usize)>> = BTreeMap::new();
    for (d, sentences) in figs.iter().enumerate() {
        for (i, fs) in sentences.iter().enumerate() {
            if stmts[d].get(i).is_none_or(Statement::is_empty) {
                continue;
            }
            let fs = &fs.0;
            let mut per_unit: HashMap<&str, usize> = HashMap::new();
            for f in fs {
                *per_unit.entry(f.unit.as_str()).or_default() += 1;
            }
            for (k, f) in fs.iter().enumerate() {
                values_of[d].entry(f.unit.as_str()).or_default().push(f.value);
                if per_unit[f.unit.as_str()] == 1 {
                    by_unit.entry(f.unit.as_str()).or_default().push((f.value, d, i, k));
                }
            }
        }
    }
    // Sorted, each value once: looked up for every pair compared.
    for values in values_of.iter_mut().flat_map(HashMap::values_mut) {
        values.sort_by(f64::total_cmp);
        values.dedup();
    }
    let gives = |d: usize, unit: &str, value: f64| {
        values_of[d].get(unit).is_some_and(|v| v.binary_search_by(|x| x.total_cmp(&value)).is_ok())
    };
    // The day each report holds for, for a sentence that names no day of its own: two counts
    // of reports of different days are an update, not a disagreement.
    let report_day: Vec<Option<i8>> =
        cx.docs.iter().enumerate().map(|(d, doc)| report_day(doc, &figs[d])).collect();
    let report_days =
        |d: usize, i: usize| -> Option<i8> { if figs[d][i].1.is_empty() { report_day[d] } else { None } };
    let mut context: HashMap<(usize, usize), Statement> = HashMap::new();
    let mut names: HashMap<(usize, usize), BTreeSet<String>> = HashMap::new();
    let mut found = Collector::default();
    // One disagreement written two ways ("948 feet" against "984-foot" in one pair, "948-foot"
    // against "984-foot" in another) is one divergence, described as its first pair writes it.
    let mut described: HashMap<(String, u64, u64, [&'static str; 2]), String> = HashMap::new();
    for (unit, mut list) in by_unit {
        list.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        for (n, &(va, da, ia, ka)) in list.iter().enumerate() {
            for &(vb, db, ib, kb) in list[n + 1..].iter().take(MAX_COMPARED) {
                if vb > va.max(f64::MIN_POSITIVE) * MAX_RATIO {
                    break;
                }
                if cx.docs[da].origin == cx.docs[db].origin {
                    continue;
                }
                let (fa, fb) = (&figs[da][ia].0[ka], &figs[db][ib].0[kb]);
                // A figure converted in brackets ("1 meter (3 feet)") is compared as the
                // figure it converts, with its bound.
                if conversion(cx.docs[da].sentences[ia], &fa.written)
                    || conversion(cx.docs[db].sentences[ib], &fb.written)
                {
                    continue;
                }
                // A sentence that gives the other value too, of any unit ("28 bodies: 27
                // passengers and one from the helicopter"), takes neither side.
                let sentence_gives = |d: usize, i: usize, v: f64| figs[d][i].0.iter().any(|g| g.value == v);
                let other_value = va != vb;
                if !figures_disagree(fa, fb)
                    || (other_value
                        && (gives(da, unit, vb)
                            || gives(db, unit, va)
                            || sentence_gives(da, ia, vb)
                            || sentence_gives(db, ib, va)))
                {
                    continue;
                }
                // Two sentences that name things, and none in common, count two things' figures
                // (the Dow's and the Nasdaq's, one company's shares and another's).
                for key in [(da, ia), (db, ib)] {
                    names.entry(key).or_insert_with(|| sentence_names(cx.docs[key.0].sentences[key.1]));
                }
                // (A measure of one described thing is anchored by that thing, and by the
                // names near it below.)
                // Two readings of one measure ("a magnitude of 7.5", "the magnitude 7.6
                // temblor") are one quantity, whatever else their sentences name, when they lie
                // close together (a 5.7 foreshock is another quake).
                let measured = fa.measure.is_some() && fb.measure.is_some();
                if measured && vb > va * MEASURE_RATIO {
                    continue;
                }
                if both_and_apart(&names[&(da, ia)], &names[&(db, ib)])
                    && fa.describes.is_disjoint(&fb.describes)
                    && !measured
                {
                    continue;
                }
                // A rise and a fall are two movements, not one count told two ways.
                if let (Some(x), Some(y)) = (movement(fa), movement(fb))
                    && x != y
                {
                    continue;
                }
                // A sum is told with the figures of the reading it belongs to: a price with its
                // move ("fell 25 cents to close at $32.30"), a sum per share with its total
                // ("$987 million, or 14 cents a share"). Beside a sum told with other such
                // figures ("down 49 cents, or 1.1 percent, at $43.52"; "$102 million, or 13 cents
                // a share, for the year-earlier quarter") it is another reading, of another stock,
                // day or quarter, not one sum told two ways.
                let financial = |f: &Figure| f.unit == *MONEY || f.unit == *CENTS;
                if financial(fa) && financial(fb) {
                    let companions = |d: usize, i: usize, k: usize| -> Vec<&Figure> {
                        let all = figs[d][i].0.iter().enumerate();
                        let told = all.filter(|&(j, g)| {
                            j != k && (financial(g) || g.unit == *PERCENT || movement(g).is_some())
                        });
                        told.map(|(_, g)| g).collect()
                    };
                    let (x, y) = (companions(da, ia, ka), companions(db, ib, kb));
                    let comparable = |g: &Figure, h: &Figure| g.unit == h.unit;
                    let compared = x.iter().any(|g| y.iter().any(|h| comparable(g, h)));
                    let apart =
                        x.iter().all(|g| y.iter().all(|h| !comparable(g, h) || figures_disagree(g, h)));
                    if compared && apart {
                        continue;
                    }
                }
                // A threshold ("the 326 seats required for a majority") is not a count.
                let threshold = |f: &Figure| f.near.iter().any(|w| vocab("threshold").contains(&w.as_str()));
                if threshold(fa) != threshold(fb) {
                    continue;
                }
                // Two classes, names near each figure that the other lacks ("Standard & Poor's
                // 500 Index" and "Nasdaq Composite Index"), or another scope (another year,
                // another clock time) count two things.
                if fa.class != fb.class
                    || fa.part != fb.part
                    || (fa.aboard != fb.aboard && fa.class != Some("aboard"))
                    || ((fa.near.is_disjoint(&fb.near) || each_apart(&fa.names, &fb.names)) && !measured)
                    || !same_scope(
                        cx.docs[da].sentences[ia],
                        cx.docs[db].sentences[ib],
                        &fa.written,
                        &fb.written,
                    )
                {
                    continue;
                }
                // A figure of another day is an update or another count, not a disagreement:
                // another publication day, or another day of the week named with it ("rose to
                // 16 Saturday", "was up to 24 by Sunday evening").
                if figs[da][ia].other_day(&figs[db][ib])
                    || report_days(da, ia).zip(report_days(db, ib)).is_some_and(|(x, y)| x != y)
                {
                    continue;
                }
                if let (Some(x), Some(y)) = (cx.docs[da].published, cx.docs[db].published)
                    && x != y
                {
                    continue;
                }
                // Two sentences that give another figure after the same word, and differ there
                // too, tell two occasions' readings ("rose 10.73, or 0.7 percent, to 1,514.77"
                // and "rose 13.70, or 0.8 per cent, to 1700.34"), not one fact told two ways.
                if two_readings(
                    cx.docs[da].sentences[ia],
                    cx.docs[db].sentences[ib],
                    [&fa.written, &fb.written],
                ) {
                    continue;
                }
                for key in [(da, ia), (db, ib)] {
                    context.entry(key).or_insert_with(|| without_numbers(&stmts[key.0][key.1]));
                }
                // Two figures anchored to one thing (the same class of what happened, or a name
                // near both) with two words of their own around them in common ("Labour won 412
                // seats", "The Labour Party won 411 seats out of the 650") need less of the
                // rest of their sentences alike. One figure of one thing told as more and as
                // fewer ("the fires have burned more than 10,000 homes and other structures",
                // "the fires … destroyed nearly 10,000 structures") needs nothing more when it
                // is large enough to be the same figure by more than chance
                // ([`TOLD_BOTH_WAYS`]).
                let shared_near = fa.near.intersection(&fb.near).filter(|w| w.len() >= 4).count();
                let anchored = fa.class.is_some() || !fa.names.is_disjoint(&fb.names);
                // Two measures of one thing ("the 1.6-mile bridge", "the 1.5-mile bridge") need
                // no more of their sentences alike.
                let need = if !fa.describes.is_disjoint(&fb.describes)
                    || measured
                    || (!other_value && va >= TOLD_BOTH_WAYS)
                {
                    0.0
                } else if anchored && shared_near >= ANCHOR_WORDS {
                    SAME_ANCHORED_QUANTITY
                } else {
                    SAME_QUANTITY
                };
                if similarity(&context[&(da, ia)], &context[&(db, ib)], &cx.prepared.weights) < need {
                    continue;
                }
                let a = (da, ia);
                let sides = [
                    (cx.docs[da].sentences[ia].trim().to_string(), da),
                    (cx.docs[db].sentences[ib].trim().to_string(), db),
                ];
                // Every reading of one measure is one divergence: "What magnitude: 7.4, 7.5 or
                // 7.6".
                if let Some(measure) = &fa.measure {
                    found.add_values(
                        DivergenceKind::Number,
                        format!("What {measure}"),
                        order(cx, a),
                        sides,
                        [fa.value, fb.value],
                    );
                    continue;
                }
                // A unit of measure joined to the figure ("1.6-mile") is what it counts.
                let joined = fa.written.split_once('-').map(|(_, u)| u.to_lowercase());
                let mut unit_word = joined
                    .as_deref()
                    .and_then(unit_name)
                    .unwrap_or_else(|| unit_word(cx.docs[da].sentences[ia], &fa.written));
                // "hit 100 on Saturday": what a toll counts is its class, not the word after it.
                if let Some(class) = fa.class
                    && (is_function_word(&unit_word.to_lowercase())
                        || is_time_word(&unit_word.to_lowercase()))
                {
                    unit_word = class.to_string();
                }
                let (lo, hi) = if (fa.value, fa.bound.phrase()) <= (fb.value, fb.bound.phrase()) {
                    (fa, fb)
                } else {
                    (fb, fa)
                };
                // Bounds tell two readings of one value apart ("more than 10,000" / "fewer than
                // 10,000"); of two values, the values do.
                let bounds =
                    if lo.value == hi.value { [lo.bound.phrase(), hi.bound.phrase()] } else { ["", ""] };
                let key = (unit_word.to_lowercase(), lo.value.to_bits(), hi.value.to_bits(), bounds);
                let description = described
                    .entry(key)
                    .or_insert_with(|| {
                        if fa.unit == *MONEY {
                            format!("How much: {}", written_apart(fa, fb))
                        } else {
                            format!("How many {unit_word}: {}", written_apart(fa, fb))
                        }
                    })
                    .clone();
                found.add_figures(
                    DivergenceKind::Number,
                    description,
                    order(cx, a),
                    sides,
                    [fa.value, fb.value],
                );
            }
        }
    }
    found.finish()
}

/// The days of a month `text` names ("on March 26", "26 March", "Dec. 29"), as (month, day).
fn month_days(text: &str) -> BTreeSet<(i8, u8)> {
    let words: Vec<String> = text.split_whitespace().map(bare).collect();
    let day = |w: &str| w.parse::<u8>().ok().filter(|d| (1..=31).contains(d));
    words
        .windows(2)
        .filter_map(|w| match crate::text::month_number(&w[0]) {
            Some(m) => Some((m, day(&w[1])?)),
            None => Some((crate::text::month_number(&w[1])?, day(&w[0])?)),
        })
        .collect()
}

/// Whether two sentences each give, besides the figures compared (`compared`), a number after
/// the same word with different values, neither given by the other sentence: "to 1,514.77" and
/// "at 1700.34" are two closing levels, so the sentences are two days' readings ("at" and "to"
/// count as one word).
fn two_readings(a: &str, b: &str, compared: [&str; 2]) -> bool {
    let after_word = |s: &str| -> Vec<(String, String)> {
        let words: Vec<&str> = s.split_whitespace().collect();
        words
            .windows(2)
            .filter_map(|w| {
                let number = w[1].trim_matches(|c: char| !c.is_ascii_digit());
                // A level is given "to" or "at" it ("rose 8.25 points to 1,861.15", "was off
                // 11.64 points at 1,912.65").
                let before = match w[0].to_lowercase().as_str() {
                    "at" => "to".to_string(),
                    other => other.to_string(),
                };
                (!number.is_empty()
                    && number.bytes().all(|c| c.is_ascii_digit() || c == b',' || c == b'.')
                    && !compared.contains(&w[1].trim_end_matches(['.', ',', ';']))
                    && before.chars().all(char::is_alphabetic))
                .then(|| (before, number.replace(',', "")))
            })
            .collect()
    };
    let (x, y) = (after_word(a), after_word(b));
    let gives = |list: &[(String, String)], n: &str| list.iter().any(|(_, m)| m == n);
    x.iter().any(|(w, n)| y.iter().any(|(v, m)| w == v && n != m && !gives(&y, n) && !gives(&x, m)))
}

/// Whether two sentences that give figures of one unit speak of one time: no two days of a
/// month that differ ("the quarter ended May 30" and "the quarter ended June 30"), no year or
/// clock time that one gives and the other lacks, besides the figures themselves ("As of 8 a.m." and
/// "As of 8:52 a.m." are two counts; "in 1997" and "in 2019" two elections).
fn same_scope(a: &str, b: &str, written_a: &str, written_b: &str) -> bool {
    let anchors = |s: &str, written: &str| -> BTreeSet<String> {
        s.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',' | ';'))
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != ':').to_lowercase())
            .filter(|w| *w != written.to_lowercase())
            .filter(|w| {
                let year = w.len() == 4
                    && w.bytes().all(|c| c.is_ascii_digit())
                    && (b"19".as_slice() == &w.as_bytes()[..2] || b"20".as_slice() == &w.as_bytes()[..2]);
                let clock = w.contains(':')
                    && w.split(':').all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()));
                year || clock
            })
            .collect()
    };
    // "At 8 a.m." is a clock time too.
    let hours = |s: &str| -> BTreeSet<String> {
        let words: Vec<&str> = s.split_whitespace().collect();
        words
            .windows(2)
            .filter(|w| {
                let next = w[1].trim_end_matches([',', '.', ';']).to_lowercase();
                matches!(next.as_str(), "a.m" | "p.m" | "am" | "pm" | "a.m." | "p.m.")
                    && w[0].len() <= 2
                    && w[0].bytes().all(|c| c.is_ascii_digit())
            })
            .map(|w| format!("{}:00", w[0]))
            .collect()
    };
    if both_and_apart(&month_days(a), &month_days(b)) {
        return false;
    }
    let (mut x, mut y) = (anchors(a, written_a), anchors(b, written_b));
    x.extend(hours(a));
    y.extend(hours(b));
    // A figure of the past ("five years ago", "at the previous election") is another count
    // (the table's `[past-marks]`): a mark before the figure or in its clause puts it in the
    // past; one in a later clause is about another figure ("winning only nine seats, having
    // held nearly 60 after the previous election").
    let past = |s: &str, written: &str| {
        let end = s.find(written).map_or(s.len(), |at| {
            let after = at + written.len();
            s[after..].find([',', ';']).map_or(s.len(), |k| after + k)
        });
        let s = s[..end].to_lowercase();
        vocab("past-marks").iter().any(|m| s.contains(m))
    };
    // A sentence that tells a running count's step ("202 dead, up from 180") gives one moment of
    // it, whichever of its figures is compared (the table's `[running-marks]`).
    let running = |s: &str| {
        let s = s.to_lowercase();
        vocab("running-marks").iter().any(|m| s.contains(m))
    };
    if past(a, written_a) != past(b, written_b) || running(a) != running(b) {
        return false;
    }
    // A count "as of Sunday evening" is a snapshot of a count that grows; beside a count told
    // without its moment it is an update, not a disagreement.
    let snapshot = |s: &str| s.to_lowercase().contains("as of ");
    if snapshot(a) != snapshot(b) {
        return false;
    }
    x.is_empty() || y.is_empty() || !x.is_disjoint(&y)
}

/// Whether the figure `written` stands in brackets right after another figure: a conversion
/// ("more than 1 meter (3 feet)", "1.6-mile (2.57 km)").
fn conversion(sentence: &str, written: &str) -> bool {
    let Some(at) = sentence.find(&format!("({written}")) else { return false };
    let before = &sentence[..at];
    let start = before.char_indices().rev().nth(20).map_or(0, |(i, _)| i);
    before[start..].bytes().any(|c| c.is_ascii_digit())
}

/// The word after the figure `written` in `sentence`, for the description.
fn unit_word(sentence: &str, written: &str) -> String {
    let Some(at) = sentence.find(written) else { return "of it".to_string() };
    let rest = &sentence[at + written.len()..];
    let rest = rest.trim_start_matches(['-', ' ']);
    let word = rest
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .find(|w| {
            !w.is_empty()
                && !w.starts_with(|c: char| c.is_ascii_digit())
                && !SCALES.iter().any(|(s, _)| s.eq_ignore_ascii_case(w))
                && !vocab("unit-qualifiers").contains(&w.to_lowercase().as_str())
        })
        .unwrap_or("of it");
    unit_name(&word.to_lowercase()).unwrap_or_else(|| word.to_string())
}

/// Two figures as a description gives them ("411 or 412"), each with its bound when they are
/// the same number ("more than 10,000 or fewer than 10,000": told as a floor and as a
/// ceiling).
fn written_apart(a: &Figure, b: &Figure) -> String {
    if a.value == b.value {
        format!("{}{} or {}{}", a.bound.phrase(), a.written, b.bound.phrase(), b.written)
    } else {
        format!("{} or {}", a.written, b.written)
    }
}

/// The name a description gives a unit of measure of the table's `[units]` written `spelling`
/// ("per" of "32.1 per cent", "mile" of "1.6-mile"): the unit's first spelling ("percent",
/// "miles").
fn unit_name(spelling: &str) -> Option<String> {
    UNITS
        .iter()
        .find(|(_, spellings)| spellings.contains(&spelling))
        .and_then(|(_, spellings)| spellings.first())
        .map(|s| (*s).to_string())
}

fn without_numbers(s: &Statement) -> Statement {
    let numeric: BTreeSet<u64> = s.numbers.iter().map(|n| number_key(n)).collect();
    Statement {
        terms: s.terms.iter().copied().filter(|t| !numeric.contains(t)).collect(),
        numbers: Vec::new(),
        values: Vec::new(),
        implied: Vec::new(),
        negated: s.negated,
        negated_terms: s.negated_terms.iter().copied().filter(|t| !numeric.contains(t)).collect(),
        calendar: Vec::new(),
    }
}

// ---------------------------------------------------------------------------------------------
// Dates

/// How alike two sentences must be, their dates or figures aside, to be about one event:
/// stricter than [`super::SAME_STATEMENT`], since a sentence often names an earlier event as its context
/// ("in comments after Friday's meeting, Witkoff said on Sunday") and market reports share most
/// of their words ("X's shares closed down … at …").
const SAME_DATED_EVENT: f64 = 0.6;

fn dates(cx: &Context) -> Vec<Divergence> {
    // Per document, the dates of each dated sentence.
    let mut dated: Vec<BTreeMap<usize, BTreeSet<&str>>> = vec![BTreeMap::new(); cx.docs.len()];
    for (d, doc) in cx.docs.iter().enumerate() {
        for (date, text) in &doc.dated {
            if let Some(i) = doc.sentences.iter().position(|s| s.trim() == text.trim()) {
                dated[d].entry(i).or_default().insert(date.as_str());
            }
        }
    }
    let mut analyzer = Analyzer::new();
    let none = HashMap::new();
    let undated = |text: &str, analyzer: &mut Analyzer| {
        let mut s = Statement::new(text, analyzer, &none);
        s.terms.retain(|t| !is_time_key(*t));
        s
    };
    let pairs = similar_pairs(cx, SAME_DATED_EVENT, |d, i| {
        dated[d]
            .contains_key(&i)
            .then(|| undated(cx.docs[d].sentences[i], &mut analyzer))
            .filter(|s| s.terms.len() >= 4)
    });
    let mut found = Collector::default();
    for (a, b) in pairs {
        let (da, db) = (&dated[a.0][&a.1], &dated[b.0][&b.1]);
        let compatible = da.iter().any(|x| db.iter().any(|y| dates_agree(x, y)));
        if compatible || !da.iter().chain(db).all(|d| d.len() == 10 || d.contains("/P")) {
            continue;
        }
        let (ta, tb) = (cx.docs[a.0].sentences[a.1], cx.docs[b.0].sentences[b.1]);
        if other_in_series(ta, tb) {
            continue;
        }
        let join = |d: &BTreeSet<&str>| d.iter().copied().collect::<Vec<_>>().join(", ");
        let (first, second) = if join(da) <= join(db) { (join(da), join(db)) } else { (join(db), join(da)) };
        found.add(
            DivergenceKind::Date,
            format!("When: {first} or {second}"),
            order(cx, a),
            [(format!("{} ({})", ta.trim(), join(da)), a.0), (format!("{} ({})", tb.trim(), join(db)), b.0)],
        );
    }
    found.finish()
}

/// Whether both sets hold something and nothing in common.
fn both_and_apart<T: Ord>(a: &BTreeSet<T>, b: &BTreeSet<T>) -> bool {
    !a.is_empty() && !b.is_empty() && a.is_disjoint(b)
}

/// Whether each set holds something the other lacks: "Standard & Poor's 500 Index" and
/// "Nasdaq Composite Index" share a word and name two things.
fn each_apart<T: Ord>(a: &BTreeSet<T>, b: &BTreeSet<T>) -> bool {
    a.iter().any(|x| !b.contains(x)) && b.iter().any(|x| !a.contains(x))
}

/// Whether two sentences give different places in a series ("the third body", "the fifth
/// body"): two happenings, whatever else they share.
fn other_in_series(a: &str, b: &str) -> bool {
    both_and_apart(&ordinals(a), &ordinals(b))
}

/// The ordinal words of a sentence ("third", "5th", "last", "final"), which tell happenings of
/// one series apart.
fn ordinals(text: &str) -> BTreeSet<String> {
    let folded = fold(text);
    let words: Vec<&str> = folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let ordinal_words = vocab("ordinals");
    let mut out = BTreeSet::new();
    for (i, w) in words.iter().enumerate() {
        let numbered = w.len() >= 3
            && w[..w.len() - 2].bytes().all(|b| b.is_ascii_digit())
            && matches!(&w[w.len() - 2..], "st" | "nd" | "rd" | "th");
        // "last week", "first time": a time, not a place in a series.
        let of_time = words.get(i + 1).is_some_and(|n| is_time_word(n) || *n == "time");
        if (ordinal_words.contains(w) || numbered) && !of_time {
            out.insert(if *w == "final" { "last".to_string() } else { (*w).to_string() });
        }
    }
    out
}

/// Whether two dates (day, month, year, or a week `YYYY-MM-DD/P1W`) can be the same day.
fn dates_agree(a: &str, b: &str) -> bool {
    let range = |d: &str| -> Option<(String, String)> {
        if let Some(start) = d.strip_suffix("/P1W") {
            let day = jiff::civil::Date::strptime("%Y-%m-%d", start).ok()?;
            let end = day.checked_add(jiff::Span::new().days(6)).ok()?;
            return Some((day.to_string(), end.to_string()));
        }
        match d.len() {
            10 => Some((d.to_string(), d.to_string())),
            7 => Some((format!("{d}-01"), format!("{d}-31"))),
            4 => Some((format!("{d}-01-01"), format!("{d}-12-31"))),
            _ => None,
        }
    };
    match (range(a), range(b)) {
        (Some((a0, a1)), Some((b0, b1))) => a0 <= b1 && b0 <= a1,
        _ => a == b,
    }
}

// ---------------------------------------------------------------------------------------------
// Times of day

/// A clock time a sentence gives: minutes after midnight, and whether the text fixed the half
/// of the day (a.m., p.m., a 24-hour reading past 12, "local time").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Clock {
    minutes: u16,
    fixed: bool,
    /// How many minutes either way the reading allows: 0 for "9:03", 5 for "about 1:30", 30
    /// for a whole hour ("9 p.m.", "3pm").
    slack: u16,
}

/// The clock times of a sentence: "9:03 a.m.", "8.11pm", "3pm", "2 pm AEST", "20.15 local
/// time", "00:30 local time", "9:03" (a colon between hour and minutes; with no half of the
/// day it may be either).
fn clocks(text: &str) -> Vec<Clock> {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let lower = fold(text).into_owned();
    let b = lower.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit()
            || (i > 0 && (b[i - 1].is_ascii_alphanumeric() || matches!(b[i - 1], b'.' | b',' | b':')))
        {
            i += 1;
            continue;
        }
        let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
        let h_len = digits(i);
        let hour: u16 = lower[i..i + h_len].parse().unwrap_or(99);
        let mut j = i + h_len;
        let mut minute: Option<u16> = None;
        let mut sep = 0u8;
        if h_len <= 2 && j + 2 < b.len() + 1 && matches!(b.get(j), Some(b':' | b'.')) && digits(j + 1) == 2 {
            sep = b[j];
            minute = lower[j + 1..j + 3].parse().ok();
            j += 3;
        }
        let rest = lower[j..].trim_start();
        let half = ["a.m.", "a.m", "am", "p.m.", "p.m", "pm"]
            .iter()
            .find(|h| rest.starts_with(*h) && !rest[h.len()..].starts_with(|c: char| c.is_alphabetic()))
            .map(|h| h.starts_with('p'));
        let local = [
            "local time",
            "gmt",
            "utc",
            "hrs",
            "hours local",
            "aest",
            "aedt",
            "bst",
            "cet",
            "est",
            "edt",
            "pst",
            "kst",
            "jst",
        ]
        .iter()
        .any(|z| rest.starts_with(z) && !rest[z.len()..].starts_with(|c: char| c.is_alphabetic()));
        let valid = h_len <= 2 && minute.is_none_or(|m| m < 60);
        // The words before: a bound ("as early as 2 a.m.", "by 6:30", "until 9") gives no
        // reading; "about", "around" a rough one.
        let before: Vec<&str> = lower[..i].split_whitespace().rev().take(3).collect();
        let range = before.iter().any(|w| matches!(*w, "between" | "from"));
        let bound = before.first().is_some_and(|w| {
            matches!(*w, "by" | "before" | "after" | "until" | "till" | "since" | "from" | "as" | "between")
                || (range && matches!(*w, "and" | "to"))
        });
        let rough = before.iter().take(2).any(|w| {
            matches!(
                *w,
                "about"
                    | "around"
                    | "approximately"
                    | "roughly"
                    | "nearly"
                    | "almost"
                    | "shortly"
                    | "just"
                    | "some"
                    | "circa"
            )
        });
        let slack = if minute.is_none_or(|m| m == 0) {
            30
        } else if rough {
            5
        } else {
            0
        };
        let clock = match (half, minute) {
            _ if bound => None,
            (Some(pm), _) if valid && (1..=12).contains(&hour) => {
                let h = hour % 12 + if pm { 12 } else { 0 };
                Some(Clock { minutes: h * 60 + minute.unwrap_or(0), fixed: true, slack })
            }
            // "20.15 local time", "00:30 local time", "9:03": a reading with minutes.
            (None, Some(m)) if valid && hour <= 23 && (sep == b':' || local) => {
                Some(Clock { minutes: hour * 60 + m, fixed: hour > 12 || hour == 0 || local, slack })
            }
            _ => None,
        };
        out.extend(clock);
        i = j.max(i + 1);
    }
    out
}

/// Whether two clock times can be one: the same reading, or twelve hours apart when either
/// leaves the half of the day open.
fn clocks_agree(a: Clock, b: Clock) -> bool {
    let near = |x: u16, y: u16| x.abs_diff(y) <= a.slack.max(b.slack);
    near(a.minutes, b.minutes) || (!(a.fixed && b.fixed) && near(a.minutes % 720, b.minutes % 720))
}

/// What a clock time in a sentence is the time of, by the words the sentence uses (folded
/// stems): the impact or crash, the start of a fire or quake, an alert sent.
static HAPPENINGS: LazyLock<Vec<(&str, Vec<&str>)>> = LazyLock::new(|| keyed("happenings"));

/// How each happening reads in a divergence's description.
static HAPPENING_LABELS: LazyLock<Vec<(&str, Vec<&str>)>> = LazyLock::new(|| keyed("happening-labels"));

/// The happening a sentence times, when its words name exactly one.
fn happening(text: &str) -> Option<&'static str> {
    let lower = fold(text);
    let names = |stems: &[&str]| {
        stems.iter().any(|st| {
            lower.match_indices(st).any(|(at, _)| at == 0 || !lower.as_bytes()[at - 1].is_ascii_alphabetic())
        })
    };
    let mut found = HAPPENINGS.iter().filter(|(_, stems)| names(stems)).map(|(name, _)| *name);
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// Clock times of one happening this far apart or less are near misses of one reading;
/// further apart they are different moments (the power lost at 1:24, the bridge struck at
/// 1:28 are four minutes apart and both "impact"-free; "6:20" and "6:40" for one fire's start
/// are a disagreement).
const MAX_CLOCK_GAP: u16 = 60;

/// Two reports giving one happening different clock times ("the crash happened at 9:03 a.m."
/// / "the incident occurred at 9:07 a.m."): sentences of different origins, published the same
/// day where both dates are known, that time the same happening ([`HAPPENINGS`]) with clock
/// times up to [`MAX_CLOCK_GAP`] apart and none in common, naming no other day of the week and
/// no different place in a series; a document that gives both times takes neither side.
fn times(cx: &Context) -> Vec<Divergence> {
    // (happening, clock, doc, sentence) for each timed sentence of one happening.
    let mut timed: Vec<(&'static str, Clock, usize, usize)> = Vec::new();
    let mut per_doc: Vec<Vec<Clock>> = vec![Vec::new(); cx.docs.len()];
    for (d, doc) in cx.docs.iter().enumerate() {
        for (i, sentence) in doc.sentences.iter().enumerate() {
            let clocks = clocks(sentence);
            if clocks.is_empty() {
                continue;
            }
            per_doc[d].extend(&clocks);
            if let Some(what) = happening(sentence) {
                timed.extend(clocks.into_iter().map(|c| (what, c, d, i)));
            }
        }
    }
    let mut found = Collector::default();
    for (n, &(what, ca, da, ia)) in timed.iter().enumerate() {
        for &(what_b, cb, db, ib) in timed[n + 1..].iter().take(MAX_COMPARED) {
            if what != what_b
                || cx.docs[da].origin == cx.docs[db].origin
                || clocks_agree(ca, cb)
                || ca.minutes.abs_diff(cb.minutes) > MAX_CLOCK_GAP
                || per_doc[da].iter().any(|c| c.minutes % 720 == cb.minutes % 720)
                || per_doc[db].iter().any(|c| c.minutes % 720 == ca.minutes % 720)
            {
                continue;
            }
            if let (Some(x), Some(y)) = (cx.docs[da].published, cx.docs[db].published)
                && x != y
            {
                continue;
            }
            let (ta, tb) = (cx.docs[da].sentences[ia], cx.docs[db].sentences[ib]);
            if cx.prepared.figures[da][ia].other_day(&cx.prepared.figures[db][ib]) || other_in_series(ta, tb)
            {
                continue;
            }
            // One divergence per happening: every reading that disagrees with another is a
            // side of it, so the reader sees the spread at once.
            found.add(
                DivergenceKind::Date,
                format!(
                    "What time ({})",
                    HAPPENING_LABELS
                        .iter()
                        .find(|(k, _)| *k == what)
                        .and_then(|l| l.1.first().copied())
                        .unwrap_or(what)
                ),
                order(cx, (da, ia)),
                [(ta.trim().to_string(), da), (tb.trim().to_string(), db)],
            );
        }
    }
    found.finish()
}

// ---------------------------------------------------------------------------------------------
// Attributes

/// One attribute a sentence gives: whose, which, and its value.
struct Frame {
    holder: String,
    what: &'static str,
    value: String,
}

fn frames(text: &str, people: &HashMap<u64, String>) -> Vec<Frame> {
    let lower = fold(text).into_owned();
    let mut out = Vec::new();
    for verb in vocab("wear") {
        let Some(at) = find_word(&lower, verb) else { continue };
        // The wearer: the first person the sentence names, its subject in news prose.
        let Some(holder) = first_person(text, people) else { continue };
        let value = clause_after(text, at + verb.len());
        if !value.is_empty() {
            out.push(Frame { holder, what: "wore", value });
        }
    }
    for verb in vocab("held") {
        let Some(at) = find_word(&lower, verb) else { continue };
        let place: Vec<&str> = text[(at + verb.len()).min(text.len())..]
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
            .collect();
        if place.is_empty() {
            continue;
        }
        let event = ["summit", "meeting", "talks", "bilateral", "trilateral"]
            .into_iter()
            .find(|e| lower[..at].contains(e))
            .unwrap_or("meeting");
        out.push(Frame { holder: format!("the {event}"), what: "takes place", value: place.join(" ") });
    }
    out
}

fn find_word(lower: &str, phrase: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = lower[from..].find(phrase) {
        let at = from + i;
        let before = lower[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = lower[at + phrase.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if before && after {
            return Some(at);
        }
        from = at + phrase.len();
    }
    None
}

/// The first known person named in `text`.
fn first_person(text: &str, people: &HashMap<u64, String>) -> Option<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .find_map(|w| people.get(&stem_key(w)))
        .cloned()
}

/// The words after `at` up to the end of the clause (`words::starts_clause`, or the sentence's
/// full stop) or up to what ends an attribute's value (the table's `[value-ends]`: "to the",
/// "as", "during").
fn clause_after(text: &str, at: usize) -> String {
    let rest = text.get(at..).unwrap_or("").trim_start();
    let rest = rest.strip_prefix("in ").unwrap_or(rest);
    let mut end = rest.find(|c| c == '.' || CLAUSE_MARKS.contains(&c)).unwrap_or(rest.len());
    let clause = &rest[..end];
    for word in clause.split_whitespace().skip(1) {
        let start = word.as_ptr() as usize - clause.as_ptr() as usize;
        if starts_clause("", &word.to_lowercase()) || ends_value(&clause[start..]) {
            end = start;
            break;
        }
    }
    rest[..end].trim().to_string()
}

/// Whether `rest` opens with one of the table's `[value-ends]`, as whole words.
fn ends_value(rest: &str) -> bool {
    let lower = rest.to_lowercase();
    vocab("value-ends").iter().any(|end| {
        lower.strip_prefix(end).is_some_and(|after| after.chars().next().is_none_or(|c| !c.is_alphanumeric()))
    })
}

/// How alike two sentences that give one thing two identifiers must be, numbers aside: as
/// for a figure anchored to one thing ([`SAME_ANCHORED_QUANTITY`]).
const SAME_IDENTIFIED: f64 = SAME_ANCHORED_QUANTITY;

/// An identifier a sentence gives a thing: a number or a roman numeral that names it, right
/// after a capitalised word or a designator ("Boeing 737-800", "Flight 5342", "flight 5342",
/// "King Felipe VI"), as (the word, lower-cased; the identifier).
pub(super) fn identifiers_in(text: &str) -> Vec<(String, String)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::new();
    for pair in words.windows(2) {
        let (w, x) = (pair[0], pair[1].trim_end_matches([',', '.', ';', ':', ')', '!', '?']));
        if w.ends_with(|c: char| !c.is_alphanumeric()) {
            continue;
        }
        let word = w.trim_start_matches(|c: char| !c.is_alphanumeric());
        let lower = word.to_lowercase();
        let named = word.chars().next().is_some_and(char::is_uppercase)
            && word.len() >= 3
            && word.chars().all(char::is_alphabetic)
            && !is_function_word(&lower)
            && !is_time_word(&lower)
            && crate::text::month_number(&lower).is_none();
        if !named && !vocab("designators").contains(&lower.as_str()) {
            continue;
        }
        let roman = x.len() >= 2 && x.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
        let digits: String = x.chars().filter(char::is_ascii_digit).collect();
        let numeric = digits.len() >= 3
            && x.chars().all(|c| c.is_ascii_digit() || c == '-')
            && !x.starts_with('-')
            && !x.ends_with('-')
            && !(x.len() == 4 && (1900..=2100).contains(&digits.parse::<u32>().unwrap_or(0)));
        if roman || numeric {
            out.push((lower, x.to_string()));
        }
    }
    out
}

/// Whether two numbers as read are near misses, so that one is the other misread or told
/// another way: two clock times ("1:30" / "00:30"); two roman numerals ("VI" / "IV"); or
/// numbers of one shape (as many digits before the point, hyphens in the same places) within
/// [`MAX_RATIO`] ("7.5" / "7.6", "5342" / "5017", "737-800" / "787-800"; not "7" / "75" nor
/// "737-800" / "737800").
pub(crate) fn near_miss(a: &str, b: &str) -> bool {
    let clock = |x: &str| x.contains(':');
    let roman = |x: &str| !x.is_empty() && x.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    if clock(a) || clock(b) {
        return clock(a) && clock(b);
    }
    if roman(a) || roman(b) {
        return roman(a) && roman(b);
    }
    let shape =
        |x: &str| x.split('.').next().unwrap_or("").chars().map(|c| c.is_ascii_digit()).collect::<Vec<_>>();
    let value = |x: &str| x.replace('-', "").parse::<f64>().ok().filter(|v| *v > 0.0);
    match (value(a), value(b)) {
        (Some(x), Some(y)) => shape(a) == shape(b) && x.max(y) / x.min(y) <= MAX_RATIO,
        _ => false,
    }
}

/// Identifiers: one thing named by two near-miss identifiers in two origins ("Flight 5342" /
/// "Flight 5017", "Boeing 737-800" / "Boeing 787-800", "Felipe VI" / "Felipe IV"), in
/// sentences alike enough ([`SAME_IDENTIFIED`]; any two for a roman numeral after a name); a
/// document that gives both takes no side.
fn identifiers(cx: &Context) -> Vec<Divergence> {
    let stmts = &cx.prepared.statements;
    let mut by_word: BTreeMap<String, Vec<(String, usize, usize)>> = BTreeMap::new();
    // What each document calls each thing: a document that gives two identifiers takes no side.
    let mut given: Vec<BTreeMap<String, BTreeSet<String>>> = vec![BTreeMap::new(); cx.docs.len()];
    for (d, doc) in cx.docs.iter().enumerate() {
        for (i, s) in doc.sentences.iter().enumerate() {
            if stmts[d].get(i).is_none_or(Statement::is_empty) {
                continue;
            }
            for (word, id) in identifiers_in(s) {
                given[d].entry(word.clone()).or_default().insert(id.clone());
                by_word.entry(word).or_default().push((id, d, i));
            }
        }
    }
    // Each sentence's statement without its numbers, made once.
    let mut context: HashMap<(usize, usize), Statement> = HashMap::new();
    let mut found = Collector::default();
    for (word, list) in &by_word {
        for (n, (xa, da, ia)) in list.iter().enumerate() {
            for (xb, db, ib) in list[n + 1..].iter().take(MAX_COMPARED) {
                if xa == xb
                    || cx.docs[*da].origin == cx.docs[*db].origin
                    || !near_miss(xa, xb)
                    || given[*da][word].contains(xb)
                    || given[*db][word].contains(xa)
                {
                    continue;
                }
                // A numeral after a name is who they are ("Felipe VI"), whatever is said of them.
                let regnal = !xa.starts_with(|c: char| c.is_ascii_digit());
                if !regnal {
                    for key in [(*da, *ia), (*db, *ib)] {
                        context.entry(key).or_insert_with(|| without_numbers(&stmts[key.0][key.1]));
                    }
                    let (sa, sb) = (&context[&(*da, *ia)], &context[&(*db, *ib)]);
                    if similarity(sa, sb, &cx.prepared.weights) < SAME_IDENTIFIED {
                        continue;
                    }
                }
                let (first, second) = if xa < xb { (xa, xb) } else { (xb, xa) };
                let shown = cx.docs[*da].sentences[*ia]
                    .split_whitespace()
                    .find(|w| w.trim_start_matches(|c: char| !c.is_alphanumeric()).to_lowercase() == *word)
                    .map_or_else(
                        || word.clone(),
                        |w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string(),
                    );
                found
                    .add(
                        DivergenceKind::Attribute,
                        format!("Which {shown}: {first} or {second}"),
                        order(cx, (*da, *ia)),
                        [
                            (cx.docs[*da].sentences[*ia].trim().to_string(), *da),
                            (cx.docs[*db].sentences[*ib].trim().to_string(), *db),
                        ],
                    )
                    .named
                    .extend([(word.clone(), first.clone()), (word.clone(), second.clone())]);
            }
        }
    }
    found.finish()
}

fn attributes(cx: &Context) -> Vec<Divergence> {
    let mut all: Vec<((usize, usize), Frame)> = Vec::new();
    for (d, doc) in cx.docs.iter().enumerate() {
        for (i, s) in doc.sentences.iter().enumerate() {
            all.extend(frames(s, cx.people).into_iter().map(|f| ((d, i), f)));
        }
    }
    let mut analyzer = Analyzer::new();
    let none = HashMap::new();
    let mut found = Collector::default();
    for (x, (a, fa)) in all.iter().enumerate() {
        for (b, fb) in &all[x + 1..] {
            if cx.docs[a.0].origin == cx.docs[b.0].origin || fa.holder != fb.holder || fa.what != fb.what {
                continue;
            }
            let (va, vb) = (
                Statement::new(&fa.value, &mut analyzer, &none),
                Statement::new(&fb.value, &mut analyzer, &none),
            );
            if va.terms.is_empty() || vb.terms.is_empty() || va.terms.iter().any(|t| vb.terms.contains(t)) {
                continue;
            }
            let description = match fa.what {
                "wore" => format!("What {} wore", fa.holder),
                _ => format!("Where {} takes place", fa.holder),
            };
            found.add(
                DivergenceKind::Attribute,
                description,
                order(cx, *a),
                [
                    (format!("{} — “{}”", fa.value, cx.docs[a.0].sentences[a.1].trim()), a.0),
                    (format!("{} — “{}”", fb.value, cx.docs[b.0].sentences[b.1].trim()), b.0),
                ],
            );
        }
    }
    found.finish()
}

// ---------------------------------------------------------------------------------------------
// Ages

/// At most this many ages are compared, pair by pair.
const MAX_AGES: usize = 1000;

/// An age a sentence gives a person named in full beside it: "38-year-old Maynor Yasir
/// Suazo-Sandoval", "Maynor Suazo Sandoval, 35, is from Honduras". The name's words (two or
/// more, each capitalised with a lower-case letter), and the age.
fn ages_in(sentence: &str) -> Vec<(Vec<&str>, u8)> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let name_word = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
            && !crate::text::is_function_key(stem_key(w))
    };
    // A word of a name as written, punctuation around it off, hyphens kept.
    fn name_part(w: &str) -> &str {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
    }
    let age = |w: &str| w.parse::<u8>().ok().filter(|a| (1..=120).contains(a));
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        // "38-year-old Maynor Yasir Suazo-Sandoval from …"
        if let Some(n) = crate::text::age_number(name_part(w)).and_then(age) {
            let mut name = Vec::new();
            for next in &words[i + 1..] {
                if !name_word(next) {
                    break;
                }
                name.push(name_part(next));
                if next.ends_with([',', '.', ';']) {
                    break;
                }
            }
            if name.len() >= 2 {
                out.push((name, n));
            }
        }
        // "Maynor Yassir Suazo Sandoval, 35, is …"
        if i > 0
            && words[i - 1].ends_with(',')
            && let Some(n) = w.strip_suffix(',').and_then(age)
        {
            let mut name: Vec<&str> = words[..i]
                .iter()
                .rev()
                .enumerate()
                .take_while(|(k, p)| name_word(p) && (*k == 0 || !p.ends_with([',', '.', ';'])))
                .map(|(_, p)| name_part(p))
                .collect();
            name.reverse();
            if name.len() >= 2 {
                out.push((name, n));
            }
        }
    }
    out
}

/// Different ages given to one person by different origins: an age does not change in the
/// course of a story. One person is two names that share two words (spellings and hyphens
/// aside: "Maynor Yassir Suazo Sandoval" and "Maynor Yasir Suazo-Sandoval").
fn ages(cx: &Context) -> Vec<Divergence> {
    let mut all: Vec<Personal> = Vec::new();
    for (d, doc) in cx.docs.iter().enumerate() {
        for (i, s) in doc.sentences.iter().enumerate() {
            for (name, age) in ages_in(s) {
                all.push(Personal::new((d, i), &name.join(" "), age));
            }
        }
    }
    personal(cx, all, |name| format!("How old {name} is"))
}

/// One value of a person's attribute a sentence gives: where, to whom (the name and its word
/// keys), and the value.
struct Personal {
    at: (usize, usize),
    name: String,
    keys: BTreeSet<u64>,
    value: u8,
}

impl Personal {
    fn new(at: (usize, usize), name: &str, value: u8) -> Personal {
        let keys = name.split_whitespace().flat_map(|w| w.split('-')).map(stem_key).collect();
        Personal { at, name: name.to_string(), keys, value }
    }
}

/// Different values of one attribute of one person given by different origins (an age, a count
/// of children: neither changes in the course of a story). One person is two names that share
/// two words. A document that gives the person both values takes neither side. Each person is
/// shown under the name of their first mention, in the description `describe` makes.
fn personal(cx: &Context, mut all: Vec<Personal>, describe: impl Fn(&str) -> String) -> Vec<Divergence> {
    all.truncate(MAX_AGES);
    let mut sets = crate::sets::DisjointSets::new(all.len());
    for x in 0..all.len() {
        for y in x + 1..all.len() {
            if all[x].keys.intersection(&all[y].keys).count() >= 2 {
                sets.union(x, y);
            }
        }
    }
    let person: Vec<usize> = (0..all.len()).map(|x| sets.find(x)).collect();
    let mut shown: BTreeMap<usize, usize> = BTreeMap::new();
    for (x, &p) in person.iter().enumerate() {
        shown.entry(p).or_insert(x);
    }
    let given: std::collections::HashSet<(usize, usize, u8)> =
        all.iter().zip(&person).map(|(o, &p)| (o.at.0, p, o.value)).collect();
    let gives = |d: usize, p: usize, value: u8| given.contains(&(d, p, value));
    let mut found = Collector::default();
    for x in 0..all.len() {
        for y in x + 1..all.len() {
            let (a, b) = (all[x].at, all[y].at);
            if all[x].value == all[y].value
                || person[x] != person[y]
                || cx.docs[a.0].origin == cx.docs[b.0].origin
                || gives(a.0, person[x], all[y].value)
                || gives(b.0, person[y], all[x].value)
            {
                continue;
            }
            found.add(
                DivergenceKind::Number,
                describe(&all[shown[&person[x]]].name),
                order(cx, a),
                [
                    (cx.docs[a.0].sentences[a.1].trim().to_string(), a.0),
                    (cx.docs[b.0].sentences[b.1].trim().to_string(), b.0),
                ],
            );
        }
    }
    found.finish()
}

// ---------------------------------------------------------------------------------------------
// Children

/// A count of children a sentence gives, at its word: "a father of four", "a father-of-two",
/// "has six children" (a word of having before it: not "said three children were hurt").
fn children_in(words: &[&str]) -> Option<(usize, u8)> {
    let count = |w: &str| number_value(&bare(w)).filter(|v| (1.0..=30.0).contains(v)).map(|v| v as u8);
    let parent = |w: &str| vocab("parents").contains(&bare(w).as_str());
    words.iter().enumerate().find_map(|(k, w)| {
        let parts: Vec<&str> = w.split('-').collect();
        if let [p, "of", n] = parts.as_slice()
            && parent(p)
        {
            return count(n).map(|c| (k, c));
        }
        let of_parent = k >= 2 && words[k - 1] == "of" && parent(words[k - 2]);
        // "has six children", not "said three children were hurt".
        let own = (1..=2).any(|back| k >= back && vocab("having").contains(&bare(words[k - back]).as_str()));
        let children = own && words.get(k + 1).is_some_and(|n| vocab("children").contains(&bare(n).as_str()));
        if of_parent || children { count(w).map(|c| (k, c)) } else { None }
    })
}

/// Whether a sentence opens on words that tell of the person the sentences before named: "He
/// is a husband, a father of three", "The 38-year-old … was a father of four".
fn refers_back(words: &[&str]) -> bool {
    match words.first().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())) {
        Some("He" | "She") => true,
        Some("The") => words.get(1).is_some_and(|w| crate::text::age_number(w).is_some()),
        _ => false,
    }
}

/// Different counts of one person's children given by different origins ("a father of three"
/// against "has six children"). The count is the person's the sentence names last before it,
/// or, when the sentence opens on "He", "She" or "The 38-year-old", the person named last in
/// the sentences before; otherwise nobody's ("One of them was a father of five").
fn children(cx: &Context) -> Vec<Divergence> {
    let mut all: Vec<Personal> = Vec::new();
    for (d, doc) in cx.docs.iter().enumerate() {
        let mut last_named: Option<&String> = None;
        for (i, s) in doc.sentences.iter().enumerate() {
            let words = figure_words(s);
            let named: Vec<(usize, &String)> = words
                .iter()
                .enumerate()
                .filter(|(_, w)| w.chars().next().is_some_and(char::is_uppercase))
                .filter_map(|(k, w)| {
                    let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
                    let w = crate::text::without_possessive(w);
                    cx.people.get(&stem_key(w)).map(|p| (k, p))
                })
                .collect();
            if let Some((at, count)) = children_in(&words) {
                let before = named.iter().rev().find(|(k, _)| *k < at).map(|(_, p)| *p);
                let holder = before.or_else(|| last_named.filter(|_| refers_back(&words)));
                if let Some(holder) = holder {
                    all.push(Personal::new((d, i), holder, count));
                }
            }
            if let Some((_, p)) = named.last() {
                last_named = Some(p);
            }
        }
    }
    personal(cx, all, |name| format!("How many children {name} has"))
}

// ---------------------------------------------------------------------------------------------
// Stances

/// How much of one side's event the other must cover for two stances to be about one event.
const STANCE_EVENT: f64 = 0.3;

/// The stance a sentence takes: whether it affirms, and the proposition after the verb.
struct Stance {
    affirms: bool,
    verb: String,
    /// The proposition's words, names aside: what was agreed or denied.
    event: Statement,
    people: BTreeSet<String>,
}

/// The stance of the first stance verb of `text` that reports one.
fn stance(text: &str, analyzer: &mut Analyzer, people: &HashMap<u64, String>) -> Option<Stance> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let (affirming, denying) = (vocab("affirm"), vocab("deny"));
    for (i, raw) in words.iter().enumerate() {
        let w = bare(raw);
        let affirm = affirming.contains(&w.as_str());
        if !affirm && !denying.contains(&w.as_str()) {
            continue;
        }
        let before: Vec<String> =
            words[i.saturating_sub(4)..i].iter().map(|p| p.to_lowercase().replace('’', "'")).collect();
        if before
            .iter()
            .any(|p| vocab("hypothetical").contains(&p.trim_matches(|c: char| !c.is_alphanumeric())))
        {
            continue;
        }
        let negated = before.iter().rev().take(3).any(|p| is_negation(p));
        let affirms = affirm != negated;
        let verb = words[i.saturating_sub(if negated { 2 } else { 0 })..=i].join(" ");
        // The proposition: the subject before the verb and the clause after it, without a
        // closing attribution (", Merz said").
        let subject = words[i.saturating_sub(3)..i].join(" ");
        let mut after = words[i + 1..].join(" ");
        if let Some(cut) = after.find([',', ';']) {
            after.truncate(cut);
        }
        let named = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let people: BTreeSet<String> = format!("{subject} {after}")
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| named(w))
            .filter_map(|w| people.get(&stem_key(w)).cloned())
            .collect();
        let plain: Vec<&str> = after.split_whitespace().filter(|w| !named(w)).collect();
        let mut event = Statement::new(&plain.join(" "), analyzer, &HashMap::new());
        event.terms.retain(|t| !is_time_key(*t));
        if !event.is_empty() && !people.is_empty() {
            return Some(Stance { affirms, verb, event, people });
        }
    }
    None
}

fn stances(cx: &Context) -> Vec<Divergence> {
    let mut analyzer = Analyzer::new();
    let mut all: Vec<((usize, usize), Stance)> = Vec::new();
    for (d, doc) in cx.docs.iter().enumerate() {
        for (i, s) in doc.sentences.iter().enumerate() {
            if let Some(st) = stance(s, &mut analyzer, cx.people) {
                all.push(((d, i), st));
            }
        }
    }
    let weights = &cx.prepared.weights;
    let mut found = Collector::default();
    for (x, (a, sa)) in all.iter().enumerate() {
        for (b, sb) in &all[x + 1..] {
            if cx.docs[a.0].origin == cx.docs[b.0].origin || sa.affirms == sb.affirms {
                continue;
            }
            let shared: Vec<&String> = sa.people.intersection(&sb.people).collect();
            if shared.is_empty() {
                continue;
            }
            // The same event: a shared word, and a fair share of one side's words.
            let close = coverage(&sa.event, &sb.event, weights).max(coverage(&sb.event, &sa.event, weights));
            if close < STANCE_EVENT {
                continue;
            }
            let (yes, no) = if sa.affirms { ((a, sa), (b, sb)) } else { ((b, sb), (a, sa)) };
            let names: Vec<&str> = shared.iter().map(|s| s.as_str()).collect();
            found.add(
                DivergenceKind::Stance,
                format!("Whether {} agreed: “{}” or “{}”", names.join(" and "), yes.1.verb, no.1.verb),
                order(cx, *a),
                [
                    (cx.docs[yes.0.0].sentences[yes.0.1].trim().to_string(), yes.0.0),
                    (cx.docs[no.0.0].sentences[no.0.1].trim().to_string(), no.0.0),
                ],
            );
        }
    }
    found.finish()
}

#[cfg(test)]
mod tests {
    use super::{
        Bound, all_but_count, clause_after, clocks, clocks_agree, figures, figures_disagree, happening,
        identifiers_in, near_miss, same_scope, unit_key, word_number,
    };

    #[test]
    fn an_attribute_s_value_ends_with_its_clause() {
        let value = |t: &str| clause_after(t, t.find("wore").map_or(0, |i| i + 4));
        // A coordinator joins the parts of one value; a clause or a phrase of place ends it.
        assert_eq!(value("Lind wore a grey coat and a scarf to the talks."), "a grey coat and a scarf");
        assert_eq!(value("Lind wore a grey coat because it was cold."), "a grey coat");
        assert_eq!(value("Lind wore a grey coat (a gift), aides said."), "a grey coat");
        assert_eq!(value("Lind wore a grey coat while greeting the crew."), "a grey coat");
        assert_eq!(value("Lind wore in black as she spoke"), "black");
    }

    #[test]
    fn identifiers_name_things_after_a_name_or_a_designator() {
        let ids = |t: &str| identifiers_in(t);
        assert_eq!(
            ids("The Jeju Air Flight 2216, a Boeing 787-800, skidded off the runway."),
            [("flight".to_string(), "2216".to_string()), ("boeing".to_string(), "787-800".to_string())]
        );
        assert_eq!(
            ids("He told the King, Felipe IV, that it would start."),
            [("felipe".to_string(), "IV".to_string())]
        );
        assert_eq!(
            ids("American Eagle flight 5342 approached."),
            [("flight".to_string(), "5342".to_string())]
        );
        // Counts, years and days are not identifiers.
        assert!(ids("Labour won 412 seats in 2024 and Sunday 12 January, killing 179.").is_empty());
        assert!(near_miss("737-800", "787-800"));
        assert!(near_miss("5342", "5017"));
        assert!(near_miss("VI", "IV"));
        assert!(!near_miss("737-800", "737800"));
        assert!(!near_miss("2216", "5342"));
    }

    #[test]
    fn a_measure_of_one_thing_diverges() {
        let got = found(&[
            (
                0,
                &[
                    "Rescuers searched the Halvik river after spans of the 1.6-mile (2.57 km) Ola Strand Bridge fell into the water.",
                ],
            ),
            (
                1,
                &[
                    "Nothing stopped the ferry from hitting a concrete column on the 1.5-mile (2.4km) bridge, which collapsed into the river.",
                ],
            ),
        ]);
        assert!(got.iter().any(|d| d.contains("1.6") && d.contains("1.5")), "{got:?}");
        // Two things measured, or two people's ages, are not one quantity.
        let got = found(&[
            (
                0,
                &[
                    "Rescuers searched the Halvik river after spans of the 1.6-mile (2.57 km) Ola Strand Bridge fell into the water.",
                ],
            ),
            (
                1,
                &[
                    "Nothing stopped the ferry from hitting a concrete column near the 1.5-mile (2.4km) tunnel, which flooded.",
                ],
            ),
            (2, &["The 46-year-old explorer set off alone in March."]),
            (3, &["A 60-year-old explorer joined the search later."]),
        ]);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn readings_of_one_measure_are_one_divergence() {
        // One quake's magnitude, named before its figure in three ways, by three origins whose
        // sentences name different places: one divergence that lists every reading.
        let got = found(&[
            (0, &["The Orvika Survey said the quake, which struck Telmar county, had a magnitude of 7.5."]),
            (1, &["The magnitude 7.6 temblor on Monday rocked the coast of Brisa and toppled houses."]),
            (2, &["Rescuers in Halden searched the rubble after a magnitude-7.4 earthquake."]),
        ]);
        assert_eq!(got, vec!["What magnitude: 7.4, 7.5 or 7.6".to_string()], "{got:?}");
        // A foreshock's magnitude is another quake's; a majority is not the seats gained.
        let got = found(&[
            (0, &["The region saw a rapid succession of quakes, starting with a 5.7 magnitude tremor."]),
            (1, &["On Tuesday a strong magnitude 6.0 earthquake struck off the coast, officials said."]),
            (2, &["The poll suggests a Lindqvist majority of 100, an increase of 209 seats."]),
            (3, &["The exit poll gives the Lindqvist party an overall majority of 170 seats."]),
        ]);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn two_identifiers_of_one_thing_diverge() {
        let got = found(&[
            (0, &["The Jeju Air flight, a Boeing 737-800 from Bangkok, crashed at Muan airport on Sunday."]),
            (1, &["The Jeju Air Flight 2216, a Boeing 787-800, skidded off the runway at Muan airport."]),
            (2, &["President Sanchez told the King, Felipe IV, that mourning would start today."]),
            (3, &["Survivors shouted insults at King Felipe VI during his visit to Paiporta on Sunday."]),
        ]);
        assert!(got.iter().any(|d| d == "Which Boeing: 737-800 or 787-800"), "{got:?}");
        assert!(got.iter().any(|d| d == "Which Felipe: IV or VI"), "{got:?}");
        // One document that gives both takes no side.
        let got = found(&[
            (0, &["The Jeju Air flight, a Boeing 737-800 from Bangkok, crashed at Muan airport on Sunday."]),
            (
                1,
                &[
                    "The Jeju Air plane, a Boeing 787-800 or Boeing 737-800, skidded off the runway at Muan airport.",
                ],
            ),
        ]);
        assert!(!got.iter().any(|d| d.starts_with("Which")), "{got:?}");
    }

    #[test]
    fn all_but_leaves_the_rest_of_the_whole() {
        assert_eq!(all_but_count("The crash killed all but two of the 181 people on board."), Some(179));
        assert_eq!(all_but_count("Of the 181 people aboard, all but two are presumed dead."), Some(179));
        assert_eq!(all_but_count("All except 12 of its 1,200 homes lost power."), Some(1188));
        // No whole, or two candidates for it: nothing is implied.
        assert_eq!(all_but_count("All but two were rescued."), None);
        assert_eq!(all_but_count("Of 181 aboard and 175 passengers, all but two died."), None);
        assert_eq!(all_but_count("Killing 179 of the 181 people aboard."), None);
    }

    #[test]
    fn a_number_divergence_says_what_differs_in_words_a_reader_reads() {
        // A unit joined to its figure, or written as a table's spelling, is named as the unit.
        assert_eq!(
            found(&[
                (0, &["Spans of the 1.6-mile (2.57 km) Halden Bridge fell into the river on Tuesday."]),
                (
                    1,
                    &[
                        "The ship hit a column of the 1.5-mile (2.4km) Halden Bridge, which fell into the river on Tuesday."
                    ]
                ),
            ]),
            ["How many miles: 1.5-mile or 1.6-mile"]
        );
        assert_eq!(
            found(&[
                (
                    0,
                    &[
                        "In the last election the Harbour Party won only 32.1 per cent of the vote in the assembly."
                    ]
                ),
                (
                    1,
                    &[
                        "In the last election the Harbour Party won 202 seats with a 32.3 per cent vote share in the assembly."
                    ]
                ),
            ]),
            ["How many percent: 32.1 or 32.3"]
        );
        // One number told as a floor and as a ceiling: its bounds say how they differ.
        assert_eq!(
            found(&[
                (
                    0,
                    &[
                        "The fires have burned more than 10,000 homes and other structures since Tuesday, when they began near Halvik."
                    ]
                ),
                (
                    1,
                    &[
                        "The fires near Halvik have so far killed 10 people and destroyed nearly 10,000 structures, officials said."
                    ]
                ),
            ]),
            ["How many homes: more than 10,000 or fewer than 10,000"]
        );
        // A designation is no count: "737-800" and "787-800" are not how many of anything.
        assert!(
            !found(&[
                (0, &["A Boeing 737-800 aircraft of the airline was warned of a bird strike before it landed at Muan."]),
                (1, &["The airline's flight, a Boeing 787-800 aircraft, was warned of a bird strike before it landed at Muan."]),
            ])
            .iter()
            .any(|d| d.starts_with("How many")),
        );
    }

    /// The divergences found among documents given as (origin, sentences): each as its
    /// description.
    fn found(docs: &[(usize, &[&str])]) -> Vec<String> {
        found_with(docs, &[])
    }

    /// As [`found`], the documents naming `people` (full names).
    fn found_with(docs: &[(usize, &[&str])], people: &[&str]) -> Vec<String> {
        let inputs: Vec<crate::claims::DocInput> = docs
            .iter()
            .map(|&(origin, sentences)| crate::claims::DocInput {
                sentences: sentences.to_vec(),
                origin,
                ..Default::default()
            })
            .collect();
        let people = people.iter().map(|p| p.to_string()).collect();
        let input = crate::claims::Input { docs: inputs, quotes: Vec::new(), people, spellings: Vec::new() };
        let out = crate::claims::claims(&input, &Default::default());
        out.divergences.iter().map(|d| d.description.clone()).collect()
    }

    #[test]
    fn prices_told_with_other_moves_are_other_readings_and_a_sum_is_how_much() {
        // One stock's price told with one move by two outlets, the price differing: how much.
        assert_eq!(
            found(&[
                (0, &["Nordlys shares fell 25 cents to close at $32.30 on the Oslo exchange on Tuesday."]),
                (1, &["Nordlys shares fell 25 cents to close at $32.80 on the Oslo exchange on Tuesday."]),
            ]),
            ["How much: $32.30 or $32.80"]
        );
        // Two prices each told with its own move: two readings (two stocks, or two days).
        let readings = [
            (0, &["Nordlys shares fell 25 cents to close at $32.30 on the Oslo exchange."][..]),
            (
                1,
                &["Shares of Halvik Lines were up 49 cents, or 1.1 percent, at $36.52 on the Oslo exchange."]
                    [..],
            ),
            (2, &["Skarvik shares were 1.4 percent down at $34.29 on the Oslo exchange."][..]),
        ];
        assert_eq!(found(&readings), Vec::<String>::new());
        // "Up" is a rise, and a rise and a fall are two moves; "up to" is a bound.
        assert_eq!(
            found(&[
                (0, &["Nordlys shares were up 25 cents at $32.30 on the Oslo exchange on Tuesday."]),
                (1, &["Nordlys shares fell 25 cents to $32.80 on the Oslo exchange on Tuesday."]),
            ]),
            Vec::<String>::new()
        );
        assert!(figures("Up to 20 people were aboard.").iter().all(|f| !f.up));
        // Sums per share told with their totals: two companies' (or two quarters') results.
        let results = [
            (0, &["In the quarter, the company earned $987 million, or 14 cents a share."][..]),
            (1, &["In the quarter, the company earned a profit of $102 million, or 13 cents a share."][..]),
        ];
        assert_eq!(found(&results), Vec::<String>::new());
        // A run of digits with no separator is an identifier, not a count.
        let values: Vec<f64> =
            figures("Post 1449075600 drew replies from 20 readers.").iter().map(|f| f.value).collect();
        assert_eq!(values, [20.0]);
    }

    #[test]
    fn a_person_spelt_two_ways_is_one_holder() {
        let docs = vec![
            crate::claims::DocInput {
                sentences: vec!["The body was that of Kari Lindqvist, a father of two."],
                origin: 0,
                ..Default::default()
            },
            crate::claims::DocInput {
                sentences: vec!["Kari Lindqvest, a father of four, came from Halvik."],
                origin: 1,
                ..Default::default()
            },
        ];
        let spelt = |spellings: Vec<(String, String)>| {
            let input = crate::claims::Input {
                docs: docs.clone(),
                quotes: Vec::new(),
                people: vec!["Kari Lindqvist".into()],
                spellings,
            };
            crate::claims::claims(&input, &Default::default())
                .divergences
                .iter()
                .map(|d| d.description.clone())
                .collect::<Vec<_>>()
        };
        assert!(spelt(Vec::new()).is_empty());
        assert_eq!(
            spelt(vec![("Kari Lindqvest".into(), "Kari Lindqvist".into())]),
            ["How many children Kari Lindqvist has"]
        );
    }

    #[test]
    fn one_person_given_two_counts_of_children_by_two_origins() {
        let people = ["Ola Strand", "Kari Lind", "Per Dahl"];
        let got = found_with(
            &[
                (0, &["Relatives named one of the missing as Ola Strand, a father of three from Halvik."]),
                (
                    1,
                    &[
                        "The man was named as 49-year-old Ola Strand of Norway, whose family says has six children.",
                    ],
                ),
                (2, &["Kari Lind is one of six workers killed.", "The 38-year-old was a father of four."]),
                (3, &["The body was that of Kari Lind, a husband and father-of-two."]),
            ],
            &people,
        );
        assert_eq!(got, ["How many children Ola Strand has", "How many children Kari Lind has"]);
        // A sentence that opens on another subject gives nobody's count.
        let got = found_with(
            &[
                (0, &["Crews found Per Dahl on Friday.", "One of the others was a father of five."]),
                (1, &["Per Dahl, a father of two, was a welder."]),
            ],
            &people,
        );
        assert!(got.is_empty(), "{got:?}");
        // A count of children that is nobody's own is no attribute of the person before it.
        let got = found_with(
            &[
                (0, &["Governor Per Dahl said three children were hurt."]),
                (1, &["Governor Per Dahl said five children were hurt."]),
            ],
            &people,
        );
        assert!(!got.iter().any(|d| d.starts_with("How many children")), "{got:?}");
        // A document that gives both counts takes neither side.
        let got = found_with(
            &[
                (
                    0,
                    &[
                        "Per Dahl, a father of two, was a welder.",
                        "Per Dahl had five children, a cousin said.",
                    ],
                ),
                (1, &["Per Dahl was a father of five."]),
            ],
            &people,
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn one_person_given_two_ages_by_two_origins() {
        let got = found(&[
            (0, &["The mayor announced the recovery of 38-year-old Kari Anne Lind-Berg from the river."]),
            (1, &["Kari Ann Lind Berg, 35, had lived in the town for 20 years."]),
            (2, &["Rescuers found 35-year-old Ola Strand near the pier on Friday."]),
            (3, &["Ola Strand, 35, was a welder."]),
        ]);
        assert_eq!(
            got,
            ["How old Kari Anne Lind-Berg is"],
            "spellings aside one person; the same age is none"
        );
        assert!(
            found(&[(0, &["Kari Lind, 38, spoke first."]), (0, &["Later, 35-year-old Kari Lind spoke."])])
                .is_empty(),
            "one origin does not disagree with itself"
        );
    }

    #[test]
    fn divergences_on_shapes_of_real_coverage() {
        // One happening, two clock readings.
        assert_eq!(
            found(&[
                (0, &["The ferry hit the pier at 9:03 a.m. on Sunday, the coastguard said."]),
                (1, &["Officials said the collision occurred at 9:07 a.m. on Sunday."]),
            ]),
            ["What time (the crash or impact)"]
        );
        // A sentence that gives both values, a threshold, and two companies' figures are
        // none.
        assert!(found(&[
            (0, &["Divers said the bodies of 28 passengers were recovered from the river on Thursday."]),
            (1, &["Divers said 28 bodies were recovered from the river: 27 passengers from the jet and one soldier."]),
        ])
        .is_empty());
        // The toll of one craft's people is not the whole toll; two tolls of it differ.
        assert!(found(&[
            (0, &["The collision of the ferry and the tug on Tuesday resulted in the deaths of 67 people."]),
            (1, &["The collision of the ferry and the tug on Tuesday resulted in the deaths of all 64 people on board the ferry."]),
        ])
        .is_empty());
        assert_eq!(
            found(&[
                (0, &["The collision of the ferry and the tug on Tuesday resulted in the deaths of 67 people."]),
                (1, &["The collision of the ferry and the tug on Tuesday resulted in the deaths of 64 people."]),
            ])
            .len(),
            1
        );
        assert!(found(&[
            (0, &["The Harbour Party won 412 seats in the 650-seat assembly on Thursday."]),
            (1, &["The Harbour Party won the 326 seats required for a majority in the assembly on Thursday."]),
        ])
        .is_empty());
        assert!(
            found(&[
                (0, &["Shares of Nordlys Lines fell 25 cents to close at $32.30 on the exchange."]),
                (1, &["Shares of Halvik Shipping fell 45 cents to close at $33.70 on the exchange."]),
            ])
            .is_empty()
        );
    }

    #[test]
    fn anchored_counts_conversions_movements_and_the_past() {
        // One party's seats told in sentences of their own: the name and two words around the
        // figure anchor it.
        assert_eq!(
            found(&[
                (
                    0,
                    &[
                        "Despite a small rise in vote share, the Harbour Party won 412 seats in the assembly, largely due to a collapse of its rivals."
                    ]
                ),
                (
                    1,
                    &[
                        "The Harbour Party won 411 seats in the assembly out of the 650 on offer, a comfortable majority."
                    ]
                ),
            ]),
            ["How many seats: 411 or 412"]
        );
        // A conversion in brackets keeps the bound of what it converts.
        assert!(found(&[
            (0, &["The quake set off warnings, followed by waves of more than 1 meter (3 feet) at Halvik on Monday."]),
            (1, &["Waves at least 1.2 metres (four feet) high hit the port of Halvik on Monday."]),
        ])
        .is_empty());
        // Two indexes that share a word of their names are two things.
        assert!(
            found(&[
                (0, &["The broader Halvik 500 Index climbed 17.08 points to 998.68 on Monday."]),
                (1, &["The technology-laced Skarvik Composite Index climbed 15.20 points to 990.10 on Monday."]),
            ])
            .is_empty()
        );
        // A rise and a fall, and a count of the past, are other quantities.
        assert!(
            found(&[
                (0, &["Shares of Nordlys Lines rose 46 cents to close at $32.30 on the exchange in Oslo."]),
                (1, &["Shares of Nordlys Lines fell 45 cents to close at $31.70 on the exchange in Oslo."]),
            ])
            .is_empty()
        );
        assert!(!same_scope("Labour won 202 seats five years ago.", "Labour won 203 seats.", "202", "203"));
        // A mark of the past before the figure puts it in the past; one in a later clause is
        // about another figure.
        assert!(!same_scope("Five years ago, Labour won 202 seats.", "Labour won 203 seats.", "202", "203"));
        assert!(same_scope(
            "Labour won 202 seats, having held 180 after the previous election.",
            "Labour won 203 seats.",
            "202",
            "203"
        ));
        assert!(!same_scope(
            "Labour won 202 seats, having held 180 after the previous election.",
            "Labour held 181 seats.",
            "180",
            "181"
        ));
        // A step of a running count is one moment of it, whichever figure is compared.
        assert!(!same_scope("The toll rose to 202, up from 180.", "The toll was 203.", "202", "203"));
        assert!(!same_scope(
            "As of 8 a.m. Delta had canceled 415 flights.",
            "As of 9:52 a.m. Delta had canceled 417 flights.",
            "415",
            "417"
        ));
    }

    #[test]
    fn tolls_units_parts_report_days_and_readings() {
        // A toll told as the subject of its verb, its figure far from any word of death and
        // followed by a day, counts the dead; three reports of one Saturday disagree.
        let tolls = found(&[
            (
                0,
                &[
                    "The death toll from the storm that struck the Halvik coast on New Year's Day hit 100 on Saturday, local officials said.",
                ],
            ),
            (
                1,
                &[
                    "The death toll on the Halvik coast from the Jan. 1 storm grew to 126 Saturday, local officials said.",
                ],
            ),
        ]);
        assert_eq!(tolls, ["How many dead: 100 or 126"]);
        // Spellings of one unit are one unit.
        assert_eq!(
            found(&[
                (0, &["The Nordlys ferry is 948 feet long and was stacked high with containers."]),
                (
                    1,
                    &["The Nordlys ferry, 985 ft long, was stacked high with containers when it lost power."]
                ),
            ]),
            ["How many feet: 948 or 985"]
        );
        // One disagreement that pairs of documents write two ways is one divergence.
        assert_eq!(
            found(&[
                (
                    0,
                    &[
                        "The container ship Dali, 948 feet long, struck a support pier of the Key Bridge on Tuesday."
                    ]
                ),
                (
                    1,
                    &[
                        "The 948-foot container ship Dali struck a support pier of the Key Bridge on Tuesday morning."
                    ]
                ),
                (
                    2,
                    &["The 984-foot container ship Dali struck a support pier of the Key Bridge on Tuesday."]
                ),
            ]),
            ["How many feet: 948 or 984-foot"]
        );
        // A part of a breakdown by place is not the whole's count.
        assert!(
            found(&[
                (0, &["The death toll includes 39 in Halvik and 23 in Skarvik, both towns on the coast."]),
                (1, &["The local authorities reported a death toll of 30, with half of the dead in Halvik."]),
            ])
            .is_empty()
        );
        // A report of Thursday and one whose lead tells of Friday: a count raised, not disputed.
        let report =
            |origin: usize, published: Option<&str>, sentences: &[&'static str]| crate::claims::DocInput {
                sentences: sentences.to_vec(),
                origin,
                published: published.and_then(|p| p.parse().ok()),
                ..Default::default()
            };
        let docs = vec![
            report(
                0,
                Some("2024-10-31"),
                &[
                    "Floods have killed 158 people, officials said.",
                    "Most of the deaths were in the Halvik region, with 155 people confirmed dead there.",
                ],
            ),
            report(
                1,
                None,
                &[
                    "Rescuers on Friday raised the death toll to 205.",
                    "The coordinating agency said 202 people had been confirmed dead in the Halvik region.",
                ],
            ),
        ];
        let input =
            crate::claims::Input { docs, quotes: Vec::new(), people: Vec::new(), spellings: Vec::new() };
        let out = crate::claims::claims(&input, &Default::default());
        assert!(out.divergences.is_empty(), "{:?}", out.divergences);
        // Troops deployed are a class of their own: two counts of those already deployed.
        assert_eq!(
            found(&[
                (
                    0,
                    &[
                        "About 500 soldiers were being added to the 1,000 already deployed to hunt for the missing in Halvik."
                    ]
                ),
                (
                    1,
                    &[
                        "These troops will join the 1,200 already deployed in Halvik, with the aid of 400 vehicles."
                    ]
                ),
                // Other news, so the story's words weigh as in a real set.
                (2, &["The council approved a new budget for the harbour and the school on Monday."]),
                (3, &["Tickets for the summer music festival went on sale at noon and sold out quickly."]),
                (4, &["The regional railway will close two stations for repairs during the spring months."]),
                (5, &["A local bakery won the national prize for its rye bread at the annual fair."]),
            ]),
            ["How many deployed: 1,000 or 1,200"]
        );
        // Two days of a month are two scopes; one day written two ways is one.
        assert!(!same_scope(
            "In its quarter ended May 30, Nordlys Lines earned 27 cents a share.",
            "In the quarter ended June 30, Nordlys Lines earned 32 cents a share.",
            "27",
            "32"
        ));
        assert!(same_scope(
            "The bridge fell on March 26, killing six workers.",
            "Six workers died when the bridge fell on 26 March.",
            "six",
            "Six"
        ));
        // Two days' closing levels of one index are two readings, not one figure disputed.
        assert!(
            found(&[
                (0, &["The Halvik composite index increased 10.73, or 0.7 percent, to 1,514.77."]),
                (1, &["The Halvik composite index rose 13.70, or 0.8 per cent, at 1700.34."]),
            ])
            .is_empty()
        );
    }

    #[test]
    fn clock_times_and_what_they_time() {
        let read = |t: &str| clocks(t).iter().map(|c| (c.minutes, c.slack)).collect::<Vec<_>>();
        assert_eq!(read("the crash happened at 9:03 a.m. on Sunday"), [(543, 0)]);
        assert_eq!(read("at 8.11pm, and 20.15 local time"), [(1211, 0), (1215, 0)]);
        assert_eq!(read("struck the bridge at 00:30 local time on Tuesday"), [(30, 0)]);
        assert_eq!(read("around 1:30 a.m. and at 3pm"), [(90, 5), (900, 30)]);
        assert!(read("as early as 2:00 a.m., by 6 p.m., a 7.5 quake, 1,300 people").is_empty());
        let c = |t: &str| clocks(t)[0];
        assert!(clocks_agree(c("at 1:27 a.m."), c("about 1:30 a.m.")));
        assert!(!clocks_agree(c("at 00:30 local time"), c("about 1:30 a.m.")));
        assert!(!clocks_agree(c("at 9:03 a.m."), c("at 9:07 a.m.")));
        assert!(clocks_agree(c("at 9:03"), c("at 9:03 p.m.")), "no half of the day given");
        assert_eq!(happening("The incident occurred at 9:07 a.m."), Some("impact"));
        assert_eq!(happening("The alert was sent to phones at 8:12 p.m."), Some("alert"));
        assert_eq!(happening("Markets closed at 4 p.m."), None);
    }

    #[test]
    fn a_sentence_gives_a_figure_as_another_tells_it() {
        use super::SentenceFigures;
        let of = SentenceFigures::of;
        // In words or in digits, one value.
        assert!(of("Both of the 2 pilots were rescued.").gives_all(&of("The two pilots were rescued.")));
        // Told as more and as fewer: not the same figure.
        assert!(
            !of("Fire destroyed nearly 10,000 homes.")
                .gives_all(&of("Fire destroyed more than 10,000 homes."))
        );
        // Left out: not given.
        assert!(!of("The pilots were rescued.").gives_all(&of("The two pilots were rescued.")));
        assert!(!of("The ferry sank off Halvik.").gives_all(&of("The ferry sank on March 3.")));
        assert!(!of("The ferry sank off Halvik.").gives_all(&of("The ferry sank on Tuesday.")));
        assert!(of("On Tuesday, March 3, the ferry sank.").gives_all(&of("The ferry sank on March 3.")));
        assert!(of("The pilots were rescued.").gives_all(&of("The pilots were rescued by the crew.")));
        // Rounded and told as such.
        assert!(of("Fire destroyed more than 6,800 homes.").gives_all(&of("Fire destroyed 6,837 homes.")));
        assert!(of("Fire destroyed 1,017 homes.").gives_all(&of("Fire destroyed about 1,000 homes.")));
        assert!(!of("Fire destroyed 1,100 homes.").gives_all(&of("Fire destroyed about 1,000 homes.")));
        assert!(!of("Fire destroyed more than 6,900 homes.").gives_all(&of("Fire destroyed 6,837 homes.")));
        assert!(!of("Fires killed at least 24 people.").gives_all(&of("Fires killed 25 people.")));
        assert!(!of("Fire destroyed 6,800 homes.").gives_all(&of("Fire destroyed 6,837 homes.")));
    }

    #[test]
    fn figures_read_digits_words_scales_and_bounds() {
        let f = figures(
            "At least 20,000 children were taken and $2.5 billion spent over three-hour talks in 2022.",
        );
        let shown: Vec<(f64, &str, Bound)> =
            f.iter().map(|f| (f.value, f.written.as_str(), f.bound)).collect();
        assert_eq!(shown[0], (20_000.0, "20,000", Bound::AtLeast));
        assert_eq!(shown[1].0, 2.5e9);
        assert_eq!(shown[2].0, 3.0);
        assert_eq!(f.len(), 3, "the year is not a figure");
        let bound = |t: &str| figures(t)[0].bound;
        assert_eq!(bound("As many as 20 people could be in the river."), Bound::AtMost, "three words");
        assert_eq!(bound("Waves as high as five meters were forecast."), Bound::AtMost);
        assert_eq!(bound("Officials counted some 410 seats."), Bound::About);
        assert_eq!(bound("It was a turnover 20 per cent higher."), Bound::Exact, "a bound is whole words");
        // A number of two words joined by a hyphen is one number, and counts the noun after it.
        let f = figures("Twenty-three people were on the ferry, and forty-one cars.");
        let shown: Vec<(f64, &str)> = f.iter().map(|f| (f.value, f.written.as_str())).collect();
        assert_eq!(shown, [(23.0, "Twenty-three"), (41.0, "forty-one")]);
        assert_eq!(f[0].unit, unit_key("people"));
        // Not numbers of two words: a part of a whole, a size joined to its unit.
        assert_eq!(figures("Two-thirds of the crew were rescued.")[0].value, 2.0);
        assert_eq!(figures("A five-storey block burned.")[0].value, 5.0);
        assert_eq!(word_number("ten-two"), None);
        assert_eq!(word_number("twenty-ten"), None);
    }

    #[test]
    fn rounding_and_bounds_are_not_disagreements() {
        let one = |t: &str| figures(t).remove(0);
        assert!(figures_disagree(&one("20,000 children"), &one("17,000 children")));
        assert!(figures_disagree(&one("fourteen people"), &one("12 people")));
        assert!(!figures_disagree(&one("20,000 children"), &one("19,546 children")), "rounded");
        assert!(!figures_disagree(&one("about 20,000 children"), &one("19,546 children")));
        assert!(!figures_disagree(&one("at least 20,000 children"), &one("21,000 children")));
        assert!(figures_disagree(&one("at least 20,000 children"), &one("12,000 children")));
        assert!(!figures_disagree(&one("won 33.8 per cent"), &one("won 34 per cent")), "rounded to units");
        assert!(figures_disagree(&one("won 32.1 per cent"), &one("won 32.3 per cent")));
    }

    #[test]
    fn one_figure_told_as_more_and_as_fewer_disagrees() {
        let one = |t: &str| figures(t).remove(0);
        assert!(figures_disagree(&one("more than 10,000 homes"), &one("nearly 10,000 homes")));
        assert!(figures_disagree(&one("over 300 passengers"), &one("fewer than 300 passengers")));
        // A bound that may meet the figure is loosely told, not another reading.
        assert!(!figures_disagree(&one("up to 1.2 meters"), &one("over 1.2 meters")));
        assert!(!figures_disagree(&one("at least 300 passengers"), &one("nearly 300 passengers")));
        assert!(!figures_disagree(&one("nearly 300 passengers"), &one("almost 300 passengers")));
        assert_eq!(
            found(&[
                (0, &["The fires have destroyed more than 10,000 homes in the county since Tuesday, officials said."]),
                (1, &["The fires have destroyed nearly 10,000 homes in the county since Tuesday, officials said."]),
            ])
            .len(),
            1
        );
        // "Homes and other structures" count structures; the same large figure told both ways
        // needs no more of the sentences alike.
        assert_eq!(
            figures("burned more than 10,000 homes and other structures")[0].unit,
            unit_key("structures")
        );
        assert_eq!(
            found(&[
                (0, &["The fires have burned more than 10,000 homes and other structures since Tuesday near Halvik."]),
                (1, &["The blazes, which devastated whole neighbourhoods on both sides of the valley, have so far destroyed nearly 10,000 structures."]),
            ])
            .len(),
            1
        );
        // A small figure told both ways is too often two things'.
        assert!(found(&[
            (0, &["Average life expectancy in the region has increased by nearly two years, the report said."]),
            (1, &["After more than two years in detention, the four workers were released, the report said."]),
        ])
        .is_empty());
    }

    #[test]
    fn figures_know_what_happened_to_what_they_count() {
        let classes: Vec<Option<&str>> =
            figures("The crash killed 179 of the 181 people aboard and injured two others.")
                .iter()
                .map(|f| f.class)
                .collect();
        assert_eq!(classes, vec![Some("dead"), Some("aboard"), Some("injured")]);
        let classes = |t: &str| figures(t).iter().map(|f| (f.value, f.class)).collect::<Vec<_>>();
        assert_eq!(
            classes("Two people survived and 179 were confirmed killed in the crash."),
            vec![(2.0, Some("rescued")), (179.0, Some("dead"))]
        );
        assert_eq!(
            classes("The crash killed all but two out of 181 passengers and crew on board."),
            vec![(181.0, Some("aboard"))],
            "the exception is no count of the dead, nor the whole"
        );
        assert_eq!(classes("About 2,800 were still at evacuation shelters."), vec![]);
        // A toll that reaches a count of people counts the dead, as one that reaches a bare
        // figure does; a count of people that says what befell them keeps its own class.
        assert_eq!(
            classes("The death toll from the floods rose to 205 people on Friday."),
            classes("The death toll from the floods rose to 205 on Friday.")
        );
        assert_eq!(
            classes("The death toll from the floods rose to 205 people."),
            vec![(205.0, Some("dead"))]
        );
        assert_eq!(
            classes("The death toll rose to 205, and 1,900 people were rescued."),
            vec![(205.0, Some("dead")), (1900.0, Some("rescued"))]
        );
        let children = |t: &str| figures(t).iter().map(|f| (f.value, f.unit.clone())).collect::<Vec<_>>();
        assert_eq!(children("He was a father of four."), children("He had four children."));
        let seats = figures("It suffered its worst result in seats - 202 - at the last election.");
        assert_eq!(seats.len(), 1);
        assert_eq!(seats[0].unit, figures("202 seats")[0].unit);
        let f = figures("Labour won 412 seats, the Conservatives 121 seats.");
        assert!(f[0].names.contains("labour"), "{:?}", f[0].names);
        assert!(f[1].names.contains("conservatives"), "{:?}", f[1].names);
    }

    #[test]
    fn a_snapshot_is_no_scope_of_an_untimed_count() {
        assert!(!same_scope(
            "As of Sunday evening, officials confirmed that 177 people had died.",
            "The crash on Sunday killed 179 people on board.",
            "177",
            "179"
        ));
        assert!(same_scope(
            "As of Sunday evening, 177 people had died.",
            "As of Sunday evening, 179 people had died.",
            "177",
            "179"
        ));
    }

    #[test]
    fn another_year_or_clock_time_is_another_scope() {
        assert!(same_scope("Labour won 412 seats.", "Labour won 411 seats on Friday.", "412", "411"));
        assert!(!same_scope(
            "In 1997 Labour won 43.2 per cent.",
            "In 2019 it won 32.1 per cent.",
            "43.2",
            "32.1"
        ));
        assert!(!same_scope(
            "As of 8:00 Delta had canceled 415 flights.",
            "As of 8:52 Delta had canceled 417.",
            "415",
            "417"
        ));
        assert!(same_scope("At 9:03 the plane crashed.", "At 9:07 the plane crashed.", "9:03", "9:07"));
    }
}
