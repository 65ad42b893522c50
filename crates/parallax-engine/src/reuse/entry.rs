//! The stage's entry point: documents → links between them and their origins.

use std::collections::BTreeMap;

use parallax_model::Relation;
use rayon::prelude::*;
use xxhash_rust::xxh3::xxh3_64;

use super::align::{Found, Prepared, REWRITE_RUN, WIRE_REWRITE_RUN, align};
use super::doc::Doc;
use super::lsh;
use super::minhash::signature;
use super::origins::{Group, group};

/// Settings of the reuse stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Config {
    /// Stem keys per document shingle for candidate search.
    pub shingle: usize,
    /// The LSH index.
    pub lsh: lsh::Config,
    /// Up to this many documents every pair is aligned; above it, only LSH candidates.
    pub all_pairs_up_to: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config { shingle: 5, lsh: lsh::Config::default(), all_pairs_up_to: 48 }
    }
}

/// Two documents that share text, by document number (`a < b`, input order).
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    /// One document.
    pub a: usize,
    /// The other, later in input order.
    pub b: usize,
    /// How they are related.
    pub relation: Relation,
    /// Share of a's text found in b.
    pub containment_a: f64,
    /// Share of b's text found in a.
    pub containment_b: f64,
    /// The passages of a found in b, as runs of consecutive sentences.
    pub passages: Vec<String>,
    /// Sentences of a not found in b (what b cut, when b reprints a).
    pub only_in_a: Vec<usize>,
    /// Sentences of b not found in a (what b added).
    pub only_in_b: Vec<usize>,
}

/// What the reuse stage found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reuse {
    /// Every pair with a relation, sorted by `(a, b)`.
    pub links: Vec<Link>,
    /// Every document in exactly one origin, ordered by first member.
    pub origins: Vec<Group>,
    /// Pairs that were aligned exactly.
    pub candidates: usize,
    /// For each document identical to an earlier one, that earlier one's number: identical
    /// documents are linked to their first copy only, not to each other.
    pub duplicate_of: Vec<Option<usize>>,
}

/// Links and origins of `docs`.
pub fn reuse(docs: &[Doc], config: &Config) -> Reuse {
    let prepared: Vec<Prepared> = docs.par_iter().map(Prepared::new).collect();
    // Identical documents are linked to their first copy directly and kept out of the
    // search, so a story duplicated a thousand times costs a thousand hashes.
    let mut first_of: BTreeMap<u64, usize> = BTreeMap::new();
    let mut duplicate_of: Vec<Option<usize>> = vec![None; docs.len()];
    for (i, doc) in docs.iter().enumerate() {
        if doc.is_empty() {
            continue;
        }
        let mut bytes = Vec::new();
        for s in &doc.sentences {
            for k in &s.keys {
                bytes.extend_from_slice(&k.to_le_bytes());
            }
        }
        let hash = xxh3_64(&bytes);
        match first_of.get(&hash) {
            Some(&first) => duplicate_of[i] = Some(first),
            None => {
                first_of.insert(hash, i);
            }
        }
    }
    let distinct: Vec<usize> =
        (0..docs.len()).filter(|&i| duplicate_of[i].is_none() && !docs[i].is_empty()).collect();
    let mut pairs: Vec<(usize, usize)> = if distinct.len() <= config.all_pairs_up_to {
        let mut pairs = Vec::new();
        for (n, &a) in distinct.iter().enumerate() {
            for &b in &distinct[n + 1..] {
                pairs.push((a, b));
            }
        }
        pairs
    } else {
        candidates(docs, &distinct, config)
    };
    // Versions of one page are aligned whether or not the index paired them.
    let versions = same_page(docs, &distinct);
    if !versions.is_empty() {
        pairs.extend(&versions);
        pairs.sort_unstable();
        pairs.dedup();
    }
    let mut links: Vec<Link> = pairs
        .par_iter()
        .filter_map(|&(a, b)| {
            let wire = docs[a].wire().is_some_and(|w| docs[b].wire() == Some(w));
            let run = if wire { WIRE_REWRITE_RUN } else { REWRITE_RUN };
            let alignment = align(&prepared[a], &prepared[b], run);
            let relation = match alignment.relation {
                Some(r) if r.same_origin() => r,
                _ if versions.binary_search(&(a, b)).is_ok() => Relation::Version,
                r => r?,
            };
            Some(Link {
                a,
                b,
                relation,
                containment_a: round(alignment.containment.0),
                containment_b: round(alignment.containment.1),
                passages: passages(&docs[a], &alignment.found_a),
                only_in_a: missing(&alignment.found_a),
                only_in_b: missing(&alignment.found_b),
            })
        })
        .collect();
    for (i, first) in duplicate_of.iter().enumerate() {
        if let Some(first) = *first {
            links.push(Link {
                a: first,
                b: i,
                relation: Relation::Copy,
                containment_a: 1.0,
                containment_b: 1.0,
                passages: vec![
                    docs[i].sentences.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join(" "),
                ],
                only_in_a: Vec::new(),
                only_in_b: Vec::new(),
            });
        }
    }
    links.sort_by_key(|l| (l.a, l.b));
    let origins = group(docs, &links);
    Reuse { links, origins, candidates: pairs.len(), duplicate_of }
}

