//! `quelle eval`: score the pipeline (or given system output) on gnqa gold data.

use anyhow::Result;
use quelle::eval::{gnqa, system};
use quelle::schema::AnalysisJson;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `quelle eval`.
#[derive(clap::Args, Debug)]
pub(crate) struct Args {
    /// A gnqa JSONL file, e.g. ../shared/data/gnqa/dev.jsonl.
    file: PathBuf,
    /// Print the report as JSON instead of tables.
    #[arg(long)]
    json: bool,
    /// Score the gold annotation as system output (a sanity check: all 1.0).
    #[arg(long, conflicts_with = "system")]
    gold_as_system: bool,
    /// Score this system output instead of running the pipeline: JSON Lines of
    /// `quelle/1` documents, one per gold article, in the same order.
    #[arg(long, value_name = "FILE")]
    system: Option<PathBuf>,
    /// Use the models a `quelle train --out DIR` run wrote instead of the embedded ones.
    #[arg(long, value_name = "DIR")]
    models: Option<PathBuf>,
    /// Score only the first N articles.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
}

pub(crate) fn run(args: Args) -> Result<ExitCode> {
    let mut gold = gnqa::load(&args.file)?;
    // A system file is checked against the whole gold file, then cut like it.
    let mut given = match &args.system {
        Some(path) => Some(system::load(path, &gold)?),
        None => None,
    };
    if let Some(n) = args.limit {
        gold.truncate(n);
        if let Some(docs) = given.as_mut() {
            docs.truncate(n);
        }
    }
    let report = if args.gold_as_system {
        quelle::eval::evaluate_gold_as_system(&gold)
    } else if let Some(docs) = &given {
        let pairs: Vec<(&gnqa::GoldDoc, &AnalysisJson)> = gold.iter().zip(docs).collect();
        quelle::eval::score_documents(&pairs)
    } else {
        let mut builder = quelle::Pipeline::builder();
        if let Some(dir) = &args.models {
            builder.quote_models(quelle::quotes::QuoteModels::load_dir(dir)?);
        }
        quelle::eval::evaluate(&builder.build()?, &gold)
    };

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        write!(out, "{report}")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
