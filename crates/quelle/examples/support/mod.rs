//! What the gnqa analysis examples share: the gold file (first argument, or a
//! default) and a pipeline with the quotation models of the second argument
//! (a directory written by `quelle train`), else the embedded ones.

use quelle::eval::gnqa::GoldDoc;
use quelle::quotes::QuoteModels;
use std::path::Path;

/// The gold documents of the first argument (or `default`) and the pipeline to run on them.
pub fn gold_and_pipeline(default: Option<&str>) -> (Vec<GoldDoc>, quelle::Pipeline) {
    let path = std::env::args()
        .nth(1)
        .or_else(|| default.map(str::to_owned))
        .expect("a gnqa JSONL file");
    let docs = quelle::eval::gnqa::load(Path::new(&path)).unwrap();
    let mut b = quelle::Pipeline::builder();
    if let Some(dir) = std::env::args().nth(2) {
        b.quote_models(QuoteModels::load_dir(Path::new(&dir)).unwrap());
    }
    (docs, b.build().unwrap())
}
