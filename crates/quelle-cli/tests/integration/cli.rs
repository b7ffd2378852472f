//! The `analyze` command as a user meets it: files, stdin, encodings, errors.

use super::util::{quelle, repo_root};
use serde_json::Value;

fn analyze_json(input: &[u8]) -> Value {
    let out = quelle(&["analyze", "--format", "json"], input);
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

#[test]
fn empty_input_gives_an_empty_valid_document() {
    let v = analyze_json(b"");
    assert_eq!(v["schema"], "quelle/1");
    assert_eq!(v["text"], "");
    assert_eq!(v["tokens"].as_array().unwrap().len(), 0);
    assert_eq!(v["quotes"].as_array().unwrap().len(), 0);
    assert!(v["meta"]["headline"].is_null());
}

#[test]
fn invalid_utf8_is_exit_2_naming_file_and_offset() {
    let dir = std::env::temp_dir().join(format!("quelle-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("latin1.txt");
    std::fs::write(&path, b"Gr\xfc\xdfe aus Wien\n").unwrap();
    let out = quelle(&["analyze", path.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("latin1.txt"), "{err}");
    assert!(err.contains("byte offset 2"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn invalid_utf8_on_stdin_names_stdin() {
    let out = quelle(&["analyze", "-"], b"ok\n\xff");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("-: invalid UTF-8 at byte offset 3 (line 2)"),
        "{err}"
    );
}

#[test]
fn missing_file_is_a_clear_error() {
    let out = quelle(&["analyze", "/nonexistent/article.txt"], b"");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/article.txt"));
}

#[test]
fn analyze_with_a_missing_models_folder_names_the_file() {
    let out = quelle(
        &[
            "analyze",
            "--models",
            "/nonexistent/models",
            "--format",
            "json",
        ],
        "Er sagte: „Ja.“".as_bytes(),
    );
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/nonexistent/models/quotes-"), "{err}");
}

#[test]
fn train_refuses_buckets_that_are_not_a_power_of_two() {
    for n in ["1000", "33554432"] {
        let out = quelle(
            &[
                "train",
                "--data",
                "/nonexistent/train.jsonl",
                "--tagger-buckets",
                n,
                "--out",
                "/nonexistent/out",
            ],
            b"",
        );
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("--tagger-buckets must be a power of two"),
            "{n}: {err}"
        );
    }
}

#[test]
fn bom_is_dropped_and_crlf_offsets_index_the_text() {
    let v = analyze_json("\u{feff}Titel der Meldung\r\n\r\nEr sagte: „Ja.“\r\n".as_bytes());
    let text = v["text"].as_str().unwrap();
    assert!(text.starts_with("Titel"));
    let chars: Vec<char> = text.chars().collect();
    for t in v["tokens"].as_array().unwrap() {
        let (s, e) = (
            t["start"].as_u64().unwrap() as usize,
            t["end"].as_u64().unwrap() as usize,
        );
        let tok: String = chars[s..e].iter().collect();
        assert!(
            !tok.trim().is_empty() && !tok.contains('\r'),
            "token {tok:?}"
        );
    }
    assert_eq!(v["blocks"][0]["kind"], "headline");
}

#[test]
fn offsets_are_characters_not_bytes() {
    let v = analyze_json("Größe: „Übermäßig“".as_bytes());
    let text: Vec<char> = v["text"].as_str().unwrap().chars().collect();
    let toks: Vec<String> = v["tokens"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            text[t["start"].as_u64().unwrap() as usize..t["end"].as_u64().unwrap() as usize]
                .iter()
                .collect()
        })
        .collect();
    assert!(toks.contains(&"Übermäßig".to_owned()), "{toks:?}");
    assert!(toks.contains(&"„".to_owned()), "{toks:?}");
}

#[test]
fn text_view_of_the_flagship_lists_quotations() {
    let path = repo_root().join("examples/pjoengjang.txt");
    let out = quelle(&["analyze", path.to_str().unwrap()], b"");
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.starts_with("Russland und Nordkorea vereinbaren strategische Partnerschaft"));
    assert!(s.contains("Putin"));
    assert!(
        !s.contains('\x1b'),
        "no colour when stdout is not a terminal"
    );
}
