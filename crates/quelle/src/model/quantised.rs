//! An inference layout of a [`LinearModel`]: feature weights as 16-bit
//! integers with one scale, as the `QLQM` files store them.
//!
//! Scoring a token reads one weight row per feature at a hashed address, so
//! the taggers' speed is bound by memory traffic. Rows of `i16` take half the
//! bytes of `f32` rows: twice as many stay in cache. A token's rows are summed
//! exactly in integers and scaled once, so the scores differ from the `f32`
//! model's only by the rounding of the float sum.

use super::linear::{prefetch_read, with_label_count, LinearModel, SequenceModel};

/// A linear model with `i16` feature weights (see the module documentation).
#[derive(Debug, Clone, PartialEq)]
pub struct QuantisedModel {
    labels: usize,
    buckets: usize,
    weights: Vec<i16>,
    scale: f32,
    transitions: Vec<f32>,
}

impl QuantisedModel {
    /// Quantises `m` with one scale (largest weight ↦ `i16::MAX`), as the model
    /// format does: a model read from an `i16` file gets back its stored integers.
    pub fn new(m: &LinearModel) -> Self {
        let max = m.weights.iter().fold(0.0f32, |a, w| a.max(w.abs()));
        let scale = if max > 0.0 {
            max / i16::MAX as f32
        } else {
            1.0
        };
        QuantisedModel {
            labels: m.labels,
            buckets: m.buckets,
            weights: m
                .weights
                .iter()
                .map(|w| (w / scale).round() as i16)
                .collect(),
            scale,
            transitions: m.transitions.clone(),
        }
    }

    /// Bytes of the feature weights and transitions.
    pub fn size_bytes(&self) -> usize {
        self.weights.len() * 2 + self.transitions.len() * 4
    }

    fn sum_fixed<const N: usize>(&self, features: &[u64]) -> [i32; N] {
        let mask = self.buckets - 1;
        let mut acc = [0i32; N];
        for &f in features {
            let row = ((f as usize) & mask) * N;
            let w: &[i16; N] = self.weights[row..row + N]
                .try_into()
                .expect("row of N weights");
            for (a, &x) in acc.iter_mut().zip(w) {
                *a += x as i32;
            }
        }
        acc
    }
}

impl SequenceModel for QuantisedModel {
    #[inline]
    fn labels(&self) -> usize {
        self.labels
    }

    #[inline]
    fn transitions(&self) -> &[f32] {
        &self.transitions
    }

    fn score_into(&self, features: &[u64], out: &mut [f32]) {
        with_label_count!(self.labels, N => {
            if out.len() == N {
                let out: &mut [f32; N] = out.try_into().expect("length checked");
                return self.score_fixed::<N>(features, out);
            }
        }, _ => ());
        let mut acc = vec![0i32; self.labels];
        let mask = self.buckets - 1;
        for &f in features {
            let row = ((f as usize) & mask) * self.labels;
            for (a, &x) in acc.iter_mut().zip(&self.weights[row..row + self.labels]) {
                *a += x as i32;
            }
        }
        for (o, a) in out.iter_mut().zip(acc) {
            *o += a as f32 * self.scale;
        }
    }

    #[inline]
    fn score_fixed<const N: usize>(&self, features: &[u64], out: &mut [f32; N]) {
        assert_eq!(self.labels, N, "label count");
        let acc = self.sum_fixed::<N>(features);
        for (o, a) in out.iter_mut().zip(acc) {
            *o += a as f32 * self.scale;
        }
    }

    #[inline]
    fn prefetch(&self, features: &[u64]) {
        let mask = self.buckets - 1;
        let last = self.labels.saturating_sub(1);
        for &f in features {
            let row = ((f as usize) & mask) * self.labels;
            // A row may straddle two cache lines: touch its first and last weight.
            if let (Some(a), Some(b)) = (self.weights.get(row), self.weights.get(row + last)) {
                prefetch_read(a);
                prefetch_read(b);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::viterbi;

    #[test]
    fn scores_and_decodes_like_the_float_model() {
        let mut m = LinearModel::zeros(11, 64);
        for (i, w) in m.weights.iter_mut().enumerate() {
            *w = ((i * 7919) % 201) as f32 - 100.0;
        }
        for (i, t) in m.transitions.iter_mut().enumerate() {
            *t = ((i * 31) % 17) as f32 - 8.0;
        }
        let q = QuantisedModel::new(&m);
        // The float model as read back from an i16 file: the same integers.
        let back = LinearModel {
            weights: q.weights.iter().map(|&x| x as f32 * q.scale).collect(),
            ..m.clone()
        };
        let feats: Vec<Vec<u64>> = (0..9u64).map(|i| vec![i * 3, i * 5 + 1, 77]).collect();
        let rows: Vec<&[u64]> = feats.iter().map(Vec::as_slice).collect();
        for r in &rows {
            let (mut a, mut b) = ([0.0f32; 11], [0.0f32; 11]);
            back.score_into(r, &mut a);
            SequenceModel::score_into(&q, r, &mut b);
            for (x, y) in a.iter().zip(&b) {
                assert!((x - y).abs() < 1e-3, "{x} vs {y}");
            }
        }
        let bio = |from: usize, to: usize| crate::quotes::labels::allowed(from, to, 11);
        assert_eq!(
            viterbi::Constrained::new(&back, bio).decode(&rows),
            viterbi::Constrained::new(&q, bio).decode(&rows)
        );
    }
}
