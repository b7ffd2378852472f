//! `quelle eval` end to end: report formats, options, and errors naming file and line.

use serde_json::{json, Value};
use std::path::PathBuf;
use std::process::Output;

fn quelle(args: &[&str]) -> Output {
    super::util::quelle(args, b"")
}

/// A fresh file under the system temp dir, unique per test and process.
fn temp_file(name: &str, content: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("quelle-eval-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

fn span(b: usize, e: usize) -> Value {
    json!({ "charBegin": b, "charEnd": e })
}

fn role(spans: &[(usize, usize)]) -> Value {
    json!({ "text": "", "spans": spans.iter().map(|&(b, e)| span(b, e)).collect::<Vec<_>>() })
}

/// One gnqa article: `Er sagte: „Ja.“` with one direct quotation.
fn article(id: usize) -> String {
    let text = "Er sagte: „Ja.“";
    // Tokens: Er [0,2) sagte [3,8) : [8,9) „ [10,11) Ja [11,13) . [13,14) “ [14,15)
    let tokens = [
        (0, 2),
        (3, 8),
        (8, 9),
        (10, 11),
        (11, 13),
        (13, 14),
        (14, 15),
    ];
    json!({
        "documentName": format!("{id} - Test (2005-01-01)"),
        "originalText": text,
        "tokens": tokens.iter().map(|&(b, e)| span(b, e)).collect::<Vec<_>>(),
        "sentences": [span(0, 15)],
        "annotations": [{
            "quote": role(&[(10, 15)]),
            "speaker": role(&[(0, 2)]),
            "cue": role(&[(3, 8)]),
            "frame": role(&[(0, 9)]),
            "addressee": role(&[]),
            "type": "Direct",
            "medium": "Speech",
        }],
    })
    .to_string()
}

fn gold_file(name: &str) -> PathBuf {
    temp_file(name, &format!("{}\n{}\n", article(1), article(2)))
}

fn report(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON report")
}

#[test]
fn gold_as_system_json_is_perfect() {
    let gold = gold_file("perfect.jsonl");
    let r = report(&quelle(&[
        "eval",
        gold.to_str().unwrap(),
        "--gold-as-system",
        "--json",
    ]));
    assert_eq!(r["counts"]["documents"], 2);
    assert_eq!(r["counts"]["pairs"], 2);
    for key in ["messages", "roles", "joint"] {
        assert_eq!(r[key]["f1"], 1.0, "{key}");
    }
    assert_eq!(r["form"]["f1"], 1.0);
    assert_eq!(r["medium"]["accuracy"], 1.0);
    assert_eq!(r["segmentation"]["tokens"]["f1"], 1.0);
}

#[test]
fn limit_and_text_report() {
    let gold = gold_file("limit.jsonl");
    let out = quelle(&[
        "eval",
        gold.to_str().unwrap(),
        "--gold-as-system",
        "--limit",
        "1",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("gnqa evaluation: 1 documents, 1 gold quotations"));
    assert!(text.contains("Messages"), "{text}");
}

#[test]
fn system_file_is_scored_and_checked() {
    let gold = gold_file("sys-gold.jsonl");
    let docs = quelle::eval::gnqa::load(&gold).unwrap();
    let mut lines = String::new();
    for (i, d) in docs.iter().enumerate() {
        let mut sys = quelle::eval::gold_as_system(d);
        if i == 1 {
            sys.quotes.clear(); // the second article: nothing found
        }
        lines.push_str(&serde_json::to_string(&sys).unwrap());
        lines.push('\n');
    }
    let system = temp_file("sys.jsonl", &lines);
    let r = report(&quelle(&[
        "eval",
        gold.to_str().unwrap(),
        "--system",
        system.to_str().unwrap(),
        "--json",
    ]));
    // One of two gold quotations found exactly: P 1 (one pair), R (1 + 0)/2.
    assert_eq!(r["messages"]["precision"], 1.0);
    assert_eq!(r["messages"]["recall"], 0.5);

    // A system file for other texts is refused, naming file and line.
    let other = temp_file("sys-other.jsonl", &lines.replacen("Ja.", "No.", 1));
    let out = quelle(&[
        "eval",
        gold.to_str().unwrap(),
        "--system",
        other.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("sys-other.jsonl") && err.contains("line 1"),
        "{err}"
    );
}

#[test]
fn missing_file_exits_2_naming_it() {
    let out = quelle(&["eval", "/nonexistent/gold.jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/gold.jsonl"));
}

#[test]
fn bad_json_line_exits_2_naming_file_and_line() {
    let bad = temp_file("bad.jsonl", &format!("{}\n{{not json\n", article(1)));
    let out = quelle(&["eval", bad.to_str().unwrap(), "--gold-as-system"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.jsonl") && err.contains("line 2"), "{err}");
}

#[test]
fn pipeline_run_reports_segmentation() {
    let gold = gold_file("pipeline.jsonl");
    let r = report(&quelle(&["eval", gold.to_str().unwrap(), "--json"]));
    assert_eq!(r["counts"]["documents"], 2);
    let f1 = r["segmentation"]["tokens"]["f1"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&f1), "{f1}");
    let msg = r["messages"]["f1"].as_f64().unwrap();
    assert!(msg.is_finite());
}

/// Regression floor on the dev split: the figures the issues promise must not slip.
/// (Measuring only: nothing is tuned on dev.)
#[test]
fn dev_scores_stay_above_the_promised_floor() {
    let Some(shared) = super::util::shared("dev_scores_stay_above_the_promised_floor") else {
        return;
    };
    let dev = shared.join("data/gnqa/dev.jsonl");
    let out = quelle(&["eval", dev.to_str().unwrap(), "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    let f1 = |path: &[&str]| path.iter().fold(&r, |v, k| &v[*k]).as_f64().unwrap();
    assert!(
        f1(&["segmentation", "tokens", "f1"]) >= 0.995,
        "token F1 {r}"
    );
    assert!(
        f1(&["segmentation", "sentence_ends", "f1"]) >= 0.97,
        "sentence-end F1"
    );
    assert!(
        f1(&["joint", "f1"]) >= 0.60,
        "Joint F1 {}",
        f1(&["joint", "f1"])
    );
}
