//! Segmentation: German-aware tokens and sentences.
//!
//! Tokens and sentences never cross a structural block: the pipeline calls
//! [`Segmenter::segment_block`] once per block. A line break inside a block is
//! plain whitespace here, which is what makes mid-sentence breaks harmless.
//!
//! The tokenizer follows the rules the gnqa gold tokens were made with (spaCy's
//! German rule tokenizer); the sentence splitter is rule-based and tuned on the
//! gnqa training split. Both scan bytes, use no regular expressions and
//! allocate nothing per token.

mod chars;
#[rustfmt::skip]
mod chars_table;
mod exceptions;
mod sentences;
mod tokenizer;
mod url;

#[cfg(test)]
mod tests;

use crate::document::{Sentence, Token};
use crate::span::Span;
use exceptions::Exceptions;

/// Splits text into tokens and sentences. Stateless after construction; `Send + Sync`.
#[derive(Clone)]
pub struct Segmenter {
    /// The exception list, parsed once per process and shared.
    exceptions: &'static Exceptions,
}

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The table itself is long and says nothing useful here.
        f.debug_struct("Segmenter").finish_non_exhaustive()
    }
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter::new()
    }
}

impl Segmenter {
    /// Creates the German segmenter. The first call in a process parses the
    /// embedded exception list (about 0.2 ms); later calls share it.
    pub fn new() -> Self {
        Segmenter {
            exceptions: Exceptions::get_or_init(),
        }
    }

    /// Tokenizes `block` of `text` and splits it into sentences, appending to
    /// `tokens` and `sentences` (sentence token ranges index into `tokens`).
    ///
    /// Never panics: a block out of range or off character boundaries yields
    /// nothing.
    pub fn segment_block(
        &self,
        text: &str,
        block: Span,
        tokens: &mut Vec<Token>,
        sentences: &mut Vec<Sentence>,
    ) {
        let first = tokens.len();
        tokenizer::tokenize(self.exceptions, text, block, tokens);
        sentences::split(text, tokens, first, sentences);
    }

    /// Appends the tokens of `block` of `text` to `tokens`, without sentences.
    pub fn tokenize_block(&self, text: &str, block: Span, tokens: &mut Vec<Token>) {
        tokenizer::tokenize(self.exceptions, text, block, tokens);
    }
}
