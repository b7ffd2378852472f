//! Status of a claim: denied, unconfirmed, hedged, speculative or stated.

use super::{covering, Words};
use crate::document::{Document, QuoteType, Role, Status, TokenKind};
use crate::entities::resolve::token_range;
use crate::span::Span;

fn denial(w: &str) -> bool {
    [
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
    ]
    .iter()
    .any(|p| w.starts_with(p))
}

fn speculation(w: &str) -> bool {
    [
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
    ]
    .iter()
    .any(|p| w.starts_with(p))
}

fn hedge(w: &str) -> bool {
    [
        "angeblich",
        "mutmaßlich",
        "vermeintlich",
        "offenbar",
        "offensichtlich",
    ]
    .iter()
    .any(|p| w.starts_with(p))
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
    let mut hits: Vec<usize> = frame
        .iter()
        .copied()
        .filter(|&t| denial(w.lower(t)))
        .collect();
    let has = |set: &[usize], word: &str| set.iter().copied().find(|&t| w.lower(t) == word);
    for (verb, particle) in [
        ("wies", "zurück"),
        ("weist", "zurück"),
        ("wiesen", "zurück"),
        ("stritt", "ab"),
        ("stritten", "ab"),
        ("streitet", "ab"),
    ] {
        if let (Some(a), Some(b)) = (has(&frame, verb), has(&frame, particle)) {
            hits.extend([a, b]);
        }
    }
    if let (Some(a), Some(b)) = (
        has(&frame, "falsch"),
        frame
            .iter()
            .copied()
            .find(|&t| w.lower(t).starts_with("bezeichn")),
    ) {
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
        let toks: Vec<usize> = doc.sentences[s].tokens.clone().collect();
        for (k, &t) in toks.iter().enumerate() {
            let lw = w.lower(t);
            if lw.starts_with("unbestätigt") || lw.starts_with("unüberprüf") {
                return (Status::Unconfirmed, cue_of(doc, &[t]));
            }
            if lw == "nicht" {
                let after = toks.iter().skip(k + 1).take(3).copied().find(|&u| {
                    let x = w.lower(u);
                    x.starts_with("bestätig")
                        || x.starts_with("überprüf")
                        || x.starts_with("verifizier")
                        || x == "unabhängig"
                });
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
            .find(|(&t, &m)| !m && matches!(w.lower(t), "soll" | "sollen"))
            .map(|(&t, _)| t);
        if let Some(t) = soll {
            return (Status::Hedged, cue_of(doc, &[t]));
        }
    }
    for s in first..last.max(first + 1).min(doc.sentences.len()) {
        for t in doc.sentences[s].tokens.clone() {
            let lw = w.lower(t);
            if hedge(lw) {
                return (Status::Hedged, cue_of(doc, &[t]));
            }
            if lw.ends_with("berichten") && w.get(t + 1).is_some_and(|n| n == "zufolge") {
                return (Status::Hedged, cue_of(doc, &[t, t + 1]));
            }
        }
    }
    let spec: Vec<usize> = frame
        .iter()
        .copied()
        .filter(|&t| speculation(w.lower(t)))
        .collect();
    if !spec.is_empty() {
        return (Status::Speculative, cue_of(doc, &spec));
    }
    // `gehen davon aus`
    if let (Some(a), Some(b)) = (
        frame
            .iter()
            .copied()
            .find(|&t| matches!(w.lower(t), "gehen" | "geht" | "ging" | "gingen" | "gehe")),
        has(&frame, "aus"),
    ) {
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
