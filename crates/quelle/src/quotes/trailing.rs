//! A trailing `…, so X.` is a reporting clause of its own.
//!
//! `Der Iran müsse den Anreicherungsprozess beenden, so Rice.` is indirect
//! speech with the cue `so` and the speaker `Rice`, not a continuation of the
//! quotation before it. The content tagger and the continuation rule tend to
//! take the whole sentence, `so Rice` included, as a continuation; then the
//! role tagger finds no cue in it. In gnqa `train.jsonl` such sentences are
//! annotated as indirect speech whose content ends before the comma, so the
//! content is cut there and typed as indirect speech. A sentence of this shape
//! that nothing marked becomes indirect speech too, in the indicative as well
//! (`Zwei Drittel der Methoden sind unwirksam, so das Ergebnis einer Studie.`).
//!
//! A trailing reporting clause opened by its verb (`Der Umsatz wird 278
//! Millionen Euro betragen, teilte das Unternehmen mit.`) makes the main
//! clause before it indirect speech in the same way ([`mark_trailing_verb`]).
//!
//! On 4-fold cross-validation over gnqa `train.jsonl` the two additions for
//! unmarked sentences (indicative `so`, verb-first clause) add 13 quotations,
//! all indirect speech in the gold: Joint F1 0.6861 → 0.6886; a `das` before
//! the verb and an apposition after the speaker (`…, das teilte später der
//! Direktor, Bagus Puruhito, mit`) 0.6922 → 0.6926.

use super::assemble::chunks;
use super::context::Context;
use super::labels::{mark, type_index};
use crate::document::{Document, QuoteType, TokenKind};

/// Whether token `i` may open the speaker of a trailing reporting clause: a
/// capitalised word (a name or a noun), an article or a possessive.
fn opens_speaker(doc: &Document, i: usize) -> bool {
    let word = doc.slice(doc.tokens[i].span);
    let capital = doc.tokens[i].kind == TokenKind::Word
        && word.chars().next().is_some_and(char::is_uppercase);
    capital
        || matches!(
            word.to_lowercase().as_str(),
            "der" | "die" | "das" | "ein" | "eine" | "einer" | "sein" | "seine" | "ihr" | "ihre"
        )
}

/// The comma of a trailing `, so X` in tokens `start..end` (a sentence), if any:
/// the first comma outside quotation marks followed by `so` and a speaker (a
/// capitalised word or an article), not by `so dass`. The first, because the
/// speaker may have an apposition of its own (`, so Frank Karl, Leiter der
/// Abteilung`).
fn trailing_so(doc: &Document, ctx: &Context, start: usize, end: usize) -> Option<usize> {
    let text = |i: usize| doc.slice(doc.tokens[i].span);
    let comma = (start + 1..end.saturating_sub(2))
        .find(|&i| text(i) == "," && ctx.tokens[i].depth == 0 && text(i + 1) == "so")?;
    opens_speaker(doc, comma + 2).then_some(comma)
}

/// Cuts `, so X` off content chunks that run over it and types their part of
/// the sentence as indirect speech; marks an unmarked sentence of that shape
/// as indirect speech.
pub fn mark_trailing_so(doc: &Document, ctx: &Context, content: &mut [usize]) {
    let indirect = type_index(QuoteType::Indirect);
    let direct = type_index(QuoteType::Direct);
    for s in &ctx.sentences {
        let Some(comma) = trailing_so(doc, ctx, s.start, s.end) else {
            continue;
        };
        let before = &content[s.start..comma];
        let after = &content[comma..s.end];
        if before.iter().all(|&l| l == 0) {
            if after.iter().all(|&l| l == 0) {
                mark(content, indirect, s.start, comma);
            }
            continue;
        }
        // Only a chunk that runs on over the comma: content ending before it
        // (a direct quote followed by `, so X`) is already cut right.
        let Some(c) = chunks(content)
            .into_iter()
            .find(|c| c.start <= comma && comma < c.end)
        else {
            continue;
        };
        if c.kind == direct {
            continue;
        }
        content[comma..s.end].fill(0);
        if c.end > s.end {
            // The chunk went on into the next sentence: that part stays as it was.
            mark(content, c.kind, s.end, c.end);
        }
        let a = c.start.max(s.start);
        if a < comma {
            mark(content, indirect, a, comma);
        }
    }
}

/// Words opening a subordinate clause or an infinitive clause.
fn opens_subordinate(lower: &str) -> bool {
    matches!(
        lower,
        "wieso"
            | "weshalb"
            | "um"
            | "wenn"
            | "als"
            | "nachdem"
            | "obwohl"
            | "während"
            | "damit"
            | "bevor"
            | "seit"
            | "seitdem"
            | "sobald"
            | "falls"
            | "indem"
            | "ohne"
            | "statt"
    )
}

