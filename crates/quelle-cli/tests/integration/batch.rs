//! `quelle batch`: mixed inputs, robustness, order, resume, WARC and HTML metadata.

use super::util::{data_dir, jsonl, quelle, temp_dir};
use super::warc::{gzip_members, html_response, record};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

fn news(name: &str) -> String {
    std::fs::read_to_string(data_dir().join("news").join(name)).unwrap()
}

fn ids(docs: &[Value]) -> Vec<String> {
    docs.iter()
        .map(|d| d["id"].as_str().unwrap().to_owned())
        .collect()
}

fn run(args: &[&str]) -> std::process::Output {
    quelle(args, b"")
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn every_bad_document_is_reported_and_every_good_one_written() {
    let dir = temp_dir("batch-robust");
    let input = dir.join("in");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    std::fs::write(
        input.join("a.jsonl"),
        concat!(
            r#"{"id": "j1", "text": "„Wir bleiben dabei“, sagte die Ministerin am Montag.", "outlet": "Testblatt"}"#,
            "\n",
            r#"{"id": "j2", "text": "abgebrochen"#,
            "\n\n",
            r#"{"text": "Der Sprecher sagte, man prüfe den Fall."}"#,
            "\n"
        ),
    )
    .unwrap();
    std::fs::write(input.join("latin1.txt"), b"Gr\xfc\xdfe aus Wien\n").unwrap();
    std::fs::write(input.join("sub/empty.txt"), b"").unwrap();
    std::fs::write(
        input.join("sub/gut.txt"),
        "Berlin – Die Regierung will sparen, sagte ein Sprecher.\n",
    )
    .unwrap();
    std::fs::write(input.join("sub/notes.md"), "ignored: not a known kind").unwrap();
    std::fs::write(input.join("startseite.html"), news("startseite.html")).unwrap();
    std::fs::write(input.join("waffen.html"), news("2024-03/waffen.html")).unwrap();
    let warc = gzip_members(&[
        html_response("https://hafen.example/streik", &news("2024-03/hafen.htm")),
        html_response(
            "https://rheinpost.example/impfstoff",
            &news("2024-04-impfstoff.html"),
        ),
    ]);
    // Cut into the second gzip member: the first record must survive.
    std::fs::write(input.join("crawl.warc.gz"), &warc[..warc.len() - 200]).unwrap();

    let (out, errors, csv) = (
        dir.join("out.jsonl"),
        dir.join("errors.jsonl"),
        dir.join("q.csv"),
    );
    let o = run(&[
        "batch",
        s(&input),
        "-o",
        s(&out),
        "--errors",
        s(&errors),
        "--quotes-csv",
        s(&csv),
        "-j",
        "2",
    ]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "some documents failed: {stderr}");
    assert!(stderr.contains("5 failed"), "{stderr}");

    let docs = jsonl(&out);
    let input_s = s(&input).to_owned();
    assert_eq!(
        ids(&docs),
        [
            "j1".to_owned(),
            format!("{input_s}/a.jsonl:4"),
            "https://hafen.example/streik".to_owned(),
            format!("{input_s}/sub/gut.txt"),
            format!("{input_s}/waffen.html"),
        ],
        "good documents in input order (sorted paths)"
    );
    assert!(docs.iter().all(|d| d["schema"] == "quelle/1"));
    assert_eq!(docs[0]["outlet"], "Testblatt");
    assert_eq!(docs[0]["origin"]["line"], 1);

    let errs = jsonl(&errors);
    let summary: BTreeSet<(String, String)> = errs
        .iter()
        .map(|e| {
            let file = Path::new(e["source"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (file, e["kind"].as_str().unwrap().to_owned())
        })
        .collect();
    let expected: BTreeSet<(String, String)> = [
        ("a.jsonl", "json"),
        ("crawl.warc.gz", "gzip"),
        ("latin1.txt", "encoding"),
        ("empty.txt", "empty"),
        ("startseite.html", "html"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(summary, expected, "{errs:#?}");
    let broken = errs.iter().find(|e| e["kind"] == "json").unwrap();
    assert_eq!(broken["position"]["line"], 2);
    let latin = errs.iter().find(|e| e["kind"] == "encoding").unwrap();
    assert!(
        latin["reason"].as_str().unwrap().contains("byte offset 2"),
        "{latin}"
    );
    let gz = errs.iter().find(|e| e["kind"] == "gzip").unwrap();
    assert_eq!(gz["position"]["record"]["index"], 1);

    let table = std::fs::read_to_string(&csv).unwrap();
    let mut lines = table.lines();
    assert_eq!(
        lines.next(),
        Some("document,speaker,entity_kind,source_kind,type,medium,status,channel,content,cue")
    );
    let quotes: usize = docs
        .iter()
        .map(|d| d["quotes"].as_array().unwrap().len())
        .sum();
    let mut reader = csv_rows(&table);
    assert_eq!(reader.len(), quotes, "one CSV row per quotation");
    reader.retain(|r| r[0] == "j1");
    assert!(
        reader.iter().any(|r| r[8].contains("Wir bleiben dabei")),
        "{reader:?}"
    );
    assert!(!dir.join("out.jsonl.partial").exists());
}

/// Minimal CSV parsing for the test (quoted fields with doubled quotes, no embedded newlines needed).
fn csv_rows(table: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = table.chars().peekable();
    let mut header = true;
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                if !header {
                    rows.push(std::mem::take(&mut row));
                }
                row.clear();
                header = false;
            }
            (c, _) => field.push(c),
        }
    }
    rows
}

fn numbered_jsonl(path: &Path, range: std::ops::Range<usize>) {
    let mut text = String::new();
    for i in range {
        let len = if i % 7 == 0 { 40 } else { 2 };
        let body = "Der Minister sagte, die Lage sei ernst. ".repeat(len);
        text.push_str(&serde_json::json!({"id": format!("d{i:03}"), "text": body}).to_string());
        text.push('\n');
    }
    std::fs::write(path, text).unwrap();
}

#[test]
fn output_keeps_input_order_and_resume_completes_an_interrupted_output() {
    let dir = temp_dir("batch-order");
    let (all, half) = (dir.join("all.jsonl"), dir.join("half.jsonl"));
    numbered_jsonl(&all, 0..60);
    numbered_jsonl(&half, 0..25);
    let out = dir.join("out.jsonl");
    let o = run(&["batch", s(&all), "-o", s(&out), "-j", "2"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let expected: Vec<String> = (0..60).map(|i| format!("d{i:03}")).collect();
    assert_eq!(ids(&jsonl(&out)), expected);
    // An output inside the input folder is not read back as input on the next run.
    let folder = dir.join("folder");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::copy(&all, folder.join("all.jsonl")).unwrap();
    let inside = folder.join("out.jsonl");
    for _ in 0..2 {
        let o = run(&["batch", s(&folder), "-o", s(&inside)]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    assert_eq!(ids(&jsonl(&inside)), expected);

    let unordered = dir.join("unordered.jsonl");
    let o = run(&[
        "batch",
        s(&all),
        "-o",
        s(&unordered),
        "--unordered",
        "-j",
        "2",
    ]);
    assert!(o.status.success());
    let mut got = ids(&jsonl(&unordered));
    got.sort();
    assert_eq!(got, expected, "unordered: the same documents");

    // A first run that stopped after 25 documents, then a resumed run over everything.
    let resumed = dir.join("resumed.jsonl");
    let csv = dir.join("q.csv");
    assert!(run(&["batch", s(&half), "-o", s(&resumed)])
        .status
        .success());
    let o = run(&[
        "batch",
        s(&all),
        "-o",
        s(&resumed),
        "--resume",
        "--quotes-csv",
        s(&csv),
    ]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(stderr.contains("35 documents"), "{stderr}");
    assert!(stderr.contains("25 kept"), "{stderr}");
    assert_eq!(ids(&jsonl(&resumed)), expected, "each document once");
    let rows = csv_rows(&std::fs::read_to_string(&csv).unwrap());
    let docs: BTreeSet<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert!(
        docs.contains("d000") && docs.contains("d059"),
        "CSV covers kept and new documents"
    );
}

#[test]
fn warc_pages_carry_url_title_date_author_and_outlet() {
    let dir = temp_dir("batch-warc");
    let warc = dir.join("crawl.warc");
    let mut bytes = record(
        "warcinfo",
        "",
        "application/warc-fields",
        b"software: test\r\n",
    );
    bytes.extend(record(
        "request",
        "https://www.tagesblatt.example/x",
        "application/http; msgtype=request",
        b"GET /x HTTP/1.1\r\nHost: tagesblatt.example\r\n\r\n",
    ));
    let third_record_at = bytes.len();
    bytes.extend(html_response(
        "https://www.tagesblatt.example/x",
        &news("2024-03/waffen.html"),
    ));
    bytes.extend(record(
        "response",
        "https://www.tagesblatt.example/logo.png",
        "application/http; msgtype=response",
        b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
    ));
    bytes.extend(html_response(
        "https://nordkurier.example/s",
        &news("2024-03/hafen.htm"),
    ));
    std::fs::write(&warc, bytes).unwrap();
    let out = dir.join("out.jsonl");
    let o = run(&["batch", s(&warc), "-o", s(&out)]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(stderr.contains("3 WARC records skipped"), "{stderr}");
    let docs = jsonl(&out);
    assert_eq!(
        ids(&docs),
        [
            "https://www.tagesblatt.example/x",
            "https://nordkurier.example/s"
        ]
    );
    let d = &docs[0];
    assert_eq!(
        d["url"],
        "https://www.tagesblatt.example/politik/kreml-warnt-vor-waffenlieferungen-100.html"
    );
    assert_eq!(d["title"], "Kreml warnt vor Waffenlieferungen");
    assert_eq!(d["published"], "2024-03-05T09:30:00+01:00");
    assert_eq!(d["author"], "Anna Berger");
    assert_eq!(d["outlet"], "Tagesblatt");
    assert_eq!(d["origin"]["record"], 2);
    assert_eq!(d["origin"]["offset"], third_record_at);
    let text = d["text"].as_str().unwrap();
    assert!(
        text.starts_with("Kreml warnt vor Waffenlieferungen\n\n"),
        "{text}"
    );
    assert!(text.contains("Konsequenzen haben“, sagte Kremlsprecher"));
    assert!(!text.contains("Impressum"), "boilerplate removed: {text}");
    assert_eq!(d["fields"], Value::Null);
    assert!(
        d["meta"]["headline"].is_object(),
        "the analysis keeps its own `meta`"
    );
    assert_eq!(docs[1]["published"], "2024-03-12T06:15:00+01:00");
    assert_eq!(
        docs[1]["url"],
        "https://nordkurier.example/wirtschaft/streik-hafen"
    );
}

#[test]
fn stdin_jsonl_with_custom_fields_keeps_other_fields_as_metadata() {
    let dir = temp_dir("batch-stdin");
    let out = dir.join("out.jsonl");
    let input = concat!(
        r#"{"key": 7, "body": "Die Polizei teilte mit, der Verdächtige sei gefasst.", "category": "Inland"}"#,
        "\n",
        r#"{"key": 8, "body": "kurz", "category": "Sport"}"#,
        "\n"
    );
    let o = quelle(
        &[
            "batch",
            "-",
            "-o",
            s(&out),
            "--text-field",
            "body",
            "--id-field",
            "key",
        ],
        input.as_bytes(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let docs = jsonl(&out);
    assert_eq!(ids(&docs), ["7", "8"]);
    assert_eq!(docs[0]["fields"]["category"], "Inland");
    assert_eq!(docs[0]["origin"]["path"], "-");
    assert!(docs[0]["text"].as_str().unwrap().starts_with("Die Polizei"));
}

#[test]
fn over_long_lines_are_errors_not_crashes() {
    let dir = temp_dir("batch-long");
    let input = dir.join("in.jsonl");
    let long = "x".repeat(5000);
    std::fs::write(
        &input,
        format!("{{\"id\":\"ok\",\"text\":\"Er sagte, es gehe.\"}}\n{{\"id\":\"big\",\"text\":\"{long}\"}}\n"),
    )
    .unwrap();
    let (out, errors) = (dir.join("out.jsonl"), dir.join("errors.jsonl"));
    let o = run(&[
        "batch",
        s(&input),
        "-o",
        s(&out),
        "--errors",
        s(&errors),
        "--max-line-bytes",
        "1000",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(ids(&jsonl(&out)), ["ok"]);
    let errs = jsonl(&errors);
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0]["kind"], "too_long");
    assert_eq!(errs[0]["position"]["line"], 2);
}

#[test]
fn batch_without_an_output_is_a_usage_error() {
    let o = run(&["batch", "x.jsonl"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("nothing to write"));
}

/// Ctrl-C: the output is renamed into place complete up to its last line, and `--resume` finishes it.
#[cfg(unix)]
#[test]
fn interrupt_leaves_a_consistent_output_that_resume_completes() {
    use std::process::{Command, Stdio};
    let dir = temp_dir("batch-interrupt");
    let input = dir.join("many.jsonl");
    numbered_jsonl(&input, 0..1000);
    // Repeat to make the run long enough to interrupt (ids stay unique).
    let text = std::fs::read_to_string(&input).unwrap();
    let mut big = String::new();
    for k in 0..5 {
        big.push_str(&text.replace("\"id\":\"d", &format!("\"id\":\"r{k:02}-d")));
    }
    std::fs::write(&input, big).unwrap();
    let out = dir.join("out.jsonl");
    let child = Command::new(env!("CARGO_BIN_EXE_quelle"))
        .args(["batch", s(&input), "-o", s(&out), "-j", "2"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(800));
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let o = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    if o.status.success() {
        eprintln!("interrupt test: the batch finished before the signal; nothing to check");
        return;
    }
    assert_eq!(o.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("interrupted"), "{stderr}");
    assert!(!dir.join("out.jsonl.partial").exists());
    let expected: Vec<String> = (0..5)
        .flat_map(|k| (0..1000).map(move |i| format!("r{k:02}-d{i:03}")))
        .collect();
    let got = ids(&jsonl(&out)); // every line parses: no torn line
    assert!(got.len() < expected.len(), "stopped early");
    assert_eq!(got[..], expected[..got.len()], "a prefix, in order");

    let o = run(&["batch", s(&input), "-o", s(&out), "--resume", "-j", "2"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(ids(&jsonl(&out)), expected);
}

#[test]
fn warc_pages_in_other_charsets_and_truncated_records_are_reported() {
    let dir = temp_dir("batch-warc-bad");
    let warc = dir.join("bad.warc");
    let mut bytes = html_response("https://ok.example/a", &news("2024-03/waffen.html"));
    let latin = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n<html><body><p>Gr\xfc\xdfe</p></body></html>";
    bytes.extend(record(
        "response",
        "https://latin.example/b",
        "application/http; msgtype=response",
        latin,
    ));
    let cut = html_response("https://cut.example/c", &news("2024-03/hafen.htm"));
    bytes.extend(&cut[..cut.len() / 2]);
    std::fs::write(&warc, bytes).unwrap();
    let (out, errors) = (dir.join("out.jsonl"), dir.join("errors.jsonl"));
    let o = run(&["batch", s(&warc), "-o", s(&out), "--errors", s(&errors)]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(ids(&jsonl(&out)), ["https://ok.example/a"]);
    let errs = jsonl(&errors);
    let kinds: Vec<&str> = errs.iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["encoding", "warc"], "{errs:#?}");
    assert!(errs[0]["reason"].as_str().unwrap().contains("iso-8859-1"));
    assert_eq!(errs[1]["position"]["record"]["index"], 2);
    assert_eq!(errs[1]["reason"], "truncated record");
}
