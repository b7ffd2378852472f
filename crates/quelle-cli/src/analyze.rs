//! `quelle analyze`: one article in, its analysis out.

use crate::read::read_text;
use crate::view;
use anyhow::Result;
use clap::ValueEnum;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Output formats of `analyze`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum Format {
    /// A readable terminal view (colour when stdout is a terminal and NO_COLOR is unset).
    Text,
    /// The `quelle/1` JSON document (see docs/json-format.md).
    Json,
}

/// Arguments of `quelle analyze`.
#[derive(clap::Args, Debug)]
pub(crate) struct Args {
    /// The article: a UTF-8 text file, or `-` (default) for standard input.
    file: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Pretty-print JSON (indented).
    #[arg(long)]
    pretty: bool,
}

pub(crate) fn run(args: Args) -> Result<ExitCode> {
    let text = read_text(args.file.as_deref())?;
    let pipeline = quelle::Pipeline::builder().build()?;
    let doc = pipeline.analyze(text);
    let json = quelle::schema::AnalysisJson::from_document(&doc);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        Format::Json => {
            if args.pretty {
                serde_json::to_writer_pretty(&mut out, &json)?;
            } else {
                serde_json::to_writer(&mut out, &json)?;
            }
            writeln!(out)?;
        }
        Format::Text => {
            let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            view::render(&mut out, &json, colour)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
