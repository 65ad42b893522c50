//! Making document ids unique across all inputs of a run.

use std::collections::BTreeSet;

use parallax_model::{Diagnostic, DocId, RawDoc};

/// Makes the ids of `docs` unique, in input order, and returns the documents kept.
///
/// An id a record gave explicitly (`explicit[i]` is true) is kept as it is; a second document
/// with the same explicit id is refused with a diagnostic, since silently renaming it would
/// break the caller's references. An id Parallax made (a file stem, `<stem>:<line>`) that is
/// already taken gets `-2`, `-3`, ... appended.
pub fn assign_ids(docs: Vec<(RawDoc, bool)>) -> (Vec<RawDoc>, Vec<Diagnostic>) {
    let (kept, problems) = assign_ids_flagged(docs);
    (kept.into_iter().map(|(doc, _)| doc).collect(), problems)
}

/// As [`assign_ids`], each document kept with whether its id was given explicitly.
pub fn assign_ids_flagged(docs: Vec<(RawDoc, bool)>) -> (Vec<(RawDoc, bool)>, Vec<Diagnostic>) {
    let mut taken: BTreeSet<DocId> = BTreeSet::new();
    // Explicit ids win over made ones wherever they appear.
    for (doc, explicit) in &docs {
        if *explicit {
            taken.insert(doc.id.clone());
        }
    }
    let mut seen_explicit: BTreeSet<DocId> = BTreeSet::new();
    let mut kept = Vec::with_capacity(docs.len());
    let mut problems = Vec::new();
    for (mut doc, explicit) in docs {
        if explicit {
            if !seen_explicit.insert(doc.id.clone()) {
                problems.push(Diagnostic::new(
                    &doc.path,
                    format!("duplicate id {:?}: the document is left out", doc.id.as_str()),
                ));
                continue;
            }
        } else if !taken.insert(doc.id.clone()) {
            let base = doc.id.to_string();
            let fresh =
                (2..).filter_map(|n| DocId::new(&format!("{base}-{n}"))).find(|id| !taken.contains(id));
            if let Some(fresh) = fresh {
                taken.insert(fresh.clone());
                doc.id = fresh;
            }
        }
        kept.push((doc, explicit));
    }
    (kept, problems)
}

#[cfg(test)]
mod tests {
    use parallax_model::{DocFormat, DocId, DocMeta, RawDoc};

    use super::assign_ids;

    fn doc(id: &str, path: &str) -> RawDoc {
        RawDoc {
            id: DocId::new(id).unwrap_or_else(|| panic!("bad test id {id}")),
            path: path.to_string(),
            format: DocFormat::Text,
            text: "x".to_string(),
            meta: DocMeta::default(),
        }
    }

    #[test]
    fn made_ids_yield_and_explicit_duplicates_are_refused() {
        let (kept, problems) = assign_ids(vec![
            (doc("story", "a/story.txt"), false),
            (doc("story", "b/story.txt"), false),
            (doc("story-2", "feed.jsonl:1"), true),
            (doc("x", "feed.jsonl:2"), true),
            (doc("x", "feed.jsonl:3"), true),
        ]);
        let ids: Vec<String> = kept.iter().map(|d| format!("{}={}", d.path, d.id)).collect();
        assert_eq!(
            ids,
            ["a/story.txt=story", "b/story.txt=story-3", "feed.jsonl:1=story-2", "feed.jsonl:2=x"]
        );
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].input, "feed.jsonl:3");
        assert_eq!(problems[0].message, "duplicate id \"x\": the document is left out");
    }
}
