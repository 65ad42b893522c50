//! Time expressions in a sentence, resolved against the publication date: explicit dates
//! ("15 August 2025", "August 15", "Friday, 15 August"), weekdays ("on Monday", "on Tuesday
//! morning", "last Friday"), "yesterday", "today", months with years ("February 2022"), years
//! ("in 1994", "since 2014"), "N years ago", "N days ago", "last week" / "this week" / "next
//! week" (an ISO 8601 week interval, `2025-08-11/P1W`), and "N days after" / "N days later",
//! counted from the last day-precise date before it in the document.
//!
//! [`implied_date`] reads a document's own date from its text when no publication date is
//! given: a full date whose weekday agrees ("Tuesday 19 August 2025").

use jiff::civil::{Date, Weekday};

use super::lexicon::{is_background_preposition, is_comparison_word, is_happening, is_not_superlative};
use crate::text::{day_number, month_number, year};

/// How precise a date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Precision {
    Year,
    Month,
    Week,
    Day,
}

/// A resolved time expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct When {
    pub(crate) date: Date,
    pub(crate) precision: Precision,
    /// It dates a happening the sentence names as background, after a preposition
    /// ("following Monday's quake", "in the wake of the outage last week"), not what the
    /// sentence reports.
    pub(crate) backdrop: bool,
}

impl When {
    fn new(date: Date, precision: Precision) -> When {
        When { date, precision, backdrop: false }
    }

    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub(crate) fn label(self) -> String {
        match self.precision {
            Precision::Day => self.date.to_string(),
            Precision::Week => format!("{}/P1W", self.date),
            Precision::Month => format!("{:04}-{:02}", self.date.year(), self.date.month()),
            Precision::Year => format!("{:04}", self.date.year()),
        }
    }
}

/// The day of the week a capitalised full name gives ("Friday").
pub(crate) fn weekday(w: &str) -> Option<Weekday> {
    w.starts_with(|c: char| c.is_uppercase()).then(|| crate::text::weekday_name(w)).flatten()
}

/// A count written as a numeral or a word: "3", "three".
fn count(w: &str) -> Option<i16> {
    w.parse::<i16>().ok().filter(|n| (1..=400).contains(n)).or(match w.to_lowercase().as_str() {
        "one" | "a" => Some(1),
        "two" => Some(2),
        "three" => Some(3),
        "four" => Some(4),
        "five" => Some(5),
        "six" => Some(6),
        "seven" => Some(7),
        "eight" => Some(8),
        "nine" => Some(9),
        "ten" => Some(10),
        _ => None,
    })
}

/// The Monday of the week that holds `d`.
fn monday(d: Date) -> Option<Date> {
    d.checked_sub(jiff::Span::new().days(i64::from(d.weekday().to_monday_zero_offset()))).ok()
}

/// Where a dateline that carries a date ends: "April 6 (UPI) — …", "BALTIMORE, April 6 (UPI)
/// -- …", "Jan. 30 (Reuters) - …": a date, an agency in brackets and a dash within the first
/// 60 bytes. 0 when the sentence opens with none.
fn dateline_end(sentence: &str) -> usize {
    // A char search first: most sentences hold no bracket at all.
    let Some(open) = sentence
        .get(..sentence.len().min(60))
        .and_then(|head| head.find('('))
        .filter(|&at| at > 0 && sentence.as_bytes()[at - 1] == b' ')
        .map(|at| at - 1)
    else {
        return 0;
    };
    let Some(close) = sentence[open..].find(')').map(|k| open + k) else { return 0 };
    let agency = &sentence[open + 2..close];
    let after = sentence[close + 1..].trim_start();
    let dash = after.strip_prefix("--").or_else(|| after.strip_prefix(['—', '–', '-']));
    let before = &sentence[..open];
    let dated = before
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .any(|w| month_number(w.trim_end_matches('.')).is_some());
    match dash {
        Some(rest)
            if dated
                && (1..=12).contains(&agency.len())
                && agency.chars().next().is_some_and(char::is_uppercase)
                && !agency.contains(char::is_whitespace) =>
        {
            sentence.len() - rest.trim_start().len()
        }
        _ => 0,
    }
}

