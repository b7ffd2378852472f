//! The one integration-test binary of the `quelle` CLI (modules by topic).

mod batch;
mod browser;
mod cli;
mod corpus;
mod entities;
mod eval;
mod golden;
mod report;
mod store;
mod util;
mod warc;
