//! Direct quotes in an article's blocks, each with the mention that attributes it.
//!
//! A quote is the text inside quotation marks ([`crate::text::quoted_spans`]: curly, straight
//! and single styles; a quote still open at the end of a paragraph runs to its end). Its
//! attribution is looked for in this order:
//!
//! 1. right of the closing mark, in the same sentence: `…,” he told the BBC.`, `…,” said
//!    German Chancellor Friedrich Merz.`, `…,” a European diplomat revealed.`;
//! 2. left of the opening mark, in the same sentence: `Mr Zelensky said: “…`, `Sir Keir said
//!    there was a “…”` (reported speech holding a partial quote); when the verb has no subject
//!    of its own (`…, adding: '…`, `…and said: “…`), the sentence's first person is the speaker;
//! 3. a paragraph that opens with a quote and has no attribution continues the previous
//!    quote's speaker (a quote running over several paragraphs).
//!
//! Quotes of fewer than three words, or embedded in reported speech, are marked partial
//! ("accept", "ready").

use parallax_model::Span;

use super::lexicon::{
    agent_speaks, describes, is_determiner, is_person_pronoun, is_place_adjective, is_relay_verb,
    is_role_noun, is_speech_verb, lone_word_not_a_person,
};
use super::mentions::{Kind, Mention};
use super::time::weekday;
use crate::text::{is_closing_quote, is_opening_quote, quoted_spans, split_sentences};

/// A block's sentences and quoted spans, computed once and read by every rule that needs them.
pub(crate) struct Layout {
    pub(crate) sentences: Vec<Span>,
    pub(crate) quoted: Vec<Span>,
}

impl Layout {
    pub(crate) fn new(text: &str) -> Layout {
        Layout { sentences: split_sentences(text), quoted: quoted_spans(text) }
    }

    /// Whether `start..end` lies inside a quoted span (the spans are sorted and disjoint: only
    /// the last one starting at or before `start` can hold it).
    pub(crate) fn in_quote(&self, start: usize, end: usize) -> bool {
        let i = self.quoted.partition_point(|q| q.start as usize <= start);
        i > 0 && end <= self.quoted[i - 1].end as usize
    }

    /// Whether any quoted span overlaps `from..to`.
    fn touches_quote(&self, from: usize, to: usize) -> bool {
        let i = self.quoted.partition_point(|q| (q.start as usize) < to);
        i > 0 && self.quoted[i - 1].end as usize > from
    }

    /// The sentence that holds byte `at` (the last one starting at or before it).
    fn sentence_at(&self, at: usize) -> Option<Span> {
        let i = self.sentences.partition_point(|s| s.start as usize <= at);
        i.checked_sub(1).map(|i| self.sentences[i])
    }
}

/// How far (in bytes) from a quote its attribution is looked for: a sentence that runs on for
/// longer is cut there, which keeps a paragraph of 100,000 characters linear.
const REACH: usize = 600;

/// `from`, or the first character boundary within [`REACH`] bytes before `at` if `from` lies
/// further back.
fn within_reach(text: &str, from: usize, at: usize) -> usize {
    text.ceil_char_boundary(from.max(at.saturating_sub(REACH)))
}

/// The mentions (sorted by start) that start in `from..to`.
fn starting_in(mentions: &[Mention], from: usize, to: usize) -> &[Mention] {
    let lo = mentions.partition_point(|m| m.start < from);
    let hi = mentions.partition_point(|m| m.start < to);
    &mentions[lo..hi.max(lo)]
}

/// A quote found in one block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    /// The block it stands in.
    pub(crate) block: usize,
    /// Byte range of the words inside the marks, in the block's text.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Fewer than three words, or part of a sentence of reported speech.
    pub(crate) partial: bool,
    /// The attribution, if one was found.
    pub(crate) cue: Option<Cue>,
}

/// The attribution of a quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Cue {
    /// The block the speaker mention stands in.
    pub(crate) block: usize,
    /// The mention that names the speaker (a name, a role phrase or a pronoun).
    pub(crate) mention: Mention,
    /// Where it was said: "BBC", "Truth Social", "Fox News".
    pub(crate) venue: Option<String>,
}

/// Every quote in `blocks` (the texts of an article's blocks, with their layouts and person
/// mentions), in order.
pub(crate) fn quotes(blocks: &[&str], layouts: &[Layout], mentions: &[Vec<Mention>]) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let outside: Vec<Vec<Mention>> = blocks
        .iter()
        .enumerate()
        .map(|(b, _)| {
            // Names inside quotes are what the speaker talks about, never the speaker.
            mentions[b].iter().filter(|m| !layouts[b].in_quote(m.start, m.end)).cloned().collect()
        })
        .collect();
    for (b, text) in blocks.iter().enumerate() {
        let layout = &layouts[b];
        for span in &layout.quoted {
            let (start, end) = (span.start as usize, span.end as usize);
            // The mentions near this quote, from the sentence before it to the sentence after
            // it, so that a block of thousands of quotes stays linear.
            let own = layout.sentence_at(start).map_or(0, |s| s.start as usize);
            let near_from = layout.sentence_at(own.saturating_sub(1)).map_or(0, |s| s.start as usize);
            let own_end = layout.sentence_at(end).map_or(text.len(), |s| s.end as usize);
            let near_to = layout.sentence_at(own_end + 1).map_or(text.len(), |s| s.end as usize).max(own_end);
            let (near_from, near_to) = (near_from.max(start.saturating_sub(REACH)), near_to.min(end + REACH));
            let people = starting_in(&outside[b], near_from.min(start), near_to.max(end));
            let words = text[start..end].split_whitespace().count();
            let right = right_cue(text, layout, end, people);
            let left = if right.is_none() { left_cue(text, layout, start, people) } else { None };
            let from_left = left.is_some();
            let label = transcript_label(text, start);
            let mut cue = label.or(right).or(left).map(|(mention, venue)| Cue { block: b, mention, venue });
            let head = text[..start].trim_end_matches(|c: char| is_opening_quote(c));
            let opens_block = head.trim().is_empty();
            let opens_sentence = sentence_before(text, layout, start).trim().is_empty();
            // The block before, when it introduces this one: "Reporter Jo Lind says:".
            let intro = |bb: usize, colon_only: bool| {
                let prev = blocks[bb].trim_end();
                (!colon_only || prev.ends_with(':'))
                    .then(|| left_cue(blocks[bb], &layouts[bb], prev.len(), &outside[bb]))
                    .flatten()
                    .map(|(mention, venue)| Cue { block: bb, mention, venue })
            };
            if cue.is_none() && opens_block {
                // A paragraph that opens with a quote: introduced by the paragraph before ("…
                // says:"), or continuing the previous quote's speaker (a quote running over
                // several paragraphs), or introduced by the last sentence before it.
                let previous =
                    |reach: usize| out.last().filter(|q| q.block + reach >= b).and_then(|q| q.cue.clone());
                cue = b
                    .checked_sub(1)
                    .and_then(|bb| intro(bb, true))
                    .or_else(|| previous(1))
                    .or_else(|| b.checked_sub(1).and_then(|bb| intro(bb, false)))
                    .or_else(|| previous(3));
            } else if cue.is_none() && opens_sentence {
                // A quote that opens a sentence: a second quote split by its attribution, or
                // introduced by the sentence before ("Dianne Bystrom agreed.").
                cue = out.last().filter(|q| q.block == b).and_then(|q| q.cue.clone()).or_else(|| {
                    left_cue(text, layout, head.trim_end().len(), people).map(|(mention, venue)| Cue {
                        block: b,
                        mention,
                        venue,
                    })
                });
            } else if cue.is_none() {
                // A quote inside a sentence with no cue: the sentence's subject ("He voiced a
                // wish for a “…”").
                cue = sentence_subject(text, layout, start, people)
                    .map(|mention| Cue { block: b, mention, venue: None })
                    .or_else(|| out.last().filter(|q| q.block == b).and_then(|q| q.cue.clone()));
            }
            let before = sentence_before(text, layout, start).trim_end();
            let embedded = from_left && !before.ends_with([':', ',']);
            out.push(Found { block: b, start, end, partial: words < 3 || embedded, cue });
        }
    }
    out
}

