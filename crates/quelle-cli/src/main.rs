//! The `quelle` command-line tool: a thin layer over the `quelle` library.

mod analyze;
mod batch;
mod eval;
mod index;
mod read;
mod search;
mod stats;
mod tabulate;
mod train;
mod view;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// quelle: who said what, to whom, how, through which channel — in German news.
#[derive(Parser, Debug)]
#[command(name = "quelle", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Analyse one article (UTF-8 text) and show its quotations and structure.
    Analyze(analyze::Args),
    /// Score the pipeline on a gnqa JSONL file with the dataset's official metric.
    Eval(eval::Args),
    /// Rebuild the quotation models (gnqa train) and the proper-noun model (UD German).
    Train(train::Args),
    /// Analyse many articles (folders, HTML, JSONL, WARC) on all cores, with progress.
    Batch(batch::Args),
    /// Load `batch` output into a corpus database (SQLite) for search and stats.
    Index(index::Args),
    /// Find quotations in a corpus database by text, speaker, kind, status, date and outlet.
    Search(search::Args),
    /// Top speakers, sources by kind, anonymous and unnamed shares per outlet and month.
    Stats(stats::Args),
}

/// Exit status for bad input (invalid UTF-8, unreadable or malformed files).
pub(crate) const EXIT_BAD_INPUT: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(a) => analyze::run(a),
        Command::Eval(a) => eval::run(a),
        Command::Train(a) => train::run(a),
        Command::Batch(a) => batch::run(a),
        Command::Index(a) => index::run(a),
        Command::Search(a) => search::run(a),
        Command::Stats(a) => stats::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("quelle: error: {e:#}");
            // Library errors about the input get their own exit status.
            let bad_input = e
                .chain()
                .any(|c| c.downcast_ref::<quelle::Error>().is_some());
            ExitCode::from(if bad_input { EXIT_BAD_INPUT } else { 1 })
        }
    }
}
