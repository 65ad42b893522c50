//! Dates as feeds, exports and page metadata write them.

use jiff::civil::Date;

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
