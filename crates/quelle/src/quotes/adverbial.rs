//! Adverbial and relative clauses are not what was said.
//!
//! After a comma, a clause opened by `um`, `als`, `nachdem`, `bevor`, `obwohl`,
//! `weswegen` or the relative `welche` tells when, why or of what something
//! happened: `„…“, sagte Blatter im September, als noch vier Bewerbungen
//! vorlagen`, `rief er in Buenos Aires an, um sein Zeitungsabo zu kündigen`,
//! `schildert die Fehlerkette, welche zu der Tragödie führte`. The content
//! tagger sometimes takes such a clause after a speech verb for indirect
//! speech. In gnqa `train.jsonl` no quotation starts with one of these words
//! after a comma, so a content chunk that does is cleared.
//!
//! A `dass` clause after a degree word in its main clause is a result, not a
//! report: `Die Explosion war so heftig, dass sie kilometerweit zu sehen war`,
//! `hatte die Blockade soweit geräumt, dass …` (in train 11 of 11 such clauses
//! outside a larger quotation are no quotation).
//!
//! `weil`, `wenn`, `während`, `da`, `seit`, `wobei` and `welcher` are left
//! alone: a few quotations in train do start with them (`welcher dann
//! Kühlflüssigkeit entzündet haben soll`).

use super::context::Context;
use crate::document::Document;

/// Words that open an adverbial or relative clause and never a quotation.
fn opens_adverbial_clause(lower: &str) -> bool {
    matches!(
        lower,
        "um" | "ohne"
            | "statt"
            | "anstatt"
            | "als"
            | "nachdem"
            | "bevor"
            | "ehe"
            | "obwohl"
            | "obgleich"
            | "wenngleich"
            | "sodass"
            | "weswegen"
            | "weshalb"
            | "wodurch"
            | "woraufhin"
            | "welche"
            | "welches"
            | "welchen"
            | "welchem"
    )
}

/// Degree words that announce a result clause (`so heftig, dass`).
fn is_degree_word(lower: &str) -> bool {
    matches!(
        lower,
        "so" | "derart" | "dermaßen" | "soweit" | "sosehr" | "solch" | "solche" | "solchen"
    )
}

/// Pronominal adverbs that announce a `dass` clause (`führt dazu, dass`).
fn is_correlate(lower: &str) -> bool {
    let Some(rest) = lower
        .strip_prefix("dar")
        .or_else(|| lower.strip_prefix("da"))
    else {
        return false;
    };
    matches!(
        rest,
        "an" | "auf"
            | "aus"
            | "bei"
            | "durch"
            | "für"
            | "gegen"
            | "in"
            | "mit"
            | "nach"
            | "über"
            | "um"
            | "unter"
            | "von"
            | "vor"
            | "zu"
    )
}

/// Clears content chunks outside quotation marks that start right after a
/// comma with a word opening an adverbial or relative clause, or with a
/// `dass` whose main clause holds a degree word after its first word.
pub fn drop_adverbial_clauses(doc: &Document, ctx: &Context, content: &mut [usize]) {
    let lower = |i: usize| crate::lexicon::lowercase(doc.slice(doc.tokens[i].span));
    for c in super::assemble::chunks(content) {
        if c.start < 2
            || ctx.tokens[c.start].depth != 0
            || doc.slice(doc.tokens[c.start - 1].span) != ","
        {
            continue;
        }
        let first = lower(c.start);
        let result_clause = matches!(&*first, "dass" | "daß") && {
            let comma = c.start - 1;
            let s = &ctx.sentences[ctx.tokens[c.start].sentence];
            let main_start = super::complements::main_clause_start(ctx, s.start, comma);
            (main_start + 1..comma).any(|k| is_degree_word(&lower(k)))
                || ((main_start..comma).any(|k| is_correlate(&lower(k)))
                    && !(main_start..comma).any(|k| super::infinitives::is_governor(ctx, k)))
        };
        if result_clause || opens_adverbial_clause(&first) {
            content[c.start..c.end].fill(0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(text: &str) -> Vec<bool> {
        crate::quotes::rule_test::kept_after_comma(text, drop_adverbial_clauses)
    }

    #[test]
    fn adverbial_and_relative_clauses_are_cleared() {
        assert_eq!(
            kept(
                "Er rief in Buenos Aires an, um sein Abo zu kündigen. \
                 Das sagte Blatter im September, als noch vier Bewerbungen vorlagen. \
                 Der Bericht schildert die Fehlerkette, welche zu der Tragödie führte. \
                 Die Explosion war so heftig, dass sie weit zu sehen war."
            ),
            [false, false, false, false]
        );
    }

    #[test]
    fn clauses_that_can_be_speech_are_kept() {
        assert_eq!(
            kept(
                "Er sagte, die Lage sei ernst. \
                 Sie erklärte, weil das Geld fehle, werde nicht gebaut. \
                 Er fragte, ob das stimme. \
                 So sagte er, dass es stimme."
            ),
            [true, true, true, true]
        );
    }
}
