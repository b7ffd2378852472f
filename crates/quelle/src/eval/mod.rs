//! Evaluation against gold data (gnqa): the dataset's official metric, re-implemented.
//!
//! Scoring is at token level on the *gold* tokens. Per article, system and gold
//! quotations are paired by an optimal assignment ([`assign`]) maximising the
//! summed quote-token F1; each pair and each unpaired quotation then gives token
//! counts for quote, cue, frame, speaker and addressee ([`score`]), averaged over
//! pairs into macro precision and recall ([`metrics`]).
//!
//! Convention for empty sides: a pair counts towards a role's precision average
//! only if the system side of that role is non-empty, and towards its recall
//! average only if the gold side is non-empty. An unpaired system quotation thus
//! adds P = 0, an unpaired gold quotation R = 0, and a role empty on both sides
//! adds nothing. Averages over nothing are 0 (1 when P and R are both undefined),
//! so no figure is ever NaN.
//!
//! ```no_run
//! let gold = quelle::eval::gnqa::load("../shared/data/gnqa/dev.jsonl".as_ref())?;
//! let pipeline = quelle::Pipeline::builder().build()?;
//! let report = quelle::eval::evaluate(&pipeline, &gold);
//! println!("{report}");
//! assert!(report.messages.f1 <= 1.0);
//! # Ok::<(), quelle::Error>(())
//! ```

pub mod assign;
pub mod gnqa;
pub mod metrics;
pub mod report;
pub mod score;
pub mod segmentation;
pub mod system;
pub mod tokens;

#[cfg(test)]
mod tests;

pub use metrics::{Micro, Prf};
pub use report::Report;
pub use score::Scorer;
pub use system::gold_as_system;

use crate::pipeline::Pipeline;
use crate::schema::AnalysisJson;
use gnqa::GoldDoc;

/// Scores system analyses against their gold documents.
///
/// Each system analysis must be of exactly its gold document's text.
pub fn score_documents(docs: &[(&GoldDoc, &AnalysisJson)]) -> Report {
    let mut scorer = Scorer::new();
    for (gold, system) in docs {
        scorer.add(gold, system);
    }
    scorer.report()
}

/// Runs `pipeline` on every gold text and scores the result.
///
/// Articles are analysed on all available cores; the report does not depend on
/// their number.
pub fn evaluate(pipeline: &Pipeline, gold: &[GoldDoc]) -> Report {
    let system = analyze_all(pipeline, gold);
    let pairs: Vec<(&GoldDoc, &AnalysisJson)> = gold.iter().zip(&system).collect();
    score_documents(&pairs)
}

/// Scores the gold annotation against itself (every figure is 1.0 on valid data).
pub fn evaluate_gold_as_system(gold: &[GoldDoc]) -> Report {
    let system: Vec<AnalysisJson> = gold.iter().map(gold_as_system).collect();
    let pairs: Vec<(&GoldDoc, &AnalysisJson)> = gold.iter().zip(&system).collect();
    score_documents(&pairs)
}

/// Analyses every gold text with `pipeline`, in order, in parallel.
pub fn analyze_all(pipeline: &Pipeline, gold: &[GoldDoc]) -> Vec<AnalysisJson> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = gold.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = gold
            .chunks(chunk)
            .map(|docs| {
                scope.spawn(move || {
                    docs.iter()
                        .map(|g| AnalysisJson::from_document(&pipeline.analyze(g.text.as_str())))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}
