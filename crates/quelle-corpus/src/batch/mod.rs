//! The batch runner: a reader thread, worker threads, and an ordered writer, all bounded.
//!
//! ```text
//! reader ──(≤ window)──▶ workers (jobs) ──▶ writer (reorders unless unordered)
//!    ▲                                          │
//!    └──────────── one token per document ◀─────┘
//! ```
//!
//! The reader takes a token before sending a document and the writer returns
//! it once the document is written, so at most `window` documents are in
//! memory whatever the input size, in ordered and unordered mode alike.
//! Setting the stop flag (Ctrl-C) stops the reader; documents already read are
//! finished and written, and the outputs are renamed into place, so an
//! interrupted output is complete up to its last line and `--resume` can continue it.

pub mod atomic;
mod resume;
mod worker;
mod writer;

pub use atomic::{partial_path, AtomicFile};

use crate::error::{Error, Failure, Result};
use crate::prepare::PrepareOptions;
use crate::read::{discover, Input, ReadOptions, ReadProgress, Reader};
use quelle::Pipeline;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::sync_channel;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use worker::{Outcome, Work};
use writer::Writer;

/// What to read, how, and where to write.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// Worker threads (at least 1).
    pub jobs: usize,
    /// Write documents in input order (else as they finish).
    pub ordered: bool,
    /// The most documents in flight (read but not yet written).
    pub window: usize,
    /// Size limits for reading.
    pub read: ReadOptions,
    /// JSONL fields and the text size limit.
    pub prepare: PrepareOptions,
    /// The output JSONL.
    pub output: Option<PathBuf>,
    /// The errors JSONL.
    pub errors: Option<PathBuf>,
    /// The quotation table as CSV.
    pub quotes_csv: Option<PathBuf>,
    /// The quotation table as Parquet.
    #[cfg(feature = "parquet")]
    pub quotes_parquet: Option<PathBuf>,
    /// The corpus database to add the documents to.
    pub db: Option<PathBuf>,
    /// Keep the existing output and skip documents whose id it holds.
    pub resume: bool,
}

impl Default for BatchOptions {
    fn default() -> Self {
        let jobs = std::thread::available_parallelism().map_or(1, |n| n.get());
        BatchOptions {
            jobs,
            ordered: true,
            window: default_window(jobs),
            read: ReadOptions::default(),
            prepare: PrepareOptions::default(),
            output: None,
            errors: None,
            quotes_csv: None,
            #[cfg(feature = "parquet")]
            quotes_parquet: None,
            db: None,
            resume: false,
        }
    }
}

/// The default in-flight window for `jobs` workers: enough to keep every
/// worker busy while one slow document holds up ordered output.
pub fn default_window(jobs: usize) -> usize {
    (jobs * 32).max(64)
}

/// Live counters, readable from another thread while the batch runs (progress bars).
#[derive(Debug, Default)]
pub struct Progress {
    /// Reading position and totals.
    pub read: Arc<ReadProgress>,
    /// Documents written.
    pub documents: AtomicUsize,
    /// Documents that failed.
    pub failed: AtomicUsize,
    /// Documents skipped because they were already in the output.
    pub skipped: AtomicUsize,
    /// Tokens analysed.
    pub tokens: AtomicU64,
    /// Quotations found.
    pub quotes: AtomicU64,
}

/// The outcome of a run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Documents analysed and written (this run).
    pub documents: usize,
    /// Documents replayed from an existing output (`--resume`).
    pub kept: usize,
    /// Documents reported as failures.
    pub failed: usize,
    /// Documents skipped because their id was already in the output.
    pub skipped: usize,
    /// WARC records skipped because they are not HTML responses.
    pub skipped_records: usize,
    /// Tokens analysed.
    pub tokens: u64,
    /// Quotations found.
    pub quotes: u64,
    /// Whether the run was stopped early by the stop flag.
    pub interrupted: bool,
    /// Wall-clock time.
    pub elapsed: Duration,
}

