//! Rules that tell site chrome, image credits and photo captions from article text.
//!
//! Each rule looks at one unit on its own and is written for the shape of the chrome, not
//! for a site: a comments widget is a short line made of comment words, a follow prompt is an
//! imperative call to action aimed at the reader, a caption ends in a photographer or agency
//! credit in brackets. Rules that need context (what follows a "Related" heading, the line
//! after an "Image credit:" label) live in [`super::segments`].

use std::sync::LazyLock;

use parallax_model::RemovedKind;

use super::phrases::phrases;
use super::words::{is_month, is_time_unit, is_weekday, key, word_count};

/// Why `text` (one unit) is not article text, or `None` when it may be.
pub(crate) fn classify(text: &str) -> Option<RemovedKind> {
    // Every rule but one is for short lines (the longest reach is 60 words); a paragraph of
    // more than 80 can only be a "Continue reading: …" line, told by its first words, so its
    // whole key is not built.
    if text.split_whitespace().nth(80).is_some() {
        let mut end = text.len().min(240);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        return is_read_more(&key(&text[..end]), usize::MAX).then_some(RemovedKind::ReadMore);
    }
    let k = key(text);
    let words = word_count(&k);
    if k.is_empty() {
        // Only punctuation or symbols: a separator.
        return Some(RemovedKind::Promo);
    }
    if is_timestamp(&k) {
        return Some(RemovedKind::Timestamp);
    }
    if words <= 20 && is_copyright(text) {
        return Some(RemovedKind::Copyright);
    }
    if !byline_names(text).is_empty() || (words <= 8 && is_source_line(&k)) {
        return Some(RemovedKind::Byline);
    }
    if words <= 6 && is_author_box(&k) {
        return Some(RemovedKind::AuthorBox);
    }
    if (words <= 6 || (words <= 16 && k.contains(" ("))) && is_comments(&k) {
        return Some(RemovedKind::Comments);
    }
    if words <= 6 && is_related(&k) {
        return Some(RemovedKind::Related);
    }
    if is_read_more(&k, words) {
        return Some(RemovedKind::ReadMore);
    }
    if words <= 8 && is_share(&k) {
        return Some(RemovedKind::Share);
    }
    // A credit in brackets standing alone, "(Ola Berg/Halvik Press via AP)": what is left of a
    // caption run into the page's text.
    let t = text.trim().trim_end_matches(['.', '/']);
    if is_image_credit(&k, words)
        || (words <= 10 && is_photo_by(text))
        || closing_brackets(t).is_some_and(|(at, inner)| at == 0 && is_credit(inner))
        || t.strip_prefix('[').and_then(|t| t.strip_suffix(']')).is_some_and(is_credit)
    {
        return Some(RemovedKind::ImageCredit);
    }
    if words <= 60 && FILE_PHOTO.iter().any(|l| k.starts_with(l)) {
        return Some(RemovedKind::Caption);
    }
    if is_caption(text, words) || (words <= 60 && (describes_picture(&k) || ends_in_picture_date(text))) {
        return Some(RemovedKind::Caption);
    }
    if (words <= 20 && is_follow_prompt(&k)) || (words <= 40 && is_channel_prompt(&k)) {
        return Some(RemovedKind::FollowPrompt);
    }
    if words <= 12 && is_promo(&k, text) {
        return Some(RemovedKind::Promo);
    }
    if words <= 30 && PROMPTS.iter().any(|p| k.starts_with(p)) {
        return Some(RemovedKind::Promo);
    }
    if words <= 20 && LISTEN.iter().any(|p| k.contains(p)) {
        return Some(RemovedKind::Promo);
    }
    if (2..=4).contains(&words) && is_cut_prompt(&k) {
        return Some(RemovedKind::Promo);
    }
    if words <= 80 && SUPPORT.iter().any(|p| k.starts_with(p)) {
        return Some(RemovedKind::Promo);
    }
    if words <= 80 && DISCLOSURES.iter().any(|d| k.contains(d)) {
        return Some(RemovedKind::Promo);
    }
    // WordPress's own line runs on with how to follow the replies: up to 60 words.
    if words <= 60 && POSTED.iter().any(|p| k.starts_with(p)) {
        return Some(RemovedKind::Timestamp);
    }
    if words <= 40 && is_update_note(text, &k) {
        return Some(RemovedKind::Timestamp);
    }
    if words <= 30
        && let Some(kind) = metadata_fields(text)
    {
        return Some(kind);
    }
    if (words <= 15 && is_furniture(&k, words)) || (words <= 40 && is_server_error(&k)) {
        return Some(RemovedKind::Promo);
    }
    if words <= 40 && prompts_after_a_lead(&k) {
        return Some(RemovedKind::FollowPrompt);
    }
    None
}

/// Skip links, as page text renders them (lower case).
pub(crate) static SKIP_LINKS: LazyLock<&[&str]> = LazyLock::new(|| phrases("skip-links"));

/// How a wire photo's caption is labelled when the picture is from the archive (folded form).
static FILE_PHOTO: LazyLock<&[&str]> = LazyLock::new(|| phrases("file-photo"));

/// Prompts to play the article as audio, wherever they stand in a short line (folded form).
static LISTEN: LazyLock<&[&str]> = LazyLock::new(|| phrases("listen"));

/// A prompt cut off by the page's text rendering after its first words: a line of two to four
/// words that begins one of the longer prompts ("Support truly" of "Support truly independent
/// journalism").
fn is_cut_prompt(k: &str) -> bool {
    PROMPTS
        .iter()
        .chain(SUPPORT.iter())
        .any(|p| p.split(' ').count() >= 3 && p.strip_prefix(k).is_some_and(|rest| rest.starts_with(' ')))
}

/// A credit line that names the photographer after "Photo by": "Photo by Anna Berg/UPI",
/// "Photo by Kyodo News/EPA-EFE" (a slash or an agency, capitalised, no sentence).
fn is_photo_by(text: &str) -> bool {
    let t = text.trim();
    let Some(rest) = ["Photo by ", "Photos by ", "Image by ", "Picture by ", "Photograph by "]
        .iter()
        .find_map(|l| t.strip_prefix(l).or_else(|| t.strip_prefix(&l.to_uppercase()[..])))
    else {
        return false;
    };
    let last = key(rest.rsplit(['/', ' ']).next().unwrap_or(rest));
    rest.chars().next().is_some_and(char::is_uppercase)
        && !rest.ends_with(['.', '!', '?'])
        && (rest.contains('/') || CREDIT_WORDS.contains(&last.as_str()))
}

/// An embedded post: a unit that ends in the account and the day it was posted, "— Jane
/// Roe (@janeroe) July 22, 2024" or "Harbour News (@harbournews) 3 May 2023".
pub(crate) fn is_embed_credit(text: &str) -> bool {
    let t = text.trim_end();
    let Some(at) = t.rfind("(@") else { return false };
    let Some(close) = t[at..].find(')') else { return false };
    let handle = &t[at + 2..at + close];
    let day = t[at + close + 1..].trim();
    let words: Vec<&str> = day.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let number = |w: &str, max: u32| w.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n));
    let dated = match words.as_slice() {
        [m, d, y] if is_month(&key(m)) => number(d, 31) && number(y, 2100),
        [d, m, y] if is_month(&key(m)) => number(d, 31) && number(y, 2100),
        _ => false,
    };
    dated && !handle.is_empty() && handle.chars().all(|c| c.is_alphanumeric() || c == '_')
}

/// A PHP error printed into the page: "Warning: Creating default object from empty value in
/// /var/www/… on line 12".
fn is_server_error(k: &str) -> bool {
    ["warning:", "notice:", "deprecated:", "fatal error:", "strict standards:", "parse error:"]
        .iter()
        .any(|l| k.starts_with(l))
        && k.contains(" on line ")
}

/// A line naming where the text came from: "Quelle: dpa", "Source: Reuters", "Fuente: EFE".
fn is_source_line(k: &str) -> bool {
    static LABELS: LazyLock<&[&str]> = LazyLock::new(|| phrases("source-line-labels"));
    k.split_once(':').is_some_and(|(label, rest)| LABELS.contains(&label.trim()) && !rest.trim().is_empty())
}

