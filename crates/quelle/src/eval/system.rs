//! System output to score: the pipeline's, the gold's own, or a `quelle/1` JSONL file.

use super::gnqa::GoldDoc;
use crate::error::{Error, ErrorKind, Result};
use crate::schema::{AnalysisJson, MetaJson, SCHEMA};
use std::io::BufRead;
use std::path::Path;

/// The gold annotation dressed as system output (tokens, sentences, quotations),
/// for sanity checks: scored against its gold it gives 1.0 everywhere.
pub fn gold_as_system(gold: &GoldDoc) -> AnalysisJson {
    AnalysisJson {
        schema: SCHEMA.to_owned(),
        text: gold.text.clone(),
        meta: MetaJson::default(),
        blocks: Vec::new(),
        sentences: gold.sentences.clone(),
        tokens: gold.tokens.clone(),
        quotes: gold.quotes.clone(),
        entities: Vec::new(),
        profile: Default::default(),
        warnings: Vec::new(),
    }
}

fn parse_error(line: usize, message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Parse {
        line,
        message: message.into(),
    })
}

/// Reads system output aligned with `gold`: one `quelle/1` document per line
/// (blank lines skipped), the k-th being the analysis of the k-th gold text.
///
/// Errors name the 1-based line: malformed JSON, another schema, a text that
/// differs from its gold document's, or a different number of documents.
pub fn read(reader: impl BufRead, gold: &[GoldDoc]) -> Result<Vec<AnalysisJson>> {
    let mut docs = Vec::with_capacity(gold.len());
    let mut last_line = 0;
    for (i, line) in reader.lines().enumerate() {
        let line_no = i + 1;
        last_line = line_no;
        let line = line.map_err(|e| parse_error(line_no, e.to_string()))?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: AnalysisJson =
            serde_json::from_str(&line).map_err(|e| parse_error(line_no, e.to_string()))?;
        if doc.schema != SCHEMA {
            return Err(parse_error(
                line_no,
                format!("schema {:?}, expected {SCHEMA:?}", doc.schema),
            ));
        }
        let k = docs.len();
        let Some(g) = gold.get(k) else {
            return Err(parse_error(
                line_no,
                format!("more documents than the {} gold documents", gold.len()),
            ));
        };
        // Offsets are only comparable over the very same text.
        if doc.text != g.text {
            return Err(parse_error(
                line_no,
                format!("text differs from gold document {} ({})", k + 1, g.name),
            ));
        }
        docs.push(doc);
    }
    if docs.len() < gold.len() {
        return Err(parse_error(
            last_line,
            format!("{} documents, but the gold has {}", docs.len(), gold.len()),
        ));
    }
    Ok(docs)
}

/// Reads a system JSONL file aligned with `gold` (see [`read`]); errors name the file and line.
pub fn load(path: &Path, gold: &[GoldDoc]) -> Result<Vec<AnalysisJson>> {
    let name = path.display().to_string();
    let f = std::fs::File::open(path).map_err(|e| Error::from(e).with_source(name.clone()))?;
    read(std::io::BufReader::new(f), gold).map_err(|e| e.with_source(name))
}
