//! The only module that knows the order of the stages: raw documents → extract → text →
//! reuse → facts → briefing. Each stage's output is passed forward; nothing flows back.

use parallax_model::{
    Article, Attribution, BriefDocument, Briefing, Claim, Diagnostic, Divergence, DivergenceSide, DocId,
    Entity, EntityKind, InputError, Origin, Quote, QuoteVariant, RawDoc, RemovedText, Reprint, ReuseLink,
    SCHEMA, SharedPassage, Summary, Support, TimelineEntry, Update, UpdateStep,
};
use rayon::prelude::*;

use crate::text::{Analysis, Analyzer};
use crate::{claims, extract, facts, reuse};

/// Settings of the whole pipeline, one field per stage that has settings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// The extract stage's.
    pub extract: extract::Config,
    /// The reuse stage's.
    pub reuse: reuse::Config,
    /// The facts stage's.
    pub facts: facts::Config,
    /// The claims stage's.
    pub claims: claims::Config,
}

/// An article with its text analysis, as the stages after extraction read it.
pub type ReadArticle = (Article, Analysis);

/// One raw document's articles with their text analyses, and its problems.
type Extracted = (Vec<ReadArticle>, Vec<Diagnostic>);

/// Briefs `docs`. `errors` are the inputs that could not be read, in input order; they are
/// reported in the briefing next to the problems the stages find.
///
/// Documents are processed in parallel, but everything is collected in input order, so the
/// output does not depend on scheduling.
pub fn brief(docs: &[RawDoc], errors: Vec<Diagnostic>, config: &Config) -> Briefing {
    brief_kept(docs, |_, _| true, errors, config)
}

/// Briefs, of each document `docs[d]`, only the articles at the places `places[d]` lists: `n`
/// for the `n`-th article extraction finds in it (from 1, as `DocId::segment` numbers them). A
/// stored story is briefed from its documents, but only from its own articles: a page of
/// several (a live page's entries, a roundup) may have them in several stories.
pub fn brief_articles(
    docs: &[RawDoc],
    places: &[Vec<usize>],
    errors: Vec<Diagnostic>,
    config: &Config,
) -> Briefing {
    brief_kept(docs, |d, n| places.get(d).is_some_and(|p| p.contains(&n)), errors, config)
}

/// The articles extraction finds in `doc`, each with its text analysis, as the briefing reads
/// them: what [`story_card`] takes, so that a caller counting many stories reads a
/// document they share once (a live page's entries may lie in many stories).
pub fn read_articles(doc: &RawDoc, config: &Config) -> Vec<ReadArticle> {
    analysed(doc, |_| true, config, &mut Analyzer::new()).0
}

/// The articles of `doc` that `keep(n)` keeps (the `n`-th, from 1), each with its text
/// analysis, and the document's problems.
fn analysed(
    doc: &RawDoc,
    keep: impl Fn(usize) -> bool,
    config: &Config,
    analyzer: &mut Analyzer,
) -> Extracted {
    let extraction = extract::extract(doc, &config.extract);
    let articles = extraction
        .articles
        .into_iter()
        .enumerate()
        .filter(|&(n, _)| keep(n + 1))
        .map(|(_, a)| {
            let analysis = analyzer.analyze(&a);
            (a, analysis)
        })
        .collect();
    (articles, extraction.diagnostics)
}

/// What the story list shows of a story beside its members, as the story's briefing finds it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StoryCard {
    /// Its independent origins: the briefing's `origins`.
    pub origins: usize,
    /// Its headline: the briefing's `headline`.
    pub headline: Option<String>,
    /// How many divergences its briefing shows (where its sources disagree).
    pub divergences: usize,
}

/// How many outlets `names` (the articles' outlet names, `Source::name`) are: names that
/// differ only in case or spacing are one outlet ("The Courier", "the  courier").
pub fn outlets<'a>(names: impl IntoIterator<Item = &'a str>) -> usize {
    names
        .into_iter()
        .map(|n| n.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" "))
        .collect::<std::collections::BTreeSet<_>>()
        .len()
}

/// The card of a stored story, its documents read ([`read_articles`]): of each document's
/// articles in `read`, those at the places given beside them (as [`brief_articles`] keeps
/// them), counted and headed as that story's briefing counts and heads them. The one
/// definition `parallax stories`, the server's story list and a story's briefing share; the
/// claims are not grouped nor summarised, only their statements read for the headline and
/// the divergences.
pub fn story_card(read: &[(&[ReadArticle], &[usize])], config: &Config) -> StoryCard {
    let articles: Vec<&ReadArticle> = read
        .iter()
        .flat_map(|&(articles, kept)| {
            articles.iter().enumerate().filter(|(n, _)| kept.contains(&(n + 1))).map(|(_, a)| a)
        })
        .collect();
    let up = upstream(&articles, config);
    let card = claims::card(&claim_input(&articles, &up, &[]));
    StoryCard { origins: up.found.origins.len(), headline: card.headline, divergences: card.divergences }
}