/// A line of post metadata or a breadcrumb: three or more short fields between `|`, none a
/// sentence ("Friday | 14 June 2019 | 15:49 | 0 comments", "Views: 1120 | Added by: Ann |
/// Tags: …"). A date among them makes it a timestamp line.
fn metadata_fields(text: &str) -> Option<RemovedKind> {
    let fields: Vec<&str> = text.split('|').map(str::trim).collect();
    if fields.len() < 3
        || fields.iter().any(|f| f.is_empty() || word_count(f) > 6 || f.ends_with(['.', '!', '?']))
    {
        return None;
    }
    let dated = fields.iter().any(|f| is_timestamp(&key(f)));
    Some(if dated { RemovedKind::Timestamp } else { RemovedKind::Promo })
}

/// Page furniture told by its first words: a taxonomy label ("Category: Press releases",
/// "Tags: …"), a link back to a listing ("Zurück zur Übersicht", "Back to news"), an
/// advertisement label leading a line ("Anzeige – …", "Advertisement: …"), contact details
/// ("Telefon: +49 …", "E-mail: press@…"), a call to register or subscribe to read on.
fn is_furniture(k: &str, words: usize) -> bool {
    static TAXONOMY: LazyLock<&[&str]> = LazyLock::new(|| phrases("furniture-taxonomy"));
    static BACK: LazyLock<&[&str]> = LazyLock::new(|| phrases("furniture-back"));
    static LISTINGS: LazyLock<&[&str]> = LazyLock::new(|| phrases("furniture-listings"));
    static ADS: LazyLock<&[&str]> = LazyLock::new(|| phrases("furniture-ads"));
    static CONTACT: LazyLock<&[&str]> = LazyLock::new(|| phrases("furniture-contact"));
    static READ_ON: LazyLock<&[&str]> = LazyLock::new(|| phrases("furniture-read-on"));
    let (label, rest) = match k.split_once(':') {
        Some((label, rest)) => (label.trim(), Some(rest.trim())),
        None => (k, None),
    };
    if rest.is_some() && TAXONOMY.contains(&label) {
        return true;
    }
    if words <= 5
        && (BACK.iter().any(|b| k.starts_with(b))
            || k.strip_prefix("back to ").is_some_and(|r| LISTINGS.contains(&r.trim_start_matches("the "))))
    {
        return true;
    }
    if ADS.iter().any(|a| {
        k.strip_prefix(a).is_some_and(|r| [",", " -", " –", " |", ":"].iter().any(|sep| r.starts_with(sep)))
    }) {
        return true;
    }
    if let Some(rest) = rest
        && CONTACT.contains(&label)
        && word_count(rest) <= 8
        && rest.contains(|c: char| c.is_ascii_digit() || c == '@')
    {
        return true;
    }
    // A label and an address: "Permalink https://…", "Short URL: https://…".
    if let Some((label, url)) = k.rsplit_once(' ')
        && (url.starts_with("http://") || url.starts_with("https://"))
        && SLOTS_ELSEWHERE
            .iter()
            .chain(&["short url", "short link", "kurzlink", "kurz-url"])
            .any(|s| label.trim_end_matches([':', ' ']) == *s)
    {
        return true;
    }
    // "… Sign up here", "… hier anmelden".
    if SIGN_UP_HERE.iter().any(|e| k.ends_with(e)) {
        return true;
    }
    // "Jetzt registrieren und weiterlesen", "Subscribe to continue reading".
    READ_ON.iter().any(|r| {
        k.strip_suffix(r).is_some_and(|before| {
            before.is_empty()
                || [" und ", " and ", " to ", " et ", " y "].iter().any(|joint| before.ends_with(joint))
        })
    })
}

/// How an appeal for readers' support begins, which often runs on for a paragraph: "Do you
/// like our magazine? We chose not to put up a paywall …" (folded form).
static SUPPORT: LazyLock<&[&str]> = LazyLock::new(|| phrases("support"));

/// A pointer to the outlet's channel on a platform: "Follow The Gazette on Twitter and
/// Instagram …", "¡Mira lo que tiene nuestro canal de YouTube!", "… tenemos canal de Telegram".
fn is_channel_prompt(k: &str) -> bool {
    static PLATFORMS: LazyLock<&[&str]> = LazyLock::new(|| phrases("channel-platforms"));
    static OURS: LazyLock<&[&str]> = LazyLock::new(|| phrases("channel-ours"));
    PLATFORMS.iter().any(|p| k.contains(p))
        && (k.starts_with("follow ") || OURS.iter().any(|o| k.contains(o)))
}

/// How a call to sign up ends (folded form).
static SIGN_UP_HERE: LazyLock<&[&str]> = LazyLock::new(|| phrases("sign-up-here"));

/// Disclosures of affiliate links and advertisers, wherever they stand in a line.
static DISCLOSURES: LazyLock<&[&str]> = LazyLock::new(|| phrases("disclosures"));

/// How a line of post metadata begins: "This entry was posted on …", "Der Beitrag wurde am …
/// veröffentlicht".
static POSTED: LazyLock<&[&str]> = LazyLock::new(|| phrases("posted"));

static UPDATE_LABELS: LazyLock<&[&str]> = LazyLock::new(|| phrases("update-labels"));
static UPDATE_OPENINGS: LazyLock<&[&str]> = LazyLock::new(|| phrases("update-openings"));