/// Pairs of documents among `distinct` read from one page address, `a < b`, sorted: each
/// later version with the first.
fn same_page(docs: &[Doc], distinct: &[usize]) -> Vec<(usize, usize)> {
    let mut first: BTreeMap<&str, usize> = BTreeMap::new();
    let mut pairs = Vec::new();
    for &d in distinct {
        if let Some(page) = docs[d].page.as_deref() {
            match first.get(page) {
                Some(&f) => pairs.push((f, d)),
                None => {
                    first.insert(page, d);
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs
}

/// Candidate pairs among `distinct` from the LSH index.
fn candidates(docs: &[Doc], distinct: &[usize], config: &Config) -> Vec<(usize, usize)> {
    search(docs, distinct, config).pairs
}

/// What an LSH search found, and what its index cost.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Search {
    /// Candidate pairs of document numbers, `a < b`, sorted.
    pub pairs: Vec<(usize, usize)>,
    /// Bytes the index held per indexed document.
    pub index_bytes_per_doc: usize,
}

/// Candidate pairs among the documents numbered in `among`, from MinHash signatures of their
/// shingles in an LSH index: the scalable half of [`reuse`], public so that it can be measured
/// on its own.
pub fn search(docs: &[Doc], among: &[usize], config: &Config) -> Search {
    let signatures: Vec<Option<[u32; 128]>> =
        among.par_iter().map(|&d| signature(&docs[d].shingles(config.shingle))).collect();
    let mut index = lsh::Index::with_capacity(config.lsh, among.len());
    for (n, sig) in signatures.iter().enumerate() {
        if let Some(sig) = sig
            && n < lsh::MAX_DOCS
        {
            index.insert(n as u32, sig);
        }
    }
    let index_bytes_per_doc = index.bytes_per_doc();
    let pairs = index.candidates().into_iter().map(|(a, b)| (among[a as usize], among[b as usize])).collect();
    Search { pairs, index_bytes_per_doc }
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Runs of consecutive found sentences of `doc`, as text.
fn passages(doc: &Doc, found: &[Found]) -> Vec<String> {
    let mut out = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for (s, f) in doc.sentences.iter().zip(found) {
        if *f == Found::No {
            if !run.is_empty() {
                out.push(run.join(" "));
                run.clear();
            }
        } else {
            run.push(&s.text);
        }
    }
    if !run.is_empty() {
        out.push(run.join(" "));
    }
    out
}

fn missing(found: &[Found]) -> Vec<usize> {
    found.iter().enumerate().filter(|(_, f)| **f == Found::No).map(|(i, _)| i).collect()
}

#[cfg(test)]
mod tests {
    use parallax_model::{DocFormat, DocId, DocMeta, RawDoc, Relation};

    use super::{Config, reuse};
    use crate::reuse::Doc;
    use crate::{extract, text};

    fn doc(id: &str, body: &str) -> Doc {
        doc_at(id, body, None)
    }

    /// A document read from the page at `url`.
    fn doc_at(id: &str, body: &str, url: Option<&str>) -> Doc {
        let url = url.map(|u| u.parse().unwrap_or_else(|e| panic!("bad url {u}: {e}")));
        let raw = RawDoc {
            id: DocId::new(id).unwrap_or_else(|| panic!("bad id {id}")),
            path: format!("{id}.txt"),
            format: DocFormat::Text,
            text: body.to_string(),
            meta: DocMeta { url, ..DocMeta::default() },
        };
        let article = extract::extract(&raw, &extract::Config::default()).articles.into_iter().next();
        let article = article.unwrap_or_else(|| panic!("no article in {id}"));
        Doc::new(&article, &text::analyze(&article))
    }

    /// The relation found between two texts, or "none".
    #[track_caller]
    fn check(a: &str, b: &str, expect: &str) {
        let found = reuse(&[doc("a", a), doc("b", b)], &Config::default());
        let got = found.links.first().map_or("none".to_string(), |l| format!("{:?}", l.relation));
        assert_eq!(got, expect);
    }

    const WIRE: &str = "Fourteen people were injured when a ferry and a cargo ship collided in fog off the port on Tuesday.\n\
        The coastguard said all 212 passengers had been brought ashore by mid-morning.\n\
        “Visibility was down to a few metres,” the commander told reporters at the quayside.\n\
        The transport minister ordered the accident board to open an inquiry into the collision.\n\
        The ferry operator said it was co-operating fully with investigators and had suspended the route.\n\
        Three of the injured were taken to hospital with fractures and the rest were treated at the scene.";

    #[test]
    fn datelines_with_a_region_and_agency_photo_credits_name_the_wire() {
        assert_eq!(doc("a", &format!("SKARVIK, Nordland (CWS) — {WIRE}")).wire(), Some("CWS"));
        assert_eq!(doc("b", &format!("HALVIK (CWS) — {WIRE}")).wire(), Some("CWS"));
        // Not a place in capitals, or no dash after the credit: no dateline.
        let plain = format!("Officials in Skarvik (CWS) said the port was shut.\n{WIRE}");
        assert_eq!(doc("c", &plain).wire(), None);
        assert_eq!(
            doc("d", &format!("SKARVIK, Nordland (CWS) said the port was shut.\n{WIRE}")).wire(),
            None
        );
        // "(CWS Photo/Jo Lind)" credits the agency, not the photographer.
        let photo = doc("e", &format!("{WIRE}\nRescue crews at the harbour on Tuesday (CWS Photo/Jo Lind)"));
        assert_eq!(photo.credits.first().map(String::as_str), Some("CWS"));
        let filed =
            doc("f", &format!("{WIRE}\nRescue crews at the harbour on Tuesday (CWS PHOTO/JO LIND/FILE)"));
        assert_eq!(filed.credits.first().map(String::as_str), Some("CWS"));
        assert_eq!(doc("g", &format!("SKARVIK (CWS): {WIRE}")).wire(), Some("CWS"));
    }

    #[test]
    fn light_edits_are_still_a_copy() {
        // Quote style, spelling, a changed word, a dropped and an added sentence, reordered.
        let reprint = "The coastguard said all 212 passengers had been brought ashore by late morning.\n\
            Fourteen people were injured when a ferry and a cargo ship collided in fog off the port on Tuesday.\n\
            'Visibility was down to a few metres,' the commander told reporters at the quayside.\n\
            The transport minister ordered the accident board to open an inquiry into the collision.\n\
            The ferry operator said it was cooperating fully with investigators and had suspended the route.\n\
            Divers will check the channel for debris on Wednesday before it reopens to traffic.";
        check(WIRE, reprint, "Copy");
    }

    #[test]
    fn a_block_of_wire_copy_is_a_partial_copy() {
        let item = format!(
            "Council members met on Monday to discuss the new harbour budget for next year.\n\
             The mayor said the plan would add two berths and a new terminal building by 2028.\n\
             Opposition members said the cost had doubled since the plan was first presented.\n\
             The vote was postponed until the finance committee had reviewed the figures again.\n\
             Residents near the terminal have complained about noise from night-time loading.\n\
             {WIRE}"
        );
        check(WIRE, &item, "PartialCopy");
    }

    #[test]
    fn the_same_quote_in_independent_prose_is_shared_quotes() {
        let rewrite = "Investigators are now asking why two ships with working radar met at the harbour mouth.\n\
            The commander put it plainly: “Visibility was down to a few metres.”\n\
            Unions have warned for years that the channel is too busy at the morning peak.";
        check(WIRE, rewrite, "SharedQuotes");
    }

    #[test]
    fn a_write_through_is_a_rewrite_and_independent_reports_are_not() {
        // A later version: the toll updated, the lead and word choice changed, one sentence
        // added, every sentence still in its place.
        let later = "Sixteen people were hurt on Tuesday after a ferry collided with a cargo ship in thick fog off the port, officials said.\n\
            All 212 passengers were ashore by mid-morning, according to the coastguard.\n\
            Divers began checking the harbour channel for debris in the afternoon.\n\
            An inquiry into the collision was ordered by the transport minister and the accident board.\n\
            The operator of the ferry, co-operating fully with investigators, has suspended the route.\n\
            Three of the hurt suffered fractures and went to hospital, while the others got treatment at the scene.";
        check(WIRE, later, "Rewrite");
        let found = reuse(&[doc("a", WIRE), doc("b", later)], &Config::default());
        assert_eq!(found.origins.len(), 1, "a write-through joins its story's origin");
        assert_eq!(found.links[0].only_in_b, [2], "what the version added");
        // The same facts in another outlet's own build: other order, other sentences.
        let independent = "A ferry operator suspended its route after one of its ships collided with a cargo vessel in fog.\n\
            Three passengers suffered fractures and were taken to hospital, and others were treated at the scene.\n\
            The minister for transport said an accident board would hold an inquiry into the collision.\n\
            Fourteen people were injured in the crash off the port on Tuesday morning.\n\
            All of the 212 passengers reached the shore by mid-morning, the coastguard said.\n\
            Local fishermen said the fog had been the thickest in years.";
        check(WIRE, independent, "none");
    }

    #[test]
    fn write_throughs_crediting_one_wire_need_a_shorter_run() {
        // Three sentences reworded in order, the rest of each version its own: not enough for
        // a rewrite on its own, enough when both credit the same wire in their copy.
        let first = "PORT ELLEN (CWS) — Fourteen people were injured when a ferry and a cargo ship collided in fog off the port on Tuesday.\n\
            The coastguard said all 212 passengers had been brought ashore by mid-morning.\n\
            The transport minister ordered the accident board to open an inquiry into the collision.\n\
            Fishermen said the fog had been the thickest they could remember.\n\
            The harbour master closed the channel to small boats for the rest of the day.";
        let later = "PORT ELLEN (CWS) — Sixteen people were hurt on Tuesday after a ferry collided with a cargo ship in thick fog off the port.\n\
            All 212 passengers were ashore by mid-morning, according to the coastguard.\n\
            An inquiry into the collision was ordered by the transport minister and the accident board.\n\
            Two of the injured remained in hospital on Wednesday with broken legs.\n\
            Divers began checking the channel for debris left by the crash.";
        check(first, later, "Rewrite");
        let uncredited = |t: &str| t.replacen("PORT ELLEN (CWS) — ", "", 1);
        check(&uncredited(first), &uncredited(later), "none");
        // Another wire's copy told in the same order is not that wire's write-through.
        check(first, &later.replacen("(CWS)", "(NWA)", 1), "none");
    }

    #[test]
    fn a_run_of_four_rewordings_is_a_rewrite_when_two_sentences_are_kept_word_for_word() {
        // A site's rewrite of a copy: four sentences in the copy's order, two of them kept as
        // they were, two reworded; the rest of each text its own.
        let kept_lead = "The coastguard said all 212 passengers had been brought ashore from the stricken ferry by mid-morning.";
        let kept_close =
            "The harbour master closed the channel to small boats for the rest of the day and the next.";
        let copy = format!(
            "Fishing crews in Port Ellen had warned of the thick fog at first light on Tuesday.\n\
             {kept_lead}\n\
             The transport minister ordered the accident board to open an inquiry into the collision.\n\
             Fourteen people were hurt, two of them badly, and were taken to the hospital in Skarvik.\n\
             {kept_close}\n\
             Ferry services to the islands are expected to resume on Thursday morning at the earliest.\n\
             Shares in the ferry operator fell sharply in Oslo when the market opened on Wednesday.\n\
             The operator said it would pay for hotel rooms for every stranded passenger this week."
        );
        let rewritten = |lead: &str, close: &str| {
            format!(
                "Readers sent in photographs of the ferry lying at an angle close to the harbour wall.\n\
                 {lead}\n\
                 An inquiry was ordered into the collision by the accident board and the minister of transport.\n\
                 In Skarvik, the hospital took fourteen injured people, of whom two were badly hurt.\n\
                 {close}\n\
                 The island council has asked the government for money to repair the damaged pier.\n\
                 Local schools stayed open although many pupils could not reach them by boat.\n\
                 Volunteers handed out blankets and hot drinks at the terminal late into the night."
            )
        };
        check(&copy, &rewritten(kept_lead, kept_close), "Rewrite");
        // The same four in the same order, all reworded: a run of four alone is not enough.
        let reworded_lead = "All 212 passengers had been taken off the stricken ferry and brought ashore by mid-morning, the coastguard said.";
        let reworded_close = "For the rest of the day and the next, small boats were kept out of the channel by the harbour master.";
        check(&copy, &rewritten(reworded_lead, reworded_close), "none");
    }

    #[test]
    fn a_brief_cut_from_the_copy_is_a_rewrite_when_one_of_its_sentences_is_kept_word_for_word() {
        // A site's short item: the wire's lead reworded, one sentence kept as it was, a link.
        let lead = "Fourteen people were hurt on Tuesday after a ferry hit a cargo ship in thick fog outside the harbour, officials said.";
        let kept = "The ferry operator said it was co-operating fully with investigators and had suspended the route [...]";
        check(WIRE, &format!("{lead}\n{kept}\nFull Article"), "Rewrite");
        // Every sentence reworded, none kept: another outlet's own brief of the same facts.
        let reworded = "The operator of the ferry has halted the route and is helping the investigators.";
        check(WIRE, &format!("{lead}\n{reworded}\nFull Article"), "none");
        // A sentence of its own that the copy does not tell: more than a brief of it.
        let own = "Local fishermen said the fog over the harbour had been the thickest in many years.";
        check(WIRE, &format!("{lead}\n{kept}\n{own}\nFull Article"), "none");
    }

    #[test]
    fn versions_of_one_page_are_one_origin_however_they_changed() {
        let other = "Divers spent Wednesday checking the harbour channel for debris left by the collision.\n\
            Sixteen people are now known to have been hurt, two more than first reported.";
        let page = "https://www.example.com/news/ferry-collision/?utm_source=feed";
        let found = reuse(
            &[
                doc_at("a", WIRE, Some(page)),
                doc_at("b", other, Some("http://example.com/news/ferry-collision")),
            ],
            &Config::default(),
        );
        assert_eq!(found.links.len(), 1);
        assert_eq!(found.links[0].relation, Relation::Version);
        assert_eq!(found.origins.len(), 1);
        // Another page of the same site is another report.
        let found = reuse(
            &[
                doc_at("a", WIRE, Some(page)),
                doc_at("b", other, Some("https://example.com/news/ferry-inquiry")),
            ],
            &Config::default(),
        );
        assert!(found.links.is_empty());
    }

    #[test]
    fn one_long_wire_sentence_kept_word_for_word_is_reuse_and_a_shared_quote_is_not() {
        // A later version with a new lead and new sentences keeps one long sentence of the
        // wire copy as it was.
        let long = "The ferry operator said late on Tuesday that it was co-operating fully with the             investigators from the marine accident board and had suspended every crossing on the             route until the inquiry into the collision off the port had reported its findings.";
        let first = format!(
            "Fourteen people were injured when a ferry and a cargo ship collided in fog off the port on Tuesday.\n\
             {long}\n\
             The coastguard said all 212 passengers had been brought ashore by mid-morning."
        );
        let later = format!(
            "Divers spent Wednesday checking the harbour channel for debris left by the collision.\n\
             Sixteen people are now known to have been hurt, two more than first reported.\n\
             {long}\n\
             Fishermen said the fog had been the thickest they could remember."
        );
        check(&first, &later, "PartialCopy");
        // The same words as a quote in single quotation marks: two outlets quoting one speaker.
        // (An apostrophe before it, as in "Nato's", throws off which marks pair.)
        let quoted = format!("'{},' she told reporters.", &long[..long.len() - 1]);
        let one = "Divers spent Wednesday checking the harbour channel for debris left by the collision.\n\
             Sixteen people are now known to have been hurt, two more than first reported.\n\
             The operator's chief executive spoke at the port's terminal on Wednesday.";
        let other = "Unions have warned for years that the channel is too busy at the morning peak.\n\
             The company's shares fell by a tenth in early trading in Oslo on Wednesday.\n\
             The company's head spoke to the harbour's press corps at noon.";
        check(&format!("{one}\n{quoted}"), &format!("{other}\n{quoted}"), "none");
    }

    #[test]
    fn unrelated_stories_are_not_linked() {
        let other = "The council approved new cycle lanes on the bridge after a two-year campaign.\n\
            Work is due to start in June and will close one lane to cars for six weeks.";
        check(WIRE, other, "none");
    }

    #[test]
    fn empty_one_sentence_and_duplicated_documents() {
        let mut docs = vec![doc("empty", "Share this article"), doc("short", "Talks resumed.")];
        for n in 0..1000 {
            docs.push(doc(&format!("dup{n}"), WIRE));
        }
        let found = reuse(&docs, &Config::default());
        // Every duplicate links to the first copy; nothing else is linked.
        assert_eq!(found.links.len(), 999);
        assert!(found.links.iter().all(|l| l.a == 2 && l.relation == Relation::Copy));
        assert_eq!(found.origins.len(), 3);
        assert_eq!(found.origins[2].members.len(), 1000);
        assert_eq!(found.candidates, 1, "only the short document and the first copy are aligned");
    }

    #[test]
    fn order_of_input_does_not_change_the_links() {
        let texts =
            [WIRE, "The council approved new cycle lanes on the bridge after a long campaign by residents."];
        let forward =
            reuse(&[doc("a", texts[0]), doc("b", texts[1]), doc("c", texts[0])], &Config::default());
        let backward =
            reuse(&[doc("c", texts[0]), doc("b", texts[1]), doc("a", texts[0])], &Config::default());
        let pairs = |r: &super::Reuse| {
            r.links.iter().map(|l| (l.a.min(l.b), l.a.max(l.b), l.relation)).collect::<Vec<_>>()
        };
        assert_eq!(pairs(&forward), [(0, 2, Relation::Copy)]);
        assert_eq!(pairs(&backward), [(0, 2, Relation::Copy)]);
    }
}
