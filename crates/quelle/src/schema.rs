//! The JSON output format `quelle/1`: the single source of truth for every view.
//!
//! The CLI, the evaluator and later the server, Python package and HTML report
//! all read and write these types. All offsets are **character** (Unicode
//! scalar) offsets into [`AnalysisJson::text`], end exclusive — the convention
//! of the gnqa data, Python and JavaScript. See `docs/json-format.md`.
//!
//! Versioning: [`SCHEMA`] names the format. Adding an optional field keeps the
//! version; renaming, removing or changing the meaning of a field bumps it.

use crate::document::{BlockKind, Document, Medium, QuoteType, Role};
use crate::span::{CharMap, Span};
use serde::{Deserialize, Serialize};

/// The format identifier written into every document.
pub const SCHEMA: &str = "quelle/1";

/// A character span `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CharSpan {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// Document-level metadata.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MetaJson {
    /// The headline (without its dateline), if the text has one.
    pub headline: Option<CharSpan>,
    /// The dateline (`Pjöngjang:`, `Berlin (dpa) -`), if any.
    pub dateline: Option<CharSpan>,
}

/// A structural block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockJson {
    /// `headline`, `dateline`, `subheading` or `paragraph`.
    pub kind: BlockKind,
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// One role of a quotation: its text (spans joined by a space) and its spans.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RoleJson {
    /// The covered text; discontinuous spans are joined with a single space.
    pub text: String,
    /// The spans in text order.
    pub spans: Vec<CharSpan>,
}

/// A quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteJson {
    /// The form: `direct`, `indirect`, `reported`, `free_indirect`, `indirect_free_indirect`.
    #[serde(rename = "type")]
    pub kind: QuoteType,
    /// The medium, or null when unknown.
    pub medium: Option<Medium>,
    /// What was said.
    pub content: RoleJson,
    /// Who said it.
    pub speaker: Option<RoleJson>,
    /// The signalling word(s).
    pub cue: Option<RoleJson>,
    /// The reporting clause.
    pub frame: Option<RoleJson>,
    /// To whom.
    pub addressee: Option<RoleJson>,
}

/// A named entity (filled by the entity stage; empty until then).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityJson {
    /// Identifier unique within the document, referenced by quotes.
    pub id: String,
    /// The fullest proper name in the document.
    pub name: String,
    /// `person`, `organization`, `media`, `government`, `country`, `place`, `group`, `anonymous`.
    pub kind: String,
    /// Titles and functions found in the text.
    pub role: Option<String>,
    /// Every mention.
    pub mentions: Vec<CharSpan>,
}

/// One analysed document: the `quelle/1` format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnalysisJson {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Exactly the input text (UTF-8 decoded, byte order mark removed).
    pub text: String,
    /// Headline and dateline.
    pub meta: MetaJson,
    /// Structural blocks in text order.
    pub blocks: Vec<BlockJson>,
    /// Sentences in text order.
    pub sentences: Vec<CharSpan>,
    /// Tokens in text order.
    pub tokens: Vec<CharSpan>,
    /// Quotations.
    pub quotes: Vec<QuoteJson>,
    /// Entities.
    pub entities: Vec<EntityJson>,
}

fn char_span(map: &CharMap, s: Span) -> CharSpan {
    let (start, end) = map.char_span(s);
    CharSpan { start, end }
}

/// Converts a role to JSON; `text` joins the spans' texts with one space.
pub fn role_json(text: &str, map: &CharMap, role: &Role) -> RoleJson {
    let mut joined = String::new();
    for (i, s) in role.spans.iter().enumerate() {
        if i > 0 {
            joined.push(' ');
        }
        joined.push_str(s.text(text));
    }
    RoleJson {
        text: joined,
        spans: role.spans.iter().map(|&s| char_span(map, s)).collect(),
    }
}

impl AnalysisJson {
    /// Builds the JSON view of an analysed document.
    pub fn from_document(doc: &Document) -> Self {
        let text = doc.text();
        let map = doc.char_map();
        let role = |r: &Option<Role>| r.as_ref().map(|r| role_json(text, map, r));
        AnalysisJson {
            schema: SCHEMA.to_owned(),
            text: text.to_owned(),
            meta: MetaJson {
                headline: doc.headline().map(|b| char_span(map, b.span)),
                dateline: doc.dateline().map(|b| char_span(map, b.span)),
            },
            blocks: doc
                .blocks
                .iter()
                .map(|b| {
                    let c = char_span(map, b.span);
                    BlockJson {
                        kind: b.kind,
                        start: c.start,
                        end: c.end,
                    }
                })
                .collect(),
            sentences: doc
                .sentences
                .iter()
                .map(|s| char_span(map, s.span))
                .collect(),
            tokens: doc.tokens.iter().map(|t| char_span(map, t.span)).collect(),
            quotes: doc
                .quotes
                .iter()
                .map(|q| QuoteJson {
                    kind: q.kind,
                    medium: q.medium,
                    content: role_json(text, map, &q.content),
                    speaker: role(&q.speaker),
                    cue: role(&q.cue),
                    frame: role(&q.frame),
                    addressee: role(&q.addressee),
                })
                .collect(),
            entities: Vec::new(),
        }
    }
}