/// The articles that `keep(d, n)` keeps (the `n`-th article, from 1, of document `d`), each
/// with its text analysis, in input order, and the documents' problems.
fn extract_kept(
    docs: &[RawDoc],
    keep: impl Fn(usize, usize) -> bool + Sync,
    config: &Config,
) -> (Vec<(Article, Analysis)>, Vec<Diagnostic>) {
    let per_doc: Vec<Extracted> = docs
        .par_iter()
        .enumerate()
        .map_init(Analyzer::new, |analyzer, (d, doc)| analysed(doc, |n| keep(d, n), config, analyzer))
        .collect();
    let mut articles = Vec::new();
    let mut problems = Vec::new();
    for (analysed, diagnostics) in per_doc {
        articles.extend(analysed);
        problems.extend(diagnostics);
    }
    (articles, problems)
}

/// What the stages before the claims find in a set of articles: their reuse (links and
/// origins), their facts and each article's origin as the claims count it (one voice per
/// page).
struct Upstream {
    reuse_docs: Vec<reuse::Doc>,
    found: reuse::Reuse,
    found_facts: facts::Facts,
    origin_of: Vec<usize>,
}

/// The stages before the claims, over `articles`: what a briefing and a story's card share.
fn upstream(articles: &[&ReadArticle], config: &Config) -> Upstream {
    let reuse_docs: Vec<reuse::Doc> =
        articles.par_iter().map(|(a, analysis)| reuse::Doc::new(a, analysis)).collect();
    let found = reuse::reuse(&reuse_docs, &config.reuse);

    let article_refs: Vec<&Article> = articles.iter().map(|(a, _)| a).collect();
    let found_facts = facts::facts(&article_refs, &config.facts);

    let mut origin_of = vec![0; reuse_docs.len()];
    for (n, g) in found.origins.iter().enumerate() {
        for &m in &g.members {
            origin_of[m] = n;
        }
    }
    one_voice_per_page(articles, &mut origin_of);
    Upstream { reuse_docs, found, found_facts, origin_of }
}

/// The claims stage's input: `articles` as the stages before found them (`up`), with the
/// quotes grouped across them (a briefing's quotes; a story's card needs none).
fn claim_input<'a>(
    articles: &[&'a ReadArticle],
    up: &'a Upstream,
    quote_groups: &[facts::QuoteGroup],
) -> claims::Input<'a> {
    let Upstream { reuse_docs, found_facts, origin_of, .. } = up;
    claims::Input {
        docs: reuse_docs
            .iter()
            .zip(origin_of)
            .zip(&found_facts.docs)
            .zip(articles)
            .map(|(((d, &origin), f), (a, _))| claims::DocInput {
                title: a.title.as_deref(),
                // A sentence that reads as page chrome makes no claim; it keeps its place, empty,
                // so that positions still hold.
                sentences: d
                    .sentences
                    .iter()
                    .map(|s| if extract::is_chrome(&s.text) { "" } else { s.text.as_str() })
                    .collect(),
                quoted: d
                    .sentences
                    .iter()
                    .map(|s| s.quoted.iter().filter(|&&q| q).count() as f64 / s.quoted.len().max(1) as f64)
                    .collect(),
                origin,
                published: d.published.or(f.implied_published),
                dated: f.dated.iter().filter(|t| t.firm).map(|t| (t.date.clone(), t.text.clone())).collect(),
            })
            .collect(),
        quotes: quote_groups
            .iter()
            .map(|q| claims::QuoteInput { speaker: q.speaker.clone(), variants: q.variants.clone() })
            .collect(),
        people: found_facts.people.iter().map(|p| p.name.clone()).collect(),
        spellings: found_facts
            .people
            .iter()
            .flat_map(|p| p.aliases.iter().map(|a| (a.clone(), p.name.clone())))
            .collect(),
    }
}

/// The briefing's id of claim group `n` (from 0): `claim-1`, `claim-2`, …
fn claim_id(n: usize) -> String {
    format!("claim-{}", n + 1)
}