/// The time expressions of `sentence`, each resolved against `published` where it needs it,
/// and "N days after" against `anchor` (the last day-precise date before the sentence).
/// `borrowed`, when `published` is not the document's own day but one the set lends it (the
/// day of the report most like it, `facts::set_days`), is the set's first day: the report may
/// be of days later, so a weekday it names that would fall before the set's first report is
/// the one after ("late Sunday" in an undated report like one of Friday's, in a set that
/// starts that Friday, is the Sunday after).
pub(crate) fn dates(
    sentence: &str,
    published: Option<Date>,
    anchor: Option<Date>,
    borrowed: Option<Date>,
) -> Vec<When> {
    // A dateline's date is the day the copy was filed, not a day something happened.
    let sentence = &sentence[dateline_end(sentence)..];
    let tokens: Vec<&str> = sentence
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | '“' | '”' | '"'))
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches(['.', ';', ':', '’', '\'']))
        .collect();
    let words: Vec<&str> = tokens.iter().map(|w| crate::text::without_possessive(w)).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let year_num = |s: Option<&&str>| s.and_then(|s| year(s));
        // The weekday written beside a day and month with no year ("Tuesday, Jan. 14",
        // "October 31 (Thursday)"), which says its year.
        let named_weekday = |after: usize| {
            i.checked_sub(1)
                .and_then(|k| weekday(words[k]))
                .or_else(|| words.get(after).and_then(|n| weekday(n)))
        };
        // "15 August 2025", "15 August"
        if let (Some(d), Some(m)) = (day_number(w), words.get(i + 1).and_then(|n| month_number(n))) {
            let y = year_num(words.get(i + 2));
            if let Some(date) = full_date(y, m, d, published, named_weekday(i + 2)) {
                out.push(When::new(date, Precision::Day));
                i += date_words(y, words.get(i + 2));
                continue;
            }
        }
        // "August 15, 2025", "August 15", "February 2022"
        if let Some(m) = month_number(w).filter(|_| w.chars().next().is_some_and(char::is_uppercase)) {
            if let Some(d) = words.get(i + 1).and_then(|n| day_number(n)) {
                let y = year_num(words.get(i + 2));
                if let Some(date) = full_date(y, m, d, published, named_weekday(i + 2)) {
                    out.push(When::new(date, Precision::Day));
                    i += date_words(y, words.get(i + 2));
                    continue;
                }
            }
            if let Some(y) = year_num(words.get(i + 1))
                && let Ok(date) = Date::new(y, m, 1)
            {
                out.push(When::new(date, Precision::Month));
                i += 2;
                continue;
            }
        }
        // Weekdays: "on Monday", "last Friday"; the most recent such day on or before publication.
        if let (Some(day), Some(p)) = (weekday(w), published) {
            let before = i.checked_sub(1).map(|k| words[k].to_lowercase());
            let explicit_date_follows = words.get(i + 1).is_some_and(|n| day_number(n).is_some())
                || words.get(i + 1).and_then(|n| month_number(n)).is_some();
            if !explicit_date_follows {
                // "until Friday", "by Friday", "next Friday" look forward, and so does a weekday
                // after a future tense in its clause ("the route will reopen on Saturday", but not
                // "said on Monday it would"); "on Friday", "last Friday" look back, as news
                // reports past events.
                let future = words[..i]
                    .iter()
                    .rev()
                    .take_while(|w| {
                        !matches!(w.to_lowercase().as_str(), "said" | "says" | "told" | "announced" | "last")
                    })
                    .any(|w| {
                        matches!(
                            w.to_lowercase().as_str(),
                            "will"
                                | "would"
                                | "shall"
                                | "due"
                                | "scheduled"
                                | "expected"
                                | "plans"
                                | "planned"
                                | "set"
                        ) || w.ends_with("'ll")
                            || w.ends_with("’ll")
                    });
                let explicit = matches!(before.as_deref(), Some("next" | "until" | "till" | "by" | "before"));
                let forward = future || explicit;
                // A lent day may be a day or two off the report's own: a weekday its future
                // tense points at is the nearest such day, back as well as forward, that the
                // set reaches ("is expected to name her ministers on Friday", in an undated
                // report lent the Saturday, is that Friday, not the next).
                let nearer_back = |ahead: Date| {
                    let first = borrowed.filter(|_| !explicit)?;
                    let back = last_weekday(p, day).filter(|d| *d >= first)?;
                    (p.since(back).ok()?.get_days() < ahead.since(p).ok()?.get_days()).then_some(back)
                };
                let date = if forward {
                    next_weekday(p, day, !explicit).map(|ahead| nearer_back(ahead).unwrap_or(ahead))
                } else if let Some(first) = borrowed
                    && before.as_deref() != Some("last")
                    && last_weekday(p, day).is_some_and(|d| d < first)
                {
                    next_weekday(p, day, true)
                } else {
                    last_weekday(p, day)
                };
                if let Some(date) = date {
                    out.push(When {
                        backdrop: backdrop(&words, &tokens, i, 1),
                        ..When::new(date, Precision::Day)
                    });
                }
            }
            i += 1;
            continue;
        }
        // "three days after", "two days later": from the anchor.
        if let (Some(n), Some(unit), Some(rel)) = (count(w), words.get(i + 1), words.get(i + 2))
            && unit.starts_with("day")
            // "a day later than planned" compares; it dates nothing.
            && words.get(i + 3).is_none_or(|t| !t.eq_ignore_ascii_case("than"))
        {
            let rel = rel.to_lowercase();
            let base = match rel.as_str() {
                "after" | "later" | "earlier" | "before" => anchor,
                "ago" => published,
                _ => None,
            };
            let days = if matches!(rel.as_str(), "earlier" | "before" | "ago") { -n } else { n };
            if let Some(b) = base
                && let Ok(date) = b.checked_add(jiff::Span::new().days(i64::from(days)))
            {
                out.push(When::new(date, Precision::Day));
                i += 3;
                continue;
            }
        }
        // "last week", "this week", "next week".
        if let (Some(p), Some(next)) = (published, words.get(i + 1))
            && next.eq_ignore_ascii_case("week")
            && let Some(shift) = match w.to_lowercase().as_str() {
                "last" => Some(-7),
                "this" => Some(0),
                "next" => Some(7),
                _ => None,
            }
            && let Some(date) = monday(p).and_then(|m| m.checked_add(jiff::Span::new().days(shift)).ok())
        {
            out.push(When { backdrop: backdrop(&words, &tokens, i, 2), ..When::new(date, Precision::Week) });
            i += 2;
            continue;
        }
        if let Some(p) = published {
            match w.to_lowercase().as_str() {
                "yesterday" => {
                    if let Ok(date) = p.yesterday() {
                        out.push(When::new(date, Precision::Day));
                    }
                }
                "today" | "tonight" => out.push(When::new(p, Precision::Day)),
                _ => {}
            }
            // "12 years ago"
            if let (Ok(n), Some(&unit), Some(&"ago")) = (w.parse::<i16>(), words.get(i + 1), words.get(i + 2))
                && unit.starts_with("year")
                && let Ok(date) = Date::new(p.year() - n, 1, 1)
            {
                out.push(When::new(date, Precision::Year));
                i += 3;
                continue;
            }
        }
        // "in 1994", "since 2014", "after 2022"; not the year a comparison runs from.
        if let Some(y) = year_num(Some(&w))
            && i > 0
            && matches!(
                words[i - 1].to_lowercase().as_str(),
                "in" | "since" | "after" | "before" | "until" | "by" | "from" | "of"
            )
            && !compared_since(&words, i - 1)
            && let Ok(date) = Date::new(y, 1, 1)
        {
            out.push(When::new(date, Precision::Year));
        }
        i += 1;
    }
    out
}

