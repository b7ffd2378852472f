//! Reported speech the tagger left out: a sentence whose main verb is a speech
//! act with an object instead of a clause (`Putin kündigte ein neues
//! „Grundlagendokument“ an`, `Beide Länder haben eine solche Kooperation
//! bestritten`, `Kim sicherte Russland „volle Unterstützung“ zu`, `Insider
//! vermuten Gespräche über …`).
//!
//! The gnqa annotation takes the whole sentence as the content of such a
//! quotation (speaker and verb included) and leaves the cue empty; the role
//! tagger, trained on those annotations, then finds the speaker inside it.
//!
//! Only verbs whose object is itself what was said count, and only where German
//! grammar makes the reading safe: the verb heads a main clause (not a relative
//! or subordinate one), is active, and the sentence is not a question and holds
//! no `dass` clause (that would be indirect speech, left to the tagger). The
//! verb list was chosen by meaning and checked on `train.jsonl`: verbs such as
//! `kritisieren` or `begrüßen`, which annotators there mostly read as actions,
//! are not in it.

use super::context::Context;
use super::labels::{mark, type_index, RoleKind, ROLE_KINDS};
use crate::document::{Document, QuoteType};
use crate::lexicon;
use std::borrow::Cow;

/// What a speech-act verb needs around it to be read as one.
#[derive(Debug, Clone, Copy)]
enum Needs {
    /// Nothing more.
    Nothing,
    /// Its separated particle at the end of the clause (`kündigte … an`).
    Particle(&'static str),
    /// A preposition somewhere after it in the clause (`sprach von`, `bezeichnete … als`).
    Word(&'static str),
}

/// Speech-act verbs (lemma as in the verb lexicon) and what they need.
const ACTS: &[(&str, Needs)] = &[
    ("fordern", Needs::Nothing),
    ("verlangen", Needs::Nothing),
    ("ankündigen", Needs::Nothing),
    ("kündigen", Needs::Particle("an")),
    ("zusichern", Needs::Nothing),
    ("sichern", Needs::Particle("zu")),
    ("bestreiten", Needs::Nothing),
    ("dementieren", Needs::Nothing),
    ("zurückweisen", Needs::Nothing),
    ("weisen", Needs::Particle("zurück")),
    ("vorwerfen", Needs::Nothing),
    ("werfen", Needs::Particle("vor")),
    ("warnen", Needs::Nothing),
    ("vermuten", Needs::Nothing),
    ("befürchten", Needs::Nothing),
    ("sprechen", Needs::Word("von")),
    ("bezeichnen", Needs::Word("als")),
    ("verweisen", Needs::Word("auf")),
    // `Die Polizei geht von Suizid aus` (thought).
    ("gehen", Needs::Particle("aus")),
    ("ausgehen", Needs::Word("von")),
];

/// Speech-act verbs outside the verb lexicon, by stem of their forms, and what they need.
const STEMS: &[(&str, Needs)] = &[
    // `bezifferte den Schaden auf …`
    ("beziffer", Needs::Word("auf")),
    // `plädiert für …`
    ("plädier", Needs::Word("für")),
];

/// Conjunctions that open a subordinate or infinitive clause, wherever it stands.
fn is_subordinator(lower: &str) -> bool {
    matches!(
        lower,
        "dass"
            | "daß"
            | "ob"
            | "weil"
            | "wenn"
            | "als"
            | "nachdem"
            | "bevor"
            | "während"
            | "obwohl"
            | "da"
            | "damit"
            | "um"
            | "wo"
            | "wie"
            | "falls"
            | "sofern"
            | "seit"
            | "seitdem"
            | "indem"
            | "sobald"
    )
}

/// Pronouns that open a relative or dependent clause after a comma.
fn is_relative(lower: &str) -> bool {
    matches!(
        lower,
        "der"
            | "die"
            | "das"
            | "dem"
            | "den"
            | "deren"
            | "dessen"
            | "denen"
            | "welche"
            | "welcher"
            | "welches"
            | "welchen"
            | "was"
            | "wer"
    )
}

/// Modal verbs: with one, the speech act is intended or possible, not made.
fn is_modal(lower: &str) -> bool {
    matches!(
        lower,
        "will"
            | "wollen"
            | "wollte"
            | "wollten"
            | "muss"
            | "müssen"
            | "musste"
            | "mussten"
            | "kann"
            | "können"
            | "konnte"
            | "konnten"
            | "könnte"
            | "könnten"
            | "möchte"
            | "möchten"
            | "darf"
            | "dürfen"
            | "durfte"
    )
}

/// Forms of `sein` that make a final participle a state passive (`sind … angekündigt`).
fn is_sein(lower: &str) -> bool {
    matches!(lower, "ist" | "sind" | "war" | "waren" | "sei" | "seien")
}

/// Objects that make `fordern` mean "cost" (`forderte 92 Menschenleben`), not "demand".
fn is_toll(lower: &str) -> bool {
    matches!(
        lower,
        "todesopfer" | "menschenleben" | "opfer" | "tote" | "toten" | "leben" | "verletzte"
    )
}

/// Forms of `werden` that make a participle passive.
fn is_werden(lower: &str) -> bool {
    matches!(
        lower,
        "wird" | "werden" | "wurde" | "wurden" | "worden" | "würde" | "würden" | "werde"
    )
}

/// A sentence marked as reported speech by [`mark_reported_speech_acts`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Act {
    /// Index of the sentence.
    pub sentence: usize,
    /// The speech-act verb (token index).
    pub verb: usize,
}

/// Marks sentences without content whose main verb is a speech act with an
/// object as reported speech (the whole sentence, as gnqa annotates it), and
/// returns them.
pub fn mark_reported_speech_acts(doc: &Document, ctx: &Context, content: &mut [usize]) -> Vec<Act> {
    let reported = type_index(QuoteType::Reported);
    let mut acts = Vec::new();
    for s in &ctx.sentences {
        if s.end < s.start + 4 || content[s.start..s.end].iter().any(|&l| l != 0) {
            continue;
        }
        let lower = |i: usize| crate::lexicon::lowercase(doc.slice(doc.tokens[i].span));
        let last = doc.slice(doc.tokens[s.end - 1].span);
        if last == "?" || last == ":" {
            continue;
        }
        let is_dass = |i: usize| {
            ctx.tokens[i].complementizer
                && matches!(
                    doc.slice(doc.tokens[i].span),
                    "dass" | "Dass" | "daß" | "Daß"
                )
        };
        if (s.start..s.end).any(is_dass) {
            continue;
        }
        if let Some(verb) =
            (s.start..s.end).find(|&i| speech_act_at(doc, ctx, s.start, s.end, i, &lower))
        {
            mark(content, reported, s.start, s.end);
            acts.push(Act {
                sentence: ctx.tokens[s.start].sentence,
                verb,
            });
        }
    }
    acts
}

/// Words that open a German main clause without being its subject: prepositions
/// and adverbs in the first position push the subject behind the finite verb
/// (`Bei dem Treffen kündigte Putin … an`).
fn opens_prefield(lower: &str) -> bool {
    matches!(
        lower,
        "bei"
            | "bereits"
            | "zudem"
            | "in"
            | "im"
            | "am"
            | "an"
            | "auf"
            | "nach"
            | "vor"
            | "mit"
            | "für"
            | "auch"
            | "dann"
            | "nun"
            | "jetzt"
            | "heute"
            | "gestern"
            | "damals"
            | "zuletzt"
            | "später"
            | "außerdem"
            | "ebenfalls"
            | "inzwischen"
            | "unterdessen"
            | "daraufhin"
            | "zuvor"
            | "erst"
            | "schon"
            | "so"
            | "deshalb"
            | "daher"
            | "trotzdem"
            | "dennoch"
            | "allerdings"
            | "jedoch"
            | "gleichzeitig"
            | "zugleich"
            | "über"
            | "gegen"
            | "seit"
            | "während"
            | "wegen"
            | "angesichts"
            | "noch"
            | "zunächst"
            | "anschließend"
            | "vergangene"
            | "vergangenen"
            | "darin"
            | "darauf"
            | "dabei"
            | "hierbei"
            | "hier"
            | "dort"
            | "ferner"
    )
}

/// Auxiliaries that carry the finite position for a participle (`hatte … zugesichert`).
fn is_auxiliary(lower: &str) -> bool {
    matches!(
        lower,
        "hat" | "hatte" | "haben" | "hatten" | "hätte" | "hätten" | "habe"
    )
}

/// Determiners that open a noun phrase.
fn is_determiner(lower: &str) -> bool {
    matches!(
        lower,
        "der"
            | "die"
            | "das"
            | "ein"
            | "eine"
            | "sein"
            | "seine"
            | "ihr"
            | "ihre"
            | "beide"
            | "alle"
            | "mehrere"
            | "viele"
            | "einige"
            | "zahlreiche"
    )
}

/// Gives each reported speech act whose sentence has no speaker from the role
/// tagger the subject behind its finite verb, where the clause opens with a
/// preposition or adverb: German word order then puts the subject right after
/// the finite verb (`Bei dem Treffen kündigte Putin …`, `Bereits vor seinem
/// Besuch hatte Putin …`). Verbs with a dative addressee (`sicherte Russland …
/// zu`, `warf der SPD … vor`) get the noun phrase after subject and finite verb
/// as addressee when the tagger found none. Otherwise a noun phrase right
/// before the finite verb is the subject (`Linke Gruppen hatten … angekündigt`).
pub fn add_subjects(doc: &Document, ctx: &Context, acts: &[Act], roles: &mut [usize]) {
    let kind = |k: RoleKind| ROLE_KINDS.iter().position(|&x| x == k).expect("a role");
    let (speaker, addressee) = (kind(RoleKind::Speaker), kind(RoleKind::Addressee));
    let lower = |i: usize| crate::lexicon::lowercase(doc.slice(doc.tokens[i].span));
    for a in acts {
        let s = &ctx.sentences[a.sentence];
        let has = |roles: &[usize], k: usize| {
            roles[s.start..s.end]
                .iter()
                .any(|&l| super::labels::kind_of(l) == Some(k))
        };
        let Some(finite) = (s.start + 1..=a.verb).find(|&k| k == a.verb || is_auxiliary(&lower(k)))
        else {
            continue;
        };
        let mut next = finite + 1;
        if opens_prefield(&lower(s.start)) {
            let Some((b, e)) = noun_phrase_at(doc, ctx, next, s.end, &lower) else {
                continue;
            };
            if !has(roles, speaker) {
                mark(roles, speaker, b, e);
            }
            next = e;
        } else if !has(roles, speaker) {
            // A noun phrase right before the finite verb fills the first
            // position, where the subject stands when nothing else is put first.
            if let Some((b, e)) = noun_phrase_at(doc, ctx, s.start, finite, &lower) {
                if e == finite {
                    mark(roles, speaker, b, e);
                }
            }
        }
        let dative = lexicon::cue_verb_lemma(&lower(a.verb))
            .is_some_and(|l| matches!(l, "zusichern" | "sichern" | "vorwerfen" | "werfen"));
        // The addressee stands between finite verb (and subject) and participle,
        // or right after a finite speech-act verb.
        let stop = if finite == a.verb { s.end } else { a.verb };
        if dative && !has(roles, addressee) && next < stop {
            if let Some((b, e)) = noun_phrase_at(doc, ctx, next, stop, &lower) {
                mark(roles, addressee, b, e);
            }
        }
    }
}

/// The subject of sentence `si` when the sentence opens with a noun phrase
/// followed by a word that is often a cue (`Lammert würdigte die Bundeswehr als
/// …`): a continuation in the subjunctive right after it (`Die Bundeswehr sei
/// …`) reports what that subject said, although the sentence itself holds no
/// quotation.
pub fn speaking_subject(doc: &Document, ctx: &Context, si: usize) -> Option<(usize, usize)> {
    let s = &ctx.sentences[si];
    let lower = |i: usize| crate::lexicon::lowercase(doc.slice(doc.tokens[i].span));
    if opens_prefield(&lower(s.start)) {
        return None;
    }
    let (b, e) = noun_phrase_at(doc, ctx, s.start, s.end, &lower)?;
    if e >= s.end {
        return None;
    }
    let verb = &ctx.tokens[e];
    (verb.shape == 0 && (verb.cue_lemma.is_some() || verb.cue_score >= MIN_SUBJECT_CUE_SCORE))
        .then_some((b, e))
}

/// Lowest cue score of the verb after a sentence's first noun phrase for
/// [`speaking_subject`].
const MIN_SUBJECT_CUE_SCORE: u8 = 2;

/// The noun phrase starting at token `k` (before `end`): a pronoun, a run of
/// capitalised words (stopping before a genitive that opens the next phrase:
/// `Putin | Nordkoreas Führung`), or a determiner with adjectives and nouns.
fn noun_phrase_at<'d>(
    doc: &'d Document,
    ctx: &Context,
    k: usize,
    end: usize,
    lower: &impl Fn(usize) -> Cow<'d, str>,
) -> Option<(usize, usize)> {
    if k >= end || ctx.tokens[k].depth > 0 {
        return None;
    }
    let first = lower(k);
    if matches!(&*first, "er" | "sie") {
        return Some((k, k + 1));
    }
    let mut i = k;
    if is_determiner(&first) {
        i += 1;
        while i < end && ctx.tokens[i].shape == 0 && !is_determiner(&lower(i)) {
            i += 1;
        }
    }
    let nouns = i;
    // After a determiner one noun is the head (`dem Ministerpräsidenten | Wortbruch`);
    // without one, a name may run over several words.
    let max = if nouns > k { i + 1 } else { k + 6 };
    while i < end && i < max && matches!(ctx.tokens[i].shape, 1 | 2) {
        let w = doc.slice(doc.tokens[i].span);
        let next_cap = i + 1 < end && matches!(ctx.tokens[i + 1].shape, 1 | 2);
        if i > nouns && w.ends_with('s') && next_cap {
            break;
        }
        i += 1;
    }
    (i > nouns).then_some((k, i))
}

