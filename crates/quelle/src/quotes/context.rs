//! Per-token and per-sentence facts shared by the quotation models' features.
//!
//! Computed once per document: lowercase hashes, shapes, lexicon look-ups,
//! quotation-mark depth, and sentence-level flags (does the sentence hold a
//! cue verb, a subjunctive form, reportative `sollen`, an attribution phrase).

use super::cues::CueTable;
use super::marks::{self, Marks};
use super::words;
use crate::document::{Document, TokenKind};
use crate::lexicon::Subjunctive;

/// Lowest cue score for a word to anchor a sentence's reporting clause.
const MIN_ANCHOR_SCORE: u8 = 2;
/// Lowest reported score for a word to anchor a sentence as reported speech.
pub const MIN_REPORTED_SCORE: u8 = 3;

/// Facts about one token.
#[derive(Debug, Clone, Default)]
pub struct TokenFacts {
    /// Hash of the lowercase form.
    pub lower: u64,
    /// Hash of the last three characters (lowercase).
    pub suffix3: u64,
    /// Brown cluster path of the word, root in the low bits (prefix of length n: `c & ((1 << n) - 1)`).
    pub cluster: Option<u64>,
    /// Coarse shape: 0 lower, 1 capitalised, 2 all caps, 3 digit, 4 punctuation, 5 quote mark.
    pub shape: u8,
    /// Subjunctive status of the form.
    pub subj: Subjunctive,
    /// How often the word is a cue in training data, in tenths.
    pub cue_score: u8,
    /// How often the word lies in reported content in training data, in tenths.
    pub rep_score: u8,
    /// Lemma hash when the form is a speech/thought/writing verb.
    pub cue_lemma: Option<u64>,
    /// An attribution word: `laut`, `zufolge`, `angaben`, `nach`, `gemäß`, `so` …
    pub attribution: bool,
    /// A word naming a channel or manner of communication (`schriftlich`, `Interview`, `Mitteilung`).
    pub channel: bool,
    /// Reportative modal: a form of `sollen`.
    pub soll: bool,
    /// Quotation-mark depth (0 outside marks).
    pub depth: u8,
    /// A word opening a dependent clause of reported speech: `dass`, `ob`, `wie`, `weil`, `warum` …
    pub complementizer: bool,
    /// A comma, colon, dash or semicolon.
    pub clause_punct: bool,
    /// Index of the sentence holding the token.
    pub sentence: usize,
    /// Shape of the innermost quotation-mark region holding the token (0 outside):
    /// word-count bucket, whether every word is capitalised (a name or title, not
    /// speech), whether it ends in sentence punctuation.
    pub region: u8,
    /// Ends a `zu`-infinitive: `einzubringen`, or `zu` + a word in `-n` (`zu verhindern`).
    pub zu_inf: bool,
}

/// Facts about one sentence.
#[derive(Debug, Clone, Default)]
pub struct SentenceFacts {
    /// The likeliest cue token outside quotation marks (highest cue score, first on ties), if any.
    pub first_cue: Option<usize>,
    /// The word likeliest to make the sentence reported speech (highest reported
    /// score outside quotation marks, at least [`MIN_REPORTED_SCORE`]), if any.
    pub rep_anchor: Option<usize>,
    /// First speech, thought or writing verb (by lexicon) outside quotation marks, if any.
    pub speech_verb: Option<usize>,
    /// First attribution-word token, if any.
    pub first_attr: Option<usize>,
    /// Holds an unambiguous subjunctive form.
    pub subj: bool,
    /// Holds a form of `sollen`.
    pub soll: bool,
    /// Holds a quotation mark.
    pub marks: bool,
    /// Ends with a colon.
    pub colon_end: bool,
    /// First token index.
    pub start: usize,
    /// One past the last token index.
    pub end: usize,
}

/// All facts of a document.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Per token.
    pub tokens: Vec<TokenFacts>,
    /// Per sentence.
    pub sentences: Vec<SentenceFacts>,
    /// Quotation marks.
    pub marks: Marks,
}

impl Context {
    /// Computes the facts of `doc` (which must be segmented).
    pub fn new(doc: &Document, cues: &CueTable) -> Self {
        Self::build(doc, cues, None)
    }

