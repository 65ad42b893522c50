//! What the human-readable views show, independent of how they show it: a list of sections,
//! each a list of entries with a heading line and detail lines. [`super::markdown()`] and
//! [`super::terminal()`] only lay this out.

use parallax_model::{
    BriefDocument, Briefing, Claim, DivergenceKind, DocId, EntityKind, Origin, Relation, RemovedKind, Support,
};

/// A section of the briefing.
pub(crate) struct Section {
    pub(crate) title: String,
    pub(crate) entries: Vec<Entry>,
}

/// One entry: a heading made of styled pieces, and detail lines.
pub(crate) struct Entry {
    pub(crate) head: Vec<Piece>,
    pub(crate) details: Vec<Vec<Piece>>,
}

/// A run of text with a role that the view may style.
pub(crate) struct Piece {
    pub(crate) role: Role,
    pub(crate) text: String,
}

/// How a piece of text is meant, for styling.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Plain,
    /// A document id or other reference.
    Id,
    /// A name: an outlet, a speaker.
    Name,
    /// A title or headline.
    Title,
    /// Secondary information.
    Dim,
    /// A label such as a kind of chrome.
    Label,
    /// Something that went wrong.
    Error,
}

/// A piece of a view, its text made [`super::visible()`].
fn piece(role: Role, text: impl Into<String>) -> Piece {
    let text = text.into();
    let text = match super::visible(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(shown) => shown,
    };
    Piece { role, text }
}

/// The headline of the briefing: what was read.
pub(crate) fn summary_line(b: &Briefing) -> String {
    let docs = b.documents.len();
    let pages = b.documents.iter().filter(|d| d.segment_of.is_none()).count();
    let mut line = format!("{docs} document{} from {pages} input{}", plural(docs), plural(pages));
    if !b.origins.is_empty() {
        let n = b.origins.len();
        line.push_str(&format!(", {n} independent origin{}", plural(n)));
    }
    if !b.errors.is_empty() {
        line.push_str(&format!(", {} input error{}", b.errors.len(), plural(b.errors.len())));
    }
    line
}

