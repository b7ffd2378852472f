//! Errors of a run ([`Error`]) and failures of single documents ([`Failure`]).

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// An error that stops an operation (as opposed to a [`Failure`] of one document).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Reading or writing a file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The corpus database failed.
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The database was written by an incompatible version of quelle.
    #[error("database schema version {found} is not supported (expected {expected})")]
    SchemaVersion {
        /// The version in the file.
        found: i64,
        /// The version this build reads.
        expected: i64,
    },
    /// A record of a JSONL file could not be parsed.
    #[error("{path}:{line}: {message}")]
    Record {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What was wrong.
        message: String,
    },
    /// The analysis pipeline could not be built.
    #[error(transparent)]
    Pipeline(#[from] quelle::Error),
    /// Writing CSV failed.
    #[error("CSV: {0}")]
    Csv(#[from] csv::Error),
    /// An argument cannot be used.
    #[error("invalid argument: {0}")]
    InvalidArgument(String),
    /// A worker thread panicked (a bug): the output is not renamed into place.
    #[error("a worker thread panicked")]
    WorkerPanic,
    /// Writing Parquet failed.
    #[cfg(feature = "parquet")]
    #[error("Parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
}

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// Where in its source a document (or a failure) is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    /// The whole file is one document.
    File,
    /// A line of a JSONL file (1-based).
    Line(usize),
    /// A WARC record: 0-based index and byte offset in the (uncompressed) stream.
    Record {
        /// 0-based index of the record in the file.
        index: usize,
        /// Byte offset of the record in the uncompressed WARC stream.
        offset: u64,
    },
}

/// A document that could not be read or analysed: one line of the errors file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Failure {
    /// The document id, when it was known before the failure.
    pub id: Option<String>,
    /// The file (or `-` for stdin).
    pub source: String,
    /// Where in the file.
    pub position: Position,
    /// A short machine-readable class: `io`, `encoding`, `json`, `too_long`, `html`, `warc`, `gzip`, `http`, `empty`, `analysis`.
    pub kind: FailureKind,
    /// A human-readable reason.
    pub reason: String,
}

/// The class of a [`Failure`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FailureKind {
    /// The file could not be read.
    Io,
    /// The bytes are not valid UTF-8 (or declare an unsupported charset).
    Encoding,
    /// A JSONL line is not a JSON object with the text field.
    Json,
    /// A line or document exceeds the configured size limit.
    TooLong,
    /// No article could be extracted from an HTML page.
    Html,
    /// A WARC record is malformed.
    Warc,
    /// A gzip stream is corrupt or truncated.
    Gzip,
    /// An HTTP response inside a WARC record is malformed.
    Http,
    /// The file or the document text is empty.
    Empty,
    /// The pipeline failed on the document (a bug in quelle: please report it).
    Analysis,
}

impl Failure {
    /// A failure at `position` of `source`.
    pub fn new(
        source: impl Into<String>,
        position: Position,
        kind: FailureKind,
        reason: impl Into<String>,
    ) -> Self {
        Failure {
            id: None,
            source: source.into(),
            position,
            kind,
            reason: reason.into(),
        }
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.source)?;
        match &self.position {
            Position::File => {}
            Position::Line(l) => write!(f, ":{l}")?,
            Position::Record { index, offset } => write!(f, " record {index} (offset {offset})")?,
        }
        write!(f, ": {}", self.reason)
    }
}