/// Reported speech in one block: "Trump said he had spoken directly with Putin".
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Reported {
    /// The block it stands in.
    pub(crate) block: usize,
    /// The mention of the speaker.
    pub(crate) mention: Mention,
    /// The verb of saying, as written.
    pub(crate) verb: String,
    /// Byte range of what was said (the clause after the verb), in the block's text.
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// Every sentence of reported speech in `blocks`: a subject, a verb of saying and a clause of
/// four words or more that is not itself a direct quote ("X said that …", "X told the BBC he
/// …", "X warned …"). Sentences that hold a direct quote are left to [`quotes`].
pub(crate) fn reported(blocks: &[&str], layouts: &[Layout], mentions: &[Vec<Mention>]) -> Vec<Reported> {
    let mut out = Vec::new();
    for (b, text) in blocks.iter().enumerate() {
        let layout = &layouts[b];
        for s in &layout.sentences {
            let (from, to) = (s.start as usize, s.end as usize);
            if layout.touches_quote(from, to) || to - from > 2_000 {
                continue;
            }
            let sentence = &text[from..to];
            let words = word_offsets(sentence);
            let Some(v) =
                (0..words.len().min(16)).find(|&i| speech_verb_at(&words, i) && words[i].1 != "according")
            else {
                continue;
            };
            let (verb_at, verb) = (from + words[v].0, words[v].1);
            let lower = verb.to_lowercase();
            // Participles are not the main verb; "continue to", "spoke to" report no words; a
            // speech word after a determiner is a noun ("Trump's promises").
            let aspect = matches!(
                lower.as_str(),
                "continue" | "continues" | "continued" | "spoke" | "speak" | "speaks"
            );
            let before = words[v.saturating_sub(1)].1.to_lowercase();
            let noun = v > 0 && (is_determiner(&before) || crate::text::is_possessive_form(&before));
            // "did not say whether …" reports nothing said.
            let negated = v > 0
                && matches!(
                    before.as_str(),
                    "not" | "never" | "didn't" | "didn’t" | "won't" | "won’t" | "wouldn't" | "wouldn’t"
                );
            if lower.ends_with("ing")
                || v == 0
                || aspect
                || noun
                || negated
                || words.get(v + 1).is_some_and(|(_, n)| *n == "to") && lower != "told"
            {
                continue;
            }
            let subject = starting_in(&mentions[b], from, verb_at)
                .iter()
                .rfind(|m| m.start >= from && m.end <= verb_at && !text[m.end..verb_at].contains(','))
                .filter(|m| text[m.end..verb_at].split_whitespace().count() <= 2)
                .cloned()
                .or_else(|| unnamed_source(text, from, verb_at));
            let Some(mention) = subject else { continue };
            // The content: after the verb, past "that", a told-object ("told the BBC"), and a
            // time word ("on Monday").
            let mut k = v + 1;
            if matches!(lower.as_str(), "told" | "tells" | "tell" | "informed" | "assured" | "warned") {
                while k < words.len() && k <= v + 4 && words[k].1 != "that" && !is_person_pronoun(words[k].1)
                {
                    k += 1;
                }
            }
            // "said on social media that …": the clause after a near "that".
            if let Some(t) = (k..words.len().min(k + 7)).find(|&t| words[t].1 == "that") {
                k = t + 1;
            }
            while k < words.len() && (matches!(words[k].1, "that" | "on") || weekday(words[k].1).is_some()) {
                k += 1;
            }
            if words.len().saturating_sub(k) < 4 {
                continue;
            }
            let start = from + words[k].0;
            let end = from + sentence.trim_end_matches(['.', '!', '?', ' ']).len();
            if start < end {
                out.push(Reported { block: b, mention, verb: verb.to_string(), start, end });
            }
        }
    }
    out
}

/// The subject of the sentence holding `at`: the first mention among its first twelve words
/// that a verb follows (a lowercase word, after an optional party tag or appositive), past any
/// leading adverbial ("Speaking to the BBC on Monday, Smith called it …", "Instead, …").
fn sentence_subject(text: &str, layout: &Layout, at: usize, people: &[Mention]) -> Option<Mention> {
    let s = layout.sentence_at(at)?;
    let from = within_reach(text, s.start as usize, at);
    let head_end = from + words_end(&text[from..at], 12);
    people
        .iter()
        .filter(|m| m.start >= from && m.start < head_end.min(at) && m.end <= at)
        .find(|m| {
            let mut rest = text[m.end..at].trim_start();
            if rest.starts_with('(') {
                rest = rest.find(')').map_or("", |k| rest[k + 1..].trim_start());
            }
            if let Some(after) = rest.strip_prefix(',') {
                // "Smith, a union official, said": the word after the appositive's comma.
                rest = after[..words_end(after, 14)].find(',').map_or("", |k| after[k + 1..].trim_start());
            }
            let next =
                rest.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').next().unwrap_or("");
            next.chars().next().is_some_and(char::is_lowercase)
                && !opens_clause(next)
                && !matches!(next, "of" | "and" | "or" | "nor")
        })
        .or_else(|| {
            // Else the first mention among the first five words past a leading adverbial.
            let mut from = from;
            let first = text[from..at].split_whitespace().next().unwrap_or("");
            let participle = first.ends_with("ing") && first.chars().next().is_some_and(char::is_uppercase);
            if (opens_clause(&first.to_lowercase()) || participle)
                && let Some(comma) = text[from..at].find(',')
            {
                from += comma + 1;
            }
            let head_end = from + words_end(&text[from..at], 5);
            people.iter().find(|m| m.start >= from && m.start < head_end)
        })
        .cloned()
        .or_else(|| described_subject(text, s.start as usize, at))
}

/// A described subject opening the sentence: "The former secretary of state mocked …", "the
/// justice sounded off …" — a determiner and the words up to the first that reads as a verb.
fn described_subject(text: &str, from: usize, at: usize) -> Option<Mention> {
    let from = within_reach(text, from, at);
    let words = word_offsets(&text[from..at]);
    let first = words.first()?.1.to_lowercase();
    if !matches!(first.as_str(), "the" | "a" | "an" | "one" | "another") {
        return None;
    }
    let mut end = 1;
    while end < words.len().min(7) {
        let w = words[end].1;
        let lower = w.to_lowercase();
        let verbish = (lower.ends_with("ed") && lower.len() > 4)
            || is_speech_verb(&lower)
            || matches!(
                lower.as_str(),
                "is" | "was"
                    | "are"
                    | "were"
                    | "has"
                    | "had"
                    | "have"
                    | "will"
                    | "would"
                    | "can"
                    | "could"
                    | "did"
                    | "does"
                    | "do"
                    | "who"
                    | "which"
                    | "that"
                    | "began"
                    | "took"
                    | "made"
                    | "gave"
                    | "went"
            );
        // A comma straight after a word ends the phrase too.
        let comma = text[from + words[end - 1].0 + words[end - 1].1.len()..].starts_with(',');
        if verbish || comma {
            break;
        }
        end += 1;
    }
    if end < 2 || end == words.len().min(7) {
        return None;
    }
    let start = from + words[0].0;
    let stop = from + words[end - 1].0 + words[end - 1].1.len();
    unnamed_source(text, start, stop)
}

/// The byte offset where the first `n` white-space separated words of `s` end.
pub(crate) fn words_end(s: &str, n: usize) -> usize {
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if in_word {
                seen += 1;
                if seen == n {
                    return i;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    s.len()
}

/// A transcript's speaker label at the start of a quote: `“WALLACE: Let's start…`.
fn transcript_label(text: &str, start: usize) -> Option<(Mention, Option<String>)> {
    let rest = &text[start..];
    // A label is short: look for its colon among the first 40 bytes only.
    let colon = rest.bytes().take(40).position(|b| b == b':')?;
    let label = &rest[..colon];
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    let ok = (2..=30).contains(&label.len())
        && letters >= 2
        && label.chars().all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '-'))
        && rest[colon + 1..].starts_with(' ');
    ok.then(|| (Mention::plain(start, start + colon, Kind::Name, label.to_string()), None))
}

/// The text of the sentence before `at`, from the sentence's start (or the last closing mark
/// before it, when a quote splits the sentence).
fn sentence_before<'a>(text: &'a str, layout: &Layout, at: usize) -> &'a str {
    let head = &text[..at];
    let head = head.trim_end_matches(|c: char| is_opening_quote(c));
    let from = layout.sentence_at(head.len()).map_or(0, |s| s.start as usize).min(head.len());
    &head[within_reach(head, from, head.len())..]
}

