//! Which sentences the content tagger can skip.
//!
//! Most sentences of news are plain report: no quotation mark, no word that
//! signals speech, no subjunctive. Quotation content needs one of these
//! signals in its own sentence (direct speech its marks, indirect speech its
//! subjunctive or reporting verb, reported speech its `sollen`, `laut` or
//! reported-speech word) or must continue the quotation of the sentence before
//! (free indirect speech, a quotation spanning sentences). A sentence with none
//! of them is labelled `O` without running the tagger, which on such sentences
//! almost never labels anything else.
//!
//! A reporting verb alone is a weak sign when the sentence is one clause and
//! the verb a weak cue (`zeigte`, `gab`, `führt`): content there would be
//! reported speech, which a weak cue hardly ever carries. In 4-fold
//! cross-validation on `train.jsonl` skipping these sentences lost no
//! quotation and dropped a few false ones (Joint 0.6948 → 0.6950); on the
//! gnad articles it skips 5 % more of the tokens.

use super::context::Context;

/// Highest cue score of a weak reporting verb (see the module documentation).
const WEAK_CUE: u8 = 4;

/// Whether sentence `si` shows no sign of quotation content in itself: the
/// content tagger need not run on it unless the sentence before holds content.
pub fn is_plain(ctx: &Context, si: usize) -> bool {
    let s = &ctx.sentences[si];
    let toks = &ctx.tokens[s.start..s.end];
    // One clause: no clause punctuation before the final token.
    let one_clause = !toks[..toks.len().saturating_sub(1)]
        .iter()
        .any(|t| t.clause_punct);
    let weak_verb = one_clause
        && s.first_cue
            .is_none_or(|c| ctx.tokens[c].cue_score <= WEAK_CUE);
    let signal = ((s.first_cue.is_some() || s.speech_verb.is_some()) && !weak_verb)
        || s.first_attr.is_some()
        || s.rep_anchor.is_some()
        || s.subj
        || s.soll
        || s.marks
        || s.colon_end;
    // Inside a quotation that opened in an earlier sentence: no mark of its own.
    let quoted = toks.iter().any(|t| t.depth > 0);
    // A colon at the end of the sentence before introduces this one.
    let introduced = si > 0 && ctx.sentences[si - 1].colon_end;
    !(signal || quoted || introduced)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::QuoteModels;

    fn plain(text: &str) -> Vec<bool> {
        let p = crate::Pipeline::builder()
            .quotes(false)
            .entities(false)
            .build()
            .unwrap();
        let doc = p.analyze(text);
        let models = QuoteModels::embedded().unwrap();
        let ctx = Context::new(&doc, &models.cues);
        (0..ctx.sentences.len())
            .map(|si| is_plain(&ctx, si))
            .collect()
    }

    #[test]
    fn report_is_plain_speech_is_not() {
        let text = "Der Zug fuhr um acht Uhr ab. Der Minister sagte, er komme später. \
                    „Wir sind bereit.“ Die Lage ist laut Polizei ernst.";
        assert_eq!(plain(text), [true, false, false, false]);
    }

    #[test]
    fn a_weak_cue_in_one_clause_is_plain() {
        let text =
            "Die Statistik zeigte einen Anstieg. Die Statistik zeigte, dass es mehr wurden. \
                    Der Minister sagte nichts dazu.";
        assert_eq!(plain(text), [true, false, false]);
    }

    #[test]
    fn cascade_keeps_the_labels_of_these_texts() {
        let p = crate::Pipeline::builder()
            .quotes(false)
            .entities(false)
            .build()
            .unwrap();
        let models = QuoteModels::embedded().unwrap();
        let doc = p.analyze(
            "Berlin (dpa) - Die Regierung tagte am Montag. Kanzler Scholz sagte, \
             man werde handeln. Die Opposition sei empört. Der Bundestag stimmt im März ab.",
        );
        let ctx = Context::new(&doc, &models.cues);
        assert_eq!(models.tag_content(&ctx), models.tag_content_all(&ctx));
    }
}
