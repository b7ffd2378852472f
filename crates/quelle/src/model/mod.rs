//! Learned models: feature hashing, the averaged perceptron, Viterbi decoding and
//! the versioned binary model format.
//!
//! Models are small linear models over hashed features. They are trained by
//! [`train`] (reproducibly: fixed order, no randomness) and stored in the
//! `QLQM` format (see [`format`]); the library embeds its default models.

pub mod format;
pub mod hash;
pub mod linear;
pub mod quantised;
pub mod train;
pub mod viterbi;

pub use linear::LinearModel;
pub use quantised::QuantisedModel;
