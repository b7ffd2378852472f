//! Status of a claim: denied, unconfirmed, hedged, speculative or stated.

use super::{covering, Words};
use crate::document::{Document, QuoteType, Role, Status, TokenKind};
use crate::entities::resolve::token_range;
use crate::span::Span;

// What the rules ask of a word, as bits of its marks ([`marks`]).
/// `bestritten`, `dementiert`, `zurückgewiesen`, …
const DENIAL: u32 = 1;
/// `vermuten`, `befürchtet`, `glaubt`, …
const SPECULATION: u32 = 1 << 1;
/// `angeblich`, `mutmaßlich`, `offenbar`, …
const HEDGE: u32 = 1 << 2;
/// `unbestätigt…`, `unüberprüf…`.
const UNCONFIRMED: u32 = 1 << 3;
/// What `nicht` may negate: `bestätig…`, `überprüf…`, `verifizier…`, `unabhängig`.
const CHECKED: u32 = 1 << 4;
const NOT: u32 = 1 << 5;
/// `…berichten` (before `zufolge`).
const REPORTS: u32 = 1 << 6;
const ZUFOLGE: u32 = 1 << 7;
/// Reportative `soll`, `sollen`.
const SOLL: u32 = 1 << 8;
const FALSCH: u32 = 1 << 9;
/// `bezeichn…` (after `falsch`).
const CALLS: u32 = 1 << 10;
/// `gehen` (`davon aus`).
const GO: u32 = 1 << 11;
const AUS: u32 = 1 << 12;
const ZURUECK: u32 = 1 << 13;
const AB: u32 = 1 << 14;
const WIES: u32 = 1 << 15;
const WEIST: u32 = 1 << 16;
const WIESEN: u32 = 1 << 17;
const STRITT: u32 = 1 << 18;
const STRITTEN: u32 = 1 << 19;
const STREITET: u32 = 1 << 20;

/// Separable denial verbs and their particles: `wies … zurück`, `stritt … ab`.
const DENIAL_PAIRS: [(u32, u32); 6] = [
    (WIES, ZURUECK),
    (WEIST, ZURUECK),
    (WIESEN, ZURUECK),
    (STRITT, AB),
    (STRITTEN, AB),
    (STREITET, AB),
];

/// Word starts, with the mark they give.
const PREFIXES: &[(&[&str], u32)] = &[
    (
        &[
            "bestreit",
            "bestritt",
            "dementi",
            "abgestritten",
            "abstreit",
            "leugne",
            "geleugnet",
            "zurückgewiesen",
            "zurückweis",
            "verneint",
        ],
        DENIAL,
    ),
    (
        &[
            "vermut",
            "befürcht",
            "fürchte",
            "spekulier",
            "mutmaßt",
            "mutmaßen",
            "ausgegangen",
            "glaub",
            "schätz",
            "annehm",
            "angenommen",
            "erwart",
            "rechne",
        ],
        SPECULATION,
    ),
    (
        &[
            "angeblich",
            "mutmaßlich",
            "vermeintlich",
            "offenbar",
            "offensichtlich",
        ],
        HEDGE,
    ),
    (&["unbestätigt", "unüberprüf"], UNCONFIRMED),
    (&["bestätig", "überprüf", "verifizier"], CHECKED),
    (&["bezeichn"], CALLS),
];

/// Whole words, with the mark they give.
const WORDS: &[(&[&str], u32)] = &[
    (&["unabhängig"], CHECKED),
    (&["nicht"], NOT),
    (&["zufolge"], ZUFOLGE),
    (&["soll", "sollen"], SOLL),
    (&["falsch"], FALSCH),
    (&["gehen", "geht", "ging", "gingen", "gehe"], GO),
    (&["aus"], AUS),
    (&["zurück"], ZURUECK),
    (&["ab"], AB),
    (&["wies"], WIES),
    (&["weist"], WEIST),
    (&["wiesen"], WIESEN),
    (&["stritt"], STRITT),
    (&["stritten"], STRITTEN),
    (&["streitet"], STREITET),
];

/// The marks of a lower-case word: what the rules of [`find`] ask of it.
/// Computed once per token (see [`super::Words::marks`]): the rules ask of
/// every word of a quotation's frame and sentences, once per quotation, and
/// each test over the lists above cost a string comparison.
pub(super) fn marks(lw: &str) -> u32 {
    /// The entries of [`PREFIXES`] and [`WORDS`] by first byte: the length
    /// of the shortest, and each as (word, whether a prefix, mark). A word is
    /// tested only against its few, and short function words (`der`, `und`,
    /// `zu`) mostly against none.
    type Table = Vec<(usize, Vec<(&'static str, bool, u32)>)>;
    static TABLE: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t: Table = vec![(usize::MAX, Vec::new()); 256];
        for (list, prefix, mark) in PREFIXES
            .iter()
            .map(|&(l, m)| (l, true, m))
            .chain(WORDS.iter().map(|&(l, m)| (l, false, m)))
        {
            for w in list {
                let (shortest, entries) = &mut t[usize::from(w.as_bytes()[0])];
                *shortest = (*shortest).min(w.len());
                entries.push((w, prefix, mark));
            }
        }
        t
    });
    let Some(&first) = lw.as_bytes().first() else {
        return 0;
    };
    let mut m = 0;
    let (shortest, entries) = &table[usize::from(first)];
    if lw.len() >= *shortest {
        for &(w, prefix, mark) in entries {
            if (prefix && lw.starts_with(w)) || lw == w {
                m |= mark;
            }
        }
    }
    if lw.ends_with("berichten") {
        m |= REPORTS;
    }
    m
}

