//! The sourcing report end to end: profile and warnings in the JSON (golden),
//! the warnings on the flagship and their silence on a plain article, the HTML
//! and terminal formats.

use super::golden::compare_with_golden;
use super::util::{quelle, repo_root, shared};
use serde_json::Value;
use std::collections::BTreeSet;

fn flagship() -> String {
    repo_root()
        .join("examples/pjoengjang.txt")
        .to_str()
        .unwrap()
        .to_owned()
}

fn json_of(args: &[&str], stdin: &[u8]) -> Value {
    let out = quelle(args, stdin);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn warning_ids(v: &Value) -> Vec<String> {
    v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn flagship_profile_and_warnings_golden() {
    let v = json_of(&["analyze", "--format", "json", &flagship()], b"");
    let report = serde_json::json!({ "profile": v["profile"], "warnings": v["warnings"] });
    let mut text = serde_json::to_string_pretty(&report).unwrap();
    text.push('\n');
    compare_with_golden(&text, "pjoengjang.report.json");
}

#[test]
fn flagship_warnings_point_at_headline_lead_and_unsourced_sentences() {
    let v = json_of(&["analyze", "--format", "json", &flagship()], b"");
    let text: Vec<char> = v["text"].as_str().unwrap().chars().collect();
    let sentence = |i: u64| -> String {
        let s = &v["sentences"][i as usize];
        text[s["start"].as_u64().unwrap() as usize..s["end"].as_u64().unwrap() as usize]
            .iter()
            .collect()
    };
    let ids = warning_ids(&v);
    let headline = &v["warnings"][0];
    assert_eq!(headline["id"], "headline_as_fact", "{ids:?}");
    assert_eq!(headline["severity"], "critical");
    let sents: Vec<u64> = headline["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_u64().unwrap())
        .collect();
    assert!(sentence(sents[0]).contains("vereinbaren strategische Partnerschaft"));
    assert!(
        sents
            .iter()
            .any(|&s| sentence(s).contains("nach nordkoreanischen Angaben")),
        "the lead is among the sentences"
    );
    for w in v["warnings"].as_array().unwrap() {
        assert!(!w["message"]["de"].as_str().unwrap().is_empty());
        assert!(!w["message"]["en"].as_str().unwrap().is_empty());
    }
    for id in [
        "opinion_without_source",
        "state_media_only",
        "unnamed_source",
        "hedged_claim",
    ] {
        assert!(ids.contains(&id.to_owned()), "{id} missing from {ids:?}");
    }
    assert_eq!(
        v["profile"]["quotes"].as_u64().unwrap() as usize,
        v["quotes"].as_array().unwrap().len()
    );
}

/// A plain, well-sourced article from the training data: named politicians and
/// the police, no headline claim, no evaluation in the article's own voice.
#[test]
fn plain_train_article_raises_no_warning() {
    let Some(shared) = shared("plain_train_article_raises_no_warning") else {
        return;
    };
    let train = std::fs::read_to_string(shared.join("data/gnqa/train.jsonl")).unwrap();
    let article = train
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|a| {
            a["documentName"]
                .as_str()
                .unwrap()
                .starts_with("14879 - Erstmals Zapfenstreich zum Bundeswehr-Jubiläum")
        })
        .expect("article 14879 in train.jsonl");
    let text = article["originalText"].as_str().unwrap();
    let v = json_of(&["analyze", "--format", "json"], text.as_bytes());
    assert!(v["quotes"].as_array().unwrap().len() >= 4);
    assert_eq!(v["warnings"], serde_json::json!([]), "{}", v["warnings"]);
}

#[test]
fn html_report_marks_every_quotation_and_needs_no_network() {
    let v = json_of(&["analyze", "--format", "json", &flagship()], b"");
    let out = quelle(&["analyze", "--format", "html", &flagship()], b"");
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"de\">"));
    let ids: BTreeSet<&str> = html
        .split("data-quote=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .filter(|id| id.parse::<usize>().is_ok()) // not the script's selector
        .collect();
    assert_eq!(ids.len(), v["quotes"].as_array().unwrap().len());
    for needle in ["http:", "https:", "src=", "<link", "url("] {
        assert!(!html.contains(needle), "{needle}");
    }
    assert!(html.contains("headline_as_fact"));
    let en = quelle(
        &["analyze", "--format", "html", "--lang", "en", &flagship()],
        b"",
    );
    let en = String::from_utf8(en.stdout).unwrap();
    assert!(en.contains("<html lang=\"en\">") && en.contains("Sourcing report"));
}

#[test]
fn terminal_view_groups_by_speaker_then_warns() {
    let out = quelle(&["analyze", &flagship()], b"");
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    let speakers = s.find("Putin").unwrap();
    let warnings = s.find("Warnungen (").expect("warnings section");
    assert!(speakers < warnings);
    assert!(s.contains("Wladimir Putin"), "{s}");
    assert!(s.contains("headline_as_fact"));
    assert!(!s.contains('\x1b'));
    let en = quelle(&["analyze", "--lang", "en", &flagship()], b"");
    let en = String::from_utf8(en.stdout).unwrap();
    assert!(
        en.contains("Warnings (") && en.contains("Wladimir Putin"),
        "{en}"
    );
    let bad = quelle(&["analyze", "--lang", "fr", &flagship()], b"");
    assert!(!bad.status.success());
}
