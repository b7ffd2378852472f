//! Adding one document to the store.

use crate::error::Result;
use crate::fold::fold;
use crate::record::{iso_date, IndexDoc};
use crate::table::{name, speaker};
use quelle::schema::RoleJson;
use rusqlite::{params, Connection};

fn text(r: &Option<RoleJson>) -> Option<&str> {
    r.as_ref().map(|r| r.text.as_str())
}

/// The substring of `text` between two character offsets (empty when out of range).
fn char_slice<'a>(text: &'a str, starts: &[usize], start: usize, end: usize) -> &'a str {
    match (starts.get(start), starts.get(end)) {
        (Some(&a), Some(&b)) if a <= b => &text[a..b],
        _ => "",
    }
}

pub(super) fn insert(conn: &Connection, doc: &IndexDoc) -> Result<()> {
    // Replace: FTS rows first (they are not tied to the table by a foreign key).
    conn.prepare_cached(
        "DELETE FROM quotations_fts WHERE rowid IN
         (SELECT q.id FROM quotations q JOIN documents d ON d.id = q.document WHERE d.doc_id = ?1)",
    )?
    .execute([&doc.id])?;
    conn.prepare_cached("DELETE FROM documents WHERE doc_id = ?1")?
        .execute([&doc.id])?;

    let published = doc.published();
    let fields = (!doc.fields.is_empty())
        .then(|| serde_json::to_string(&doc.fields).expect("JSON values serialise"));
    conn.prepare_cached(
        "INSERT INTO documents (doc_id, source, line, record, url, title, author, outlet,
         published, date, tokens, quotes, fields, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        doc.id,
        doc.origin.path,
        doc.origin.line.map(|l| l as i64),
        doc.origin.record.map(|r| r as i64),
        doc.url,
        doc.title,
        doc.author,
        doc.outlet(),
        published,
        published.and_then(iso_date),
        doc.n_tokens as i64,
        doc.quotes.len() as i64,
        fields,
        doc.text,
    ])?;
    let document = conn.last_insert_rowid();

    // Character offsets → byte offsets, only when there are mentions to cut out.
    let starts: Vec<usize> = if doc.entities.is_empty() {
        Vec::new()
    } else {
        doc.text
            .char_indices()
            .map(|(i, _)| i)
            .chain([doc.text.len()])
            .collect()
    };
    let mut entity_rows = Vec::with_capacity(doc.entities.len());
    for e in &doc.entities {
        conn.prepare_cached(
            "INSERT INTO entities (document, entity_id, name, kind, role) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![document, e.id, e.name, name(&e.kind), e.role])?;
        let row = conn.last_insert_rowid();
        entity_rows.push((e.id.as_str(), row));
        let mut stmt = conn.prepare_cached(
            "INSERT INTO mentions (entity, start, end, text) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for m in &e.mentions {
            stmt.execute(params![
                row,
                m.start as i64,
                m.end as i64,
                char_slice(&doc.text, &starts, m.start, m.end)
            ])?;
        }
    }

    for (n, q) in doc.quotes.iter().enumerate() {
        let (speaker_name, entity_kind) = speaker(doc, q);
        let entity_row = q
            .speaker
            .as_ref()
            .and_then(|s| s.entity.as_deref())
            .and_then(|id| entity_rows.iter().find(|(e, _)| *e == id))
            .map(|(_, row)| *row);
        let channel = q
            .via
            .iter()
            .map(|v| v.role.text.as_str())
            .collect::<Vec<_>>()
            .join(" | ");
        let first = q.content.spans.first();
        let last = q.content.spans.last();
        conn.prepare_cached(
            "INSERT INTO quotations (document, n, type, medium, content, content_start, content_end,
             speaker, speaker_mention, speaker_entity, entity_kind, source_kind, status, channel,
             cue, frame, addressee, status_cue, json)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
        )?
        .execute(params![
            document,
            n as i64,
            name(&q.kind),
            q.medium.as_ref().map(name),
            q.content.text,
            first.map(|s| s.start as i64),
            last.map(|s| s.end as i64),
            (!speaker_name.is_empty()).then_some(&speaker_name),
            q.speaker.as_ref().map(|s| s.role.text.as_str()),
            entity_row,
            (!entity_kind.is_empty()).then_some(&entity_kind),
            name(&q.source_kind),
            name(&q.status),
            (!channel.is_empty()).then_some(&channel),
            text(&q.cue),
            text(&q.frame),
            text(&q.addressee),
            text(&q.status_cue),
            serde_json::to_string(q).expect("quotes serialise"),
        ])?;
        let row = conn.last_insert_rowid();
        // Index both the resolved name and the mention (`Putin`, `der Kremlchef`).
        let mut who = speaker_name.clone();
        if let Some(m) = q.speaker.as_ref().map(|s| s.role.text.as_str()) {
            if m != speaker_name {
                who.push(' ');
                who.push_str(m);
            }
        }
        conn.prepare_cached(
            "INSERT INTO quotations_fts (rowid, content, speaker) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![row, fold(&q.content.text), fold(&who)])?;
    }
    Ok(())
}
