//! Text structure: headline, dateline, sub-headings and paragraphs.
//!
//! Works on lines (`\n`, `\r\n` and `\r` all end a line) without rewriting the
//! text. Blank lines separate blocks; lines inside a block are one logical
//! line, so a break in mid-sentence is just whitespace for later stages.

use crate::document::{Block, BlockKind};
use crate::lexicon;
use crate::span::Span;

/// Longest line (in characters) still taken for a headline or sub-heading.
const MAX_HEADING_CHARS: usize = 160;
/// Most words a sub-heading may have.
const MAX_SUBHEADING_WORDS: usize = 16;

/// Finds the structural blocks of `text`, in text order.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let groups = line_groups(text);
    for (gi, g) in groups.iter().enumerate() {
        let kind = if g.lines == 1 && is_heading_like(g.span.text(text), gi == 0) {
            if gi == 0 {
                BlockKind::Headline
            } else {
                BlockKind::Subheading
            }
        } else {
            BlockKind::Paragraph
        };
        let mut span = g.span;
        // A dateline opens the headline or the lead (first paragraph).
        let lead = kind == BlockKind::Paragraph
            && !out.iter().any(|b: &Block| b.kind == BlockKind::Paragraph);
        if (kind == BlockKind::Headline || lead)
            && !out.iter().any(|b: &Block| b.kind == BlockKind::Dateline)
        {
            if let Some(end) = dateline_end(span.text(text), kind == BlockKind::Headline) {
                let d = Span::new(span.start, span.start + end);
                out.push(Block {
                    kind: BlockKind::Dateline,
                    span: trim(text, d),
                });
                span = trim(text, Span::new(d.end, span.end));
                if span.is_empty() {
                    continue;
                }
            }
        }
        out.push(Block { kind, span });
    }
    out
}

/// A run of non-blank lines.
struct Group {
    span: Span,
    lines: usize,
}

/// Splits `text` into runs of non-blank lines, each trimmed.
fn line_groups(text: &str) -> Vec<Group> {
    let bytes = text.as_bytes();
    let mut groups = Vec::new();
    let mut cur: Option<Group> = None;
    let mut line_start = 0;
    let mut i = 0;
    loop {
        let at_end = i >= bytes.len();
        let is_break = !at_end && (bytes[i] == b'\n' || bytes[i] == b'\r');
        if at_end || is_break {
            let line = Span::new(line_start, i);
            let t = trim(text, line);
            if t.is_empty() {
                if let Some(g) = cur.take() {
                    groups.push(g);
                }
            } else {
                match &mut cur {
                    Some(g) => {
                        g.span.end = t.end;
                        g.lines += 1;
                    }
                    None => cur = Some(Group { span: t, lines: 1 }),
                }
            }
            if at_end {
                break;
            }
            // `\r\n` is one break.
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            line_start = i + 1;
        }
        i += 1;
    }
    if let Some(g) = cur {
        groups.push(g);
    }
    groups
}

/// Shrinks `span` to exclude leading and trailing whitespace.
fn trim(text: &str, span: Span) -> Span {
    let s = span.text(text);
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead == s.len() {
        return Span::new(span.start, span.start);
    }
    Span::new(span.start + lead, span.end - trail)
}

/// Whether a stand-alone line reads like a heading rather than a one-line paragraph.
fn is_heading_like(line: &str, first: bool) -> bool {
    let chars = line.chars().count();
    if chars > MAX_HEADING_CHARS {
        return false;
    }
    let words = line.split_whitespace().count();
    let last = line.chars().last().unwrap_or(' ');
    let first_char = line.chars().next().unwrap_or(' ');
    if !(first_char.is_uppercase() || first_char.is_numeric() || is_open_quote(first_char)) {
        return false;
    }
    match last {
        // A full stop, colon, semicolon or comma end a sentence or clause, not a heading.
        '.' | ':' | ';' | ',' | '…' => false,
        // Headlines may ask or exclaim; sub-headings rarely do.
        '?' | '!' => first && words <= MAX_SUBHEADING_WORDS,
        _ => first || words <= MAX_SUBHEADING_WORDS,
    }
}

fn is_open_quote(c: char) -> bool {
    matches!(c, '„' | '»' | '«' | '"' | '\'' | '‚' | '“' | '‹' | '›')
}

