//! `quelle index`: batch output into the corpus database.

use anyhow::Result;
use quelle_corpus::store::Store;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `quelle index`.
#[derive(clap::Args, Debug)]
pub(crate) struct Args {
    /// Output files of `quelle batch` (JSONL).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// The database (created if missing; documents with the same id are replaced).
    #[arg(long, default_value = "corpus.sqlite")]
    db: PathBuf,
}

pub(crate) fn run(args: Args) -> Result<ExitCode> {
    let mut store = Store::open(&args.db)?;
    let mut total = 0;
    for f in &args.files {
        total += store.index_jsonl(f)?;
    }
    eprintln!(
        "quelle: indexed {total} documents into {}",
        args.db.display()
    );
    Ok(ExitCode::SUCCESS)
}
