//! The quotation table: one row per quotation, for CSV (and Parquet) export.

use crate::record::IndexDoc;
use quelle::schema::{QuoteJson, RoleJson};
use serde::Serialize;
use std::io::Write;

/// One quotation as a flat row. Column names are the CSV header (see `docs/batch.md`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuoteRow {
    /// The document id.
    pub document: String,
    /// The speaker: the resolved entity's name, else the mention text; empty when none.
    pub speaker: String,
    /// The kind of the resolved entity (`person`, `media`, …); empty when unresolved.
    pub entity_kind: String,
    /// The kind of source (`named_person`, `state_media`, `anonymous`, …).
    pub source_kind: String,
    /// The form (`direct`, `indirect`, …).
    #[serde(rename = "type")]
    pub kind: String,
    /// The medium (`speech`, `writing`, …); empty when unknown.
    pub medium: String,
    /// How the claim is presented (`stated`, `denied`, `hedged`, …).
    pub status: String,
    /// The channels (`via`), joined by ` | `.
    pub channel: String,
    /// What was said.
    pub content: String,
    /// The cue word(s).
    pub cue: String,
}

/// The JSON name of a unit-variant enum (the library's serde names).
pub fn name<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn text(r: &Option<RoleJson>) -> String {
    r.as_ref().map(|r| r.text.clone()).unwrap_or_default()
}

/// The speaker name and entity kind of a quotation, resolved against the document's entities.
pub fn speaker(doc: &IndexDoc, q: &QuoteJson) -> (String, String) {
    let Some(sp) = &q.speaker else {
        return (String::new(), String::new());
    };
    let entity = sp
        .entity
        .as_deref()
        .and_then(|id| doc.entities.iter().find(|e| e.id == id));
    match entity {
        Some(e) => (e.name.clone(), name(&e.kind)),
        None => (sp.role.text.clone(), String::new()),
    }
}

impl QuoteRow {
    /// The rows of one document.
    pub fn rows(doc: &IndexDoc) -> Vec<QuoteRow> {
        doc.quotes
            .iter()
            .map(|q| {
                let (speaker, entity_kind) = speaker(doc, q);
                QuoteRow {
                    document: doc.id.clone(),
                    speaker,
                    entity_kind,
                    source_kind: name(&q.source_kind),
                    kind: name(&q.kind),
                    medium: q.medium.as_ref().map(name).unwrap_or_default(),
                    status: name(&q.status),
                    channel: q
                        .via
                        .iter()
                        .map(|v| v.role.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" | "),
                    content: q.content.text.clone(),
                    cue: text(&q.cue),
                }
            })
            .collect()
    }
}

/// Writes quotation rows as CSV (RFC 4180, header line first).
pub struct CsvWriter<W: Write> {
    inner: csv::Writer<W>,
}

impl<W: Write> CsvWriter<W> {
    /// A writer; the header is written with the first row (or on [`CsvWriter::finish`]).
    pub fn new(w: W) -> Self {
        CsvWriter {
            inner: csv::WriterBuilder::new().has_headers(false).from_writer(w),
        }
    }

    /// Writes the header line.
    pub fn header(&mut self) -> csv::Result<()> {
        self.inner.write_record([
            "document",
            "speaker",
            "entity_kind",
            "source_kind",
            "type",
            "medium",
            "status",
            "channel",
            "content",
            "cue",
        ])
    }

    /// Writes one row.
    pub fn row(&mut self, row: &QuoteRow) -> csv::Result<()> {
        self.inner.serialize(row)
    }

    /// Flushes and returns the inner writer.
    pub fn finish(self) -> std::io::Result<W> {
        self.inner.into_inner().map_err(|e| e.into_error())
    }
}
