//! A report confirmed by the next sentence: `Die FDP schließt eine
//! Ampelkoalition aus. Dies bestätigte der Parteivorsitzende Guido Westerwelle
//! am Abend.` The pronoun `Dies`/`Das` takes up the sentence before, which is
//! indirect speech; the next sentence (without the pronoun) is its frame.
//!
//! The content tagger sees one sentence at a time and the sentence before has
//! no sign of speech of its own, so it is left without content. On 4-fold
//! cross-validation over gnqa `train.jsonl` a sentence opened by `Dies`/`Das`,
//! a finite reporting verb and a speaker follows 21 content-less sentences
//! annotated as indirect speech, and 4 that are not (`Das geht aus dem Urteil
//! hervor`, `Dies geht darauf zurück`); the rule asks for a verb the cue table
//! scores as a cue, which leaves out `geht`. The role tagger rarely tags the
//! frame of such a sentence, so [`confirming_roles`] names cue, speaker and
//! frame by rule. Cross-validated Joint F1 0.6886 → 0.6917; a time adverb
//! between verb and speaker (`Das erklärte gestern ein Sprecher`) 0.6920 → 0.6922.

use super::context::{trim_end, Context};
use super::labels::{mark, type_index};
use crate::document::{Document, QuoteType, TokenKind};

/// Whether sentence `si` opens with `Dies`/`Das`, a reporting verb (a speech
/// verb the cue table scores as a cue) and a speaker (an article, a possessive
/// or a capitalised word): `Dies bestätigte der Vatikan.`
pub fn confirms_previous(doc: &Document, ctx: &Context, si: usize) -> bool {
    let s = &ctx.sentences[si];
    if si == 0 || s.end - s.start < 4 {
        return false;
    }
    let text = |i: usize| doc.slice(doc.tokens[i].span);
    let (pronoun, verb) = (s.start, s.start + 1);
    // The pronoun first: this is asked of every sentence, few open with it.
    if !matches!(text(pronoun), "Dies" | "Das") {
        return false;
    }
    let next = speaker_start(doc, s.start + 2, s.end);
    let v = &ctx.tokens[verb];
    let word = text(next);
    let speaker = doc.tokens[next].kind == TokenKind::Word
        && (word.chars().next().is_some_and(char::is_uppercase)
            || matches!(
                word,
                "der" | "die" | "das" | "ein" | "eine" | "sein" | "seine" | "ihr" | "ihre"
            ));
    ctx.tokens[pronoun].depth == 0
        && v.shape == 0
        && v.cue_lemma.is_some()
        && v.cue_score >= 2
        && speaker
}

/// Where the speaker after the verb starts: past one time adverb (`Das
/// erklärte gestern ein Sprecher`).
pub(super) fn speaker_start(doc: &Document, at: usize, end: usize) -> usize {
    let adverb = matches!(
        doc.slice(doc.tokens[at].span),
        "gestern" | "heute" | "nun" | "jetzt" | "inzwischen" | "bereits" | "später" | "zudem"
    );
    if adverb && at + 1 < end {
        at + 1
    } else {
        at
    }
}

/// Separated particles that close a reporting clause (`teilte … mit`, `gab … bekannt`).
fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "mit" | "bekannt" | "an" | "zu" | "hervor" | "fest" | "vor" | "ein"
    )
}

