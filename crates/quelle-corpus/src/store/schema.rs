//! The corpus database schema, version [`VERSION`] (also in `docs/batch.md`).
//!
//! Plain tables with plain column types, so that `sqlite3`, DuckDB's SQLite
//! scanner and pandas read them as they are; only `quotations_fts` is an
//! FTS5 virtual table (its text is folded with [`crate::fold::fold`]).

/// `PRAGMA user_version` of the schema this build writes and reads.
pub const VERSION: i64 = 1;

/// The schema name stored in the `meta` table.
pub const NAME: &str = "quelle-corpus/1";

/// The DDL of a new database.
pub const DDL: &str = r#"
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE documents (
    id        INTEGER PRIMARY KEY,
    doc_id    TEXT NOT NULL UNIQUE,
    source    TEXT NOT NULL,
    line      INTEGER,
    record    INTEGER,
    url       TEXT,
    title     TEXT,
    author    TEXT,
    outlet    TEXT,
    published TEXT,
    date      TEXT,
    tokens    INTEGER NOT NULL,
    quotes    INTEGER NOT NULL,
    fields    TEXT,
    text      TEXT NOT NULL
);
CREATE INDEX documents_date ON documents(date);
CREATE INDEX documents_outlet ON documents(outlet);
CREATE TABLE entities (
    id        INTEGER PRIMARY KEY,
    document  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    name      TEXT NOT NULL,
    kind      TEXT NOT NULL,
    role      TEXT,
    UNIQUE (document, entity_id)
);
CREATE INDEX entities_name ON entities(name);
CREATE TABLE mentions (
    entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    start  INTEGER NOT NULL,
    end    INTEGER NOT NULL,
    text   TEXT NOT NULL
);
CREATE INDEX mentions_entity ON mentions(entity);
CREATE TABLE quotations (
    id              INTEGER PRIMARY KEY,
    document        INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    n               INTEGER NOT NULL,
    type            TEXT NOT NULL,
    medium          TEXT,
    content         TEXT NOT NULL,
    content_start   INTEGER,
    content_end     INTEGER,
    speaker         TEXT,
    speaker_mention TEXT,
    speaker_entity  INTEGER REFERENCES entities(id) ON DELETE SET NULL,
    entity_kind     TEXT,
    source_kind     TEXT NOT NULL,
    status          TEXT NOT NULL,
    channel         TEXT,
    cue             TEXT,
    frame           TEXT,
    addressee       TEXT,
    status_cue      TEXT,
    json            TEXT NOT NULL
);
CREATE INDEX quotations_document ON quotations(document);
CREATE INDEX quotations_speaker ON quotations(speaker);
CREATE INDEX quotations_source_kind ON quotations(source_kind);
CREATE VIRTUAL TABLE quotations_fts USING fts5(content, speaker, tokenize = 'unicode61');
"#;
