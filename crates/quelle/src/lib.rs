//! # quelle
//!
//! Reads German news and lays bare its sourcing: who said what, to whom, how,
//! through which channel, and according to whom.
//!
//! ```
//! let pipeline = quelle::Pipeline::builder().build().unwrap();
//! let doc = pipeline.analyze("Pjöngjang: Russland und Nordkorea vereinbaren Partnerschaft");
//! let json = quelle::schema::AnalysisJson::from_document(&doc);
//! assert_eq!(json.schema, "quelle/1");
//! assert_eq!(json.meta.dateline.unwrap().end, 10);
//! ```
//!
//! Stages, one module each: [`input`] (bytes to text), [`structure`] (blocks),
//! [`segment`] (tokens and sentences), then the analysis stages; [`schema`] is the
//! JSON contract and [`eval`] the official gnqa scoring.
#![warn(missing_docs)]

pub mod document;
pub mod entities;
pub mod error;
pub mod eval;
pub mod input;
pub mod lexicon;
pub mod model;
pub mod pipeline;
pub mod quotes;
pub mod report;
pub mod schema;
pub mod segment;
pub mod sources;
pub mod span;
pub mod structure;

pub use document::Document;
pub use error::{Error, ErrorKind, Result};
pub use pipeline::{Pipeline, PipelineBuilder};
