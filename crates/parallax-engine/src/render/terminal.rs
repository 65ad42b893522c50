//! The briefing for a terminal: wrapped to its width, coloured only when asked.

use anstyle::{AnsiColor, Effects, Style as Ansi};
use parallax_model::Briefing;

use super::outline::{Piece, Role, sections, summary_line};

/// How to lay the terminal view out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    /// Columns to wrap at.
    pub width: usize,
    /// Whether to write ANSI colour codes.
    pub color: bool,
}

impl Default for Style {
    fn default() -> Self {
        Style { width: 100, color: false }
    }
}

/// The briefing as wrapped text.
pub fn terminal(briefing: &Briefing, style: Style) -> String {
    let width = style.width.clamp(40, 200);
    let paint = |role: Role, text: &str| -> String {
        if !style.color {
            return text.to_string();
        }
        let ansi = match role {
            Role::Plain => return text.to_string(),
            Role::Id => Ansi::new().fg_color(Some(AnsiColor::Cyan.into())),
            Role::Name => Ansi::new().effects(Effects::BOLD),
            Role::Title => Ansi::new().effects(Effects::ITALIC),
            Role::Dim => Ansi::new().effects(Effects::DIMMED),
            Role::Label => Ansi::new().fg_color(Some(AnsiColor::Yellow.into())),
            Role::Error => Ansi::new().fg_color(Some(AnsiColor::Red.into())).effects(Effects::BOLD),
        };
        format!("{ansi}{text}{ansi:#}")
    };
    let mut out = String::new();
    out.push_str(&paint(Role::Name, "PARALLAX BRIEFING"));
    out.push('\n');
    if let Some(h) = &briefing.headline {
        let title = Piece { role: Role::Title, text: super::visible(h).into_owned() };
        wrap_into(&mut out, &[title], width, "", "", &paint);
    }
    out.push_str(&summary_line(briefing));
    out.push('\n');
    for section in sections(briefing) {
        out.push('\n');
        out.push_str(&paint(Role::Name, &section.title.to_uppercase()));
        out.push('\n');
        for entry in section.entries {
            wrap_into(&mut out, &entry.head, width, "", "    ", &paint);
            for detail in entry.details {
                wrap_into(&mut out, &detail, width, "    ", "      ", &paint);
            }
        }
    }
    out
}

/// Wraps the pieces to `width` and paints each wrapped piece with its role.
fn wrap_into(
    out: &mut String,
    pieces: &[Piece],
    width: usize,
    first: &str,
    rest: &str,
    paint: &dyn Fn(Role, &str) -> String,
) {
    // Wrap the plain text, then paint it back piece by piece, so colour codes never count
    // towards the width.
    let plain: String = pieces.iter().map(|p| p.text.as_str()).collect();
    let options = textwrap::Options::new(width).initial_indent(first).subsequent_indent(rest);
    let lines = textwrap::wrap(&plain, options);
    let mut roles: Vec<(usize, Role)> = Vec::new();
    let mut at = 0;
    for p in pieces {
        at += p.text.len();
        roles.push((at, p.role));
    }
    let role_at = |offset: usize| roles.iter().find(|(end, _)| offset < *end).map_or(Role::Plain, |r| r.1);
    let mut offset = 0;
    for (n, line) in lines.iter().enumerate() {
        let indent = if n == 0 { first } else { rest };
        let body = line.strip_prefix(indent).unwrap_or(line);
        // textwrap drops the spaces it breaks at; find this line's text in the plain string.
        if let Some(found) = plain[offset..].find(body) {
            offset += found;
        }
        out.push_str(indent);
        let mut run_start = 0;
        let chars: Vec<(usize, char)> = body.char_indices().collect();
        for (k, &(i, _)) in chars.iter().enumerate() {
            let role = role_at(offset + i);
            let next_role = chars.get(k + 1).map(|&(j, _)| role_at(offset + j));
            if next_role != Some(role) {
                let end = chars.get(k + 1).map_or(body.len(), |&(j, _)| j);
                out.push_str(&paint(role, &body[run_start..end]));
                run_start = end;
            }
        }
        offset += body.len();
        out.push('\n');
    }
}
