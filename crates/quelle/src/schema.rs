//! The JSON output format `quelle/1`: the single source of truth for every view.
//!
//! The CLI, the evaluator and later the server, Python package and HTML report
//! all read and write these types. All offsets are **character** (Unicode
//! scalar) offsets into [`AnalysisJson::text`], end exclusive — the convention
//! of the gnqa data, Python and JavaScript. See `docs/json-format.md`.
//!
//! Versioning: [`SCHEMA`] names the format. Adding an optional field keeps the
//! version; renaming, removing or changing the meaning of a field bumps it.

use crate::document::{
    BlockKind, Document, EntityKind, Medium, QuoteType, Role, SourceKind, Status, Via,
};
use crate::report::words::Chars;
use crate::report::{ProfileJson, WarningJson};
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
    /// Who said it: the mention, and the entity it resolves to.
    pub speaker: Option<SpeakerJson>,
    /// The signalling word(s).
    pub cue: Option<RoleJson>,
    /// The reporting clause.
    pub frame: Option<RoleJson>,
    /// To whom.
    pub addressee: Option<RoleJson>,
    /// The kind of source (`named_person`, `official`, `state_media`, `anonymous`, …).
    #[serde(default)]
    pub source_kind: SourceKind,
    /// Channels through which the statement reached the article, in text order.
    #[serde(default)]
    pub via: Vec<ViaJson>,
    /// How the article presents the claim: `stated`, `denied`, `hedged`, `speculative`, `unconfirmed`.
    #[serde(default)]
    pub status: Status,
    /// The words giving the status (`bestritten`, `soll`), or null.
    #[serde(default)]
    pub status_cue: Option<RoleJson>,
}

/// The speaker role: the mention as in the text plus the entity it resolves to.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SpeakerJson {
    /// The mention.
    #[serde(flatten)]
    pub role: RoleJson,
    /// The id of the entity in [`AnalysisJson::entities`], or null when unresolved.
    #[serde(default)]
    pub entity: Option<String>,
}

impl From<RoleJson> for SpeakerJson {
    /// An unresolved speaker.
    fn from(role: RoleJson) -> Self {
        SpeakerJson { role, entity: None }
    }
}

/// A channel (`laut russischen Nachrichtenagenturen`, `sagte der Zeitung X`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ViaJson {
    /// The words naming the channel.
    #[serde(flatten)]
    pub role: RoleJson,
    /// The id of the channel's entity, or null.
    #[serde(default)]
    pub entity: Option<String>,
}

/// An entity with all its mentions in the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityJson {
    /// Identifier unique within the document (`e1`, `e2`, …), referenced by quotes.
    pub id: String,
    /// The fullest proper name in the document.
    pub name: String,
    /// `person`, `organization`, `media`, `government`, `country`, `place`, `group`, `anonymous`.
    pub kind: EntityKind,
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
    /// Entities, in order of first mention.
    #[serde(default)]
    pub entities: Vec<EntityJson>,
    /// The sourcing profile (speakers, kinds of source, forms, channels).
    #[serde(default)]
    pub profile: ProfileJson,
    /// Warnings about the sourcing, most serious first.
    #[serde(default)]
    pub warnings: Vec<WarningJson>,
}

/// The JSON id of the entity with index `i` in [`Document::entities`].
pub fn entity_id(i: usize) -> String {
    format!("e{}", i + 1)
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
    /// Recomputes [`AnalysisJson::profile`] and [`AnalysisJson::warnings`] from
    /// the rest of the document (after editing quotations or entities by hand).
    pub fn refresh_report(&mut self) {
        let chars = Chars::new(&self.text);
        let (profile, warnings) = self.report(&chars);
        self.profile = profile;
        self.warnings = warnings;
    }

    /// The profile and warnings of the document, whose text `chars` indexes.
    /// The warnings read neither field, so both come from the same state.
    fn report(&self, chars: &Chars) -> (ProfileJson, Vec<WarningJson>) {
        (
            crate::report::profile::build_with(self, chars),
            crate::report::warnings::detect_with(self, chars),
        )
    }

    /// Builds the JSON view of an analysed document, with its profile and warnings.
    pub fn from_document(doc: &Document) -> Self {
        let mut json = Self::analysis_only(doc);
        // The report indexes the text's characters as the document already has.
        let chars = Chars::with_map(&json.text, doc.char_map());
        let (profile, warnings) = json.report(&chars);
        json.profile = profile;
        json.warnings = warnings;
        json
    }

    /// The analysis without the derived report fields.
    fn analysis_only(doc: &Document) -> Self {
        let text = doc.text();
        let map = doc.char_map();
        let role = |r: &Option<Role>| r.as_ref().map(|r| role_json(text, map, r));
        let via = |v: &Via| ViaJson {
            role: role_json(text, map, &v.role),
            entity: v.entity.map(entity_id),
        };
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
                    speaker: role(&q.speaker).map(|role| SpeakerJson {
                        role,
                        entity: q.sourcing.speaker_entity.map(entity_id),
                    }),
                    cue: role(&q.cue),
                    frame: role(&q.frame),
                    addressee: role(&q.addressee),
                    source_kind: q.sourcing.source_kind,
                    via: q.sourcing.via.iter().map(via).collect(),
                    status: q.sourcing.status,
                    status_cue: role(&q.sourcing.status_cue),
                })
                .collect(),
            entities: doc
                .entities
                .iter()
                .enumerate()
                .map(|(i, e)| EntityJson {
                    id: entity_id(i),
                    name: e.name.clone(),
                    kind: e.kind,
                    role: e.role.clone(),
                    mentions: e.mentions.iter().map(|&s| char_span(map, s)).collect(),
                })
                .collect(),
            profile: ProfileJson::default(),
            warnings: Vec::new(),
        }
    }
}