/// Runs the pipeline over `inputs`.
///
/// `stop` ends the run early (keeping everything complete); `on_failure` sees
/// every failed document (e.g. to print it when there is no errors file).
///
/// ```no_run
/// use quelle_corpus::batch::{self, BatchOptions, Progress};
/// use quelle_corpus::read::Input;
/// use std::sync::atomic::AtomicBool;
///
/// let pipeline = quelle::Pipeline::builder().build()?;
/// let opts = BatchOptions {
///     output: Some("out.jsonl".into()),
///     errors: Some("errors.jsonl".into()),
///     ..BatchOptions::default()
/// };
/// let inputs = [Input::parse("pages/"), Input::parse("crawl.warc.gz")];
/// let summary = batch::run(&pipeline, &inputs, &opts, &Progress::default(),
///                          &AtomicBool::new(false), &mut |_| {})?;
/// println!("{} documents, {} failed", summary.documents, summary.failed);
/// # Ok::<(), quelle_corpus::Error>(())
/// ```
pub fn run(
    pipeline: &Pipeline,
    inputs: &[Input],
    opts: &BatchOptions,
    progress: &Progress,
    stop: &AtomicBool,
    on_failure: &mut dyn FnMut(&Failure),
) -> Result<Summary> {
    let started = Instant::now();
    if opts.jobs == 0 || opts.window == 0 {
        return Err(Error::InvalidArgument(
            "jobs and window must be at least 1".into(),
        ));
    }
    let mut files = discover(inputs)?;
    // A folder given as input may hold this run's own outputs (or their earlier versions).
    let own: Vec<PathBuf> = [&opts.output, &opts.errors, &opts.quotes_csv]
        .into_iter()
        .flatten()
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    files.retain(|f| match f {
        Input::Path(p) => std::fs::canonicalize(p).map_or(true, |c| !own.contains(&c)),
        Input::Stdin => true,
    });
    let want_index = Writer::wants_index(opts);
    let mut writer = Writer::create(opts)?;
    let mut kept = 0;
    let done_ids = match (&opts.output, opts.resume) {
        (Some(out), true) => resume::replay(out, want_index, |doc| {
            kept += 1;
            writer.document(None, doc)
        })?,
        _ => Default::default(),
    };
    let reader = Reader::new(files, opts.read, progress.read.clone());
    let work = Work {
        pipeline,
        prepare: &opts.prepare,
        done_ids: &done_ids,
        want_index,
    };
    let (token_tx, token_rx) = sync_channel::<()>(opts.window);
    for _ in 0..opts.window {
        token_tx.send(()).expect("receiver alive");
    }
    let (work_tx, work_rx) = sync_channel(opts.window);
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = sync_channel::<(usize, Outcome)>(opts.window);
    let interrupted = AtomicBool::new(false);

    let interrupted_flag = &interrupted;
    let written: Result<()> = std::thread::scope(|s| {
        s.spawn(move || {
            for (seq, item) in reader.enumerate() {
                if token_rx.recv().is_err() {
                    break; // the writer stopped (an output error)
                }
                if stop.load(Ordering::Relaxed) {
                    interrupted_flag.store(true, Ordering::Relaxed);
                    break;
                }
                if work_tx.send((seq, item)).is_err() {
                    break;
                }
            }
            drop(work_tx);
        });
        for _ in 0..opts.jobs {
            let done_tx = done_tx.clone();
            let (work_rx, work) = (&work_rx, &work);
            s.spawn(move || loop {
                let next = work_rx.lock().map(|rx| rx.recv());
                let Ok(Ok((seq, item))) = next else { break };
                if done_tx.send((seq, work.process_guarded(item))).is_err() {
                    break;
                }
            });
        }
        drop(done_tx);

        let mut pending = BTreeMap::new();
        let mut next = 0usize;
        let mut emit = |outcome: Outcome| -> Result<()> {
            match outcome {
                Outcome::Done {
                    line,
                    index,
                    tokens,
                    quotes,
                } => {
                    writer.document(Some(&line), index.as_deref())?;
                    progress.documents.fetch_add(1, Ordering::Relaxed);
                    progress.tokens.fetch_add(tokens as u64, Ordering::Relaxed);
                    progress.quotes.fetch_add(quotes as u64, Ordering::Relaxed);
                }
                Outcome::Skipped => {
                    progress.skipped.fetch_add(1, Ordering::Relaxed);
                }
                Outcome::Failed(f) => {
                    writer.failure(&f)?;
                    on_failure(&f);
                    progress.failed.fetch_add(1, Ordering::Relaxed);
                }
            }
            // Free the slot; a send error means the reader is done, which is fine.
            let _ = token_tx.send(());
            Ok(())
        };
        for (seq, outcome) in done_rx.iter() {
            if !opts.ordered {
                emit(outcome)?;
                continue;
            }
            pending.insert(seq, outcome);
            while let Some(o) = pending.remove(&next) {
                emit(o)?;
                next += 1;
            }
        }
        Ok(())
    });
    // On an output error the incomplete temporary files are removed when `writer` drops.
    written?;
    writer.finish()?;
    Ok(Summary {
        documents: progress.documents.load(Ordering::Relaxed),
        kept,
        failed: progress.failed.load(Ordering::Relaxed),
        skipped: progress.skipped.load(Ordering::Relaxed),
        skipped_records: progress.read.skipped_records.load(Ordering::Relaxed),
        tokens: progress.tokens.load(Ordering::Relaxed),
        quotes: progress.quotes.load(Ordering::Relaxed),
        interrupted: interrupted.load(Ordering::Relaxed),
        elapsed: started.elapsed(),
    })
}