/// If `s` opens with a dateline, returns its length in bytes (through the colon or dash).
///
/// Accepted: `Ort:` (only where `Ort` is a known place and no quotation follows, since
/// `Merkel: …` introduces a quote), `Ort (Agentur) -`, `Ort (Agentur):`, `Ort –`, `Ort -`,
/// `Ort —`, where `Ort` is one to three capitalised words.
fn dateline_end(s: &str, in_headline: bool) -> Option<usize> {
    // One to three capitalised words, each possibly hyphenated (`Frankfurt/Main`, `St.`).
    let mut name_end = 0;
    for _ in 0..3 {
        let rest = &s[name_end..];
        let word_start = if name_end == 0 { 0 } else { 1 };
        if name_end > 0 && !rest.starts_with(' ') {
            break;
        }
        let w = &rest[word_start..];
        if !w.starts_with(char::is_uppercase) {
            break;
        }
        let len = w
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '.' | '/')))
            .unwrap_or(w.len());
        name_end += word_start + len;
        let after = s[name_end..].trim_start();
        if after.starts_with('(') || marker_len(after).is_some() {
            break;
        }
    }
    if name_end == 0 {
        return None;
    }
    let name = &s[..name_end];
    let mut at = name_end;
    // Optional agency in parentheses: `(dpa)`, `(AFP/Reuters)`.
    let after = &s[at..];
    let trimmed = after.trim_start();
    let agency = trimmed.starts_with('(');
    if agency {
        let close = trimmed.find(')')?;
        if close > 40 {
            return None;
        }
        at += after.len() - trimmed.len() + close + 1;
    }
    let tail = &s[at..];
    let ws = tail.len() - tail.trim_start().len();
    let end = at + ws + marker_len(&tail[ws..])?;
    let following = s[end..].trim_start();
    if following.is_empty() {
        return None;
    }
    // `Merkel: …` introduces a quote: a bare colon counts only after a known place,
    // in a headline, and not before a quotation mark.
    if tail[ws..].starts_with(':')
        && !agency
        && !(in_headline && lexicon::is_known_place(name) && !following.starts_with(is_open_quote))
    {
        return None;
    }
    Some(end)
}

/// Length of a dateline marker at the start of `s`: `:` or a dash followed by a space.
fn marker_len(s: &str) -> Option<usize> {
    for m in [":", "-", "–", "—"] {
        if let Some(rest) = s.strip_prefix(m) {
            if rest.starts_with(char::is_whitespace) {
                return Some(m.len());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(BlockKind, &str)> {
        blocks(text)
            .iter()
            .map(|b| (b.kind, b.span.text(text)))
            .collect()
    }

    #[test]
    fn headline_dateline_subheading_paragraphs() {
        let t = "Pjöngjang: Russland und Nordkorea vereinbaren Partnerschaft\n\nDer Staatschef kam.\nEr sprach lange.\n\nInsider vermuten Gespräche\n\nExperten gehen davon aus.";
        assert_eq!(
            kinds(t),
            vec![
                (BlockKind::Dateline, "Pjöngjang:"),
                (
                    BlockKind::Headline,
                    "Russland und Nordkorea vereinbaren Partnerschaft"
                ),
                (
                    BlockKind::Paragraph,
                    "Der Staatschef kam.\nEr sprach lange."
                ),
                (BlockKind::Subheading, "Insider vermuten Gespräche"),
                (BlockKind::Paragraph, "Experten gehen davon aus."),
            ]
        );
    }

    #[test]
    fn agency_dateline_in_lead() {
        let t = "Berlin (dpa) - Die Regierung hat beschlossen, dass nichts geschieht.";
        assert_eq!(
            kinds(t),
            vec![
                (BlockKind::Dateline, "Berlin (dpa) -"),
                (
                    BlockKind::Paragraph,
                    "Die Regierung hat beschlossen, dass nichts geschieht."
                ),
            ]
        );
    }

    #[test]
    fn dash_dateline_and_crlf() {
        let t = "Wien – Die Gewerkschaft sieht Handlungsbedarf.\r\n\r\nZweiter Absatz.";
        let k = kinds(t);
        assert_eq!(k[0], (BlockKind::Dateline, "Wien –"));
        assert_eq!(k[2], (BlockKind::Paragraph, "Zweiter Absatz."));
    }

    #[test]
    fn speaker_colon_is_not_a_dateline() {
        let t = "Merkel: „Wir schaffen das“\n\nDie Kanzlerin sprach.";
        assert_eq!(kinds(t)[0].0, BlockKind::Headline);
        let t2 = "Scholz: Keine Waffen für niemanden\n\nText.";
        assert_eq!(kinds(t2)[0].0, BlockKind::Headline);
    }

    #[test]
    fn one_sentence_lead_is_a_paragraph() {
        let t = "Die Ermittler haben Vorwürfe erhoben.\n\nMehr Text.";
        assert_eq!(kinds(t)[0].0, BlockKind::Paragraph);
    }

    #[test]
    fn empty_and_blank_text_has_no_blocks() {
        assert!(blocks("").is_empty());
        assert!(blocks(" \n\r\n \t").is_empty());
    }
}