/// `,” he told the BBC.` — an attribution right after the closing mark: the clause must open
/// with its subject (a name, a pronoun, a determiner phrase) or with the verb itself.
fn right_cue(
    text: &str,
    layout: &Layout,
    end: usize,
    people: &[Mention],
) -> Option<(Mention, Option<String>)> {
    let rest = &text[end..];
    let skip = rest.len()
        - rest
            .trim_start_matches(|c: char| {
                is_closing_quote(c) || c.is_whitespace() || matches!(c, ',' | '—' | '–' | '―' | '-')
            })
            .len();
    let from = end + skip;
    // The clause up to the end of its sentence (abbreviations and initials do not end it), a
    // semicolon or the next quote.
    let mut sentence_end = layout.sentence_at(from).map_or(text.len(), |s| s.end as usize).max(from);
    if sentence_end > from + REACH {
        sentence_end = text.floor_char_boundary(from + REACH);
    }
    let clause_end = text[from..sentence_end]
        .char_indices()
        .find(|&(_, c)| c == ';' || is_opening_quote(c) && c != '\'')
        .map_or(sentence_end, |(i, _)| from + i);
    let clause = &text[from..clause_end];
    // A credit line after a dash: "…” ― Jo Lind", "…” — Anna Berg, teacher".
    let gap = &text[end..from];
    if gap.contains(['―', '—', '–'])
        && let Some(m) = people.iter().find(|m| m.start == from && m.kind == Kind::Name)
    {
        return Some((m.clone(), None));
    }
    let words: Vec<(usize, &str)> = word_offsets(clause).into_iter().take(24).collect();
    let ended = text[..end].trim_end().ends_with(['.', '!', '?']);
    // "…,” Kelley shared": a verb that is one of saying only right after a quote that runs on
    // into its attribution (elsewhere one shares a photo).
    let verb = (0..words.len())
        .find(|&i| speech_verb_at(&words, i) || i <= 3 && !ended && words[i].1 == "shared")?;
    let verb_word = words[verb].1.to_lowercase();
    // A participle is not the attribution ("Clinton seized on it, repeating…"), and after a
    // quote that ended its sentence only a plain verb of saying is ("…today.” Smith said.").
    // "…” crew, according to a senior defense official": the source follows "according to",
    // wherever it stands in the clause (not after a quote that ended its sentence).
    let source_follows = source_follows(&words, verb) && !(ended && verb_word == "according");
    // "…,” an official can be heard saying": a verb of perceiving and its auxiliaries before
    // the participle belong to the attribution, not to the subject.
    let perceived = if verb > 0 && matches!(words[verb - 1].1, "heard" | "seen" | "filmed" | "recorded") {
        words[..verb - 1]
            .iter()
            .rev()
            .take_while(|(_, w)| {
                matches!(*w, "can" | "could" | "be" | "was" | "is" | "were" | "been" | "being")
            })
            .count()
            + 1
    } else {
        0
    };
    if !source_follows
        && (verb > 0 && verb_word.ends_with("ing") && perceived == 0 || ended && !is_plain_saying(&verb_word))
    {
        return None;
    }
    let verb_at = from + words[verb].0;
    let verb_end = if source_follows {
        from + words[verb + 1].0 + words[verb + 1].1.len()
    } else {
        verb_at + words[verb].1.len()
    };
    // "…” for the EU, said Geert Wilders": the quote's sentence runs on, then a clause of
    // its own opens on the verb and names the source after it.
    let inverted = verb > 0
        && !ended
        && clause[..words[verb].0].trim_end().ends_with(',')
        && is_plain_saying(&verb_word)
        && !people.iter().any(|m| m.kind == Kind::Name && m.start >= from && m.end <= from + words[verb].0)
        && !words[..verb].iter().any(|(_, w)| is_person_pronoun(&w.to_lowercase()));
    let mention = if verb == 0 || source_follows || inverted {
        source_after(text, verb_at, verb_end, clause_end, people)
    } else {
        // "he told", "Sir Keir said", "the company wrote", "chief executive Jo Lind said",
        // "Jo Lind, a union official, said": a short subject right after the quote, not a
        // clause of its own ("In a later vote, he warned", "because he said").
        let subject_end = if perceived > 0 { from + words[verb - perceived].0 } else { verb_at };
        let subject = &text[from..subject_end];
        let named = people
            .iter()
            .rfind(|m| m.start >= from && m.end <= subject_end && m.kind != Kind::Pronoun && !aside(text, m));
        let named_early = named.is_some_and(|m| text[from..m.start].split_whitespace().count() <= 5);
        let appositive = subject.trim_end().ends_with(',') && subject.matches(',').count() >= 2;
        // The quote's sentence running on before its attribution: "…” at the convention,
        // he said.", "…” for the victory, Sanders said.", "…” for a party, a politics professor
        // has claimed." (a description speaks as itself; an auxiliary is no word of the source).
        let tail = subject.trim_end().rfind(',').map(|k| from + k + 1);
        if let Some(k) = tail
            && !ended
            && (is_plain_saying(&verb_word) || verb_word == "claimed")
            && !subject.contains(['.', '!', '?', ';', ':'])
        {
            let auxiliary = |w: &str| matches!(w, "has" | "have" | "had");
            let source = text[k..verb_at].trim_end();
            let source_end = match source.rsplit_once(' ') {
                Some((head, last)) if auxiliary(last) => k + head.len(),
                _ => verb_at,
            };
            let short = text[k..verb_at].split_whitespace().filter(|w| !auxiliary(w)).count() <= 3;
            // A description speaks only when its verb ends the sentence, or all but a few
            // words of it ("…, his doctor said tonight"): "…, his administration continues to
            // carve out exceptions" is a clause of its own.
            let ends = text[verb_at..clause_end].split_whitespace().count() <= 4;
            let found = people
                .iter()
                .rfind(|m| m.start >= k && m.end <= verb_at)
                .cloned()
                .or_else(|| ends.then(|| unnamed_source(text, k, source_end)).flatten());
            if short && let Some(m) = found {
                return Some((m, venue(&text[verb_at..clause_end.max(verb_at)])));
            }
        }
        // "…,” Gen. Jo Lind, commander of the Halvik station said": an appositive whose closing
        // comma is missing; the name right after the quote speaks.
        if !ended
            && is_plain_saying(&verb_word)
            && let Some(m) = people.iter().find(|m| {
                m.kind == Kind::Name
                    && !m.org
                    && m.start >= from
                    && m.end <= subject_end
                    && text[from..m.start].split_whitespace().count() <= 2
                    && text[from..m.start].split_whitespace().all(|w| w.starts_with(char::is_uppercase))
            })
            && let Some(described) = text[m.end..subject_end].trim_start().strip_prefix(',')
            && described.trim_start().starts_with(char::is_lowercase)
            && !opens_clause(described.split_whitespace().next().unwrap_or_default())
            && !described.contains([',', '.', ';', ':', '!', '?'])
            && described.split_whitespace().count() <= 14
        {
            return Some((m.clone(), venue(&text[verb_at..clause_end.max(verb_at)])));
        }
        if verb - perceived > 8 && !appositive
            || subject.contains([';', ':'])
            || opens_clause(&words[0].1.to_lowercase())
            || !(opens_subject(words[0].1) || named_early)
        {
            return None;
        }
        let head_end =
            if appositive { from + subject.find(',').unwrap_or(subject.len()) } else { subject_end };
        people
            .iter()
            .rfind(|m| m.start >= from && m.end <= head_end && !aside(text, m))
            .cloned()
            .or_else(|| unnamed_source(text, from, head_end))
            // "Sanders's campaign manager, Jeff Weaver, said": the name in the appositive.
            .or_else(|| named.filter(|_| appositive).cloned())
            .or_else(|| {
                // "Read said", "It read", "it further wrote".
                let first = words[0].1;
                let pronoun = matches!(first, "it" | "It" | "they" | "They");
                (verb == 1 && !is_determiner(&first.to_lowercase()) && !lone_word_not_a_person(first)
                    || pronoun && verb <= 3)
                    .then(|| bare_subject(from, first))
            })
    }?;
    Some((mention, venue(&text[verb_at..clause_end.max(verb_at)])))
}

