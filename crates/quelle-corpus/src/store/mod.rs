//! The corpus store: an embedded SQLite database of documents, quotations, entities and mentions.
//!
//! [`Store::open`] creates or checks the schema ([`schema::VERSION`] in
//! `PRAGMA user_version`, [`schema::NAME`] in the `meta` table);
//! [`Store::insert`] adds or replaces a document; [`search()`] and [`stats()`] query it.

mod insert;
pub mod schema;
pub mod search;
pub mod stats;

pub use search::{search, Hit, SearchQuery};
pub use stats::{stats, Stats, StatsQuery};

use crate::error::{Error, Result};
use crate::read::lines::{read_line, Line};
use crate::record::IndexDoc;
use rusqlite::Connection;
use std::io::BufReader;
use std::path::Path;

/// An open corpus database.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) the database at `path`.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path)?;
        Self::init(conn)
    }

    /// An in-memory database (tests).
    pub fn in_memory() -> Result<Store> {
        Self::init(Connection::open_in_memory()?)
    }

    /// Opens an existing database for queries; a missing file is an error, not a new database.
    pub fn open_existing(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(Error::io(
                path,
                std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "no corpus database here (create one with `quelle index`)",
                ),
            ));
        }
        Self::open(path)
    }

    fn init(conn: Connection) -> Result<Store> {
        // WAL + NORMAL: bulk inserts without an fsync per commit, still crash-safe.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        match version {
            0 => {
                conn.execute_batch(schema::DDL)?;
                conn.execute(
                    "INSERT INTO meta (key, value) VALUES ('schema', ?1), ('analysis_format', ?2), ('created_by', ?3)",
                    (
                        schema::NAME,
                        quelle::schema::SCHEMA,
                        concat!("quelle-corpus ", env!("CARGO_PKG_VERSION")),
                    ),
                )?;
                conn.pragma_update(None, "user_version", schema::VERSION)?;
            }
            v if v == schema::VERSION => {}
            found => {
                return Err(Error::SchemaVersion {
                    found,
                    expected: schema::VERSION,
                })
            }
        }
        Ok(Store { conn })
    }

    /// The connection (for queries of your own).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Starts a transaction (inserts are fast only inside one).
    pub fn begin(&mut self) -> Result<()> {
        self.conn.execute_batch("BEGIN")?;
        Ok(())
    }

    /// Commits the transaction.
    pub fn commit(&mut self) -> Result<()> {
        self.conn.execute_batch("COMMIT")?;
        Ok(())
    }

    /// Adds a document with its quotations, entities and mentions, replacing one with the same id.
    pub fn insert(&mut self, doc: &IndexDoc) -> Result<()> {
        insert::insert(&self.conn, doc)
    }

    /// Indexes a batch output file; returns the number of documents.
    pub fn index_jsonl(&mut self, path: &Path) -> Result<usize> {
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        let mut r = BufReader::with_capacity(1 << 20, file);
        let mut buf = Vec::new();
        let (mut line, mut n) = (0, 0);
        self.begin()?;
        loop {
            line += 1;
            match read_line(&mut r, &mut buf, usize::MAX).map_err(|e| Error::io(path, e))? {
                Line::Eof => break,
                Line::Ok if buf.iter().all(u8::is_ascii_whitespace) => continue,
                _ => {}
            }
            let doc: IndexDoc = serde_json::from_slice(&buf).map_err(|e| Error::Record {
                path: path.to_owned(),
                line,
                message: e.to_string(),
            })?;
            self.insert(&doc)?;
            n += 1;
            if n % 5000 == 0 {
                self.commit()?;
                self.begin()?;
            }
        }
        self.commit()?;
        Ok(n)
    }
}
