//! Indirect speech in a `dass`/`ob` clause the tagger left out.
//!
//! In German news a comma-introduced `dass` or `ob` clause is most often the
//! content of what someone said, wrote, found or believes (`Das Komitee hat
//! eingeräumt, dass …`, `Diese besagt, dass …`, `Die Kläger bemängeln, dass …`):
//! in gnqa `train.jsonl` three in four are annotated as quotations. The
//! exceptions are grammatical and easy to see: consecutive clauses after `so` or
//! `derart` (`so schwere Verletzungen, dass …`), `ohne`/`statt dass`, and `das
//! erste Mal, dass`; and a main clause without a speech word (`Besonders tückisch
//! war, dass …`). In a sentence without any content, such a clause becomes
//! indirect speech running to the sentence end; the role tagger then finds its
//! speaker in the main clause.

use super::context::{trim_end, Context};
use super::infinitives::is_governor;
use super::labels::{mark, type_index};
use crate::document::{Document, QuoteType};

/// Words before the comma (within the main clause) that make the `dass` clause a
/// consequence or circumstance, not something said.
fn not_reported(lower: &str) -> bool {
    matches!(
        lower,
        "so" | "derart"
            | "dermaßen"
            | "solch"
            | "solche"
            | "solchen"
            | "mal"
            | "ohne"
            | "statt"
            | "anstatt"
            | "außer"
            | "zu"
            | "genug"
            | "sodass"
    )
}

/// The first token of the main clause before the comma at `comma`: back to the
/// previous clause punctuation, at most to `sentence_start`.
pub(super) fn main_clause_start(ctx: &Context, sentence_start: usize, comma: usize) -> usize {
    (sentence_start..comma)
        .rev()
        .find(|&k| ctx.tokens[k].clause_punct)
        .map_or(sentence_start, |k| k + 1)
}

/// Marks `…, dass …` / `…, ob …` clauses in sentences without content as indirect speech.
pub fn mark_complement_clauses(doc: &Document, ctx: &Context, content: &mut [usize]) {
    let indirect = type_index(QuoteType::Indirect);
    let lower = |i: usize| doc.slice(doc.tokens[i].span).to_lowercase();
    for s in &ctx.sentences {
        if content[s.start..s.end].iter().any(|&l| l != 0) {
            continue;
        }
        let Some(d) = (s.start + 2..s.end).find(|&k| {
            ctx.tokens[k].complementizer
                && ctx.tokens[k].depth == 0
                && matches!(lower(k).as_str(), "dass" | "daß" | "ob")
                && doc.slice(doc.tokens[k - 1].span) == ","
        }) else {
            continue;
        };
        let main_start = main_clause_start(ctx, s.start, d - 1);
        if main_start + 1 >= d - 1 {
            continue;
        }
        // `Besonders tückisch war, dass …`, `die Möglichkeit, dass …`: without a
        // speech word in the main clause the clause states a fact.
        if !(main_start..d - 1).any(|g| is_governor(ctx, g)) {
            continue;
        }
        let near = (d - 1).saturating_sub(4).max(main_start);
        if (near..d - 1).any(|k| not_reported(&lower(k))) {
            continue;
        }
        // A question or a one-word main clause is no reporting clause.
        if doc.slice(doc.tokens[s.end - 1].span) == "?" {
            continue;
        }
        let end = trim_end(doc, d, s.end, &[".", "!"]);
        if end < d + 3 {
            continue;
        }
        mark(content, indirect, d, end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::rule_test::marked_texts;

    fn marked(text: &str) -> Vec<String> {
        marked_texts(text, mark_complement_clauses)
    }

    #[test]
    fn complement_clauses_are_indirect_speech() {
        let got = marked(
            "Das Komitee hat eingeräumt, dass Fehler passiert seien. \
             Die Kläger kritisieren, dass der Bundesrat ausgeschlossen wurde.",
        );
        assert_eq!(
            got,
            [
                "dass Fehler passiert seien",
                "dass der Bundesrat ausgeschlossen wurde"
            ]
        );
    }

    #[test]
    fn consecutive_and_other_clauses_are_not() {
        let got = marked(
            "Der Fahrer erlitt so schwere Verletzungen, dass er starb. \
             Es war das erste Mal, dass er kam. \
             Er ging, ohne dass es jemand merkte. \
             Weiß er, ob es regnet? \
             Besonders tückisch war, dass die Alster nicht zugefroren war. \
             Dies führte dazu, dass die Seite nicht erreichbar war.",
        );
        assert!(got.is_empty(), "{got:?}");
    }
}
