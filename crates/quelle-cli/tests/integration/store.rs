//! The corpus store: `index`, `search` and `stats` answer what the documents say.

use super::util::{data_dir, quelle, temp_dir};
use serde_json::{json, Value};
use std::path::Path;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn span(text: &str, part: &str) -> Value {
    let byte = text
        .find(part)
        .unwrap_or_else(|| panic!("{part:?} in {text:?}"));
    let start = text[..byte].chars().count();
    json!({"start": start, "end": start + part.chars().count()})
}

/// A quotation of `content` by the mention `speaker` (resolved to `entity`).
fn quote(
    text: &str,
    content: &str,
    speaker: Option<(&str, Option<&str>)>,
    kind: &str,
    status: &str,
    via: &[&str],
) -> Value {
    json!({
        "type": "indirect",
        "medium": "speech",
        "content": {"text": content, "spans": [span(text, content)]},
        "speaker": speaker.map(|(m, e)| json!({"text": m, "spans": [span(text, m)], "entity": e})),
        "cue": {"text": "sagte", "spans": [span(text, "sagte")]},
        "frame": null,
        "addressee": null,
        "source_kind": kind,
        "via": via.iter().map(|v| json!({"text": v, "spans": [span(text, v)], "entity": null})).collect::<Vec<_>>(),
        "status": status,
        "status_cue": null,
    })
}

fn doc(
    id: &str,
    outlet: &str,
    published: &str,
    text: &str,
    quotes: Vec<Value>,
    entities: Vec<Value>,
) -> String {
    json!({
        "id": id,
        "origin": {"path": "corpus.jsonl"},
        "outlet": outlet,
        "published": published,
        "schema": "quelle/1",
        "text": text,
        "meta": {"headline": null, "dateline": null},
        "blocks": [],
        "sentences": [],
        "tokens": [{"start": 0, "end": 1}, {"start": 2, "end": 3}],
        "quotes": quotes,
        "entities": entities,
    })
    .to_string()
}

/// Three documents in two outlets and two months, with known speakers and kinds.
fn corpus(path: &Path) {
    let t1 = "Putin sagte laut Tass, Waffenlieferungen an Kiew seien eine Provokation. Ein Insider sagte, Gespräche liefen.";
    let t2 = "Müller sagte, die Waffenlieferungen würden fortgesetzt. Experten sagte man, es sei zu spät.";
    let t3 =
        "Putin sagte, der Westen trage die Schuld. Ein Sprecher sagte, das Treffen sei abgesagt.";
    let putin = |t: &str| json!({"id": "e1", "name": "Wladimir Putin", "kind": "person", "role": "Präsident", "mentions": [span(t, "Putin")]});
    let lines = [
        doc(
            "a",
            "Tagesblatt",
            "2024-01-15T10:00:00+01:00",
            t1,
            vec![
                quote(
                    t1,
                    "Waffenlieferungen an Kiew seien eine Provokation",
                    Some(("Putin", Some("e1"))),
                    "state_media",
                    "stated",
                    &["laut Tass"],
                ),
                quote(
                    t1,
                    "Gespräche liefen",
                    Some(("Ein Insider", None)),
                    "anonymous",
                    "hedged",
                    &[],
                ),
            ],
            vec![putin(t1)],
        ),
        doc(
            "b",
            "Rheinpost",
            "2024-02-03",
            t2,
            vec![
                quote(
                    t2,
                    "die Waffenlieferungen würden fortgesetzt",
                    Some(("Müller", None)),
                    "named_person",
                    "stated",
                    &[],
                ),
                quote(
                    t2,
                    "es sei zu spät",
                    Some(("Experten", None)),
                    "unnamed_group",
                    "stated",
                    &[],
                ),
            ],
            vec![],
        ),
        doc(
            "c",
            "Tagesblatt",
            "2023-12-20",
            t3,
            vec![
                quote(
                    t3,
                    "der Westen trage die Schuld",
                    Some(("Putin", Some("e1"))),
                    "named_person",
                    "denied",
                    &[],
                ),
                quote(
                    t3,
                    "das Treffen sei abgesagt",
                    None,
                    "unknown",
                    "stated",
                    &[],
                ),
            ],
            vec![putin(t3)],
        ),
    ];
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

fn json_out(args: &[&str]) -> Value {
    let o = quelle(args, b"");
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).expect("JSON output")
}

fn documents(hits: &Value) -> Vec<&str> {
    hits.as_array()
        .unwrap()
        .iter()
        .map(|h| h["document"].as_str().unwrap())
        .collect()
}

