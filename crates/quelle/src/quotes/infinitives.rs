//! Indirect speech in a `zu`-infinitive the tagger left out.
//!
//! A speech act can take its content as an infinitive clause instead of a
//! `dass` clause: `Im Rahmen des Kyoto-Protokolls hat die EU zugesagt, die
//! Emissionen … zu verringern`, `Amnesty forderte die Regierung auf, die
//! Gefangenen freizulassen`. Whether such a clause is what someone said depends
//! on the word that governs it: after `zusagen`, `auffordern` or `vorwerfen` it
//! is (in gnqa `train.jsonl` nearly always), after `versuchen`, `gelingen` or
//! `die Möglichkeit` it is an action. So the clause only becomes indirect speech
//! when its main clause holds a speech, thought or writing verb of the lexicon
//! or a word that was mostly a cue in the training data.

use super::context::Context;
use super::labels::{mark, type_index};
use crate::document::{Document, QuoteType};
use crate::model::hash::hash_bytes;

/// Lowest cue score (tenths of a word's occurrences in training that were
/// cues) for a word outside the verb lexicon to govern an infinitive as speech
/// (`zugesagt`, `aufgefordert`, `vorgeworfen`).
const MIN_GOVERNOR_SCORE: u8 = 6;

/// Whether token `g` can govern an infinitive as speech: a speech, thought or
/// writing verb of the lexicon, or a word mostly seen as a cue, outside
/// quotation marks.
pub(super) fn is_governor(ctx: &Context, g: usize) -> bool {
    let t = &ctx.tokens[g];
    // `führen` is in the lexicon for `führte aus`, but `führte dazu, dass …` is a consequence.
    const FUEHREN: u64 = hash_bytes("führen".as_bytes());
    let speech_verb = t.cue_lemma.is_some_and(|l| l != FUEHREN);
    t.depth == 0 && (speech_verb || t.cue_score >= MIN_GOVERNOR_SCORE)
}

/// Words opening an adverbial infinitive (purpose, manner), never a complement.
fn opens_adverbial(lower: &str) -> bool {
    matches!(lower, "um" | "ohne" | "statt" | "anstatt" | "außer")
}

/// Marks `…, <zu-infinitive>` clauses governed by a speech word as indirect speech.
pub fn mark_infinitive_complements(doc: &Document, ctx: &Context, content: &mut [usize]) {
    let indirect = type_index(QuoteType::Indirect);
    let text = |i: usize| doc.slice(doc.tokens[i].span);
    for s in &ctx.sentences {
        if text(s.end - 1) == "?" {
            continue;
        }
        let mut main_start = s.start;
        let mut k = s.start;
        while k < s.end {
            let t = &ctx.tokens[k];
            if !(t.clause_punct && t.depth == 0) {
                k += 1;
                continue;
            }
            if text(k) != "," {
                main_start = k + 1;
                k += 1;
                continue;
            }
            let end = infinitive_run(doc, ctx, k + 1, s.end);
            let governed = (main_start..k).any(|g| is_governor(ctx, g));
            if let Some(end) = end {
                if governed && content[k + 1..end].iter().all(|&l| l == 0) {
                    mark(content, indirect, k + 1, end);
                }
                k = end;
            } else {
                main_start = k + 1;
                k += 1;
            }
        }
    }
}

/// Clears indirect speech the tagger found in a `zu`-infinitive clause whose
/// main clause holds no word that governs it as speech (see [`is_governor`]):
/// `Der Stadt gelang es, den Haushalt zu entlasten` reports an action.
pub fn drop_ungoverned_infinitives(doc: &Document, ctx: &Context, content: &mut [usize]) {
    let indirect = type_index(QuoteType::Indirect);
    for c in super::assemble::chunks(content) {
        if c.kind != indirect || c.start < 2 || doc.slice(doc.tokens[c.start - 1].span) != "," {
            continue;
        }
        let s = &ctx.sentences[ctx.tokens[c.start].sentence];
        if s.start >= c.start - 1 || infinitive_run(doc, ctx, c.start, s.end) != Some(c.end) {
            continue;
        }
        let main_start = (s.start..c.start - 1)
            .rev()
            .find(|&k| ctx.tokens[k].clause_punct && ctx.tokens[k].depth == 0)
            .map_or(s.start, |k| k + 1);
        if !(main_start..c.start - 1).any(|g| is_governor(ctx, g)) {
            content[c.start..c.end].fill(0);
        }
    }
}

/// The end (exclusive) of a run of `zu`-infinitive clauses starting at `start`
/// (`die Polizei auszubilden und die Sicherheit zu gewährleisten`, or several
/// joined by commas), if the clause at `start` is one.
fn infinitive_run(doc: &Document, ctx: &Context, start: usize, end: usize) -> Option<usize> {
    let first = crate::lexicon::lowercase(doc.slice(doc.tokens[start.min(end - 1)].span));
    if start + 1 >= end || opens_adverbial(&first) {
        return None;
    }
    let mut run_end = None;
    let mut k = start;
    while k < end {
        let clause_end = (k..end)
            .find(|&i| ctx.tokens[i].clause_punct && ctx.tokens[i].depth == 0 || is_final(doc, i))
            .unwrap_or(end);
        if clause_end == k || !ctx.tokens[clause_end - 1].zu_inf {
            break;
        }
        run_end = Some(clause_end);
        if clause_end >= end || doc.slice(doc.tokens[clause_end].span) != "," {
            break;
        }
        k = clause_end + 1;
    }
    run_end
}

/// A sentence-final punctuation token.
fn is_final(doc: &Document, i: usize) -> bool {
    matches!(doc.slice(doc.tokens[i].span), "." | "!" | "?")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::rule_test::marked_texts;

    fn marked(text: &str) -> Vec<String> {
        marked_texts(text, mark_infinitive_complements)
    }

    #[test]
    fn infinitives_after_speech_verbs_are_indirect_speech() {
        assert_eq!(
            marked("Die EU hat angekündigt, die Emissionen um acht Prozent zu verringern."),
            ["die Emissionen um acht Prozent zu verringern"]
        );
        assert_eq!(
            marked("Er kündigte an, Menschen zu entwaffnen, die Polizei auszubilden und Wahlen zu sichern."),
            ["Menschen zu entwaffnen, die Polizei auszubilden und Wahlen zu sichern"]
        );
    }

    #[test]
    fn the_taggers_ungoverned_infinitives_are_dropped() {
        let kept = crate::quotes::rule_test::kept_after_comma(
            "Der Stadt gelang es, den Haushalt zu entlasten. \
             Er versprach, den Haushalt zu entlasten.",
            drop_ungoverned_infinitives,
        );
        assert_eq!(kept, [false, true]);
    }

    #[test]
    fn infinitives_of_actions_and_purpose_are_not() {
        let got = marked(
            "Die Stadt versuchte, den Haushalt zu entlasten. \
             Er kam, um zu helfen. \
             Sie erklärte, ohne zu zögern, den Rücktritt.",
        );
        assert!(got.is_empty(), "{got:?}");
    }
}