/// The sections, in reading order. Empty sections are left out.
pub(crate) fn sections(b: &Briefing) -> Vec<Section> {
    let mut out = Vec::new();
    let summary: Vec<Entry> = b
        .summary
        .iter()
        .map(|s| Entry {
            head: vec![piece(Role::Plain, &s.text), piece(Role::Id, format!(" {}", cite(&s.documents)))],
            details: s
                .disputed
                .iter()
                .filter_map(|&k| b.divergences.get(k))
                .map(|d| vec![piece(Role::Label, format!("{DISPUTED} ")), piece(Role::Plain, &d.description)])
                .chain(s.superseded.iter().filter_map(|&k| b.updates.get(k)).map(|u| {
                    vec![piece(Role::Label, format!("{SUPERSEDED} ")), piece(Role::Plain, latest(u))]
                }))
                .collect(),
        })
        .collect();
    if !summary.is_empty() {
        out.push(Section { title: "Summary".to_string(), entries: summary });
    }
    let key: Vec<Entry> = key_facts(b).into_iter().take(KEY_FACTS).map(claim_entry).collect();
    if !key.is_empty() {
        out.push(Section { title: "Key facts".to_string(), entries: key });
    }
    let differ: Vec<Entry> = b
        .divergences
        .iter()
        .map(|d| Entry {
            head: vec![
                piece(Role::Label, format!("{}: ", divergence_label(d.kind))),
                piece(Role::Plain, &d.description),
            ],
            details: d.sides.iter().map(|s| backed(&s.text, 240, &s.documents, s.origins)).collect(),
        })
        .collect();
    if !differ.is_empty() {
        out.push(Section { title: "Where sources differ".to_string(), entries: differ });
    }
    let updates: Vec<Entry> = b
        .updates
        .iter()
        .map(|u| Entry {
            head: vec![piece(Role::Plain, &u.description)],
            details: u
                .steps
                .iter()
                .map(|s| {
                    let mut line = vec![piece(Role::Label, format!("{} {}: ", s.date, s.value))];
                    line.extend(backed(&s.text, 200, &s.documents, s.origins));
                    line
                })
                .collect(),
        })
        .collect();
    if !updates.is_empty() {
        out.push(Section { title: UPDATES.to_string(), entries: updates });
    }
    let single = single_source_by_origin(b);
    if !single.is_empty() {
        let mut entries: Vec<Entry> = single.iter().take(ONLY_ONE).map(|c| claim_entry(c)).collect();
        if single.len() > ONLY_ONE {
            entries.push(Entry {
                head: vec![piece(
                    Role::Dim,
                    format!(
                        "… and {} more single-source statements (see --format json)",
                        single.len() - ONLY_ONE
                    ),
                )],
                details: Vec::new(),
            });
        }
        out.push(Section { title: "Only in one source".to_string(), entries });
    }
    let sources: Vec<Entry> = b.origins.iter().map(|o| origin_entry(b, o)).collect();
    if !sources.is_empty() {
        out.push(Section { title: "Sources and how they relate".to_string(), entries: sources });
    }
    let said = who_said_what(b);
    if !said.is_empty() {
        out.push(Section { title: "Who said what".to_string(), entries: said });
    }
    let timeline: Vec<Entry> = b
        .timeline
        .iter()
        .map(|t| Entry {
            head: vec![
                piece(Role::Label, format!("{:<10} ", t.date)),
                piece(Role::Plain, clip(&t.text, 160)),
                piece(Role::Id, format!(" {}", cite(&t.documents))),
            ],
            details: Vec::new(),
        })
        .collect();
    if !timeline.is_empty() {
        out.push(Section { title: "Timeline".to_string(), entries: timeline });
    }
    let people: Vec<Entry> = b
        .entities
        .iter()
        .map(|e| {
            let mut head = vec![piece(Role::Name, &e.name)];
            match e.kind {
                EntityKind::Person => {}
                EntityKind::Organization => head.push(piece(Role::Dim, " (organisation)")),
                EntityKind::Place => head.push(piece(Role::Dim, " (place)")),
            }
            if !e.aliases.is_empty() && e.kind != EntityKind::Person {
                head.push(piece(Role::Plain, format!(", also {}", e.aliases.join(", "))));
            }
            if !e.roles.is_empty() {
                head.push(piece(Role::Plain, format!(", {}", e.roles.join("; "))));
            }
            head.push(piece(
                Role::Dim,
                format!(" ({} document{})", e.documents.len(), plural(e.documents.len())),
            ));
            Entry { head, details: Vec::new() }
        })
        .collect();
    if !people.is_empty() {
        out.push(Section { title: "People and organisations".to_string(), entries: people });
    }
    let documents: Vec<Entry> = b.documents.iter().map(document_entry).collect();
    if !documents.is_empty() {
        out.push(Section { title: "Documents".to_string(), entries: documents });
    }
    let errors: Vec<Entry> = b
        .errors
        .iter()
        .map(|e| Entry {
            head: vec![piece(Role::Error, &e.input), piece(Role::Plain, format!(": {}", e.message))],
            details: Vec::new(),
        })
        .collect();
    if !errors.is_empty() {
        out.push(Section { title: "Input errors".to_string(), entries: errors });
    }
    out
}

