//! The briefing as one self-contained HTML page: no script, no external asset, readable from
//! a phone's width to a desktop's.
//!
//! Every citation is a link to the cited passage: each document's text is on the page, and
//! the sentences the briefing cites are marked in it with an anchor, so a click scrolls to the
//! words and highlights them (`:target`). A coverage matrix shows which sources carry which
//! key facts.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use parallax_model::{Briefing, DocId};

use super::outline::{
    DISPUTED, SUPERSEDED, UPDATES, claim_text, divergence_label, key_facts, latest, origins, sections,
    summary_line,
};

/// At most this many facts (rows) in the coverage matrix.
const MATRIX_ROWS: usize = 15;

const STYLE: &str = "\
:root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fdfdfb;--dim:#666;--mark:#fff2a8;--line:#ddd;--accent:#0b5cad}\
@media (prefers-color-scheme:dark){:root{--fg:#e8e8e8;--bg:#161616;--dim:#9a9a9a;--mark:#5a4d00;--line:#333;--accent:#7fb6ff}}\
*{box-sizing:border-box}body{margin:0;font:16px/1.55 system-ui,-apple-system,'Segoe UI',sans-serif;color:var(--fg);background:var(--bg)}\
main{max-width:52rem;margin:0 auto;padding:1rem}h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0}\
h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}\
.meta,.dim{color:var(--dim);font-size:.9rem}ol,ul{padding-left:1.3rem}li{margin:.35rem 0}\
a{color:var(--accent)}a.cite{font-size:.8rem;text-decoration:none;white-space:nowrap}\
.badge{font-size:.75rem;border:1px solid var(--line);border-radius:.6rem;padding:0 .4rem;white-space:nowrap}\
.side{margin:.2rem 0 .2rem 1rem;border-left:3px solid var(--line);padding-left:.6rem}\
.scroll{overflow-x:auto}table{border-collapse:collapse;font-size:.85rem}th,td{border:1px solid var(--line);padding:.25rem .4rem;vertical-align:top}\
th.doc{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;font-weight:normal}td.on{text-align:center}\
article.doc{border-top:1px solid var(--line);margin-top:1rem}article.doc p{margin:.5rem 0}\
mark{background:transparent}mark:target{background:var(--mark);outline:2px solid var(--mark)}\
@media (max-width:40rem){body{font-size:15px}main{padding:.6rem}h1{font-size:1.3rem}}";

