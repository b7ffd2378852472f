//! The warning rules on hand-built analyses whose sourcing fields are filled,
//! as the sourcing stage fills them: each rule fires where it should and stays
//! quiet where it should not.

use crate::document::{EntityKind, QuoteType, SourceKind, Status};
use crate::report::fixture::{doc, entity, quote, role, via};
use crate::report::warnings::{rule, Severity, WarningJson};
use crate::schema::AnalysisJson;

fn ids(d: &AnalysisJson) -> Vec<&str> {
    d.warnings.iter().map(|w| w.id.as_str()).collect()
}

fn only<'d>(d: &'d AnalysisJson, id: &str) -> &'d WarningJson {
    let found: Vec<&WarningJson> = d.warnings.iter().filter(|w| w.id == id).collect();
    assert_eq!(found.len(), 1, "one {id} expected in {:?}", ids(d));
    found[0]
}

const AGREEMENT: &str = "Russland und China vereinbaren Handelsabkommen\n\nChinesischen Staatsmedien zufolge haben Russland und China ein Handelsabkommen vereinbart. Weitere Einzelheiten wurden nicht bekannt.";

fn agreement(text: &str) -> AnalysisJson {
    let mut d = doc(text);
    let q = quote(
        &d,
        QuoteType::Indirect,
        "haben Russland und China ein Handelsabkommen vereinbart",
        Some("Chinesischen Staatsmedien"),
        Some("zufolge"),
    );
    d.quotes = vec![q];
    d.refresh_report();
    d
}

#[test]
fn headline_as_fact_fires_when_the_body_only_attributes() {
    let d = agreement(AGREEMENT);
    let w = only(&d, rule::HEADLINE_AS_FACT);
    assert_eq!(w.severity, Severity::Critical);
    assert_eq!(w.quotes, [0]);
    let headline = d
        .sentences
        .iter()
        .position(|s| s.start == d.meta.headline.unwrap().start)
        .unwrap();
    assert_eq!(w.sentences, [headline, headline + 1]);
    assert!(
        w.message.de.contains("Chinesischen Staatsmedien zufolge")
            || w.message.de.contains("Chinesischen Staatsmedien")
    );
    assert!(w.message.en.starts_with("The headline"));
}

#[test]
fn headline_as_fact_is_quiet_when_the_body_states_it_or_the_headline_attributes() {
    let stated =
        format!("{AGREEMENT} Russland und China haben das Handelsabkommen am Montag vereinbart.");
    assert!(!ids(&agreement(&stated)).contains(&rule::HEADLINE_AS_FACT));
    let hedged = AGREEMENT.replace(
        "vereinbaren Handelsabkommen",
        "sollen Handelsabkommen vereinbaren",
    );
    assert!(!ids(&agreement(&hedged)).contains(&rule::HEADLINE_AS_FACT));
    let quoted = AGREEMENT.replace(
        "Russland und China vereinbaren",
        "„Russland und China vereinbaren“",
    );
    assert!(!ids(&agreement(&quoted)).contains(&rule::HEADLINE_AS_FACT));
}

#[test]
fn state_media_only_fires_for_state_sources_and_state_channels_only() {
    let mut d = doc("Die Agentur KCNA schrieb, das Treffen sei historisch. Putin schrieb den Staatsmedien zufolge, man sei Partner. Laut Reuters sagte Kim, er sei zufrieden.");
    let kcna = entity(&mut d, "KCNA", EntityKind::Media, "KCNA");
    let reuters = entity(&mut d, "Reuters", EntityKind::Media, "Reuters");
    let mut q0 = quote(
        &d,
        QuoteType::Indirect,
        "das Treffen sei historisch",
        Some("Die Agentur KCNA"),
        Some("schrieb"),
    );
    q0.speaker.as_mut().unwrap().entity = Some(kcna);
    q0.source_kind = SourceKind::StateMedia;
    let mut q1 = quote(
        &d,
        QuoteType::Indirect,
        "man sei Partner",
        Some("Putin"),
        Some("schrieb"),
    );
    q1.source_kind = SourceKind::NamedPerson;
    q1.via = vec![via(&d, "den Staatsmedien", None)];
    let mut q2 = quote(
        &d,
        QuoteType::Indirect,
        "er sei zufrieden",
        Some("Kim"),
        Some("sagte"),
    );
    q2.source_kind = SourceKind::NamedPerson;
    q2.via = vec![via(&d, "Laut Reuters", Some(&reuters))];
    d.quotes = vec![q0, q1, q2];
    d.refresh_report();
    let state: Vec<&WarningJson> = d
        .warnings
        .iter()
        .filter(|w| w.id == rule::STATE_MEDIA_ONLY)
        .collect();
    assert_eq!(state.len(), 2, "{:?}", ids(&d));
    assert_eq!(state[0].quotes, [0]);
    assert_eq!(state[0].sentences, [0]);
    assert!(state[0].message.de.contains("KCNA"));
    assert_eq!(state[1].quotes, [1]);
    assert!(state[1].message.en.contains("Putin"));
    assert!(state.iter().all(|w| w.severity == Severity::Warning));
}

