//! `quelle stats`: top speakers, sources by kind, anonymous and unnamed shares per outlet and month.

use crate::error::Result;
use rusqlite::types::Value;
use rusqlite::Connection;
use serde::Serialize;

/// Which documents to count, and how many speakers to list.
#[derive(Debug, Clone, Default)]
pub struct StatsQuery {
    /// Publication date on or after (`YYYY-MM-DD`).
    pub since: Option<String>,
    /// Publication date on or before (`YYYY-MM-DD`).
    pub until: Option<String>,
    /// Outlet (case-insensitive substring).
    pub outlet: Option<String>,
    /// How many top speakers to list.
    pub top: usize,
}

/// Counts for one group of quotations (all, one outlet, one month, one kind).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// The group: an outlet, a month `YYYY-MM`, a source kind, or `all`; `unknown` when missing.
    pub key: String,
    /// Documents in the group.
    pub documents: i64,
    /// Quotations in the group.
    pub quotes: i64,
    /// Share of the quotations of all selected quotations.
    pub share: f64,
    /// Share of the group's quotations from anonymous sources (`source_kind = anonymous`).
    pub anonymous: f64,
    /// Share from unnamed groups (`source_kind = unnamed_group`).
    pub unnamed: f64,
    /// Share without any source (`source_kind = unknown`).
    pub unsourced: f64,
}

/// A speaker with counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Speaker {
    /// The name (entity name, else mention).
    pub speaker: String,
    /// The entity kind, if resolved.
    pub entity_kind: Option<String>,
    /// The most frequent source kind of the speaker's quotations.
    pub source_kind: String,
    /// Quotations.
    pub quotes: i64,
    /// Documents quoting the speaker.
    pub documents: i64,
}

/// All statistics.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// Totals.
    pub total: Group,
    /// Most quoted speakers.
    pub top_speakers: Vec<Speaker>,
    /// Quotations by source kind.
    pub source_kinds: Vec<Group>,
    /// By outlet.
    pub outlets: Vec<Group>,
    /// By month of publication (`YYYY-MM`).
    pub months: Vec<Group>,
}

struct Filter {
    sql: String,
    args: Vec<Value>,
}

fn filter(q: &StatsQuery) -> Filter {
    let mut sql = String::from("1");
    let mut args = Vec::new();
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
    Filter { sql, args }
}

/// Groups quotations by `key` (an SQL expression over `d` and `q`).
fn groups(conn: &Connection, f: &Filter, key: &str, total: i64) -> Result<Vec<Group>> {
    let sql = format!(
        "SELECT COALESCE({key}, 'unknown') AS k,
                COUNT(DISTINCT d.id), COUNT(q.id),
                SUM(q.source_kind = 'anonymous'), SUM(q.source_kind = 'unnamed_group'),
                SUM(q.source_kind = 'unknown')
         FROM documents d LEFT JOIN quotations q ON q.document = d.id
         WHERE {}
         GROUP BY k ORDER BY COUNT(q.id) DESC, k",
        f.sql
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(f.args.iter()), |r| {
        let quotes: i64 = r.get(2)?;
        let part = |n: Option<i64>| {
            if quotes == 0 {
                0.0
            } else {
                n.unwrap_or(0) as f64 / quotes as f64
            }
        };
        Ok(Group {
            key: r.get(0)?,
            documents: r.get(1)?,
            quotes,
            share: if total == 0 {
                0.0
            } else {
                quotes as f64 / total as f64
            },
            anonymous: part(r.get(3)?),
            unnamed: part(r.get(4)?),
            unsourced: part(r.get(5)?),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Computes the statistics over the selected documents.
pub fn stats(conn: &Connection, q: &StatsQuery) -> Result<Stats> {
    let f = filter(q);
    let total_quotes: i64 = conn.query_row(
        &format!(
            "SELECT COUNT(q.id) FROM documents d JOIN quotations q ON q.document = d.id WHERE {}",
            f.sql
        ),
        rusqlite::params_from_iter(f.args.iter()),
        |r| r.get(0),
    )?;
    let total = groups(conn, &f, "'all'", total_quotes)?
        .pop()
        .unwrap_or(Group {
            key: "all".into(),
            documents: 0,
            quotes: 0,
            share: 0.0,
            anonymous: 0.0,
            unnamed: 0.0,
            unsourced: 0.0,
        });
    let mut source_kinds = groups(conn, &f, "q.source_kind", total_quotes)?;
    // Documents without quotations form a NULL group: not a kind of source.
    source_kinds.retain(|g| g.quotes > 0);
    let outlets = groups(conn, &f, "d.outlet", total_quotes)?;
    let mut months = groups(conn, &f, "substr(d.date, 1, 7)", total_quotes)?;
    months.sort_by(|a, b| a.key.cmp(&b.key));

    let sql = format!(
        "SELECT q.speaker, MAX(q.entity_kind), COUNT(*), COUNT(DISTINCT d.id),
                (SELECT q2.source_kind FROM quotations q2 WHERE q2.speaker = q.speaker
                 GROUP BY q2.source_kind ORDER BY COUNT(*) DESC LIMIT 1)
         FROM quotations q JOIN documents d ON d.id = q.document
         WHERE q.speaker IS NOT NULL AND {}
         GROUP BY q.speaker ORDER BY COUNT(*) DESC, q.speaker LIMIT ?",
        f.sql
    );
    let mut args = f.args.clone();
    args.push(Value::Integer(q.top.min(i64::MAX as usize) as i64));
    let mut stmt = conn.prepare(&sql)?;
    let top_speakers = stmt
        .query_map(rusqlite::params_from_iter(args), |r| {
            Ok(Speaker {
                speaker: r.get(0)?,
                entity_kind: r.get(1)?,
                quotes: r.get(2)?,
                documents: r.get(3)?,
                source_kind: r.get(4)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(Stats {
        total,
        top_speakers,
        source_kinds,
        outlets,
        months,
    })
}
