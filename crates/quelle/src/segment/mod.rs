//! Segmentation: German-aware tokens and sentences.
//!
//! Tokens and sentences never cross a structural block: the pipeline calls
//! [`Segmenter::segment_block`] once per block. A line break inside a block is
//! plain whitespace here, which is what makes mid-sentence breaks harmless.

mod sentences;
mod tokenizer;

use crate::document::{Sentence, Token};
use crate::span::Span;

/// Splits text into tokens and sentences. Stateless after construction; `Send + Sync`.
#[derive(Debug, Clone, Default)]
pub struct Segmenter {
    _private: (),
}

impl Segmenter {
    /// Creates the German segmenter.
    pub fn new() -> Self {
        Segmenter { _private: () }
    }

    /// Tokenizes `block` of `text` and splits it into sentences, appending to
    /// `tokens` and `sentences` (sentence token ranges index into `tokens`).
    pub fn segment_block(
        &self,
        text: &str,
        block: Span,
        tokens: &mut Vec<Token>,
        sentences: &mut Vec<Sentence>,
    ) {
        let first = tokens.len();
        tokenizer::tokenize(text, block, tokens);
        sentences::split(text, tokens, first, sentences);
    }
}