/// Whether `text` (its key `k`) is an editor's note on what changed in the story: it opens
/// with "This story has been updated" or the like, or with an update label, a date and a
/// colon ("Updated, Dec. 29: Changed headline, added CEO's apology.", "Correction, Jan. 3,
/// 2025: An earlier version misstated …"). A label followed by news ("UPDATED: Death toll
/// jumps to 177") is the news, not a note.
fn is_update_note(text: &str, k: &str) -> bool {
    if UPDATE_OPENINGS.iter().any(|o| k.starts_with(o)) {
        return true;
    }
    let Some(label) =
        UPDATE_LABELS.iter().find(|l| k.starts_with(*l) && !k[l.len()..].starts_with(char::is_alphanumeric))
    else {
        return false;
    };
    // The date between the label and the colon: a month or a number, nothing else but a
    // weekday ("Updated Friday, Jan. 3:").
    let folded = crate::text::fold(text);
    let Some(colon) = folded.find(':') else { return false };
    let Some(between) = folded
        .get(..colon)
        .and_then(|h| h.trim_start_matches(|c: char| !c.is_alphanumeric()).get(label.len()..))
    else {
        return false;
    };
    let words: Vec<&str> = between.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    !words.is_empty()
        && words.len() <= 5
        && words.iter().any(|w| is_month(w) || w.bytes().all(|b| b.is_ascii_digit()))
        && words.iter().all(|w| is_month(w) || is_weekday(w) || w.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether `k` (a unit's key) is a bare timestamp: an age ("25 minutes ago", "2h ago",
/// "just now"), or a date and time with nothing else ("Tuesday 19 August 2025 06:44 BST",
/// "Updated: 19/08/2025 14:05").
pub(crate) fn is_timestamp(k: &str) -> bool {
    // A label glued to its date ("Date:2025-04-15 11:34:07") is read as the label and the date.
    let words: Vec<&str> = k
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .flat_map(|w| match w.split_once(':') {
            Some((label, date))
                if !label.is_empty()
                    && label.chars().all(char::is_alphabetic)
                    && date.starts_with(|c: char| c.is_ascii_digit()) =>
            {
                [&w[..=label.len()], date]
            }
            _ => [w, ""],
        })
        .filter(|w| !w.is_empty())
        .take(13)
        .collect();
    if words.is_empty() || words.len() > 12 {
        return false;
    }
    if matches!(k, "just now" | "yesterday" | "today") {
        return true;
    }
    // A reading time: "4 min read", "Lesezeit: 3 Minuten", "5 Min. Lesezeit".
    let minutes =
        |w: &str| matches!(w.trim_end_matches('.'), "min" | "mins" | "minute" | "minutes" | "minuten");
    let number = |w: &str| w.parse::<u32>().is_ok();
    if let [n, m, "read" | "lesezeit"] = words.as_slice()
        && number(n)
        && minutes(m)
    {
        return true;
    }
    // A label of one or more words, then the minutes: "Reading time: 3 minutes".
    for label in ["lesezeit", "reading time", "read time", "temps de lecture", "tiempo de lectura"] {
        if let Some(rest) = k.strip_prefix(label)
            && let [n, m] = rest.trim_start_matches(':').split_whitespace().collect::<Vec<_>>()[..]
            && number(n)
            && minutes(m)
        {
            return true;
        }
    }
    // Verbs that label a date, in English and (folded) the languages news is read in most.
    let verb = |w: &str| {
        matches!(
            w,
            "updated"
                | "published"
                | "posted"
                | "modified"
                | "created"
                | "release"
                | "aktualisiert"
                | "veroffentlicht"
                | "erstellt"
                | "publie"
                | "publicado"
                | "actualizado"
                | "pubblicato"
                | "aggiornato"
                | "atualizado"
        )
    };
    let lead = |w: &str| {
        verb(w)
            || matches!(
                w,
                "last"
                    | "first"
                    | "on"
                    | "at"
                    | "date"
                    | "time"
                    | "stand"
                    | "am"
                    | "um"
                    | "le"
                    | "el"
                    | "il"
                    | "em"
            )
    };
    let body: Vec<&str> = words.iter().copied().skip_while(|w| lead(w.trim_end_matches(':'))).collect();
    // A label alone ("Updated:", "Aktualisiert:"), its date on the next line.
    if body.is_empty() {
        return words.iter().any(|w| verb(w.trim_end_matches(':')));
    }
    // "25 minutes ago", "an hour ago", "2h ago".
    if let [n, unit, "ago"] = body.as_slice()
        && (n.parse::<u32>().is_ok() || matches!(*n, "a" | "an" | "one" | "two" | "few"))
        && is_time_unit(unit)
    {
        return true;
    }
    if let [n_unit, "ago"] = body.as_slice() {
        let digits = n_unit.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        if !digits.is_empty() && digits.parse::<u32>().is_ok() && is_time_unit(&n_unit[digits.len()..]) {
            return true;
        }
    }
    // A date and time made only of date words.
    let mut dated = false;
    for w in &body {
        let w = w.trim_end_matches(['.', ':']);
        let numeric =
            !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || matches!(c, '/' | '-' | ':' | '.'));
        let ordinal = w.len() > 2
            && w.chars().take(w.len() - 2).all(|c| c.is_ascii_digit())
            && matches!(&w[w.len() - 2..], "st" | "nd" | "rd" | "th");
        if is_month(w)
            || is_month_elsewhere(w)
            || is_iso_datetime(w)
            || (numeric
                && w.chars().any(|c| c.is_ascii_digit())
                && (w.contains(['/', '-', ':'])
                    || crate::text::year(w).is_some()
                    || w.matches('.').count() == 2))
        {
            dated = true;
        } else if !(numeric
            || ordinal
            || is_weekday(w)
            || is_zone(w)
            || matches!(
                w,
                "am" | "pm"
                    | "a.m"
                    | "p.m"
                    | "at"
                    | "on"
                    | "|"
                    | "-"
                    | "by"
                    | "uhr"
                    | "um"
                    | "h"
                    | "de"
                    | "del"
                    | "a"
                    | "las"
                    | "alle"
                    | "ore"
            )
            || w.strip_suffix('h')
                .is_some_and(|t| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || c == ':')))
        {
            return false;
        }
    }
    dated
}

/// Month names in German, French, Spanish, Italian and Portuguese (folded form), for telling a
/// dateline; dates are not read from them.
/// An ISO 8601 date and time in one word (folded): "2024-07-19t08:30:00z",
/// "2024-07-19t08:30+02:00".
fn is_iso_datetime(w: &str) -> bool {
    w.split_once('t').is_some_and(|(day, time)| {
        day.len() == 10
            && day.bytes().all(|c| c.is_ascii_digit() || c == b'-')
            && time.len() >= 5
            && time.bytes().all(|c| c.is_ascii_digit() || matches!(c, b':' | b'.' | b'+' | b'-' | b'z'))
    })
}

fn is_month_elsewhere(w: &str) -> bool {
    matches!(
        w,
        "januar"
            | "februar"
            | "marz"
            | "mai"
            | "juni"
            | "juli"
            | "oktober"
            | "dezember"
            | "janvier"
            | "fevrier"
            | "mars"
            | "avril"
            | "juin"
            | "juillet"
            | "aout"
            | "septembre"
            | "octobre"
            | "novembre"
            | "decembre"
            | "enero"
            | "febrero"
            | "marzo"
            | "abril"
            | "mayo"
            | "junio"
            | "julio"
            | "agosto"
            | "septiembre"
            | "setiembre"
            | "octubre"
            | "noviembre"
            | "diciembre"
            | "gennaio"
            | "febbraio"
            | "aprile"
            | "maggio"
            | "giugno"
            | "luglio"
            | "settembre"
            | "ottobre"
            | "dicembre"
            | "janeiro"
            | "fevereiro"
            | "marco"
            | "maio"
            | "junho"
            | "julho"
            | "setembro"
            | "outubro"
            | "dezembro"
    )
}

/// A rights notice: "© 2026 The Courier", "Copyright 2025 ...", "All rights reserved".
fn is_copyright(text: &str) -> bool {
    let t = text.trim();
    let k = key(t);
    t.starts_with('©')
        || k.starts_with("copyright ")
        || t.starts_with("(c) ")
        || t.starts_with("(C) ")
        || k == "all rights reserved"
}

/// The names in a byline: "By Jane Roe and John Doe, political staff" → both names;
/// "Reporting by Jane Roe; Editing by John Doe" → both names. Empty when `text` is not one.
pub(crate) fn byline_names(text: &str) -> Vec<String> {
    let t = text.trim();
    if word_count(t) > 14 || t.ends_with(['.', '!', '?']) && !t.ends_with(" Jr.") {
        return Vec::new();
    }
    let mut names = Vec::new();
    let parts: Vec<&str> = t.split(';').collect();
    for part in &parts {
        let part = part.trim();
        let rest = [
            "By ",
            "by ",
            "BY ",
            "Reporting by ",
            "Writing by ",
            "Editing by ",
            "Additional reporting by ",
            // German, Spanish and Portuguese, French, Dutch.
            "Von ",
            "von ",
            "VON ",
            "Por ",
            "por ",
            "POR ",
            "Par ",
            "par ",
            "PAR ",
            "Door ",
            "door ",
        ]
        .iter()
        .find_map(|lead| part.strip_prefix(lead));
        let Some(rest) = rest else {
            // Every part of a byline is one: "By A; Editing by B".
            return Vec::new();
        };
        // Names end at the first comma or dash: what follows is a role or a place.
        let names_part = rest.split([',', '|', '–', '—']).next().unwrap_or(rest);
        for name in [" and ", " und ", " y ", " et ", " e ", " en "]
            .iter()
            .fold(vec![names_part], |parts, sep| parts.iter().flat_map(|p| p.split(sep)).collect())
            .into_iter()
            .flat_map(|n| n.split(" & "))
        {
            match name_like(name) {
                Some(n) if word_count(&n) >= 2 => names.push(n),
                _ => return Vec::new(),
            }
        }
    }
    names
}

fn is_zone(w: &str) -> bool {
    matches!(
        w,
        "utc"
            | "gmt"
            | "bst"
            | "cet"
            | "cest"
            | "eet"
            | "eest"
            | "est"
            | "edt"
            | "cst"
            | "cdt"
            | "mst"
            | "mdt"
            | "pst"
            | "pdt"
            | "ist"
            | "jst"
            | "aest"
            | "aedt"
            | "z"
    )
}

fn is_comments(k: &str) -> bool {
    let k = k.trim_end_matches('.');
    // A note in brackets after the label: "No comments (comments appear once approved)".
    // (The key has lost the closing bracket.)
    let k = match k.split_once(" (") {
        Some((label, note)) if word_count(note) <= 10 && !note.contains(['(', ')']) => label.trim_end(),
        _ => k,
    };
    if matches!(
        k,
        "comment"
            | "comments"
            | "no comments"
            | "no comments yet"
            | "be the first to comment"
            | "leave a comment"
            | "leave a reply"
            | "join the conversation"
            | "join the discussion"
            | "show comments"
            | "view comments"
            | "add a comment"
            | "comments are closed"
            | "post a comment"
            | "load comments"
            | "reader comments"
            | "write a comment"
            | "kommentare"
            | "keine kommentare"
            | "kommentar schreiben"
            | "kommentare schreiben"
            | "kommentieren"
            | "jetzt kommentieren"
            | "commentaires"
            | "aucun commentaire"
            | "laisser un commentaire"
            | "comentarios"
            | "sin comentarios"
            | "deja un comentario"
            | "commenti"
            | "lascia un commento"
            | "komentarze"
            | "reacties"
    ) {
        return true;
    }
    let mut parts = k.split(' ');
    matches!(
        (parts.next().map(str::parse::<u32>), parts.next(), parts.next()),
        (
            Some(Ok(_)),
            Some(
                "comment"
                    | "comments"
                    | "kommentare"
                    | "kommentar"
                    | "commentaires"
                    | "comentarios"
                    | "commenti"
            ),
            None
        )
    )
}

/// The label of an "About the author" box (folded form).
fn is_author_box(k: &str) -> bool {
    matches!(
        k,
        "about the author"
            | "about the authors"
            | "uber den autor"
            | "uber die autorin"
            | "uber die autoren"
            | "zum autor"
            | "zur autorin"
            | "a propos de l'auteur"
            | "sobre el autor"
            | "sobre la autora"
            | "sobre o autor"
            | "l'autore"
            | "o autorze"
            | "over de auteur"
    )
}

/// Whether `text` is a heading over other stories ("Related articles", "Lesen Sie auch"), or
/// opens with such a heading of two words or more ("Most popular diets", "Самые популярные
/// диеты"; not "Related issues", as one word is too little to tell).
pub(crate) fn opens_with_related_label(text: &str) -> bool {
    let k = key(text);
    // The ends of the prefixes of two words or more, short of the whole.
    let mut ends = k.char_indices().filter(|(_, c)| *c == ' ').map(|(i, _)| i).skip(1);
    is_related(&k) || ends.any(|end| is_related(&k[..end]))
}

fn is_related(k: &str) -> bool {
    matches!(
        k,
        "related"
            | "related articles"
            | "related stories"
            | "related news"
            | "related content"
            | "related coverage"
            | "related posts"
            | "related links"
            | "related topics"
            | "you may also like"
            | "you might also like"
            | "recommended"
            | "recommended for you"
            | "most read"
            | "most popular"
            | "most viewed"
            | "also read"
            | "see also"
            | "trending"
            | "trending now"
            | "top stories"
            | "latest news"
            | "more stories"
            | "read next"
            | "what to read next"
            | "more news"
            | "more on this story"
            | "editor's picks"
            | "editors picks"
            | "don't miss"
            | "dont miss"
            | "popular now"
    ) || RELATED_ELSEWHERE.contains(&k)
        || (word_count(k) <= 8
            && (k.starts_with("lesen sie auch")
                || k.starts_with("weitere artikel")
                || k.starts_with("weitere beitrage")
                || k.contains("auch interessieren")))
        || READ_ALSO.iter().any(|label| label.contains(' ') && k == *label)
        || ((k.starts_with("more from ") || k.starts_with("more on ")) && word_count(k) <= 5)
        || (k.starts_with("more ") && (k.ends_with(" stories") || k.ends_with(" news")) && word_count(k) <= 5)
}

/// Headings over lists of other stories, in the languages news is read in most besides
/// English (folded form: lowercase, without accents).
static RELATED_ELSEWHERE: LazyLock<&[&str]> = LazyLock::new(|| phrases("related-elsewhere"));

/// Prompts to rate or share the article, outside English (folded form).
static FEEDBACK_ELSEWHERE: LazyLock<&[&str]> = LazyLock::new(|| phrases("feedback-elsewhere"));

fn is_read_more(k: &str, words: usize) -> bool {
    static LEADS: LazyLock<&[&str]> = LazyLock::new(|| phrases("read-more-leads"));
    LEADS.iter().any(|lead| k.starts_with(lead) && (words <= 6 || k[lead.len()..].starts_with(':')))
        || (k.starts_with("read more:") && words <= 25)
        || (words <= 25
            && READ_ALSO
                .iter()
                .any(|label| k.strip_prefix(label).is_some_and(|r| r.trim_start().starts_with(':'))))
}

/// Labels that introduce a link to another story, in the languages news is read in most:
/// "See also: …", "Lesen Sie auch: …", "À lire aussi : …", "VEA TAMBIÉN: …" (folded form).
static READ_ALSO: LazyLock<&[&str]> = LazyLock::new(|| phrases("read-also"));

fn is_share(k: &str) -> bool {
    if matches!(k, "was this article helpful" | "was this helpful" | "rate this article")
        || FEEDBACK_ELSEWHERE.contains(&k)
    {
        return true;
    }
    k.split(' ').all(|w| {
        matches!(
            w,
            "share"
                | "this"
                | "article"
                | "story"
                | "on"
                | "via"
                | "tweet"
                | "email"
                | "print"
                | "copy"
                | "link"
                | "facebook"
                | "twitter"
                | "x"
                | "whatsapp"
                | "linkedin"
                | "telegram"
                | "reddit"
                | "pinterest"
                | "messenger"
                | "save"
                | "|"
                | "/"
        )
    }) && k.split(' ').any(|w| matches!(w, "share" | "tweet" | "facebook" | "whatsapp" | "linkedin"))
}

/// An image credit or licence line: "Image credit: ...", "Photo: Name/Agency",
/// "... public domain, via Wikimedia Commons".
fn is_image_credit(k: &str, words: usize) -> bool {
    static LABELS: LazyLock<&[&str]> = LazyLock::new(|| phrases("image-credit-labels"));
    if words <= 12 && k.starts_with("mandatory credit") {
        return true;
    }
    // A logo's alternative text standing alone: "Courier logo".
    if words <= 4 && k.ends_with(" logo") {
        return true;
    }
    // A picture's file name standing alone, what a page shows when the picture did not load:
    // "harbour-ferry.jpg".
    if !k.contains(' ')
        && k.rsplit_once('.').is_some_and(|(name, ext)| {
            !name.is_empty() && matches!(ext, "jpg" | "jpeg" | "png" | "gif" | "webp" | "avif")
        })
    {
        return true;
    }
    let label = k.split(':').next().unwrap_or(k);
    let label = label.split(" (").next().unwrap_or(label).trim();
    if LABELS.contains(&label) && (k.contains(':') || words <= 3) && words <= 30 {
        return true;
    }
    static LICENCES: LazyLock<&[&str]> = LazyLock::new(|| phrases("image-credit-licences"));
    words <= 45
        && LICENCES.iter().any(|l| k.contains(l))
        && (k.contains(" via ")
            || k.contains("credit")
            || k.contains(" by ")
            || k.contains("(c)")
            || k.contains('©'))
}

/// Agencies and words that end a photo credit.
static CREDIT_WORDS: LazyLock<&[&str]> = LazyLock::new(|| phrases("credit-words"));

/// A photo caption: a short unit that ends in a credit in brackets, "(Aaron Schwartz/PA)",
/// "(AP Photo/Evan Vucci)", "(Photo: Reuters)", or in "Photograph: Name/Agency".
pub(crate) fn is_caption(text: &str, words: usize) -> bool {
    if words > 100 {
        return false;
    }
    let t = text.trim_end().trim_end_matches(['.', '/']);
    // An explicit photo credit ends a caption of up to 100 words: "… (Photo by Name/AFP via
    // Getty Images)", "… Photo by Name/UPI", "… Mandatory credit Kyodo via REUTERS".
    let tail_at = |label: &str| t.rfind(label).filter(|&at| at > 0 && word_count(&t[at..]) <= 10);
    if ["Photo by ", "Mandatory credit ", "MANDATORY CREDIT "].iter().any(|l| {
        tail_at(l).is_some_and(|at| l.starts_with('M') || is_photo_by(t[at..].trim_end_matches(')')))
    }) {
        return true;
    }
    if words > 60 {
        return false;
    }
    if let Some((_, inner)) = closing_brackets(t) {
        return is_credit(inner);
    }
    if credited_picture(t) || getty_style(t) {
        return true;
    }
    for label in ["Photograph:", "Photo:", "Picture:", "Photos:", "Image:"] {
        // In the label's own case or in capitals: "… on Jan 2. PHOTO: REUTERS".
        if let Some(at) = t.rfind(label).or_else(|| t.rfind(&label.to_uppercase()[..]))
            && at > 0
            && word_count(&t[at..]) <= 8
        {
            return true;
        }
    }
    false
}

/// Whether `t` (a caption's length, its final full stop trimmed) describes a picture of a day
/// and ends in a bare agency credit after its last sentence: "… in London on July 6, 2024. —
/// AFP", "… July 5 2024. REUTERS", "… a day after the vote. PHOTO | AFP". The credit alone is
/// not enough (a wire brief ends "— AFP" too); the day written with its year is what a
/// picture's caption gives and a report of the day does not.
fn credited_picture(t: &str) -> bool {
    let Some(end) = t.rfind('.') else {
        return false;
    };
    let credit = key(&t[end + 1..]);
    let words: Vec<&str> =
        credit.split(|c: char| c.is_whitespace() || c == '|').filter(|w| !w.is_empty()).collect();
    let credits = !words.is_empty()
        && words.len() <= 4
        && t[end + 1..].trim_start_matches(|c: char| !c.is_alphanumeric()).starts_with(char::is_uppercase)
        && words.iter().all(|w| CREDIT_WORDS.contains(w) || matches!(*w, "photo" | "photos" | "file"))
        && words.iter().any(|w| CREDIT_WORDS.contains(w));
    credits && dated_with_year(&t[..end])
}

/// Whether `text` gives a day with its year: a month name within two words before a year
/// ([`crate::text::year`]: "July 6, 2024", "5 July 2024").
fn dated_with_year(text: &str) -> bool {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        crate::text::year(w).is_some()
            && words[i.saturating_sub(2)..i].iter().any(|m| is_month(m.trim_end_matches('.')))
    })
}