/// Whether `words[since]` is a "since" that opens the start of a comparison: a superlative or
/// a word of the table `comparisons` stands within eight words before it ("the lowest turnout
/// since 1945", "the first Labour prime minister since 2010"). The year dates nothing the
/// sentence reports; "Russia has held Crimea since 2014" keeps its year.
fn compared_since(words: &[&str], since: usize) -> bool {
    if !words[since].eq_ignore_ascii_case("since") {
        return false;
    }
    words[since.saturating_sub(8)..since].iter().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        let superlative = w.len() >= 6 && w.ends_with("est") && !is_not_superlative(&w);
        superlative || is_comparison_word(&w)
    })
}

/// Whether the date at `words[at..at + len]` dates a happening the sentence names as
/// background: written with a noun of the table `happenings` ("Monday's deadly quake", "the
/// outage last week", "the collision late Wednesday") that follows a preposition of the table
/// `background-prepositions` within three words ("following Monday's deadly quake", "in the wake of the CrowdStrike outage last
/// week"). A happening that is the subject ("The crash on Sunday killed 179") is what the
/// sentence reports.
fn backdrop(words: &[&str], tokens: &[&str], at: usize, len: usize) -> bool {
    let lower = |k: usize| words[k].to_lowercase();
    let last = at + len - 1;
    // Where the happening's phrase starts: at the date written as its owner ("Monday's
    // quake"), else at the noun written before the date and the words that join them.
    let owner = tokens.get(last).is_some_and(|w| crate::text::is_possessive_form(w));
    let start = if owner {
        (last + 1..words.len().min(last + 3)).any(|k| is_happening(&lower(k))).then_some(at)
    } else {
        let mut k = at;
        while k > 0 && matches!(lower(k - 1).as_str(), "on" | "early" | "late" | "last") {
            k -= 1;
        }
        k.checked_sub(1).filter(|&n| is_happening(&lower(n)))
    };
    start.is_some_and(|start| (start.saturating_sub(3)..start).any(|k| is_background_preposition(&lower(k))))
}

