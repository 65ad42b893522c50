//! Whether two sentences make the same statement.
//!
//! A sentence becomes a [`Statement`]: the stem keys of its content words (function words
//! dropped, a small table of news synonyms folded onto one key, a person's first name onto
//! their surname), its numbers, and whether it is negated. Two statements are compared by the
//! share of each one's content the other covers, every word weighted by its rarity in the
//! collection ([`Weights`]), the two shares averaged; numbers that disagree and a negation on one
//! side only lower the score. [`SAME_STATEMENT`] is the score from which two sentences are
//! taken to say the same thing; it was chosen on the MSRP training pairs
//! (`parallax eval claims`).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use xxhash_rust::xxh3::xxh3_64;

use super::words::{is_coordinator, is_negation, starts_clause, vocab};
use crate::text::{Analyzer, Token, TokenKind, is_function_key, stem_key};

/// The score from which two sentences say the same thing (see [`similarity`]).
pub const SAME_STATEMENT: f64 = 0.46;

/// How much a disagreement on numbers keeps of the score.
const NUMBER_CLASH: f64 = 0.85;
/// How much a negation on one side only keeps of the score.
const NEGATION_CLASH: f64 = 0.85;

/// The key of a number among a statement's terms: its digits hashed ("20,000" → "20000").
pub(crate) fn number_key(digits: &str) -> u64 {
    xxh3_64(digits.as_bytes())
}

/// One sentence's content, ready to compare.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Statement {
    /// Content keys, sorted, without repeats.
    pub terms: Vec<u64>,
    /// Numbers as written, digits only ("20,000" → "20000"), sorted, without repeats.
    pub numbers: Vec<String>,
    /// Numbers as read: digits and the decimal point ("7.6"), a clock time as one ("1:30"),
    /// sorted, without repeats. For telling a near miss ("7.5" and "7.6") from another figure.
    pub values: Vec<String>,
    /// Numbers it gives without writing them: "all but two of the 181" gives 179.
    pub implied: Vec<String>,
    /// Its numbers (as in `numbers`) that are only ever written as the day of a month ("Dec.
    /// 29", "29 December"). A day places a statement; its figures carry it. A year stays a
    /// figure: "the first meeting since the invasion in 2022" is carried by its year, and on
    /// the eight real events reading years as dates changed nothing but lost such support on
    /// the seeds.
    pub calendar: Vec<String>,
    /// Whether a negation ("not", "never", "no", "n't"; not "without", which tells what was
    /// missing) stands in it.
    pub negated: bool,
    /// Its content keys that a negation governs, sorted: the words after a negation up to the
    /// end of its clause (`words::starts_clause`: a comma, a semicolon, a dash, "while",
    /// "because") or a coordinator ("and", "but"). "All 22 crew were accounted for and there
    /// were no injuries" negates "injuries", not "crew".
    pub negated_terms: Vec<u64>,
}

impl Statement {
    /// The statement of `text`. `aliases` maps name keys onto the key that stands for the
    /// person (a first name onto the surname); pass an empty map when no people are known.
    pub fn new(text: &str, analyzer: &mut Analyzer, aliases: &HashMap<u64, u64>) -> Statement {
        let mut tokens = Vec::new();
        analyzer.tokenize_into(text, 0, &mut tokens);
        Statement::from_tokens(text, &tokens, aliases)
    }

