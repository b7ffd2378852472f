//! End-to-end tests of the metric on hand-built documents and, if present, the dev set.

use super::gnqa::GoldDoc;
use super::score::{pair_quotes, QuoteTokens};
use super::*;
use crate::document::{Medium, QuoteType};
use crate::schema::{CharSpan, QuoteJson, RoleJson};
use std::path::PathBuf;

fn sp(start: usize, end: usize) -> CharSpan {
    CharSpan { start, end }
}

/// Text "a b c d e f g h i j": token k covers characters [2k, 2k+1).
fn ten_tokens() -> (String, Vec<CharSpan>) {
    let text = "a b c d e f g h i j".to_owned();
    let tokens = (0..10).map(|k| sp(2 * k, 2 * k + 1)).collect();
    (text, tokens)
}

/// A role over tokens `first..=last` of [`ten_tokens`].
fn role(first: usize, last: usize) -> Option<RoleJson> {
    Some(RoleJson {
        text: String::new(),
        spans: vec![sp(2 * first, 2 * last + 1)],
    })
}

fn quote(kind: QuoteType, medium: Option<Medium>, content: Option<RoleJson>) -> QuoteJson {
    QuoteJson {
        kind,
        medium,
        content: content.unwrap_or_default(),
        speaker: None,
        cue: None,
        frame: None,
        addressee: None,
        source_kind: Default::default(),
        via: Vec::new(),
        status: Default::default(),
        status_cue: None,
    }
}

fn doc(quotes: Vec<QuoteJson>) -> GoldDoc {
    let (text, tokens) = ten_tokens();
    GoldDoc {
        name: "test".into(),
        text,
        sentences: vec![sp(0, 10), sp(10, 19)],
        tokens,
        quotes,
    }
}