/// Token ranges of a role.
fn ranges(doc: &Document, r: Option<&Role>) -> Vec<usize> {
    r.into_iter()
        .flat_map(|r| r.spans.iter())
        .flat_map(|&s| token_range(doc, s))
        .collect()
}

fn cue_of(doc: &Document, tokens: &[usize]) -> Option<Role> {
    (!tokens.is_empty()).then(|| Role {
        spans: tokens.iter().map(|&t| doc.tokens[t].span).collect(),
    })
}

/// The status of quotation `q` and the words that give it.
pub(super) fn find(doc: &Document, w: &Words, q: usize) -> (Status, Option<Role>) {
    let quote = &doc.quotes[q];
    let frame: Vec<usize> = {
        let mut v = ranges(doc, quote.cue.as_ref());
        v.extend(ranges(doc, quote.frame.as_ref()));
        // Reported speech has its verb in the content's sentence: `Beide Länder
        // haben … bestritten`, `Insider vermuten …` (outside quotation marks).
        if quote.kind == QuoteType::Reported {
            let content = ranges(doc, Some(&quote.content));
            let inside = marks_depth(doc, &content);
            v.extend(
                content
                    .iter()
                    .zip(inside)
                    .filter(|(_, m)| !m)
                    .map(|(&t, _)| t),
            );
        }
        v.sort_unstable();
        v.dedup();
        v
    };
    let content_tokens = ranges(doc, Some(&quote.content));
    // Denial: `bestritten`, `wies … zurück`, `stritt … ab`, `als falsch bezeichnet`.
    // The frame's marks together spare the scans for words it lacks.
    let frame_marks = frame.iter().fold(0, |m, &t| m | w.marks(t));
    let has = |mark: u32| {
        (frame_marks & mark != 0)
            .then(|| frame.iter().copied().find(|&t| w.marks(t) & mark != 0))
            .flatten()
    };
    let mut hits: Vec<usize> = frame
        .iter()
        .copied()
        .filter(|&t| w.marks(t) & DENIAL != 0)
        .collect();
    for (verb, particle) in DENIAL_PAIRS {
        if let (Some(a), Some(b)) = (has(verb), has(particle)) {
            hits.extend([a, b]);
        }
    }
    if let (Some(a), Some(b)) = (has(FALSCH), has(CALLS)) {
        hits.extend([a, b]);
    }
    if !hits.is_empty() {
        hits.sort_unstable();
        return (Status::Denied, cue_of(doc, &hits));
    }
    // Sentences of the quotation (and the one after): `ließ sich nicht unabhängig überprüfen`.
    let span = covering(&quote.content).unwrap_or(Span::new(0, 0));
    let first = doc.sentences.partition_point(|s| s.span.end <= span.start);
    let last = doc.sentences.partition_point(|s| s.span.start < span.end);
    let sents = first..(last + 1).min(doc.sentences.len());
    for s in sents.clone() {
        if w.sentence_marks(s) & (UNCONFIRMED | NOT) == 0 {
            continue;
        }
        let toks = doc.sentences[s].tokens.clone();
        for t in toks.clone() {
            let m = w.marks(t);
            if m & UNCONFIRMED != 0 {
                return (Status::Unconfirmed, cue_of(doc, &[t]));
            }
            if m & NOT != 0 {
                let after = (t + 1..(t + 4).min(toks.end)).find(|&u| w.marks(u) & CHECKED != 0);
                if let Some(u) = after {
                    return (Status::Unconfirmed, cue_of(doc, &[t, u]));
                }
            }
        }
    }
    // Hedges: reportative `soll`, `angeblich`, `Berichten zufolge` — outside quotation marks.
    if quote.kind != QuoteType::Direct {
        let inside_marks = marks_depth(doc, &content_tokens);
        let soll = content_tokens
            .iter()
            .zip(&inside_marks)
            .find(|(&t, &m)| !m && w.marks(t) & SOLL != 0)
            .map(|(&t, _)| t);
        if let Some(t) = soll {
            return (Status::Hedged, cue_of(doc, &[t]));
        }
    }
    for s in first..last.max(first + 1).min(doc.sentences.len()) {
        if w.sentence_marks(s) & (HEDGE | REPORTS) == 0 {
            continue;
        }
        for t in doc.sentences[s].tokens.clone() {
            let m = w.marks(t);
            if m & HEDGE != 0 {
                return (Status::Hedged, cue_of(doc, &[t]));
            }
            if m & REPORTS != 0 && w.marks(t + 1) & ZUFOLGE != 0 {
                return (Status::Hedged, cue_of(doc, &[t, t + 1]));
            }
        }
    }
    let spec: Vec<usize> = frame
        .iter()
        .copied()
        .filter(|&t| w.marks(t) & SPECULATION != 0)
        .collect();
    if !spec.is_empty() {
        return (Status::Speculative, cue_of(doc, &spec));
    }
    // `gehen davon aus`
    if let (Some(a), Some(b)) = (has(GO), has(AUS)) {
        return (Status::Speculative, cue_of(doc, &[a, b]));
    }
    (Status::Stated, None)
}

/// For each token, whether it lies inside quotation marks within the list.
fn marks_depth(doc: &Document, tokens: &[usize]) -> Vec<bool> {
    let mut inside = false;
    tokens
        .iter()
        .map(|&t| {
            if doc.tokens[t].kind == TokenKind::QuoteMark {
                inside = !inside;
                true
            } else {
                inside
            }
        })
        .collect()
}
