//! Mentions of people in one block of text: names (with the titles and roles written before
//! them), role phrases that stand for a person ("the Prime Minister", "the Ukrainian"), and
//! pronouns.
//!
//! A name is a run of capitalised words joined by single spaces (particles such as "von der"
//! allowed inside). The run's head of titles, offices and demonyms ("German Chancellor", "US
//! President", "Sir") is split off as title and role; lowercase role words just before it
//! ("Nato secretary general Mark Rutte", "chief executive Petra Lind") are the role too.

use super::lexicon::{
    follows_a_party, is_event_word, is_geo_word, is_not_name, is_office_head, is_office_qualifier,
    is_person_pronoun, is_role_noun, is_title,
};

/// What a mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A proper name: "Keir Starmer", "Mr Trump".
    Name,
    /// A role phrase: "the Prime Minister", "the US president", "the Ukrainian".
    Role,
    /// A pronoun: "he", "she", "they".
    Pronoun,
}

/// One mention, with byte offsets into the block's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Mention {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: Kind,
    /// For a name, the name without titles ("Keir Starmer"); for a role, the role phrase in
    /// lowercase without its article ("us president"); for a pronoun, the pronoun.
    pub(crate) text: String,
    /// For a name, whether a personal title or role stood before it (evidence of a person).
    pub(crate) titled: bool,
    /// For a name, the role written with it ("german chancellor"), in lowercase.
    pub(crate) role: Option<String>,
    /// A name that ends like an organisation's ("The New York Post", "Marine Accident Board"):
    /// it can be a source of words, never a person.
    pub(crate) org: bool,
    /// For a name, whether an article stands right before it ("the Black Hawk helicopter", "a
    /// Jeju Air Boeing 737-800", "the Francis Scott Key Bridge"): a thing's name or a name used
    /// as a modifier, not a person spoken of.
    pub(crate) after_article: bool,
}

impl Mention {
    /// A mention with no title, role or organisation mark: a pronoun, a role phrase, a
    /// described source, a transcript label.
    pub(crate) fn plain(start: usize, end: usize, kind: Kind, text: String) -> Mention {
        Mention { start, end, kind, text, titled: false, role: None, org: false, after_article: false }
    }

    /// Whether it stands in the possessive in `text`, the block it was found in ("Spain's
    /// minister", "Halvik's library"): the owner of what follows, not the subject.
    pub(crate) fn is_owner(&self, text: &str) -> bool {
        let w = text.get(self.start..self.end).unwrap_or("");
        crate::text::is_possessive_form(w) || text.get(self.end..).is_some_and(|r| r.starts_with(['’', '\'']))
    }
}

/// The word before byte `at` of `text`, across white space, and where it starts (0 and the
/// text before `at` when there is no white space before it).
pub(crate) fn word_before(text: &str, at: usize) -> (usize, &str) {
    let before = text.get(..at).unwrap_or("").trim_end();
    let start =
        before.char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8());
    (start, &before[start..])
}

/// A word of the block: its byte range and text.
#[derive(Clone, Copy)]
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        // A letter lost to a wrong encoding ("S?nchez", "Mart\u{FFFD}nez") stays inside its word.
        let lost = matches!(c, '?' | '\u{FFFD}')
            && start.is_some()
            && text[i + c.len_utf8()..].chars().next().is_some_and(char::is_lowercase);
        let inside = c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '.') && start.is_some() || lost;
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(word(text, s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(word(text, s, text.len()));
    }
    out
}

fn word(text: &str, start: usize, end: usize) -> Word<'_> {
    // Trailing dots and apostrophes belong to punctuation, except in "Mr." and "U.S.".
    let mut e = end;
    let raw = &text[start..end];
    let trimmed = raw.trim_end_matches(['.', '\'', '’']);
    let keep_dot = raw.ends_with('.') && (is_title(raw) || trimmed.contains('.') || trimmed.len() == 1);
    if !keep_dot {
        e = start + trimmed.len();
    }
    Word { start, end: e, text: &text[start..e] }
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn particle(w: &str) -> bool {
    matches!(w, "von" | "der" | "de" | "van" | "bin" | "al" | "la" | "le" | "da" | "di" | "du" | "del")
}