/// One origin: its root with its outlet and credited wire, each reprint with what it added and
/// cut, and, for a lone document, whom it shares quotes with.
fn origin_entry(b: &Briefing, o: &Origin) -> Entry {
    let source = |id: &DocId| b.documents.iter().find(|d| &d.id == id).map_or("?", |d| d.source.as_str());
    let mut head = vec![
        piece(Role::Id, format!("[{}]", o.root)),
        piece(Role::Plain, " "),
        piece(Role::Name, source(&o.root)),
    ];
    if o.documents.len() > 1 {
        let others = o.documents.len() - 1;
        let wire = o.name.as_ref().map(|n| format!(" ({n} copy)")).unwrap_or_default();
        head.push(piece(
            Role::Plain,
            format!("{wire}: reprinted by {others} other document{}, one origin", plural(others)),
        ));
    } else {
        head.push(piece(Role::Plain, ": independent"));
    }
    let mut details = Vec::new();
    for r in &o.reprints {
        let how = match r.relation {
            Relation::Copy => "copies",
            Relation::PartialCopy => "reuses part of",
            Relation::SharedQuotes => "quotes the same words as",
            Relation::Rewrite => "rewrites",
            Relation::Version => "is another version of",
        };
        details.push(vec![
            piece(Role::Id, format!("[{}]", r.document)),
            piece(Role::Plain, " "),
            piece(Role::Name, source(&r.document)),
            piece(
                Role::Plain,
                format!(
                    " {how} [{}]: adds {} sentence{}, cuts {}",
                    r.of,
                    r.added.len(),
                    plural(r.added.len()),
                    r.cut.len()
                ),
            ),
        ]);
        for (label, sentences) in [("added", &r.added), ("cut", &r.cut)] {
            if let Some(first) = sentences.first() {
                let more = if sentences.len() > 1 {
                    format!(" (+{} more)", sentences.len() - 1)
                } else {
                    String::new()
                };
                details.push(vec![
                    piece(Role::Label, format!("  {label}: ")),
                    piece(Role::Dim, format!("{}{more}", clip(first, 110))),
                ]);
            }
        }
    }
    if o.documents.len() == 1 {
        let mut quoted_with: Vec<&DocId> = b
            .reuse
            .iter()
            .filter(|l| l.relation == Relation::SharedQuotes && (l.a == o.root || l.b == o.root))
            .map(|l| if l.a == o.root { &l.b } else { &l.a })
            .collect();
        quoted_with.dedup();
        if !quoted_with.is_empty() {
            let names: Vec<String> = quoted_with.iter().map(|id| id.to_string()).collect();
            details
                .push(vec![piece(Role::Dim, format!("shares quotes, not prose, with {}", names.join(", ")))]);
        }
    }
    Entry { head, details }
}

/// At most this many corroborated claims are shown as key facts.
const KEY_FACTS: usize = 12;
/// At most this many single-source statements are shown; the JSON has them all.
const ONLY_ONE: usize = 12;

/// Single-source statements, taken in turn from each origin so that every outlet's own
/// reporting shows among the first ones.
fn single_source_by_origin(b: &Briefing) -> Vec<&Claim> {
    let origin_of =
        |c: &Claim| c.documents.first().and_then(|d| b.origins.iter().position(|o| o.documents.contains(d)));
    let mut buckets: Vec<Vec<&Claim>> = vec![Vec::new(); b.origins.len() + 1];
    for c in b.claims.iter().filter(|c| c.support == Support::SingleSource) {
        buckets[origin_of(c).unwrap_or(b.origins.len())].push(c);
    }
    let mut out = Vec::new();
    let longest = buckets.iter().map(Vec::len).max().unwrap_or(0);
    for i in 0..longest {
        out.extend(buckets.iter().filter_map(|bucket| bucket.get(i).copied()));
    }
    out
}

/// The key facts, as the claims stage lists them ([`Briefing::key_facts`]): the corroborated
/// claims, most independent origins first, each fact once.
pub(crate) fn key_facts(b: &Briefing) -> Vec<&Claim> {
    let by_id: std::collections::HashMap<&str, &Claim> =
        b.claims.iter().map(|c| (c.id.as_str(), c)).collect();
    b.key_facts.iter().filter_map(|id| by_id.get(id.as_str()).copied()).collect()
}

/// How a claim reads in a list: a part of another claim's sentence (`Claim::part_of`) opens
/// on an ellipsis, since it is a clause cut from a longer sentence ("…the bridge was struck by
/// a large ship.").
pub(crate) fn claim_text(c: &Claim) -> String {
    if c.part_of.is_some() { format!("…{}", c.text) } else { c.text.clone() }
}

