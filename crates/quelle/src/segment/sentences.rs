//! The sentence splitter (first version: split after `.`, `!`, `?`).

use crate::document::{Sentence, Token};
use crate::span::Span;

/// Appends the sentences of `tokens[first..]` to `out`.
pub(crate) fn split(text: &str, tokens: &[Token], first: usize, out: &mut Vec<Sentence>) {
    let mut begin = first;
    for i in first..tokens.len() {
        let t = tokens[i].span.text(text);
        if matches!(t, "." | "!" | "?") || i + 1 == tokens.len() {
            out.push(Sentence {
                span: Span::new(tokens[begin].span.start, tokens[i].span.end),
                tokens: begin..i + 1,
            });
            begin = i + 1;
        }
    }
}