/// Words that mark a demonym or place adjective standing before a role: "German", "US".
fn is_demonym(w: &str) -> bool {
    w.ends_with("an")
        || w.ends_with("ese")
        || w.ends_with("ish")
        || w.ends_with("ch")
        || w.ends_with("i")
        || w.chars().all(|c| c.is_uppercase() || c == '.')
}

/// Words that end the names of organisations and places rather than people.
pub(crate) fn is_org_word(w: &str) -> bool {
    is_institution_word(w) || is_geo_word(w) || is_event_word(w)
}

/// Last words of the names of institutions: "Marine Accident Board", "Fox News".
pub(crate) fn is_institution_word(w: &str) -> bool {
    super::lexicon::name_end(super::lexicon::NameEnd::Institution, w)
}

/// Every mention of a person in `text`, in order.
pub(crate) fn mentions(text: &str) -> Vec<Mention> {
    let ws = words(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let w = ws[i];
        if is_person_pronoun(w.text) {
            out.push(Mention::plain(w.start, w.end, Kind::Pronoun, w.text.to_lowercase()));
            i += 1;
            continue;
        }
        // "the Prime Minister", "the US president", "the Ukrainian", "a European diplomat",
        // "one official", "another witness".
        if matches!(w.text, "the" | "The" | "a" | "A" | "an" | "An" | "one" | "One" | "another" | "Another") {
            let mut j = i + 1;
            while j < ws.len() && j - i <= 4 && adjacent(text, ws[j - 1], ws[j]) {
                let lower = ws[j].text.to_lowercase();
                // "a European diplomat", "a Downing Street spokesperson", "the Kremlin aide".
                if is_role_noun(&lower) || (capitalised(ws[j].text) && !is_not_name(ws[j].text)) {
                    j += 1;
                } else {
                    break;
                }
            }
            // The phrase must end on a role noun or a demonym used as a noun ("the Ukrainian").
            let phrase: Vec<&str> = ws[i + 1..j].iter().map(|w| w.text).collect();
            let last_is_role = phrase.last().is_some_and(|l| is_role_noun(&l.to_lowercase()));
            let demonym_alone = phrase.len() == 1 && capitalised(phrase[0]) && phrase[0].ends_with("ian");
            let next_capital =
                ws.get(j).is_some_and(|n| adjacent(text, ws[j - 1], *n) && capitalised(n.text));
            if (last_is_role || demonym_alone) && !next_capital && j > i + 1 {
                let role = phrase.join(" ").to_lowercase();
                out.push(Mention::plain(w.start, ws[j - 1].end, Kind::Role, role));
                i = j;
                continue;
            }
        }
        if !capitalised(w.text) {
            i += 1;
            continue;
        }
        // A run of capitalised words.
        let mut j = i + 1;
        while j < ws.len()
            && adjacent(text, ws[j - 1], ws[j])
            && !crate::text::is_possessive_form(ws[j - 1].text)
        {
            let t = ws[j].text;
            // "de la Fuente": a few particles, then a name.
            let particle_then_name = particle(t)
                && ws[j..].iter().take(4).find(|n| !particle(n.text)).is_some_and(|n| capitalised(n.text));
            if capitalised(t) || particle_then_name {
                j += 1;
            } else {
                break;
            }
        }
        // A lone capitalised word before a lowercase office qualifies it ("Nato secretary
        // general", "Conservative former minister"; not before "then", which is more often
        // "Starmer then went" than "then president"), as a qualifier of an office opening a
        // sentence does ("Former justice secretary …"): it is not a name.
        let qualifies = j == i + 1
            && (is_office_qualifier(&w.text.to_lowercase())
                || ws.get(j).is_some_and(|n| {
                    adjacent(text, ws[i], *n)
                        && !capitalised(n.text)
                        && (is_role_noun(n.text)
                            || (follows_a_party(n.text) && !crate::text::is_possessive_form(w.text)))
                }));
        // A lone capitalised participle opening a phrase is no name: "Acknowledging that…",
        // "Challenged by…", "Reprising one of…".
        let participle = j == i + 1
            && (w.text.ends_with("ing") || w.text.ends_with("ed"))
            && w.text.len() >= 6
            && ws.get(j).is_some_and(|n| {
                matches!(
                    n.text,
                    "that"
                        | "to"
                        | "the"
                        | "a"
                        | "an"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "one"
                        | "by"
                        | "on"
                        | "about"
                        | "with"
                        | "from"
                        | "for"
                        | "in"
                        | "as"
                        | "at"
                        | "after"
                        | "before"
                )
            });
        // A lone word that an office's "of" follows is a part of its title-case name: the office
        // ("Secretary of State …") or an object within it ("… of the Duchy of Lancaster …").
        let in_office = j == i + 1
            && ws.get(j).is_some_and(|n| matches!(n.text, "of" | "for") && adjacent(text, w, *n))
            && (is_title(w.text)
                || is_role_noun(&w.text.to_lowercase())
                || office_before(text, w.start).is_some());
        if !qualifies
            && !participle
            && !in_office
            && let Some(m) = name_in_run(text, &ws, i, j)
        {
            out.push(m);
        }
        i = j;
    }
    out
}

