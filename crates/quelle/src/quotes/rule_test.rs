//! Test support for the rules that add labels after the taggers.

use super::assemble::chunks;
use super::context::Context;
use super::cues::CueTable;
use crate::document::Document;

/// `text` segmented (without the quotation stage) and its context.
pub fn segmented(text: &str) -> (Document, Context) {
    let doc = crate::Pipeline::builder()
        .quotes(false)
        .build()
        .unwrap()
        .analyze(text);
    let ctx = Context::new(&doc, &CueTable::default());
    (doc, ctx)
}

/// The texts of the chunks `rule` marks in `text`, starting from all-`O` labels.
pub fn marked_texts(text: &str, rule: impl Fn(&Document, &Context, &mut [usize])) -> Vec<String> {
    let (doc, ctx) = segmented(text);
    let mut content = vec![0; doc.tokens.len()];
    rule(&doc, &ctx, &mut content);
    chunks(&content)
        .iter()
        .map(|c| {
            let a = doc.tokens[c.start].span.start;
            let b = doc.tokens[c.end - 1].span.end;
            doc.text()[a..b].to_owned()
        })
        .collect()
}
