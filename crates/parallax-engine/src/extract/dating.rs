//! When an article was published and updated, and its language: from the container, the
//! page's metadata, its URL, or a visible dateline; never a date after today. The language
//! read from the text (whatlang's trigram profiles, built into the crate), else as the
//! markup declares it.

use jiff::civil::Date;
use parallax_model::{Removed, RemovedKind};

use crate::text::{is_function_key, stem_key, url_date, written_date};

/// The publication and update dates of a page's own article.
///
/// `given` is the container's or the page metadata's date; then the URL's; then the page's
/// first `<time datetime>`; then a visible dateline among the removed timestamp and byline
/// lines ("Published 19 August 2025"); then `default`. An update comes from the metadata or an "Updated ..." line, and is kept
/// only when it is after the publication date. Dates after `today` are never used.
pub(super) fn dates(
    given: Option<Date>,
    given_updated: Option<Date>,
    url: Option<&str>,
    time: Option<Date>,
    removed: &[Removed],
    default: Option<Date>,
    today: Option<Date>,
) -> (Option<Date>, Option<Date>) {
    let past = |d: Option<Date>| d.filter(|d| today.is_none_or(|t| *d <= t));
    let mut line_published = None;
    let mut line_updated = None;
    for r in removed.iter().filter(|r| matches!(r.kind, RemovedKind::Timestamp | RemovedKind::Byline)) {
        let Some(date) = written_date(&r.text) else { continue };
        let lower = r.text.to_lowercase();
        let update = ["updated", "modified", "last edited"].iter().any(|w| {
            lower
                .find(w)
                .is_some_and(|at| at < lower.find(|c: char| c.is_ascii_digit()).unwrap_or(usize::MAX))
        });
        let slot = if update { &mut line_updated } else { &mut line_published };
        *slot = slot.or(Some(date));
    }
    let published = past(given)
        .or_else(|| past(url.and_then(url_date)))
        .or_else(|| past(time))
        .or_else(|| past(line_published))
        .or_else(|| past(default));
    let updated =
        past(given_updated).or_else(|| past(line_updated)).filter(|u| published.is_some_and(|p| *u > p));
    (published, updated)
}

/// A language tag reduced to its primary subtag: `en-GB`, `en_US` → `en`.
pub(super) fn primary_tag(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    (2..=3).contains(&primary.len()).then_some(primary).filter(|p| p.chars().all(|c| c.is_ascii_lowercase()))
}

/// The language of `text`, when the writing says it clearly enough (a few sentences).
pub(super) fn detect_language(text: &str) -> Option<String> {
    // A hundred words or so decide it; more only costs time.
    let mut end = text.len().min(640);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    // English, the commonest case, is told at a glance by its function words ("the", "of",
    // "and"), which make up a third of English prose and almost none of other languages';
    // the trigram detector is for the rest.
    let words: Vec<&str> = head.split_whitespace().take(80).collect();
    if words.len() >= 20 {
        let english = words.iter().filter(|w| is_function_key(stem_key(w))).count();
        if english * 4 >= words.len() {
            return Some("en".to_string());
        }
    }
    let info = whatlang::detect(head)?;
    if !info.is_reliable() {
        return None;
    }
    let code = info.lang().code();
    Some(two_letter(code).unwrap_or(code).to_string())
}

/// The ISO 639-1 code of an ISO 639-3 code, for the languages that have one.
fn two_letter(code: &str) -> Option<&'static str> {
    Some(match code {
        "eng" => "en",
        "deu" => "de",
        "fra" => "fr",
        "spa" => "es",
        "ita" => "it",
        "por" => "pt",
        "nld" => "nl",
        "swe" => "sv",
        "dan" => "da",
        "nob" => "nb",
        "fin" => "fi",
        "pol" => "pl",
        "ces" => "cs",
        "slk" => "sk",
        "slv" => "sl",
        "hrv" => "hr",
        "srp" => "sr",
        "bul" => "bg",
        "ron" => "ro",
        "hun" => "hu",
        "ell" => "el",
        "rus" => "ru",
        "ukr" => "uk",
        "bel" => "be",
        "lit" => "lt",
        "lav" => "lv",
        "est" => "et",
        "tur" => "tr",
        "ara" => "ar",
        "heb" => "he",
        "pes" => "fa",
        "urd" => "ur",
        "hin" => "hi",
        "ben" => "bn",
        "tam" => "ta",
        "jpn" => "ja",
        "kor" => "ko",
        "cmn" => "zh",
        "vie" => "vi",
        "tha" => "th",
        "ind" => "id",
        "cat" => "ca",
        "epo" => "eo",
        "afr" => "af",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;
    use parallax_model::{Removed, RemovedKind, Span};

    use super::{dates, detect_language, primary_tag};

    fn line(kind: RemovedKind, text: &str) -> Removed {
        Removed { kind, span: Span::new(0, 0), text: text.to_string() }
    }

    #[test]
    fn dates_in_order_of_trust() {
        let today = Some(date(2026, 3, 10));
        let given = Some(date(2026, 3, 4));
        let url = "https://news.example/2026/03/02/ferry";
        let lines = [
            line(RemovedKind::Timestamp, "Published 3 March 2026"),
            line(RemovedKind::Timestamp, "Updated 5 March 2026, 10:02"),
        ];
        assert_eq!(dates(given, None, Some(url), None, &lines, None, today).0, given);
        assert_eq!(dates(None, None, Some(url), None, &lines, None, today).0, Some(date(2026, 3, 2)));
        let (p, u) = dates(None, None, None, None, &lines, None, today);
        assert_eq!((p, u), (Some(date(2026, 3, 3)), Some(date(2026, 3, 5))));
        // A date after today is never taken; the next source is.
        let future = Some(date(2027, 1, 1));
        assert_eq!(dates(future, None, None, None, &[], given, today).0, given);
        // An update on or before publication is not an update.
        assert_eq!(dates(given, Some(date(2026, 3, 1)), None, None, &[], None, today).1, None);
    }

    #[test]
    fn languages() {
        assert_eq!(primary_tag("en-GB").as_deref(), Some("en"));
        assert_eq!(primary_tag("pt_BR").as_deref(), Some("pt"));
        assert_eq!(primary_tag("").as_deref(), None);
        let german = "Die Fähre lief am Dienstag vor der Küste auf Grund. Nach Angaben der Polizei \
                      wurden vierzehn Menschen verletzt, die meisten von ihnen nur leicht.";
        assert_eq!(detect_language(german).as_deref(), Some("de"));
        let english = "The ferry ran aground off the coast on Tuesday. Police said fourteen people \
                       were injured, most of them only lightly.";
        assert_eq!(detect_language(english).as_deref(), Some("en"));
    }
}
