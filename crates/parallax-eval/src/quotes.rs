//! `parallax eval quotes`: direct quotes and speakers against PolNeAR.
//!
//! The metric (also in docs/EVALUATION.md). PolNeAR annotates attributions (direct and
//! indirect speech) as Source, Cue and Content spans. A gold direct quote is a quotation-mark
//! segment of three or more words that lies (at least half of it) inside an annotated Content
//! span; its gold speaker is that attribution's Source span. A system quote is every quote of
//! three or more words Parallax reports. A system quote matches a gold one when their
//! character overlap is at least half the shorter of the two (one to one, in text order).
//! Precision, recall and F1 count matches. Speaker accuracy, over matched quotes: the mention
//! Parallax attributes the quote to overlaps the gold Source span, or the person Parallax
//! resolves it to is named in that span (for a gold quote with no source, Parallax must give
//! none); a gold source that is a relative pronoun ("who") stands with the noun phrase before
//! it. The mention-only figure is printed too. Each article is scored against its first
//! annotator's file.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use parallax_engine::{extract, facts, ingest};
use parallax_model::DocFormat;

use crate::common::{f1, round};

/// What `parallax eval quotes` was asked.
#[derive(Clone, Debug)]
pub struct Options {
    /// The PolNeAR folder (holding `data/<split>/text` and `data/<split>/attributions`).
    pub bench: PathBuf,
    /// The splits to score, in order (`dev`, `train`, ...).
    pub splits: Vec<String>,
    /// Print the figures as JSON instead of a table.
    pub json: bool,
    /// Print each missed or spurious quote and each wrong speaker (for looking at errors).
    pub errors: bool,
}

/// One gold quote: character range, and the character ranges of its source mentions.
struct Gold {
    start: usize,
    end: usize,
    sources: Vec<(usize, usize)>,
}

/// One system quote: character range and speaker mention range.
struct System {
    start: usize,
    end: usize,
    speaker: Option<(usize, usize)>,
    /// The person (or unnamed source) the mention was resolved to.
    name: Option<String>,
}

#[derive(Default)]
struct Score {
    articles: usize,
    gold: usize,
    system: usize,
    matched: usize,
    speaker_right: usize,
    mention_right: usize,
    /// Speakers right by the strict rule: the resolved person carries a name word of the
    /// gold source's head (before its first comma); a gold quote without a source needs none.
    strict_right: usize,
}

