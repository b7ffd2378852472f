//! `quelle analyze`: one article in, its analysis out.

use crate::read::read_text;
use crate::view;
use anyhow::Result;
use clap::ValueEnum;
use quelle::report::Lang;
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
    /// A self-contained HTML sourcing report (one file, works offline; see docs/report.md).
    Html,
}

/// Languages of the report's labels.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum LangArg {
    /// Deutsch.
    De,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::De => Lang::De,
            LangArg::En => Lang::En,
        }
    }
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
    /// Language of the labels in the text and HTML views (JSON carries both).
    #[arg(long, value_enum, default_value_t = LangArg::De)]
    lang: LangArg,
    /// Use the models a `quelle train --out DIR` run wrote instead of the embedded ones.
    #[arg(long, value_name = "DIR")]
    models: Option<PathBuf>,
}

pub(crate) fn run(args: Args) -> Result<ExitCode> {
    let text = read_text(args.file.as_deref())?;
    let mut builder = quelle::Pipeline::builder();
    if let Some(dir) = &args.models {
        builder.quote_models(quelle::quotes::QuoteModels::load_dir(dir)?);
    }
    let pipeline = builder.build()?;
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
            view::render(&mut out, &json, colour, args.lang.into())?;
        }
        Format::Html => {
            out.write_all(quelle::report::html::render(&json, args.lang.into()).as_bytes())?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
