//! The `QLQM` binary model format, version 1.
//!
//! Layout (all integers little-endian):
//!
//! | field | type |
//! |---|---|
//! | magic | `b"QLQM"` |
//! | format version | `u16` = 1 |
//! | model name and feature-set version | `u8` length + UTF-8, e.g. `quotes.content/1` |
//! | label count `L` | `u32` |
//! | label names | `L` × (`u8` length + UTF-8) |
//! | bucket count `B` (power of two) | `u32` |
//! | weight encoding | `u8`: 0 = `i16` scaled, 1 = `f32` |
//! | weight scale `s` | `f32` (1.0 for `f32` weights) |
//! | weights | `B × L` × (`i16`, weight = value × `s`, or `f32`) |
//! | transitions | `(L + 1) × L` × `f32` |
//!
//! Weights are quantised to 16 bits to keep committed models small; the name
//! carries the feature-set version, so code and model can never silently disagree.

use super::LinearModel;
use crate::error::{Error, ErrorKind, Result};

const MAGIC: &[u8; 4] = b"QLQM";
const VERSION: u16 = 1;

/// How feature weights are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeightEncoding {
    /// 16-bit integers with one scale: half the size, for well-conditioned models.
    I16 = 0,
    /// 32-bit floats: exact.
    F32 = 1,
}

/// A model together with its name and label names.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelFile {
    /// How the weights are stored.
    pub encoding: WeightEncoding,
    /// Model name with feature-set version, e.g. `quotes.content/1`.
    pub name: String,
    /// Label names, one per label.
    pub label_names: Vec<String>,
    /// The weights.
    pub model: LinearModel,
}

fn push_str(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    let n = b.len().min(255);
    out.push(n as u8);
    out.extend_from_slice(&b[..n]);
}

impl ModelFile {
    /// Serialises the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let m = &self.model;
        let mut out = Vec::with_capacity(64 + m.weights.len() * 2 + m.transitions.len() * 4);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        push_str(&mut out, &self.name);
        out.extend_from_slice(&(m.labels as u32).to_le_bytes());
        for l in &self.label_names {
            push_str(&mut out, l);
        }
        out.extend_from_slice(&(m.buckets as u32).to_le_bytes());
        out.push(self.encoding as u8);
        match self.encoding {
            WeightEncoding::I16 => {
                let max = m.weights.iter().fold(0.0f32, |a, w| a.max(w.abs()));
                let scale = if max > 0.0 {
                    max / i16::MAX as f32
                } else {
                    1.0
                };
                out.extend_from_slice(&scale.to_le_bytes());
                for w in &m.weights {
                    out.extend_from_slice(&((w / scale).round() as i16).to_le_bytes());
                }
            }
            WeightEncoding::F32 => {
                out.extend_from_slice(&1.0f32.to_le_bytes());
                for w in &m.weights {
                    out.extend_from_slice(&w.to_le_bytes());
                }
            }
        }
        for t in &m.transitions {
            out.extend_from_slice(&t.to_le_bytes());
        }
        out
    }

    /// Reads a model, checking magic, version and the expected name.
    pub fn from_bytes(bytes: &[u8], expected_name: &str) -> Result<Self> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(4)? != MAGIC {
            return Err(model_err("not a quelle model (bad magic)"));
        }
        let version = u16::from_le_bytes(r.array()?);
        if version != VERSION {
            return Err(model_err(&format!(
                "unsupported model format version {version}"
            )));
        }
        let name = r.string()?;
        if name != expected_name {
            return Err(model_err(&format!(
                "model is {name:?}, expected {expected_name:?}"
            )));
        }
        let labels = u32::from_le_bytes(r.array()?) as usize;
        if labels == 0 || labels > 1024 {
            return Err(model_err("implausible label count"));
        }
        let label_names = (0..labels)
            .map(|_| r.string())
            .collect::<Result<Vec<_>>>()?;
        let buckets = u32::from_le_bytes(r.array()?) as usize;
        if !buckets.is_power_of_two() {
            return Err(model_err("bucket count is not a power of two"));
        }
        let encoding = match r.take(1)?[0] {
            0 => WeightEncoding::I16,
            1 => WeightEncoding::F32,
            e => return Err(model_err(&format!("unknown weight encoding {e}"))),
        };
        let scale = f32::from_le_bytes(r.array()?);
        let n = buckets
            .checked_mul(labels)
            .ok_or_else(|| model_err("model too large"))?;
        let width = if encoding == WeightEncoding::I16 {
            2
        } else {
            4
        };
        let raw = r.take(
            n.checked_mul(width)
                .ok_or_else(|| model_err("model too large"))?,
        )?;
        let weights = match encoding {
            WeightEncoding::I16 => raw
                .chunks_exact(2)
                .map(|c| i16::from_le_bytes([c[0], c[1]]) as f32 * scale)
                .collect(),
            WeightEncoding::F32 => raw
                .chunks_exact(4)
                .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
        };
        let nt = (labels + 1) * labels;
        let raw = r.take(nt * 4)?;
        let transitions = raw
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        if r.pos != bytes.len() {
            return Err(model_err("trailing bytes after model"));
        }
        Ok(ModelFile {
            encoding,
            name,
            label_names,
            model: LinearModel {
                labels,
                buckets,
                weights,
                transitions,
            },
        })
    }
}

fn model_err(m: &str) -> Error {
    Error::new(ErrorKind::Model(m.to_owned()))
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| model_err("model file is truncated"))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N]> {
        let s = self.take(N)?;
        let mut a = [0u8; N];
        a.copy_from_slice(s);
        Ok(a)
    }

    fn string(&mut self) -> Result<String> {
        let n = self.take(1)?[0] as usize;
        String::from_utf8(self.take(n)?.to_vec()).map_err(|_| model_err("name is not UTF-8"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ModelFile {
        let mut model = LinearModel::zeros(2, 4);
        model.weights[3] = 0.5;
        model.weights[4] = -1.0;
        model.transitions[1] = 0.25;
        ModelFile {
            encoding: WeightEncoding::I16,
            name: "test/1".into(),
            label_names: vec!["O".into(), "X".into()],
            model,
        }
    }

    #[test]
    fn round_trips_within_quantisation() {
        let f = sample();
        let back = ModelFile::from_bytes(&f.to_bytes(), "test/1").unwrap();
        assert_eq!(back.label_names, f.label_names);
        assert_eq!(back.model.transitions, f.model.transitions);
        for (a, b) in back.model.weights.iter().zip(&f.model.weights) {
            assert!((a - b).abs() < 1e-4);
        }
    }

    #[test]
    fn rejects_wrong_name_truncation_and_garbage() {
        let bytes = sample().to_bytes();
        assert!(ModelFile::from_bytes(&bytes, "other/1").is_err());
        for cut in 0..bytes.len() {
            assert!(ModelFile::from_bytes(&bytes[..cut], "test/1").is_err());
        }
        assert!(ModelFile::from_bytes(b"hello world", "test/1").is_err());
    }
}
