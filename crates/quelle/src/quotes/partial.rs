//! Quoted phrases outside any quotation: partial direct quotes.
//!
//! News quote a few words of a speaker inside the writer's own sentence
//! (`Stoiber begründete seinen Rückzug mit einer „veränderten Lage“`,
//! `nannte seinen Platzverweis „überzogen“`). Quotation marks also enclose
//! names and titles (`„Shenzhou 6“`, the film „Der Untergang“), which are no
//! quotation. German capitalises names and nouns, so the case of the first
//! quoted word tells them apart: in gnqa `train.jsonl` a quoted passage of two
//! or more words that opens in lower case is a quotation nine times in ten, one
//! that opens with a capital only about a quarter of the time. A whole quoted
//! sentence — capital first, sentence punctuation last — is a quotation in
//! train every time the tagger leaves one out (`rief: „Lasst mich raus!“`).

use super::context::Context;
use super::labels::{mark, type_index};
use crate::document::{Document, QuoteType};

/// Fewest words a lower-case quoted phrase needs to be taken as a quotation.
const MIN_WORDS: usize = 2;

/// Marks closed, outermost quoted passages that overlap no content as direct
/// speech (marks included, as gnqa annotates direct quotes): whole sentences,
/// and phrases that open in lower case in a sentence with a cue or speech verb.
pub fn mark_partial_quotes(doc: &Document, ctx: &Context, content: &mut [usize]) {
    let direct = type_index(QuoteType::Direct);
    for r in &ctx.marks.regions {
        if r.depth != 1 || !r.closed || r.close < r.open + 1 + MIN_WORDS {
            continue;
        }
        if content[r.open..=r.close].iter().any(|&l| l != 0) {
            continue;
        }
        let first = doc.slice(doc.tokens[r.open + 1].span);
        let last = doc.slice(doc.tokens[r.close - 1].span);
        // A whole quoted sentence (`rief: „Lasst mich raus!“`) is speech.
        let sentence = first.chars().next().is_some_and(char::is_uppercase)
            && matches!(last, "." | "!" | "?")
            && r.close >= r.open + 4;
        let s = &ctx.sentences[ctx.tokens[r.open].sentence];
        let phrase = first.chars().next().is_some_and(char::is_lowercase)
            && (s.first_cue.is_some() || s.speech_verb.is_some());
        if sentence || phrase {
            mark(content, direct, r.open, r.close + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::rule_test::marked_texts;

    fn marked(text: &str) -> Vec<String> {
        marked_texts(text, mark_partial_quotes)
    }

    #[test]
    fn lower_case_phrases_in_a_reporting_sentence_are_quoted() {
        assert_eq!(
            marked("Klose nannte seinen Platzverweis „völlig überzogen“."),
            ["„völlig überzogen“"]
        );
    }

    #[test]
    fn whole_quoted_sentences_are_quoted() {
        assert_eq!(
            marked("Der Randalierer biss zu und rief: „Lasst mich sofort raus!“"),
            ["„Lasst mich sofort raus!“"]
        );
    }

    #[test]
    fn names_single_words_and_sentences_without_a_cue_are_not() {
        let got = marked(
            "Klose nannte die Entscheidung „Unsinn“. \
             Er sagte, der Film „Der Untergang“ laufe. \
             Apple präsentierte den „iPod nano“ in Berlin. \
             Der Satellit „space recovery experiment“ startete.",
        );
        // `„iPod nano“` opens in lower case but the sentence has no cue word.
        assert!(got.is_empty(), "{got:?}");
    }
}
