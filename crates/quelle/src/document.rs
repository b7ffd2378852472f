//! The document model: one text, and every analysis result as spans into it.
//!
//! A [`Document`] owns the text exactly as given (after UTF-8 decoding) and never
//! rewrites it. Structure, tokens, sentences, quotations and entities are all
//! byte spans into that text; [`crate::schema`] turns them into the character-offset
//! JSON contract.

use crate::span::{CharMap, Span};
use serde::{Deserialize, Serialize};

/// The kind of a structural block of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// The first line, when it stands alone.
    Headline,
    /// A place (and agency) line opening the headline or lead: `Berlin (dpa) -`.
    Dateline,
    /// A short stand-alone line without final punctuation inside the article.
    Subheading,
    /// A paragraph; lines broken inside it are one logical line.
    Paragraph,
}

/// A structural block: headline, dateline, sub-heading or paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Where it is, trimmed of surrounding whitespace.
    pub span: Span,
}

/// What a token is; useful to later stages, not part of the JSON contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A word, including hyphenated compounds and abbreviations with their period.
    Word,
    /// A number, date or ordinal (`1.000`, `4,6`, `27.12.2008`, `11.`).
    Number,
    /// A quotation mark of any style.
    QuoteMark,
    /// Other punctuation.
    Punct,
    /// A URL, e-mail address or emoticon kept whole.
    Special,
}

/// A token: a span and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where the token is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

/// A sentence: its span and the range of its tokens in [`Document::tokens`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// From the first token's start to the last token's end.
    pub span: Span,
    /// Indices of its tokens.
    pub tokens: std::ops::Range<usize>,
}

/// The form of a quotation, as in the gnqa annotation scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum QuoteType {
    /// Words in quotation marks.
    Direct,
    /// A reporting clause with a dependent or subjunctive clause.
    Indirect,
    /// A speech act with its object, without a clause.
    Reported,
    /// Reported content without a reporting verb (`laut …`, reportative `sollen`).
    FreeIndirect,
    /// Subjunctive sentences continuing an earlier speaker without a new cue.
    IndirectFreeIndirect,
}

impl QuoteType {
    /// All types in a fixed order (for tables).
    pub const ALL: [QuoteType; 5] = [
        QuoteType::Direct,
        QuoteType::Indirect,
        QuoteType::Reported,
        QuoteType::FreeIndirect,
        QuoteType::IndirectFreeIndirect,
    ];

    /// The JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteType::Direct => "direct",
            QuoteType::Indirect => "indirect",
            QuoteType::Reported => "reported",
            QuoteType::FreeIndirect => "free_indirect",
            QuoteType::IndirectFreeIndirect => "indirect_free_indirect",
        }
    }
}

/// The medium of a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Medium {
    /// Spoken.
    Speech,
    /// Written.
    Writing,
    /// Thought, believed, assumed.
    Thought,
    /// Spoken or written (e.g. `teilte mit`).
    SpeechWriting,
    /// Spoken or thought.
    SpeechThought,
    /// Thought or written.
    ThoughtWriting,
}

impl Medium {
    /// All media in a fixed order (for tables).
    pub const ALL: [Medium; 6] = [
        Medium::Speech,
        Medium::Writing,
        Medium::Thought,
        Medium::SpeechWriting,
        Medium::SpeechThought,
        Medium::ThoughtWriting,
    ];

    /// The JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            Medium::Speech => "speech",
            Medium::Writing => "writing",
            Medium::Thought => "thought",
            Medium::SpeechWriting => "speech_writing",
            Medium::SpeechThought => "speech_thought",
            Medium::ThoughtWriting => "thought_writing",
        }
    }
}

/// One role of a quotation (content, speaker, cue, frame, addressee): possibly discontinuous.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Role {
    /// The spans, in text order, non-overlapping.
    pub spans: Vec<Span>,
}

impl Role {
    /// A role made of one span.
    pub fn single(span: Span) -> Self {
        Role { spans: vec![span] }
    }

    /// Whether the role covers nothing.
    pub fn is_empty(&self) -> bool {
        self.spans.iter().all(Span::is_empty)
    }
}

/// A quotation with its roles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Its form.
    pub kind: QuoteType,
    /// Its medium, if known.
    pub medium: Option<Medium>,
    /// What was said.
    pub content: Role,
    /// Who said it (the mention as in the text).
    pub speaker: Option<Role>,
    /// The word(s) signalling the quotation: verb with particle, `laut`, `zufolge`, `Angaben`.
    pub cue: Option<Role>,
    /// The reporting clause.
    pub frame: Option<Role>,
    /// To whom it was said.
    pub addressee: Option<Role>,
}

/// An analysed document. Built by [`crate::Pipeline::analyze`].
#[derive(Debug, Clone)]
pub struct Document {
    text: String,
    chars: CharMap,
    /// Structural blocks in text order.
    pub blocks: Vec<Block>,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Quotations in text order of their first content span.
    pub quotes: Vec<Quote>,
}

impl Document {
    /// Creates a document over `text` with no analysis yet.
    pub fn new(text: String) -> Self {
        let chars = CharMap::new(&text);
        Document {
            text,
            chars,
            blocks: Vec::new(),
            tokens: Vec::new(),
            sentences: Vec::new(),
            quotes: Vec::new(),
        }
    }

    /// The text, exactly as given.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The byte/character offset map of the text.
    pub fn char_map(&self) -> &CharMap {
        &self.chars
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        span.text(&self.text)
    }

    /// The headline block, if any.
    pub fn headline(&self) -> Option<&Block> {
        self.blocks.iter().find(|b| b.kind == BlockKind::Headline)
    }

    /// The dateline block, if any.
    pub fn dateline(&self) -> Option<&Block> {
        self.blocks.iter().find(|b| b.kind == BlockKind::Dateline)
    }
}
