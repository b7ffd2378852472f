//! What the content tagger's cascade (`quotes::cascade`) skips and changes on a
//! corpus: tokens in skipped sentences, and sentences whose labels differ from
//! running the tagger on every sentence.
//! `cargo run --release -p quelle --example cascade_check -- ../shared/data/gnqa/train.jsonl`
//! (reads `text`, or gnqa's `originalText`).
use quelle::quotes::{cascade, context::Context, QuoteModels};
fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("a JSONL file with a text field");
    let src = std::fs::read_to_string(path).expect("readable");
    let docs: Vec<String> = src
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| {
            let t = v["text"].as_str().or(v["originalText"].as_str());
            t.map(str::to_owned)
        })
        .collect();
    let seg = quelle::Pipeline::builder()
        .quotes(false)
        .entities(false)
        .build()
        .unwrap();
    let models = QuoteModels::embedded().unwrap();
    let (mut tokens, mut plain, mut sentences, mut changed, mut changed_tokens) = (0, 0, 0, 0, 0);
    for d in &docs {
        let doc = seg.analyze(d.as_str());
        let ctx = Context::new(&doc, &models.cues);
        let fast = models.tag_content(&ctx);
        let all = models.tag_content_all(&ctx);
        for (si, s) in ctx.sentences.iter().enumerate() {
            let r = s.start..s.end;
            tokens += r.len();
            sentences += 1;
            if cascade::is_plain(&ctx, si) {
                plain += r.len();
            }
            let diff = fast[r.clone()]
                .iter()
                .zip(&all[r])
                .filter(|(a, b)| a != b)
                .count();
            if diff > 0 {
                changed += 1;
                changed_tokens += diff;
            }
        }
    }
    println!(
        "{sentences} sentences, {tokens} tokens; {:.1}% of tokens in plain sentences; \
         {changed} sentences ({changed_tokens} tokens) labelled differently than without the cascade",
        100.0 * plain as f64 / tokens as f64
    );
}
