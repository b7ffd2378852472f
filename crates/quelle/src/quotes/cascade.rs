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

use super::context::Context;

/// Whether sentence `si` shows no sign of quotation content in itself: the
/// content tagger need not run on it unless the sentence before holds content.
pub fn is_plain(ctx: &Context, si: usize) -> bool {
    let s = &ctx.sentences[si];
    let signal = s.first_cue.is_some()
        || s.speech_verb.is_some()
        || s.first_attr.is_some()
        || s.rep_anchor.is_some()
        || s.subj
        || s.soll
        || s.marks
        || s.colon_end;
    // Inside a quotation that opened in an earlier sentence: no mark of its own.
    let quoted = ctx.tokens[s.start..s.end].iter().any(|t| t.depth > 0);
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