    /// The statement of the tokens of `text` (spans relative to `text`).
    pub fn from_tokens(text: &str, tokens: &[Token], aliases: &HashMap<u64, u64>) -> Statement {
        let mut out = Statement::default();
        let mut figures = Vec::new();
        // The number after a number sign ("No.10", "the No. 2 computer maker") names a place
        // in a series: a word of the statement, not a figure it gives.
        let mut numbered = None;
        // Whether a negation governs the words read now (see `Statement::negated_terms`).
        let mut negating = false;
        let idle = idle_words(text, tokens);
        for (k, token) in tokens.iter().enumerate() {
            let Some(word) = text.get(token.span.range()) else { continue };
            let gap = k
                .checked_sub(1)
                .and_then(|p| text.get(tokens[p].span.range().end..token.span.range().start))
                .unwrap_or("");
            let lower: Cow<str> = if word.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Owned(word.to_ascii_lowercase())
            } else {
                Cow::Borrowed(word)
            };
            if starts_clause(gap, &lower) || is_coordinator(&lower) {
                negating = false;
            }
            if token.kind == TokenKind::Number {
                let digits: String = word.chars().filter(char::is_ascii_digit).collect();
                out.terms.push(number_key(&digits));
                if negating {
                    out.negated_terms.push(number_key(&digits));
                }
                if numbered == Some(k) {
                    continue;
                }
                if calendar_number(text, tokens, k) {
                    out.calendar.push(digits.clone());
                } else {
                    figures.push(digits.clone());
                }
                out.numbers.push(digits);
                // As read: with its decimal point, a clock time as one ("1:30"); its minutes
                // are read with it.
                let clock = |a: &Token, b: &Token| {
                    a.kind == TokenKind::Number
                        && b.kind == TokenKind::Number
                        && text.get(a.span.range().end..b.span.range().start) == Some(":")
                };
                if k > 0 && clock(&tokens[k - 1], token) {
                    continue;
                }
                let mut value: String = word.chars().filter(|&c| c.is_ascii_digit() || c == '.').collect();
                if let Some(next) = tokens.get(k + 1).filter(|next| clock(token, next))
                    && let Some(minutes) = text.get(next.span.range())
                {
                    value.push(':');
                    value.push_str(minutes);
                }
                out.values.push(value);
                continue;
            }
            // "No.10 Downing Street", "No 1 seed": "No" before a number stands for "number".
            let number_sign = crate::text::is_number_sign(word)
                && tokens.get(k + 1).is_some_and(|n| {
                    n.kind == TokenKind::Number
                        && text
                            .get(token.span.range().end..n.span.range().start)
                            .is_some_and(|gap| matches!(gap.trim(), "" | "."))
                });
            if number_sign {
                numbered = Some(k + 1);
                continue;
            }
            if is_negation(&lower) {
                out.negated = true;
                negating = true;
                continue;
            }
            if is_function_key(token.key) || idle[k] {
                continue;
            }
            let key = synonym(token.key);
            let key = aliases.get(&key).copied().unwrap_or(key);
            out.terms.push(key);
            if negating {
                out.negated_terms.push(key);
            }
        }
        // "All but two of the 181" gives the count most outlets write: 179.
        // It counts among its words and, for support, among its numbers, not as written.
        if let Some(count) = super::diverge::all_but_count(text) {
            let digits = count.to_string();
            out.terms.push(number_key(&digits));
            out.values.push(digits.clone());
            out.implied.push(digits);
        }
        out.sort();
        out.calendar.retain(|n| !figures.contains(n));
        out.calendar.sort_unstable();
        out.calendar.dedup();
        out
    }

    /// The statement with `numbers` given as well (in digits, as in `numbers`): among its
    /// numbers, its values as read and its words.
    pub(crate) fn with_numbers(&self, numbers: &[&String]) -> Statement {
        let mut out = self.clone();
        for &n in numbers {
            out.terms.push(number_key(n));
            out.numbers.push(n.clone());
            out.values.push(n.clone());
        }
        out.sort();
        out
    }

    /// Its words, negated words, numbers and values sorted, without repeats.
    fn sort(&mut self) {
        self.terms.sort_unstable();
        self.terms.dedup();
        self.negated_terms.sort_unstable();
        self.negated_terms.dedup();
        self.numbers.sort_unstable();
        self.numbers.dedup();
        self.values.sort_unstable();
        self.values.dedup();
    }

    /// Its numbers that are figures, not days of a month (see [`Statement::calendar`]).
    pub fn figures(&self) -> impl Iterator<Item = &String> {
        self.numbers.iter().filter(|n| !self.calendar.contains(n))
    }

    /// Whether it has no content word.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// Which tokens of `text` lie inside one of the table's `[idle-phrases]` ("at the time", "by