/// A claim with its origin count and citations.
fn claim_entry(c: &Claim) -> Entry {
    Entry {
        head: vec![
            piece(Role::Plain, clip(&claim_text(c), 240)),
            piece(Role::Label, format!(" ({})", origins(c.origins))),
            piece(Role::Id, format!(" {}", cite(&c.documents))),
        ],
        details: Vec::new(),
    }
}

/// What a summary sentence that takes one side of a divergence is marked with, before the
/// divergence's description: it is one variant, not a settled fact.
pub(crate) const DISPUTED: &str = "Sources differ:";

/// What a summary sentence that gives an early count is marked with, before the count's
/// latest values.
pub(crate) const SUPERSEDED: &str = "Counted later:";

/// The latest values of a count by day, with their day: "dead 281 on 2024-07-01".
pub(crate) fn latest(u: &parallax_model::Update) -> String {
    let last = u.steps.iter().map(|s| s.date.as_str()).max().unwrap_or_default();
    let values: Vec<&str> = u.steps.iter().filter(|s| s.date == last).map(|s| s.value.as_str()).collect();
    format!("{} {} on {last}", u.quantity, values.join(" and "))
}

/// The title of the section of counts by day.
pub(crate) const UPDATES: &str = "How counts changed";

/// A sentence clipped to `width`, its documents and how many independent origins they are.
fn backed(text: &str, width: usize, documents: &[DocId], n: usize) -> Vec<Piece> {
    vec![
        piece(Role::Plain, clip(text, width)),
        piece(Role::Id, format!(" {}", cite(documents))),
        piece(Role::Dim, format!(" ({})", origins(n))),
    ]
}

/// How many independent origins back something: "1 origin", "3 independent origins".
pub(crate) fn origins(n: usize) -> String {
    if n == 1 { "1 origin".to_string() } else { format!("{n} independent origins") }
}

/// How a kind of divergence reads.
pub(crate) fn divergence_label(kind: DivergenceKind) -> &'static str {
    match kind {
        DivergenceKind::Number => "number",
        DivergenceKind::Date => "date",
        DivergenceKind::Attribute => "detail",
        DivergenceKind::Stance => "stance",
        DivergenceKind::QuoteWording => "quote wording",
    }
}

/// Document ids as a citation: "[a, b]".
fn cite(ids: &[DocId]) -> String {
    format!("[{}]", ids.iter().map(DocId::as_str).collect::<Vec<_>>().join(", "))
}

/// Full quotes grouped by speaker, speakers in order of how much they are quoted; each quote
/// with its venue, documents and other wordings. Partial quotes are left to the claims.
fn who_said_what(b: &Briefing) -> Vec<Entry> {
    let mut speakers: Vec<(String, Vec<&parallax_model::Quote>)> = Vec::new();
    for q in b.quotes.iter().filter(|q| !q.partial) {
        let who = q.speaker.clone().unwrap_or_else(|| "Unattributed".to_string());
        match speakers.iter_mut().find(|(s, _)| *s == who) {
            Some((_, qs)) => qs.push(q),
            None => speakers.push((who, vec![q])),
        }
    }
    speakers.sort_by(|a, b| {
        b.1.len().cmp(&a.1.len()).then((a.0 == "Unattributed").cmp(&(b.0 == "Unattributed")))
    });
    speakers
        .into_iter()
        .map(|(who, quotes)| {
            let role = b.entities.iter().find(|e| e.name == who).and_then(|e| e.roles.first().cloned());
            let mut head = vec![piece(Role::Name, &who)];
            if let Some(role) = role {
                head.push(piece(Role::Dim, format!(", {role}")));
            }
            let mut details = Vec::new();
            for q in quotes {
                let venue = q.venue.as_ref().map(|v| format!(" ({v})")).unwrap_or_default();
                details.push(vec![
                    piece(Role::Title, format!("“{}”", clip(&q.text, 200))),
                    piece(Role::Dim, venue),
                    piece(Role::Id, format!(" {}", cite(&q.documents))),
                ]);
                if q.variants.len() > 1 {
                    details.push(vec![piece(
                        Role::Label,
                        format!("  worded {} ways across outlets", q.variants.len()),
                    )]);
                }
            }
            Entry { head, details }
        })
        .collect()
}

