//! Reading the gnqa dataset (JSON Lines, one article per line) into gold documents.
//!
//! Gold roles become [`QuoteJson`] values with character offsets, the same type the
//! pipeline emits, so that gold and system output are scored by one code path.

use crate::document::{Medium, QuoteType};
use crate::error::{Error, ErrorKind, Result};
use crate::schema::{CharSpan, QuoteJson, RoleJson, SpeakerJson};
use serde::Deserialize;
use std::io::BufRead;
use std::path::Path;

/// One gold article.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    /// `documentName`: id, title and date.
    pub name: String,
    /// `originalText`.
    pub text: String,
    /// Gold tokens, character spans.
    pub tokens: Vec<CharSpan>,
    /// Gold sentences, character spans (as given: may include trailing whitespace).
    pub sentences: Vec<CharSpan>,
    /// Gold quotations.
    pub quotes: Vec<QuoteJson>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawDoc {
    document_name: String,
    original_text: String,
    tokens: Vec<RawToken>,
    sentences: Vec<RawSentence>,
    annotations: Vec<RawAnnotation>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawToken {
    char_begin: usize,
    char_end: usize,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawSentence {
    char_begin: usize,
    char_end: usize,
}

#[derive(Deserialize)]
struct RawAnnotation {
    quote: RawRole,
    speaker: RawRole,
    cue: RawRole,
    frame: RawRole,
    addressee: RawRole,
    #[serde(rename = "type")]
    kind: String,
    medium: String,
}

#[derive(Deserialize)]
struct RawRole {
    text: String,
    spans: Vec<RawSpan>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawSpan {
    char_begin: usize,
    char_end: usize,
}

impl RawRole {
    fn into_role(self) -> Option<RoleJson> {
        if self.spans.is_empty() {
            return None;
        }
        Some(RoleJson {
            text: self.text,
            spans: self
                .spans
                .into_iter()
                .map(|s| CharSpan {
                    start: s.char_begin,
                    end: s.char_end,
                })
                .collect(),
        })
    }
}

/// Parses a gnqa type name (`Direct`, `IndirectFreeIndirect`, …).
pub fn parse_type(s: &str) -> Option<QuoteType> {
    Some(match s {
        "Direct" => QuoteType::Direct,
        "Indirect" => QuoteType::Indirect,
        "Reported" => QuoteType::Reported,
        "FreeIndirect" => QuoteType::FreeIndirect,
        "IndirectFreeIndirect" => QuoteType::IndirectFreeIndirect,
        _ => return None,
    })
}

/// The gnqa name of a type (`Direct`, `IndirectFreeIndirect`, …): the inverse of [`parse_type`].
pub fn type_name(t: QuoteType) -> &'static str {
    match t {
        QuoteType::Direct => "Direct",
        QuoteType::Indirect => "Indirect",
        QuoteType::Reported => "Reported",
        QuoteType::FreeIndirect => "FreeIndirect",
        QuoteType::IndirectFreeIndirect => "IndirectFreeIndirect",
    }
}

/// Parses a gnqa medium name (`Speech`, `SW`, …); `none` is `None`.
pub fn parse_medium(s: &str) -> Option<Medium> {
    Some(match s {
        "Speech" => Medium::Speech,
        "Writing" => Medium::Writing,
        "Thought" => Medium::Thought,
        "SW" => Medium::SpeechWriting,
        "ST" => Medium::SpeechThought,
        "TW" => Medium::ThoughtWriting,
        _ => return None,
    })
}

fn convert(raw: RawDoc, line: usize) -> Result<GoldDoc> {
    let mut quotes = Vec::with_capacity(raw.annotations.len());
    for a in raw.annotations {
        let kind = parse_type(&a.kind).ok_or_else(|| {
            Error::new(ErrorKind::Parse {
                line,
                message: format!("unknown quotation type {:?}", a.kind),
            })
        })?;
        let Some(content) = a.quote.into_role() else {
            continue; // An annotation without content cannot be scored; gnqa has none.
        };
        quotes.push(QuoteJson {
            kind,
            medium: parse_medium(&a.medium),
            content,
            speaker: a
                .speaker
                .into_role()
                .map(|role| SpeakerJson { role, entity: None }),
            cue: a.cue.into_role(),
            frame: a.frame.into_role(),
            addressee: a.addressee.into_role(),
            source_kind: Default::default(),
            via: Vec::new(),
            status: Default::default(),
            status_cue: None,
        });
    }
    Ok(GoldDoc {
        name: raw.document_name,
        text: raw.original_text,
        tokens: raw
            .tokens
            .iter()
            .map(|t| CharSpan {
                start: t.char_begin,
                end: t.char_end,
            })
            .collect(),
        sentences: raw
            .sentences
            .iter()
            .map(|s| CharSpan {
                start: s.char_begin,
                end: s.char_end,
            })
            .collect(),
        quotes,
    })
}

/// Reads gold documents from JSON Lines; errors name the 1-based line.
pub fn read(reader: impl BufRead) -> Result<Vec<GoldDoc>> {
    let mut docs = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let line_no = i + 1;
        let line = line.map_err(|e| {
            Error::new(ErrorKind::Parse {
                line: line_no,
                message: e.to_string(),
            })
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let raw: RawDoc = serde_json::from_str(&line).map_err(|e| {
            Error::new(ErrorKind::Parse {
                line: line_no,
                message: e.to_string(),
            })
        })?;
        docs.push(convert(raw, line_no)?);
    }
    Ok(docs)
}

/// Reads a gnqa JSONL file; errors name the file and line.
pub fn load(path: &Path) -> Result<Vec<GoldDoc>> {
    let name = path.display().to_string();
    let f = std::fs::File::open(path).map_err(|e| Error::from(e).with_source(name.clone()))?;
    read(std::io::BufReader::new(f)).map_err(|e| e.with_source(name))
}
