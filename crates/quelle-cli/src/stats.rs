//! `quelle stats`: who is quoted, through which kinds of sources, per outlet and month.

use crate::tabulate::{self, percent, Format};
use anyhow::Result;
use quelle_corpus::store::stats::Group;
use quelle_corpus::store::{stats, Stats, StatsQuery, Store};
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `quelle stats`.
#[derive(clap::Args, Debug)]
pub(crate) struct Args {
    /// The corpus database.
    #[arg(long, default_value = "corpus.sqlite")]
    db: PathBuf,
    /// Only documents published on or after this date (YYYY-MM-DD).
    #[arg(long)]
    since: Option<String>,
    /// Only documents published on or before this date (YYYY-MM-DD).
    #[arg(long)]
    until: Option<String>,
    /// Only this outlet (substring, case-insensitive).
    #[arg(long)]
    outlet: Option<String>,
    /// How many top speakers to list.
    #[arg(long, default_value_t = 15)]
    top: usize,
    /// Output format (CSV: one row per table cell group, column `section` says which table).
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

/// One CSV row: every section in one long table, for plotting.
#[derive(Serialize)]
struct CsvRow<'a> {
    section: &'a str,
    key: &'a str,
    documents: i64,
    quotes: i64,
    share: f64,
    anonymous: f64,
    unnamed: f64,
    unsourced: f64,
}

fn group_row<'a>(section: &'a str, g: &'a Group) -> CsvRow<'a> {
    CsvRow {
        section,
        key: &g.key,
        documents: g.documents,
        quotes: g.quotes,
        share: g.share,
        anonymous: g.anonymous,
        unnamed: g.unnamed,
        unsourced: g.unsourced,
    }
}

fn csv_rows(s: &Stats) -> Vec<CsvRow<'_>> {
    let mut rows = vec![group_row("total", &s.total)];
    let total = s.total.quotes.max(1) as f64;
    rows.extend(s.top_speakers.iter().map(|sp| CsvRow {
        section: "speaker",
        key: &sp.speaker,
        documents: sp.documents,
        quotes: sp.quotes,
        share: sp.quotes as f64 / total,
        anonymous: 0.0,
        unnamed: 0.0,
        unsourced: 0.0,
    }));
    rows.extend(s.source_kinds.iter().map(|g| group_row("source_kind", g)));
    rows.extend(s.outlets.iter().map(|g| group_row("outlet", g)));
    rows.extend(s.months.iter().map(|g| group_row("month", g)));
    rows
}

fn group_table(out: &mut impl Write, title: &str, groups: &[Group]) -> std::io::Result<()> {
    writeln!(out, "\n{title}")?;
    let rows: Vec<Vec<String>> = groups
        .iter()
        .map(|g| {
            vec![
                tabulate::clip(&g.key, 40),
                g.documents.to_string(),
                g.quotes.to_string(),
                percent(g.share),
                percent(g.anonymous),
                percent(g.unnamed),
                percent(g.unsourced),
            ]
        })
        .collect();
    tabulate::write(
        out,
        &[
            "",
            "docs",
            "quotes",
            "share",
            "anonymous",
            "unnamed",
            "no source",
        ],
        &rows,
    )
}

fn table(out: &mut impl Write, s: &Stats) -> std::io::Result<()> {
    let t = &s.total;
    writeln!(
        out,
        "{} documents, {} quotations; anonymous sources {}, unnamed groups {}, no source {}",
        t.documents,
        t.quotes,
        percent(t.anonymous),
        percent(t.unnamed),
        percent(t.unsourced)
    )?;
    writeln!(out, "\nTop speakers")?;
    let rows: Vec<Vec<String>> = s
        .top_speakers
        .iter()
        .map(|sp| {
            vec![
                tabulate::clip(&sp.speaker, 40),
                sp.entity_kind.clone().unwrap_or_default(),
                sp.source_kind.clone(),
                sp.quotes.to_string(),
                sp.documents.to_string(),
            ]
        })
        .collect();
    tabulate::write(
        out,
        &["speaker", "entity", "source", "quotes", "docs"],
        &rows,
    )?;
    group_table(out, "Sources by kind", &s.source_kinds)?;
    group_table(out, "Per outlet", &s.outlets)?;
    group_table(out, "Per month", &s.months)
}

pub(crate) fn run(args: Args) -> Result<ExitCode> {
    let store = Store::open_existing(&args.db)?;
    let query = StatsQuery {
        since: args.since,
        until: args.until,
        outlet: args.outlet,
        top: args.top,
    };
    let s = stats(store.connection(), &query)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &s)?;
            writeln!(out)?;
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            for r in csv_rows(&s) {
                w.serialize(r)?;
            }
            w.flush()?;
        }
        Format::Table => table(&mut out, &s)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
