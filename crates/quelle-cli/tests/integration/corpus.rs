//! Whole corpora through the pipeline: nothing may panic, offsets must stay valid.

use super::util::shared;

fn check_document(text: &str) {
    let p = quelle::Pipeline::builder().build().unwrap();
    let doc = p.analyze(text);
    let json = quelle::schema::AnalysisJson::from_document(&doc);
    let n = text.chars().count();
    for t in &json.tokens {
        assert!(t.start < t.end && t.end <= n);
    }
    for q in &json.quotes {
        for s in q
            .content
            .spans
            .iter()
            .chain(q.speaker.iter().flat_map(|r| &r.role.spans))
        {
            assert!(
                s.start <= s.end && s.end <= n,
                "span {s:?} outside text of {n} chars"
            );
        }
    }
}

#[test]
fn gnad_articles_run_through_without_panic() {
    let Some(shared) = shared("gnad_articles_run_through_without_panic") else {
        return;
    };
    let src =
        std::fs::read_to_string(shared.join("data/gnad/articles.jsonl")).expect("gnad readable");
    let mut n = 0;
    for line in src.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("gnad line is JSON");
        check_document(v["text"].as_str().expect("text field"));
        n += 1;
    }
    assert!(n > 1000, "expected the 1028 gnad articles, read {n}");
}

#[test]
fn hostile_inputs_do_not_panic() {
    let long_word = "a".repeat(100_000);
    let many_marks = "„".repeat(5_000);
    let inputs = [
        "",
        "\u{feff}",
        "„",
        "“„“„“„",
        "\r\r\r\n\n\n",
        "sagte er: „",
        "…“, sagte sie, „…",
        "Er sagte, dass",
        &long_word,
        &many_marks,
        "\u{0301}\u{0301} \u{200b}\u{2028}",
        "😀 „🙂“ sagte 👍.",
        "Laut zufolge nach Angaben soll sei habe würde.",
    ];
    for i in inputs {
        check_document(i);
    }
}
