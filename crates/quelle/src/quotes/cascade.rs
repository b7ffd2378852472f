//! Which sentences the content tagger can skip.
//!
//! Most sentences of news are plain report: no quotation mark, no word that
//! signals speech, no subjunctive. Quotation content needs one of these
//! signals in its own sentence (direct speech its marks, indirect speech its
//! subjunctive or reporting verb, reported speech its `sollen`, `laut` or
//! reported-speech word). A quotation continued from the sentence before has
//! one too: free indirect speech its subjunctive, a quotation spanning
//! sentences its open quotation mark. A sentence with none of them is labelled
//! `O` without running the tagger, which on such sentences almost never labels
//! anything else.
//!
//! A reporting verb alone is a weak sign when the sentence is one clause and
//! the verb a weak cue (`zeigte`, `gab`, `führt`): content there would be
//! reported speech, which a weak cue hardly ever carries. In 4-fold
//! cross-validation on `train.jsonl` skipping these sentences lost no
//! quotation and dropped a few false ones (Joint 0.6948 → 0.6950); on the
//! gnad articles it skips 5 % more of the tokens.
//!
//! In a longer sentence a weak cue, or a speech verb the cue table does not
//! know (`sagten`, `vermuten`), still needs a clause it can govern: a `dass`,
//! `ob` or `wie` clause or a `zu`-infinitive (`Fischer sagten, eine Explosion
//! gesichtet zu haben`). Without one the content the tagger found there was
//! mostly narrative (`schickte Kapitän Wisio den Ball … ins Netz`). A colon
//! is no sign by itself either: in `train.jsonl` the tagger labelled content
//! in almost none of the sentences whose only sign was a colon at their end or
//! at the end of the sentence before (a colon before direct speech comes with
//! quotation marks, which are a sign).
//! Both together: cross-validation Joint 0.6946 → 0.6949 with the same fold
//! models, dev 0.667 → 0.669, the tokens skipped on the gnad articles 38 % →
//! 53 %.
//!
//! A plain sentence is skipped even right after a sentence with content (until
//! then such a sentence was tagged, in case it continued the content): what
//! the tagger found there was mostly narrative (`Nach internationalen
//! Standards müssen …`), CV Joint 0.6949 → 0.6955, and 8 % more of gnad's
//! tokens are skipped.

use super::context::Context;

/// Highest cue score of a weak reporting verb (see the module documentation).
const WEAK_CUE: u8 = 4;

/// Whether sentence `si` shows no sign of quotation content: the content
/// tagger need not run on it.
pub fn is_plain(ctx: &Context, si: usize) -> bool {
    let s = &ctx.sentences[si];
    let toks = &ctx.tokens[s.start..s.end];
    // One clause: no clause punctuation before the final token.
    let one_clause = !toks[..toks.len().saturating_sub(1)]
        .iter()
        .any(|t| t.clause_punct);
    let strong_cue = s
        .first_cue
        .is_some_and(|c| ctx.tokens[c].cue_score > WEAK_CUE);
    let weak_cue = !strong_cue && (s.first_cue.is_some() || s.speech_verb.is_some());
    // A clause a weak cue can govern, in a sentence of more than one clause.
    let governs = !one_clause && toks.iter().any(|t| t.complementizer || t.zu_inf);
    let signal = strong_cue
        || (weak_cue && governs)
        || s.first_attr.is_some()
        || s.rep_anchor.is_some()
        || s.subj
        || s.soll
        || s.marks;
    // Inside a quotation that opened in an earlier sentence: no mark of its own.
    let quoted = toks.iter().any(|t| t.depth > 0);
    !(signal || quoted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::rule_test::segmented_with;
    use crate::quotes::QuoteModels;

    fn plain(text: &str) -> Vec<bool> {
        let models = QuoteModels::embedded().unwrap();
        let (_, ctx) = segmented_with(text, &models.cues);
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
    fn a_weak_cue_needs_a_clause_it_governs() {
        let text = "Die Statistik zeigte einen Anstieg, die Zahlen stiegen weiter. \
                    Fischer sagten, in der Region eine Explosion gesichtet zu haben. \
                    Der Trainer gab zu, dass die Mannschaft schlecht spielte.";
        assert_eq!(plain(text), [true, false, false]);
    }

    #[test]
    fn a_colon_alone_is_no_sign() {
        let text = "Die Bilanz des Tages:\n\nDrei Tore fielen, zwei davon vor der Pause.\n\n\
                    Der Trainer sagte:\n\n„Wir sind zufrieden.“";
        assert_eq!(plain(text), [true, true, false, false]);
    }

    #[test]
    fn a_plain_sentence_after_content_is_not_tagged() {
        let models = QuoteModels::embedded().unwrap();
        let (_, ctx) = segmented_with(
            "Der Minister sagte, er komme später. Der Zug fuhr um acht Uhr ab. \
             Er sei aber pünktlich gewesen.",
            &models.cues,
        );
        let labels = models.tag_content(&ctx);
        let s = &ctx.sentences;
        assert!(labels[s[0].start..s[0].end].iter().any(|&l| l != 0));
        assert!(is_plain(&ctx, 1) && !is_plain(&ctx, 2));
        assert!(labels[s[1].start..s[1].end].iter().all(|&l| l == 0));
    }

    #[test]
    fn cascade_keeps_the_labels_of_these_texts() {
        let models = QuoteModels::embedded().unwrap();
        let (_, ctx) = segmented_with(
            "Berlin (dpa) - Die Regierung tagte am Montag. Kanzler Scholz sagte, \
             man werde handeln. Die Opposition sei empört. Der Bundestag stimmt im März ab.",
            &models.cues,
        );
        assert_eq!(models.tag_content(&ctx), models.tag_content_all(&ctx));
    }
}
