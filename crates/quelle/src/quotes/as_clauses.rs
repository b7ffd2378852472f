//! Reporting clauses opened by `wie`: `Wie der Bundeswahlleiter mitteilte, lag
//! die Wahlbeteiligung bei 41,9 Prozent` and `…, wie die Nachrichtenagentur
//! ANSA berichtete.` The `wie` clause names the source and the channel; the
//! main clause is what was reported. In gnqa `train.jsonl` a sentence opened by
//! such a clause with a speech verb is indirect speech 38 times in 39, and a
//! trailing one 10 times in 13 (the others are comparisons, `so …, wie`).
//!
//! The rule only marks sentences the tagger left without content, and only
//! when the `wie` clause ends in a word that governs speech (see
//! [`super::infinitives::is_governor`]): `Wie lange es dauert, …` is a question
//! of degree, not a report.

use super::context::{trim_end, Context};
use super::infinitives::is_governor;
use super::labels::{mark, type_index};
use crate::document::{Document, QuoteType};

/// Whether a governor stands at the end of the clause `a..b` (its last or,
/// for a separated particle, second-last word: `bekannt gab`, `mitteilte`).
fn ends_in_governor(ctx: &Context, a: usize, b: usize) -> bool {
    (b.saturating_sub(2).max(a)..b).any(|g| is_governor(ctx, g))
}

/// Marks the main clause of a sentence with a `wie` reporting clause as indirect speech.
pub fn mark_as_clauses(doc: &Document, ctx: &Context, content: &mut [usize]) {
    let indirect = type_index(QuoteType::Indirect);
    let text = |i: usize| doc.slice(doc.tokens[i].span);
    // The sentence's commas outside quotation marks (one buffer for all sentences).
    let mut commas: Vec<usize> = Vec::new();
    for s in &ctx.sentences {
        if s.end - s.start < 6 || content[s.start..s.end].iter().any(|&l| l != 0) {
            continue;
        }
        let end = trim_end(doc, s.start, s.end, &[".", "!", "?", ":"]);
        if text(s.end - 1) == "?" {
            continue;
        }
        commas.clear();
        commas.extend((s.start..end).filter(|&i| text(i) == "," && ctx.tokens[i].depth == 0));
        if text(s.start) == "Wie" {
            // The `wie` clause ends at the first comma after its verb (an
            // apposition may come before: `Wie X, Sprecher von Y, mitteilte,`).
            let Some(&k) = commas
                .iter()
                .find(|&&k| ends_in_governor(ctx, s.start + 1, k))
            else {
                continue;
            };
            if end > k + 3 {
                mark(content, indirect, k + 1, end);
            }
            continue;
        }
        // A trailing `…, wie X berichtete.`: the last comma opens it.
        let Some(&k) = commas.last() else { continue };
        let comparison = (s.start..k).any(|i| text(i).eq_ignore_ascii_case("so"));
        if k + 2 < end
            && text(k + 1) == "wie"
            && !comparison
            && k > s.start + 3
            && ends_in_governor(ctx, k + 2, end)
        {
            mark(content, indirect, s.start, k);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::rule_test::marked_texts;

    fn marked(text: &str) -> Vec<String> {
        marked_texts(text, mark_as_clauses)
    }

    #[test]
    fn wie_clauses_with_speech_verbs_report_the_main_clause() {
        assert_eq!(
            marked("Wie der Bundeswahlleiter mitteilte, lag die Wahlbeteiligung bei 41,9 Prozent."),
            ["lag die Wahlbeteiligung bei 41,9 Prozent"]
        );
        assert_eq!(
            marked(
                "Wie der Sprecher der Kommission, Gerald Braun, in Luxemburg mitteilte, \
                 sieht Wiedeking darin eine Benachteiligung."
            ),
            ["sieht Wiedeking darin eine Benachteiligung"]
        );
        assert_eq!(
            marked(
                "Der Mann wurde in Palermo verhaftet, wie die Nachrichtenagentur ANSA berichtete."
            ),
            ["Der Mann wurde in Palermo verhaftet"]
        );
    }

    #[test]
    fn degree_and_comparison_clauses_are_not_reports() {
        assert!(
            marked("Wie lange es dauert, bis die Bäume kommen, steht noch nicht fest.").is_empty()
        );
        assert!(
            marked("Das Schlusswort klang so beeindruckend, wie man es nicht erwartet hatte.")
                .is_empty()
        );
    }
}
