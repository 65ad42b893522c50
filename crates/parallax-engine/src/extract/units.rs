//! Plain text → units: one per line, or one per paragraph where the text is hard-wrapped.
//!
//! News text comes in two layouts: one paragraph per line (with or without blank lines
//! between), or prose wrapped at a fixed width with blank lines between paragraphs. A group of
//! lines is taken as wrapped when every line but the last is of wrapping width (30 to 100
//! characters) and most of them stop mid-sentence; then it is one unit, its line breaks read as
//! spaces. Otherwise every line is a unit: a line break in news copy is a hard break.

use parallax_model::Span;

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
        out.push(unit(text, start, end, after_blank));
    } else {
        for (i, &(start, end)) in group.iter().enumerate() {
            out.push(unit(text, start, end, after_blank && i == 0));
        }
    }
    group.clear();
}

fn is_wrapped(text: &str, group: &[(usize, usize)]) -> bool {
    if group.len() < 2 || group.iter().any(|&(s, e)| marker(&text[s..e]).0 != Marker::None) {
        return false;
    }
    let body = &group[..group.len() - 1];
    let width_ok = body.iter().all(|&(s, e)| (30..=100).contains(&text[s..e].chars().count()));
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
            "## Sub head\n- first point\n2) second point\n-not a bullet",
            &["|# Sub head", "* first point", "* second point", "-not a bullet"],
        );
        check("", &[]);
    }
}