#[test]
fn anonymous_and_unnamed_sources_are_named_with_their_severity() {
    let mut d = doc("Insider sagten, der Deal stehe. Experten glauben, dass es teurer wird. Müller sagte, alles sei gut.");
    let group = entity(&mut d, "Experten", EntityKind::Group, "Experten");
    let mut q0 = quote(
        &d,
        QuoteType::Indirect,
        "der Deal stehe",
        Some("Insider"),
        Some("sagten"),
    );
    q0.source_kind = SourceKind::Anonymous;
    let mut q1 = quote(
        &d,
        QuoteType::Indirect,
        "dass es teurer wird",
        Some("Experten"),
        Some("glauben"),
    );
    q1.speaker.as_mut().unwrap().entity = Some(group);
    let mut q2 = quote(
        &d,
        QuoteType::Indirect,
        "alles sei gut",
        Some("Müller"),
        Some("sagte"),
    );
    q2.source_kind = SourceKind::NamedPerson;
    d.quotes = vec![q0, q1, q2];
    d.refresh_report();
    let a = only(&d, rule::ANONYMOUS_SOURCE);
    assert_eq!(
        (a.severity, a.quotes.as_slice()),
        (Severity::Warning, &[0][..])
    );
    assert!(a.message.de.contains("Insider"));
    let u = only(&d, rule::UNNAMED_SOURCE);
    assert_eq!(
        (u.severity, u.quotes.as_slice()),
        (Severity::Info, &[1][..])
    );
    assert_eq!(u.sentences, [1]);
}

#[test]
fn hedged_and_denied_claims_cite_their_status_words() {
    let mut d = doc("US-Angaben zufolge soll Russland Raketen erhalten haben. Moskau bestritt, Raketen erhalten zu haben. Peking sagte, es sei neutral.");
    let mut q0 = quote(
        &d,
        QuoteType::FreeIndirect,
        "soll Russland Raketen erhalten haben",
        Some("US-Angaben"),
        Some("zufolge"),
    );
    q0.status = Status::Hedged;
    q0.status_cue = Some(role(&d, "soll"));
    let mut q1 = quote(
        &d,
        QuoteType::Indirect,
        "Raketen erhalten zu haben",
        Some("Moskau"),
        Some("bestritt"),
    );
    q1.status = Status::Denied;
    q1.status_cue = Some(role(&d, "bestritt"));
    let q2 = quote(
        &d,
        QuoteType::Indirect,
        "es sei neutral",
        Some("Peking"),
        Some("sagte"),
    );
    d.quotes = vec![q0, q1, q2];
    d.refresh_report();
    let h = only(&d, rule::HEDGED_CLAIM);
    assert_eq!(h.quotes, [0]);
    assert!(h.message.de.contains("„soll“"), "{}", h.message.de);
    let n = only(&d, rule::DENIED_CLAIM);
    assert_eq!(n.quotes, [1]);
    assert_eq!(n.sentences, [1]);
    assert!(n.message.en.contains("“bestritt”"));
}

#[test]
fn quotation_without_speaker_fires_unless_inside_a_sourced_one() {
    let mut d =
        doc("„Das ist das Ende“, hieß es. Müller sagte, es gehe um „die Zukunft“ des Landes.");
    let q0 = quote(&d, QuoteType::Direct, "„Das ist das Ende“", None, None);
    let q1 = quote(
        &d,
        QuoteType::Indirect,
        "es gehe um „die Zukunft“ des Landes",
        Some("Müller"),
        Some("sagte"),
    );
    let q2 = quote(&d, QuoteType::Direct, "„die Zukunft“", None, None);
    d.quotes = vec![q0, q1, q2];
    d.refresh_report();
    let w = only(&d, rule::QUOTE_WITHOUT_SPEAKER);
    assert_eq!(w.quotes, [0]);
    assert!(
        w.message.de.contains("„Das ist das Ende“"),
        "one pair of marks: {}",
        w.message.de
    );
}