#[test]
fn search_and_stats_answer_from_an_indexed_corpus() {
    let dir = temp_dir("store-answers");
    let (input, db) = (dir.join("corpus.jsonl"), dir.join("corpus.sqlite"));
    corpus(&input);
    let o = quelle(&["index", s(&input), "--db", s(&db)], b"");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // Indexing again replaces documents instead of duplicating them.
    assert!(quelle(&["index", s(&input), "--db", s(&db)], b"")
        .status
        .success());
    let db = s(&db);

    let hits = json_out(&["search", "Waffenlieferung", "--db", db, "--format", "json"]);
    let mut docs = documents(&hits);
    docs.sort();
    assert_eq!(docs, ["a", "b"], "prefix match finds the plural");

    let hits = json_out(&[
        "search",
        "Waffenlieferungen",
        "--speaker",
        "Putin",
        "--kind",
        "state_media",
        "--since",
        "2024-01-01",
        "--db",
        db,
        "--format",
        "json",
    ]);
    assert_eq!(documents(&hits), ["a"]);
    assert_eq!(
        hits[0]["speaker"], "Wladimir Putin",
        "entity name, not the mention"
    );
    assert_eq!(hits[0]["entity_kind"], "person");
    assert_eq!(hits[0]["channel"], "laut Tass");
    assert_eq!(hits[0]["date"], "2024-01-15");

    // Umlauts fold: `Mueller` finds `Müller`.
    let hits = json_out(&[
        "search",
        "--speaker",
        "mueller",
        "--db",
        db,
        "--format",
        "json",
    ]);
    assert_eq!(documents(&hits), ["b"]);
    let hits = json_out(&[
        "search",
        "--speaker",
        "Putin",
        "--until",
        "2023-12-31",
        "--db",
        db,
        "--format",
        "json",
    ]);
    assert_eq!(documents(&hits), ["c"]);
    let hits = json_out(&[
        "search",
        "--status",
        "denied,hedged",
        "--outlet",
        "tagesblatt",
        "--db",
        db,
        "--format",
        "json",
    ]);
    let mut docs = documents(&hits);
    docs.sort();
    assert_eq!(docs, ["a", "c"]);

    let table = quelle(&["search", "Provokation", "--db", db], b"");
    let table = String::from_utf8_lossy(&table.stdout);
    assert!(
        table.contains("Wladimir Putin") && table.contains("1 quotations"),
        "{table}"
    );

    let st = json_out(&["stats", "--db", db, "--format", "json"]);
    assert_eq!(st["total"]["documents"], 3);
    assert_eq!(st["total"]["quotes"], 6);
    let share = |v: &Value| v.as_f64().unwrap();
    assert!((share(&st["total"]["anonymous"]) - 1.0 / 6.0).abs() < 1e-9);
    assert!((share(&st["total"]["unnamed"]) - 1.0 / 6.0).abs() < 1e-9);
    assert!((share(&st["total"]["unsourced"]) - 1.0 / 6.0).abs() < 1e-9);
    assert_eq!(st["top_speakers"][0]["speaker"], "Wladimir Putin");
    assert_eq!(st["top_speakers"][0]["quotes"], 2);
    assert_eq!(st["top_speakers"][0]["documents"], 2);
    let outlets: Vec<(&str, i64)> = st["outlets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| (g["key"].as_str().unwrap(), g["quotes"].as_i64().unwrap()))
        .collect();
    assert_eq!(outlets, [("Tagesblatt", 4), ("Rheinpost", 2)]);
    let months: Vec<&str> = st["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["key"].as_str().unwrap())
        .collect();
    assert_eq!(months, ["2023-12", "2024-01", "2024-02"]);
    let kinds = st["source_kinds"].as_array().unwrap();
    let named = kinds.iter().find(|g| g["key"] == "named_person").unwrap();
    assert_eq!(named["quotes"], 2);

    let st = json_out(&[
        "stats",
        "--db",
        db,
        "--since",
        "2024-01-01",
        "--format",
        "json",
    ]);
    assert_eq!(st["total"]["documents"], 2);

    let csv = quelle(&["stats", "--db", db, "--format", "csv"], b"");
    let csv = String::from_utf8_lossy(&csv.stdout);
    assert!(
        csv.starts_with("section,key,documents,quotes,share,anonymous,unnamed,unsourced\n"),
        "{csv}"
    );
    assert!(csv.contains("\nspeaker,Wladimir Putin,2,2,"), "{csv}");
    assert!(csv.contains("\nmonth,2024-02,1,2,"), "{csv}");
}

#[test]
fn batch_into_a_database_then_search_finds_the_quotation() {
    let dir = temp_dir("store-e2e");
    let db = dir.join("corpus.sqlite");
    let news = data_dir().join("news");
    let o = quelle(
        &["batch", s(&news), "--db", s(&db), "--progress", "never"],
        b"",
    );
    // startseite.html has no article: reported, exit 2, the rest indexed.
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let hits = json_out(&["search", "Konsequenzen", "--db", s(&db), "--format", "json"]);
    assert_eq!(hits.as_array().unwrap().len(), 1, "{hits:#}");
    assert!(hits[0]["content"]
        .as_str()
        .unwrap()
        .contains("Jede neue Lieferung"));
    assert_eq!(hits[0]["outlet"], "Tagesblatt");
    assert_eq!(hits[0]["date"], "2024-03-05");
    let st = json_out(&["stats", "--db", s(&db), "--format", "json"]);
    assert_eq!(st["total"]["documents"], 3);
    let months: Vec<&str> = st["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["key"].as_str().unwrap())
        .collect();
    assert_eq!(months, ["2024-03", "2024-04"]);
}

#[test]
fn search_without_a_database_says_how_to_make_one() {
    let dir = temp_dir("store-missing");
    let o = quelle(&["search", "x", "--db", s(&dir.join("none.sqlite"))], b"");
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("quelle index"));
}
