//! `quelle search`: quotations by text, speaker, kinds, status, date and outlet.

use crate::error::Result;
use crate::fold::fold;
use rusqlite::types::Value;
use rusqlite::Connection;
use serde::Serialize;

/// A search: every given criterion must hold.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    /// Words in the quotation content (each word matches as a prefix: `Waffenlieferung` finds `Waffenlieferungen`).
    pub text: Option<String>,
    /// Words of the speaker's name or mention (prefix match, umlauts folded).
    pub speaker: Option<String>,
    /// Source kinds (`state_media`, `anonymous`, …): any of them.
    pub source_kinds: Vec<String>,
    /// Entity kinds of the speaker (`person`, `media`, …): any of them.
    pub entity_kinds: Vec<String>,
    /// Statuses (`stated`, `denied`, …): any of them.
    pub statuses: Vec<String>,
    /// Quotation types (`direct`, `indirect`, …): any of them.
    pub types: Vec<String>,
    /// Publication date on or after (`YYYY-MM-DD`).
    pub since: Option<String>,
    /// Publication date on or before (`YYYY-MM-DD`).
    pub until: Option<String>,
    /// Outlet (case-insensitive substring).
    pub outlet: Option<String>,
    /// The most hits returned.
    pub limit: usize,
}

/// A quotation found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    /// The document id.
    pub document: String,
    /// The publication date (`YYYY-MM-DD`), if known.
    pub date: Option<String>,
    /// The outlet, if known.
    pub outlet: Option<String>,
    /// The URL, if known.
    pub url: Option<String>,
    /// The speaker (entity name, else mention).
    pub speaker: Option<String>,
    /// The speaker's entity kind.
    pub entity_kind: Option<String>,
    /// The kind of source.
    pub source_kind: String,
    /// The quotation type.
    #[serde(rename = "type")]
    pub kind: String,
    /// The medium.
    pub medium: Option<String>,
    /// The status.
    pub status: String,
    /// The channels.
    pub channel: Option<String>,
    /// What was said.
    pub content: String,
    /// The cue.
    pub cue: Option<String>,
}

/// An FTS5 query for the words of `text` in `column`, each as a quoted prefix term.
fn fts_terms(column: &str, text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("{column} : \"{w}\"*"))
        .collect()
}

fn any_of(sql: &mut String, args: &mut Vec<Value>, column: &str, values: &[String]) {
    if values.is_empty() {
        return;
    }
    let marks = vec!["?"; values.len()].join(", ");
    sql.push_str(&format!(" AND {column} IN ({marks})"));
    // Kind names are lowercase snake case; accept `State_Media` too.
    args.extend(values.iter().map(|v| Value::Text(v.trim().to_lowercase())));
}

/// Runs a search; hits are ranked by relevance when there is a text or speaker query, else by date.
pub fn search(conn: &Connection, q: &SearchQuery) -> Result<Vec<Hit>> {
    let mut terms = Vec::new();
    if let Some(t) = &q.text {
        terms.extend(fts_terms("content", t));
    }
    if let Some(s) = &q.speaker {
        terms.extend(fts_terms("speaker", s));
    }
    let mut sql = String::from(
        "SELECT d.doc_id, d.date, d.outlet, d.url, q.speaker, q.entity_kind, q.source_kind, q.type,
                q.medium, q.status, q.channel, q.content, q.cue
         FROM quotations q JOIN documents d ON d.id = q.document",
    );
    let mut args: Vec<Value> = Vec::new();
    if terms.is_empty() {
        sql.push_str(" WHERE 1");
    } else {
        sql.push_str(" JOIN quotations_fts f ON f.rowid = q.id WHERE quotations_fts MATCH ?");
        args.push(Value::Text(terms.join(" AND ")));
    }
    any_of(&mut sql, &mut args, "q.source_kind", &q.source_kinds);
    any_of(&mut sql, &mut args, "q.entity_kind", &q.entity_kinds);
    any_of(&mut sql, &mut args, "q.status", &q.statuses);
    any_of(&mut sql, &mut args, "q.type", &q.types);
    if let Some(s) = &q.since {
        sql.push_str(" AND d.date >= ?");
        args.push(Value::Text(s.clone()));
    }
    if let Some(u) = &q.until {
        sql.push_str(" AND d.date <= ?");
        args.push(Value::Text(u.clone()));
    }
    if let Some(o) = &q.outlet {
        sql.push_str(" AND d.outlet LIKE ?");
        args.push(Value::Text(format!("%{o}%")));
    }
    sql.push_str(if terms.is_empty() {
        " ORDER BY d.date, d.id, q.n"
    } else {
        " ORDER BY f.rank, d.date, d.id, q.n"
    });
    sql.push_str(" LIMIT ?");
    args.push(Value::Integer(q.limit.min(i64::MAX as usize) as i64));
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(args), |r| {
        Ok(Hit {
            document: r.get(0)?,
            date: r.get(1)?,
            outlet: r.get(2)?,
            url: r.get(3)?,
            speaker: r.get(4)?,
            entity_kind: r.get(5)?,
            source_kind: r.get(6)?,
            kind: r.get(7)?,
            medium: r.get(8)?,
            status: r.get(9)?,
            channel: r.get(10)?,
            content: r.get(11)?,
            cue: r.get(12)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

#[cfg(test)]
mod tests {
    use super::fts_terms;

    #[test]
    fn terms_are_folded_quoted_prefixes() {
        assert_eq!(
            fts_terms("speaker", "Müller-Lüdenscheidt \"x"),
            [
                "speaker : \"mueller\"*",
                "speaker : \"luedenscheidt\"*",
                "speaker : \"x\"*"
            ]
        );
    }
}