/// Briefs the articles that `keep(d, n)` keeps: the `n`-th article (from 1) of document `d`.
fn brief_kept(
    docs: &[RawDoc],
    keep: impl Fn(usize, usize) -> bool + Sync,
    errors: Vec<Diagnostic>,
    config: &Config,
) -> Briefing {
    let (articles, found_problems) = extract_kept(docs, keep, config);
    let mut problems = errors;
    problems.extend(found_problems);
    let refs: Vec<&ReadArticle> = articles.iter().collect();
    let up = upstream(&refs, config);
    let Upstream { reuse_docs, found, found_facts, .. } = &up;
    let quote_groups = &facts::group_quotes(found_facts);
    let claim_input = claim_input(&refs, &up, quote_groups);
    let found_claims = claims::claims(&claim_input, &config.claims);

    let ids: Vec<DocId> = articles.iter().map(|(a, _)| a.id.clone()).collect();
    let doc_ids = |set: &std::collections::BTreeSet<usize>| -> Vec<DocId> {
        set.iter().map(|&d| ids[d].clone()).collect()
    };
    Briefing {
        schema: SCHEMA.to_string(),
        documents: articles
            .iter()
            .zip(&found_facts.docs)
            .map(|((a, analysis), f)| {
                let mut d = brief_document(a, analysis);
                if d.published.is_none() && f.implied_published.is_some() {
                    d.published = f.implied_published;
                    d.published_from_text = true;
                } else if d.published.is_none() && f.set_published.is_some() {
                    d.published = f.set_published;
                    d.published_from_set = true;
                }
                d
            })
            .collect(),
        reuse: found.links.iter().map(|l| reuse_link(l, &ids)).collect(),
        origins: found
            .origins
            .iter()
            .enumerate()
            .map(|(n, g)| origin(n, g, &found.links, reuse_docs, &ids))
            .collect(),
        entities: found_facts
            .people
            .iter()
            .enumerate()
            .map(|(n, p)| Entity {
                id: format!("person-{}", n + 1),
                name: p.name.clone(),
                kind: EntityKind::Person,
                roles: p.roles.iter().cloned().collect(),
                aliases: p.aliases.iter().cloned().collect(),
                documents: doc_ids(&p.documents),
            })
            .chain(named_entities(&found_facts.named, facts::NamedKind::Organization, "org", &doc_ids))
            .chain(named_entities(&found_facts.named, facts::NamedKind::Place, "place", &doc_ids))
            .collect(),
        quotes: quote_groups
            .iter()
            .enumerate()
            .map(|(n, q)| Quote {
                id: format!("quote-{}", n + 1),
                speaker: q.speaker.clone(),
                text: q.text.clone(),
                documents: doc_ids(&q.documents()),
                variants: q
                    .variants
                    .iter()
                    .map(|(t, d)| QuoteVariant { text: t.clone(), documents: doc_ids(d) })
                    .collect(),
                venue: q.venue.clone(),
                partial: q.partial,
            })
            .collect(),
        timeline: facts::timeline(found_facts)
            .iter()
            .map(|t| TimelineEntry {
                date: t.date.clone(),
                text: t.text.clone(),
                documents: doc_ids(&t.documents),
            })
            .collect(),
        attributions: found_facts
            .docs
            .iter()
            .enumerate()
            .flat_map(|(d, f)| {
                let id = &ids[d];
                f.reported.iter().map(move |r| Attribution {
                    speaker: r.speaker.clone(),
                    verb: r.verb.clone(),
                    text: r.text.clone(),
                    document: id.clone(),
                })
            })
            .collect(),
        claims: found_claims
            .groups
            .iter()
            .enumerate()
            .map(|(n, g)| Claim {
                id: claim_id(n),
                text: g.text.clone(),
                documents: doc_ids(&g.documents),
                origins: g.origins,
                support: if g.origins >= 2 { Support::Corroborated } else { Support::SingleSource },
                part_of: g.part_of.map(claim_id),
            })
            .collect(),
        divergences: found_claims
            .divergences
            .iter()
            .map(|d| Divergence {
                kind: d.kind,
                description: d.description.clone(),
                sides: d
                    .sides
                    .iter()
                    .map(|(t, docs)| DivergenceSide {
                        text: t.clone(),
                        documents: doc_ids(docs),
                        origins: claims::origins_of(&claim_input.docs, docs),
                    })
                    .collect(),
            })
            .collect(),
        updates: found_claims
            .updates
            .iter()
            .map(|u| Update {
                quantity: u.quantity.to_string(),
                description: u.description(),
                steps: u
                    .steps
                    .iter()
                    .map(|s| UpdateStep {
                        date: s.day.to_string(),
                        value: s.written.clone(),
                        text: claim_input.docs[s.sentence.0].sentences[s.sentence.1].to_string(),
                        documents: doc_ids(&s.documents),
                        origins: s.origins,
                    })
                    .collect(),
            })
            .collect(),
        headline: found_claims.headline.clone(),
        key_facts: found_claims.key_facts.iter().copied().map(claim_id).collect(),
        summary: found_claims
            .summary
            .iter()
            .map(|p| Summary {
                text: p.text.clone(),
                documents: doc_ids(&p.documents),
                disputed: p.disputed.clone(),
                superseded: p.superseded.clone(),
            })
            .collect(),
        errors: problems.into_iter().map(|d| InputError { input: d.input, message: d.message }).collect(),
    }
}

