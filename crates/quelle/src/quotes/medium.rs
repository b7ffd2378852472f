//! Medium classification: speech, writing, thought and their combinations.
//!
//! A linear classifier over the cue (word and lemma), the frame's words, the
//! quotation type and a few content words: `schrieb` → writing, `teilte mit`
//! → speech+writing, `gehen davon aus` → thought.

use super::assemble::Draft;
use super::context::Context;
use super::labels::type_index;
use crate::document::Medium;
use crate::model::hash::mix;

/// Features of a draft quotation for the medium classifier.
pub fn features(ctx: &Context, d: &Draft, out: &mut Vec<u64>) {
    out.clear();
    let t = type_index(d.kind) as u64;
    out.push(mix(201, 0));
    out.push(mix(202, t));
    for &(s, e) in &d.cue {
        for i in s..e {
            out.push(mix(203, ctx.tokens[i].lower));
            if let Some(l) = ctx.tokens[i].cue_lemma {
                out.push(mix(204, l));
            }
        }
    }
    if d.cue.is_empty() {
        out.push(mix(205, t));
    }
    if let Some((s, e)) = d.frame {
        // Only words that say something about the channel: cue verbs and a few nouns.
        for i in s..e {
            let t = &ctx.tokens[i];
            if let Some(l) = t.cue_lemma {
                out.push(mix(206, l));
            }
            if t.channel {
                out.push(mix(211, t.lower));
            }
        }
    }
    // Institutions tend to speak in writing, people in speech: the speaker's head word.
    if let Some((s, e)) = d.speaker {
        let head = (s..e)
            .rev()
            .find(|&i| ctx.tokens[i].shape <= 2)
            .unwrap_or(e - 1);
        out.push(mix(213, ctx.tokens[head].lower));
        if let Some(c) = ctx.tokens[head].cluster {
            out.push(mix(214, c & 0x3f));
        }
    }
    // Channel words of the sentence around the content: `schriftlich`, `Interview`, `Brief`.
    let (cs, _) = d.content[0];
    let s = &ctx.sentences[ctx.tokens[cs].sentence];
    for i in s.start..s.end {
        let t = &ctx.tokens[i];
        if t.channel {
            out.push(mix(210, t.lower));
        }
    }
}

/// The medium a draft's own words fix, whatever the classifier says: `schriftlich`
/// in its frame (or, for reported speech, outside quotation marks in its content)
/// means writing.
pub fn stated(doc: &crate::document::Document, ctx: &Context, d: &Draft) -> Option<Medium> {
    let frame = d.frame.into_iter().map(|(s, e)| s..e);
    let content = d
        .content
        .iter()
        .filter(|_| d.kind == crate::document::QuoteType::Reported)
        .map(|&(s, e)| s..e);
    frame
        .chain(content)
        .flatten()
        .filter(|&i| ctx.tokens[i].depth == 0)
        .any(|i| {
            crate::lexicon::lowercase(doc.slice(doc.tokens[i].span)).starts_with("schriftlich")
        })
        .then_some(Medium::Writing)
}

/// Label names of the medium classifier, in [`Medium::ALL`] order.
pub fn label_names() -> Vec<String> {
    Medium::ALL.iter().map(|m| m.as_str().to_owned()).collect()
}
