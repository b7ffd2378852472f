//! Plain-text tables for the terminal, and the output format choice of `search` and `stats`.

use clap::ValueEnum;
use std::io::{self, Write};

/// Output formats of `search` and `stats`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum Format {
    /// Aligned columns for the terminal.
    Table,
    /// JSON.
    Json,
    /// CSV with a header line.
    Csv,
}

/// Shortens `s` to at most `max` characters, marking the cut with `…`.
pub(crate) fn clip(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        s
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// Shortens `s` to at most `max` characters from the left (ids and paths: the end tells them apart).
pub(crate) fn clip_left(s: &str, max: usize) -> String {
    let n = s.chars().count();
    if n <= max {
        s.to_owned()
    } else {
        let mut out = String::from("…");
        out.extend(s.chars().skip(n - max.saturating_sub(1)));
        out
    }
}

/// Writes rows under a header, each column as wide as its widest cell.
pub(crate) fn write(out: &mut impl Write, header: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |out: &mut dyn Write, cells: &mut dyn Iterator<Item = &str>| -> io::Result<()> {
        let mut text = String::new();
        for (i, (cell, w)) in cells.zip(&widths).enumerate() {
            if i > 0 {
                text.push_str("  ");
            }
            text.push_str(cell);
            text.extend(std::iter::repeat_n(' ', w - cell.chars().count()));
        }
        writeln!(out, "{}", text.trim_end())
    };
    line(out, &mut header.iter().copied())?;
    let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
    line(out, &mut rule.iter().map(String::as_str))?;
    for row in rows {
        line(out, &mut row.iter().map(String::as_str))?;
    }
    Ok(())
}

/// Formats a share as a percentage.
pub(crate) fn percent(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}
