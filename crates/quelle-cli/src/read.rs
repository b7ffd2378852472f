//! Reading input files or stdin into text, with errors naming the source.

use anyhow::{Context, Result};
use std::io::Read;
use std::path::Path;

/// Reads `path` (or stdin for `-`/`None`) and decodes it as UTF-8.
pub(crate) fn read_text(path: Option<&Path>) -> Result<String> {
    let (name, bytes) = match path {
        None => ("-".to_owned(), read_stdin()?),
        Some(p) if p.as_os_str() == "-" => ("-".to_owned(), read_stdin()?),
        Some(p) => {
            let name = p.display().to_string();
            let bytes = std::fs::read(p).with_context(|| format!("cannot read {name}"))?;
            (name, bytes)
        }
    };
    quelle::input::decode(&bytes).map_err(|e| e.with_source(name).into())
}

fn read_stdin() -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    std::io::stdin()
        .read_to_end(&mut buf)
        .context("cannot read standard input")?;
    Ok(buf)
}