/// The plain verbs of saying that may follow a quote ending in a full stop.
pub(crate) fn is_plain_saying(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "say"
            | "added"
            | "adds"
            | "wrote"
            | "writes"
            | "told"
            | "tells"
            | "asked"
            | "asks"
            | "explained"
            | "explains"
            | "continued"
            | "continues"
            | "recalled"
            | "recalls"
            | "noted"
            | "notes"
            | "replied"
            | "replies"
            | "insisted"
            | "insists"
            | "argued"
            | "argues"
            | "declared"
            | "tweeted"
            | "posted"
            | "stated"
            | "states"
            | "warned"
            | "warns"
            | "concluded"
            | "answered"
            | "responded"
            | "read"
            | "reads"
    )
}

/// Whether the source of the words follows the verb `words[verb]`, after a particle:
/// "according to X"; "the Banner was told by an employee" (the passive); "a move hailed by
/// Trump" (a verb whose agent said the words, `vocab/en/agent-speakers.txt`, and an agent
/// that opens like a subject: not "said by telephone").
fn source_follows(words: &[(usize, &str)], verb: usize) -> bool {
    let next_is = |word: &str| words.get(verb + 1).is_some_and(|(_, w)| *w == word);
    let before = verb.checked_sub(1).map(|k| words[k].1);
    let passive = before.is_some_and(|w| matches!(w, "was" | "were" | "is" | "are" | "been"));
    let agent = words.get(verb + 2).is_some_and(|(_, w)| opens_subject(w));
    // A participle after a noun or "as" ("a move hailed by", "As said by"), not a verb after
    // its subject ("Lind said by Zoom", "he said by the pool": the means, not the source).
    let participle = before.is_some_and(|w| {
        w.eq_ignore_ascii_case("as") || w.starts_with(char::is_lowercase) && !is_person_pronoun(w)
    });
    let verb = words[verb].1.to_lowercase();
    // ("Lind was quoted by Reuters": the relaying agent is not the source.)
    verb == "according" && next_is("to")
        || next_is("by") && (passive && !is_relay_verb(&verb) || agent && participle && agent_speaks(&verb))
}

