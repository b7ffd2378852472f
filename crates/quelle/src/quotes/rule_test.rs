//! Test support for the rules that add labels after the taggers.

use super::assemble::chunks;
use super::context::Context;
use super::cues::CueTable;
use super::labels::{mark, type_index};
use crate::document::{Document, QuoteType};

/// `text` segmented (without the quotation stage) and its context.
pub fn segmented(text: &str) -> (Document, Context) {
    segmented_with(text, &CueTable::default())
}

/// [`segmented`] with the cue scores of `cues` (e.g. the embedded models').
pub fn segmented_with(text: &str, cues: &CueTable) -> (Document, Context) {
    let doc = crate::Pipeline::builder()
        .quotes(false)
        .build()
        .unwrap()
        .analyze(text);
    let ctx = Context::new(&doc, cues);
    (doc, ctx)
}

/// The chunks of `content` as (kind index, text).
pub fn chunk_texts(doc: &Document, content: &[usize]) -> Vec<(usize, String)> {
    chunks(content)
        .iter()
        .map(|c| {
            let a = doc.tokens[c.start].span.start;
            let b = doc.tokens[c.end - 1].span.end;
            (c.kind, doc.text()[a..b].to_owned())
        })
        .collect()
}

/// The texts of the chunks `rule` marks in `text`, starting from all-`O` labels.
pub fn marked_texts(text: &str, rule: impl Fn(&Document, &Context, &mut [usize])) -> Vec<String> {
    let (doc, ctx) = segmented(text);
    texts_marked_in(&doc, &ctx, rule)
}

/// [`marked_texts`] with every speech verb of the lexicon scored as a cue (the
/// test context has no learned cue table), for rules that ask for cue verbs.
pub fn marked_texts_cued(
    text: &str,
    rule: impl Fn(&Document, &Context, &mut [usize]),
) -> Vec<String> {
    let (doc, mut ctx) = segmented(text);
    for t in &mut ctx.tokens {
        if t.cue_lemma.is_some() {
            t.cue_score = 5;
        }
    }
    texts_marked_in(&doc, &ctx, rule)
}

fn texts_marked_in(
    doc: &Document,
    ctx: &Context,
    rule: impl Fn(&Document, &Context, &mut [usize]),
) -> Vec<String> {
    let mut content = vec![0; doc.tokens.len()];
    rule(doc, ctx, &mut content);
    chunk_texts(doc, &content)
        .into_iter()
        .map(|(_, t)| t)
        .collect()
}

/// Marks everything after the first comma of each sentence of `text` as
/// indirect speech (a guess of the tagger), runs `rule` and says, per
/// sentence, whether that content survived.
pub fn kept_after_comma(text: &str, rule: impl Fn(&Document, &Context, &mut [usize])) -> Vec<bool> {
    let (doc, ctx) = segmented(text);
    let mut content = vec![0; doc.tokens.len()];
    let indirect = type_index(QuoteType::Indirect);
    for s in &ctx.sentences {
        let comma = (s.start..s.end)
            .find(|&i| doc.slice(doc.tokens[i].span) == ",")
            .unwrap();
        mark(&mut content, indirect, comma + 1, s.end - 1);
    }
    rule(&doc, &ctx, &mut content);
    ctx.sentences
        .iter()
        .map(|s| content[s.end - 2] != 0)
        .collect()
}