/// the time"): they place a statement in time and say nothing of what it states, so "the crew
/// was filling potholes at the time" and "the crew was fixing potholes" state one fact.
fn idle_words(text: &str, tokens: &[Token]) -> Vec<bool> {
    let mut out = vec![false; tokens.len()];
    let lower = text.to_ascii_lowercase();
    let boundary = |at: usize| !lower[..at].chars().next_back().is_some_and(char::is_alphanumeric);
    let after = |end: usize| !lower[end..].chars().next().is_some_and(char::is_alphanumeric);
    for phrase in vocab("idle-phrases") {
        for (at, _) in lower.match_indices(phrase) {
            let end = at + phrase.len();
            if !boundary(at) || !after(end) {
                continue;
            }
            // Tokens run in the text's order: the first at or after the phrase, then on.
            let first = tokens.partition_point(|t| t.span.range().start < at);
            for (k, token) in tokens.iter().enumerate().skip(first) {
                if token.span.range().end > end {
                    break;
                }
                out[k] = true;
            }
        }
    }
    out
}

/// Whether number token `k` of `text` is the day of a month: one or two digits beside a
/// month's name ("Dec. 29", "29 December").
fn calendar_number(text: &str, tokens: &[Token], k: usize) -> bool {
    let word = |i: usize| tokens.get(i).and_then(|t| text.get(t.span.range()));
    let Some(written) = word(k) else { return false };
    let day = written.len() <= 2 && written.bytes().all(|b| b.is_ascii_digit());
    let month = |i: Option<usize>| i.and_then(word).is_some_and(|w| crate::text::month_number(w).is_some());
    day && (month(k.checked_sub(1)) || month(Some(k + 1)))
}

/// A hasher for keys that are already well-mixed 64-bit hashes: it passes them through.
#[derive(Clone, Copy, Debug, Default)]
pub struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by word keys.
pub type KeyMap<V> = HashMap<u64, V, std::hash::BuildHasherDefault<KeyHasher>>;

/// How rare each content word is in a collection: the weight of a word is the log of the
/// number of sentences over the number that hold it, so a name counts for more than "said".
#[derive(Clone, Debug, Default)]
pub struct Weights {
    weight: KeyMap<f64>,
    unseen: f64,
}

impl Weights {
    /// Weights of the words of `statements`.
    pub fn new<'a>(statements: impl IntoIterator<Item = &'a Statement>) -> Weights {
        let mut frequency: KeyMap<u32> = KeyMap::default();
        let mut sentences = 0u32;
        for s in statements {
            sentences = sentences.saturating_add(1);
            for &t in &s.terms {
                *frequency.entry(t).or_insert(0) += 1;
            }
        }
        let n = f64::from(sentences.max(1)) + 1.0;
        let of = |df: u32| (n / (f64::from(df) + 0.5)).ln().max(0.1);
        Weights { weight: frequency.into_iter().map(|(t, df)| (t, of(df))).collect(), unseen: of(0) }
    }

    /// The weight of `term`; a word the collection never saw weighs as its rarest.
    pub fn weight(&self, term: u64) -> f64 {
        self.weight.get(&term).copied().unwrap_or(self.unseen)
    }

    /// The summed weight of `terms`.
    pub fn total(&self, terms: &[u64]) -> f64 {
        terms.iter().map(|&t| self.weight(t)).sum()
    }
}

/// The weighted overlap of two statements: per side, the share of its weight the other
/// covers; the two shares averaged (0 to 1). Disagreeing numbers and a one-sided negation lower
/// it.
pub fn similarity(a: &Statement, b: &Statement, weights: &Weights) -> f64 {
    similarity_of_totals((a, weights.total(&a.terms)), (b, weights.total(&b.terms)), weights)
}