/// How far back, in bytes, the words before a name are read for its role: four words of an
/// office ("former deputy secretary general") fit in it, and a text of one endless word is not
/// read back to its start for every name in it.
const ROLE_REACH: usize = 160;

/// The last `n` whole words of `text` (at most [`ROLE_REACH`] bytes of it), the last first.
fn last_words(text: &str, n: usize) -> Vec<&str> {
    let from = text.ceil_char_boundary(text.len().saturating_sub(ROLE_REACH));
    let mut tail = &text[from..];
    // A word cut by the reach is not read.
    if from > 0 && !text[..from].ends_with(char::is_whitespace) {
        tail = tail.split_once(char::is_whitespace).map_or("", |(_, rest)| rest);
    }
    tail.split_whitespace().rev().take(n).collect()
}

/// The office a run of capitalised words starting at byte `start` completes, in lower case,
/// when the run follows "of" or "for" (and "the") inside an office's title-case name whose
/// words before hold the head of an office (`vocab/en/office-heads.txt`: "Secretary of State",
/// "Chancellor of the Duchy of Lancaster", "Director General of the BBC"): the office's words up to the run, the
/// run's object words left to [`name_after_object`]. "The death of President Carter" and "a
/// spokesman for Prime Minister Starmer" follow a lowercase word: no office.
fn office_before(text: &str, start: usize) -> Option<String> {
    let before = last_words(&text[..start], 12);
    let title_case = |w: &str| capitalised(w) && w.chars().all(|c| c.is_alphabetic() || c == '-');
    let mut k = 0;
    let mut words: Vec<&str> = Vec::new();
    let mut office = false;
    loop {
        let mut at = k;
        if before.get(at) == Some(&"the") {
            at += 1;
        }
        if !before.get(at).is_some_and(|w| matches!(*w, "of" | "for")) {
            break;
        }
        at += 1;
        let from = at;
        while before.get(at).is_some_and(|w| title_case(w)) {
            at += 1;
        }
        if at == from {
            break;
        }
        // The office ends where "of" starts: "Rear Admiral Shannon Gilreath of the US Coast
        // Guard" is a person of a body.
        // (A head of an office, not one who works for another: "Spokesman for Prime Minister
        // Keir Starmer".)
        office |= before[from..at].iter().any(|w| is_office_head(&w.to_lowercase()));
        words.extend(&before[k..at]);
        k = at;
    }
    office.then(|| words.iter().rev().map(|w| w.to_lowercase()).collect::<Vec<_>>().join(" "))
}