    /// [`Context::new`], also appending every token's word key to `keys`
    /// (for the entity stage).
    pub(crate) fn with_keys(
        doc: &Document,
        cues: &CueTable,
        keys: &mut Vec<words::WordKey>,
    ) -> Self {
        Self::build(doc, cues, Some(keys))
    }

    fn build(doc: &Document, cues: &CueTable, keys: Option<&mut Vec<words::WordKey>>) -> Self {
        let text = doc.text();
        let marks = marks::analyze(text, &doc.tokens, &doc.blocks);
        let mut tokens: Vec<TokenFacts> = Vec::with_capacity(doc.tokens.len());
        let mut is_mark = vec![false; doc.tokens.len()];
        for r in &marks.regions {
            is_mark[r.open] = true;
            if r.closed {
                is_mark[r.close] = true;
            }
        }
        // The facts of each word form by itself (cached per thread).
        let mut words = Vec::with_capacity(doc.tokens.len());
        words::facts_of(
            doc.tokens.iter().map(|t| t.span.text(text)),
            cues,
            &mut words,
        );
        if let Some(keys) = keys {
            keys.extend(words.iter().map(|w| words::WordKey {
                lower: w.lower,
                cluster: w.cluster,
                shape: w.propn_shape,
            }));
        }
        for (i, (t, w)) in doc.tokens.iter().zip(&words).enumerate() {
            let shape = if t.kind == TokenKind::QuoteMark || is_mark[i] {
                5
            } else {
                w.shape
            };
            tokens.push(TokenFacts {
                lower: w.lower,
                suffix3: w.suffix3,
                cluster: w.cluster,
                shape,
                // Capitalised words are nouns unless they open a sentence (handled below).
                subj: if shape == 0 { w.subj } else { Subjunctive::No },
                cue_score: w.cue_score,
                rep_score: w.rep_score,
                cue_lemma: w.cue_lemma,
                attribution: w.attribution,
                channel: w.channel,
                complementizer: w.complementizer,
                soll: w.soll,
                depth: marks.depth.get(i).copied().unwrap_or(0),
                clause_punct: w.clause_punct,
                sentence: 0,
                region: 0,
                zu_inf: shape == 0
                    && w.ends_n
                    && (w.zu_inside || i > 0 && doc.slice(doc.tokens[i - 1].span) == "zu"),
            });
        }
        for r in &marks.regions {
            let shape = region_shape(doc, r.open, r.close, r.closed);
            for t in &mut tokens[r.open..=r.close] {
                // Regions are sorted outer first, so inner regions overwrite.
                t.region = shape;
            }
        }
        let mut sentences = Vec::with_capacity(doc.sentences.len());
        for (si, s) in doc.sentences.iter().enumerate() {
            let mut f = SentenceFacts {
                start: s.tokens.start,
                end: s.tokens.end,
                ..Default::default()
            };
            if let Some(t) = tokens.get_mut(s.tokens.start) {
                if t.shape == 1 && s.tokens.end > s.tokens.start {
                    // The lowercase form's status (the Greek final sigma aside,
                    // which no list holds, `to_lowercase` lowercases the same).
                    t.subj = words[s.tokens.start].subj;
                }
            }
            let mut best_score = 0;
            let mut rep_best = 0;
            for i in s.tokens.clone() {
                let t = &mut tokens[i];
                t.sentence = si;
                if t.cue_score >= MIN_ANCHOR_SCORE
                    && t.depth == 0
                    && f.first_cue.is_none_or(|_| t.cue_score > best_score)
                {
                    f.first_cue = Some(i);
                    best_score = t.cue_score;
                }
                if t.rep_score >= MIN_REPORTED_SCORE
                    && t.depth == 0
                    && f.rep_anchor.is_none_or(|_| t.rep_score > rep_best)
                {
                    f.rep_anchor = Some(i);
                    rep_best = t.rep_score;
                }
                if t.cue_lemma.is_some() && t.depth == 0 && f.speech_verb.is_none() {
                    f.speech_verb = Some(i);
                }
                if t.attribution && t.depth == 0 && f.first_attr.is_none() {
                    f.first_attr = Some(i);
                }
                f.subj |= t.subj == Subjunctive::Yes;
                f.soll |= t.soll;
                f.marks |= t.shape == 5;
            }
            f.colon_end = s.tokens.end > s.tokens.start
                && doc.slice(doc.tokens[s.tokens.end - 1].span) == ":";
            sentences.push(f);
        }
        Context {
            tokens,
            sentences,
            marks,
        }
    }
}

