//! A linear multi-class model over hashed features, with optional label transitions.

/// Weights of a linear model: `buckets × labels` feature weights plus a
/// `(labels + 1) × labels` transition matrix (row `labels` is the start state).
#[derive(Debug, Clone, PartialEq)]
pub struct LinearModel {
    /// Number of output labels.
    pub labels: usize,
    /// Number of feature buckets (a power of two).
    pub buckets: usize,
    /// Feature weights, row-major by bucket.
    pub weights: Vec<f32>,
    /// Transition weights `[from][to]`; `from == labels` is the start.
    pub transitions: Vec<f32>,
}

impl LinearModel {
    /// A model with all weights zero.
    pub fn zeros(labels: usize, buckets: usize) -> Self {
        assert!(buckets.is_power_of_two(), "buckets must be a power of two");
        LinearModel {
            labels,
            buckets,
            weights: vec![0.0; labels * buckets],
            transitions: vec![0.0; (labels + 1) * labels],
        }
    }

    /// The bucket of a feature hash.
    #[inline]
    pub fn bucket(&self, feature: u64) -> usize {
        (feature as usize) & (self.buckets - 1)
    }

    /// Adds the scores of `features` for every label into `out` (length `labels`).
    #[inline]
    pub fn score_into(&self, features: &[u64], out: &mut [f32]) {
        for &f in features {
            let row = self.bucket(f) * self.labels;
            for (o, w) in out.iter_mut().zip(&self.weights[row..row + self.labels]) {
                *o += *w;
            }
        }
    }

    /// The best label for `features` (ties go to the lower label).
    pub fn classify(&self, features: &[u64]) -> usize {
        let mut scores = vec![0.0; self.labels];
        self.score_into(features, &mut scores);
        argmax(&scores)
    }

    /// Transition weight from `from` (or the start, `from == labels`) to `to`.
    #[inline]
    pub fn transition(&self, from: usize, to: usize) -> f32 {
        self.transitions[from * self.labels + to]
    }
}

/// Index of the largest value (first on ties; 0 for an empty slice).
pub fn argmax(v: &[f32]) -> usize {
    let mut best = 0;
    for (i, &x) in v.iter().enumerate() {
        if x > v[best] {
            best = i;
        }
    }
    best
}