/// Where the name starts in a run that opens with an office's object (see [`office_before`]):
/// at a title or office after the object ("Chief of the Defence Staff Admiral Sir Tony
/// Radakin": the title is split off as in any run), else at its second-to-last word of a name
/// (particles and initials between kept: "Ursula von der Leyen"), the object keeping at least
/// one word.
fn name_after_object(run: &[Word<'_>]) -> usize {
    if let Some(k) =
        (1..run.len()).find(|&k| is_title(run[k].text) || is_role_noun(&run[k].text.to_lowercase()))
    {
        return k;
    }
    let initial = |w: &str| w.len() <= 2 && w.ends_with('.');
    let named: Vec<usize> =
        (0..run.len()).filter(|&k| !particle(run[k].text) && !initial(run[k].text)).collect();
    named.len().checked_sub(2).map_or(1, |n| named[n]).max(1)
}

/// Whether `rest`, the text after a name, opens on an age set off by commas or a bracket:
/// ", 49," or " (35)".
fn age_after(rest: &str) -> bool {
    let Some(tail) = rest.strip_prefix(", ").or_else(|| rest.strip_prefix(" (")) else { return false };
    let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && tail[..digits].parse::<u16>().is_ok_and(|a| (1..=120).contains(&a))
        && (tail[digits..].starts_with([',', ')', ';'])
            || tail[digits..].strip_prefix('.').is_some_and(|r| !r.starts_with(|c: char| c.is_ascii_digit())))
}

/// Whether two words are separated by one space only (no punctuation between).
fn adjacent(text: &str, a: Word<'_>, b: Word<'_>) -> bool {
    let gap = &text[a.end..b.start];
    gap == " " || gap == "\u{a0}"
}

/// The name in the run of capitalised words `ws[i..j]`, with its title and role.
fn name_in_run(text: &str, ws: &[Word<'_>], i: usize, j: usize) -> Option<Mention> {
    debug_assert!(i < j && j <= ws.len());
    let run = &ws[i..j];
    // Leading words that cannot start a name (sentence openers) are dropped.
    let mut head = 0;
    while head < run.len() && is_not_name(run[head].text) && !is_title(run[head].text) {
        head += 1;
    }
    let mut run = &run[head..];
    if run.is_empty() {
        return None;
    }
    // "Secretary of State Antony Blinken", "Chancellor of the Duchy of Lancaster Pat
    // McFadden": a run that follows "of" or "for" inside an office's title-case name opens with
    // the office's object; the name is its last two words. A run of two words is more often
    // the object alone ("president of the Union for Reform Judaism, which …", "president of
    // CNN Worldwide, Jeff Zucker") than an object and a surname; a run that ends on a body's
    // word is the object ("the CEO of the Metropolitan Washington Airports Authority").
    let body = run.last().is_some_and(|w| is_org_word(w.text.trim_end_matches(['.', ','])));
    let mut office = if run.len() >= 3 && !body { office_before(text, run[0].start) } else { None };
    if let Some(office) = office.as_mut() {
        let from = name_after_object(run);
        for w in &run[..from] {
            office.push(' ');
            office.push_str(&w.text.to_lowercase());
        }
        run = &run[from..];
    }
    // Split titles, offices and demonyms off the front: the name is what follows the last of
    // them.
    let mut name_from = 0;
    for (k, w) in run.iter().enumerate() {
        let lower = w.text.to_lowercase();
        // A demonym is an office's qualifier only before one: "German Chancellor", not "Herman".
        let demonym_office = k == 0
            && is_demonym(w.text)
            && run.get(1).is_some_and(|n| is_title(n.text) || is_role_noun(&n.text.to_lowercase()));
        // "Texas-based Matt Mackowiak", "Iowa-born Jo Lind": a word that describes.
        let describes = k == 0 && crate::facts::lexicon::describes(w.text);
        let office =
            is_title(w.text) || is_role_noun(&lower) || (k + 1 < run.len() && demonym_office) || describes;
        if office && k + 1 < run.len() {
            name_from = k + 1;
        }
    }
    // Post-nominals end no name: "Keir Starmer MP", "Martin Luther King Jr".
    let mut name_end = run.len();
    while name_end > name_from + 1
        && matches!(
            run[name_end - 1].text.trim_end_matches(['.', ',']),
            "MP" | "MEP" | "MSP" | "QC" | "KC" | "Jr" | "Sr" | "OBE" | "MBE" | "CBE"
        )
    {
        name_end -= 1;
    }
    let name_words = &run[name_from..name_end];
    let prefix = &run[..name_from];
    let last = name_words.last()?;
    if name_words.iter().all(|w| is_not_name(w.text)) {
        return None;
    }
    // A run of several words in capitals is shouting, not a name.
    if name_words.len() > 1 && name_words.iter().all(|w| w.text.chars().all(|c| !c.is_lowercase())) {
        return None;
    }
    let bare = crate::text::without_possessive(last.text);
    // An acronym alone ("US", "NATO", "EU") names a country or an organisation.
    let acronym = name_words.len() == 1 && bare.len() <= 5 && bare.chars().all(|c| c.is_uppercase());
    let org = is_org_word(bare) || acronym;
    let name: Vec<&str> = name_words.iter().map(|w| crate::text::without_possessive(w.text)).collect();
    let titled = prefix.iter().any(|w| is_title(w.text) || is_role_noun(&w.text.to_lowercase()));
    let mut role_words: Vec<String> = prefix
        .iter()
        .filter(|w| {
            !matches!(w.text, "Mr" | "Mr." | "Mrs" | "Mrs." | "Ms" | "Ms." | "Sir" | "Dame" | "Dr" | "Dr.")
        })
        .map(|w| w.text.to_lowercase())
        .collect();
    // Lowercase role words right before the run: "Nato secretary general Mark Rutte".
    let first = run[0];
    let before = last_words(&text[..first.start], 4);
    let mut lower_role = Vec::new();
    for b in &before {
        // A role does not reach over a sentence's end: "…, said the government official.
        // Spain's minister …".
        if b.ends_with(['.', '!', '?', ';', ':']) {
            break;
        }
        let b = b.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        let lower = b.to_lowercase();
        // Qualifiers of an office already found: "former presidential candidate".
        let qualifier = !lower_role.is_empty()
            && !capitalised(b)
            && (is_office_qualifier(&lower)
                || ["al", "ic", "ary", "ive"].iter().any(|e| lower.ends_with(e) && lower.len() > 4));
        if is_role_noun(&lower) || qualifier || (capitalised(b) && !lower_role.is_empty() && !is_not_name(b))
        {
            lower_role.push(b.to_lowercase());
        } else {
            break;
        }
    }
    // (Not when the run completes an office: its words before are the office's.)
    let has_lower_role = office.is_none() && lower_role.iter().any(|w| is_role_noun(w));
    // An age beside a name says a person: "49-year-old Miguel Luna", "Miguel Luna, 49, of".
    // (Not a body or a people: "the 44-year-old Boca West Country Club", "an 18-year-old
    // Iranian-German", "an African American, 23,".)
    let joined = name.join(" ");
    let aged = (before.first().is_some_and(|w| crate::text::age_number(w).is_some())
        || age_after(&text[last.end..]))
        && !org
        && !crate::facts::lexicon::not_a_person(&joined)
        && !(name.len() == 1 && is_demonym(&joined));
    if has_lower_role {
        lower_role.reverse();
        lower_role.extend(role_words);
        role_words = lower_role;
    }
    // The office a run completes comes first: "chief of the defence staff admiral".
    let completes_office = office.is_some();
    if let Some(office) = office {
        role_words.insert(0, office);
    }
    let role = (completes_office || role_words.iter().any(|w| is_role_noun(w))).then(|| role_words.join(" "));
    let titled = titled || role.is_some();
    let start = name_words[0].start;
    let after_article = text.get(..start).is_some_and(|p| p.ends_with(char::is_whitespace))
        && crate::facts::lexicon::is_article(word_before(text, start).1);
    Some(Mention {
        start,
        end: last.end,
        kind: Kind::Name,
        text: name.join(" "),
        titled: titled || has_lower_role || aged,
        role,
        org,
        after_article,
    })
    .filter(|m| !m.text.is_empty() && text.get(m.start..m.end).is_some())
}

#[cfg(test)]
mod tests {
    use super::{Kind, last_words, mentions};

    #[test]
    fn the_role_before_a_name_is_read_within_reach() {
        assert_eq!(
            last_words("talks with the former deputy secretary general ", 4),
            ["general", "secretary", "deputy", "former"]
        );
        // A text of one endless word is not read back to its start, and a word cut by the reach
        // is not read.
        assert!(last_words(&"€Œ".repeat(10_000), 4).is_empty());
        let long = format!("{} said the deputy minister", "x".repeat(500));
        assert_eq!(last_words(&long, 4), ["minister", "deputy", "the", "said"]);
    }

    #[track_caller]
    fn check(text: &str, expect: &[&str]) {
        let got: Vec<String> = mentions(text)
            .iter()
            .map(|m| match m.kind {
                Kind::Name => {
                    format!("{}{}", m.text, m.role.as_ref().map(|r| format!(" ({r})")).unwrap_or_default())
                }
                Kind::Role => format!("role: {}", m.text),
                Kind::Pronoun => format!("pronoun: {}", m.text),
            })
            .collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn names_titles_roles_and_pronouns() {
        check(
            "German Chancellor Friedrich Merz said he agreed.",
            &["Friedrich Merz (german chancellor)", "pronoun: he"],
        );
        check(
            "Nato secretary general Mark Rutte met Mr Trump.",
            &["Mark Rutte (nato secretary general)", "Trump"],
        );
        check("Sir Keir Starmer and the Prime Minister spoke.", &["Keir Starmer", "role: prime minister"]);
        check("Halvik County Sheriff Kari Lind said.", &["Kari Lind (halvik county sheriff)"]);
        // A letter lost to a wrong encoding does not cut the name short.
        check(
            "Minister Per S?ndergaard and Ola Tr\u{FFFD}en said.",
            &["Per S?ndergaard (minister)", "Ola Tr\u{FFFD}en"],
        );
        check("Who? nobody.", &[]);
        check(
            "The US president met the Ukrainian at the White House.",
            &["role: us president", "role: ukrainian", "White House"],
        );
        check(
            "Commission President Ursula von der Leyen wrote.",
            &["Ursula von der Leyen (commission president)"],
        );
        check("But a European diplomat said so.", &["role: european diplomat"]);
        check("A Downing Street spokesperson said so.", &["role: downing street spokesperson"]);
        check("The Kremlin said so.", &["Kremlin"]);
        check("The Marine Accident Board met in Halvik.", &["Marine Accident Board", "Halvik"]);
        check("Coastguard commander Ingrid Solberg said", &["Ingrid Solberg (coastguard commander)"]);
        check("Labour leader Jo Lind MP said", &["Jo Lind (labour leader)"]);
        check(
            "said Harbour Police Col. Ingrid Solberg, per the Ledger.",
            &["Ingrid Solberg (harbour police col.)", "Ledger"],
        );
        check(
            "former presidential candidate Herman Cain said",
            &["Herman Cain (former presidential candidate)"],
        );
    }

    #[test]
    fn an_office_of_a_place_or_body_before_a_name() {
        check(
            "Chancellor of the Duchy of Lancaster Pat McFadden said so.",
            &["Pat McFadden (chancellor of the duchy of lancaster)"],
        );
        check("Secretary of State Antony Blinken said", &["Antony Blinken (secretary of state)"]);
        check(
            "Governor of the Bank of England Andrew Bailey spoke.",
            &["Andrew Bailey (governor of the bank of england)"],
        );
        check(
            "Chief of Defence Staff Admiral Sir Tony Radakin said",
            &["Tony Radakin (chief of defence staff admiral)"],
        );
        // A person of a body, a body alone, and an object of two words stay as they were.
        check(
            "Rear Admiral Shannon Gilreath of the US Coast Guard said",
            &["Shannon Gilreath (rear admiral)", "US Coast Guard"],
        );
        check(
            "Jack Potter, the CEO of the Metropolitan Washington Airports Authority, said",
            &["Jack Potter", "Metropolitan Washington Airports Authority"],
        );
        check("the death of President Jimmy Carter Jr", &["Jimmy Carter (president)"]);
        // An office before a run that opens on its own office is another person's.
        check("Spokesman for Prime Minister Keir Starmer said", &["Keir Starmer (prime minister)"]);
    }

    #[test]
    fn an_age_beside_a_name_says_a_person() {
        let titled = |text: &str| {
            mentions(text).iter().filter(|m| m.titled).map(|m| m.text.clone()).collect::<Vec<_>>()
        };
        assert_eq!(titled("Relatives named him as 49-year-old Ola Strand of Halvik."), ["Ola Strand"]);
        assert_eq!(titled("Kari Lind, 35, and Per Dahl (26) were found."), ["Kari Lind", "Per Dahl"]);
        assert!(titled("Ola Strand, 12 miles away, and Halvik, 2024, were named.").is_empty());
        assert!(titled("It was 2 degrees Celsius (3.6 degrees Fahrenheit) in Halvik.").is_empty());
        assert!(titled("An 18-year-old Norwegian and an African American, 23, were held.").is_empty());
        assert!(titled("The 44-year-old Halvik Country Club reopened.").is_empty());
    }
}