/// [`similarity`] of two statements given with their total weights ([`Weights::total`]), for
/// a caller that compares one statement with many.
pub(crate) fn similarity_of_totals(
    (a, wa): (&Statement, f64),
    (b, wb): (&Statement, f64),
    weights: &Weights,
) -> f64 {
    if wa <= 0.0 || wb <= 0.0 {
        return 0.0;
    }
    let shared = shared_weight(&a.terms, &b.terms, weights);
    let mut score = (shared / wa + shared / wb) / 2.0;
    if numbers_clash(&a.numbers, &b.numbers) {
        score *= NUMBER_CLASH;
    }
    if a.negated != b.negated {
        score *= NEGATION_CLASH;
    }
    score
}

/// The share of `a`'s weight that `b` covers (0 to 1): how much of `a` is said in `b`.
pub fn coverage(a: &Statement, b: &Statement, weights: &Weights) -> f64 {
    let wa = weights.total(&a.terms);
    if wa <= 0.0 {
        return 0.0;
    }
    shared_weight(&a.terms, &b.terms, weights) / wa
}

/// The summed weight of the terms two sorted lists both hold.
fn shared_weight(a: &[u64], b: &[u64], weights: &Weights) -> f64 {
    let mut out = 0.0;
    crate::sets::for_each_common(a, b, |k| out += weights.weight(k));
    out
}

/// Whether two statements say one of the words they share with opposite polarity, one
/// negating it and the other not: "he did not call the mayor" against "he phoned the mayor".
/// A negation over words the other does not hold says nothing against it: "there were no
/// injuries" beside "all 22 crew were safe".
pub fn polarity_clash(a: &Statement, b: &Statement) -> bool {
    let mut clash = false;
    crate::sets::for_each_common(&a.terms, &b.terms, |k| {
        clash |= a.negated_terms.binary_search(&k).is_ok() != b.negated_terms.binary_search(&k).is_ok();
    });
    clash
}

/// Whether both sides give numbers and each has one the other lacks: "$2.5 billion" against
/// "$1.8 billion", not "20,000" against "20,000 children".
fn numbers_clash(a: &[String], b: &[String]) -> bool {
    !a.is_empty() && !b.is_empty() && a.iter().any(|n| !b.contains(n)) && b.iter().any(|n| !a.contains(n))
}

/// The key a word's key stands for: its synonym class's, or its own.
pub(crate) fn synonym(key: u64) -> u64 {
    SYNONYMS.get(&key).copied().unwrap_or(key)
}

