//! `quelle batch`: many articles in, one JSON line per document out, with progress.

use anyhow::{bail, Context, Result};
use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use quelle_corpus::batch::{self, BatchOptions, Progress, Summary};
use quelle_corpus::read::{Input, ReadOptions};
use quelle_corpus::{prepare::PrepareOptions, Failure};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// When to draw the progress bar.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum ShowProgress {
    /// When stderr is a terminal.
    Auto,
    /// Always.
    Always,
    /// Never (only the summary line).
    Never,
}

/// Arguments of `quelle batch`.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Exit status: 0 all documents written; 2 some failed (see --errors); \
130 interrupted (the output is complete up to there: continue with --resume).\n\
See docs/batch.md."
)]
pub(crate) struct Args {
    /// Inputs, any mix: directories (searched recursively), .txt, .html/.htm, .jsonl[.gz],
    /// .warc[.gz] files, or `-` for JSONL on standard input.
    #[arg(required = true)]
    inputs: Vec<String>,
    /// Output: one document JSON per line (the `analyze` format plus id and source metadata).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Documents that could not be read or analysed, one JSON per line (default: listed on stderr).
    #[arg(long)]
    errors: Option<PathBuf>,
    /// One CSV row per quotation.
    #[arg(long, value_name = "FILE")]
    quotes_csv: Option<PathBuf>,
    /// One Parquet row per quotation (same columns as the CSV).
    #[cfg(feature = "parquet")]
    #[arg(long, value_name = "FILE")]
    quotes_parquet: Option<PathBuf>,
    /// Also add the documents to this corpus database (see `quelle index`).
    #[arg(long)]
    db: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(short, long)]
    jobs: Option<usize>,
    /// Write documents as they finish instead of in input order (faster with uneven documents).
    #[arg(long)]
    unordered: bool,
    /// Keep the existing output and skip documents whose id it already holds.
    #[arg(long)]
    resume: bool,
    /// JSONL field with the article text.
    #[arg(long, default_value = "text")]
    text_field: String,
    /// JSONL field with the document id (default id: `path:line`).
    #[arg(long, default_value = "id")]
    id_field: String,
    /// Longest JSONL line accepted; longer lines are reported as errors.
    #[arg(long, default_value_t = 16 << 20, value_name = "BYTES")]
    max_line_bytes: usize,
    /// Largest document accepted (file, WARC record or text field); larger ones are reported as errors.
    #[arg(long, default_value_t = 16 << 20, value_name = "BYTES")]
    max_doc_bytes: usize,
    /// Show a progress bar.
    #[arg(long, value_enum, default_value_t = ShowProgress::Auto)]
    progress: ShowProgress,
}

/// Exit status when the run was interrupted (as shells report SIGINT).
const EXIT_INTERRUPTED: u8 = 130;

fn options(args: &Args) -> Result<BatchOptions> {
    #[cfg(feature = "parquet")]
    let parquet = args.quotes_parquet.is_some();
    #[cfg(not(feature = "parquet"))]
    let parquet = false;
    if args.output.is_none() && args.quotes_csv.is_none() && args.db.is_none() && !parquet {
        bail!("nothing to write: give -o/--output, --quotes-csv or --db");
    }
    if args.resume && args.output.is_none() {
        bail!("--resume needs -o/--output (the ids to skip are read from it)");
    }
    let defaults = BatchOptions::default();
    let jobs = args.jobs.unwrap_or(defaults.jobs).max(1);
    Ok(BatchOptions {
        jobs,
        ordered: !args.unordered,
        window: batch::default_window(jobs),
        read: ReadOptions {
            max_line_bytes: args.max_line_bytes,
            max_doc_bytes: args.max_doc_bytes,
        },
        prepare: PrepareOptions {
            text_field: args.text_field.clone(),
            id_field: args.id_field.clone(),
            max_doc_bytes: args.max_doc_bytes,
        },
        output: args.output.clone(),
        errors: args.errors.clone(),
        quotes_csv: args.quotes_csv.clone(),
        #[cfg(feature = "parquet")]
        quotes_parquet: args.quotes_parquet.clone(),
        db: args.db.clone(),
        resume: args.resume,
    })
}

fn progress_bar(show: ShowProgress) -> ProgressBar {
    let draw = match show {
        ShowProgress::Never => false,
        ShowProgress::Always => true,
        ShowProgress::Auto => std::io::stderr().is_terminal(),
    };
    if !draw {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr_with_hz(5));
    pb.set_style(spinner_style());
    pb
}