/// The source named after a verb (`text[verb_at..verb_end]`, with its particle: "according
/// to", "hailed by") in the phrase that runs to `clause_end`: "said German Chancellor
/// Friedrich Merz", "according to a former official, who…": a name right after the verb,
/// else the description there.
fn source_after(
    text: &str,
    verb_at: usize,
    verb_end: usize,
    clause_end: usize,
    people: &[Mention],
) -> Option<Mention> {
    let np_end = text[verb_end..clause_end].find([',', '(', '—', '–']).map_or(clause_end, |i| verb_end + i);
    let np_end = relative_clause(text, verb_end, np_end);
    let in_phrase = |m: &&Mention| {
        m.start > verb_at
            && m.start < np_end
            && m.kind != Kind::Pronoun
            && text[verb_end..m.start].split_whitespace().count() <= 6
    };
    // "said Idaho nutritional-supplement executive Frank VanderSloot": a place that
    // qualifies the name after it is not the speaker.
    let qualifier = |m: &Mention| {
        m.kind == Kind::Name
            && !m.text.contains(' ')
            && lone_word_not_a_person(&m.text)
            && people.iter().filter(in_phrase).any(|n| n.start > m.end && n.kind == Kind::Name)
    };
    let first = people.iter().filter(in_phrase).find(|m| !qualifier(m));
    // "said Spain's Transport Minister Óscar Puente": the owner is not the speaker, the
    // name after it is.
    let owner = first.is_some_and(|m| m.is_owner(text));
    let owned = first
        .filter(|_| owner)
        .and_then(|o| people.iter().filter(in_phrase).find(|m| m.start > o.end && m.kind == Kind::Name));
    owned.or(first).cloned().or_else(|| unnamed_source(text, verb_end, np_end))
}

/// The end of a noun phrase before a relative clause: "one source who spoke…" → "one source".
/// So does a participle whose agent relays the words: "an official cited by Yonhap" → "an
/// official" (not "a court document filed by state attorney Dave Aronberg").
fn relative_clause(text: &str, from: usize, to: usize) -> usize {
    let phrase = &text[from..to];
    let words = word_offsets(phrase);
    (0..words.len())
        .find(|&i| {
            matches!(words[i].1, "who" | "whom" | "which" | "that" | "whose")
                || i > 0 && is_relay_verb(words[i].1) && words.get(i + 1).is_some_and(|(_, w)| *w == "by")
        })
        .map_or(to, |i| from + words[i].0)
}

/// Whether `words[i]` is a speech verb used as a verb: "his remarks", "the claims", "Clinton's
/// comments" are nouns.
fn speech_verb_at(words: &[(usize, &str)], i: usize) -> bool {
    // Inside a clause a capitalised word is part of a name ("Maryland State Police").
    if i > 0 && words[i].1.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    if words[i].1.len() < 3 {
        return false;
    }
    let w = words[i].1.to_lowercase();
    if matches!(w.as_str(), "put" | "puts") {
        // "as Smith put it".
        return words.get(i + 1).is_some_and(|(_, n)| *n == "it");
    }
    if !is_speech_verb(&w) {
        return false;
    }
    let noun_form = w.ends_with('s') && !w.ends_with("ss") || w.ends_with("ing");
    let before = i.checked_sub(1).map(|k| words[k].1.to_lowercase());
    let after_determiner = before.as_deref().is_some_and(|b| {
        matches!(
            b,
            "a" | "an" | "the" | "his" | "her" | "their" | "its" | "our" | "my" | "your" | "these" | "those"
        ) || crate::text::is_possessive_form(b)
            && !matches!(
                b.trim_end_matches(['s', '\'', '’']),
                "he" | "she" | "it" | "that" | "there" | "who" | "what" | "here"
            )
    });
    if matches!(w.as_str(), "point" | "points" | "pointed" | "pointing") {
        // "pointed out", not "a point of irritation".
        return !after_determiner && words.get(i + 1).is_some_and(|(_, n)| *n == "out");
    }
    !(after_determiner
        && (noun_form || matches!(w.as_str(), "report" | "statement" | "call" | "claim" | "comment")))
}

/// Words that open a clause or an adverbial rather than a subject.
fn opens_clause(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "for"
            | "to"
            | "of"
            | "with"
            | "by"
            | "from"
            | "as"
            | "after"
            | "before"
            | "during"
            | "while"
            | "when"
            | "if"
            | "because"
            | "since"
            | "although"
            | "though"
            | "which"
            | "who"
            | "whom"
            | "where"
            | "but"
            | "and"
            | "or"
            | "so"
            | "then"
            | "than"
            | "until"
            | "unless"
            | "what"
            | "how"
            | "why"
    )
}

/// A one-word subject no rule names ("Read said", "It read"): kept as written.
fn bare_subject(at: usize, word: &str) -> Mention {
    Mention::plain(at, at + word.len(), Kind::Role, word.to_lowercase())
}

/// Whether a word can open a subject: a capitalised word, a pronoun, a determiner or a number.
fn opens_subject(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || is_person_pronoun(w)
        || matches!(w, "it" | "they")
        || is_determiner(&w.to_lowercase())
}

