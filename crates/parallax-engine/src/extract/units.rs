//! Plain text → units: one per line, or one per paragraph where the text is hard-wrapped.
//!
//! News text comes in two layouts: one paragraph per line (with or without blank lines
//! between), or prose wrapped at a fixed width with blank lines between paragraphs. A group of
//! lines is taken as wrapped when every line but the last is of wrapping width (30 to 100
//! characters) and most of them stop mid-sentence; then it is one unit, its line breaks read as
//! spaces. Otherwise every line is a unit: a line break in news copy is a hard break.
//!
//! Text taken from a page sometimes runs page furniture into the first words of a line: a date
//! stamp ("date 2024-07-19 The outage…", "Published 2024-07-19T08:00Z …") or a skip link
//! ("Skip to content …", "Skip next section …"). Such a lead is split off as a unit of its own,
//! so that the chrome rules can name it and the rest of the line is read as it is. A gallery's
//! link inside a line ("… (Photo/AP) See 5 more photos A passenger plane crashed …") is split
//! off the same way, with the caption before it and the text after it units of their own.

use parallax_model::Span;

use super::chrome::SKIP_LINKS;
use super::words::ends_punctuated;

/// What a Markdown-style marker at the start of a line said.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Marker {
    /// No marker.
    None,
    /// `- `, `* `, `• `, `1. `: a list item.
    Bullet,
    /// `# `: a heading.
    Heading,
    /// A caption (from HTML `figcaption`; plain text has no marker for it).
    Caption,
}

/// A candidate block: a span of the raw text and its text with line breaks as spaces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Unit {
    pub(crate) span: Span,
    pub(crate) text: String,
    pub(crate) marker: Marker,
    /// Whether a blank line (or the start of the text) stands right before it.
    pub(crate) after_blank: bool,
}

/// The units of `text`, in order.
pub(crate) fn units(text: &str) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut group: Vec<(usize, usize)> = Vec::new();
    let mut offset = 0;
    let mut after_blank = true;
    for raw_line in text.split_inclusive('\n') {
        let line = raw_line.trim_end_matches(['\n', '\r']);
        let start = offset + (line.len() - line.trim_start().len());
        let end = offset + line.trim_end().len();
        offset += raw_line.len();
        if start >= end {
            flush(text, &mut group, after_blank, &mut out);
            after_blank = true;
            continue;
        }
        group.push((start, end));
    }
    flush(text, &mut group, after_blank, &mut out);
    out
}

fn flush(text: &str, group: &mut Vec<(usize, usize)>, after_blank: bool, out: &mut Vec<Unit>) {
    if group.is_empty() {
        return;
    }
    if is_wrapped(text, group) {
        let (start, _) = group[0];
        let (_, end) = group[group.len() - 1];
        push_unit(text, start, end, after_blank, out);
    } else {
        for (i, &(start, end)) in group.iter().enumerate() {
            push_unit(text, start, end, after_blank && i == 0, out);
        }
    }
    group.clear();
}

fn is_wrapped(text: &str, group: &[(usize, usize)]) -> bool {
    if group.len() < 2
        || group.iter().any(|&(s, e)| marker(&text[s..e]).0 != Marker::None)
        || run_in_lead(&text[group[0].0..group[0].1]).is_some()
    {
        return false;
    }
    let width = |&(s, e): &(usize, usize)| text[s..e].chars().count();
    let (body, last) = group.split_at(group.len() - 1);
    // A wrapped paragraph's last line is no wider than its others: a short line over a long
    // one is a title over its paragraph ("Crane topples onto Brekke quay" over the lead).
    let widest = body.iter().map(width).max().unwrap_or(0);
    let width_ok =
        body.iter().all(|l| (30..=100).contains(&width(l))) && width(&last[0]) <= widest.max(30) + 10;
    let open = body.iter().filter(|&&(s, e)| !ends_punctuated(&text[s..e])).count();
    width_ok && open * 2 >= body.len()
}

fn unit(text: &str, start: usize, end: usize, after_blank: bool) -> Unit {
    let (marker, skip) = marker(&text[start..end]);
    let start = start + skip;
    let piece: String =
        text[start..end].chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }).collect();
    Unit { span: Span::new(start, end), text: piece, marker, after_blank }
}