/// Whether token `i` of the sentence `[start, end)` is a speech-act verb heading a main clause.
fn speech_act_at<'d>(
    doc: &'d Document,
    ctx: &Context,
    start: usize,
    end: usize,
    i: usize,
    lower: &impl Fn(usize) -> Cow<'d, str>,
) -> bool {
    let t = &ctx.tokens[i];
    // Verbs are lowercase and outside quotation marks; most words are neither
    // in the verb lexicon nor start like a listed stem, and are passed over here.
    let raw = doc.slice(doc.tokens[i].span);
    if t.depth > 0
        || t.shape != 0
        || t.cue_lemma.is_none() && !STEMS.iter().any(|(stem, _)| raw.starts_with(stem))
    {
        return false;
    }
    let form = lower(i);
    let known = lexicon::cue_verb_lemma(&form)
        .and_then(|lemma| ACTS.iter().find(|(l, _)| *l == lemma))
        .or_else(|| STEMS.iter().find(|(stem, _)| form.starts_with(stem)));
    let Some(&(lemma, needs)) = known else {
        return false;
    };
    // The clause around the verb: between clause punctuation (or quotation marks'
    // edges do not matter: a partial quotation is part of the clause).
    let is_bound = |k: usize| {
        ctx.tokens[k].depth == 0 && matches!(doc.slice(doc.tokens[k].span), "," | ";" | ":")
    };
    let clause_start = (start..i)
        .rev()
        .find(|&k| is_bound(k))
        .map_or(start, |k| k + 1);
    let clause_end = (i + 1..end).find(|&k| is_bound(k)).unwrap_or(end);
    let first = lower(clause_start);
    if is_subordinator(&first) || clause_start > start && is_relative(&first) {
        return false;
    }
    let in_clause = |f: &dyn Fn(&str) -> bool| (clause_start..clause_end).any(|k| f(&lower(k)));
    // A passive (`wurde gefordert`, `sind für Montag angekündigt`) names no
    // speaker, and a modal (`wollte … verlangen`) reports no act.
    if in_clause(&is_werden) || in_clause(&is_modal) {
        return false;
    }
    let mut last = clause_end;
    while last > i + 1 && matches!(doc.slice(doc.tokens[last - 1].span), "." | "!") {
        last -= 1;
    }
    let last_word = (last > i + 1 && ctx.tokens[last - 1].depth == 0).then(|| lower(last - 1));
    if last == i + 1 && in_clause(&is_sein) {
        return false;
    }
    match lemma {
        // `forderte 92 Menschenleben`; `forderte die Nationalgarde an`.
        "fordern" if in_clause(&is_toll) || last_word.as_deref() == Some("an") => return false,
        // `sprach sich für … aus`, `sprachen ihn … frei`.
        "sprechen" if matches!(last_word.as_deref(), Some("aus" | "frei" | "ab" | "zu")) => {
            return false
        }
        _ => {}
    }
    // An infinitive after `zu` or a modal without a subject of its own is not reported speech here.
    if i > clause_start && lower(i - 1) == "zu" {
        return false;
    }
    match needs {
        Needs::Nothing => true,
        // The particle closes the clause (before its final punctuation).
        Needs::Particle(p) => last_word.as_deref() == Some(p),
        Needs::Word(w) => (i + 1..clause_end).any(|k| {
            let x = lower(k);
            ctx.tokens[k].depth == 0 && (x == w || w == "von" && x == "vom")
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::rule_test::marked_texts;

    fn marked(text: &str) -> Vec<String> {
        marked_texts(text, |doc, ctx, content| {
            mark_reported_speech_acts(doc, ctx, content);
        })
    }

    #[test]
    fn speech_acts_with_objects_are_reported() {
        let got = marked(
            "Bei dem Treffen kündigte Putin ein neues „Grundlagendokument“ an. \
             Beide Länder haben eine solche Kooperation bestritten. \
             Kim sicherte Russland „volle Unterstützung“ zu. \
             Die Gewerkschaft fordert höhere Löhne.",
        );
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(got[1].starts_with("Beide Länder"));
    }

    #[test]
    fn subjects_in_first_position_and_after_the_verb() {
        let (doc, ctx) = crate::quotes::rule_test::segmented(
            "Linke Gruppen hatten ihren Protest angekündigt. \
             Bei dem Treffen kündigte Putin ein Dokument an.",
        );
        let mut content = vec![0; doc.tokens.len()];
        let acts = mark_reported_speech_acts(&doc, &ctx, &mut content);
        let mut roles = vec![0; doc.tokens.len()];
        add_subjects(&doc, &ctx, &acts, &mut roles);
        let speakers: Vec<String> = super::super::assemble::chunks(&roles)
            .iter()
            .map(|c| {
                let (a, b) = (
                    doc.tokens[c.start].span.start,
                    doc.tokens[c.end - 1].span.end,
                );
                doc.text()[a..b].to_owned()
            })
            .collect();
        assert_eq!(speakers, ["Linke Gruppen", "Putin"]);
    }

    #[test]
    fn a_speaking_subject_opens_its_sentence() {
        let (doc, ctx) = crate::quotes::rule_test::segmented(
            "Lammert sagte nichts weiter. Bei dem Treffen sagte Putin nichts.",
        );
        let np = speaking_subject(&doc, &ctx, 0).map(|(b, e)| {
            doc.text()[doc.tokens[b].span.start..doc.tokens[e - 1].span.end].to_owned()
        });
        assert_eq!(np.as_deref(), Some("Lammert"));
        // A prepositional phrase first: the subject is not in first position.
        assert_eq!(speaking_subject(&doc, &ctx, 1), None);
    }

    #[test]
    fn narrative_passive_relative_and_clauses_are_not() {
        let got = marked(
            "Kim hatte Putin persönlich am Flughafen empfangen. \
             Höhere Löhne wurden gefordert. \
             Es gibt Forderungen, die niemand bestritten hat. \
             Er sagte, dass er mehr Geld fordert. \
             Fordert er mehr Geld? \
             Er sicherte die Tür zu einem Raum. \
             Weitere Aktionen sind für Montag angekündigt. \
             Das Unternehmen wollte das Doppelte verlangen. \
             In Vietnam forderte der Sturm 92 Menschenleben. \
             Nachdem er den Rücktritt gefordert hatte, ging er. \
             Stoiber sprach sich für einen Kompromiss von Union und SPD aus.",
        );
        assert!(got.is_empty(), "{got:?}");
    }
}