/// How many words a day and month take (`year` the year read after them, `next` the word
/// after them): the year, or a weekday written after the date ("October 31 (Thursday)"),
/// belongs to it.
fn date_words(year: Option<i16>, next: Option<&&str>) -> usize {
    if year.is_some() || next.is_some_and(|n| weekday(n).is_some()) { 3 } else { 2 }
}

/// A day and month with the year given; else, when a weekday is written beside it, the year
/// of publication, the one before or the one after that puts it on that weekday (a page
/// updated the day after its date: "On Tuesday, Jan. 14" on a page of 13 January); else the
/// year that puts it on or before publication.
fn full_date(
    year: Option<i16>,
    month: i8,
    day: i8,
    published: Option<Date>,
    named: Option<Weekday>,
) -> Option<Date> {
    match (year, published) {
        (Some(y), _) => Date::new(y, month, day).ok(),
        (None, Some(p))
            if let Some(w) = named
                && let Some(date) = [p.year(), p.year() - 1, p.year() + 1]
                    .into_iter()
                    .filter_map(|y| Date::new(y, month, day).ok())
                    .find(|d| d.weekday() == w) =>
        {
            Some(date)
        }
        (None, Some(p)) => {
            let this = Date::new(p.year(), month, day).ok()?;
            if this <= p { Some(this) } else { Date::new(p.year() - 1, month, day).ok() }
        }
        (None, None) => None,
    }
}

fn last_weekday(from: Date, day: Weekday) -> Option<Date> {
    let back = (from.weekday().to_monday_zero_offset() - day.to_monday_zero_offset()).rem_euclid(7);
    from.checked_sub(jiff::Span::new().days(i64::from(back))).ok()
}

/// The next `day` after `from`, or `from` itself when `today_counts` ("will reopen on
/// Wednesday", written on a Wednesday, is that day; "next Wednesday" is a week on).
fn next_weekday(from: Date, day: Weekday, today_counts: bool) -> Option<Date> {
    let ahead = (day.to_monday_zero_offset() - from.weekday().to_monday_zero_offset()).rem_euclid(7);
    let ahead = if ahead == 0 && !today_counts { 7 } else { ahead };
    from.checked_add(jiff::Span::new().days(i64::from(ahead))).ok()
}

