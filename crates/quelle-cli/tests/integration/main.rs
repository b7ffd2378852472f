//! The one integration-test binary of the `quelle` CLI (modules by topic).

mod batch;
mod cli;
mod corpus;
mod eval;
mod golden;
mod store;
mod util;
mod warc;
