//! A linear multi-class model over hashed features, with optional label transitions.
//!
//! Scoring is the hot loop of the quotation taggers: for every token, one weight
//! row per feature is added into the label scores. The rows are addressed by
//! hash, so nearly every one is a cache miss; the code below therefore (a)
//! specialises the loop for the label counts the taggers use, so a row is added
//! with a few vector instructions instead of a bounds-checked scalar loop, and
//! (b) lets callers prefetch the rows of the next token while scoring this one.
//! Additions happen label by label in feature order, exactly as in the plain
//! loop, so scores are bit-for-bit the same.

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

/// Calls `$body` with the const `$n` bound to `$labels` when it is one of the
/// label counts worth a specialised loop (the taggers' 1 + 2k BIO sets and the
/// medium classifier's 6), else evaluates `$fallback`.
macro_rules! with_label_count {
    ($labels:expr, $n:ident => $body:expr, _ => $fallback:expr) => {
        match $labels {
            3 => {
                const $n: usize = 3;
                $body
            }
            5 => {
                const $n: usize = 5;
                $body
            }
            6 => {
                const $n: usize = 6;
                $body
            }
            7 => {
                const $n: usize = 7;
                $body
            }
            9 => {
                const $n: usize = 9;
                $body
            }
            11 => {
                const $n: usize = 11;
                $body
            }
            13 => {
                const $n: usize = 13;
                $body
            }
            _ => $fallback,
        }
    };
}
pub(crate) use with_label_count;

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
        with_label_count!(self.labels, N => {
            if out.len() == N {
                let out: &mut [f32; N] = out.try_into().expect("length checked");
                self.score_fixed::<N>(features, out)
            } else {
                self.score_any(features, out)
            }
        }, _ => self.score_any(features, out))
    }

    /// [`LinearModel::score_into`] for a model with exactly `N` labels (checked).
    ///
    /// Each row becomes a fixed-size array added as four-lane chunks, so the
    /// compiler emits a few vector additions and one bounds check per feature
    /// instead of a per-label loop. When `N` is not a multiple of four the last
    /// chunk overlaps the one before it (`[0..4] [4..8] [7..11]` for 11 labels);
    /// each label's total is then taken from exactly one chunk, so every label
    /// is still summed once per feature, in feature order: the same float
    /// additions as the plain loop.
    #[inline]
    pub fn score_fixed<const N: usize>(&self, features: &[u64], out: &mut [f32; N]) {
        assert_eq!(self.labels, N, "label count");
        if N < 4 {
            return self.score_any(features, out);
        }
        let chunks = N.div_ceil(4);
        // At most 4 chunks: the specialised label counts are at most 16.
        let mut acc = [Lanes::splat(0.0); 4];
        for (k, a) in acc.iter_mut().enumerate().take(chunks) {
            *a = Lanes::load(&out[chunk_offset(k, N)..]);
        }
        let mask = self.buckets - 1;
        for &f in features {
            let row = ((f as usize) & mask) * N;
            let w: &[f32; N] = self.weights[row..row + N]
                .try_into()
                .expect("row of N weights");
            for (k, a) in acc.iter_mut().enumerate().take(chunks) {
                *a = a.add(Lanes::load(&w[chunk_offset(k, N)..]));
            }
        }
        let mut lanes = [[0.0f32; 4]; 4];
        for (l, a) in lanes.iter_mut().zip(&acc).take(chunks) {
            *l = a.to_array();
        }
        for (i, o) in out.iter_mut().enumerate() {
            let k = chunk_of(i, N);
            *o = lanes[k][i - chunk_offset(k, N)];
        }
    }

    fn score_any(&self, features: &[u64], out: &mut [f32]) {
        for &f in features {
            let row = self.bucket(f) * self.labels;
            for (o, w) in out.iter_mut().zip(&self.weights[row..row + self.labels]) {
                *o += *w;
            }
        }
    }

    /// Hints the CPU to fetch the weight rows of `features` into cache.
    ///
    /// Rows are addressed by hash, so scoring a token waits on memory for
    /// nearly every feature; issuing the loads a token ahead overlaps that
    /// wait with useful work. Purely a performance hint: no effect on results.
    #[inline]
    pub fn prefetch(&self, features: &[u64]) {
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

    /// The best label for `features` (ties go to the lower label).
    pub fn classify(&self, features: &[u64]) -> usize {
        with_label_count!(self.labels, N => {
            let mut scores = [0.0f32; N];
            self.score_fixed::<N>(features, &mut scores);
            argmax(&scores)
        }, _ => {
            let mut scores = vec![0.0; self.labels];
            self.score_into(features, &mut scores);
            argmax(&scores)
        })
    }

    /// Transition weight from `from` (or the start, `from == labels`) to `to`.
    #[inline]
    pub fn transition(&self, from: usize, to: usize) -> f32 {
        self.transitions[from * self.labels + to]
    }
}

