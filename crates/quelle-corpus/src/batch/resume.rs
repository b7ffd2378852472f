//! `--resume`: the ids already in an output, and its documents replayed to the other sinks.

use crate::error::{Error, Result};
use crate::read::lines::{read_line, Line};
use crate::record::IndexDoc;
use serde::Deserialize;
use std::collections::HashSet;
use std::io::BufReader;
use std::path::Path;

#[derive(Deserialize)]
struct IdOnly {
    id: String,
}

/// Reads the ids of `out` (if it exists); with `full`, each document is parsed and
/// passed to `sink` so that the CSV, Parquet and database outputs are complete too.
pub fn replay(
    out: &Path,
    full: bool,
    mut sink: impl FnMut(Option<&IndexDoc>) -> Result<()>,
) -> Result<HashSet<String>> {
    let mut ids = HashSet::new();
    let file = match std::fs::File::open(out) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(ids),
        Err(e) => return Err(Error::io(out, e)),
    };
    let mut r = BufReader::with_capacity(1 << 20, file);
    let mut buf = Vec::new();
    let mut line = 0;
    loop {
        line += 1;
        match read_line(&mut r, &mut buf, usize::MAX).map_err(|e| Error::io(out, e))? {
            Line::Eof => return Ok(ids),
            Line::TooLong(_) => unreachable!("no limit"),
            Line::Ok if buf.iter().all(u8::is_ascii_whitespace) => continue,
            Line::Ok => {}
        }
        let bad = |e: serde_json::Error| Error::Record {
            path: out.to_owned(),
            line,
            message: e.to_string(),
        };
        if full {
            let doc: IndexDoc = serde_json::from_slice(&buf).map_err(bad)?;
            sink(Some(&doc))?;
            ids.insert(doc.id);
        } else {
            let doc: IdOnly = serde_json::from_slice(&buf).map_err(bad)?;
            sink(None)?;
            ids.insert(doc.id);
        }
    }
}
