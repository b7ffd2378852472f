//! Free indirect speech marked by reportative `sollen` the tagger left out.
//!
//! `Er soll den Anschlag geplant haben`, `Rund 800 Menschen sollen verletzt
//! worden sein`: `sollen` with a perfect infinitive can only mean "is said to
//! have" — an obligation cannot reach into the past — so German grammar makes
//! such a sentence a claim of someone else's, even without a reporting verb.
//! With a plain infinitive (`soll ab September geliefert werden`) it may be a
//! plan or an order instead; those are left to the tagger.
//!
//! The same holds for a subjunctive sentence right after a quotation: see
//! [`mark_subjunctive_continuations`].

use super::context::Context;
use super::labels::{kind_of, mark, type_index};
use crate::document::{Document, QuoteType};
use crate::lexicon::Subjunctive;
use std::borrow::Cow;

/// Marks sentences without content holding reportative `soll`/`sollen` with a
/// perfect infinitive at the end of its clause as free indirect speech.
pub fn mark_reportative_sollen(doc: &Document, ctx: &Context, content: &mut [usize]) {
    let kind = type_index(QuoteType::FreeIndirect);
    let lower = |i: usize| crate::lexicon::lowercase(doc.slice(doc.tokens[i].span));
    for s in &ctx.sentences {
        if !s.soll || content[s.start..s.end].iter().any(|&l| l != 0) {
            continue;
        }
        if doc.slice(doc.tokens[s.end - 1].span) == "?" {
            continue;
        }
        let perfect = (s.start..s.end).any(|i| {
            ctx.tokens[i].soll
                && ctx.tokens[i].depth == 0
                && matches!(&*lower(i), "soll" | "sollen")
                && perfect_infinitive_after(doc, ctx, i, s.end, &lower)
        });
        if perfect {
            mark(content, kind, s.start, s.end);
        }
    }
}

/// Marks sentences without content, in the subjunctive, right after a sentence
/// with content (within `reach` sentences) as continuing indirect speech:
/// German news reports speech in the subjunctive, and a subjunctive sentence
/// without a reporting verb of its own goes on with the last speaker
/// (`„…“, sagte er. Bei einer Pandemie sei mit Millionen Toten zu rechnen.`).
/// Sentences holding quotation marks are left to the tagger.
pub fn mark_subjunctive_continuations(
    doc: &Document,
    ctx: &Context,
    content: &mut [usize],
    reach: usize,
) {
    let kind = type_index(QuoteType::IndirectFreeIndirect);
    for (si, s) in ctx.sentences.iter().enumerate() {
        if !s.subj || s.marks || content[s.start..s.end].iter().any(|&l| l != 0) {
            continue;
        }
        if is_hypothetical(doc, ctx, s.start, s.end) {
            continue;
        }
        let after_content = (si.saturating_sub(reach)..si).any(|p| {
            let q = &ctx.sentences[p];
            content[q.start..q.end].iter().any(|&l| l != 0)
        });
        if after_content {
            mark(content, kind, s.start, s.end);
        }
    }
}

/// Clears continuations and free indirect speech the tagger found in
/// hypothetical sentences (see
/// [`is_hypothetical`]): the tagger sees a subjunctive after a quotation and
/// goes on with it, but `Im Falle einer Verurteilung würde ihm … drohen` is the
/// writer's conditional, not the speaker's claim.
pub fn drop_hypothetical_continuations(doc: &Document, ctx: &Context, content: &mut [usize]) {
    let kinds = [
        Some(type_index(QuoteType::IndirectFreeIndirect)),
        Some(type_index(QuoteType::FreeIndirect)),
    ];
    for s in &ctx.sentences {
        let labels = &content[s.start..s.end];
        if s.marks || labels.iter().all(|&l| l == 0) {
            continue;
        }
        if labels
            .iter()
            .all(|&l| l == 0 || kinds.contains(&kind_of(l)))
            && is_hypothetical(doc, ctx, s.start, s.end)
        {
            content[s.start..s.end].fill(0);
        }
    }
}

/// Whether a sentence's subjunctive is the hypothetical one (Konjunktiv II:
/// `Im Falle einer Verurteilung würde …`, `Das wäre der Anfang …`) rather than
/// the reporting one (Konjunktiv I: `sei`, `habe`, `könne`). Reported speech
/// uses Konjunktiv II only where Konjunktiv I looks like the indicative — in
/// the plural (`sie hätten`, `sie würden`) — so a sentence whose subjunctive
/// forms are all Konjunktiv II counts as hypothetical when one of them is
/// singular (`wäre`, `hätte`) or a conditional word says what it is for.
fn is_hypothetical(doc: &Document, ctx: &Context, start: usize, end: usize) -> bool {
    let mut conditional = false;
    let mut singular = false;
    for i in start..end {
        let lower = crate::lexicon::lowercase(doc.slice(doc.tokens[i].span));
        if ctx.tokens[i].subj == Subjunctive::Yes && !is_konjunktiv_2(&lower) {
            return false;
        }
        if ctx.tokens[i].subj == Subjunctive::Yes && !lower.ends_with('n') {
            singular = true;
        }
        conditional |= matches!(
            &*lower,
            "falls" | "wenn" | "falle" | "fall" | "sonst" | "ansonsten" | "andernfalls" | "dann"
        );
    }
    conditional || singular
}

