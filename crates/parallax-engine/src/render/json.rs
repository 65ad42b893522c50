//! The briefing as JSON, per the contract `parallax.brief/1`.

use parallax_model::Briefing;

/// The briefing as pretty-printed JSON, ending with a newline.
pub fn json(briefing: &Briefing) -> String {
    // Serialising plain data with string keys cannot fail.
    let mut out =
        serde_json::to_string_pretty(briefing).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}
