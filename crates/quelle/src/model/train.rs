//! Training: the averaged perceptron, for sequences (with Viterbi) and for single decisions.
//!
//! Deterministic: examples are visited in the given order every epoch, so a
//! model rebuilds bit-for-bit from the same data.

use super::{viterbi, LinearModel};

/// An averaged perceptron under training; [`Averaged::finish`] yields the averaged model.
#[derive(Debug)]
pub struct Averaged {
    model: LinearModel,
    totals_w: Vec<f32>,
    stamps_w: Vec<u32>,
    totals_t: Vec<f32>,
    stamps_t: Vec<u32>,
    step: u32,
}

impl Averaged {
    /// Starts training a model with `labels` labels and `buckets` feature buckets.
    pub fn new(labels: usize, buckets: usize) -> Self {
        let model = LinearModel::zeros(labels, buckets);
        let nw = model.weights.len();
        let nt = model.transitions.len();
        Averaged {
            model,
            totals_w: vec![0.0; nw],
            stamps_w: vec![0; nw],
            totals_t: vec![0.0; nt],
            stamps_t: vec![0; nt],
            step: 1,
        }
    }

    /// The current (not averaged) model, used for predictions during training.
    pub fn current(&self) -> &LinearModel {
        &self.model
    }

    fn bump_w(&mut self, k: usize, delta: f32) {
        let elapsed = (self.step - self.stamps_w[k]) as f32;
        self.totals_w[k] += elapsed * self.model.weights[k];
        self.stamps_w[k] = self.step;
        self.model.weights[k] += delta;
    }

    fn bump_t(&mut self, k: usize, delta: f32) {
        let elapsed = (self.step - self.stamps_t[k]) as f32;
        self.totals_t[k] += elapsed * self.model.transitions[k];
        self.stamps_t[k] = self.step;
        self.model.transitions[k] += delta;
    }

    fn update_features(&mut self, features: &[u64], label: usize, delta: f32) {
        for &f in features {
            let k = self.model.bucket(f) * self.model.labels + label;
            self.bump_w(k, delta);
        }
    }

    /// One training step on a single decision: updates if the prediction is wrong.
    /// Returns whether the prediction was right.
    pub fn learn_one(&mut self, features: &[u64], gold: usize) -> bool {
        let pred = self.model.classify(features);
        if pred != gold {
            self.update_features(features, gold, 1.0);
            self.update_features(features, pred, -1.0);
        }
        self.step += 1;
        pred == gold
    }

    /// One training step on a sequence: decodes with Viterbi and updates on the
    /// differences. Returns the number of positions predicted wrong.
    pub fn learn_sequence(
        &mut self,
        features: &[&[u64]],
        gold: &[usize],
        allowed: impl Fn(usize, usize, usize) -> bool,
    ) -> usize {
        let pred = viterbi::decode(&self.model, features, allowed);
        let l = self.model.labels;
        let mut wrong = 0;
        for pos in 0..gold.len() {
            let (g, p) = (gold[pos], pred[pos]);
            let gp = if pos == 0 { l } else { gold[pos - 1] };
            let pp = if pos == 0 { l } else { pred[pos - 1] };
            if g != p {
                wrong += 1;
                self.update_features(features[pos], g, 1.0);
                self.update_features(features[pos], p, -1.0);
            }
            if g != p || gp != pp {
                self.bump_t(gp * l + g, 1.0);
                self.bump_t(pp * l + p, -1.0);
            }
        }
        self.step += 1;
        wrong
    }

    /// The averaged model.
    pub fn finish(mut self) -> LinearModel {
        let c = self.step as f32;
        for k in 0..self.model.weights.len() {
            let total =
                self.totals_w[k] + (self.step - self.stamps_w[k]) as f32 * self.model.weights[k];
            self.model.weights[k] = total / c;
        }
        for k in 0..self.model.transitions.len() {
            let total = self.totals_t[k]
                + (self.step - self.stamps_t[k]) as f32 * self.model.transitions[k];
            self.model.transitions[k] = total / c;
        }
        self.model
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_classification() {
        let mut t = Averaged::new(2, 16);
        let data: [(&[u64], usize); 2] = [(&[1, 2], 0), (&[3, 4], 1)];
        for _ in 0..5 {
            for (f, g) in data {
                t.learn_one(f, g);
            }
        }
        let m = t.finish();
        assert_eq!(m.classify(&[1, 2]), 0);
        assert_eq!(m.classify(&[3, 4]), 1);
    }

    #[test]
    fn learns_a_sequence_with_transitions() {
        let mut t = Averaged::new(3, 64);
        let feats: Vec<Vec<u64>> = vec![vec![10], vec![11], vec![11], vec![12]];
        let refs: Vec<&[u64]> = feats.iter().map(|v| v.as_slice()).collect();
        let gold = [0, 1, 2, 0];
        for _ in 0..10 {
            t.learn_sequence(&refs, &gold, |_, _, _| true);
        }
        let m = t.finish();
        assert_eq!(viterbi::decode(&m, &refs, |_, _, _| true), gold);
    }
}
