//! The sourcing report: a profile of who speaks and how, warnings an editor
//! would raise, and the views that show them (self-contained HTML here; the
//! terminal view lives in the CLI).
//!
//! [`profile::build`] and [`warnings::detect`] read only the `quelle/1`
//! analysis, and [`crate::schema::AnalysisJson::from_document`] stores their
//! results in the JSON, so every front end shows the same figures.

pub mod html;
pub mod labels;
pub mod profile;
pub mod warnings;
pub(crate) mod words;

#[cfg(test)]
pub(crate) mod fixture;
#[cfg(test)]
mod warnings_tests;

pub use labels::Lang;
pub use profile::ProfileJson;
pub use warnings::{Severity, WarningJson};
