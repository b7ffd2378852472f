//! What a worker thread does with one document: prepare, analyse, serialise.

use crate::error::{Failure, FailureKind};
use crate::prepare::{prepare, PrepareOptions};
use crate::read::RawDoc;
use crate::record::{DocRecord, IndexDoc};
use quelle::schema::AnalysisJson;
use quelle::Pipeline;
use std::collections::HashSet;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// The result of one document.
pub enum Outcome {
    /// Analysed.
    Done {
        /// The JSON line (with the trailing newline).
        line: String,
        /// The index view, when a sink needs it (CSV, database, Parquet).
        index: Option<Box<IndexDoc>>,
        /// Number of tokens.
        tokens: usize,
        /// Number of quotations.
        quotes: usize,
    },
    /// Already in the output (`--resume`).
    Skipped,
    /// Not readable or not analysable.
    Failed(Failure),
}

/// What the workers share.
pub struct Work<'a> {
    /// The pipeline.
    pub pipeline: &'a Pipeline,
    /// JSONL fields and size limit.
    pub prepare: &'a PrepareOptions,
    /// Ids already in the output (`--resume`).
    pub done_ids: &'a HashSet<String>,
    /// Whether to build the [`IndexDoc`] view.
    pub want_index: bool,
}

impl Work<'_> {
    /// [`Work::process`], turning any panic into a failure so that the ordered
    /// writer never waits for a document that will not come.
    pub fn process_guarded(&self, item: Result<RawDoc, Failure>) -> Outcome {
        let (source, position) = match &item {
            Ok(raw) => (raw.source.to_string(), raw.position.clone()),
            Err(f) => (f.source.clone(), f.position.clone()),
        };
        catch_unwind(AssertUnwindSafe(|| self.process(item))).unwrap_or_else(|_| {
            Outcome::Failed(Failure::new(
                source,
                position,
                FailureKind::Analysis,
                "processing the document panicked",
            ))
        })
    }

    /// Processes one document.
    pub fn process(&self, item: Result<RawDoc, Failure>) -> Outcome {
        let raw = match item {
            Ok(raw) => raw,
            Err(f) => return Outcome::Failed(f),
        };
        let (source, position) = (raw.source.clone(), raw.position.clone());
        let prepared = match prepare(raw, self.prepare) {
            Ok(p) => p,
            Err(f) => return Outcome::Failed(f),
        };
        if self.done_ids.contains(&prepared.header.id) {
            return Outcome::Skipped;
        }
        let id = prepared.header.id.clone();
        let analysed = catch_unwind(AssertUnwindSafe(|| {
            let doc = self.pipeline.analyze(prepared.text);
            AnalysisJson::from_document(&doc)
        }));
        let analysis = match analysed {
            Ok(a) => a,
            Err(panic) => {
                let msg = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown panic".into());
                return Outcome::Failed(Failure {
                    id: Some(id),
                    ..Failure::new(
                        &*source,
                        position,
                        FailureKind::Analysis,
                        format!("the pipeline panicked: {msg}"),
                    )
                });
            }
        };
        // Sized for the usual line (text, ~25 bytes per token span, quotes) to avoid regrowing.
        let mut buf =
            Vec::with_capacity(2 * analysis.text.len() + 32 * analysis.tokens.len() + 1024);
        serde_json::to_writer(
            &mut buf,
            &DocRecord {
                header: &prepared.header,
                analysis: &analysis,
            },
        )
        .expect("records serialise (string keys only)");
        buf.push(b'\n');
        let line = String::from_utf8(buf).expect("serde_json writes UTF-8");
        let tokens = analysis.tokens.len();
        let quotes = analysis.quotes.len();
        let index = self
            .want_index
            .then(|| Box::new(IndexDoc::from_parts(prepared.header, analysis)));
        Outcome::Done {
            line,
            index,
            tokens,
            quotes,
        }
    }
}
