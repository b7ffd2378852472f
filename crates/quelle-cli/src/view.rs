//! The terminal view of an analysis.

use quelle::schema::AnalysisJson;
use std::io::{self, Write};

/// Writes a readable view of `doc`; ANSI colour only when `colour` is set.
pub(crate) fn render(out: &mut impl Write, doc: &AnalysisJson, colour: bool) -> io::Result<()> {
    let bold = |s: &str| {
        if colour {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    };
    let slice = |s: usize, e: usize| doc.text.chars().skip(s).take(e - s).collect::<String>();
    if let Some(d) = doc.meta.dateline {
        writeln!(out, "{} {}", bold("Dateline:"), slice(d.start, d.end))?;
    }
    if let Some(h) = doc.meta.headline {
        writeln!(out, "{} {}", bold("Headline:"), slice(h.start, h.end))?;
    }
    writeln!(
        out,
        "{} blocks, {} sentences, {} tokens, {} quotations",
        doc.blocks.len(),
        doc.sentences.len(),
        doc.tokens.len(),
        doc.quotes.len()
    )?;
    Ok(())
}
