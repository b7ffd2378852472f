//! Quotation-mark pairing: which tokens are inside quotation marks, and how deep.
//!
//! Handles German `„…“` and `‚…‘`, guillemets in both directions `»…«` / `«…»`,
//! English `“…”`, straight `"…"` and `'…'` (apostrophes inside words are not
//! marks), nesting, and quotations that run over paragraphs: a paragraph that
//! reopens the same mark without the previous one closing continues the quotation.

use crate::document::{Block, Token};

/// The family of a quotation mark; marks pair only within a family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// `„…“`, `“…”`, `»…«`, `«…»`, `"…"`.
    Double,
    /// `‚…‘`, `‘…’`, `›…‹`, `'…'`.
    Single,
}

/// What a quotation-mark token does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open(Family),
    Close(Family),
    /// Straight marks and ambiguous curly ones: open or close decided by context.
    Either(Family),
}

/// A region enclosed by a pair of quotation marks (marks included), in token indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark, or of the last token of the region when unclosed.
    pub close: usize,
    /// Whether a closing mark was found.
    pub closed: bool,
    /// Nesting depth: 1 for an outermost region.
    pub depth: u8,
}

/// The quotation-mark analysis of a document.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    /// Regions sorted by opening token.
    pub regions: Vec<Region>,
    /// Per token: how many regions contain it (marks count as inside their region).
    pub depth: Vec<u8>,
}

fn mark_role(tok: &str, before_space: bool, after_space: bool) -> Option<Role> {
    Some(match tok {
        "„" => Role::Open(Family::Double),
        "‚" => Role::Open(Family::Single),
        "”" => Role::Close(Family::Double),
        "“" => Role::Either(Family::Double),
        "‘" | "’" | "'" => {
            // Apostrophes: only a mark when it stands at a word edge.
            if !before_space && !after_space {
                return None;
            }
            Role::Either(Family::Single)
        }
        "»" | "«" | "\"" => Role::Either(Family::Double),
        "›" | "‹" => Role::Either(Family::Single),
        _ => return None,
    })
}

/// Finds quotation regions over `tokens`; `blocks` give paragraph boundaries.
pub fn analyze(text: &str, tokens: &[Token], blocks: &[Block]) -> Marks {
    let n = tokens.len();
    let mut regions: Vec<Region> = Vec::new();
    // Stack of (token index of opener, family).
    let mut stack: Vec<(usize, Family)> = Vec::new();
    let bytes = text.as_bytes();
    let mut block_ends: Vec<usize> = blocks.iter().map(|b| b.span.end).collect();
    block_ends.sort_unstable();
    let mut next_block = 0;
    for (i, tok) in tokens.iter().enumerate() {
        let span = tok.span;
        let mut continues = false;
        // At a block boundary, close what is still open unless the new block reopens it.
        while next_block < block_ends.len() && span.start >= block_ends[next_block] {
            next_block += 1;
            let t = span.text(text);
            let reopens = !stack.is_empty()
                && matches!(
                    mark_role(t, true, false),
                    Some(Role::Open(f)) | Some(Role::Either(f)) if Some(f) == stack.last().map(|s| s.1)
                );
            if reopens {
                // The quotation continues; this mark neither opens nor closes.
                continues = true;
                break;
            }
            for (open, _) in stack.drain(..).rev() {
                regions.push(Region {
                    open,
                    close: i - 1,
                    closed: false,
                    depth: 0,
                });
            }
        }
        let t = span.text(text);
        let before_space = span.start == 0
            || bytes[span.start - 1].is_ascii_whitespace()
            || starts_after_open(text, span.start);
        let after_space = span.end >= bytes.len()
            || bytes[span.end].is_ascii_whitespace()
            || ends_before_punct(text, span.end);
        let Some(role) = mark_role(t, before_space, after_space).or_else(|| closes_inside(t))
        else {
            continue;
        };
        if continues {
            continue;
        }
        let role = match role {
            Role::Either(f) => {
                // Space before and a word after opens; otherwise it closes an open quotation.
                if before_space && !after_space {
                    Role::Open(f)
                } else if stack.iter().any(|&(_, sf)| sf == f) {
                    Role::Close(f)
                } else {
                    continue;
                }
            }
            r => r,
        };
        match role {
            Role::Open(f) => stack.push((i, f)),
            Role::Close(f) => {
                if let Some(pos) = stack.iter().rposition(|&(_, sf)| sf == f) {
                    // Openers above the match were never closed: end them here.
                    while stack.len() > pos + 1 {
                        let (open, _) = stack.pop().expect("non-empty");
                        regions.push(Region {
                            open,
                            close: i.saturating_sub(1).max(open),
                            closed: false,
                            depth: 0,
                        });
                    }
                    let (open, _) = stack.pop().expect("matched");
                    regions.push(Region {
                        open,
                        close: i,
                        closed: true,
                        depth: 0,
                    });
                }
            }
            Role::Either(_) => unreachable!("resolved above"),
        }
    }
    for (open, _) in stack.drain(..).rev() {
        regions.push(Region {
            open,
            close: n.saturating_sub(1).max(open),
            closed: false,
            depth: 0,
        });
    }
    regions.sort_by_key(|r| (r.open, std::cmp::Reverse(r.close)));
    let mut depth = vec![0u8; n];
    for r in &regions {
        for d in &mut depth[r.open..=r.close] {
            *d = d.saturating_add(1);
        }
    }
    for r in &mut regions {
        r.depth = depth[r.open];
    }
    Marks { regions, depth }
}