/// Whether `t` opens as a picture agency's caption does: the place in capitals, a dash, the
/// month in capitals and the day, a colon ("HALVIK, NORWAY - MARCH 04: Crews …"). A dateline
/// of a report has the agency in brackets instead ("HALVIK, Norway (Reuters) -").
fn getty_style(t: &str) -> bool {
    let Some((head, _)) = t.split_once(": ") else {
        return false;
    };
    let Some((place, day)) = head.rsplit_once(" - ") else {
        return false;
    };
    let mut day_words = day.split_whitespace();
    let (Some(month), Some(number), None) = (day_words.next(), day_words.next(), day_words.next()) else {
        return false;
    };
    let capitals = |s: &str| s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase);
    place.contains(", ")
        && place.split_whitespace().count() <= 6
        && capitals(place)
        && capitals(month)
        && is_month(&month.trim_end_matches('.').to_lowercase())
        && (1..=2).contains(&number.len())
        && number.bytes().all(|b| b.is_ascii_digit())
}

/// The brackets that close `t` ("… (Jane Roe/PA)"): where the opening one stands, and what
/// they hold.
fn closing_brackets(t: &str) -> Option<(usize, &str)> {
    let t = t.strip_suffix(')')?;
    t.rfind('(').map(|at| (at, &t[at + 1..]))
}

