//! `quelle eval`: score the pipeline on gnqa gold data.

use anyhow::Result;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `quelle eval`.
#[derive(clap::Args, Debug)]
pub(crate) struct Args {
    /// A gnqa JSONL file, e.g. ../shared/data/gnqa/dev.jsonl.
    file: PathBuf,
}

pub(crate) fn run(args: Args) -> Result<ExitCode> {
    let docs = quelle::eval::gnqa::load(&args.file)?;
    println!("{} documents", docs.len());
    Ok(ExitCode::SUCCESS)
}