/// What decoding needs from a model: its label count, transitions and scores.
///
/// Implemented by [`LinearModel`]; a trait so that a layout tuned for
/// inference can be decoded by the same code.
pub trait SequenceModel {
    /// Number of labels.
    fn labels(&self) -> usize;
    /// Transition weights, `(labels + 1) × labels`, `[from][to]`; `from == labels` is the start.
    fn transitions(&self) -> &[f32];
    /// Adds the scores of `features` into `out` (length `labels`).
    fn score_into(&self, features: &[u64], out: &mut [f32]);
    /// [`SequenceModel::score_into`] for exactly `N` labels.
    fn score_fixed<const N: usize>(&self, features: &[u64], out: &mut [f32; N]);
    /// Hints the CPU to fetch the weights of `features` (no effect on results).
    fn prefetch(&self, features: &[u64]);
    /// The weights of features that every position of a sequence shares,
    /// summed once as the model sums them (for at most 16 labels).
    type Partial: Copy;
    /// Sums the weights of `shared` for a model of exactly `N` labels.
    fn partial<const N: usize>(&self, shared: &[u64]) -> Self::Partial;
    /// The scores of `shared` followed by `features`, bit for bit as
    /// [`SequenceModel::score_fixed`] adds them into zeros, where `partial`
    /// is [`SequenceModel::partial`] of `shared`.
    fn scores_after<const N: usize>(&self, partial: &Self::Partial, features: &[u64]) -> [f32; N];
}

impl SequenceModel for LinearModel {
    #[inline]
    fn labels(&self) -> usize {
        self.labels
    }

    #[inline]
    fn transitions(&self) -> &[f32] {
        &self.transitions
    }

    #[inline]
    fn score_into(&self, features: &[u64], out: &mut [f32]) {
        LinearModel::score_into(self, features, out)
    }

    #[inline]
    fn score_fixed<const N: usize>(&self, features: &[u64], out: &mut [f32; N]) {
        LinearModel::score_fixed(self, features, out)
    }

    #[inline]
    fn prefetch(&self, features: &[u64]) {
        LinearModel::prefetch(self, features)
    }

    /// Float sums: the shared features' running sums, which each position
    /// continues in feature order.
    type Partial = [f32; 16];

    #[inline]
    fn partial<const N: usize>(&self, shared: &[u64]) -> [f32; 16] {
        let mut sums = [0.0f32; N];
        self.score_fixed::<N>(shared, &mut sums);
        let mut p = [0.0f32; 16];
        p[..N].copy_from_slice(&sums);
        p
    }

    #[inline]
    fn scores_after<const N: usize>(&self, partial: &[f32; 16], features: &[u64]) -> [f32; N] {
        let mut out: [f32; N] = std::array::from_fn(|k| partial[k]);
        self.score_fixed::<N>(features, &mut out);
        out
    }
}