/// Before the input size is known, and for standard input: no bar, no ETA.
fn spinner_style() -> ProgressStyle {
    ProgressStyle::with_template("{spinner} [{elapsed_precise}] {msg}").expect("valid template")
}

fn bar_style() -> ProgressStyle {
    ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {percent:>3}% {msg} · ETA {eta}",
    )
    .expect("valid template")
}

/// Refreshes the bar from the counters: bytes give the position and ETA, documents the rate.
fn draw(pb: &ProgressBar, p: &Progress, has_bar: &mut bool) {
    let total = p.read.bytes_total.load(Ordering::Relaxed);
    if total > 0 {
        if !*has_bar {
            pb.set_style(bar_style());
            *has_bar = true;
        }
        pb.set_length(total);
        pb.set_position(p.read.bytes_read.load(Ordering::Relaxed).min(total));
    }
    let docs = p.documents.load(Ordering::Relaxed);
    let secs = pb.elapsed().as_secs_f64().max(1e-3);
    pb.set_message(format!(
        "{docs} docs · {:.0} docs/s · {} failed",
        docs as f64 / secs,
        p.failed.load(Ordering::Relaxed)
    ));
}

fn summary_line(s: &Summary, errors: Option<&PathBuf>) -> String {
    let secs = s.elapsed.as_secs_f64().max(1e-6);
    let mut line = format!(
        "quelle: {} documents ({:.0}/s), {} tokens ({:.0}/s), {} quotations, {} failed",
        s.documents,
        s.documents as f64 / secs,
        s.tokens,
        s.tokens as f64 / secs,
        s.quotes,
        s.failed
    );
    if s.failed > 0 {
        if let Some(e) = errors {
            line.push_str(&format!(" (see {})", e.display()));
        }
    }
    if s.kept + s.skipped > 0 {
        line.push_str(&format!(", {} kept from the previous output", s.kept));
    }
    if s.skipped_records > 0 {
        line.push_str(&format!(
            ", {} WARC records skipped (not HTML responses)",
            s.skipped_records
        ));
    }
    line.push_str(&format!(" in {:.1} s", secs));
    if s.interrupted {
        line.push_str("; interrupted: output complete up to here, continue with --resume");
    }
    line
}

pub(crate) fn run(args: Args) -> Result<ExitCode> {
    let opts = options(&args)?;
    let inputs: Vec<Input> = args.inputs.iter().map(|a| Input::parse(a)).collect();
    let pipeline = quelle::Pipeline::builder().build()?;

    let stop = Arc::new(AtomicBool::new(false));
    let handler_stop = stop.clone();
    ctrlc::set_handler(move || {
        if handler_stop.swap(true, Ordering::SeqCst) {
            // Second Ctrl-C: the user does not want to wait for the flush.
            std::process::exit(EXIT_INTERRUPTED.into());
        }
        eprintln!(
            "\nquelle: stopping: finishing the documents in progress (Ctrl-C again to abort)"
        );
    })
    .context("cannot install the Ctrl-C handler")?;

    let progress = Progress::default();
    let pb = progress_bar(args.progress);
    let finished = AtomicBool::new(false);
    let print_failures = opts.errors.is_none();
    let mut on_failure = |f: &Failure| {
        if print_failures {
            pb.suspend(|| eprintln!("quelle: skipped {f}"));
        }
    };
    let result = std::thread::scope(|s| {
        if !pb.is_hidden() {
            s.spawn(|| {
                let mut has_bar = false;
                while !finished.load(Ordering::Relaxed) {
                    draw(&pb, &progress, &mut has_bar);
                    std::thread::sleep(Duration::from_millis(200));
                }
            });
        }
        let r = batch::run(&pipeline, &inputs, &opts, &progress, &stop, &mut on_failure);
        finished.store(true, Ordering::Relaxed);
        r
    });
    pb.finish_and_clear();
    let summary = result?;
    eprintln!("{}", summary_line(&summary, opts.errors.as_ref()));
    Ok(if summary.interrupted {
        ExitCode::from(EXIT_INTERRUPTED)
    } else if summary.failed > 0 {
        ExitCode::from(crate::EXIT_BAD_INPUT)
    } else {
        ExitCode::SUCCESS
    })
}