/// Words that tell how a statement was made: in writing, by speech, in thought.
pub(super) fn is_channel_word(lower: &str) -> bool {
    const STEMS: [&str; 24] = [
        "schriftlich",
        "brief",
        "mitteilung",
        "erklärung",
        "interview",
        "pressekonferenz",
        "zeitung",
        "bericht",
        "stellungnahme",
        "twitter",
        "internet",
        "website",
        "blog",
        "mail",
        "fernseh",
        "radio",
        "rede",
        "gespräch",
        "meinung",
        "ansicht",
        "überzeugung",
        "studie",
        "dokument",
        "schreiben",
    ];
    // Bit set of the stems' first bytes: most positions start no stem.
    const FIRST: [u64; 4] = {
        let mut set = [0u64; 4];
        let mut i = 0;
        while i < STEMS.len() {
            let b = STEMS[i].as_bytes()[0] as usize;
            set[b / 64] |= 1 << (b % 64);
            i += 1;
        }
        set
    };
    // The shortest stem has 4 bytes.
    let b = lower.as_bytes();
    if b.len() < 4 {
        return false;
    }
    // The same answer as `STEMS.iter().any(|s| lower.contains(s))`: a match
    // at some byte position (every stem starts with a char's first byte).
    (0..=b.len() - 4).any(|i| {
        let c = b[i] as usize;
        FIRST[c / 64] & (1 << (c % 64)) != 0
            && STEMS.iter().any(|s| b[i..].starts_with(s.as_bytes()))
    })
}

/// `end` moved back over the tokens in `punct` that close the range
/// `lo..end` (`Er kam.` → before `.`), never below `lo`: where content or a
/// frame stops before the sentence's final punctuation.
pub(super) fn trim_end(doc: &Document, lo: usize, mut end: usize, punct: &[&str]) -> usize {
    while end > lo && punct.contains(&doc.slice(doc.tokens[end - 1].span)) {
        end -= 1;
    }
    end
}

/// Prepositions and nouns that attribute a statement without a speech verb:
/// `laut`, `zufolge`, `nach Angaben`, `einem Bericht zufolge`, `nach Ansicht`.
pub(super) fn is_attribution_word(lower: &str) -> bool {
    const WORDS: [&str; 7] = [
        "laut",
        "zufolge",
        "gemäß",
        "demnach",
        "wonach",
        "angabe",
        "informationen",
    ];
    const ENDINGS: [&str; 18] = [
        "angaben",
        "berichten",
        "bericht",
        "meldung",
        "meldungen",
        "erkenntnissen",
        "schätzungen",
        "einschätzung",
        "ansicht",
        "auffassung",
        "aussage",
        "aussagen",
        "analyse",
        "studie",
        "umfrage",
        "darstellung",
        "mitteilung",
        "informationen",
    ];
    WORDS.contains(&lower) || ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// Describes a quotation-mark region `open..=close` in one byte (never 0).
pub fn region_shape(doc: &Document, open: usize, close: usize, closed: bool) -> u8 {
    let inner = if closed && close > open {
        open + 1..close
    } else {
        open + 1..close + 1
    };
    let mut words = 0u8;
    let mut all_cap = true;
    for t in &doc.tokens[inner.clone()] {
        let first = doc.slice(t.span).chars().next().unwrap_or(' ');
        if first.is_alphanumeric() {
            words = words.saturating_add(1);
            all_cap &= first.is_uppercase() || first.is_numeric();
        }
    }
    let bucket = match words {
        0..=3 => words,
        4..=6 => 4,
        _ => 5,
    };
    let ends_sentence = inner
        .clone()
        .last()
        .is_some_and(|i| matches!(doc.slice(doc.tokens[i].span), "." | "!" | "?" | "," | "…"));
    1 + bucket + 8 * (all_cap as u8) + 16 * (ends_sentence as u8)
}