/// Asks the CPU to bring the cache line at `p` into L1 (a no-op elsewhere).
/// `p` need not be valid: a prefetch never faults (a pointer, so that
/// callers can skip the bounds check a reference would cost).
#[inline(always)]
pub(crate) fn prefetch_ptr<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetching is only a hint; it never faults, whatever the address.
    #[allow(unused_unsafe)]
    unsafe {
        use core::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>(p.cast::<i8>());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// Asks the CPU to bring the cache line holding `x` into L1 (a no-op elsewhere).
#[inline(always)]
pub(crate) fn prefetch_read<T>(x: &T) {
    prefetch_ptr(x as *const T)
}

/// Four `f32` lanes (SSE on x86-64, where it is always present; plain arrays
/// elsewhere). Each operation is the scalar operation lane by lane, with the
/// same rounding, so vector and scalar code give the same bits.
#[cfg(target_arch = "x86_64")]
#[derive(Clone, Copy)]
pub(crate) struct Lanes(core::arch::x86_64::__m128);

// SSE is part of the x86-64 baseline, so its value-only intrinsics are safe to
// call; `unused_unsafe` covers compilers that still mark them `unsafe`.
#[cfg(target_arch = "x86_64")]
#[allow(unused_unsafe)]
impl Lanes {
    /// All four lanes `x`.
    #[inline(always)]
    pub(crate) fn splat(x: f32) -> Lanes {
        Lanes(unsafe { core::arch::x86_64::_mm_set1_ps(x) })
    }

    /// The first four values of `s` (panics if there are fewer).
    #[inline(always)]
    pub(crate) fn load(s: &[f32]) -> Lanes {
        let s = &s[..4];
        // SAFETY: `s` holds four readable floats; the load needs no alignment.
        Lanes(unsafe { core::arch::x86_64::_mm_loadu_ps(s.as_ptr()) })
    }

    /// Lane-wise `self + o`.
    #[inline(always)]
    pub(crate) fn add(self, o: Lanes) -> Lanes {
        Lanes(unsafe { core::arch::x86_64::_mm_add_ps(self.0, o.0) })
    }

    /// Lane-wise `if self > o { self } else { o }`: MAXPS returns its second
    /// operand unless the first is greater, which is exactly this select
    /// (also for NaN and for zeros of either sign).
    #[inline(always)]
    pub(crate) fn max_select(self, o: Lanes) -> Lanes {
        Lanes(unsafe { core::arch::x86_64::_mm_max_ps(self.0, o.0) })
    }

    /// The four lanes.
    #[inline(always)]
    pub(crate) fn to_array(self) -> [f32; 4] {
        let mut a = [0.0f32; 4];
        // SAFETY: `a` has room for four floats; the store needs no alignment.
        unsafe { core::arch::x86_64::_mm_storeu_ps(a.as_mut_ptr(), self.0) };
        a
    }
}

#[cfg(not(target_arch = "x86_64"))]
#[derive(Clone, Copy)]
pub(crate) struct Lanes([f32; 4]);

#[cfg(not(target_arch = "x86_64"))]
impl Lanes {
    #[inline(always)]
    pub(crate) fn splat(x: f32) -> Lanes {
        Lanes([x; 4])
    }

    #[inline(always)]
    pub(crate) fn load(s: &[f32]) -> Lanes {
        Lanes(s[..4].try_into().expect("four floats"))
    }

    #[inline(always)]
    pub(crate) fn add(self, o: Lanes) -> Lanes {
        Lanes(std::array::from_fn(|j| self.0[j] + o.0[j]))
    }

    #[inline(always)]
    pub(crate) fn max_select(self, o: Lanes) -> Lanes {
        Lanes(std::array::from_fn(|j| {
            if self.0[j] > o.0[j] {
                self.0[j]
            } else {
                o.0[j]
            }
        }))
    }

    #[inline(always)]
    pub(crate) fn to_array(self) -> [f32; 4] {
        self.0
    }
}

/// Chunk `k` of `n ≥ 4` values seen as four-lane chunks: `offset(k)..offset(k) + 4`,
/// the last chunk overlapping its neighbour when `n` is not a multiple of four.
#[inline(always)]
pub(crate) const fn chunk_offset(k: usize, n: usize) -> usize {
    let o = 4 * k;
    if o + 4 > n {
        n - 4
    } else {
        o
    }
}

/// The chunk whose lanes hold value `i` when gathering results (see [`chunk_offset`]).
#[inline(always)]
pub(crate) const fn chunk_of(i: usize, n: usize) -> usize {
    let k = i / 4;
    let last = n.div_ceil(4) - 1;
    if k > last {
        last
    } else {
        k
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A model with pseudo-random weights, for comparing fast paths with the plain loop.
    fn noisy(labels: usize, buckets: usize) -> LinearModel {
        let mut m = LinearModel::zeros(labels, buckets);
        let mut x = 0x2545_f491_4f6c_dd1du64;
        for w in m.weights.iter_mut().chain(m.transitions.iter_mut()) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            *w = ((x >> 40) as i32 - (1 << 23)) as f32 / 1e5;
        }
        m
    }

    #[test]
    fn specialised_scoring_matches_the_plain_loop_bit_for_bit() {
        for labels in [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 13, 14, 16, 17, 40] {
            let m = noisy(labels, 64);
            let feats: Vec<u64> = (0..40u64)
                .map(|i| i.wrapping_mul(0x9e37_79b9_7f4a_7c15))
                .collect();
            let mut fast = vec![0.0f32; labels];
            m.score_into(&feats, &mut fast);
            let mut plain = vec![0.0f32; labels];
            m.score_any(&feats, &mut plain);
            assert_eq!(
                fast.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
                plain.iter().map(|x| x.to_bits()).collect::<Vec<_>>()
            );
            assert_eq!(m.classify(&feats), argmax(&plain));
            m.prefetch(&feats);
        }
    }
}
