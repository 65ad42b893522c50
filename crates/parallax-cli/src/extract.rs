//! `parallax extract`: inputs → articles (title, outlet, authors, date, body blocks, removed
//! chrome), as JSON, text or Markdown; no briefing.

use std::fmt::Write as _;
use std::process::ExitCode;

use parallax_engine::extract;
use parallax_model::{Article, BlockKind};

use crate::args::{ExtractArgs, ExtractFormat};
use crate::{exit, inputs, output};

/// Runs `extract`.
pub(crate) fn run(raw: ExtractArgs) -> anyhow::Result<ExitCode> {
    let reading = inputs::Reading::validate(raw.input, "extract")?;
    output::check_not_input(raw.output.as_deref(), &reading.inputs)?;
    let progress = output::progress(reading.inputs.len());
    let read = inputs::read_all(&reading, &progress);
    progress.finish_and_clear();
    let config = &reading.extract;
    let mut articles: Vec<Article> = Vec::new();
    let mut problems = read.errors;
    for doc in &read.docs {
        let found = extract::extract(doc, config);
        problems.extend(found.diagnostics);
        articles.extend(found.articles.into_iter().filter(|a| !a.blocks.is_empty()));
    }
    let text = match raw.format {
        ExtractFormat::Json => json(&articles),
        ExtractFormat::Text => parallax_engine::render::visible(&plain(&articles)).into_owned(),
        ExtractFormat::Markdown => parallax_engine::render::visible(&markdown(&articles)).into_owned(),
    };
    output::write(raw.output.as_deref(), &text)?;
    for p in &problems {
        output::warn(&p.input, &p.message);
    }
    Ok(if problems.is_empty() { exit::SUCCESS } else { exit::input_errors() })
}

fn json(articles: &[Article]) -> String {
    let out: Vec<serde_json::Value> = articles
        .iter()
        .map(|a| {
            serde_json::json!({
                "id": a.id.as_str(),
                "path": a.path,
                "url": a.url.as_ref().map(ToString::to_string),
                "source": a.source.name,
                "title": a.title,
                "authors": a.authors,
                "published": a.published.map(|d| d.to_string()),
                "updated": a.updated.map(|d| d.to_string()),
                "language": a.language,
                "segment_of": a.segment_of.as_ref().map(|s| s.as_str().to_string()),
                "text": a.body_text(),
                "blocks": a.blocks.iter().map(|b| serde_json::json!({"kind": b.kind, "text": b.text})).collect::<Vec<_>>(),
                "removed": a.removed.iter().map(|r| serde_json::json!({"kind": r.kind, "text": r.text})).collect::<Vec<_>>(),
            })
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&out).unwrap_or_else(|_| "[]".to_string());
    s.push('\n');
    s
}

fn plain(articles: &[Article]) -> String {
    let mut out = String::new();
    for (i, a) in articles.iter().enumerate() {
        if i > 0 {
            out.push_str("\n----\n\n");
        }
        if let Some(t) = &a.title {
            let _ = writeln!(out, "{t}\n");
        }
        let _ = writeln!(out, "{}", a.body_text());
    }
    out
}

fn markdown(articles: &[Article]) -> String {
    let mut out = String::new();
    for (i, a) in articles.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let _ = writeln!(out, "# {}\n", a.title.as_deref().unwrap_or(a.id.as_str()));
        let mut facts = vec![a.source.name.clone()];
        if let Some(d) = a.published {
            facts.push(d.to_string());
        }
        if !a.authors.is_empty() {
            facts.push(a.authors.join(", "));
        }
        if let Some(u) = &a.url {
            facts.push(u.to_string());
        }
        let _ = writeln!(out, "*{}*\n", facts.join(" · "));
        let mut in_list = false;
        for b in &a.blocks {
            let text = b.text.split_whitespace().collect::<Vec<_>>().join(" ");
            match b.kind {
                BlockKind::ListItem => {
                    let _ = writeln!(out, "- {text}");
                    in_list = true;
                    continue;
                }
                BlockKind::Heading => {
                    if in_list {
                        out.push('\n');
                    }
                    let _ = writeln!(out, "## {text}\n");
                }
                BlockKind::Paragraph => {
                    if in_list {
                        out.push('\n');
                    }
                    let _ = writeln!(out, "{text}\n");
                }
                BlockKind::Embed => {
                    if in_list {
                        out.push('\n');
                    }
                    let _ = writeln!(out, "> {text}\n");
                }
            }
            in_list = false;
        }
    }
    out
}