/// Konjunktiv II forms of the subjunctive lexicon: the umlauted past stem
/// (`wäre`, `hätte`, `würde`, `könnte`, `gäbe`) — except the modals' Konjunktiv
/// I, which is umlauted too (`könne`, `müsse`, `dürfe`, `möge`).
fn is_konjunktiv_2(lower: &str) -> bool {
    const K1_MODALS: [&str; 4] = ["könn", "müss", "dürf", "mög"];
    let umlaut = lower.contains(['ä', 'ö', 'ü']);
    let k1_modal = K1_MODALS.iter().any(|m| {
        lower
            .strip_prefix(m)
            .is_some_and(|rest| !rest.starts_with('t'))
    });
    umlaut && !k1_modal
}

/// Whether the clause after token `i` ends in a participle and `haben`/`sein`
/// (`… getötet worden sein`, `… verteilt haben`).
fn perfect_infinitive_after<'d>(
    doc: &'d Document,
    ctx: &Context,
    i: usize,
    end: usize,
    lower: &impl Fn(usize) -> Cow<'d, str>,
) -> bool {
    // The infinitive closes the clause of `soll`, which an apposition may
    // interrupt (`Er soll am Freitag, dem 17. März, zwei Menschen eingeschleust
    // haben`): any clause end up to the sentence end can hold it.
    (i + 1..=end)
        .filter(|&k| {
            k == end
                || ctx.tokens[k].depth == 0
                    && matches!(doc.slice(doc.tokens[k].span), "," | ";" | ":" | "." | "!")
        })
        .any(|clause_end| {
            if clause_end < i + 3 {
                return false;
            }
            let aux = lower(clause_end - 1);
            let part = lower(clause_end - 2);
            matches!(&*aux, "sein" | "haben")
                && ctx.tokens[clause_end - 2].shape == 0
                && (part == "worden"
                    || part == "gewesen"
                    || part.starts_with("ge")
                    || part.contains("ge") && (part.ends_with('t') || part.ends_with("en")))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::rule_test::marked_texts;

    fn marked(text: &str) -> usize {
        marked_texts(text, mark_reportative_sollen).len()
    }

    #[test]
    fn sollen_with_a_perfect_infinitive_is_reported() {
        assert_eq!(marked("Rund 800 Menschen sollen verletzt worden sein."), 1);
        assert_eq!(marked("Er soll den Anschlag geplant haben."), 1);
        // An apposition before the infinitive does not hide it.
        assert_eq!(
            marked("Er soll am Freitag, dem 17. März, zwei Menschen eingeschleust haben."),
            1
        );
    }

    #[test]
    fn hypothetical_sentences_do_not_continue_a_quotation() {
        let (doc, ctx) = crate::quotes::rule_test::segmented(
            "Er sagte, er sei müde. Im Falle einer Niederlage wäre er weg. \
             Dann hätte er Zeit, sagte er, er werde ruhen.",
        );
        assert!(is_hypothetical(
            &doc,
            &ctx,
            ctx.sentences[1].start,
            ctx.sentences[1].end
        ));
        // Konjunktiv I (`werde`) reports speech even beside a conditional word.
        assert!(!is_hypothetical(
            &doc,
            &ctx,
            ctx.sentences[2].start,
            ctx.sentences[2].end
        ));
        let mut content = vec![0; doc.tokens.len()];
        let first = &ctx.sentences[0];
        mark(
            &mut content,
            type_index(QuoteType::Indirect),
            first.start + 3,
            first.end - 1,
        );
        let ifi = type_index(QuoteType::IndirectFreeIndirect);
        mark(
            &mut content,
            ifi,
            ctx.sentences[1].start,
            ctx.sentences[1].end,
        );
        drop_hypothetical_continuations(&doc, &ctx, &mut content);
        let s = &ctx.sentences[1];
        assert!(content[s.start..s.end].iter().all(|&l| l == 0));
        assert_ne!(content[first.start + 3], 0, "the indirect speech stays");
    }

    #[test]
    fn konjunktiv_2_forms() {
        for w in ["wäre", "hätten", "würde", "könnte", "müssten", "gäbe"] {
            assert!(is_konjunktiv_2(w), "{w}");
        }
        for w in ["sei", "habe", "könne", "müsse", "dürfe", "möge", "werde"] {
            assert!(!is_konjunktiv_2(w), "{w}");
        }
    }

    #[test]
    fn subjunctive_sentences_continue_the_quotation_before() {
        let (doc, ctx) = crate::quotes::rule_test::segmented(
            "Er sagte, er sei müde. Das Spiel sei verloren. Dann ging er. Alles sei gut.",
        );
        // The tagger's content: the first sentence's clause.
        let mut content = vec![0; doc.tokens.len()];
        let first = &ctx.sentences[0];
        let indirect = type_index(QuoteType::Indirect);
        mark(&mut content, indirect, first.start + 3, first.end - 1);
        mark_subjunctive_continuations(&doc, &ctx, &mut content, 1);
        let marked: Vec<usize> = (0..ctx.sentences.len())
            .filter(|&i| {
                content[ctx.sentences[i].start]
                    == super::super::labels::begin(type_index(QuoteType::IndirectFreeIndirect))
            })
            .collect();
        // The second sentence continues; the fourth is too far from any content.
        assert_eq!(marked, [1]);
    }

    #[test]
    fn plans_and_orders_are_not() {
        assert_eq!(marked("Das Gerät soll ab September geliefert werden."), 0);
        assert_eq!(marked("Du sollst nicht lügen."), 0);
    }
}
