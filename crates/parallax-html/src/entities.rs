//! Character references: `&amp;`, `&eacute`, `&#233;`, `&#xE9;`, decoded as the HTML standard
//! says, with the named references of the standard (the table html5ever uses).

use web_atoms::NAMED_ENTITIES;

/// The longest entity name of the standard, with its semicolon.
const LONGEST_NAME: usize = 33;

/// Decodes the character reference at the start of `s` (just after the `&`). Returns the
/// characters and how many bytes of `s` they replace, or `None` when `s` does not open one (the
/// `&` is then text). In attribute values (`in_attr`), a named reference without its semicolon
/// followed by a letter, a digit or `=` is not one, as in `?a=1&copy=2`.
pub(crate) fn decode(s: &[u8], in_attr: bool, out: &mut String) -> Option<usize> {
    match s.first()? {
        b'#' => numeric(s, out),
        c if c.is_ascii_alphanumeric() => named(s, in_attr, out),
        _ => None,
    }
}

fn named(s: &[u8], in_attr: bool, out: &mut String) -> Option<usize> {
    let run = s.iter().take(LONGEST_NAME).take_while(|c| c.is_ascii_alphanumeric()).count();
    let with_semicolon = run + usize::from(s.get(run) == Some(&b';'));
    // The longest prefix that names a reference (the table also holds every prefix of a name,
    // mapped to nothing, and the legacy names without their semicolon).
    for len in (1..=with_semicolon).rev() {
        let Ok(key) = std::str::from_utf8(&s[..len]) else { continue };
        let Some(&(first, second)) = NAMED_ENTITIES.get(key) else { continue };
        if first == 0 {
            continue;
        }
        if !key.ends_with(';')
            && in_attr
            && s.get(len).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'=')
        {
            return None;
        }
        out.push(char::from_u32(first).unwrap_or('\u{FFFD}'));
        if second != 0 {
            out.push(char::from_u32(second).unwrap_or('\u{FFFD}'));
        }
        return Some(len);
    }
    None
}

fn numeric(s: &[u8], out: &mut String) -> Option<usize> {
    let hex = matches!(s.get(1), Some(b'x' | b'X'));
    let start = if hex { 2 } else { 1 };
    let digits = s[start..]
        .iter()
        .take_while(|c| if hex { c.is_ascii_hexdigit() } else { c.is_ascii_digit() })
        .count();
    if digits == 0 {
        return None;
    }
    let mut value: u32 = 0;
    for &c in &s[start..start + digits] {
        let d = char::from(c).to_digit(16).unwrap_or(0);
        value = value.saturating_mul(if hex { 16 } else { 10 }).saturating_add(d);
    }
    out.push(code_point(value));
    let end = start + digits;
    Some(end + usize::from(s.get(end) == Some(&b';')))
}

/// The character a numeric reference stands for: C1 controls read as windows-1252 (as pages
/// that say `&#150;` mean an en dash), and what is not a character as U+FFFD.
fn code_point(value: u32) -> char {
    const WINDOWS_1252: [u32; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
        0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let value = match value {
        0x80..=0x9F => WINDOWS_1252[(value - 0x80) as usize],
        0 => 0xFFFD,
        v => v,
    };
    char::from_u32(value).unwrap_or('\u{FFFD}')
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[track_caller]
    fn check(s: &str, in_attr: bool, expect: Option<(&str, usize)>) {
        let mut out = String::new();
        let got = decode(s.as_bytes(), in_attr, &mut out);
        assert_eq!(got.map(|n| (out.as_str(), n)), expect, "{s}");
    }

    #[test]
    fn named_and_numeric_references() {
        check("amp; rest", false, Some(("&", 4)));
        check("eacute", false, Some(("é", 6)));
        check("notit;", false, Some(("¬", 3)));
        check("NotEqualTilde;", false, Some(("≂\u{338}", 14)));
        check("copy=2", true, None);
        check("copy=2", false, Some(("©", 4)));
        check("copy;=2", true, Some(("©", 5)));
        check("nosuch;", false, None);
        check("#233;", false, Some(("é", 5)));
        check("#xE9", false, Some(("é", 4)));
        check("#150;", false, Some(("–", 5)));
        check("#0;", false, Some(("\u{FFFD}", 3)));
        check("#xD800;", false, Some(("\u{FFFD}", 7)));
        check("#99999999999999999999;", false, Some(("\u{FFFD}", 22)));
        check("#;", false, None);
        check(" ", false, None);
        check("", false, None);
    }
}
