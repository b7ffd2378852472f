//! Channels: `laut russischen Nachrichtenagenturen`, `den Staatsmedien zufolge`,
//! `nach Angaben der Zeitung X`, `in einem … Gastbeitrag`, `sagte der Zeitung X`.

use super::{covering, make_via, Words};
use crate::document::{Document, EntityKind, TokenKind, Via};
use crate::entities::gazetteer;
use crate::entities::resolve::{self, token_range, Index};
use crate::span::Span;

/// Articles and the possessives that open a phrase like one (`in seinem Interview`).
fn is_article(w: &str) -> bool {
    resolve::is_article(w) || matches!(w, "seinem" | "seiner" | "ihrem" | "ihrer")
}

fn is_adjective_like(w: &str) -> bool {
    w.chars().all(char::is_alphabetic) && resolve::adjective_like(w)
}

fn capital(doc: &Document, t: usize) -> bool {
    doc.tokens[t].kind == TokenKind::Word
        && doc
            .slice(doc.tokens[t].span)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
}

/// The end of a noun phrase starting at `a` (articles, adjectives, nouns, names), within `limit`.
fn np_forward(doc: &Document, w: &Words, a: usize, limit: usize) -> usize {
    let mut t = a;
    let mut nouns = 0;
    while t < limit && t < a + 8 {
        let lw = w.lower(t);
        if capital(doc, t) {
            nouns += 1;
        } else if doc.tokens[t].kind == TokenKind::QuoteMark {
            // `für die „BILD am Sonntag“`: marks around a name are part of it.
        } else if nouns > 0
            && matches!(lw, "am" | "im" | "von" | "der" | "des")
            && t + 1 < limit
            && capital(doc, t + 1)
        {
            // `Welt am Sonntag`, `Zeitung der Arbeit`.
        } else if doc.tokens[t].kind != TokenKind::Word
            || !(is_article(lw) || (nouns == 0 && is_adjective_like(lw)))
        {
            break;
        }
        t += 1;
    }
    // Drop a trailing article: `laut Reuters der …` is not part of it (a closing mark stays).
    while t > a && !capital(doc, t - 1) && doc.tokens[t - 1].kind != TokenKind::QuoteMark {
        t -= 1;
    }
    // An opening mark with nothing after it is not part of it either.
    if t > a
        && doc.tokens[t - 1].kind == TokenKind::QuoteMark
        && (a..t - 1)
            .filter(|&k| doc.tokens[k].kind == TokenKind::QuoteMark)
            .count()
            % 2
            == 0
    {
        t -= 1;
    }
    t
}

/// The start of a noun phrase ending just before `b` (its head at `b - 1`), not before `limit`.
fn np_backward(doc: &Document, w: &Words, b: usize, limit: usize) -> Option<usize> {
    if b == 0 || b <= limit || !capital(doc, b - 1) {
        return None;
    }
    let mut t = b - 1;
    while t > limit && t + 8 > b {
        let prev = t - 1;
        let lw = w.lower(prev);
        if is_article(lw) {
            t = prev;
            // A genitive: `Berichten der Zeitung X zufolge`.
            if matches!(lw, "der" | "des") && prev > limit && capital(doc, prev - 1) {
                t = prev - 1;
                continue;
            }
            break;
        }
        if doc.tokens[prev].kind == TokenKind::Word && (capital(doc, prev) || is_adjective_like(lw))
        {
            // A capitalised word before a capitalised head is usually another
            // phrase (`schrieb Putin den Staatsmedien`), unless a name continues.
            if capital(doc, prev) && !capital(doc, t) {
                break;
            }
            t = prev;
            continue;
        }
        break;
    }
    Some(t)
}

/// Whether another channel noun heads the same phrase further on:
/// `in einem von KCNA und der Zeitung X veröffentlichten Gastbeitrag`.
fn later_channel(doc: &Document, w: &Words, t: usize, hi: usize) -> bool {
    (t + 1..hi.min(t + 9))
        .take_while(|&k| !matches!(doc.tokens[k].kind, TokenKind::Punct | TokenKind::QuoteMark))
        .any(|k| capital(doc, k) && gazetteer::is_channel_noun(w.lower(k)))
}

