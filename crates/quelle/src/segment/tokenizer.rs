//! The tokenizer (first version: whitespace and punctuation).

use crate::document::{Token, TokenKind};
use crate::span::Span;

/// Appends the tokens of `block` in `text` to `out`.
pub(crate) fn tokenize(text: &str, block: Span, out: &mut Vec<Token>) {
    let s = &text[block.start..block.end];
    let mut start: Option<usize> = None;
    for (i, ch) in s.char_indices() {
        let at = block.start + i;
        if ch.is_whitespace() {
            if let Some(b) = start.take() {
                out.push(Token {
                    span: Span::new(b, at),
                    kind: TokenKind::Word,
                });
            }
        } else if ch.is_alphanumeric() || ch == '-' {
            if start.is_none() {
                start = Some(at);
            }
        } else {
            if let Some(b) = start.take() {
                out.push(Token {
                    span: Span::new(b, at),
                    kind: TokenKind::Word,
                });
            }
            out.push(Token {
                span: Span::new(at, at + ch.len_utf8()),
                kind: TokenKind::Punct,
            });
        }
    }
    if let Some(b) = start {
        out.push(Token {
            span: Span::new(b, block.end),
            kind: TokenKind::Word,
        });
    }
}
