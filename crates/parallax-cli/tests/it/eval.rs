//! `parallax eval`: the reuse evaluation on a small corpus we wrote (`testdata/reuse/mini`).

use crate::{json, parallax};

#[test]
fn eval_reuse_scores_planted_pairs() {
    let run = parallax(&["eval", "reuse", "testdata/reuse/mini", "--json"], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let f = json(&run);
    let got: Vec<String> =
        ["documents", "planted_pairs", "recall", "precision", "candidate_recall", "predicted_pairs"]
            .iter()
            .map(|k| format!("{k}={}", f[k]))
            .collect();
    assert_eq!(
        got,
        [
            "documents=6",
            "planted_pairs=4",
            "recall=1.0",
            "precision=1.0",
            "candidate_recall=1.0",
            "predicted_pairs=4"
        ]
    );
    assert!(f["index_bytes_per_doc"].as_u64().is_some_and(|b| b <= 1024));
}

#[test]
fn eval_reuse_needs_its_files() {
    let run = parallax(&["eval", "reuse", "examples"], b"");
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("must hold corpus.jsonl and truth.tsv"), "{}", run.stderr);
}

#[test]
fn eval_quotes_on_polnear_dev() {
    let Some(_) = crate::shared("eval_quotes_on_polnear_dev") else { return };
    let run = parallax(&["eval", "quotes", "--splits", "dev", "--json"], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let f = json(&run);
    let dev = &f[0];
    assert_eq!((dev["split"].as_str(), dev["articles"].as_u64()), (Some("dev"), Some(84)));
    // The targets on dev (docs/EVALUATION.md has train too).
    assert!(dev["f1"].as_f64().is_some_and(|x| x >= 0.90), "{dev}");
    assert!(dev["speaker_accuracy"].as_f64().is_some_and(|x| x >= 0.90), "{dev}");
}

#[test]
fn eval_extract_on_the_zyte_benchmark() {
    let Some(_) = crate::shared("eval_extract_on_the_zyte_benchmark") else { return };
    let run = parallax(&["eval", "extract", "--json"], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let rows = json(&run);
    let row = |name: &str| rows.as_array().and_then(|r| r.iter().find(|x| x["system"] == name)).cloned();
    // Our scorer reproduces the published trafilatura figure (0.958) on the visible pages.
    let trafilatura = row("trafilatura").expect("trafilatura's output is scored");
    assert!(trafilatura["f1"].as_f64().is_some_and(|f| (f - 0.958).abs() < 0.01), "{trafilatura}");
    // Regression guard at the level measured when main-content selection landed.
    let ours = row("parallax").expect("parallax is scored");
    assert!(ours["f1"].as_f64().is_some_and(|f| f >= 0.94), "{ours}");
}

#[test]
fn eval_claims_on_msrp_beats_the_unsupervised_anchor() {
    let Some(_) = crate::shared("eval_claims_on_msrp_beats_the_unsupervised_anchor") else { return };
    let run = parallax(&["eval", "claims", "--json"], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let train = &json(&run)["train"];
    assert_eq!(train["pairs"].as_u64(), Some(4076));
    // Mihalcea et al. 2006: accuracy 0.703, F1 0.813.
    assert!(train["accuracy"].as_f64().is_some_and(|x| x > 0.703), "{train}");
    assert!(train["f1"].as_f64().is_some_and(|x| x > 0.813), "{train}");
}

#[test]
fn eval_brief_on_allsides_beats_lexrank() {
    let Some(_) = crate::shared("eval_brief_on_allsides_beats_lexrank") else { return };
    let run = parallax(&["eval", "brief", "--json"], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let val = &json(&run)[0];
    assert_eq!(val["stories"].as_u64(), Some(307));
    for metric in ["rouge1", "rouge2", "rougeL"] {
        let (ours, lex) = (val["parallax"][metric].as_f64(), val["lexrank"][metric].as_f64());
        assert!(ours.zip(lex).is_some_and(|(o, l)| o > l && o > 0.1), "{metric}: {val}");
    }
}

#[test]
fn eval_stories_barely_depends_on_how_documents_arrive() {
    let Some(_) = crate::shared("eval_stories_barely_depends_on_how_documents_arrive") else { return };
    let run = parallax(&["eval", "stories", "--feeds", "--json"], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let f = json(&run);
    let feeds = f["feeds"].as_array().expect("the feeds are scored");
    assert_eq!(feeds.len(), 6);
    let f1: Vec<f64> = feeds.iter().filter_map(|x| x["bcubed_f1"].as_f64()).collect();
    let (low, high) = (f1.iter().copied().fold(1.0, f64::min), f1.iter().copied().fold(0.0, f64::max));
    // Regression guards at what batch placement measured when it landed (0.839 to 0.862 on
    // the visible ECB+ topics); the target is a spread within 0.01.
    assert!(low >= 0.835, "{feeds:?}");
    assert!(high - low <= 0.03, "{feeds:?}");
}

#[test]
fn eval_stories_train_learns_the_committed_weights_and_they_hold_real_events_together() {
    let Some(_) = crate::shared("eval_stories_train_learns_the_committed_weights") else { return };
    let dir = std::env::temp_dir().join(format!("parallax-train-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let out = dir.join("story-bar.json");
    let run = parallax(&["eval", "stories", "--train", &out.to_string_lossy()], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let read = |path: &std::path::Path| -> serde_json::Value {
        let text = std::fs::read_to_string(path).expect("the weights are written");
        serde_json::from_str(&text).expect("the weights are JSON")
    };
    let learned = read(&out);
    let committed = read(&crate::root().join("crates/parallax-engine/weights/story-bar.json"));
    let _ = std::fs::remove_dir_all(&dir);
    // The committed weights are what the script learns from the data, not numbers set by hand.
    for key in ["short", "dated", "gap"] {
        let (a, b) = (learned[key].as_f64().unwrap_or(f64::NAN), committed[key].as_f64().unwrap_or(f64::NAN));
        assert!((a - b).abs() < 0.005, "{key}: learned {a}, committed {b}");
    }
    // Regression guard at what the learned bar measured when it landed (0.710, against 0.620
    // before); the target is 0.95.
    let run = parallax(&["eval", "stories", "--bench", "../shared/bench/real-events", "--json"], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let rows = json(&run)["rows"].as_array().cloned().unwrap_or_default();
    let f1 = rows
        .iter()
        .find(|r| r["system"] == "parallax" && r["split"] == "all")
        .and_then(|r| r["bcubed_f1"].as_f64());
    assert!(f1.is_some_and(|f| f >= 0.70), "{rows:?}");
}

#[test]
fn eval_extract_scores_folds_of_the_zyte_pages() {
    let Some(_) = crate::shared("eval_extract_scores_folds_of_the_zyte_pages") else { return };
    let run = parallax(&["eval", "extract", "--folds", "3"], b"");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    for system in ["parallax ", "trafilatura ", "rs_trafilatura "] {
        let line = run
            .stdout
            .lines()
            .find(|l| l.starts_with(system))
            .unwrap_or_else(|| panic!("{system}: {}", run.stdout));
        // Three folds, then the mean and the worst fold.
        assert!(line.contains(" mean ") && line.contains(" worst ") && line.contains(" of 3"), "{line}");
        assert_eq!(
            line.split_whitespace().filter(|w| w.starts_with("0.") || w.starts_with("1.")).count(),
            5,
            "{line}"
        );
    }
}