/// The comma of a trailing reporting clause opened by its finite verb
/// (`…, teilte das Unternehmen mit.`, `…, berichtete die Zeitung Sankei
/// Shimbun.`): the first comma outside quotation marks, followed by a speech
/// verb (after `das`/`dies`, if any) and a speaker (an article or a
/// capitalised word, after a time adverb, if any).
fn trailing_verb(doc: &Document, ctx: &Context, start: usize, end: usize) -> Option<usize> {
    let text = |i: usize| doc.slice(doc.tokens[i].span);
    // The first comma: the part before must be one main clause, with no comma
    // of its own (an apposition or a relative clause before a verb-second
    // verb: `Suha Arafat, die Witwe …, forderte`), and no subordinate opening
    // (`Um … zu`). Commas after it may set off the speaker's apposition.
    let comma =
        (start + 3..end.saturating_sub(2)).find(|&i| text(i) == "," && ctx.tokens[i].depth == 0)?;
    if (start..comma).any(|i| text(i) == ",")
        || ctx.tokens[start].complementizer
        || opens_subordinate(&text(start).to_lowercase())
    {
        return None;
    }
    // `…, das teilte das Institut mit.`
    let verb = if matches!(text(comma + 1), "das" | "dies") {
        comma + 2
    } else {
        comma + 1
    };
    if verb + 1 >= end {
        return None;
    }
    let t = &ctx.tokens[verb];
    if t.shape != 0 || t.cue_lemma.is_none() || t.cue_score < 2 {
        return None;
    }
    let next = super::anaphoric::speaker_start(doc, verb + 1, end);
    opens_speaker(doc, next).then_some(comma)
}

/// Marks the part before a trailing verb-first reporting clause as indirect
/// speech, in a sentence without content.
pub fn mark_trailing_verb(doc: &Document, ctx: &Context, content: &mut [usize]) {
    let indirect = type_index(QuoteType::Indirect);
    for s in &ctx.sentences {
        if content[s.start..s.end].iter().any(|&l| l != 0) {
            continue;
        }
        if let Some(comma) = trailing_verb(doc, ctx, s.start, s.end) {
            mark(content, indirect, s.start, comma);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs the rule on `text` after marking every sentence as a continuation.
    fn after_rule(text: &str, premark: bool) -> Vec<(QuoteType, String)> {
        let (doc, ctx) = crate::quotes::rule_test::segmented(text);
        let mut content = vec![0; doc.tokens.len()];
        if premark {
            let k = type_index(QuoteType::IndirectFreeIndirect);
            for s in &ctx.sentences {
                mark(&mut content, k, s.start, s.end);
            }
        }
        mark_trailing_so(&doc, &ctx, &mut content);
        crate::quotes::rule_test::chunk_texts(&doc, &content)
            .into_iter()
            .map(|(k, t)| (QuoteType::ALL[k], t))
            .collect()
    }

    #[test]
    fn a_trailing_so_cuts_a_continuation_into_indirect_speech() {
        assert_eq!(
            after_rule("Der Iran müsse den Prozess beenden, so Rice.", true),
            [(
                QuoteType::Indirect,
                "Der Iran müsse den Prozess beenden".to_owned()
            )]
        );
        assert_eq!(
            after_rule(
                "Das Gros handhabe es maßvoll, so Ursula Castrup, die Leiterin der Stelle.",
                true
            ),
            [(
                QuoteType::Indirect,
                "Das Gros handhabe es maßvoll".to_owned()
            )]
        );
    }

    #[test]
    fn an_unmarked_sentence_with_a_trailing_so_is_indirect_speech() {
        assert_eq!(
            after_rule("Die Lage sei ernst, so der Minister.", false),
            [(QuoteType::Indirect, "Die Lage sei ernst".to_owned())]
        );
        assert_eq!(
            after_rule("Die Lage ist ernst, so der Minister.", false),
            [(QuoteType::Indirect, "Die Lage ist ernst".to_owned())]
        );
        // `so dass` is a consequence, not a source.
        assert!(after_rule("Es regnete, so dass die Lage ernst sei.", false).is_empty());
    }

    #[test]
    fn a_trailing_verb_first_reporting_clause_reports_the_main_clause() {
        let marked =
            |text: &str| crate::quotes::rule_test::marked_texts_cued(text, mark_trailing_verb);
        assert_eq!(
            marked(
                "Der Umsatz wird 278 Millionen Euro betragen, teilte das Unternehmen mit. \
                 Suha Arafat, die Witwe, forderte Aufklärung. \
                 Um die Epidemie einzudämmen, forderte die WHO Impfungen. \
                 Die Kamera ist ausgefallen, das teilte später der Leiter, Bagus Puruhito, mit."
            ),
            [
                "Der Umsatz wird 278 Millionen Euro betragen",
                "Die Kamera ist ausgefallen"
            ]
        );
        // Without a cue score nothing is a reporting verb.
        let plain = crate::quotes::rule_test::marked_texts(
            "Der Umsatz steigt, teilte das Unternehmen mit.",
            mark_trailing_verb,
        );
        assert!(plain.is_empty());
    }
}
