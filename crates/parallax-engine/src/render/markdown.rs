//! The briefing as Markdown.

use parallax_model::Briefing;

use super::outline::{Piece, Role, sections, summary_line};

/// The briefing as a Markdown document, every text [`super::visible()`].
pub fn markdown(briefing: &Briefing) -> String {
    let mut out = String::from("# Parallax briefing\n\n");
    if let Some(h) = &briefing.headline {
        out.push_str(&format!("**{}**\n\n", escape(&super::visible(h))));
    }
    out.push_str(&summary_line(briefing));
    out.push('\n');
    for section in sections(briefing) {
        out.push_str(&format!("\n## {}\n\n", section.title));
        for entry in section.entries {
            out.push_str("- ");
            out.push_str(&pieces(&entry.head));
            out.push('\n');
            for detail in entry.details {
                out.push_str("  - ");
                out.push_str(&pieces(&detail));
                out.push('\n');
            }
        }
    }
    out
}

fn pieces(ps: &[Piece]) -> String {
    ps.iter()
        .map(|p| match p.role {
            // Spaces around an id stay outside its code span: "said. `[a, b]`".
            Role::Id => {
                let id = p.text.trim_start();
                format!("{}`{}`", &p.text[..p.text.len() - id.len()], id.replace('`', "'"))
            }
            Role::Name | Role::Error => format!("**{}**", escape(&p.text)),
            Role::Title => format!("*{}*", escape(&p.text)),
            Role::Label | Role::Dim | Role::Plain => escape(&p.text),
        })
        .collect()
}

/// `s` with the characters Markdown would read as markup escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
