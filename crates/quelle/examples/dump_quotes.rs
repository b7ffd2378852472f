//! Prints each document's system quotations as one JSON line (for analysis scripts).
//! `cargo run --release -p quelle --example dump_quotes -- GOLD.jsonl [MODELS_DIR]`
use quelle::schema::AnalysisJson;
mod support;
fn main() {
    let (docs, p) = support::gold_and_pipeline(None);
    for g in docs.iter() {
        let doc = p.analyze(g.text.clone());
        let j = AnalysisJson::from_document(&doc);
        println!("{}", serde_json::to_string(&j.quotes).unwrap());
    }
}
