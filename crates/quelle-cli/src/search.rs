//! `quelle search`: quotations in the corpus database.

use crate::tabulate::{self, clip, Format};
use anyhow::Result;
use quelle_corpus::store::{search, SearchQuery, Store};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `quelle search`.
#[derive(clap::Args, Debug)]
pub(crate) struct Args {
    /// Words in the quotation (each matches as a word prefix; umlauts and case do not matter).
    text: Option<String>,
    /// The corpus database.
    #[arg(long, default_value = "corpus.sqlite")]
    db: PathBuf,
    /// Words of the speaker's name or mention.
    #[arg(long)]
    speaker: Option<String>,
    /// Source kinds: named_person, named_organization, official, state_media, other_media,
    /// unnamed_group, anonymous, document, unknown (repeat or separate by commas).
    #[arg(long, value_delimiter = ',')]
    kind: Vec<String>,
    /// Entity kinds of the speaker: person, organization, media, government, country, place, group, anonymous.
    #[arg(long, value_delimiter = ',')]
    entity_kind: Vec<String>,
    /// Statuses: stated, denied, hedged, speculative, unconfirmed.
    #[arg(long, value_delimiter = ',')]
    status: Vec<String>,
    /// Quotation types: direct, indirect, reported, free_indirect, indirect_free_indirect.
    #[arg(long = "type", value_delimiter = ',')]
    types: Vec<String>,
    /// Published on or after this date (YYYY-MM-DD).
    #[arg(long)]
    since: Option<String>,
    /// Published on or before this date (YYYY-MM-DD).
    #[arg(long)]
    until: Option<String>,
    /// Outlet (substring, case-insensitive).
    #[arg(long)]
    outlet: Option<String>,
    /// The most quotations shown.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

pub(crate) fn run(args: Args) -> Result<ExitCode> {
    let store = Store::open_existing(&args.db)?;
    let query = SearchQuery {
        text: args.text,
        speaker: args.speaker,
        source_kinds: args.kind,
        entity_kinds: args.entity_kind,
        statuses: args.status,
        types: args.types,
        since: args.since,
        until: args.until,
        outlet: args.outlet,
        limit: args.limit,
    };
    let hits = search(store.connection(), &query)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &hits)?;
            writeln!(out)?;
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            for h in &hits {
                w.serialize(h)?;
            }
            w.flush()?;
        }
        Format::Table => {
            let rows: Vec<Vec<String>> = hits
                .iter()
                .map(|h| {
                    vec![
                        tabulate::clip_left(&h.document, 28),
                        h.date.clone().unwrap_or_default(),
                        clip(h.outlet.as_deref().unwrap_or(""), 20),
                        clip(h.speaker.as_deref().unwrap_or("–"), 24),
                        h.source_kind.clone(),
                        h.kind.clone(),
                        h.status.clone(),
                        clip(&h.content, 60),
                    ]
                })
                .collect();
            tabulate::write(
                &mut out,
                &[
                    "document", "date", "outlet", "speaker", "source", "type", "status", "content",
                ],
                &rows,
            )?;
            writeln!(out, "{} quotations", hits.len())?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
