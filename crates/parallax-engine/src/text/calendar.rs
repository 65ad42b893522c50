//! Month and weekday names, read once from the language's tables (`vocab/en/months.txt`,
//! `vocab/en/weekdays.txt`): each line a full name, then its abbreviations, in calendar order.
//! Every rule that reads a month or a day of the week asks here.

use std::collections::HashMap;
use std::sync::LazyLock;

use jiff::civil::Weekday;

/// One calendar table: each word (lower case) with its 1-based line and whether it is the
/// line's full name.
struct Names(HashMap<&'static str, (i8, bool)>);

impl Names {
    fn load(text: &'static str) -> Names {
        let mut out = HashMap::new();
        for (n, line) in (1i8..).zip(super::table_lines(text)) {
            for (i, word) in line.split_whitespace().enumerate() {
                out.insert(word, (n, i == 0));
            }
        }
        Names(out)
    }

    /// The line of `word` (any case, a trailing dot allowed), and whether it is a full name.
    fn find(&self, word: &str) -> Option<(i8, bool)> {
        let w = word.strip_suffix('.').unwrap_or(word);
        if w.len() > 9 || !w.is_ascii() {
            return None;
        }
        self.0.get(w.to_ascii_lowercase().as_str()).copied()
    }
}

static MONTHS: LazyLock<Names> = LazyLock::new(|| Names::load(include_str!("../../vocab/en/months.txt")));
static WEEKDAYS: LazyLock<Names> = LazyLock::new(|| Names::load(include_str!("../../vocab/en/weekdays.txt")));

/// The number of a month written as its name or abbreviation ("March", "mar.", "Sept"), in
/// any case.
pub fn month_number(word: &str) -> Option<i8> {
    MONTHS.find(word).map(|(n, _)| n)
}

/// Whether `word` is a month's full name ("May", "december"), not an abbreviation that may
/// also be a name ("Jan").
pub fn is_month_name(word: &str) -> bool {
    MONTHS.find(word).is_some_and(|(_, full)| full) && !word.ends_with('.')
}

/// The day of the week written as its name or abbreviation ("Friday", "fri."), in any case.
pub fn weekday(word: &str) -> Option<Weekday> {
    WEEKDAYS.find(word).and_then(|(n, _)| Weekday::from_monday_one_offset(n).ok())
}

/// The day of the week written as its full name ("Friday", "friday"), in any case.
pub fn weekday_name(word: &str) -> Option<Weekday> {
    WEEKDAYS
        .find(word)
        .filter(|&(_, full)| full && !word.ends_with('.'))
        .and_then(|(n, _)| Weekday::from_monday_one_offset(n).ok())
}

/// The full names of the months and the days of the week, in lower case.
pub fn calendar_names() -> impl Iterator<Item = &'static str> {
    let full = |names: &'static Names| names.0.iter().filter(|(_, v)| v.1).map(|(k, _)| *k);
    full(&MONTHS).chain(full(&WEEKDAYS))
}

#[cfg(test)]
mod tests {
    use jiff::civil::Weekday;

    use super::{is_month_name, month_number, weekday, weekday_name};

    #[test]
    fn names_and_abbreviations_in_any_case() {
        assert_eq!(month_number("March"), Some(3));
        assert_eq!(month_number("sept."), Some(9));
        assert_eq!(month_number("DEC"), Some(12));
        assert_eq!(month_number("Marchers"), None);
        assert!(is_month_name("May") && !is_month_name("Jan") && !is_month_name("Mayor"));
        assert_eq!(weekday("Thurs"), Some(Weekday::Thursday));
        assert_eq!(weekday("sunday"), Some(Weekday::Sunday));
        assert_eq!(weekday_name("Sat"), None);
        assert_eq!(weekday_name("Saturday"), Some(Weekday::Saturday));
    }

    #[test]
    fn the_tables_hold_twelve_months_and_seven_days() {
        assert_eq!(super::MONTHS.0.values().filter(|v| v.1).count(), 12);
        assert_eq!(super::WEEKDAYS.0.values().filter(|v| v.1).count(), 7);
    }
}