/// The briefing as a complete HTML document.
pub fn html(b: &Briefing) -> String {
    let key = key_facts(b);
    let passages = Passages::new(b, &key);
    let mut out = String::with_capacity(64 * 1024);
    let title = b.headline.clone().unwrap_or_else(|| "Parallax briefing".to_string());
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        esc(&title)
    );
    let _ = write!(out, "<p class=\"dim\">Parallax briefing</p>\n<h1>{}</h1>\n", esc(&title));
    let _ = writeln!(out, "<p class=\"meta\">{}</p>", esc(&summary_line(b)));

    if !b.summary.is_empty() {
        out.push_str("<h2 id=\"summary\">Summary</h2>\n<ol>\n");
        for s in &b.summary {
            let _ = write!(out, "<li>{} {}", esc(&s.text), passages.cite(&s.text, &s.documents));
            for d in s.disputed.iter().filter_map(|&k| b.divergences.get(k).map(|d| (k, d))) {
                let _ = write!(
                    out,
                    "<div class=\"dim\">{DISPUTED} <a href=\"#differ-{}\">{}</a></div>",
                    d.0 + 1,
                    esc(&d.1.description)
                );
            }
            for u in s.superseded.iter().filter_map(|&k| b.updates.get(k)) {
                let _ = write!(
                    out,
                    "<div class=\"dim\">{SUPERSEDED} <a href=\"#updates\">{}</a></div>",
                    esc(&latest(u))
                );
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n");
    }

    if !key.is_empty() {
        out.push_str("<h2 id=\"key-facts\">Key facts</h2>\n<ul>\n");
        for c in &key {
            let _ = writeln!(
                out,
                "<li>{} <span class=\"badge\">{}</span> {}</li>",
                esc(&claim_text(c)),
                origins(c.origins),
                passages.cite(&c.text, &c.documents)
            );
        }
        out.push_str("</ul>\n");
        matrix(&mut out, b, &key, &passages);
    }

    if !b.divergences.is_empty() {
        out.push_str("<h2 id=\"differ\">Where sources differ</h2>\n<ul>\n");
        for (k, d) in b.divergences.iter().enumerate() {
            let _ = write!(
                out,
                "<li id=\"differ-{}\"><span class=\"badge\">{}</span> {}",
                k + 1,
                divergence_label(d.kind),
                esc(&d.description)
            );
            for side in &d.sides {
                let _ = write!(
                    out,
                    "<div class=\"side\">{} {} <span class=\"dim\">({})</span></div>",
                    esc(&side.text),
                    passages.cite(&side.text, &side.documents),
                    origins(side.origins)
                );
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }

    if !b.updates.is_empty() {
        let _ = writeln!(out, "<h2 id=\"updates\">{UPDATES}</h2>\n<ul>");
        for u in &b.updates {
            let _ = write!(out, "<li>{}", esc(&u.description));
            for step in &u.steps {
                let _ = write!(
                    out,
                    "<div class=\"side\"><span class=\"badge\">{} {}</span> {} {} <span class=\"dim\">({})</span></div>",
                    esc(&step.date),
                    esc(&step.value),
                    esc(&step.text),
                    passages.cite(&step.text, &step.documents),
                    origins(step.origins)
                );
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }

    // The remaining sections, as the other views show them.
    for section in sections(b) {
        if matches!(section.title.as_str(), "Summary" | "Key facts" | "Where sources differ" | "Documents")
            || section.title == UPDATES
        {
            continue;
        }
        let _ = writeln!(out, "<h2>{}</h2>\n<ul>", esc(&section.title));
        for entry in section.entries {
            let head: String = entry.head.iter().map(|p| esc(&p.text)).collect();
            let _ = write!(out, "<li>{head}");
            for d in entry.details {
                let line: String = d.iter().map(|p| esc(&p.text)).collect();
                let _ = write!(out, "<div class=\"dim\">{line}</div>");
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }

    out.push_str("<h2 id=\"documents\">Documents</h2>\n");
    for (n, d) in b.documents.iter().enumerate() {
        let _ = write!(
            out,
            "<article class=\"doc\" id=\"doc-{n}\"><h3>{}{}</h3><p class=\"meta\">{}{}</p>",
            esc(&d.source),
            d.title.as_ref().map(|t| format!(" — {}", esc(t))).unwrap_or_default(),
            esc(d.id.as_str()),
            d.published.map(|p| format!(" · {p}")).unwrap_or_default()
        );
        for para in d.text.split("\n\n") {
            let _ = write!(out, "<p>{}</p>", passages.marked(n, para));
        }
        out.push_str("</article>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The cited passages of each document, numbered, so citations can point at them.
struct Passages<'a> {
    b: &'a Briefing,
    /// Per document, the cited texts found in it, with their anchor ids.
    found: Vec<BTreeMap<String, String>>,
}

impl<'a> Passages<'a> {
    /// The passages the summary, the key facts `key`, the divergences and the counts by day
    /// cite.
    fn new(b: &'a Briefing, key: &[&parallax_model::Claim]) -> Passages<'a> {
        let mut found = vec![BTreeMap::new(); b.documents.len()];
        let cited = b
            .summary
            .iter()
            .map(|s| (&s.text, &s.documents))
            .chain(key.iter().map(|c| (&c.text, &c.documents)))
            .chain(b.divergences.iter().flat_map(|d| d.sides.iter().map(|s| (&s.text, &s.documents))))
            .chain(b.updates.iter().flat_map(|u| u.steps.iter().map(|s| (&s.text, &s.documents))));
        for (text, docs) in cited {
            for id in docs {
                let Some(n) = b.documents.iter().position(|d| &d.id == id) else { continue };
                if b.documents[n].text.contains(text.as_str()) && !found[n].contains_key(text) {
                    let anchor = format!("p-{n}-{}", found[n].len() + 1);
                    found[n].insert(text.clone(), anchor);
                }
            }
        }
        Passages { b, found }
    }

    /// The anchor of the passage `text` in document `n`, or of the document when the passage is
    /// not in it word for word.
    fn target(&self, n: usize, text: &str) -> String {
        self.found[n].get(text).cloned().unwrap_or_else(|| format!("doc-{n}"))
    }

    /// Links to the passage `text` in each of `docs`, or to the document when the passage is
    /// not found in it word for word.
    fn cite(&self, text: &str, docs: &[DocId]) -> String {
        let links: Vec<String> = docs
            .iter()
            .filter_map(|id| {
                let n = self.b.documents.iter().position(|d| &d.id == id)?;
                let target = self.target(n, text);
                Some(format!(
                    "<a class=\"cite\" href=\"#{target}\" title=\"{}\">[{}]</a>",
                    esc(&self.b.documents[n].source),
                    esc(id.as_str())
                ))
            })
            .collect();
        links.join(" ")
    }

    /// A paragraph of document `n` with its cited passages marked.
    fn marked(&self, n: usize, para: &str) -> String {
        let mut spans: Vec<(usize, usize, &str)> = self.found[n]
            .iter()
            .filter_map(|(text, anchor)| {
                para.find(text.as_str()).map(|at| (at, at + text.len(), anchor.as_str()))
            })
            .collect();
        spans.sort_unstable();
        // Overlapping passages: the first one is marked, and the others' anchors open its mark
        // (a part of a claim lies inside its whole's sentence), so every citation lands.
        let mut kept: Vec<(usize, usize, Vec<&str>)> = Vec::new();
        for (start, end, anchor) in spans {
            match kept.last_mut() {
                Some(last) if start < last.1 => last.2.push(anchor),
                _ => kept.push((start, end, vec![anchor])),
            }
        }
        let mut out = String::new();
        let mut at = 0;
        for (start, end, anchors) in kept {
            out.push_str(&esc(&para[at..start]));
            let _ = write!(out, "<mark id=\"{}\">", anchors[0]);
            for other in &anchors[1..] {
                let _ = write!(out, "<span id=\"{other}\"></span>");
            }
            let _ = write!(out, "{}</mark>", esc(&para[start..end]));
            at = end;
        }
        out.push_str(&esc(&para[at..]));
        out
    }
}

/// Which documents carry which key facts: one row per fact, one column per document.
fn matrix(out: &mut String, b: &Briefing, key: &[&parallax_model::Claim], passages: &Passages) {
    out.push_str(
        "<h3>Coverage: which sources carry which facts</h3>\n<div class=\"scroll\"><table>\n<tr><th>Fact</th>",
    );
    for d in &b.documents {
        let _ = write!(out, "<th class=\"doc\" title=\"{}\">{}</th>", esc(d.id.as_str()), esc(&d.source));
    }
    out.push_str("</tr>\n");
    for c in key.iter().take(MATRIX_ROWS) {
        let text = claim_text(c);
        let short: String = text.chars().take(90).collect();
        let ellipsis = if text.chars().count() > 90 { "…" } else { "" };
        let _ = write!(out, "<tr><td>{}{ellipsis}</td>", esc(&short));
        for (n, d) in b.documents.iter().enumerate() {
            if c.documents.contains(&d.id) {
                let target = passages.target(n, &c.text);
                let _ = write!(out, "<td class=\"on\"><a href=\"#{target}\">●</a></td>");
            } else {
                out.push_str("<td></td>");
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table></div>\n");
}

/// `s` escaped for HTML text and attribute values.
fn esc(s: &str) -> String {
    escape_markup(s)
}

/// `text` for HTML or XML text and attribute values: markup characters escaped, and the
/// control characters XML 1.0 cannot hold (all but tab and line breaks, DEL and the C1 range,
/// U+FFFE and U+FFFF) dropped.
pub fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{fffe}' || c == '\u{ffff}' || ('\u{7f}'..='\u{9f}').contains(&c) => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            esc("<a href=\"x\">Tom & 'Jerry'</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
    }
}
