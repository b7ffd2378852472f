//! Typed errors of the library.
//!
//! Every fallible function of `quelle` returns [`Error`]; callers match on
//! [`ErrorKind`] to decide how to react (binaries map kinds to exit codes).

use std::fmt;

/// What went wrong, independent of where.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input bytes are not valid UTF-8.
    InvalidUtf8 {
        /// Byte offset of the first invalid byte.
        byte_offset: usize,
        /// 1-based line number of the first invalid byte.
        line: usize,
    },
    /// A record of a data file could not be parsed.
    Parse {
        /// 1-based line number in the file.
        line: usize,
        /// What the parser said.
        message: String,
    },
    /// A model or lexicon file is malformed or of an unknown version.
    Model(String),
    /// An I/O error, rendered as text so that `Error` stays `Clone`.
    Io(String),
    /// The caller passed an argument that cannot be used.
    InvalidArgument(String),
}

/// An error of the library: an [`ErrorKind`] plus the source (file name) it concerns, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    source_name: Option<String>,
}

impl Error {
    /// Creates an error of the given kind without a source name.
    pub fn new(kind: ErrorKind) -> Self {
        Error {
            kind,
            source_name: None,
        }
    }

    /// Attaches the name of the file (or `-` for stdin) the error concerns.
    pub fn with_source(mut self, name: impl Into<String>) -> Self {
        self.source_name = Some(name.into());
        self
    }

    /// The kind of error.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The file the error concerns, if known.
    pub fn source_name(&self) -> Option<&str> {
        self.source_name.as_deref()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(name) = &self.source_name {
            write!(f, "{name}: ")?;
        }
        match &self.kind {
            ErrorKind::InvalidUtf8 { byte_offset, line } => write!(
                f,
                "invalid UTF-8 at byte offset {byte_offset} (line {line}); quelle reads UTF-8 text only"
            ),
            ErrorKind::Parse { line, message } => write!(f, "line {line}: {message}"),
            ErrorKind::Model(m) => write!(f, "model error: {m}"),
            ErrorKind::Io(m) => write!(f, "{m}"),
            ErrorKind::InvalidArgument(m) => write!(f, "invalid argument: {m}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::new(ErrorKind::Io(e.to_string()))
    }
}

/// Shorthand for results of this library.
pub type Result<T> = std::result::Result<T, Error>;