/// A source named by a description rather than a name ("a former senior official", "the
/// company", "21 percent", "one campaign staffer"): the noun phrase in `text[from..to]`, when
/// it opens with a determiner or a number and is short.
fn unnamed_source(text: &str, from: usize, to: usize) -> Option<Mention> {
    let phrase = text.get(from..to)?;
    let lead = phrase.len() - phrase.trim_start().len();
    let phrase = phrase.trim().trim_end_matches(['.', ',', '!', '?', ';', ':']);
    if phrase.contains([',', ';', ':', '.']) {
        // A clause, not a noun phrase: "the ferry was late, and nobody".
        return None;
    }
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let first = words.first()?.to_lowercase();
    let numeric = first.chars().next().is_some_and(|c| c.is_ascii_digit());
    // A bare plural of a role: "airport representatives", "police officials".
    let bare_plural = (2..=3).contains(&words.len())
        && words.iter().all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
        && words.last().and_then(|w| w.strip_suffix('s')).is_some_and(is_role_noun);
    if !(is_determiner(&first) || numeric || bare_plural) || words.len() < 2 || words.len() > 9 {
        return None;
    }
    // A time phrase is not a source: "said this week", "said the day before".
    if words.iter().any(|w| {
        matches!(
            w.to_lowercase().trim_end_matches(['.', ',']),
            "week" | "day" | "month" | "year" | "time" | "morning" | "evening" | "night" | "weekend"
        )
    }) {
        return None;
    }
    let start = from + lead;
    // Indefinite descriptions keep their article so that they never resolve to someone named
    // earlier ("a European diplomat" is not whoever held a diplomat's role).
    let text = if matches!(first.as_str(), "the" | "this" | "that" | "these" | "those") {
        words[1..].join(" ").to_lowercase()
    } else {
        phrase.to_lowercase()
    };
    Some(Mention::plain(start, start + phrase.len(), Kind::Role, text))
}

/// Where the clause that ends at `to` starts: just after the last of `marks` in `from..to`
/// (a char boundary, whatever the mark's width), else `from`.
fn clause_start(text: &str, from: usize, to: usize, marks: &[char]) -> usize {
    text[from..to]
        .char_indices()
        .rev()
        .find(|(_, c)| marks.contains(c))
        .map_or(from, |(i, c)| from + i + c.len_utf8())
}

/// `Mr Zelensky said: “`, `Sir Keir said there was a “`, `More from Smith: “` — an
/// attribution before the quote.
fn left_cue(
    text: &str,
    layout: &Layout,
    start: usize,
    people: &[Mention],
) -> Option<(Mention, Option<String>)> {
    let sentence = sentence_before(text, layout, start);
    let s_from = text[..start].trim_end_matches(|c: char| is_opening_quote(c)).len() - sentence.len();
    let words = word_offsets(sentence);
    // A verb, else a noun of speech with its owner ("Trump's claim that …").
    let verb = (0..words.len())
        .rfind(|&i| speech_verb_at(&words, i))
        .or_else(|| (0..words.len()).rfind(|&i| is_speech_verb(&words[i].1.to_lowercase())));
    let Some(verb) = verb else {
        // A label and a colon: "More from Blumenthal and Cohen: “…", "Pollster Carl Bialik: “…".
        let head = sentence.trim_end();
        if !head.ends_with(':') {
            return None;
        }
        let colon = s_from + head.len() - 1;
        let clause_from = clause_start(text, s_from, colon, &[',', ';', '—', '–', '-']);
        // A short label names the speaker; a longer clause ("X delivered a message to Y:")
        // has its subject as the speaker.
        if text[clause_from..colon].split_whitespace().count() > 4
            && let Some(m) = sentence_subject(text, layout, colon, people)
        {
            return Some((m, None));
        }
        let m = people.iter().rfind(|m| m.start >= clause_from && m.end <= colon)?;
        return Some((m.clone(), None));
    };
    let verb_at = s_from + words[verb].0;
    // "As said by a firefighting agency official cited by Yonhap, “…", "a move hailed by
    // Trump as a “big win”": the source after the verb speaks, up to the clause's end, when
    // the clause runs on into the quote (not "… reported by CNN. “…"); "according to" only
    // when no verb of saying before has its own subject ("X said that according to its
    // analysis, … “…”").
    if source_follows(&words, verb)
        && !(words[verb].1.eq_ignore_ascii_case("according") && (0..verb).any(|i| speech_verb_at(&words, i)))
        && let Some(&(o, particle)) = words.get(verb + 1)
        && !text[s_from + o..start].contains(['.', '!', '?'])
    {
        let from = s_from + o + particle.len();
        let to = text[from..start].find([',', ':', ';']).map_or(start, |i| from + i);
        if let Some(m) = source_after(text, verb_at, from, to, people) {
            return Some((m, None));
        }
    }
    let in_sentence: Vec<&Mention> =
        people.iter().filter(|m| m.start >= s_from && m.end <= verb_at && !aside(text, m)).collect();
    // The subject just before the verb, unless a conjunction or participle stands there.
    let just_before = words[..verb].last().map(|(_, w)| w.to_lowercase());
    let subjectless =
        matches!(just_before.as_deref(), None | Some("and" | "but" | "then" | "also" | "before" | "after"))
            || words[verb].1.ends_with("ing");
    let mention = if subjectless {
        // "Nefzi said, adding, “…": the subject of the speech verb before it, else the
        // sentence's first person.
        let earlier =
            (0..verb).rev().filter(|&i| speech_verb_at(&words, i)).map(|i| words[i]).find_map(|(o, w)| {
                let (at, end) = (s_from + o, s_from + o + w.len());
                let gap = |a: usize, b: usize| text[a.min(b)..b.max(a)].split_whitespace().count();
                in_sentence.iter().copied().filter(|m| !m.org).find(|m| {
                    (m.end <= at && gap(m.end, at) <= 2)
                        || (m.start >= end && gap(end, m.start) <= 2 && is_plain_saying(&w.to_lowercase()))
                })
            });
        earlier.or_else(|| in_sentence.iter().copied().find(|m| !m.org)).cloned()
    } else {
        in_sentence
            .last()
            .copied()
            .filter(|m| {
                // Within three words of the verb, in the same clause, and not the object of
                // a preposition ("a source speaking to Fox News said").
                let object = text[s_from..m.start].split_whitespace().last().is_some_and(|w| {
                    matches!(
                        w.to_lowercase().as_str(),
                        "to" | "with" | "by" | "from" | "of" | "for" | "at" | "in" | "on"
                    )
                });
                words.iter().filter(|(o, _)| s_from + o >= m.end && s_from + o < verb_at).count() <= 3
                    && !text[m.end..verb_at].contains(',')
                    && !object
            })
            .cloned()
            .or_else(|| {
                // An appositive or aside between subject and verb: "Judge David McKeague,
                // writing for the majority, said", "Ed Rendell (D), a Clinton supporter, said",
                // "Former minister Ed Lind – speaking before he lost his seat – said".
                let first = in_sentence.iter().copied().find(|m| m.kind != Kind::Pronoun)?;
                let lead = text[s_from..first.start].split_whitespace().count();
                let after = text[first.end..verb_at].trim_start();
                let before_verb = text[..verb_at].trim_end();
                let closed = match after.chars().next() {
                    Some(',' | '(') => before_verb.ends_with([',', ')']),
                    Some(dash @ ('–' | '—')) => before_verb.ends_with(dash),
                    _ => false,
                };
                (lead <= 3 && closed).then(|| first.clone())
            })
            .or_else(|| {
                // A described subject: "The ad claims “…", "21 percent said “…".
                let clause_from = clause_start(text, s_from, verb_at, &[',', ';', '—', '–', ':']);
                unnamed_source(text, clause_from, verb_at)
            })
    }?;
    Some((mention, venue(sentence)))
}