fn phrases(
    doc: &Document,
    w: &Words,
    ix: &Index,
    range: std::ops::Range<usize>,
) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let (lo, hi) = (range.start, range.end);
    for t in range {
        let lw = w.lower(t);
        let next = |k: usize| w.get(t + k).filter(|_| t + k < hi);
        let found = match lw {
            "laut" => {
                let e = np_forward(doc, w, t + 1, hi);
                (e > t + 1).then_some((t, e))
            }
            "zufolge" => np_backward(doc, w, t, lo).map(|s| (s, t + 1)),
            "nach" if matches!(next(1), Some("angaben" | "informationen" | "berichten")) => {
                let e = np_forward(doc, w, t + 2, hi).max(t + 2);
                Some((t, e))
            }
            "nach" if matches!(next(2), Some("angaben" | "informationen" | "berichten")) => {
                let e = np_forward(doc, w, t + 3, hi).max(t + 3);
                Some((t, e))
            }
            // (Capitalisation first: it is the cheaper test.)
            _ if capital(doc, t)
                && gazetteer::is_channel_noun(lw)
                && !later_channel(doc, w, t, hi) =>
            {
                // A prepositional phrase ending in a channel noun: `in einem … Gastbeitrag`.
                let start = (t.saturating_sub(12).max(lo)..t)
                    .rev()
                    .find(|&k| matches!(w.lower(k), "in" | "im" | "auf" | "gegenüber" | "via"));
                let clean = start.is_some_and(|s| {
                    (s..t).all(|k| {
                        !matches!(doc.tokens[k].kind, TokenKind::Punct | TokenKind::QuoteMark)
                    })
                });
                start.filter(|_| clean).map(|s| {
                    // Names after the noun belong to it: `der Zeitung Rodong Sinmun`,
                    // `Interview mit der New York Times`, `Gastbeitrag für die „BILD“`.
                    let mut e = t + 1;
                    while e < hi && capital(doc, e) {
                        e += 1;
                    }
                    if e < hi && matches!(w.lower(e), "mit" | "für" | "der" | "des" | "von") {
                        let from = if matches!(w.lower(e), "der" | "des") {
                            e
                        } else {
                            e + 1
                        };
                        let end = np_forward(doc, w, from, hi);
                        if end > from {
                            e = end;
                        }
                    }
                    (s, e)
                })
            }
            // A medium named after a preposition: `im Deutschlandfunk`, `auf Telegram`.
            _ if ix.by_token[t].is_some_and(|e| ix.ents[e].kind == EntityKind::Media)
                && t > lo
                && (t == lo + 1 || ix.by_token[t - 1] != ix.by_token[t]) =>
            {
                let mut s = t - 1;
                if is_article(w.lower(s)) && s > lo {
                    s -= 1;
                }
                let prep = matches!(
                    w.lower(s),
                    "im" | "in" | "auf" | "bei" | "gegenüber" | "via"
                );
                prep.then(|| {
                    let mut e = t + 1;
                    while e < hi && ix.by_token[e] == ix.by_token[t] {
                        e += 1;
                    }
                    (s, e)
                })
            }
            _ => None,
        };
        if let Some((a, b)) = found {
            if !out.iter().any(|&(x, y)| a < y && x < b) {
                out.push((a, b));
            }
        }
    }
    out.sort_unstable();
    out
}

/// The channels of quotation `q`.
pub(super) fn find(
    doc: &Document,
    w: &Words,
    ix: &Index,
    q: usize,
    speaker_span: Option<Span>,
    speaker: Option<usize>,
) -> Vec<Via> {
    let quote = &doc.quotes[q];
    let mut ranges = Vec::new();
    if let Some(f) = &quote.frame {
        for s in &f.spans {
            ranges.push(token_range(doc, *s));
        }
    }
    // A trailing attribution may lie outside the frame the tagger found.
    if let Some(c) = &quote.cue {
        for s in &c.spans {
            let r = token_range(doc, *s);
            let sent = doc
                .sentences
                .iter()
                .find(|x| x.tokens.contains(&r.start))
                .map(|x| x.tokens.clone());
            if let Some(sent) = sent {
                let content = covering(&quote.content);
                let a = sent.start.max(r.start.saturating_sub(6));
                let b = sent.end.min(r.end + 6);
                let r2: Vec<usize> = (a..b)
                    .filter(|&t| content.is_none_or(|c| !c.contains(&doc.tokens[t].span)))
                    .collect();
                if let (Some(&x), Some(&y)) = (r2.first(), r2.last()) {
                    ranges.push(x..y + 1);
                }
            }
        }
    }
    let mut out: Vec<Via> = Vec::new();
    let mut seen: Vec<(usize, usize)> = Vec::new();
    for r in ranges {
        for (a, b) in phrases(doc, w, ix, r) {
            if seen.iter().any(|&(x, y)| a < y && x < b) {
                continue;
            }
            seen.push((a, b));
            let v = make_via(doc, ix, a, b);
            let span = v.role.spans[0];
            // The phrase that names the speaker itself is no channel: `nach nordkoreanischen Angaben`.
            let is_speaker = speaker_span
                .is_some_and(|s| span.start <= s.start && s.end <= span.end)
                || (v.entity.is_some() && v.entity == speaker);
            if !is_speaker {
                out.push(v);
            }
        }
    }
    // A medium as addressee: `sagte er der Zeitung X`.
    if let Some(a) = quote.addressee.as_ref().and_then(covering) {
        let r = token_range(doc, a);
        let media = r.clone().any(|t| {
            gazetteer::is_channel_noun(w.lower(t))
                || ix.by_token[t].is_some_and(|e| ix.ents[e].kind == EntityKind::Media)
        });
        if media && !r.is_empty() && !seen.iter().any(|&(x, y)| r.start < y && x < r.end) {
            out.push(make_via(doc, ix, r.start, r.end));
        }
    }
    out.sort_by_key(|v| v.role.spans[0].start);
    out
}