/// The date a document's text gives itself: the latest full date written with a weekday that
/// agrees with it ("Tuesday 19 August 2025", "Tuesday, August 19, 2025").
pub(crate) fn implied_date<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<Date> {
    let mut best: Option<Date> = None;
    for text in texts {
        let words: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .map(|w| w.trim_end_matches(['.', ';', ':']))
            .collect();
        for (i, w) in words.iter().enumerate() {
            let Some(day_of_week) = weekday(w) else { continue };
            // The date written after it, read by the same rules as any date (a full date needs
            // no publication date).
            let after = words[i + 1..words.len().min(i + 4)].join(" ");
            let found = dates(&after, None, None, None)
                .into_iter()
                .find(|w| w.precision == Precision::Day)
                .map(|w| w.date);
            if let Some(date) = found.filter(|d| d.weekday() == day_of_week) {
                best = Some(best.map_or(date, |b| b.max(date)));
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::{dates, implied_date};
    use jiff::civil::{Date, date};

    #[track_caller]
    fn check(sentence: &str, expect: &[&str]) {
        let got: Vec<String> = dates(sentence, Some(date(2025, 8, 19)), Some(date(2025, 8, 15)), None)
            .iter()
            .map(|w| w.label())
            .collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn a_dateline_date_is_the_filing_day_not_a_happening() {
        check("Aug. 18 (UPI) -- Divers recovered the body on Friday.", &["2025-08-15"]);
        check("HALVIK, Aug. 18 (Reuters) - The port reopened on Friday.", &["2025-08-15"]);
        check("On Aug. 18 (local time) - as planned - the port reopened.", &["2025-08-18"]);
    }

    #[test]
    fn weeks_day_counts_and_implied_dates() {
        check("Talks were held last week.", &["2025-08-11/P1W"]);
        check("Talks resume next week.", &["2025-08-25/P1W"]);
        check("Three days after the summit, leaders met.", &["2025-08-18"]);
        check("The ship sank 10 days ago.", &["2025-08-09"]);
        assert_eq!(implied_date(["Published Tuesday 19 August 2025, 10:02"]), Some(date(2025, 8, 19)));
        assert_eq!(
            implied_date(["Monday, August 18, 2025 and Tuesday, August 19, 2025"]),
            Some(date(2025, 8, 19))
        );
        // A weekday that does not agree with the date implies nothing.
        assert_eq!(implied_date(["Friday 19 August 2025"]), None);
    }

    /// The first date of `sentence` in a report of `published`, `borrowed` as `dates` takes it.
    fn first_date(published: Date, sentence: &str, borrowed: Option<Date>) -> String {
        dates(sentence, Some(published), None, borrowed)[0].label()
    }

    #[test]
    fn a_borrowed_day_dates_a_weekday_of_the_future_tense_at_the_nearest_such_day() {
        let label = |s: &str, borrowed| first_date(date(2024, 7, 6), s, borrowed);
        let cabinet = "The new premier is expected to name her ministers on Friday afternoon.";
        // The report's own day: the Friday to come.
        assert_eq!(label(cabinet, None), "2024-07-12");
        // A day lent by the set may be a day off the report's: the nearest Friday the set reaches.
        assert_eq!(label(cabinet, Some(date(2024, 7, 4))), "2024-07-05");
        // Not one before the set begins, nor one the words put ahead ("next", "until").
        assert_eq!(label(cabinet, Some(date(2024, 7, 6))), "2024-07-12");
        assert_eq!(label("The cabinet will meet next Friday.", Some(date(2024, 7, 4))), "2024-07-12");
        // The nearer day ahead stays ahead.
        assert_eq!(label("The route will reopen on Monday.", Some(date(2024, 7, 4))), "2024-07-08");
    }

    #[test]
    fn a_borrowed_day_does_not_date_a_weekday_before_the_set_begins() {
        let label = |s: &str, borrowed| first_date(date(2024, 7, 19), s, borrowed);
        let sunday = "The company said late Sunday that most machines were back online.";
        // The report's own day: the Sunday before it.
        assert_eq!(label(sunday, None), "2024-07-14");
        // A day lent by the set, which tells of nothing before 18 July: the Sunday after.
        assert_eq!(label(sunday, Some(date(2024, 7, 18))), "2024-07-21");
        // The day before the first report, or after the set begins, stays where it falls.
        assert_eq!(label("The outage began on Thursday.", Some(date(2024, 7, 18))), "2024-07-18");
        assert_eq!(label("Shares fell on Wednesday.", Some(date(2024, 7, 10))), "2024-07-17");
        // "Last Sunday" says it is the one before.
        assert_eq!(label("Talks were held last Sunday.", Some(date(2024, 7, 18))), "2024-07-14");
    }

    #[test]
    fn a_day_of_a_happening_named_as_background() {
        let backdrops = |s: &str| -> Vec<(String, bool)> {
            dates(s, Some(date(2025, 8, 19)), None, None).iter().map(|w| (w.label(), w.backdrop)).collect()
        };
        let monday = |b: bool| vec![("2025-08-18".to_string(), b)];
        assert_eq!(backdrops("Divers searched following Monday's deadly quake."), monday(true));
        assert_eq!(backdrops("Dozens died in the collision late Monday."), monday(true));
        assert_eq!(backdrops("Monday's quake killed 60 people."), monday(false));
        assert_eq!(backdrops("The crash on Monday killed 60 people."), monday(false));
        assert_eq!(backdrops("Talks were held after the vote on Monday."), monday(true));
        assert_eq!(backdrops("Talks were held after the meeting on Monday."), monday(false));
        assert_eq!(
            backdrops("An inquiry opened in the wake of the outage last week."),
            vec![("2025-08-11/P1W".to_string(), true)]
        );
    }

    #[test]
    fn a_weekday_beside_a_day_and_month_says_its_year() {
        // Published 19 August 2025: a day after it went back a year, unless its weekday says
        // otherwise (20 August 2025 is a Wednesday, 20 August 2024 a Tuesday).
        check("The port reopens on 20 August.", &["2024-08-20"]);
        check("On Wednesday, Aug. 20, the port reopened.", &["2025-08-20"]);
        check("The port reopened on August 20 (Wednesday).", &["2025-08-20"]);
        check("The port reopened on Tuesday, 20 August.", &["2024-08-20"]);
        // A weekday no nearby year agrees with changes nothing.
        check("The port reopened on Monday, Aug. 18.", &["2025-08-18"]);
        check("The port reopened on Friday, Aug. 18.", &["2025-08-18"]);
    }

    #[test]
    fn dates_resolved_against_publication() {
        check("He met Mr Putin in Anchorage, Alaska, on Friday.", &["2025-08-15"]);
        check("Leaders travelled to Washington on Monday.", &["2025-08-18"]);
        check("The PM co-chaired a call on Tuesday morning.", &["2025-08-19"]);
        check("The summit in Alaska on Friday, 15 August.", &["2025-08-15"]);
        check("The invasion began in February 2022.", &["2022-02"]);
        check("In 1994, Russia signed the memorandum.", &["1994"]);
        check("signed it in 1994 and again since 2014", &["1994", "2014"]);
        // The year a comparison runs from dates nothing.
        check("Turnout was the lowest since 1945, and the first Labour win since 2010.", &[]);
        check("The party's best result since 1923 came in 1997.", &["1997"]);
        check("Protests have continued since 2019.", &["2019"]);
        check("It drew the biggest crowd since 2012.", &[]);
        check("A protest since 2019.", &["2019"]);
        check("Crimea (12 years ago, without a shot)", &["2013"]);
        check("They meet next Monday.", &["2025-08-25"]);
        check("The route is closed until Friday.", &["2025-08-22"]);
        check("The route will reopen on Saturday.", &["2025-08-23"]);
        check("Talks will resume on Tuesday.", &["2025-08-19"]);
        check("Officials said on Monday the route would reopen.", &["2025-08-18"]);
        check("It happened on 3 March 2026 and on March 4, 2026.", &["2026-03-03", "2026-03-04"]);
        check("A May deadline and the word march.", &[]);
    }
}