/// What a caption opens on when it describes its picture (folded form): "A composite photo
/// of", "An aerial view shows", "In this handout image".
static PICTURE_KINDS: LazyLock<&[&str]> = LazyLock::new(|| phrases("picture-kinds"));
static PICTURE_MODIFIERS: LazyLock<&[&str]> = LazyLock::new(|| phrases("picture-modifiers"));
static PICTURE_VERBS: LazyLock<&[&str]> = LazyLock::new(|| phrases("picture-verbs"));

/// Whether a line opens by describing a picture: "A composite photo of ...", "An aerial view
/// shows ...", "In this handout photo ...". Prose that speaks of pictures ("Images of the
/// devastation showed ...") has no article before the picture's kind.
fn describes_picture(k: &str) -> bool {
    let mut words = k.split_whitespace().map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()));
    let first = words.next().unwrap_or("");
    let mut next = words.next().unwrap_or("");
    match first {
        "a" | "an" => {}
        "in" if next == "this" => next = words.next().unwrap_or(""),
        _ => return false,
    }
    if PICTURE_MODIFIERS.contains(&next) {
        next = words.next().unwrap_or("");
    }
    if !PICTURE_KINDS.contains(&next) {
        return false;
    }
    first == "in" || words.next().is_some_and(|w| PICTURE_VERBS.contains(&w))
}

/// Whether a sentence is a wire photo's caption: up to 60 words ending in the place and the
/// day the picture was taken ([`ends_in_picture_date`]).
pub(crate) fn is_wire_caption(text: &str) -> bool {
    text.split_whitespace().nth(60).is_none() && ends_in_picture_date(text)
}

/// Whether a line ends, as a wire photo's caption does, in the place and the day it was taken
/// after a comma: "... in London, Britain, July 5, 2024." A date after "on", or after a
/// weekday ("Thursday, March 28, 2024"), is prose or a dateline.
fn ends_in_picture_date(text: &str) -> bool {
    let t = text.trim_end().trim_end_matches('.');
    let words: Vec<&str> = t.split_whitespace().collect();
    let n = words.len();
    if n < 6 {
        return false;
    }
    let year = words[n - 1];
    let day = words[n - 2].trim_end_matches(',');
    let month = words[n - 3];
    let before = words[n - 4];
    year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && (1..=2).contains(&day.len())
        && day.bytes().all(|b| b.is_ascii_digit())
        && is_month(&month.trim_end_matches('.').to_lowercase())
        && before.ends_with(',')
        && !is_weekday(&before.trim_end_matches(',').to_lowercase())
}

/// Whether the text inside brackets credits a photo.
fn is_credit(inner: &str) -> bool {
    let k = key(inner);
    if k.is_empty() || word_count(&k) > 8 {
        return false;
    }
    if ["photo:", "photo by", "image:", "picture:", "credit:", "pictured", "photograph:"]
        .iter()
        .any(|p| k.starts_with(p))
    {
        return true;
    }
    // "Name/Agency", "AP Photo/Name": a slash with a credit word on either side.
    if let Some((left, right)) = k.rsplit_once('/') {
        let right = right.trim();
        let left = left.trim();
        // "Name/Yonhap via AP": a picture an agency passed on.
        let passed_on = right.rsplit_once(" via ").is_some_and(|(_, via)| CREDIT_WORDS.contains(&via.trim()));
        return CREDIT_WORDS.contains(&right)
            || CREDIT_WORDS.contains(&left)
            || passed_on
            || left.ends_with(" photo")
            || right.ends_with(" images")
            || inner.rsplit_once('/').is_some_and(|(_, r)| {
                r.trim().len() >= 2 && r.trim().chars().all(|c| c.is_ascii_uppercase())
            });
    }
    CREDIT_WORDS.contains(&k.as_str()) && inner.trim() != inner.trim().to_lowercase() && k.contains(' ')
}

/// How a call to follow, sign up or download begins (folded form).
static FOLLOW_VERBS: LazyLock<&[&str]> = LazyLock::new(|| phrases("follow-verbs"));
/// What a call to follow aims at, wherever it stands in the line (folded form).
static FOLLOW_AIMS: LazyLock<&[&str]> = LazyLock::new(|| phrases("follow-aims"));

/// An imperative aimed at the reader: "Follow for more updates on X", "Sign up to our
/// newsletter", "Download the app".
fn is_follow_prompt(k: &str) -> bool {
    static ELSEWHERE: LazyLock<&[&str]> = LazyLock::new(|| phrases("follow-elsewhere"));
    (opens_with_follow_verb(k) && FOLLOW_AIMS.iter().any(|a| format!(" {k} ").contains(a)))
        || ELSEWHERE.iter().any(|lead| k.starts_with(lead))
}

/// The longest clause of a prompt that follows a lead in the same line.
const PROMPT_CLAUSE: usize = 12;
/// The longest lead of a prompt's own that does not address the reader: a longer one is a
/// sentence of news, and the prompt after it (a line of news run together with "Follow … on
/// Twitter for more") is left with it rather than taking the news away.
const PROMPT_LEAD: usize = 8;

/// A line that leads in with a phrase of its own and then turns to the reader: "Know the news
/// with the Courier app: Download today", "Get top stories delivered to you every morning.
/// `>`Sign up for the Courier's newsletter." A later clause (after a full stop, a colon, `>`,
/// `|`, `!` or `?`) of at most [`PROMPT_CLAUSE`] words begins with a call to follow, the lead
/// before it is short ([`PROMPT_LEAD`]) or addresses the reader, and the line as a whole names
/// what to follow (an app, a newsletter, alerts…). The first clause is [`is_follow_prompt`]'s.
fn prompts_after_a_lead(k: &str) -> bool {
    let aimed = format!(" {k} ");
    if !FOLLOW_AIMS.iter().any(|a| aimed.contains(a)) {
        return false;
    }
    k.match_indices(['.', ':', '>', '|', '!', '?']).any(|(at, _)| {
        let (lead, clause) = (&k[..at], k[at + 1..].trim_start_matches(['.', ':', '>', '|', '!', '?', ' ']));
        // The lead is the prompt's own ("Know the news with the … app", "Get top stories
        // delivered to you"), not a sentence of news before it nor a list's number ("3. Get
        // support …").
        let own_lead = lead.contains(char::is_alphabetic)
            && (word_count(lead) <= PROMPT_LEAD || format!(" {lead} ").contains(" you "));
        own_lead && word_count(clause) <= PROMPT_CLAUSE && opens_with_follow_verb(clause)
    })
}