/// Pushes the unit `start..end` of `text`, split where it opens with run-in furniture or holds
/// a gallery's link.
fn push_unit(text: &str, start: usize, end: usize, after_blank: bool, out: &mut Vec<Unit>) {
    let line = &text[start..end];
    if let Some((from, to)) = gallery_link(line) {
        let before = line[..from].trim_end().len();
        let after = to + (line[to..].len() - line[to..].trim_start().len());
        if before > 0 {
            push_unit(text, start, start + before, after_blank, out);
        }
        out.push(unit(text, start + from, start + to, after_blank && before == 0));
        if after < line.len() {
            push_unit(text, start + after, end, false, out);
        }
    } else if let Some(lead) = run_in_lead(line) {
        let rest = start + lead + (line[lead..].len() - line[lead..].trim_start().len());
        out.push(unit(text, start, start + line[..lead].trim_end().len(), after_blank));
        push_unit(text, rest, end, false, out);
    } else {
        out.push(unit(text, start, end, after_blank));
    }
}

/// Where a gallery's link ("See 5 more photos") stands in `line`, as a byte range, when the
/// line holds more than the link.
fn gallery_link(line: &str) -> Option<(usize, usize)> {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() <= 4 {
        return None;
    }
    let at = words.windows(4).position(super::chrome::is_gallery_link)?;
    // Where a word stands in the line: it is a slice of it.
    let offset = |w: &str| w.as_ptr() as usize - line.as_ptr() as usize;
    Some((offset(words[at]), offset(words[at + 3]) + words[at + 3].len()))
}

/// Labels that may stand before a run-in date stamp (lower case, without a colon).
const STAMP_LABELS: [&str; 6] = ["date", "published", "updated", "posted", "last updated", "modified"];

/// The byte length of run-in furniture at the start of `line` followed by more text: an
/// ISO date stamp with an optional label ("date 2024-07-19", "Published: 2024-07-19 08:00")
/// or a skip link. `None` when the line does not open with one or holds nothing after it.
fn run_in_lead(line: &str) -> Option<usize> {
    let lower = line.to_ascii_lowercase();
    let lead = SKIP_LINKS
        .iter()
        .find(|s| lower.starts_with(*s) && lower[s.len()..].starts_with(' '))
        .map(|s| s.len())
        .or_else(|| iso_stamp(&lower))?;
    let rest = line[lead..].trim_start();
    rest.chars().next().is_some_and(|c| c.is_alphanumeric() || c == '"' || c == '“').then_some(lead)
}

/// The byte length of an ISO date stamp at the start of `lower` (a lower-cased line), with an
/// optional label before it and an optional time after it.
fn iso_stamp(lower: &str) -> Option<usize> {
    let mut at = 0;
    if let Some(label) = STAMP_LABELS.iter().find(|l| lower.starts_with(*l)) {
        at = label.len();
        at += lower[at..].len() - lower[at..].trim_start_matches([':', ' ']).len();
    }
    let b = lower.as_bytes();
    let digits =
        |from: usize, n: usize| b.len() >= from + n && b[from..from + n].iter().all(u8::is_ascii_digit);
    if !(digits(at, 4)
        && b.get(at + 4) == Some(&b'-')
        && digits(at + 5, 2)
        && b.get(at + 7) == Some(&b'-')
        && digits(at + 8, 2))
    {
        return None;
    }
    at += 10;
    // A time: "T08:00:00Z", " 08:00", "08:00:00+02:00".
    if matches!(b.get(at), Some(b't' | b' '))
        && digits(at + 1, 2)
        && b.get(at + 3) == Some(&b':')
        && digits(at + 4, 2)
    {
        at += 6;
        while at < b.len() && (b[at].is_ascii_digit() || matches!(b[at], b':' | b'.' | b'+' | b'-' | b'z')) {
            at += 1;
        }
    }
    // The stamp ends at a word boundary.
    (at == b.len() || b[at] == b' ').then_some(at)
}

