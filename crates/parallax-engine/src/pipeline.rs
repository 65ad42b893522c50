//! The only module that knows the order of the stages: raw documents → extract → text →
//! briefing. Each stage's output is passed forward; nothing flows back.

use parallax_model::{Article, BriefDocument, Briefing, Diagnostic, InputError, RawDoc, RemovedText, SCHEMA};
use rayon::prelude::*;

use crate::extract;
use crate::text::Analyzer;

/// Settings of the whole pipeline, one field per stage that has settings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// The extract stage's.
    pub extract: extract::Config,
}

/// Briefs `docs`. `errors` are the inputs that could not be read, in input order; they are
/// reported in the briefing next to the problems the stages find.
///
/// Documents are processed in parallel, but the briefing lists them in input order, so the
/// output does not depend on scheduling.
pub fn brief(docs: &[RawDoc], errors: Vec<Diagnostic>, config: &Config) -> Briefing {
    let per_doc: Vec<(Vec<BriefDocument>, Vec<Diagnostic>)> = docs
        .par_iter()
        .map_init(Analyzer::new, |analyzer, doc| {
            let extraction = extract::extract(doc, &config.extract);
            let documents = extraction.articles.iter().map(|a| brief_document(a, analyzer)).collect();
            (documents, extraction.diagnostics)
        })
        .collect();
    let mut briefing = Briefing { schema: SCHEMA.to_string(), ..Briefing::default() };
    let mut problems = errors;
    for (documents, diagnostics) in per_doc {
        briefing.documents.extend(documents);
        problems.extend(diagnostics);
    }
    briefing.errors =
        problems.into_iter().map(|d| InputError { input: d.input, message: d.message }).collect();
    briefing
}

fn brief_document(article: &Article, analyzer: &mut Analyzer) -> BriefDocument {
    let analysis = analyzer.analyze(article);
    BriefDocument {
        id: article.id.clone(),
        path: article.path.clone(),
        source: article.source.name.clone(),
        source_from: article.source.from,
        title: article.title.clone(),
        published: article.published,
        segment_of: article.segment_of.clone(),
        url: article.url.as_ref().map(ToString::to_string),
        authors: article.authors.clone(),
        text: article.body_text(),
        blocks: article.blocks.iter().map(|b| b.kind).collect(),
        sentences: analysis.sentences.len(),
        removed: article.removed.iter().map(|r| RemovedText { kind: r.kind, text: r.text.clone() }).collect(),
    }
}