/// `s` cut to at most `max` characters at a word boundary, with an ellipsis when cut.
fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

fn document_entry(d: &BriefDocument) -> Entry {
    let mut head =
        vec![piece(Role::Id, format!("[{}]", d.id)), piece(Role::Plain, " "), piece(Role::Name, &d.source)];
    if let Some(title) = &d.title {
        head.push(piece(Role::Plain, " — "));
        head.push(piece(Role::Title, title));
    }
    let mut facts = Vec::new();
    if !d.authors.is_empty() {
        facts.push(format!("by {}", d.authors.join(", ")));
    }
    facts.push(format!("{} sentence{}", d.sentences, plural(d.sentences)));
    facts.push(format!("{} paragraph{}", d.blocks.len(), plural(d.blocks.len())));
    if let Some(date) = d.published {
        let from_text = if d.published_from_text {
            " (no date given; read from the text)"
        } else if d.published_from_set {
            " (no date given; the day the other reports establish)"
        } else {
            ""
        };
        facts.push(format!("published {date}{from_text}"));
    }
    match &d.segment_of {
        Some(page) => facts.push(format!("split from {page}")),
        None => facts.push(d.path.clone()),
    }
    let mut details = vec![vec![piece(Role::Dim, facts.join(" · "))]];
    for r in &d.removed {
        details.push(vec![
            piece(Role::Label, format!("removed {}: ", removed_label(r.kind))),
            piece(Role::Dim, &r.text),
        ]);
    }
    Entry { head, details }
}

