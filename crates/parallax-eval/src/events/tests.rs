//! The metric on small hand-made briefings: each case states the counts it must give.

use parallax_model::{Briefing, DocFormat, DocId, DocMeta, RawDoc};

use super::{Counts, Gold, Miss, chrome_shape, score};

fn raw(id: &str, text: &str) -> RawDoc {
    RawDoc {
        id: DocId::new(id).expect("id"),
        path: "t.jsonl".into(),
        format: DocFormat::Text,
        text: text.into(),
        meta: DocMeta::default(),
    }
}

fn gold() -> Gold {
    serde_json::from_value(serde_json::json!({
        "event": "a crash", "date": "2024-12-29",
        "origins": [["a", "b"], ["c"], ["d"]],
        "facts": [
            {"id": "F1", "statement": "The plane crashed at Muan.", "keywords": ["crash", "Muan"],
             "documents": ["a", "b", "c"], "origins": 2},
            {"id": "F2", "statement": "179 died.", "keywords": ["179"], "documents": ["c", "d"], "origins": 2}
        ],
        "divergences": [
            {"id": "D1", "kind": "number", "about": "dead",
             "sides": [{"value": "179", "text_has": "179 dead", "documents": ["c"]},
                       {"value": "177", "text_has": "177 dead", "documents": ["d"]}]}
        ],
        "quotes": [
            {"document": "c", "text_has": "a terrible day", "speaker": "Kim E-bae", "speaker_words": ["Kim"]},
            {"document": "d", "text_has": "we are sorry", "speaker": null}
        ],
        "timeline": [{"date": "2024-12-29", "what": "crash", "has": ["crashed", "Muan"]}],
        "not_divergences": [
            {"about": "dead: 28 (29 Dec morning) -> 179 (30 Dec)", "why": "update"},
            {"about": "12 crew vs 175 passengers", "why": "different quantity"}
        ]
    }))
    .expect("gold")
}

fn briefing(value: serde_json::Value) -> Briefing {
    let mut base = serde_json::json!({
        "schema": "parallax.brief/1", "documents": [], "reuse": [], "origins": [], "entities": [],
        "quotes": [], "claims": [], "divergences": [], "timeline": [], "summary": [], "errors": []
    });
    if let (Some(b), Some(v)) = (base.as_object_mut(), value.as_object()) {
        for (k, x) in v {
            b.insert(k.clone(), x.clone());
        }
    }
    serde_json::from_value(base).expect("briefing")
}

fn docs() -> Vec<RawDoc> {
    vec![
        raw("a", "The plane crashed at Muan on Sunday."),
        raw("b", "The plane crashed at Muan on Sunday, officials said."),
        raw("c", "The Jeju Air plane crashed at Muan: 179 dead. \"A terrible day,\" Kim said."),
        raw("d", "Reports said 177 dead after the plane crashed. \"We are sorry.\""),
    ]
}

#[test]
fn a_good_briefing_scores_full_marks() {
    let b = briefing(serde_json::json!({
        "origins": [
            {"id": "o1", "documents": ["a", "b"], "root": "a", "name": null, "reprints": []},
            {"id": "o2", "documents": ["c"], "root": "c", "name": null, "reprints": []},
            {"id": "o3", "documents": ["d"], "root": "d", "name": null, "reprints": []}
        ],
        "claims": [
            {"id": "c1", "text": "The plane crashed at Muan.", "documents": ["a", "b", "c"], "origins": 2, "support": "corroborated"},
            {"id": "c2", "text": "179 dead.", "documents": ["c"], "origins": 1, "support": "single_source"}
        ],
        "key_facts": ["c1"],
        "divergences": [{"kind": "number", "description": "dead", "sides": [
            {"text": "The Jeju Air plane crashed at Muan: 179 dead.", "documents": ["c"]},
            {"text": "Reports said 177 dead after the plane crashed.", "documents": ["d"]}]}],
        "quotes": [
            {"id": "q1", "speaker": "Kim E-bae", "text": "A terrible day", "documents": ["c"], "variants": [], "venue": null, "partial": false},
            {"id": "q2", "speaker": null, "text": "We are sorry.", "documents": ["d"], "variants": [], "venue": null, "partial": false}
        ],
        "timeline": [{"date": "2024-12-29", "text": "The plane crashed at Muan on Sunday.", "documents": ["a"]}],
        "summary": [
            {"text": "The plane crashed at Muan.", "documents": ["a", "c"]},
            {"text": "Reports said 177 dead.", "documents": ["d"], "disputed": [0]}
        ],
        "updates": [{"quantity": "dead", "description": "dead: at least 28 on 29 Dec → 179 on 30 Dec", "steps": [
            {"date": "2024-12-29", "value": "at least 28", "text": "x", "documents": ["a"], "origins": 1},
            {"date": "2024-12-30", "value": "179", "text": "y", "documents": ["c"], "origins": 1}]}]
    }));
    let (counts, misses) = score(&docs(), &b, &gold());
    assert_eq!(
        counts,
        Counts {
            documents: 4,
            origin_pairs_right: 1,
            origin_pairs_reported: 1,
            origin_pairs_gold: 1,
            facts: 2,
            facts_found: 2,
            counts_right: 1,
            divergences: 1,
            divergences_found: 1,
            divergences_reported: 1,
            divergences_right: 1,
            merged_conflicts: 0,
            citations: 3,
            citations_holding: 3,
            summary_sentences: 2,
            repeats: 0,
            quotes: 2,
            quotes_found: 2,
            speakers_right: 2,
            timeline: 1,
            timeline_found: 1,
            chrome: 0,
            update_steps: 2,
            update_steps_named: 2,
            summary_disputed: 1,
            summary_disputed_marked: 1,
            key_facts: 1,
            key_fact_repeats: 0,
        }
    );
    // "179 dead." lists one of F2's two documents (half: found) but counts one origin, not two.
    assert_eq!(
        misses,
        vec![Miss::FactMiscounted { id: "F2".into(), claim: "179 dead.".into(), got: 1, want: 2 }]
    );
}

