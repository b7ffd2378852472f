//! Hand-built analyses for the report's unit tests: the pipeline supplies
//! structure, sentences and tokens; the tests set quotations and sourcing
//! fields themselves, as the sourcing stage will.

use crate::document::{EntityKind, QuoteType, SourceKind, Status};
use crate::schema::{
    AnalysisJson, CharSpan, EntityJson, QuoteJson, RoleJson, SpeakerJson, ViaJson,
};

/// The analysis of `text` with its quotations and entities removed.
pub(crate) fn doc(text: &str) -> AnalysisJson {
    let p = crate::Pipeline::builder().build().expect("pipeline");
    let mut json = AnalysisJson::from_document(&p.analyze(text));
    json.quotes.clear();
    json.entities.clear();
    json
}

/// The character span of the `nth` occurrence (0-based) of `needle` in `doc.text`.
pub(crate) fn find(doc: &AnalysisJson, needle: &str, nth: usize) -> CharSpan {
    let (b, _) = doc
        .text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    let start = doc.text[..b].chars().count();
    CharSpan {
        start,
        end: start + needle.chars().count(),
    }
}

/// A role over the first occurrence of `needle`.
pub(crate) fn role(doc: &AnalysisJson, needle: &str) -> RoleJson {
    RoleJson {
        text: needle.to_owned(),
        spans: vec![find(doc, needle, 0)],
    }
}

/// A quotation with content and optional speaker and cue (first occurrences), `stated`.
pub(crate) fn quote(
    doc: &AnalysisJson,
    kind: QuoteType,
    content: &str,
    speaker: Option<&str>,
    cue: Option<&str>,
) -> QuoteJson {
    QuoteJson {
        kind,
        medium: None,
        content: role(doc, content),
        speaker: speaker.map(|s| SpeakerJson::from(role(doc, s))),
        cue: cue.map(|c| role(doc, c)),
        frame: None,
        addressee: None,
        source_kind: SourceKind::Unknown,
        via: Vec::new(),
        status: Status::Stated,
        status_cue: None,
    }
}

/// Adds an entity with one mention (first occurrence of `mention`) and returns its id.
pub(crate) fn entity(
    doc: &mut AnalysisJson,
    name: &str,
    kind: EntityKind,
    mention: &str,
) -> String {
    let id = format!("e{}", doc.entities.len() + 1);
    let m = find(doc, mention, 0);
    doc.entities.push(EntityJson {
        id: id.clone(),
        name: name.to_owned(),
        kind,
        role: None,
        mentions: vec![m],
    });
    id
}

/// A channel over the first occurrence of `words`.
pub(crate) fn via(doc: &AnalysisJson, words: &str, entity: Option<&str>) -> ViaJson {
    ViaJson {
        role: role(doc, words),
        entity: entity.map(str::to_owned),
    }
}