static SYNONYMS: LazyLock<HashMap<u64, u64>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    // Words news uses for one another, by class; a word's key is replaced by its class's.
    for class in vocab("synonyms") {
        let mut members = class.split(' ');
        let Some(first) = members.next() else { continue };
        let class_key = xxh3_64(format!("synonym:{first}").as_bytes());
        for w in std::iter::once(first).chain(members) {
            map.insert(stem_key(w), class_key);
        }
    }
    map
});

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    #[test]
    fn a_phrase_that_places_a_statement_in_time_holds_no_content() {
        use super::{Analyzer, Statement, polarity_clash};
        let mut analyzer = Analyzer::new();
        let mut terms = |t: &str| Statement::new(t, &mut analyzer, &HashMap::new()).terms;
        let plain = terms("The crew was filling potholes on the bridge.");
        assert_eq!(terms("At the time, the crew was filling potholes on the bridge."), plain);
        assert_eq!(terms("The crew was filling potholes on the bridge at that time."), plain);
        // Only the whole phrase: "timeline" and a time of its own are words of the statement.
        assert_ne!(terms("At the timeline, the crew was filling potholes on the bridge."), plain);
        assert_ne!(terms("The crew was filling potholes on the bridge for the first time."), plain);
        // A negated "in time" is no clash with "at the time" in another report.
        let a = Statement::new("The crew could not be reached in time.", &mut analyzer, &HashMap::new());
        let b = Statement::new("At the time, the crew was filling potholes.", &mut analyzer, &HashMap::new());
        assert!(!polarity_clash(&a, &b));
    }

    use super::{SAME_STATEMENT, Statement, Weights, polarity_clash, similarity};
    use crate::text::Analyzer;

    fn statements(texts: &[&str]) -> Vec<Statement> {
        let mut analyzer = Analyzer::new();
        texts.iter().map(|t| Statement::new(t, &mut analyzer, &HashMap::new())).collect()
    }

    #[test]
    fn a_rewording_is_the_same_statement_and_another_fact_is_not() {
        let s = statements(&[
            "The ferry ran aground off Skye on Tuesday with 40 passengers aboard.",
            "On Tuesday a ferry carrying 40 passengers ran aground off the coast of Skye.",
            "The council approved a new budget for the harbour on Tuesday.",
            "The ferry ran aground off Skye on Tuesday with 60 passengers aboard.",
        ]);
        let w = Weights::new(&s);
        assert!(similarity(&s[0], &s[1], &w) >= SAME_STATEMENT, "{}", similarity(&s[0], &s[1], &w));
        assert!(similarity(&s[0], &s[2], &w) < SAME_STATEMENT);
        assert!(similarity(&s[0], &s[3], &w) < similarity(&s[0], &s[1], &w));
    }

    #[test]
    fn days_of_months_are_dates_not_figures() {
        let s = statements(&[
            "The ferry sank on Dec. 14, 2024 with 212 aboard.",
            "On 14 December the May 3 report counted 14 dead.",
            "It carried 29 cars in 1999.",
        ]);
        assert_eq!(s[0].calendar, ["14"]);
        assert_eq!(s[0].figures().collect::<Vec<_>>(), ["2024", "212"]);
        // "14" is also a count here, so it is a figure wherever else it stands.
        assert_eq!(s[1].calendar, ["3"]);
        assert!(s[2].calendar.is_empty(), "a year is a figure");
    }

    #[test]
    fn a_negation_governs_the_rest_of_its_clause() {
        let s = statements(&[
            "All 14 crew were accounted for and there were no injuries.",
            "All 14 crew were reported safe.",
            "Not all 14 crew were accounted for.",
            "He did not call the mayor, who was away on holiday.",
            "He phoned the mayor.",
            "She was away on holiday.",
        ]);
        assert!(!s[1].negated && s[0].negated && s[0].negated_terms.len() == 1, "{:?}", s[0]);
        assert!(!polarity_clash(&s[0], &s[1]), "no injuries says nothing of the crew");
        assert!(polarity_clash(&s[1], &s[2]) && polarity_clash(&s[0], &s[2]));
        assert!(polarity_clash(&s[3], &s[4]), "not calling the mayor denies phoning him");
        assert!(!polarity_clash(&s[3], &s[5]), "the clause after the comma is not negated");
    }

    #[test]
    fn function_words_negation_and_synonyms() {
        let s = statements(&["He phoned the mayor.", "He did not call the mayor.", "The of and to"]);
        assert_eq!(s[0].terms, s[1].terms);
        let news = statements(&[
            "The crew was repairing the ship when troops retrieved the wreck.",
            "The crew was fixing the vessel when soldiers recovered the wreck.",
        ]);
        assert_eq!(news[0].terms, news[1].terms);
        // A collision is told with many verbs.
        let struck = statements(&[
            "A freighter struck the Halvik bridge.",
            "A freighter slammed into the Halvik bridge.",
            "A freighter collided with the Halvik bridge.",
            "A freighter hit the Halvik bridge.",
        ]);
        assert!(struck.iter().all(|s| s.terms == struck[0].terms));
        assert!(s[1].negated && !s[0].negated);
        assert!(s[2].is_empty());
        // "No" before a number is a number sign, not a negation.
        let s = statements(&[
            "He spoke outside No.10 Downing Street.",
            "He spoke outside No 10.",
            "No one spoke.",
        ]);
        assert!(!s[0].negated && !s[1].negated && s[2].negated);
        assert!(s[0].numbers.is_empty() && s[1].values.is_empty(), "a place in a series, no figure");
        // "Without" tells what was missing; it does not deny the statement.
        let s =
            statements(&["Some 33,000 homes were left without power.", "The plane landed without its gear."]);
        assert!(!s[0].negated && !s[1].negated);
    }
}