#[test]
fn a_merged_conflict_a_false_divergence_and_bad_citations_are_counted() {
    let b = briefing(serde_json::json!({
        "origins": [{"id": "o1", "documents": ["a", "b", "c", "d"], "root": "a", "name": null, "reprints": []}],
        "claims": [
            {"id": "c1", "text": "The plane crashed: 179 dead.", "documents": ["c", "d"], "origins": 2, "support": "corroborated"},
            {"id": "c2", "text": "The plane crashed at Muan on Sunday.", "documents": ["a"], "origins": 2, "support": "corroborated"},
            {"id": "c3", "text": "The plane crashed in flames at Muan airport.", "documents": ["b"], "origins": 2, "support": "corroborated"}
        ],
        // c1 states F1 in most of its words, c2 and c3 by its keywords: two repeats. An id of
        // no claim is not read.
        "key_facts": ["c1", "c2", "c3", "c9"],
        "divergences": [{"kind": "date", "description": "day", "sides": [
            {"text": "on Sunday", "documents": ["a"]}, {"text": "on Monday", "documents": ["c"]}]}],
        "quotes": [
            {"id": "q1", "speaker": "Officials", "text": "A terrible day", "documents": ["c"], "variants": [], "venue": null, "partial": false}
        ],
        "timeline": [{"date": "2024-12-28", "text": "The plane crashed at Muan.", "documents": ["a"]}],
        "summary": [
            {"text": "The plane crashed at Muan with 181 aboard.", "documents": ["a"]},
            {"text": "The plane crashed at Muan, killing all.", "documents": ["b"]},
            {"text": "Skip Navigation", "documents": ["b"]},
            // One side of D1, given as if settled.
            {"text": "Reports said 177 dead.", "documents": ["d"]}
        ],
        // 29 is a day of the note, 175 a figure of a note that is no update, twelve a word of one.
        "updates": [{"quantity": "dead", "description": "d", "steps": [
            {"date": "2024-12-29", "value": "29", "text": "x", "documents": ["a"], "origins": 1},
            {"date": "2024-12-30", "value": "175", "text": "y", "documents": ["c"], "origins": 1},
            {"date": "2024-12-31", "value": "more than twelve", "text": "z", "documents": ["c"], "origins": 1}]}]
    }));
    let (counts, _) = score(&docs(), &b, &gold());
    assert_eq!(counts.origin_pairs_reported, 6);
    assert_eq!(counts.origin_pairs_right, 1);
    assert_eq!(counts.merged_conflicts, 1);
    assert_eq!((counts.divergences_found, counts.divergences_reported, counts.divergences_right), (0, 1, 0));
    assert_eq!((counts.facts_found, counts.counts_right), (1, 1));
    assert_eq!((counts.citations, counts.citations_holding), (4, 2));
    assert_eq!(counts.repeats, 1);
    assert_eq!((counts.quotes_found, counts.speakers_right), (1, 0));
    assert_eq!(counts.timeline_found, 0);
    assert_eq!(counts.chrome, 1);
    assert_eq!((counts.update_steps, counts.update_steps_named), (3, 0));
    assert_eq!((counts.summary_disputed, counts.summary_disputed_marked), (1, 0));
    assert_eq!((counts.key_facts, counts.key_fact_repeats), (3, 2));
}

#[test]
fn chrome_shapes() {
    let check = |text: &str, want: Option<&str>| assert_eq!(chrome_shape(text), want, "{text}");
    check("Skip Navigation", Some("navigation or section label"));
    check(" date 2025-08-19 Plane crashes", Some("date stamp"));
    check("ALSO READ: Ten things to know", Some("read-more link"));
    check("NEW You can now listen to Fox News articles!", Some("listen prompt"));
    check("2 6 An activist holds a sign", Some("gallery counter"));
    check("Photo by Jane Roe / AFP", Some("photo credit"));
    check("— ANI (@ANI) August 18, 2025", Some("embed credit"));
    check("(Ola Berg/Halvik Press via AP) See 5 more photos A ferry ran aground.", Some("gallery link"));
    check("(Ola Berg/Halvik Press via AP)", Some("photo credit"));
    check("Keep up with Halvik on the Courier app: Download it today", Some("app or newsletter prompt"));
    check(
        "Harbour news each morning. >Sign up for the Courier's newsletter.",
        Some("app or newsletter prompt"),
    );
    check("The ferry line's app crashed as thousands tried to download tickets, it said.", None);
    check("Crews lift the wreck at the quay in Halvik, Norway, March 4 2025. REUTERS", Some("photo caption"));
    check("The harbour master speaks in Halvik on March 4, 2025. — AFP", Some("photo caption"));
    check("HALVIK, NORWAY - MARCH 04: Crews lift the wreck at the quay", Some("photo caption"));
    check("The ferry line resumed its crossings on Tuesday, the operator said. — AFP", None);
    check("HALVIK, Norway (Reuters) - Crews lifted the wreck on Tuesday.", None);
    check("Crews at the quay in Halvik on March 4. PHOTO: REUTERS", Some("photo caption"));
    check("halvik-ferry-wreck.jpg", Some("picture file name"));
    check("Date:2025-04-15 11:34:07", Some("date stamp"));
    check("Divers could see 5 more wrecks on the seabed.", None);
    check("The plane crashed at Muan on Sunday, killing 179.", None);
    check("Breaking news rules changed in 2024, the regulator said.", None);
}
