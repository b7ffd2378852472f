//! Entities and sources (issue 4): the flagship article and five train articles
//! annotated by hand (`tests/data/entities-train.json`).

use crate::util::{quelle, repo_root, shared};
use serde_json::Value;

fn analyze(text: &str) -> Value {
    let out = quelle(&["analyze", "--format", "json"], text.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn slice(text: &str, span: &Value) -> String {
    let (a, b) = (
        span["start"].as_u64().unwrap() as usize,
        span["end"].as_u64().unwrap() as usize,
    );
    text.chars().skip(a).take(b - a).collect()
}

fn entity<'a>(doc: &'a Value, id: &Value) -> Option<&'a Value> {
    doc["entities"].as_array()?.iter().find(|e| &e["id"] == id)
}

fn entity_named<'a>(doc: &'a Value, name: &str) -> Option<&'a Value> {
    doc["entities"]
        .as_array()?
        .iter()
        .find(|e| e["name"] == name)
}

fn speaker_entity_name(doc: &Value, q: &Value) -> Option<String> {
    entity(doc, &q["speaker"]["entity"]).map(|e| e["name"].as_str().unwrap().to_owned())
}

fn quotes(doc: &Value) -> &Vec<Value> {
    doc["quotes"].as_array().unwrap()
}

fn speaker_text(q: &Value) -> &str {
    q["speaker"]["text"].as_str().unwrap_or("")
}