/// Whether a mention cannot be the subject of a verb of saying: it opens a parenthesis, an
/// aside to the name before it (a party and state, "Sen. Claire McCaskill (D-Mo.) said"; an
/// agency; an abbreviation), or it is one word that is a nationality, regional adjective or
/// party ("the current Democratic presidential nominee said": the nominee speaks, not the
/// party).
fn aside(text: &str, m: &Mention) -> bool {
    let lone = m.kind == Kind::Name && !m.org && !m.text.contains(' ');
    let before = text[..m.start].trim_end();
    // "Senator Ben Cardin of Maryland", "an expert at the Wilson Center in Washington": the
    // object of a preposition, where the speaker is from or works.
    let object = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| matches!(w, "of" | "in" | "from" | "at" | "for" | "near"));
    before.ends_with('(')
        || lone && is_place_adjective(&m.text)
        || m.kind == Kind::Name && object && !m.titled
        // "Los Angeles-based attorney Edgar Martirosyan": what describes the name after it.
        || m.text.split_whitespace().last().is_some_and(describes)
}

/// Where something was said, from the words of its attribution.
fn venue(clause: &str) -> Option<String> {
    // A word that ends with punctuation ends a name: "on X, Mr Zelensky said".
    let raw: Vec<&str> = clause.split_whitespace().collect();
    let words: Vec<String> = raw
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let core = w.trim_matches(|c: char| !c.is_alphanumeric());
            let ends = i > 0 && raw[i - 1].ends_with([',', '.', ';', ':']);
            if ends { format!("|{core}") } else { core.to_string() }
        })
        .collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    for (i, w) in words.iter().enumerate() {
        let lower = w.to_lowercase();
        let after = |k: usize| capitalised_run(&words[(i + k).min(words.len())..]);
        let found = match lower.as_str() {
            "told" | "telling" | "tells" => {
                let skip = if words.get(i + 1).is_some_and(|n| *n == "the") { 2 } else { 1 };
                after(skip)
            }
            "on" | "in"
                if words.get(i + 1).is_some_and(|n| matches!(*n, "his" | "her" | "their" | "the")) =>
            {
                after(2)
            }
            "on" => after(1),
            "to" | "with" | "for"
                if i > 0
                    && matches!(
                        words[i - 1].to_lowercase().as_str(),
                        "comments" | "interview" | "writing" | "wrote" | "statement"
                    ) =>
            {
                after(1)
            }
            _ => None,
        };
        if let Some(v) = found
            && is_venue(&v)
        {
            return Some(v);
        }
        if lower == "social" && words.get(i + 1).is_some_and(|n| n.eq_ignore_ascii_case("media")) && i > 0 {
            return Some("social media".to_string());
        }
    }
    None
}

fn is_venue(v: &str) -> bool {
    let known = [
        "BBC",
        "CNN",
        "Fox",
        "Truth Social",
        "X",
        "Twitter",
        "Facebook",
        "Instagram",
        "Telegram",
        "TikTok",
        "ITV",
        "Sky",
        "NBC",
        "ABC",
        "CBS",
        "MSNBC",
        "NPR",
        "Reuters",
    ];
    known.iter().any(|k| v == *k || v.starts_with(&format!("{k} ")))
        || v.starts_with("The ")
        || v.ends_with(" News")
        || v.ends_with(" Radio")
}

/// The capitalised words at the start of `words`, joined: "Fox News", "Truth Social".
fn capitalised_run(words: &[&str]) -> Option<String> {
    let run: Vec<&str> = words
        .iter()
        .enumerate()
        .take_while(|(i, w)| {
            !(*i > 0 && w.starts_with('|'))
                && w.trim_start_matches('|').chars().next().is_some_and(char::is_uppercase)
        })
        .take(4)
        .map(|(_, w)| w.trim_start_matches('|'))
        .collect();
    (!run.is_empty()).then(|| run.join(" "))
}