/// Organisations or places as entities, numbered `org-1`, `place-1`, … in order of appearance.
fn named_entities(
    named: &[facts::Named],
    kind: facts::NamedKind,
    prefix: &str,
    doc_ids: &dyn Fn(&std::collections::BTreeSet<usize>) -> Vec<DocId>,
) -> Vec<Entity> {
    named
        .iter()
        .filter(|n| n.kind == kind)
        .enumerate()
        .map(|(i, n)| Entity {
            id: format!("{prefix}-{}", i + 1),
            name: n.name.clone(),
            kind: match kind {
                facts::NamedKind::Organization => EntityKind::Organization,
                facts::NamedKind::Place => EntityKind::Place,
            },
            roles: Vec::new(),
            aliases: n.aliases.iter().cloned().collect(),
            documents: doc_ids(&n.documents),
        })
        .collect()
}

/// Articles cut from one page under one outlet (a live page's entries) are one voice for
/// corroboration: their origins, and every article sharing those origins, are joined.
fn one_voice_per_page(articles: &[&ReadArticle], origin_of: &mut [usize]) {
    let groups = origin_of.iter().max().map_or(0, |m| m + 1);
    let mut sets = crate::sets::DisjointSets::new(groups);
    let mut first_of: std::collections::BTreeMap<(&str, &str), usize> = std::collections::BTreeMap::new();
    for ((a, _), &origin) in articles.iter().zip(origin_of.iter()) {
        let page = a.segment_of.as_ref().unwrap_or(&a.id).as_str();
        let first = *first_of.entry((page, a.source.name.as_str())).or_insert(origin);
        sets.union(first, origin);
    }
    for origin in origin_of.iter_mut() {
        *origin = sets.find(*origin);
    }
}

/// One article as a briefing's `documents` give it: what a reader of one stored document is
/// shown (its body, and what was removed from it and why).
pub fn document(article: &Article) -> BriefDocument {
    brief_document(article, &Analyzer::new().analyze(article))
}

fn brief_document(article: &Article, analysis: &Analysis) -> BriefDocument {
    BriefDocument {
        id: article.id.clone(),
        path: article.path.clone(),
        source: article.source.name.clone(),
        source_from: article.source.from,
        title: article.title.clone(),
        published: article.published,
        published_from_text: false,
        published_from_set: false,
        updated: article.updated,
        language: article.language.clone(),
        segment_of: article.segment_of.clone(),
        url: article.url.as_ref().map(ToString::to_string),
        authors: article.authors.clone(),
        text: article.body_text(),
        blocks: article.blocks.iter().map(|b| b.kind).collect(),
        sentences: analysis.sentences.len(),
        removed: article.removed.iter().map(|r| RemovedText { kind: r.kind, text: r.text.clone() }).collect(),
    }
}

fn reuse_link(link: &reuse::Link, ids: &[DocId]) -> ReuseLink {
    ReuseLink {
        a: ids[link.a].clone(),
        b: ids[link.b].clone(),
        relation: link.relation,
        containment_a: link.containment_a,
        containment_b: link.containment_b,
        shared_passages: link.passages.iter().map(|t| SharedPassage { text: t.clone() }).collect(),
    }
}

fn origin(
    n: usize,
    group: &reuse::Group,
    links: &[reuse::Link],
    docs: &[reuse::Doc],
    ids: &[DocId],
) -> Origin {
    let reprints = group
        .members
        .iter()
        .filter(|&&m| m != group.root)
        .filter_map(|&m| {
            // The link to the root when there is one, else to the earliest member it copies.
            let copies = |l: &&reuse::Link| l.relation.same_origin();
            let link = links
                .iter()
                .filter(copies)
                .find(|l| (l.a, l.b) == (group.root.min(m), group.root.max(m)))
                .or_else(|| links.iter().filter(copies).find(|l| l.a == m || l.b == m))?;
            let (of, added, cut) = if link.b == m {
                (link.a, &link.only_in_b, &link.only_in_a)
            } else {
                (link.b, &link.only_in_a, &link.only_in_b)
            };
            let text = |doc: usize, sentences: &[usize]| -> Vec<String> {
                sentences.iter().filter_map(|&s| docs[doc].sentences.get(s).map(|s| s.text.clone())).collect()
            };
            Some(Reprint {
                document: ids[m].clone(),
                of: ids[of].clone(),
                relation: link.relation,
                added: text(m, added),
                cut: text(of, cut),
            })
        })
        .collect();
    Origin {
        id: format!("origin-{}", n + 1),
        documents: group.members.iter().map(|&m| ids[m].clone()).collect(),
        root: ids[group.root].clone(),
        name: group.name.clone(),
        reprints,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn outlets_named_alike_are_one() {
        assert_eq!(super::outlets(["The Courier", "the  courier", "Harbour Gazette"]), 2);
        assert_eq!(super::outlets([]), 0);
    }
}