#[test]
fn opinion_without_source_fires_only_in_the_articles_own_voice() {
    let mut d = doc("Das Vorgehen der Regierung ist skandalös. Das sei skandalös, sagte Müller. Laut Kritikern ist es eine Farce. Die Regierung tagte am Montag. Schmidt: Leider geht es nicht anders.");
    let q = quote(
        &d,
        QuoteType::Indirect,
        "Das sei skandalös",
        Some("Müller"),
        Some("sagte"),
    );
    d.quotes = vec![q];
    d.refresh_report();
    let w = only(&d, rule::OPINION_WITHOUT_SOURCE);
    assert_eq!(w.sentences, [0]);
    assert!(w.quotes.is_empty());
    assert!(w.message.de.contains("„skandalös“"));
}

#[test]
fn a_well_sourced_article_raises_nothing() {
    let mut d = doc("Berlin: Merkel will Steuern senken\n\nBundeskanzlerin Angela Merkel hat angekündigt, die Steuern zu senken. „Wir entlasten die Familien“, sagte Merkel am Montag. Finanzminister Olaf Scholz erklärte, das Geld sei da.");
    let merkel = entity(&mut d, "Angela Merkel", EntityKind::Person, "Angela Merkel");
    let mut q0 = quote(
        &d,
        QuoteType::Indirect,
        "die Steuern zu senken",
        Some("Bundeskanzlerin Angela Merkel"),
        Some("angekündigt"),
    );
    let mut q1 = quote(
        &d,
        QuoteType::Direct,
        "„Wir entlasten die Familien“",
        Some("Merkel"),
        Some("sagte"),
    );
    let mut q2 = quote(
        &d,
        QuoteType::Indirect,
        "das Geld sei da",
        Some("Finanzminister Olaf Scholz"),
        Some("erklärte"),
    );
    for q in [&mut q0, &mut q1] {
        q.speaker.as_mut().unwrap().entity = Some(merkel.clone());
        q.source_kind = SourceKind::NamedPerson;
    }
    q2.source_kind = SourceKind::NamedPerson;
    d.quotes = vec![q0, q1, q2];
    d.refresh_report();
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn warnings_are_ordered_by_severity_and_survive_a_json_round_trip() {
    let mut d = agreement(AGREEMENT);
    d.quotes[0].source_kind = SourceKind::StateMedia;
    d.refresh_report();
    let sev: Vec<Severity> = d.warnings.iter().map(|w| w.severity).collect();
    let mut sorted = sev.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(sev, sorted);
    assert_eq!(ids(&d), [rule::HEADLINE_AS_FACT, rule::STATE_MEDIA_ONLY]);
    let json = serde_json::to_string(&d).unwrap();
    assert!(json.contains("\"severity\":\"critical\""));
    let back: AnalysisJson = serde_json::from_str(&json).unwrap();
    assert_eq!(back, d);
    // Documents written before the report existed still read (fields default).
    let mut old: serde_json::Value = serde_json::from_str(&json).unwrap();
    old.as_object_mut().unwrap().remove("profile");
    old.as_object_mut().unwrap().remove("warnings");
    let back: AnalysisJson = serde_json::from_value(old).unwrap();
    assert!(back.warnings.is_empty() && back.profile.quotes == 0);
}

/// The flagship article as the pipeline reads it, sourcing stage included:
/// every warning the issue names for it that the quotations support lights up.
#[test]
fn flagship_lights_up_with_the_sourcing_stage() {
    let text = include_str!("../../../../examples/pjoengjang.txt");
    let p = crate::Pipeline::builder().build().unwrap();
    let mut d = AnalysisJson::from_document(&p.analyze(text));
    let putin = d
        .entities
        .iter()
        .find(|e| e.name == "Wladimir Putin")
        .map(|e| e.id.clone())
        .expect("Putin is an entity");
    d.refresh_report();
    let found = ids(&d);
    for id in [
        rule::HEADLINE_AS_FACT,
        rule::STATE_MEDIA_ONLY,
        rule::UNNAMED_SOURCE,
        rule::HEDGED_CLAIM,
        rule::OPINION_WITHOUT_SOURCE,
    ] {
        assert!(found.contains(&id), "{id} missing from {found:?}");
    }
    assert_eq!(
        d.warnings[0].id,
        rule::HEADLINE_AS_FACT,
        "the critical warning comes first"
    );
    // Putin is one speaker across his mentions, and the channel is counted.
    let putin_profile = d
        .profile
        .speakers
        .iter()
        .find(|s| s.entity.as_deref() == Some(putin.as_str()))
        .unwrap();
    assert!(putin_profile.quote_indices.len() >= 3);
    assert!(
        d.profile
            .channels
            .iter()
            .any(|c| c.name == "den Staatsmedien zufolge"),
        "{:?}",
        d.profile.channels
    );
}
