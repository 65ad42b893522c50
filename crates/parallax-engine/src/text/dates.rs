//! Dates as feeds, exports and page metadata write them.

use jiff::civil::Date;

use super::calendar::month_number;

/// A publication date from the forms feeds and exports use: `2025-08-19`, RFC 3339
/// (`2025-08-19T10:00:00Z`, the date as written in its own offset), RFC 2822
/// (`Tue, 19 Aug 2025 10:00:00 +0000`).
///
/// ```
/// use parallax_engine::text::parse_date;
/// let d = jiff::civil::date(2025, 8, 19);
/// assert_eq!(parse_date("2025-08-19"), Some(d));
/// assert_eq!(parse_date("2025-08-19T23:30:00-04:00"), Some(d));
/// assert_eq!(parse_date("Tue, 19 Aug 2025 10:00:00 +0000"), Some(d));
/// assert_eq!(parse_date("yesterday"), None);
/// ```
pub fn parse_date(raw: &str) -> Option<Date> {
    let raw = raw.trim();
    if let Some(head) = raw.get(..10)
        && let Ok(date) = head.parse::<Date>()
    {
        let rest = &raw[10..];
        if rest.is_empty() || rest.starts_with(['T', 't', ' ']) {
            return Some(date);
        }
    }
    jiff::fmt::rfc2822::parse(raw).ok().map(|z| z.date())
}

/// The first full date written in a line of text, as datelines and "Published" lines write
/// it: `19 August 2025`, `19th Aug. 2025`, `August 19, 2025`, `2025-08-19`, or a numeric
/// `19/08/2025` or `08.19.2025` when the day cannot be mistaken for the month (a date such
/// as `04/03/2026` is read both ways around the world, so it is not read).
///
/// ```
/// use parallax_engine::text::written_date;
/// let d = jiff::civil::date(2025, 8, 19);
/// assert_eq!(written_date("Published: Tuesday 19 August 2025 06:44 BST"), Some(d));
/// assert_eq!(written_date("Updated Aug. 19, 2025 at 10:00 a.m."), Some(d));
/// assert_eq!(written_date("Last modified on 19/08/2025"), Some(d));
/// assert_eq!(written_date("04/03/2026"), None);
/// assert_eq!(written_date("In March, 2025 was"), None);
/// ```
pub fn written_date(line: &str) -> Option<Date> {
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_matches(|c: char| matches!(c, '(' | ')' | ':' | ';' | '|')))
        .collect();
    for (i, w) in words.iter().enumerate() {
        if let Some(date) = numeric_date(w) {
            return Some(date);
        }
        let Some(month) = month_number(w) else { continue };
        let year_at = |j: usize| words.get(j).and_then(|y| year(y));
        // "19 August 2025"
        if i > 0
            && let Some(day) = day_number(words[i - 1])
            && let Some(y) = year_at(i + 1)
            && let Ok(date) = Date::new(y, month, day)
        {
            return Some(date);
        }
        // "August 19, 2025"
        if let Some(day) = words.get(i + 1).and_then(|d| day_number(d))
            && let Some(y) = year_at(i + 2)
            && let Ok(date) = Date::new(y, month, day)
        {
            return Some(date);
        }
    }
    None
}

/// The publication date a URL's path carries: `/2025/08/19/`, `/2025-08-19-`, `/20250819/`.
///
/// ```
/// use parallax_engine::text::url_date;
/// let d = jiff::civil::date(2025, 8, 19);
/// assert_eq!(url_date("https://news.example/world/2025/08/19/summit-ends"), Some(d));
/// assert_eq!(url_date("https://news.example/2025-08-19-summit.html"), Some(d));
/// assert_eq!(url_date("https://news.example/a/20250819/summit"), Some(d));
/// assert_eq!(url_date("https://news.example/2025/08/summit"), None);
/// assert_eq!(url_date("https://news.example/story/12345678901"), None);
/// ```
pub fn url_date(url: &str) -> Option<Date> {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("", |at| &after_scheme[at..]);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    // Runs of digits with the one character before each run.
    let mut runs: Vec<(usize, &str)> = Vec::new();
    let bytes = path.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            runs.push((start, &path[start..i]));
        } else {
            i += 1;
        }
    }
    let plausible = |y: i16| (1990..=2100).contains(&y);
    for (n, &(start, run)) in runs.iter().enumerate() {
        let sep_before = start == 0 || matches!(bytes[start - 1], b'/' | b'-' | b'_' | b'.');
        if !sep_before {
            continue;
        }
        if run.len() == 8 {
            let (y, m, d) = (run[..4].parse().ok()?, run[4..6].parse().ok()?, run[6..].parse().ok()?);
            if plausible(y)
                && let Ok(date) = Date::new(y, m, d)
            {
                return Some(date);
            }
        }
        if run.len() != 4 {
            continue;
        }
        let Ok(y) = run.parse::<i16>() else { continue };
        if !plausible(y) {
            continue;
        }
        let (Some(&(ms, m)), Some(&(ds, d))) = (runs.get(n + 1), runs.get(n + 2)) else { continue };
        // Year, month and day one separator apart, and nothing but a separator after the day.
        let joined = |a: usize, b: usize| b == a + 1 && matches!(bytes[a], b'/' | b'-' | b'_' | b'.');
        let end = ds + d.len();
        let ends = end == bytes.len() || matches!(bytes[end], b'/' | b'-' | b'_' | b'.');
        if m.len() <= 2
            && d.len() <= 2
            && joined(start + 4, ms)
            && joined(ms + m.len(), ds)
            && ends
            && let (Ok(m), Ok(d)) = (m.parse::<i8>(), d.parse::<i8>())
            && let Ok(date) = Date::new(y, m, d)
        {
            return Some(date);
        }
    }
    None
}

/// `19`, `19th`, `1st` as a day of the month.
pub(crate) fn day_number(word: &str) -> Option<i8> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
    let suffix = &word[digits.len()..].trim_end_matches('.');
    if digits.is_empty() || digits.len() > 2 || !matches!(*suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A four-digit year, from 1900 to 2199.
pub(crate) fn year(word: &str) -> Option<i16> {
    let w = word.trim_end_matches('.');
    if w.len() != 4 {
        return None;
    }
    w.parse().ok().filter(|y| (1900..2200).contains(y))
}

/// `2025-08-19`, or `19/08/2025`, `19.08.2025`, `08/19/2025` when only one reading is a date.
fn numeric_date(word: &str) -> Option<Date> {
    if let Some(head) = word.get(..10)
        && let Ok(date) = head.parse::<Date>()
        && word[10..].chars().next().is_none_or(|c| !c.is_ascii_digit())
    {
        return Some(date);
    }
    let parts: Vec<&str> = word.split(['/', '.']).collect();
    let [a, b, y] = parts[..] else { return None };
    let y = year(y)?;
    let (a, b): (i8, i8) = (a.parse().ok()?, b.parse().ok()?);
    if a.max(b) > 31 || a < 1 || b < 1 {
        return None;
    }
    match (a > 12, b > 12) {
        (true, false) => Date::new(y, b, a).ok(),
        (false, true) => Date::new(y, a, b).ok(),
        // Both readings possible (or equal: 05/05): only the same day either way is safe.
        (false, false) if a == b => Date::new(y, a, b).ok(),
        _ => None,
    }
}