/// Whether `k` (folded) opens with a call to follow of the table, as a word of its own.
fn opens_with_follow_verb(k: &str) -> bool {
    FOLLOW_VERBS.iter().any(|v| k.starts_with(v) && k[v.len()..].starts_with([' ', ':']))
}

/// A promotion of the site's own products or an advertisement slot: short, no sentence, and
/// either a fixed slot label or an imperative addressed to "you" or about "our" products.
fn is_promo(k: &str, text: &str) -> bool {
    if matches!(
        k,
        "advertisement"
            | "advert"
            | "sponsored"
            | "sponsored content"
            | "promoted"
            | "ad"
            | "story continues below"
            | "story continues below advertisement"
            | "scroll to continue"
            | "partner content"
            | "paid content"
            | "skip advert"
            | "caption"
            | "close"
            | "open"
            | "expand"
            | "enlarge"
            | "next"
            | "previous"
            | "back to top"
            | "subscribe"
            | "sign up"
            | "log in"
            | "sign in"
    ) || NAVIGATION_ELSEWHERE.contains(&k)
        || SKIP_LINKS.contains(&k)
        || SLOTS_ELSEWHERE.contains(&k)
        || gallery_counter(k)
        || more_photos(k)
        || ["report an error", "report a typo", "report a correction"].iter().any(|e| k.ends_with(e))
        || site_navigation(k)
    {
        return true;
    }
    static VERBS: LazyLock<&[&str]> = LazyLock::new(|| phrases("promo-verbs"));
    let aimed = format!(" {k} ");
    let sentence = text.trim_end().ends_with(['.', '!', '?', '"', '”']);
    !sentence
        && VERBS.iter().any(|v| k.starts_with(v) && k[v.len()..].starts_with(' '))
        && [" our ", " you ", " your ", " for you "].iter().any(|a| aimed.contains(a))
}

/// How prompts to donate, subscribe past a paywall, accept an embed, or read more of the site
/// begin (folded form), and the disclosures of affiliate links.
static PROMPTS: LazyLock<&[&str]> = LazyLock::new(|| phrases("prompts"));

/// Advertisement slots and page furniture, mostly outside English (folded form): "Anzeige",
/// "Inhaltsverzeichnis", "Permalink", "Beitragsbild" (the featured image's label).
static SLOTS_ELSEWHERE: LazyLock<&[&str]> = LazyLock::new(|| phrases("slots-elsewhere"));

/// Links to neighbouring pages and the top of the page, outside English (folded form).
static NAVIGATION_ELSEWHERE: LazyLock<&[&str]> = LazyLock::new(|| phrases("navigation-elsewhere"));

/// A gallery's link to the rest of its pictures: "See 5 more photos", "View 12 more images".
fn more_photos(k: &str) -> bool {
    let words: Vec<&str> = k.split_whitespace().collect();
    words.windows(4).any(is_gallery_link)
}

/// Whether four words (any case) are a gallery's link: "See 5 more photos".
pub(crate) fn is_gallery_link(w: &[&str]) -> bool {
    let is = |w: &str, any: &[&str]| any.iter().any(|a| w.eq_ignore_ascii_case(a));
    w.len() == 4
        && is(w[0], &["see", "view"])
        && w[1].parse::<u32>().is_ok()
        && is(w[2], &["more"])
        && is(w[3], &["photos", "images", "pictures", "videos"])
}

/// A gallery's counter: "image 1 of 5", "photo 3 of / 12", "1 of 23".
fn gallery_counter(k: &str) -> bool {
    let words: Vec<&str> =
        k.split(|c: char| c.is_whitespace() || c == '/').filter(|w| !w.is_empty()).collect();
    let rest = match words.first() {
        Some(&("image" | "photo" | "picture" | "slide" | "foto" | "bild")) => &words[1..],
        _ => &words[..],
    };
    matches!(rest, [a, "of" | "von" | "de" | "sur", b] if a.parse::<u32>().is_ok() && b.parse::<u32>().is_ok())
}

/// Links to the neighbouring story: "next auto news", "previous article", "next story".
fn site_navigation(k: &str) -> bool {
    let words: Vec<&str> = k.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && matches!(words[0], "next" | "previous" | "prev" | "older" | "newer")
        && matches!(
            words[words.len() - 1],
            "news" | "article" | "story" | "post" | "entry" | "articles" | "stories" | "posts"
        )
}

/// The outlet named in a follow prompt or copyright line: "Follow for more updates on
/// Britannia Daily" → "Britannia Daily"; "© 2025 The Courier" → "The Courier".
pub(crate) fn outlet_in_prompt(text: &str) -> Option<String> {
    let t = text.trim().trim_end_matches(['.', '!', ':']);
    for lead in [
        " updates on ",
        " updates from ",
        " news from ",
        " news on ",
        " stories from ",
        " more from ",
        " more on ",
    ] {
        if let Some(at) = t.find(lead) {
            return name_like(&t[at + lead.len()..]);
        }
    }
    for lead in ["©", "Copyright", "(c)"] {
        if let Some(rest) = t.strip_prefix(lead) {
            let rest =
                rest.trim_start().trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == ' ');
            return name_like(rest.split(['.', '|']).next().unwrap_or(rest));
        }
    }
    None
}