#[test]
fn issue_4_flagship_sources() {
    let text = std::fs::read_to_string(repo_root().join("examples/pjoengjang.txt")).unwrap();
    let doc = analyze(&text);
    // Putin: one entity, named in full, a person with his titles.
    let putin = entity_named(&doc, "Wladimir Putin").expect("an entity Wladimir Putin");
    assert_eq!(putin["kind"], "person");
    let role = putin["role"].as_str().unwrap_or("");
    assert!(
        role.contains("Staatschef") && role.contains("Präsident"),
        "{role}"
    );
    let mentions: Vec<String> = putin["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| slice(&text, m))
        .collect();
    for m in ["Putin", "Putins", "russische Präsident"] {
        assert!(
            mentions.iter().any(|x| x == m),
            "{m} not a mention of Putin: {mentions:?}"
        );
    }
    let mut putin_quotes = 0;
    for q in quotes(&doc) {
        let s = speaker_text(q);
        if s.contains("Putin") || s.contains("russische Präsident") {
            putin_quotes += 1;
            assert_eq!(
                speaker_entity_name(&doc, q).as_deref(),
                Some("Wladimir Putin"),
                "{s}"
            );
            assert_eq!(q["source_kind"], "named_person", "{s}");
        }
    }
    assert!(putin_quotes >= 4, "{putin_quotes} Putin quotations");
    // The channels of Putin's quotations.
    let vias: Vec<String> = quotes(&doc)
        .iter()
        .filter(|q| speaker_entity_name(&doc, q).as_deref() == Some("Wladimir Putin"))
        .flat_map(|q| {
            q["via"].as_array().unwrap().iter().map(|v| {
                v["text"]
                    .as_str()
                    .unwrap()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
        })
        .collect();
    for v in [
        "laut russischen Nachrichtenagenturen",
        "den Staatsmedien zufolge",
    ] {
        assert!(vias.iter().any(|x| x == v), "{v} not a channel: {vias:?}");
    }
    assert!(
        vias.iter()
            .any(|x| x.contains("Gastbeitrag") && x.contains("KCNA")),
        "{vias:?}"
    );
    // Media, countries, groups.
    for (name, kind) in [
        ("KCNA", "media"),
        ("Rodong Sinmun", "media"),
        ("Russland", "country"),
        ("Nordkorea", "country"),
        ("USA", "country"),
        ("Experten", "group"),
        ("Jens Stoltenberg", "person"),
        ("Pat Ryder", "person"),
        ("Antony Blinken", "person"),
        ("Kim Jong Un", "person"),
    ] {
        let e = entity_named(&doc, name).unwrap_or_else(|| panic!("no entity {name}"));
        assert_eq!(e["kind"], kind, "{name}");
    }
    // KCNA is state media; Experten an unnamed group whose claim is speculative;
    // the `US-Angaben zufolge soll` sentence hedged with the USA as source.
    let kcna = quotes(&doc)
        .iter()
        .find(|q| speaker_text(q).contains("KCNA"))
        .expect("a KCNA quotation");
    assert_eq!(kcna["source_kind"], "state_media");
    let experten = quotes(&doc)
        .iter()
        .find(|q| speaker_text(q) == "Experten")
        .expect("the Experten quotation");
    assert_eq!(experten["source_kind"], "unnamed_group");
    assert_eq!(experten["status"], "speculative");
    let us = quotes(&doc)
        .iter()
        .find(|q| speaker_text(q) == "US-Angaben")
        .expect("the US-Angaben quotation");
    assert_eq!(speaker_entity_name(&doc, us).as_deref(), Some("USA"));
    assert_eq!(us["status"], "hedged");
    assert_eq!(us["status_cue"]["text"], "soll");
    // The denial is reported speech, denied by both countries.
    let d = quotes(&doc)
        .iter()
        .find(|q| {
            q["content"]["text"]
                .as_str()
                .unwrap_or("")
                .contains("bestritten")
        })
        .expect("the denial `Beide Länder haben … bestritten`");
    assert_eq!(d["type"], "reported");
    assert_eq!(d["status"], "denied");
    // Two named states, not an unnamed group.
    assert_eq!(d["source_kind"], "official");
    assert_eq!(
        speaker_entity_name(&doc, d).as_deref(),
        Some("Russland und Nordkorea")
    );
    // `Insider vermuten …` (a subheading): anonymous and speculative.
    let insider = quotes(&doc)
        .iter()
        .find(|q| speaker_text(q) == "Insider")
        .expect("the Insider quotation");
    assert_eq!(entity_named(&doc, "Insider").unwrap()["kind"], "anonymous");
    assert_eq!(insider["source_kind"], "anonymous");
    assert_eq!(insider["status"], "speculative");
    // Speech acts with an object are reported speech of their subject.
    for (verb, speaker) in [
        ("kündigte Putin", "Wladimir Putin"),
        ("zugesichert", "Wladimir Putin"),
        ("sicherte Russland", "Kim Jong Un"),
    ] {
        let q = quotes(&doc)
            .iter()
            .find(|q| {
                q["type"] == "reported"
                    && q["content"]["text"].as_str().unwrap_or("").contains(verb)
            })
            .unwrap_or_else(|| panic!("no reported quotation with {verb}"));
        assert_eq!(
            speaker_entity_name(&doc, q).as_deref(),
            Some(speaker),
            "{verb}"
        );
    }
    // Stoltenberg and the Pentagon spokesman.
    for q in quotes(&doc) {
        if speaker_text(q).contains("Stoltenberg") {
            assert_eq!(
                speaker_entity_name(&doc, q).as_deref(),
                Some("Jens Stoltenberg")
            );
        }
        if speaker_text(q).contains("Pat Ryder") {
            assert_eq!(speaker_entity_name(&doc, q).as_deref(), Some("Pat Ryder"));
            assert_eq!(q["source_kind"], "official");
        }
    }
}

#[test]
fn issue_4_hand_annotated_train_articles() {
    let Some(shared) = shared("issue_4_hand_annotated_train_articles") else {
        return;
    };
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string(
            repo_root().join("crates/quelle-cli/tests/data/entities-train.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let train = std::fs::read_to_string(shared.join("data/gnqa/train.jsonl")).unwrap();
    let mut failures = Vec::new();
    for article in gold["articles"].as_array().unwrap() {
        let name = article["document"].as_str().unwrap();
        let line = train
            .lines()
            .find(|l| {
                l.contains(&format!("\"documentName\":\"{name}\""))
                    || l.contains(&format!("\"documentName\": \"{name}\""))
            })
            .unwrap_or_else(|| panic!("{name} not in train.jsonl"));
        let raw: Value = serde_json::from_str(line).unwrap();
        let text = raw["originalText"].as_str().unwrap();
        let doc = analyze(text);
        for want in article["entities"].as_array().unwrap() {
            let n = want["name"].as_str().unwrap();
            let Some(e) = entity_named(&doc, n) else {
                failures.push(format!("{name}: no entity {n}"));
                continue;
            };
            if e["kind"] != want["kind"] {
                failures.push(format!("{name}: {n} is {} not {}", e["kind"], want["kind"]));
            }
            if let Some(r) = want["role"].as_str() {
                if !e["role"].as_str().unwrap_or("").contains(r) {
                    failures.push(format!("{name}: {n} role {} lacks {r}", e["role"]));
                }
            }
            let mentions: Vec<String> = e["mentions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| slice(text, m))
                .collect();
            for m in want["mentions"].as_array().unwrap() {
                if !mentions.iter().any(|x| x == m.as_str().unwrap()) {
                    failures.push(format!("{name}: {m} not a mention of {n}: {mentions:?}"));
                }
            }
        }
        for want in article["speakers"].as_array().unwrap() {
            let (m, n) = (
                want["mention"].as_str().unwrap(),
                want["entity"].as_str().unwrap(),
            );
            let found: Vec<Option<String>> = quotes(&doc)
                .iter()
                .filter(|q| speaker_text(q) == m)
                .map(|q| speaker_entity_name(&doc, q))
                .collect();
            if found.is_empty() {
                failures.push(format!("{name}: no quotation with speaker {m:?}"));
            }
            for f in found {
                if f.as_deref() != Some(n) {
                    failures.push(format!("{name}: speaker {m:?} resolved to {f:?}, not {n}"));
                }
            }
        }
        for want in article["via"].as_array().unwrap() {
            let s = want["speaker_contains"].as_str().unwrap();
            let v = want["via_contains"].as_str().unwrap();
            let ok = quotes(&doc)
                .iter()
                .filter(|q| speaker_text(q).contains(s))
                .any(|q| {
                    q["via"].as_array().unwrap().iter().any(|x| {
                        x["text"].as_str().unwrap().contains(v)
                            && entity(&doc, &x["entity"])
                                .is_some_and(|e| e["name"] == want["entity"])
                    })
                });
            if !ok {
                failures.push(format!("{name}: no channel {v:?} on a quotation of {s:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn issue_4_office_without_a_name_is_official_and_speech_acts_are_reported() {
    let doc = analyze(
        "Unfall in Berlin\n\nDer Bürgermeister kündigte eine Untersuchung an. \
         Die Polizei bestritt die Vorwürfe. Der Trainer sagte, das Spiel sei verloren.\n",
    );
    let mayor = quotes(&doc)
        .iter()
        .find(|q| speaker_text(q) == "Der Bürgermeister")
        .expect("the mayor's announcement");
    assert_eq!(mayor["type"], "reported");
    assert_eq!(mayor["source_kind"], "official");
    let police = quotes(&doc)
        .iter()
        .find(|q| speaker_text(q).contains("Polizei"))
        .expect("the police denial");
    assert_eq!(police["status"], "denied");
    // A coach is no office.
    let coach = quotes(&doc)
        .iter()
        .find(|q| speaker_text(q) == "Der Trainer")
        .expect("the coach's quotation");
    assert_ne!(coach["source_kind"], "official");
}