/// A word that closes a quotation inside itself: a name in marks joined to a
/// compound by a hyphen (`„Bild“-Zeitung`, `„Thalys“-Schnellzüge`) is one token,
/// as gnqa tokenises it, but its closing mark still ends the quotation.
fn closes_inside(word: &str) -> Option<Role> {
    // `“` is E2 80 9C and `”` E2 80 9D in UTF-8: a byte scan, as every token
    // passes here and `str::contains` twice cost 3 % of the whole analysis.
    (word.len() > 4
        && word
            .as_bytes()
            .windows(4)
            .any(|w| w[0] == 0xE2 && w[1] == 0x80 && matches!(w[2], 0x9C | 0x9D) && w[3] == b'-'))
    .then_some(Role::Close(Family::Double))
}

fn starts_after_open(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '(' | '[' | '–' | '—' | '/'))
}

fn ends_before_punct(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(|c| {
        matches!(
            c,
            ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '…' | '-' | '–'
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Pipeline;

    fn regions(text: &str) -> Vec<String> {
        let doc = Pipeline::builder().build().unwrap().analyze(text);
        let m = analyze(doc.text(), &doc.tokens, &doc.blocks);
        m.regions
            .iter()
            .map(|r| {
                let s = doc.tokens[r.open].span.start;
                let e = doc.tokens[r.close].span.end;
                format!("{}{}", &text[s..e], if r.closed { "" } else { "+" })
            })
            .collect()
    }

    #[test]
    fn german_marks_and_nesting() {
        assert_eq!(
            regions("Er sagte: „Das ist ‚gut‘ so.“ Dann ging er."),
            vec!["„Das ist ‚gut‘ so.“", "‚gut‘"]
        );
    }

    #[test]
    fn guillemets_and_straight_quotes() {
        assert_eq!(regions("Sie: »Nein« und \"Ja\"."), vec!["»Nein«", "\"Ja\""]);
    }

    #[test]
    fn a_mark_closing_inside_a_compound_ends_the_quotation() {
        assert_eq!(
            regions("Wie die „Bild“-Zeitung berichtete, ist „alles gut“ gewesen."),
            vec!["„Bild“-Zeitung", "„alles gut“"]
        );
        // Without an open quotation it is no mark.
        assert!(regions("Die Bild“-Zeitung berichtete.").is_empty());
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert!(regions("Wie geht's dir, sagt Kim's Bruder.").is_empty());
    }

    #[test]
    fn quotation_continues_into_reopened_paragraph() {
        let t = "„Erster Absatz.\n\n„Zweiter Absatz.“ sagte er.";
        assert_eq!(regions(t), vec!["„Erster Absatz.\n\n„Zweiter Absatz.“"]);
    }

    #[test]
    fn unclosed_quote_ends_at_paragraph() {
        let t = "„Offen bleibt es.\n\nNeuer Absatz.";
        assert_eq!(regions(t), vec!["„Offen bleibt es.+"]);
    }
}
