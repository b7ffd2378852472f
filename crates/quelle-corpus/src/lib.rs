//! Corpus-scale quelle: read many articles, analyse them on all cores, store and query the result.
//!
//! - [`read`] turns inputs (directories, `.txt`, `.html`, `.jsonl`, `.warc[.gz]`, stdin)
//!   into a stream of [`read::RawDoc`]s, each with a source and position so that
//!   a failure can be reported precisely.
//! - [`prepare`] turns a raw document into text plus metadata (HTML extraction,
//!   JSONL fields); it runs on the worker threads because it costs CPU.
//! - [`batch`] runs the pipeline over the stream with bounded memory and writes
//!   [`record::DocRecord`] lines, the quotation table and an errors file.
//! - [`store`] is the SQLite corpus store: [`store::Store::index_jsonl`],
//!   [`store::search()`] and [`store::stats()`].
//!
//! Every fallible function returns [`Error`]; per-document problems are not
//! errors of the run but [`Failure`]s, reported and counted while the batch goes on.

#![warn(missing_docs)]

pub mod batch;
mod error;
pub mod fold;
pub mod html;
pub mod prepare;
pub mod read;
pub mod record;
pub mod store;
pub mod table;

#[cfg(feature = "parquet")]
pub mod parquet_export;

pub use error::{Error, Failure, FailureKind, Position, Result};