/// Scores quotes and speakers on each split asked for and prints the figures (and, with
/// `errors`, every miss as it is found).
pub fn run(args: &Options) -> anyhow::Result<()> {
    if !args.bench.join("data").is_dir() {
        bail!("{} is not the PolNeAR folder (no data/ in it)", args.bench.display());
    }
    let mut rows = Vec::new();
    for split in &args.splits {
        let score = score_split(&args.bench.join("data").join(split), args.errors)?;
        rows.push((split.clone(), score));
    }
    let f = |s: &Score| {
        let p = ratio(s.matched, s.system);
        let r = ratio(s.matched, s.gold);
        let f1 = f1(p, r);
        (
            p,
            r,
            f1,
            ratio(s.speaker_right, s.matched),
            ratio(s.mention_right, s.matched),
            ratio(s.strict_right, s.matched),
        )
    };
    if args.json {
        let out: Vec<serde_json::Value> = rows
            .iter()
            .map(|(split, s)| {
                let (p, r, f1, acc, on_mention, strict) = f(s);
                serde_json::json!({"split": split, "articles": s.articles, "gold_quotes": s.gold, "system_quotes": s.system,
                    "matched": s.matched, "precision": round(p), "recall": round(r), "f1": round(f1), "speaker_accuracy": round(acc),
                    "speaker_mention_accuracy": round(on_mention), "speaker_strict_accuracy": round(strict)})
            })
            .collect();
        println!("{:#}", serde_json::Value::Array(out));
    } else {
        println!("direct quotes and speakers on PolNeAR ({})", args.bench.display());
        println!(
            "{:<8}{:>9}{:>7}{:>8}{:>8}{:>8}{:>8}{:>8}{:>10}{:>10}{:>9}",
            "split", "articles", "gold", "system", "match", "P", "R", "F1", "speaker", "mention", "strict"
        );
        for (split, s) in &rows {
            let (p, r, f1, acc, on_mention, strict) = f(s);
            println!(
                "{split:<8}{:>9}{:>7}{:>8}{:>8}{:>8.3}{:>8.3}{:>8.3}{:>10.3}{:>10.3}{:>9.3}",
                s.articles, s.gold, s.system, s.matched, p, r, f1, acc, on_mention, strict
            );
        }
        println!(
            "speaker: the attributed mention overlaps the gold source, or the person it resolves to is named in it; mention: overlap only;\n\
             strict: the person it resolves to carries a name word of the gold source's head (before its first comma)"
        );
        println!("targets: F1 >= 0.90, speaker accuracy >= 0.90, strict speaker accuracy >= 0.90");
        println!(
            "anchors: BBC Citron (PARC 3.0, content spans, overlap) F1 0.833; Gender Gap Tracker (own news set) quotes F1 0.837, speakers 0.865"
        );
    }
    Ok(())
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn score_split(dir: &Path, show: bool) -> anyhow::Result<Score> {
    let texts = dir.join("text");
    let anns = dir.join("attributions");
    let mut names: Vec<_> = std::fs::read_dir(&texts)
        .with_context(|| format!("cannot list {}", texts.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    let mut ann_files: Vec<_> = std::fs::read_dir(&anns)
        .with_context(|| format!("cannot list {}", anns.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    ann_files.sort();
    let mut score = Score::default();
    for path in names {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
        let Some(ann) = ann_files.iter().find(|a| {
            a.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(&format!("{stem}_")))
        }) else {
            continue;
        };
        let text =
            std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
        let ann_text =
            std::fs::read_to_string(ann).with_context(|| format!("cannot read {}", ann.display()))?;
        let gold = gold_quotes(&text, &ann_text);
        let system = system_quotes(&path.display().to_string(), &text);
        score.articles += 1;
        score.gold += gold.len();
        score.system += system.len();
        let mut used = vec![false; gold.len()];
        for s in &system {
            let hit =
                gold.iter().enumerate().find(|(g, q)| !used[*g] && overlaps(s.start, s.end, q.start, q.end));
            match hit {
                Some((g, q)) => {
                    used[g] = true;
                    score.matched += 1;
                    let (mention_right, right) = match (&s.speaker, q.sources.is_empty()) {
                        (None, true) => (true, true),
                        (Some((a, b)), false) => {
                            let on_mention = q.sources.iter().any(|&(c, d)| *a < d && c < *b);
                            let by_name = s.name.as_deref().is_some_and(|n| {
                                q.sources.iter().any(|&(c, d)| names_person(&chars(&text, c, d), n))
                            });
                            (on_mention, on_mention || by_name)
                        }
                        _ => (false, false),
                    };
                    let strict = match (&s.name, q.sources.is_empty()) {
                        (_, true) => s.speaker.is_none(),
                        (name, false) => q.sources.iter().any(|&(c, d)| {
                            let source = chars(&text, c, d);
                            match name_words(&source) {
                                // A pronoun or a description: the mention must be the source.
                                words if words.is_empty() => mention_right,
                                words => name
                                    .as_deref()
                                    .is_some_and(|n| name_words(n).iter().any(|w| words.contains(w))),
                            }
                        }),
                    };
                    score.strict_right += usize::from(strict);
                    score.speaker_right += usize::from(right);
                    score.mention_right += usize::from(mention_right);
                    if show && !(right && strict) {
                        let said = s.speaker.map_or("-".to_string(), |(a, b)| chars(&text, a, b));
                        let gold_src = q
                            .sources
                            .iter()
                            .map(|&(a, b)| chars(&text, a, b))
                            .collect::<Vec<_>>()
                            .join(" / ");
                        // Right by the project's rule but not by the strict one: say whom the
                        // mention was resolved to.
                        let (label, person) = if right {
                            ("STRICT ", format!(" (resolved to {:?})", s.name.as_deref().unwrap_or("-")))
                        } else {
                            ("SPEAKER", String::new())
                        };
                        say(&format!(
                            "{label} {stem}: {:?} said by {said:?}{person}, gold {gold_src:?}",
                            chars(&text, s.start, s.end)
                        ));
                    }
                }
                None if show => say(&format!("SPURIOUS {stem}: {:?}", chars(&text, s.start, s.end))),
                None => {}
            }
        }
        if show {
            for (_, q) in gold.iter().enumerate().filter(|(g, _)| !used[*g]) {
                say(&format!("MISSED {stem}: {:?}", chars(&text, q.start, q.end)));
            }
        }
    }
    Ok(score)
}

/// Whether a gold source span (`"Cruz spokesman Rick Tyler"`) names the person Parallax resolved
/// the speaker to (`"Rick Tyler"`): the person's last name is a word of the span.
fn names_person(source: &str, name: &str) -> bool {
    let Some(last) = name.split_whitespace().last() else { return false };
    if !last.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    source.split(|c: char| !c.is_alphanumeric() && c != '-').any(|w| w == last)
}

/// The name words of a source's head (the source before its first comma), lower-cased: its
/// capitalised words of two letters or more, but pronouns and articles ("Cruz spokesman Rick
/// Tyler" → cruz, rick, tyler; "He", "the announcer" → none; "a spokesman, Rick Tyler" → none).
/// The strict speaker rule: where the gold head has name words, the resolved person must carry
/// one; where it has none, the attributed mention must be the gold source.
fn name_words(source: &str) -> Vec<String> {
    const NOT_NAMES: [&str; 16] = [
        "he", "she", "it", "they", "we", "i", "you", "the", "a", "an", "his", "her", "their", "its", "this",
        "that",
    ];
    let head = source.split(',').next().unwrap_or(source);
    head.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| w.chars().count() >= 2 && w.chars().next().is_some_and(char::is_uppercase))
        .map(str::to_lowercase)
        .filter(|w| !NOT_NAMES.contains(&w.as_str()))
        .collect()
}

fn chars(text: &str, a: usize, b: usize) -> String {
    text.chars().skip(a).take(b.saturating_sub(a)).collect()
}

fn overlaps(a: usize, b: usize, c: usize, d: usize) -> bool {
    let inter = b.min(d).saturating_sub(a.max(c));
    let shorter = (b - a).min(d - c).max(1);
    inter * 2 >= shorter
}

/// Character offset of each byte offset of `text` (one entry per byte, plus the end).
fn char_index(text: &str) -> Vec<usize> {
    let mut out = vec![0; text.len() + 1];
    let mut n = 0;
    for (i, c) in text.char_indices() {
        for k in 0..c.len_utf8() {
            out[i + k] = n;
        }
        n += 1;
    }
    out[text.len()] = n;
    out
}

fn gold_quotes(text: &str, ann: &str) -> Vec<Gold> {
    // T-lines: id -> (type, char ranges).
    let mut spans: std::collections::BTreeMap<&str, Vec<(usize, usize)>> = Default::default();
    let mut relations = Vec::new();
    for line in ann.lines() {
        let parts: Vec<&str> = line.split('\t').collect();
        if parts.len() >= 2 && parts[0].starts_with('T') {
            let mut fields = parts[1].splitn(2, ' ');
            let _kind = fields.next();
            let ranges = fields.next().unwrap_or("");
            let ranges: Vec<(usize, usize)> = ranges
                .split(';')
                .filter_map(|r| {
                    let mut it = r.split_whitespace().filter_map(|n| n.parse::<usize>().ok());
                    Some((it.next()?, it.next()?))
                })
                .collect();
            spans.insert(parts[0], ranges);
        } else if parts.len() >= 2 && parts[0].starts_with('E') {
            relations.push(parts[1].to_string());
        }
    }
    // Quoted segments, found independently of Parallax's own quote detector: inside each
    // annotated Content span, a run of text between an opening mark and the next closing mark
    // of the same kind (“…”, "…", ‘…’, or '…' at word boundaries), three words or more.
    let chars: Vec<char> = text.chars().collect();
    let mut segments = Vec::new();
    for rel in &relations {
        for arg in rel.split_whitespace() {
            let Some(("Content", id)) = arg.split_once(':') else { continue };
            for &(a, b) in spans.get(id).map(Vec::as_slice).unwrap_or(&[]) {
                segments.extend(marked_segments(&chars, a.saturating_sub(1), (b + 1).min(chars.len())));
            }
        }
    }
    segments.sort_unstable();
    segments.dedup();
    let mut out: Vec<Gold> = Vec::new();
    for rel in relations {
        let mut content = Vec::new();
        let mut sources = Vec::new();
        for arg in rel.split_whitespace() {
            let Some((role, id)) = arg.split_once(':') else { continue };
            let ranges = spans.get(id).cloned().unwrap_or_default();
            match role {
                "Content" => content.extend(ranges),
                "Source" => {
                    for (a, b) in ranges {
                        sources.push((a, b));
                        // A relative pronoun stands for the noun phrase it follows ("Weaver,
                        // who said"): that phrase is part of the source.
                        if let Some(ante) = antecedent(&chars, a, b) {
                            sources.push(ante);
                        }
                    }
                }
                _ => {}
            }
        }
        for &(a, b) in &segments {
            let inside: usize = content.iter().map(|&(c, d)| b.min(d).saturating_sub(a.max(c))).sum();
            if inside * 2 >= b - a && !out.iter().any(|g| g.start == a) {
                out.push(Gold { start: a, end: b, sources: sources.clone() });
            }
        }
    }
    out.sort_by_key(|g| g.start);
    out
}

/// The noun phrase a relative pronoun source (`who`, `which`, `that`, `whom`) stands for: the
/// words right before it, past its comma, back to the previous comma, the sentence's start or
/// at most six words ("Jeff Weaver, who said" → "Jeff Weaver").
fn antecedent(chars: &[char], a: usize, b: usize) -> Option<(usize, usize)> {
    let word: String = chars.get(a..b)?.iter().collect::<String>().to_lowercase();
    if !matches!(word.trim(), "who" | "which" | "that" | "whom") {
        return None;
    }
    let mut end = a;
    while end > 0 && (chars[end - 1].is_whitespace() || chars[end - 1] == ',') {
        end -= 1;
    }
    let mut start = end;
    let mut words = 0;
    while start > 0 && words < 6 {
        let c = chars[start - 1];
        if matches!(c, '.' | '!' | '?' | ',' | ';' | '\n' | '"' | '“' | '”' | '(' | ')') {
            break;
        }
        if c.is_whitespace() {
            words += 1;
        }
        start -= 1;
    }
    (start < end).then_some((start, end))
}

/// Quoted runs in `chars[from..to]`, as character ranges of the words inside the marks.
fn marked_segments(chars: &[char], from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = from;
    while i < to {
        let c = chars[i];
        let prev_ok = i == 0 || !chars[i - 1].is_alphanumeric();
        let close = match c {
            '“' => Some('”'),
            '"' if prev_ok => Some('"'),
            '‘' if prev_ok => Some('’'),
            '\'' if prev_ok => Some('\''),
            _ => None,
        };
        if let Some(close) = close {
            let end = (i + 1..to).find(|&k| {
                chars[k] == close
                    && (close == '”'
                        || close == '"'
                        || k + 1 >= chars.len()
                        || !chars[k + 1].is_alphanumeric())
            });
            if let Some(end) = end {
                let words = chars[i + 1..end].iter().collect::<String>().split_whitespace().count();
                if words >= 3 {
                    out.push((i + 1, end));
                }
                i = end + 1;
                continue;
            }
            // An unclosed mark: the quote runs to the end of the span.
            let words = chars[i + 1..to].iter().collect::<String>().split_whitespace().count();
            if words >= 3 && matches!(c, '“' | '"') {
                out.push((i + 1, to));
            }
            break;
        }
        i += 1;
    }
    out
}

fn system_quotes(name: &str, text: &str) -> Vec<System> {
    let Ok(doc) =
        ingest::text_document(name, "doc", DocFormat::Text, text.as_bytes(), &ingest::Config::default())
    else {
        return Vec::new();
    };
    let extraction = extract::extract(&doc, &extract::Config::default());
    let articles: Vec<&parallax_model::Article> = extraction.articles.iter().collect();
    let found = facts::facts(&articles, &facts::Config::default());
    let index = char_index(&doc.text);
    // The decoded text drops a byte-order mark, if any; PolNeAR files have none.
    let mut out = Vec::new();
    for d in &found.docs {
        for q in &d.quotes {
            if q.text.split_whitespace().count() < 3 {
                continue;
            }
            let c = |b: u32| index.get(b as usize).copied().unwrap_or(0);
            out.push(System {
                start: c(q.span.start),
                end: c(q.span.end),
                speaker: q.speaker_mention.map(|m| (c(m.start), c(m.end))),
                name: q.speaker.clone(),
            });
        }
    }
    out.sort_by_key(|s| s.start);
    out
}

/// Prints a line of the error listing; a closed pipe (`| head`) silences the rest.
fn say(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stdout().lock(), "{line}");
}

#[cfg(test)]
mod tests {
    use super::{antecedent, name_words, names_person};

    #[test]
    fn the_strict_rule_reads_the_name_words_of_the_source_head() {
        assert_eq!(name_words("Cruz spokesman Rick Tyler"), ["cruz", "rick", "tyler"]);
        assert_eq!(name_words("PENCE"), ["pence"]);
        assert!(name_words("a spokesman, Rick Tyler").is_empty(), "after the first comma");
        assert!(name_words("He").is_empty());
        assert!(name_words("the announcer").is_empty());
    }

    #[test]
    fn relative_pronouns_stand_for_the_phrase_before_them() {
        let text: Vec<char> = "Then came Jeff Weaver, who said it".chars().collect();
        let at = 23;
        let got = antecedent(&text, at, at + 3).map(|(a, b)| text[a..b].iter().collect::<String>());
        assert_eq!(got.as_deref(), Some("Then came Jeff Weaver"));
        assert_eq!(antecedent(&text, 29, 33), None, "'said' is no relative pronoun");
    }

    #[test]
    fn a_person_is_named_by_their_last_name() {
        assert!(names_person("Cruz spokesman Rick Tyler", "Rick Tyler"));
        assert!(!names_person("Cruz spokesman Rick Tyler", "Ted Cruz Jr"));
        assert!(!names_person("the company", "company"));
    }
}