/// Cue, speaker and frame of a confirming sentence `si` ([`confirms_previous`]):
/// the verb (with a separated particle at the end), the noun phrase after it
/// (articles, adjectives, capitalised words and a genitive: `ein Sprecher des
/// britischen Umweltministeriums`), and the sentence from the verb on.
pub fn confirming_roles(doc: &Document, ctx: &Context, si: usize) -> Roles {
    let s = &ctx.sentences[si];
    let text = |i: usize| doc.slice(doc.tokens[i].span);
    let verb = s.start + 1;
    let end = trim_end(doc, verb + 1, s.end, &[".", "!"]);
    let mut cue = vec![(verb, verb + 1)];
    if end > verb + 2 && is_particle(text(end - 1)) {
        cue.push((end - 1, end));
    }
    let capitalised = |i: usize| matches!(ctx.tokens[i].shape, 1..=3);
    let article = |w: &str| {
        matches!(
            w,
            "der"
                | "die"
                | "das"
                | "des"
                | "ein"
                | "eine"
                | "eines"
                | "einer"
                | "sein"
                | "seine"
                | "ihr"
                | "ihre"
        )
    };
    let first = speaker_start(doc, verb + 1, end);
    let mut k = first;
    let mut after_article = false;
    while k < end {
        let w = text(k);
        if article(w) {
            after_article = true;
        } else if capitalised(k) || ctx.tokens[k].depth > 0 || ctx.tokens[k].shape == 5 {
            after_article = false;
        } else if after_article && k + 1 < end && capitalised(k + 1) {
            // An adjective between an article and its noun.
        } else {
            break;
        }
        k += 1;
    }
    Roles {
        cue,
        speaker: (k > first).then_some((first, k)),
        frame: (verb, end),
    }
}

/// Roles found by rule for a confirming sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Roles {
    /// Cue chunks (token ranges).
    pub cue: Vec<(usize, usize)>,
    /// Speaker chunk.
    pub speaker: Option<(usize, usize)>,
    /// Frame range.
    pub frame: (usize, usize),
}

/// Marks a content-less sentence as indirect speech when the next sentence
/// confirms it ([`confirms_previous`]) and holds no content either.
pub fn mark_confirmed_reports(doc: &Document, ctx: &Context, content: &mut [usize]) {
    let indirect = type_index(QuoteType::Indirect);
    for si in 1..ctx.sentences.len() {
        let (prev, s) = (&ctx.sentences[si - 1], &ctx.sentences[si]);
        let empty = |a: usize, b: usize| content[a..b].iter().all(|&l| l == 0);
        if !empty(prev.start, s.end) || !confirms_previous(doc, ctx, si) {
            continue;
        }
        let end = trim_end(doc, prev.start, prev.end, &[".", "!"]);
        let question = doc.slice(doc.tokens[prev.end - 1].span) == "?";
        if end >= prev.start + 3 && !question && ctx.tokens[prev.start].depth == 0 {
            mark(content, indirect, prev.start, end);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::rule_test::{marked_texts_cued, segmented};

    fn marked(text: &str) -> Vec<String> {
        marked_texts_cued(text, mark_confirmed_reports)
    }

    #[test]
    fn a_confirmed_sentence_is_indirect_speech() {
        assert_eq!(
            marked("Die FDP schließt eine Ampel aus. Dies bestätigte der Parteichef am Abend."),
            ["Die FDP schließt eine Ampel aus"]
        );
        assert_eq!(
            marked("Der Papst tritt zurück. Das teilte ein Sprecher des Vatikans mit."),
            ["Der Papst tritt zurück"]
        );
        assert_eq!(
            marked(
                "Die Enten waren infiziert. Das erklärte gestern ein Sprecher des Ministeriums."
            ),
            ["Die Enten waren infiziert"]
        );
    }

    #[test]
    fn roles_of_a_confirming_sentence() {
        let (doc, ctx) =
            segmented("Der Papst tritt zurück. Das teilte ein Sprecher des Vatikans heute mit.");
        let r = confirming_roles(&doc, &ctx, 1);
        let t = |(a, b): (usize, usize)| {
            doc.text()[doc.tokens[a].span.start..doc.tokens[b - 1].span.end].to_owned()
        };
        let cues: Vec<String> = r.cue.iter().map(|&c| t(c)).collect();
        assert_eq!(cues, ["teilte", "mit"]);
        assert_eq!(t(r.speaker.unwrap()), "ein Sprecher des Vatikans");
        assert_eq!(t(r.frame), "teilte ein Sprecher des Vatikans heute mit");
    }

    #[test]
    fn other_pronoun_sentences_confirm_nothing() {
        assert!(
            marked("Die FDP schließt eine Ampel aus. Dies geht aus dem Urteil hervor.").is_empty()
        );
        assert!(marked("Die FDP schließt eine Ampel aus. Das Haus steht leer.").is_empty());
        assert!(marked("Wer regiert? Dies bestätigte der Parteichef am Abend.").is_empty());
    }
}
