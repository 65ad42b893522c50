//! The core of a claim sentence: what it asserts without its asides.
//!
//! Outlets state one fact inside sentences of their own, and a long sentence carries asides
//! that no other outlet repeats: who said it (", the Maryland governor said", "according to the
//! Defense Department"), a parenthesis ("(D-Md.)"), an aside between dashes ("— operating out
//! of Fort Belvoir, Va., with a crew of three —") or a clause that describes a name (", which
//! makes software …,"). Another document states the claim when it states its core: "The Black
//! Hawk was on a training flight" states "The Black Hawk helicopter — operating out of Fort
//! Belvoir, Va., with a crew of three — was on a training mission, according to the Defense
//! Department."
//!
//! The core drops words, never a figure. The words that mark an attribution are the table's
//! `[attribution]`. What followed from the fact (", sending cars into the river") is cut too.

use super::words::vocab;

/// At most this many words make a closing attribution (", Los Angeles County Fire Chief Anthony
/// Marrone said at a news conference on Wednesday").
const MAX_ATTRIBUTION: usize = 14;

/// The core of `text`, when removing its asides changed it; None when it has none.
pub(crate) fn core(text: &str) -> Option<String> {
    let mut s = without_brackets(text);
    s = without_dashed_asides(&s);
    s = without_descriptions(&s);
    s = without_closing_attribution(&s);
    s = without_consequences(&s);
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let s = s.trim_end_matches([',', ' ']).to_string();
    let original = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // The core drops words, never a figure: a figure left out would let a sentence that gives
    // another value state the claim.
    let digits = |t: &str| t.chars().filter(char::is_ascii_digit).collect::<String>();
    (s != original && !s.is_empty() && digits(&s) == digits(&original)).then_some(s)
}

/// Without any "( … )".
fn without_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Without an aside set off by a pair of dashes (" — … — ", " -- … -- ", " – … – ").
fn without_dashed_asides(text: &str) -> String {
    for dash in [" — ", " – ", " -- ", " - "] {
        let marks: Vec<usize> = text.match_indices(dash).map(|(i, _)| i).collect();
        if marks.len() >= 2 {
            let (a, b) = (marks[0], marks[1]);
            return format!("{} {}", &text[..a], &text[b + dash.len()..]);
        }
    }
    text.to_string()
}

/// Without a clause that describes a name, set off by commas (", which … ,", ", who … ,").
fn without_descriptions(text: &str) -> String {
    for opener in [", which ", ", who "] {
        if let Some(a) = text.find(opener)
            && let Some(len) = text[a + opener.len()..].find(", ")
        {
            let b = a + opener.len() + len;
            return format!("{} {}", &text[..a], &text[b + 2..]);
        }
    }
    text.to_string()
}

/// Without the clauses that close a sentence with what followed from it (", sending vehicles
/// into the river", ", including the pilot's call"): a closing comma part that opens with a
/// lower-case word in -ing (not one of the table's `[not-consequences]`), one after another,
/// each only when it gives no figure and no quote.
fn without_consequences(text: &str) -> String {
    let mut body = text.trim_end().trim_end_matches(['.', '!']).to_string();
    while let Some(at) = body.rfind(", ") {
        let tail = &body[at + 2..];
        let first = tail.split_whitespace().next().unwrap_or("");
        let participle = first.len() > 5
            && first.ends_with("ing")
            && first.chars().all(|c| c.is_ascii_lowercase())
            && !vocab("not-consequences").contains(&first);
        if !participle || tail.chars().any(|c| c.is_ascii_digit()) || tail.contains(['"', '“', '”']) {
            break;
        }
        body.truncate(at);
    }
    if body.len() + 2 < text.trim_end().len() { format!("{body}.") } else { text.to_string() }
}

/// Without a closing attribution: the last comma's part when it is short and says who said
/// it (", officials said.", ", according to the Defense Department.").
fn without_closing_attribution(text: &str) -> String {
    let body = text.trim_end().trim_end_matches(['.', '!']);
    let Some(at) = body.rfind(", ") else { return text.to_string() };
    let tail = &body[at + 2..];
    let words: Vec<String> = tail
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .collect();
    // Who said it, not a clause of its own that says something was said (", and authorities
    // said that number was expected to rise").
    let clause = matches!(words.first().map(String::as_str), Some("and" | "but" | "while" | "as" | "with"))
        || words.iter().any(|w| w == "that");
    let attributes = words.iter().any(|w| vocab("attribution").contains(&w.as_str()));
    if attributes && !clause && words.len() <= MAX_ATTRIBUTION && !tail.contains(['"', '“', '”']) {
        format!("{}.", &body[..at])
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::core;

    #[test]
    fn asides_attributions_and_descriptions_are_cut() {
        assert_eq!(
            core(
                "The Halvik ferry — operating out of Skarvik, with a crew of three — was on a training run, according to the port authority."
            )
            .as_deref(),
            Some("The Halvik ferry was on a training run.")
        );
        assert_eq!(
            core("Rescuers halted traffic after the ship sent a mayday call, the governor said.").as_deref(),
            Some("Rescuers halted traffic after the ship sent a mayday call.")
        );
        assert_eq!(
            core("Shares of Nordlys, which makes ferries for the coast, fell 20% in early trading.")
                .as_deref(),
            Some("Shares of Nordlys fell 20% in early trading.")
        );
        assert_eq!(
            core("Senator Ola Berg (D-Hv.) voted against the bill.").as_deref(),
            Some("Senator Ola Berg voted against the bill.")
        );
        assert_eq!(core("The ferry ran aground near Halvik on Tuesday."), None, "no aside, no core");
        assert_eq!(
            core("At least 16 people were missing, and officials said that number would rise."),
            None,
            "a clause that tells what was said is no attribution"
        );
        assert_eq!(
            core("The 7.6 quake, which registered a 7 on the scale, felled buildings."),
            None,
            "a core never drops a figure"
        );
        assert_eq!(
            core("The ferry ran aground, and the crew, who were unhurt, swam ashore."),
            Some("The ferry ran aground, and the crew swam ashore.".to_string())
        );
    }
}