/// How a reason for removal reads in a sentence.
pub(crate) fn removed_label(kind: RemovedKind) -> &'static str {
    match kind {
        RemovedKind::Caption => "photo caption",
        RemovedKind::ImageCredit => "image credit",
        RemovedKind::Comments => "comments",
        RemovedKind::Related => "related articles",
        RemovedKind::FollowPrompt => "follow prompt",
        RemovedKind::ReadMore => "read-more link",
        RemovedKind::Share => "share bar",
        RemovedKind::Promo => "promotion",
        RemovedKind::Timestamp => "timestamp",
        RemovedKind::ItemHeader => "item header",
        RemovedKind::Byline => "byline",
        RemovedKind::Copyright => "copyright notice",
        RemovedKind::AuthorBox => "author box",
        RemovedKind::Navigation => "navigation",
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use parallax_model::{Briefing, Claim, Support};

    use super::key_facts;

    #[test]
    fn key_facts_are_the_claims_the_briefing_lists_in_its_order() {
        let claim = |id: &str, text: &str| Claim {
            id: id.to_string(),
            text: text.to_string(),
            documents: Vec::new(),
            origins: 2,
            support: Support::Corroborated,
            part_of: None,
        };
        let b = Briefing {
            claims: vec![
                claim("claim-1", "The ferry ran aground off Halvik on Tuesday."),
                claim("claim-2", "The ferry ran aground off Halvik, the coastguard said."),
                claim("claim-3", "The harbour reopened on Wednesday."),
            ],
            key_facts: vec!["claim-3".into(), "claim-1".into(), "claim-9".into()],
            ..Briefing::default()
        };
        let got: Vec<&str> = key_facts(&b).iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            got,
            ["The harbour reopened on Wednesday.", "The ferry ran aground off Halvik on Tuesday."]
        );
    }

    #[test]
    fn counts_by_day_and_each_sides_origins_are_shown() {
        use parallax_model::{Divergence, DivergenceKind, DivergenceSide, DocId, Update, UpdateStep};
        let id = |s: &str| DocId::new(s).expect("an id");
        let b = Briefing {
            divergences: vec![Divergence {
                kind: DivergenceKind::Number,
                description: "injured: 14 vs 12".to_string(),
                sides: vec![
                    DivergenceSide {
                        text: "14 were hurt.".into(),
                        documents: vec![id("a"), id("b")],
                        origins: 2,
                    },
                    DivergenceSide { text: "12 were hurt.".into(), documents: vec![id("c")], origins: 1 },
                ],
            }],
            updates: vec![Update {
                quantity: "injured".into(),
                description: "injured: 14 on 4 Mar → 16 on 5 Mar".into(),
                steps: vec![UpdateStep {
                    date: "2026-03-05".into(),
                    value: "16".into(),
                    text: "The number of injured rose to 16.".into(),
                    documents: vec![id("d")],
                    origins: 1,
                }],
            }],
            ..Briefing::default()
        };
        let md = super::super::markdown(&b);
        assert!(md.contains("14 were hurt. `[a, b]` (2 independent origins)"), "{md}");
        assert!(md.contains("12 were hurt. `[c]` (1 origin)"), "{md}");
        assert!(md.contains("## How counts changed"), "{md}");
        assert!(md.contains("injured: 14 on 4 Mar → 16 on 5 Mar"), "{md}");
        assert!(md.contains("2026-03-05 16: The number of injured rose to 16. `[d]` (1 origin)"), "{md}");
        let html = super::super::html(&b);
        assert!(html.contains("<h2 id=\"updates\">How counts changed</h2>"), "{html}");
        assert_eq!(html.matches("How counts changed").count(), 1, "shown once");
    }

    #[test]
    fn a_summary_sentence_that_takes_a_side_or_gives_an_early_count_says_so_where_it_stands() {
        use parallax_model::{
            Divergence, DivergenceKind, DivergenceSide, DocId, Summary, Update, UpdateStep,
        };
        let id = |s: &str| DocId::new(s).expect("an id");
        let side = |text: &str, doc: &str| DivergenceSide {
            text: text.into(),
            documents: vec![id(doc)],
            origins: 1,
        };
        let step = |date: &str, value: &str| UpdateStep {
            date: date.into(),
            value: value.into(),
            text: String::new(),
            documents: vec![id("a")],
            origins: 1,
        };
        let sentence = |text: &str, disputed: Vec<usize>, superseded: Vec<usize>| Summary {
            text: text.into(),
            documents: vec![id("a")],
            disputed,
            superseded,
        };
        let b = Briefing {
            summary: vec![
                sentence("14 were hurt in the collision.", vec![0], Vec::new()),
                sentence("The ferry was towed to port.", Vec::new(), Vec::new()),
                sentence("Two people died in the collision.", Vec::new(), vec![0]),
            ],
            divergences: vec![Divergence {
                kind: DivergenceKind::Number,
                description: "How many hurt: 12 or 14".to_string(),
                sides: vec![side("14 were hurt in the collision.", "a"), side("12 were hurt.", "c")],
            }],
            updates: vec![Update {
                quantity: "dead".into(),
                description: "dead: two on 4 Mar → three on 6 Mar".into(),
                steps: vec![
                    step("2026-03-04", "two"),
                    step("2026-03-06", "three"),
                    step("2026-03-06", "at least 4"),
                ],
            }],
            ..Briefing::default()
        };
        let md = super::super::markdown(&b);
        assert_eq!(md.matches("Sources differ: How many hurt: 12 or 14").count(), 1, "{md}");
        let at = md.find("Sources differ").expect("marked");
        assert!(
            at > md.find("14 were hurt in the collision.").expect("shown")
                && at < md.find("The ferry was towed").expect("shown"),
            "{md}"
        );
        assert_eq!(md.matches("Counted later: dead three and at least 4 on 2026-03-06").count(), 1, "{md}");
        assert!(
            md.find("Counted later").expect("marked") > md.find("Two people died").expect("shown"),
            "{md}"
        );
        let html = super::super::html(&b);
        assert!(html.contains("Sources differ: <a href=\"#differ-1\">How many hurt: 12 or 14</a>"), "{html}");
        assert!(html.contains("<li id=\"differ-1\">"), "{html}");
        assert!(
            html.contains("Counted later: <a href=\"#updates\">dead three and at least 4 on 2026-03-06</a>"),
            "{html}"
        );
    }
}
