//! The output records: one JSON line per document, the `analyze` format plus id and source metadata.
//!
//! A line is a [`DocHeader`] (id, origin, url, title, author, published,
//! outlet, other metadata) followed by the fields of
//! [`quelle::schema::AnalysisJson`] at the same level, so `jq .quotes` works
//! exactly as on `quelle analyze` output.

use quelle::schema::{AnalysisJson, EntityJson, QuoteJson};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Where a document came from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// The input file (`-` for stdin).
    pub path: String,
    /// The 1-based line, for JSONL inputs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The 0-based record index, for WARC inputs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<usize>,
    /// The byte offset of the record in the uncompressed WARC stream.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
}

/// Identity and metadata of a document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocHeader {
    /// The id: from the JSONL id field, else the WARC target URI, else `path` or `path:line`.
    pub id: String,
    /// Where it came from.
    pub origin: Origin,
    /// The canonical URL (HTML and WARC inputs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The headline as given by the page metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The author(s).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The publication date/time as found (ISO 8601 on most pages).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The outlet: the site name, else the host of the URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Other fields of a JSONL input line, kept as they were (not `meta`: that is the analysis's headline and dateline).
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub fields: Map<String, Value>,
}

/// A document line as written: the header, then the analysis at the same level.
#[derive(Debug, Serialize)]
pub struct DocRecord<'a> {
    /// Identity and metadata.
    #[serde(flatten)]
    pub header: &'a DocHeader,
    /// The `quelle/1` analysis.
    #[serde(flatten)]
    pub analysis: &'a AnalysisJson,
}

/// What the store and the quotation table need of a document line.
///
/// Reading a line into this type skips tokens, sentences and blocks cheaply
/// (only the number of tokens is kept).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct IndexDoc {
    /// The id.
    pub id: String,
    /// Where it came from.
    #[serde(default)]
    pub origin: Origin,
    /// The canonical URL.
    #[serde(default)]
    pub url: Option<String>,
    /// The page title.
    #[serde(default)]
    pub title: Option<String>,
    /// The author(s).
    #[serde(default)]
    pub author: Option<String>,
    /// The publication date/time.
    #[serde(default)]
    pub published: Option<String>,
    /// The outlet.
    #[serde(default)]
    pub outlet: Option<String>,
    /// Other fields of the input line.
    #[serde(default)]
    pub fields: Map<String, Value>,
    /// The text.
    pub text: String,
    /// The number of tokens.
    #[serde(default, rename = "tokens", deserialize_with = "count")]
    pub n_tokens: usize,
    /// The quotations.
    #[serde(default)]
    pub quotes: Vec<QuoteJson>,
    /// The entities.
    #[serde(default)]
    pub entities: Vec<EntityJson>,
}

fn count<'de, D: serde::Deserializer<'de>>(d: D) -> Result<usize, D::Error> {
    // Zero-sized elements: counting allocates nothing.
    Ok(Vec::<serde::de::IgnoredAny>::deserialize(d)?.len())
}

impl IndexDoc {
    /// Builds the index view from a header and an analysis (taking ownership, no copies).
    pub fn from_parts(header: DocHeader, analysis: AnalysisJson) -> Self {
        IndexDoc {
            id: header.id,
            origin: header.origin,
            url: header.url,
            title: header.title,
            author: header.author,
            published: header.published,
            outlet: header.outlet,
            fields: header.fields,
            text: analysis.text,
            n_tokens: analysis.tokens.len(),
            quotes: analysis.quotes,
            entities: analysis.entities,
        }
    }

    /// The publication date: the header's, else a date-like metadata field.
    pub fn published(&self) -> Option<&str> {
        self.published.as_deref().or_else(|| {
            [
                "published",
                "date",
                "published_time",
                "datePublished",
                "pubdate",
            ]
            .iter()
            .find_map(|k| self.fields.get(*k).and_then(Value::as_str))
        })
    }

    /// The outlet: the header's, else an outlet-like metadata field, else the URL's host.
    pub fn outlet(&self) -> Option<String> {
        self.outlet
            .clone()
            .or_else(|| {
                ["outlet", "site", "site_name", "publisher", "source"]
                    .iter()
                    .find_map(|k| self.fields.get(*k).and_then(Value::as_str))
                    .map(str::to_owned)
            })
            .or_else(|| self.url.as_deref().and_then(host).map(str::to_owned))
    }
}

/// The host of an absolute URL, without a leading `www.`.
pub fn host(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

/// Normalises a date to `YYYY-MM-DD` when it starts with one (ISO 8601) or is German `D.M.YYYY`.
pub fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() >= 10
        && b[4] == b'-'
        && b[7] == b'-'
        && [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&i| b[i].is_ascii_digit())
    {
        return Some(s[..10].to_owned());
    }
    let mut parts = s
        .split(|c: char| c == '.' || c.is_whitespace())
        .filter(|p| !p.is_empty());
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    let (d, m, y): (u32, u32, u32) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
    ((1..=31).contains(&d) && (1..=12).contains(&m) && y >= 1000)
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_dates() {
        assert_eq!(
            host("https://www.derstandard.at/story/1?x"),
            Some("derstandard.at")
        );
        assert_eq!(host("nope"), None);
        assert_eq!(
            iso_date("2024-03-05T10:00:00+01:00").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(iso_date("5.3.2024").as_deref(), Some("2024-03-05"));
        assert_eq!(iso_date("gestern"), None);
    }
}