/// `s` when it reads as a name: one to five capitalised words.
pub(crate) fn name_like(s: &str) -> Option<String> {
    let s = s.trim();
    if s.len() > 40 {
        return None;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let connector = |w: &&str| matches!(*w, "of" | "the" | "and" | "&" | "for" | "de" | "la" | "-" | "on");
    let ok = (1..=5).contains(&words.len())
        && words.first().is_some_and(capitalised)
        && words.iter().all(|w| capitalised(w) || connector(w))
        // A figure is not a name ("113.40" in a table of prices).
        && s.chars().any(char::is_alphabetic)
        && s.len() <= 40;
    ok.then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use parallax_model::RemovedKind::{self, *};

    use super::{classify, name_like, outlet_in_prompt};

    #[test]
    fn furniture_of_real_news_pages() {
        let cases: [(&str, RemovedKind); 17] = [
            ("date 2023-05-11", Timestamp),
            ("Updated, May 4: Changed headline, added the harbour master's apology.", Timestamp),
            ("Correction, Friday, May 5, 2023: An earlier version misstated the ferry's name.", Timestamp),
            ("This story has been updated with the coastguard's statement.", Timestamp),
            ("Published: 2023-05-11T08:30:00Z", Timestamp),
            ("Skip to content", Promo),
            ("Skip next section", Promo),
            ("Skip Navigation", Promo),
            ("Support truly", Promo),
            ("FILE PHOTO: A harbour crane stands idle in Rotterdam, Netherlands, May 3, 2021.", Caption),
            ("Photo by Anna Berg/UPI", ImageCredit),
            ("Photo by Kyodo News/EPA-EFE", ImageCredit),
            ("Mandatory credit Kyodo via REUTERS", ImageCredit),
            ("Sign up See 7 more photos Report an error", Promo),
            (
                "Cranes stand idle at the port of Halden on Monday, as dock workers strike for a third day over pay and hours. Photo by Anna Berg/UPI",
                Caption,
            ),
            (
                "A road cracked by the earthquake is seen in Halden, May 3, 2023, in this photo released by Kyodo. Mandatory credit Kyodo via REUTERS",
                Caption,
            ),
            ("NEW You can now listen to Harbour News articles!", Promo),
        ];
        for (line, kind) in cases {
            assert_eq!(classify(line), Some(kind), "{line}");
        }
        for line in [
            "Photo by photo, the exhibition retraces the port's history.",
            "The mayor wrote on X (@HaldenCity) that the port would reopen on May 3, 2023",
            "Skipping the vote, the council adjourned.",
            "UPDATED: Ferry death toll rises to 12 in Halden: coastguard",
            "Update on the ferry: the coastguard says 12 died.",
            "Updated at 17:18 JST: the ferry sank near Halden.",
        ] {
            assert_eq!(classify(line), None, "{line}");
        }
        // Inside a paragraph, prompts and link labels are chrome; a caption-like or dated
        // sentence is prose.
        assert!(crate::extract::is_chrome("Sign up See 7 more photos Report an error"));
        assert!(crate::extract::is_chrome("Get breaking news in your inbox."));
        assert!(crate::extract::is_chrome(
            "Harbour master Ole Berg speaks to reporters at the quay in Halvik, Norway, March 4 2025."
        ));
        assert!(!crate::extract::is_chrome("The harbour reopened in Halvik on March 4, 2025."));
        assert!(!crate::extract::is_chrome(
            "The ferry was carrying 212 people when it struck the pier on May 3, killing two."
        ));
        // Embedded posts stay in the body (as blocks of their own kind), told by their credit.
        for line in [
            "The port will reopen soon. https://t.co/AbCdEf123 — City of Halden (@HaldenCity) May 3, 2023",
            "Harbour News (@harbournews) 3 May 2023",
        ] {
            assert!(super::is_embed_credit(line), "{line}");
        }
        assert!(!super::is_embed_credit(
            "The mayor wrote on X (@HaldenCity) that the port would reopen on May 3, 2023"
        ));
    }

    #[test]
    fn related_headings_and_feedback_prompts_in_other_languages() {
        for line in [
            "Auch interessant",
            "À lire aussi",
            "Lo más leído",
            "Zum Weiterlesen:",
            "Ähnliche Artikel",
            "Похожие статьи",
            "Читайте также",
        ] {
            assert_eq!(classify(line), Some(Related), "{line}");
        }
        for line in
            ["War der Artikel nützlich?", "Möchten Sie den Artikel teilen?", "Was this article helpful?"]
        {
            assert_eq!(classify(line), Some(Share), "{line}");
        }
        for line in
            ["Aktualisiert: 03.04.2020, 14:05 Uhr", "Aktualisiert:", "Publié le 04.03.2026", "a minute ago"]
        {
            assert_eq!(classify(line), Some(Timestamp), "{line}");
        }
        for line in [
            "Lesen Sie auch die folgenden Beiträge:",
            "Das Thema könnte dich auch interessieren:",
            "Weitere Beiträge aus der Kolumne:",
        ] {
            assert_eq!(classify(line), Some(Related), "{line}");
        }
        for line in [
            "Keine Kommentare",
            "12 Kommentare",
            "Laisser un commentaire",
            "Keine Kommentare (Kommentare erscheinen nach Freigabe)",
        ] {
            assert_eq!(classify(line), Some(Comments), "{line}");
        }
        assert_eq!(classify("Publicado el 21 de abril de 2022 a las 22:04h"), Some(Timestamp));
        assert_eq!(classify("Aktualisiert am 3. März 2020"), Some(Timestamp));
        assert_eq!(
            super::byline_names("Von Max Mustermann und Erika Musterfrau"),
            ["Max Mustermann", "Erika Musterfrau"]
        );
        assert_eq!(super::byline_names("por Henry Montenegro"), ["Henry Montenegro"]);
        assert!(super::byline_names("Par ailleurs le ministre a parlé").is_empty());
        assert!(super::byline_names("Von der Leyen sagte am Montag").is_empty());
        assert_eq!(classify("Nach oben"), Some(Promo));
        assert_eq!(classify("- Anzeige -"), Some(Promo));
        assert_eq!(classify("Kontakt:"), Some(Promo));
        for line in [
            "Unterstütze RosaMag mit einer Spende!",
            "We may receive compensation when you click.",
            "Lust auf mehr?",
        ] {
            assert_eq!(classify(line), Some(Promo), "{line}");
        }
        assert_eq!(classify("Unterstützung kam vom Land, das die Kosten übernahm."), None);
        assert_eq!(classify("Release Date:"), Some(Timestamp));
        assert_eq!(classify("4 Min Read"), Some(Timestamp));
        assert_eq!(classify("Lesezeit: 3 Minuten"), Some(Timestamp));
        assert_eq!(classify("Auch lesen:"), Some(Related));
        assert_eq!(classify("Folge uns überall!"), Some(FollowPrompt));
        assert_eq!(classify("Teile diesen Beitrag auf"), Some(Share));
        assert_eq!(classify("Am Montag wurde der Hafen geschlossen."), None);
        // A name is not a label: "Mira" alone is left to the other rules.
        assert_ne!(classify("Mira"), Some(Related));
    }

    #[test]
    fn names_have_letters() {
        assert_eq!(name_like("9News Perth").as_deref(), Some("9News Perth"));
        assert_eq!(name_like("The Daily Star").as_deref(), Some("The Daily Star"));
        // Cells of a table of prices are not outlets.
        assert_eq!(name_like("113.40"), None);
        assert_eq!(name_like("-4.61"), None);
    }

    #[track_caller]
    fn check(text: &str, expect: Option<RemovedKind>) {
        assert_eq!(classify(text), expect, "{text:?}");
    }

    #[test]
    fn chrome_by_shape() {
        check("25 minutes ago", Some(Timestamp));
        check("Updated 2 hours ago", Some(Timestamp));
        check("3h ago", Some(Timestamp));
        check("Tuesday 19 August 2025 06:44 BST", Some(Timestamp));
        check("Published: 19/08/2025 14:05", Some(Timestamp));
        check("Date:2025-04-15 11:34:07", Some(Timestamp));
        check("Reading time: 4 minutes", Some(Timestamp));
        check("August 2025", Some(Timestamp));
        check("2019", Some(Timestamp));
        check("Comments", Some(Comments));
        check("No comments yet...", Some(Comments));
        check("12 comments", Some(Comments));
        check("Related Articles", Some(Related));
        check("More from Politics", Some(Related));
        check("Read more here", Some(ReadMore));
        check("Read more: Minister resigns over ferry report", Some(ReadMore));
        check("Lea más: Juez ordena nueva audiencia para el ministro", Some(ReadMore));
        check("LE PUEDE INTERESAR: La ficha del ministro en el tribunal", Some(ReadMore));
        check("MIRA: Así fue la llegada del ferry al puerto", Some(ReadMore));
        // A sentence that only starts with the same word is prose.
        check("Mira Sorvino said on Tuesday that the ferry had left at dawn.", None);
        check("VEA TAMBIÉN: El puerto reabre tras la colisión", Some(ReadMore));
        check("Lesen Sie auch: Fähre läuft vor Halvik auf Grund", Some(ReadMore));
        check("À lire aussi : Le port rouvre", Some(ReadMore));
        check("Related: the ferry was late, the crew said.", Some(ReadMore));
        check("Share this article", Some(Share));
        check("Share on Facebook | Twitter", Some(Share));
        check("Follow for more updates on The Courier", Some(FollowPrompt));
        check("Sign up to our morning newsletter", Some(FollowPrompt));
        // A call to follow after a lead of the site's own.
        check("Keep up with Halvik on the Courier app: Download it today", Some(FollowPrompt));
        check(
            "Get the harbour's top stories sent to you each morning. >Sign up for the Courier's \
             Morning Briefing newsletter.",
            Some(FollowPrompt),
        );
        // News that names an app or a newsletter, with no call to follow after it, is prose.
        check("The ferry company said its app: the booking system had failed for two hours.", None);
        check("Officials said updates would follow. Residents were told to stay indoors.", None);
        // A numbered step of an article is no prompt after a lead.
        check("3. Get our crew's rota ready before the winter season", None);
        // A sentence of news run together with a prompt stays: the unit is not cut.
        check(
            "In 2019 the ferry line carried 40,000 more passengers than its rival. Follow @Courier on \
             Twitter for more of this debate.",
            None,
        );
        check("Try Our AI Features", Some(Promo));
        check("Explore what Example AI can do for you:", Some(Promo));
        check("Advertisement", Some(Promo));
        check("Image 1 of / 5", Some(Promo));
        check("12 of 23", Some(Promo));
        check("- Next Auto News", Some(Promo));
        check("Previous article", Some(Promo));
        check("More Great Harbour Stories", Some(Related));
        check("Next, the crew checked the radar.", None);
        check("Image Credit (Shortened):", Some(ImageCredit));
        check("Photo: Jane Roe", Some(ImageCredit));
        check("A bridge at dusk – by J. Doe, public domain, via Wikimedia Commons.", Some(ImageCredit));
        check("* * *", Some(Promo));
        check("© 2026 Northern Ledger. All rights reserved", Some(Copyright));
        check("All rights reserved.", Some(Copyright));
        check("By Jane Roe, transport correspondent", Some(Byline));
        check("Reporting by Jane Roe; Editing by John Doe", Some(Byline));
    }

    #[test]
    fn page_furniture_by_its_first_words() {
        check("Kategorie: News, Wien", Some(Promo));
        check("Tags: ferry, harbour, fog", Some(Promo));
        check("zurück zur Listenansicht", Some(Promo));
        check("Back to news", Some(Promo));
        check("Retour à la liste", Some(Promo));
        check("Anzeige, enthält Affiliate Links", Some(Promo));
        check("ANZEIGE - Heute mal essen gehen? Wie wäre es mit:", Some(Promo));
        check("Telefon: +49 40 300 30 1141", Some(Promo));
        check("E-Mail: presse@example.org", Some(Promo));
        check("Kostenlos registrieren und weiterlesen", Some(Promo));
        check("Subscribe to continue reading", Some(Promo));
        check(
            "This post contains references to products from one or more of our advertisers. Terms apply.",
            Some(Promo),
        );
        check("We want to hear what you think about this article.", Some(Promo));
        check("Gefällt dir unser Magazin?", Some(Promo));
        check(
            "Gefällt dir unser Magazin? Wir haben entschieden, keine Bezahlschranke einzuführen, \
             und das bleibt so, denn wir möchten möglichst viele Leser erreichen. Dafür brauchen wir dich.",
            Some(Promo),
        );
        check("Wenn Ihnen unser Artikel gefallen hat: Unterstützen Sie diese Form des", Some(Promo));
        check(
            "Follow The Gazette on Twitter and Instagram @Gazette and on Facebook @TheGazette. Send us a \
             message on WhatsApp at 555 0100 or email us at news@example.org.",
            Some(FollowPrompt),
        );
        check("¡Mira lo que tiene nuestro canal de YouTube!", Some(FollowPrompt));
        check("¿Ya sabías que tenemos canal de Telegram? Únete desde tu celular.", Some(FollowPrompt));
        check("The minister said he would follow the rules Twitter set for all accounts.", None);
        check(
            "This entry was posted on Wednesday, November 27th, 2019 at 3:21 pm and is filed under News.",
            Some(Timestamp),
        );
        check("Freitag | 14. Juni 2019 | 15:49 | 0 Kommentare", Some(Timestamp));
        check("Home | Regional | Harbour", Some(Promo));
        check("Crédits photos : Bestimage", Some(ImageCredit));
        check("Permalien https://p.dw.com/p/RPYx", Some(Promo));
        check("Do you want to hear about our work? Sign up here", Some(Promo));
        check(
            "Warning: Creating default object from empty value in /var/www/site/index.php on line 12",
            Some(Promo),
        );
        check("Quelle: Landesregierung", Some(Byline));
        check("Source: Reuters", Some(Byline));
        assert!(super::byline_names("Quelle: dpa").is_empty());
        check("Warning: the bridge is closed until Friday, the council said.", None);
        check("The source: a leaked memo from the ministry, seen by this newspaper.", None);
        check("Foto: Jane Roe", Some(ImageCredit));
        // Prose with the same words is left alone.
        check("Back to the harbour went the crew, tired after the night.", None);
        check("Die Kategorie: eine Frage der Ordnung, sagte sie.", None);
        check("The ferry | the pier | the fog rolled in over the harbour at dawn.", None);
        check("Readers keep reading long stories when they are well told, the editor said.", None);
        check("Telefon: Das Gerät hat die Kommunikation verändert, schreibt der Autor.", None);
    }

    #[test]
    fn captions_by_credit() {
        check("The minister arrives at the summit (Jane Roe/PA)", Some(Caption));
        check("Rescue crews at the harbour (AP Photo/John Doe)", Some(Caption));
        check("Crowds gather outside (Photo: Reuters)", Some(Caption));
        check("Rescuers at work. Photograph: Jane Roe/Reuters", Some(Caption));
        check("Ferry in port (Jane Roe/MPA)", Some(Caption));
        check("Debris at the harbour on Sunday. (Ola Berg/Halvik Press via AP)", Some(Caption));
        check("(Ola Berg/Halvik Press via AP)", Some(ImageCredit));
        check("(AP Photo/John Doe).", Some(ImageCredit));
        check("[PA Media]", Some(ImageCredit));
        check("FILE- A harbour crane stands idle in Rotterdam, Netherlands, in May.", Some(Caption));
        check("File-sharing sites were down for an hour, the regulator said.", None);
        check("[The council voted 9 to 4]", None);
        check("(The council, which met on Tuesday, voted 9/4)", None);
        check("Crews at the quay in Halvik on March 4. PHOTO: REUTERS", Some(Caption));
        check("halvik-ferry-wreck.jpg", Some(ImageCredit));
        check("Halvik Courier logo", Some(ImageCredit));
        check("The ferry line unveiled a new logo.", None);
        check("The file was named wreck.jpg, the inquiry heard.", None);
        // A bare agency credit after the last sentence, on a picture of a day with its year.
        check("The harbour master speaks to reporters in Halvik on March 4, 2025. — AFP", Some(Caption));
        check("Crews lift the wreck at the quay in Halvik, Norway, March 4 2025. REUTERS", Some(Caption));
        check(
            "Ferry passengers wait at the quay on March 4, 2025, a day after the collision. PHOTO | AFP",
            Some(Caption),
        );
        // A wire brief ends in its credit too, but tells its day without the year.
        check("The ferry line resumed its crossings on Tuesday, the operator said. — AFP", None);
        // A picture agency's house style: the place and the day in capitals, a colon.
        check("HALVIK, NORWAY - MARCH 04: Crews lift the wreck of the ferry at the quay", Some(Caption));
        check("HALVIK, Norway (Reuters) - Crews lifted the wreck of the ferry on Tuesday.", None);
    }

    #[test]
    fn captions_by_their_shape() {
        check("A composite photo of Chief Officer Ana Lind, left, and Captain Ole Berg.", Some(Caption));
        check("An aerial view shows flooded streets in Halvik, Norway.", Some(Caption));
        check("In this handout image, crews lift the wreck.", Some(Caption));
        check(
            "Harbour master Ole Berg speaks to reporters at the quay in Halvik, Norway, March 4, 2025.",
            Some(Caption),
        );
        check("Harbour master Ole Berg spoke to reporters in Halvik on March 4, 2025.", None);
        check("The talks ended in Geneva, Thursday, March 28, 2025.", None);
        check("Images of the flooded streets showed cars piled against the walls.", None);
        check("A view held by many in the port is that the ferry was overloaded.", None);
    }

    #[test]
    fn article_text_is_left_alone() {
        check("The Prime Minister said talks would start on Tuesday.", None);
        check("Trump Announces Historic Meeting Plans", None);
        check("Follow the money", None);
        check("He said the war would end (eventually).", None);
        check("Next Steps and Challenges", None);
        check("Get ready for a long winter, the forecaster warned.", None);
        check("Comments from the minister drew criticism across parties.", None);
        check("In 1994, the treaty was signed.", None);
        check("Related to the talks, the minister said more.", None);
        check("Talks resume on 19 August 2025 in Geneva", None);
        check("By Tuesday the talks had collapsed.", None);
        check("By the numbers", None);
        check("By land and sea", None);
        // A table's cells: a number of four digits is a year only where a year can be.
        check("5040", None);
        check("1.25", None);
    }

    #[test]
    fn names_in_bylines() {
        assert_eq!(
            super::byline_names("By Jane Roe and John Doe, political staff"),
            ["Jane Roe", "John Doe"]
        );
        assert_eq!(
            super::byline_names("Reporting by Jane Roe; Editing by John Doe"),
            ["Jane Roe", "John Doe"]
        );
        assert!(super::byline_names("By the numbers").is_empty());
    }

    #[test]
    fn outlets_named_in_prompts() {
        assert_eq!(
            outlet_in_prompt("Follow for more updates on The Harbour Gazette"),
            Some("The Harbour Gazette".into())
        );
        assert_eq!(
            outlet_in_prompt("© 2026 Northern Ledger. All rights reserved"),
            Some("Northern Ledger".into())
        );
        assert_eq!(outlet_in_prompt("Follow for more updates on what happens next in the case"), None);
    }
}