/// Gold: content tokens 2–7, cue 1, frame 0–1, speaker 0; indirect, speech.
fn hand_gold() -> GoldDoc {
    let mut g = quote(QuoteType::Indirect, Some(Medium::Speech), role(2, 7));
    g.cue = role(1, 1);
    g.frame = role(0, 1);
    g.speaker = role(0, 0).map(Into::into);
    doc(vec![g])
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

/// Every precision, recall, F1 and accuracy in the report, with its JSON path.
fn scores(report: &Report) -> Vec<(String, f64)> {
    fn walk(v: &serde_json::Value, path: String, out: &mut Vec<(String, f64)>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, v) in m {
                    let p = format!("{path}.{k}");
                    match (k.as_str(), v.as_f64()) {
                        ("precision" | "recall" | "f1" | "accuracy", Some(x)) => out.push((p, x)),
                        _ => walk(v, p, out),
                    }
                }
            }
            serde_json::Value::Array(a) => {
                for (i, v) in a.iter().enumerate() {
                    walk(v, format!("{path}[{i}]"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(
        &serde_json::to_value(report).unwrap(),
        String::new(),
        &mut out,
    );
    out
}

fn assert_all_one(report: &Report) {
    let s = scores(report);
    assert!(s.len() > 30, "too few scores found: {s:?}");
    for (path, x) in s {
        assert_eq!(x, 1.0, "{path} is {x}");
    }
}

#[test]
fn gold_against_itself_is_perfect() {
    let mut gold = hand_gold();
    let mut second = quote(QuoteType::Direct, None, role(8, 9));
    second.addressee = role(3, 3);
    gold.quotes.push(second);
    let report = evaluate_gold_as_system(&[gold.clone(), doc(vec![])]);
    assert_all_one(&report);
    assert_eq!(report.counts.pairs, 2);
    assert_eq!(report.counts.gold_quotes, 2);
    assert_eq!(report.per_role.addressee.recall_pairs, 1);
}

#[test]
fn hand_computed_partial_overlap_and_spurious_quote() {
    let gold = hand_gold();
    // System A: content from the blank before token 4 through token 9 (tokens 4–9:
    // 4 shared with gold, 2 extra, 2 missed), cue 1 (right), frame 1 (half of the
    // gold frame), speaker 3 (wrong); indirect (right type), writing (wrong medium).
    let mut a = quote(
        QuoteType::Indirect,
        Some(Medium::Writing),
        Some(RoleJson {
            text: String::new(),
            spans: vec![sp(7, 19)],
        }),
    );
    a.cue = role(1, 1);
    a.frame = role(1, 1);
    a.speaker = role(3, 3).map(Into::into);
    // System B: content tokens 0–1, no overlap with the gold content: unpaired.
    let b = quote(QuoteType::Direct, None, role(0, 1));
    let mut system = gold_as_system(&gold);
    system.quotes = vec![b, a];
    let r = score_documents(&[(&gold, &system)]);

    assert_eq!(r.counts.documents, 1);
    assert_eq!(
        (r.counts.gold_quotes, r.counts.system_quotes, r.counts.pairs),
        (1, 2, 1)
    );
    // Pair (A, gold) per role, as (TP, FP, FN):
    //   quote (4,2,2): P 4/6, R 4/6      cue (1,0,0): P 1, R 1
    //   frame (1,0,1): P 1, R 1/2        speaker (0,1,1): P 0, R 0    addressee: nothing
    // Unpaired B against nothing: quote (0,2,0): P 0, no recall; no other roles.
    // Messages: P = (2/3 + 0)/2 = 1/3, R = 2/3, F1 = 2·(1/3)(2/3)/(1/3+2/3) = 4/9.
    let m = r.messages;
    assert!(close(m.precision, 1.0 / 3.0) && close(m.recall, 2.0 / 3.0) && close(m.f1, 4.0 / 9.0));
    assert_eq!((m.precision_pairs, m.recall_pairs), (2, 1));
    assert_eq!((m.tp, m.fp, m.fn_), (4, 4, 2));
    // Roles pooled for the pair: (2,1,2): P 2/3, R 1/2; B adds nothing.
    // F1 = 2·(2/3)(1/2)/(2/3+1/2) = 4/7.
    let ro = r.roles;
    assert!(close(ro.precision, 2.0 / 3.0) && close(ro.recall, 0.5) && close(ro.f1, 4.0 / 7.0));
    // Joint for the pair: (6,3,4): P 2/3, R 3/5; B: P 0.
    // P = (2/3 + 0)/2 = 1/3, R = 3/5, F1 = 2·(1/3)(3/5)/(1/3+3/5) = 3/7.
    let j = r.joint;
    assert!(close(j.precision, 1.0 / 3.0) && close(j.recall, 0.6) && close(j.f1, 3.0 / 7.0));
    let p = r.per_role;
    assert_eq!((p.cue.precision, p.cue.recall, p.cue.f1), (1.0, 1.0, 1.0));
    assert!(close(p.frame.recall, 0.5) && close(p.frame.f1, 2.0 / 3.0));
    assert_eq!(
        (p.speaker.precision, p.speaker.recall, p.speaker.f1),
        (0.0, 0.0, 0.0)
    );
    // Neither side has an addressee anywhere: vacuously perfect, from no pairs.
    assert_eq!((p.addressee.f1, p.addressee.precision_pairs), (1.0, 0));
    // Form: 1 equal pair of 2 system and 1 gold quotations: P 1/2, R 1, F1 2/3.
    assert!(close(r.form.micro.precision, 0.5) && close(r.form.micro.f1, 2.0 / 3.0));
    assert_eq!((r.form.micro.recall, r.form.accuracy), (1.0, 1.0));
    // Medium: speech ≠ writing.
    assert_eq!((r.medium.micro.f1, r.medium.accuracy), (0.0, 0.0));
    // Confusion: gold indirect × system indirect, and B in the "no gold" row.
    let c = &r.confusion.counts;
    assert_eq!(c[1][1], 1);
    assert_eq!(c[5][0], 1);
    assert_eq!(c.iter().flatten().sum::<usize>(), 2);
    assert_eq!(r.confusion.labels[5], "unpaired");
    // By type: indirect has the one gold quotation, paired; message over that pair only.
    let ind = &r.by_type[1];
    assert_eq!(
        (ind.kind, ind.gold, ind.system, ind.paired),
        (QuoteType::Indirect, 1, 1, 1)
    );
    assert_eq!(ind.recall, Some(1.0));
    assert!(close(ind.message.unwrap().f1, 2.0 / 3.0));
    let direct = &r.by_type[0];
    assert_eq!((direct.gold, direct.system, direct.recall), (0, 1, None));
    // Segmentation is the gold's own.
    assert_eq!(r.segmentation.tokens.f1, 1.0);
    assert_eq!(r.segmentation.sentence_ends.tp, 2);
}

#[test]
fn no_system_quotes_scores_zero_not_nan() {
    let gold = hand_gold();
    let mut system = gold_as_system(&gold);
    system.quotes.clear();
    let r = score_documents(&[(&gold, &system)]);
    assert_eq!(
        (r.messages.precision, r.messages.recall, r.messages.f1),
        (0.0, 0.0, 0.0)
    );
    assert_eq!(
        (r.joint.f1, r.roles.f1, r.form.micro.f1, r.form.accuracy),
        (0.0, 0.0, 0.0, 0.0)
    );
    for (path, x) in scores(&r) {
        assert!(x.is_finite(), "{path} is {x}");
    }
    assert_eq!(r.confusion.counts[1][5], 1);
    assert!(!r.to_string().contains("NaN"));
}

#[test]
fn empty_corpus_is_finite() {
    let r = score_documents(&[]);
    assert_eq!(r.counts.documents, 0);
    for (path, x) in scores(&r) {
        assert!(x.is_finite(), "{path} is {x}");
    }
}

fn tokens_of(q: &QuoteJson) -> QuoteTokens {
    let (_, tokens) = ten_tokens();
    QuoteTokens::new(&tokens::TokenIndex::new(&tokens), q)
}

#[test]
fn ties_break_on_type_then_medium() {
    let same = || role(2, 5);
    let s = tokens_of(&quote(QuoteType::Direct, Some(Medium::Speech), same()));
    // Same content: the gold quotation of equal type wins even against equal medium.
    let g = [
        tokens_of(&quote(QuoteType::Indirect, Some(Medium::Speech), same())),
        tokens_of(&quote(QuoteType::Direct, Some(Medium::Writing), same())),
    ];
    assert_eq!(pair_quotes(std::slice::from_ref(&s), &g), vec![(0, 1)]);
    // Equal types: equal medium wins.
    let g = [
        tokens_of(&quote(QuoteType::Direct, Some(Medium::Writing), same())),
        tokens_of(&quote(QuoteType::Direct, Some(Medium::Speech), same())),
    ];
    assert_eq!(pair_quotes(std::slice::from_ref(&s), &g), vec![(0, 1)]);
    // A better content overlap beats both tie-breakers.
    let g = [
        tokens_of(&quote(QuoteType::Indirect, None, same())),
        tokens_of(&quote(QuoteType::Direct, Some(Medium::Speech), role(2, 6))),
    ];
    assert_eq!(pair_quotes(std::slice::from_ref(&s), &g), vec![(0, 0)]);
}

#[test]
fn ties_never_outweigh_overlap_summed_over_pairs() {
    // Straight pairs match content exactly (F1 1 + 1) but no type; crosswise pairs
    // gain two type matches but lose content (10/11 + 10/11): overlap must win.
    let sys = [
        tokens_of(&quote(QuoteType::Direct, None, role(0, 4))),
        tokens_of(&quote(QuoteType::Indirect, None, role(0, 5))),
    ];
    let gold = [
        tokens_of(&quote(QuoteType::Indirect, None, role(0, 4))),
        tokens_of(&quote(QuoteType::Direct, None, role(0, 5))),
    ];
    assert_eq!(pair_quotes(&sys, &gold), vec![(0, 0), (1, 1)]);
}

#[test]
fn duplicated_gold_quotes_pair_by_their_roles() {
    // Two gold quotations with one content and two speakers: the system copy of
    // each must meet its own gold, whatever the order.
    let mut g0 = quote(QuoteType::Indirect, Some(Medium::Speech), role(4, 9));
    g0.speaker = role(0, 0).map(Into::into);
    let mut g1 = g0.clone();
    g1.speaker = role(2, 2).map(Into::into);
    let gold = [tokens_of(&g0), tokens_of(&g1)];
    let sys = [tokens_of(&g1), tokens_of(&g0)];
    assert_eq!(pair_quotes(&sys, &gold), vec![(0, 1), (1, 0)]);
}

#[test]
fn zero_overlap_is_no_pair() {
    let sys = [tokens_of(&quote(QuoteType::Direct, None, role(0, 1)))];
    let gold = [tokens_of(&quote(QuoteType::Direct, None, role(5, 6)))];
    assert!(pair_quotes(&sys, &gold).is_empty());
}

#[test]
fn report_renders_aligned_table() {
    let text = evaluate_gold_as_system(&[hand_gold()]).to_string();
    assert!(text.contains("Messages"));
    assert!(text.contains("Form (type)"));
    assert!(text.contains("Sentence ends"));
    assert!(text.contains("unpaired"));
    // The header and the rows of the first table share the F1 column's right edge.
    let lines: Vec<&str> = text.lines().collect();
    let header = lines
        .iter()
        .position(|l| l.starts_with("Token level"))
        .unwrap();
    let f1_end = lines[header].find("F1").unwrap() + 2;
    assert_eq!(&lines[header + 1][f1_end - 5..f1_end], "1.000");
}

fn shared_dev() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/gnqa/dev.jsonl")
}

#[test]
fn dev_gold_as_system_is_perfect() {
    let path = shared_dev();
    if !path.exists() {
        eprintln!("skipped: ../shared/data/gnqa/dev.jsonl not found");
        return;
    }
    let gold = gnqa::load(&path).unwrap();
    let report = evaluate_gold_as_system(&gold);
    assert_eq!(report.counts.documents, 150);
    assert_eq!(report.counts.pairs, report.counts.gold_quotes);
    assert_all_one(&report);
}
