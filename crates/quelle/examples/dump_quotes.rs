//! Prints each document's system quotations as one JSON line (for analysis scripts).
//! `cargo run --release -p quelle --example dump_quotes -- GOLD.jsonl [MODELS_DIR]`
use quelle::schema::AnalysisJson;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let docs = quelle::eval::gnqa::load(std::path::Path::new(&path)).unwrap();
    let mut b = quelle::Pipeline::builder();
    if let Some(dir) = std::env::args().nth(2) {
        b.quote_models(quelle::quotes::QuoteModels::load_dir(std::path::Path::new(&dir)).unwrap());
    }
    let p = b.build().unwrap();
    for g in docs.iter() {
        let doc = p.analyze(g.text.clone());
        let j = AnalysisJson::from_document(&doc);
        println!("{}", serde_json::to_string(&j.quotes).unwrap());
    }
}