/// The marker at the start of `line` and how many bytes it and its spaces take.
fn marker(line: &str) -> (Marker, usize) {
    let rest = line.trim_start_matches('#');
    let hashes = line.len() - rest.len();
    if (1..=6).contains(&hashes) && rest.starts_with(' ') && !rest.trim().is_empty() {
        return (Marker::Heading, line.len() - rest.trim_start().len());
    }
    let mut chars = line.chars();
    if let (Some(first), Some(' ')) = (chars.next(), chars.next())
        && matches!(first, '-' | '*' | '+' | '•' | '·' | '–' | '—' | '▪' | '●')
        && !chars.as_str().trim().is_empty()
    {
        return (Marker::Bullet, line.len() - chars.as_str().trim_start().len());
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits)
        && line[digits..].starts_with(['.', ')'])
        && line[digits + 1..].starts_with(' ')
    {
        let rest = line[digits + 1..].trim_start();
        if !rest.is_empty() {
            return (Marker::Bullet, line.len() - rest.len());
        }
    }
    (Marker::None, 0)
}

#[cfg(test)]
mod tests {
    use super::{Marker, units};

    #[track_caller]
    fn check(text: &str, expect: &[&str]) {
        let got: Vec<String> = units(text)
            .iter()
            .map(|u| {
                assert_eq!(u.text.len(), u.span.len(), "text and span differ in length");
                let tag = match u.marker {
                    Marker::None => "",
                    Marker::Bullet => "* ",
                    Marker::Heading => "# ",
                    Marker::Caption => "caption: ",
                };
                format!("{}{tag}{}", if u.after_blank { "|" } else { "" }, u.text)
            })
            .collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn one_unit_per_line_or_wrapped_paragraph() {
        check("Headline\nFirst line.\n\nSecond.\n", &["|Headline", "First line.", "|Second."]);
        check(
            "The minister said on Tuesday that the plan would\nbe published next week, and that it was\nfinal.\n\nNext paragraph.",
            &[
                "|The minister said on Tuesday that the plan would be published next week, and that it was final.",
                "|Next paragraph.",
            ],
        );
        check("  indented  \r\n\r\n\r\nlast", &["|indented", "|last"]);
        check(
            "Crane topples onto Brekke quay\nA harbour crane toppled onto the Brekke quay in high winds on Wednesday, crushing two parked lorries.",
            &[
                "|Crane topples onto Brekke quay",
                "A harbour crane toppled onto the Brekke quay in high winds on Wednesday, crushing two parked lorries.",
            ],
        );
        check(
            "## Sub head\n- first point\n2) second point\n-not a bullet",
            &["|# Sub head", "* first point", "* second point", "-not a bullet"],
        );
        check("", &[]);
    }

    #[test]
    fn run_in_furniture_is_split_off() {
        check(
            " date 2024-07-19 Skip to content\nThe outage began.",
            &["|date 2024-07-19", "Skip to content", "The outage began."],
        );
        check(
            "Skip next section Airlines resume flights",
            &["|Skip next section", "Airlines resume flights"],
        );
        check(
            "Published: 2024-07-19T08:30:00Z The outage began.",
            &["|Published: 2024-07-19T08:30:00Z", "The outage began."],
        );
        // Not a stamp: a figure, a range, a stamp with nothing after it, a sentence about skipping.
        check("2024-2025 budget was cut.", &["|2024-2025 budget was cut."]);
        check("date 2024-07-19", &["|date 2024-07-19"]);
        check("Skip to content", &["|Skip to content"]);
        check("Skipping school is a crime there.", &["|Skipping school is a crime there."]);
    }

    #[test]
    fn a_gallery_link_inside_a_line_is_split_off_with_what_stands_before_it() {
        check(
            "Debris at the site of the fire on Sunday. (Ola Berg/Halvik Press via AP) See 5 more photos A ferry ran aground off Halvik on Sunday.",
            &[
                "|Debris at the site of the fire on Sunday. (Ola Berg/Halvik Press via AP)",
                "See 5 more photos",
                "A ferry ran aground off Halvik on Sunday.",
            ],
        );
        check("See 12 more images of the harbour", &["|See 12 more images", "of the harbour"]);
        check("See 5 more photos", &["|See 5 more photos"]);
        check(
            "Readers could see 5 more ferries in the fog.",
            &["|Readers could see 5 more ferries in the fog."],
        );
    }
}
