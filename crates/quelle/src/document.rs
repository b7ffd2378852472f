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
    /// Who the source is, through which channel, and how the article presents the claim.
    pub sourcing: Sourcing,
}

/// How the article presents a claim.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, PartialOrd, Ord,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Reported without reservation.
    #[default]
    Stated,
    /// The source denies something (`bestreiten`, `dementieren`, `zurückweisen`).
    Denied,
    /// The article keeps its distance (reportative `soll`, `angeblich`, `Berichten zufolge`).
    Hedged,
    /// Supposition (`vermuten`, `davon ausgehen`, `befürchten`).
    Speculative,
    /// The article says it could not be confirmed.
    Unconfirmed,
}

impl Status {
    /// All values in a fixed order (for tables).
    pub const ALL: [Status; 5] = [
        Status::Stated,
        Status::Denied,
        Status::Hedged,
        Status::Speculative,
        Status::Unconfirmed,
    ];

    /// The JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Stated => "stated",
            Status::Denied => "denied",
            Status::Hedged => "hedged",
            Status::Speculative => "speculative",
            Status::Unconfirmed => "unconfirmed",
        }
    }
}

/// What kind of source a quotation rests on.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, PartialOrd, Ord,
)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A person named in the text.
    NamedPerson,
    /// A named organisation (company, party, association, court).
    NamedOrganization,
    /// A government, ministry, authority, police, army or its spokesperson.
    Official,
    /// State-controlled media (KCNA, RIA Nowosti).
    StateMedia,
    /// Other media (agencies, newspapers, broadcasters).
    OtherMedia,
    /// An unnamed group (`Experten`, `Beobachter`, `Kritiker`).
    UnnamedGroup,
    /// An anonymous source (`Insider`, `aus Regierungskreisen`).
    Anonymous,
    /// A document (report, study, statement, letter).
    Document,
    /// No source found.
    #[default]
    Unknown,
}

impl SourceKind {
    /// All values in a fixed order (for tables).
    pub const ALL: [SourceKind; 9] = [
        SourceKind::NamedPerson,
        SourceKind::NamedOrganization,
        SourceKind::Official,
        SourceKind::StateMedia,
        SourceKind::OtherMedia,
        SourceKind::UnnamedGroup,
        SourceKind::Anonymous,
        SourceKind::Document,
        SourceKind::Unknown,
    ];

    /// The JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::NamedPerson => "named_person",
            SourceKind::NamedOrganization => "named_organization",
            SourceKind::Official => "official",
            SourceKind::StateMedia => "state_media",
            SourceKind::OtherMedia => "other_media",
            SourceKind::UnnamedGroup => "unnamed_group",
            SourceKind::Anonymous => "anonymous",
            SourceKind::Document => "document",
            SourceKind::Unknown => "unknown",
        }
    }
}

/// The kind of a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A company, party, association, court, international organisation.
    Organization,
    /// A news agency, newspaper, broadcaster or state medium.
    Media,
    /// A government, ministry, authority, police or army.
    Government,
    /// A country (also when it acts: `Russland bestritt …`).
    Country,
    /// A city, region or other place.
    Place,
    /// An unnamed group used as a speaker (`Experten`, `Beide Länder`).
    Group,
    /// An anonymous source (`Insider`, `Regierungskreise`).
    Anonymous,
}

impl EntityKind {
    /// The JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Media => "media",
            EntityKind::Government => "government",
            EntityKind::Country => "country",
            EntityKind::Place => "place",
            EntityKind::Group => "group",
            EntityKind::Anonymous => "anonymous",
        }
    }
}

/// An entity of the document with all its mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Its fullest proper name in the document (or the group noun).
    pub name: String,
    /// Its kind.
    pub kind: EntityKind,
    /// Titles and functions the text gives it (`Staatschef`).
    pub role: Option<String>,
    /// Every mention, in text order.
    pub mentions: Vec<Span>,
}

/// A channel through which a statement reached the article (`laut russischen Nachrichtenagenturen`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Via {
    /// The words naming the channel.
    pub role: Role,
    /// The entity of the channel, an index into [`Document::entities`].
    pub entity: Option<usize>,
}

/// Who a quotation's source is and how the article presents it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sourcing {
    /// The speaker's entity, an index into [`Document::entities`].
    pub speaker_entity: Option<usize>,
    /// The kind of source.
    pub source_kind: SourceKind,
    /// Channels, in text order.
    pub via: Vec<Via>,
    /// How the claim is presented.
    pub status: Status,
    /// The words that give the status (`bestritten`, `soll`), if not plain `stated`.
    pub status_cue: Option<Role>,
}

/// An analysed document. Built by [`crate::Pipeline::analyze`].
#[derive(Debug, Clone)]
pub struct Document {
    text: String,
    /// Built on first use: only the JSON view needs character offsets.
    chars: std::sync::OnceLock<CharMap>,
    /// Structural blocks in text order.
    pub blocks: Vec<Block>,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Quotations in text order of their first content span.
    pub quotes: Vec<Quote>,
    /// Entities in order of first mention.
    pub entities: Vec<Entity>,
}

impl Document {
    /// Creates a document over `text` with no analysis yet.
    pub fn new(text: String) -> Self {
        Document {
            text,
            chars: std::sync::OnceLock::new(),
            blocks: Vec::new(),
            tokens: Vec::new(),
            sentences: Vec::new(),
            quotes: Vec::new(),
            entities: Vec::new(),
        }
    }

    /// The text, exactly as given.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The byte/character offset map of the text.
    pub fn char_map(&self) -> &CharMap {
        self.chars.get_or_init(|| CharMap::new(&self.text))
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