/// Words of `s` with their byte offsets.
fn word_offsets(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let inside = c.is_alphanumeric() || c == '\'' || c == '’';
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push((st, &s[st..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Layout, quotes};
    use crate::facts::mentions::mentions;

    /// Each quote as "speaker mention [venue] (partial): words".
    #[track_caller]
    fn check(blocks: &[&str], expect: &[&str]) {
        let layouts: Vec<Layout> = blocks.iter().map(|t| Layout::new(t)).collect();
        let people: Vec<_> = blocks.iter().map(|t| mentions(t)).collect();
        let got: Vec<String> = quotes(blocks, &layouts, &people)
            .iter()
            .map(|q| {
                let who = q.cue.as_ref().map_or("?".to_string(), |c| {
                    let v = c.venue.as_ref().map(|v| format!(" [{v}]")).unwrap_or_default();
                    format!("{}{v}", c.mention.text)
                });
                let partial = if q.partial { " (partial)" } else { "" };
                format!("{who}{partial}: {}", &blocks[q.block][q.start..q.end])
            })
            .collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn clause_starts_fall_on_char_boundaries() {
        let text = "SXSW 2014—Day 1: 'Chef'";
        let colon = text.find(':').unwrap_or(0);
        assert_eq!(&text[super::clause_start(text, 0, colon, &[',', '—'])..colon], "Day 1");
    }

    #[test]
    fn a_description_at_the_end_of_a_quotes_running_sentence_speaks() {
        // The quote's sentence runs on, then a description and its verb close it.
        check(
            &[
                "The Harbour Party won with 36% and there is “no precedent” for a win on such a share, a politics professor has claimed.",
            ],
            &["a politics professor (partial): no precedent"],
        );
        check(
            &[
                "The skipper could be kept in hospital for “several days” after the fall, his doctor said tonight.",
            ],
            &["his doctor (partial): several days"],
        );
        // A clause of its own after the comma is no attribution: the sentence's subject speaks.
        check(
            &[
                "Varga has repeatedly said that he opposes “boots on the ground” abroad, his ministry continues to carve out exceptions for the navy.",
            ],
            &["Varga (partial): boots on the ground"],
        );
    }

    #[test]
    fn attribution_right_left_and_continued() {
        check(&["“We won the vote,” he told the BBC."], &["he [BBC]: We won the vote,"]);
        check(&["“It is over now,” said Transport Minister Tomas Varga."], &["Tomas Varga: It is over now,"]);
        check(
            &["“There are people in the cars,” said Norway’s Transport Minister Tomas Varga."],
            &["Tomas Varga: There are people in the cars,"],
        );
        check(
            &["Mr Zelensky said: “We are very happy with the talks.”"],
            &["Zelensky: We are very happy with the talks."],
        );
        check(
            &["Sir Keir said there was a “real sense of unity” among them."],
            &["Keir (partial): real sense of unity"],
        );
        check(
            &["“Visibility was poor,” she said, “and both ships had radar.”"],
            &["she: Visibility was poor,", "she: and both ships had radar."],
        );
        check(
            &["He said to Mr Trump: “Your plan fits with ours.", "“With you alongside, we can go further.”"],
            &["he: Your plan fits with ours.", "he: With you alongside, we can go further."],
        );
        check(&["'That is really important,' Sir Keir said."], &["Keir: That is really important,"]);
        // An appositive whose closing comma is missing.
        check(
            &["“We will support them,” Maj. Gen. Jo Lind, commander of the Halvik task force said Friday."],
            &["Jo Lind: We will support them,"],
        );
        // Not a name joined on, nor one a relative clause follows.
        check(
            &["Varga called the pact “madness,” and Lind, who says it is ruinous, agreed."],
            &["Varga (partial): madness,"],
        );
        // "Shared" right after a quote that runs on is its attribution.
        check(
            &[
                "At the airport, travellers like Jo Lind were stuck. “I have a funeral tomorrow,” Lind shared, close to tears.",
            ],
            &["Lind: I have a funeral tomorrow,"],
        );
        // A verb of perceiving before the participle is part of the attribution.
        check(
            &["“There's a ship approaching,” an official of the port can be heard saying in radio traffic."],
            &["official: There's a ship approaching,"],
        );
        // In the passive the source follows "by".
        check(
            &["“They are all hard-working men,” the Courier was told by an employee at the company."],
            &["an employee at the company: They are all hard-working men,"],
        );
        // A bare plural of a role is a description too.
        check(
            &["“The localizer had reached the end of its life,” explained airport representatives."],
            &["airport representatives: The localizer had reached the end of its life,"],
        );
        // "According to" names the source wherever it stands after the quote.
        check(
            &["The helicopter had a “fairly experienced” crew, according to a senior defence official."],
            &["a senior defence official (partial): fairly experienced"],
        );
        check(
            &["“They want to support him,” a European diplomat revealed."],
            &["european diplomat: They want to support him,"],
        );
        check(
            &["Speaking after the event, Sir Keir described the talks, adding: 'There was unity today'."],
            &["Keir: There was unity today"],
        );
        check(
            &["Mr Trump posted on his Truth Social platform: “Everyone is happy about peace.”"],
            &["Trump [Truth Social]: Everyone is happy about peace."],
        );
        check(&["The word “ready” appeared twice."], &["? (partial): ready"]);
    }

    #[test]
    fn described_sources_labels_and_introductions() {
        check(
            &["“The ferry was late,” said a senior harbour official. “Nobody told us why.”"],
            &[
                "a senior harbour official: The ferry was late,",
                "a senior harbour official: Nobody told us why.",
            ],
        );
        check(
            &["“Services resume on Monday,” the company wrote in a statement."],
            &["company: Services resume on Monday,"],
        );
        check(
            &["Harbour pilots - Anna Berg: “The fog came in fast.”"],
            &["Anna Berg: The fog came in fast."],
        );
        check(
            &["Union leader Piet Maas says:", "“We warned them twice.”"],
            &["Piet Maas: We warned them twice."],
        );
        check(
            &["Judge Mara Kell, writing for the panel, said the rule was “plainly unlawful in every case.”"],
            &["Mara Kell (partial): plainly unlawful in every case."],
        );
        // An aside between dashes may name places and parties; the subject is before it.
        check(
            &[
                "Former harbour master Piet Maas – speaking before he lost his seat in Halvik North to Labour – said the port had “got to respect the scale of this defeat”.",
            ],
            &["Piet Maas (partial): got to respect the scale of this defeat"],
        );

        check(
            &["Ms. Kell said the vote was close. “It could have gone either way.”"],
            &["Kell: It could have gone either way."],
        );
        check(
            &["He voiced a wish for a “calmer and safer crossing season.”"],
            &["he: calmer and safer crossing season."],
        );
        check(
            &["Olsen said the crew acted fast, adding that they “saved every passenger on board.”"],
            &["Olsen (partial): saved every passenger on board."],
        );
        check(
            &[
                "“Too slow,” the mayor said of the rescue. In a later vote, he warned of “more cuts to come soon.”",
            ],
            &["mayor (partial): Too slow,", "he (partial): more cuts to come soon."],
        );
    }

    #[test]
    fn reported_speech() {
        let blocks = [
            "Mr Varga said he had spoken directly with the ferry company. The ship left at noon.",
            "The company told reporters on Monday that the route would reopen by Friday.",
            "“We are sorry,” Petra Lind said.",
        ];
        let layouts: Vec<Layout> = blocks.iter().map(|t| Layout::new(t)).collect();
        let people: Vec<_> = blocks.iter().map(|t| mentions(t)).collect();
        let got: Vec<String> = super::reported(&blocks, &layouts, &people)
            .iter()
            .map(|r| format!("{} {}: {}", r.mention.text, r.verb, &blocks[r.block][r.start..r.end]))
            .collect();
        assert_eq!(
            got,
            [
                "Varga said: he had spoken directly with the ferry company",
                "company told: the route would reopen by Friday",
            ]
        );
    }
}
