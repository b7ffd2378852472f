//! An inference layout of a [`LinearModel`]: feature weights as 16-bit
//! integers with one scale, as the `QLQM` files store them.
//!
//! Scoring a token reads one weight row per feature at a hashed address, so
//! the taggers' speed is bound by memory traffic. Rows of `i16` take half the
//! bytes of `f32` rows: twice as many stay in cache. A token's rows are summed
//! exactly in integers and scaled once, so the scores differ from the `f32`
//! model's only by the rounding of the float sum.
//!
//! Rows are padded to 8 or 16 weights (zeros) and aligned to their size: a
//! row is then one aligned vector load that never straddles a cache line, and
//! its sum needs no per-label remainder loop. Integer sums do not depend on
//! the order or the padding, so the scores are those of the unpadded rows.

use super::linear::{prefetch_ptr, prefetch_read, with_label_count, LinearModel, SequenceModel};

/// A row of up to 8 labels' weights (16 bytes, aligned).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[repr(C, align(16))]
struct Row8([i16; 8]);

/// A row of 9 to 16 labels' weights (32 bytes, aligned: half a cache line).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[repr(C, align(32))]
struct Row16([i16; 16]);

impl AsRef<[i16; 8]> for Row8 {
    #[inline(always)]
    fn as_ref(&self) -> &[i16; 8] {
        &self.0
    }
}

impl AsRef<[i16; 16]> for Row16 {
    #[inline(always)]
    fn as_ref(&self) -> &[i16; 16] {
        &self.0
    }
}

/// The feature weights, one row per bucket.
#[derive(Debug, Clone, PartialEq)]
enum Rows {
    /// Up to 8 labels.
    Eight(Vec<Row8>),
    /// 9 to 16 labels.
    Sixteen(Vec<Row16>),
    /// More labels: `labels` weights per bucket, unpadded.
    Flat(Vec<i16>),
}

/// A linear model with `i16` feature weights (see the module documentation).
#[derive(Debug, Clone, PartialEq)]
pub struct QuantisedModel {
    labels: usize,
    buckets: usize,
    rows: Rows,
    scale: f32,
    transitions: Vec<f32>,
    /// The CPU has AVX2: rows are summed by [`sum_rows_avx2`].
    avx2: bool,
}

/// `x.round() as i16` (half away from zero, saturating) without the call to
/// `roundf` that `f32::round` costs on baseline x86-64: loading the taggers
/// rounds millions of weights.
#[inline]
fn round_i16(x: f32) -> i16 {
    // Out of range rounds (and saturates) to the end of the range; NaN stays
    // NaN and becomes 0 below, as `NaN as i16` is.
    let x = x.clamp(i16::MIN as f32, i16::MAX as f32);
    // |x| ≤ 2^15: the truncation and the fraction `x - t` are exact.
    let t = x as i32;
    let frac = x - t as f32;
    let r = if frac >= 0.5 {
        t + 1
    } else if frac <= -0.5 {
        t - 1
    } else {
        t
    };
    r as i16
}

/// Adds the rows of `features` (bucket = hash & `mask`) to `start`, lane by lane.
#[inline(always)]
fn sum_rows<const P: usize, R: AsRef<[i16; P]>>(
    rows: &[R],
    mask: usize,
    features: &[u64],
    start: [i32; P],
) -> [i32; P] {
    // Every index `f & mask` is at most `mask`: with the rows cut to
    // `mask + 1`, the compiler drops the per-row bounds check.
    let rows = &rows[..=mask];
    let mut acc = start;
    // Two rows per step: half the loop overhead. Integer sums do not depend
    // on the order of the additions.
    let mut pairs = features.chunks_exact(2);
    for p in &mut pairs {
        let a = rows[(p[0] as usize) & mask].as_ref();
        let b = rows[(p[1] as usize) & mask].as_ref();
        for ((s, &x), &y) in acc.iter_mut().zip(a).zip(b) {
            *s += x as i32 + y as i32;
        }
    }
    for &f in pairs.remainder() {
        let w = rows[(f as usize) & mask].as_ref();
        for (a, &x) in acc.iter_mut().zip(w) {
            *a += x as i32;
        }
    }
    acc
}

/// [`sum_rows`] compiled for AVX2: a row is one sign-extending load and one
/// or two additions.
///
/// # Safety
/// The CPU must support AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn sum_rows_avx2<const P: usize, R: AsRef<[i16; P]>>(
    rows: &[R],
    mask: usize,
    features: &[u64],
    start: [i32; P],
) -> [i32; P] {
    sum_rows::<P, R>(rows, mask, features, start)
}

/// The first `N` of `P` lanes (`N ≤ P`).
#[inline(always)]
fn first<const N: usize, const P: usize>(a: [i32; P]) -> [i32; N] {
    std::array::from_fn(|k| a[k])
}

/// The rows of `weights` (`l` per row), each quantised by `q` into the first
/// `l` slots (`slots`) of a zero-padded row `R`.
fn padded_rows<R: Default>(
    weights: &[f32],
    l: usize,
    q: &impl Fn(&[f32], &mut [i16]),
    slots: fn(&mut R) -> &mut [i16],
) -> Vec<R> {
    weights
        .chunks_exact(l)
        .map(|row| {
            let mut r = R::default();
            q(row, slots(&mut r));
            r
        })
        .collect()
}

impl QuantisedModel {
    /// Quantises `m` with one scale (largest weight ↦ `i16::MAX`), as the model
    /// format does: a model read from an `i16` file gets back its stored integers.
    pub fn new(m: &LinearModel) -> Self {
        Self::with_avx2(m, cpu_has_avx2())
    }

    /// [`QuantisedModel::new`], summing rows with AVX2 only if `avx2` (which
    /// the CPU must then support; tests compare both ways).
    fn with_avx2(m: &LinearModel, avx2: bool) -> Self {
        let max = m.weights.iter().fold(0.0f32, |a, w| a.max(w.abs()));
        let scale = if max > 0.0 {
            max / i16::MAX as f32
        } else {
            1.0
        };
        let l = m.labels;
        let q = |row: &[f32], out: &mut [i16]| {
            for (o, &w) in out.iter_mut().zip(row) {
                *o = round_i16(w / scale);
            }
        };
        let rows = if l == 0 {
            Rows::Flat(Vec::new())
        } else if l <= 8 {
            Rows::Eight(padded_rows(&m.weights, l, &q, |r: &mut Row8| &mut r.0[..]))
        } else if l <= 16 {
            Rows::Sixteen(padded_rows(&m.weights, l, &q, |r: &mut Row16| &mut r.0[..]))
        } else {
            let mut w = vec![0i16; m.weights.len()];
            q(&m.weights, &mut w);
            Rows::Flat(w)
        };
        QuantisedModel {
            labels: l,
            buckets: m.buckets,
            rows,
            scale,
            transitions: m.transitions.clone(),
            avx2,
        }
    }

    /// Bytes of the feature weights and transitions.
    pub fn size_bytes(&self) -> usize {
        let rows = match &self.rows {
            Rows::Eight(r) => std::mem::size_of_val(&r[..]),
            Rows::Sixteen(r) => std::mem::size_of_val(&r[..]),
            Rows::Flat(w) => std::mem::size_of_val(&w[..]),
        };
        rows + self.transitions.len() * 4
    }

    /// Adds padded rows to `start`, with AVX2 where the CPU has it.
    #[inline(always)]
    fn sum_padded<const P: usize, R: AsRef<[i16; P]>>(
        &self,
        rows: &[R],
        features: &[u64],
        start: [i32; P],
    ) -> [i32; P] {
        let mask = self.buckets - 1;
        #[cfg(target_arch = "x86_64")]
        if self.avx2 {
            // SAFETY: `avx2` is true only where `is_x86_feature_detected!`
            // found AVX2 (see `cpu_has_avx2`); nothing else is required.
            return unsafe { sum_rows_avx2::<P, R>(rows, mask, features, start) };
        }
        sum_rows::<P, R>(rows, mask, features, start)
    }

    /// The integer sums of `features`' rows added to the first `N` of `start`.
    fn sum_fixed<const N: usize>(&self, features: &[u64], start: &[i32; 16]) -> [i32; N] {
        match &self.rows {
            Rows::Eight(r) => first::<N, 8>(self.sum_padded::<8, Row8>(r, features, first(*start))),
            Rows::Sixteen(r) => first::<N, 16>(self.sum_padded::<16, Row16>(r, features, *start)),
            Rows::Flat(w) => {
                let mut acc: [i32; N] = first(*start);
                sum_flat(w, N, self.buckets - 1, features, &mut acc);
                acc
            }
        }
    }

    /// The integer weights of `bucket`, unpadded (for tests).
    #[cfg(test)]
    fn row(&self, bucket: usize) -> Vec<i16> {
        let l = self.labels;
        match &self.rows {
            Rows::Eight(r) => r[bucket].0[..l].to_vec(),
            Rows::Sixteen(r) => r[bucket].0[..l].to_vec(),
            Rows::Flat(w) => w[bucket * l..bucket * l + l].to_vec(),
        }
    }
}

/// Adds the unpadded rows (`labels` weights each) of `features` into `acc`.
fn sum_flat(weights: &[i16], labels: usize, mask: usize, features: &[u64], acc: &mut [i32]) {
    for &f in features {
        let row = ((f as usize) & mask) * labels;
        for (a, &x) in acc.iter_mut().zip(&weights[row..row + labels]) {
            *a += x as i32;
        }
    }
}

/// Whether the CPU supports AVX2 (checked at run time: the binary targets baseline x86-64).
fn cpu_has_avx2() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::arch::is_x86_feature_detected!("avx2")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
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
        match &self.rows {
            Rows::Eight(r) => {
                acc.copy_from_slice(&self.sum_padded::<8, Row8>(r, features, [0; 8])[..self.labels])
            }
            Rows::Sixteen(r) => acc.copy_from_slice(
                &self.sum_padded::<16, Row16>(r, features, [0; 16])[..self.labels],
            ),
            Rows::Flat(w) => sum_flat(w, self.labels, self.buckets - 1, features, &mut acc),
        }
        for (o, a) in out.iter_mut().zip(acc) {
            *o += a as f32 * self.scale;
        }
    }

    #[inline]
    fn score_fixed<const N: usize>(&self, features: &[u64], out: &mut [f32; N]) {
        assert_eq!(self.labels, N, "label count");
        let acc = self.sum_fixed::<N>(features, &[0; 16]);
        for (o, a) in out.iter_mut().zip(acc) {
            *o += a as f32 * self.scale;
        }
    }

    /// Integer sums: a position's rows are added to the shared ones, and the
    /// total is scaled once, as for the whole row.
    type Partial = [i32; 16];

    #[inline]
    fn partial<const N: usize>(&self, shared: &[u64]) -> [i32; 16] {
        assert!(self.labels == N && N <= 16, "label count");
        let sums = self.sum_fixed::<N>(shared, &[0; 16]);
        let mut p = [0i32; 16];
        p[..N].copy_from_slice(&sums);
        p
    }

    #[inline]
    fn scores_after<const N: usize>(&self, partial: &[i32; 16], features: &[u64]) -> [f32; N] {
        assert_eq!(self.labels, N, "label count");
        let acc = self.sum_fixed::<N>(features, partial);
        // `0.0 +` as `score_fixed` adds into zeros.
        std::array::from_fn(|k| 0.0 + acc[k] as f32 * self.scale)
    }

    #[inline]
    fn prefetch(&self, features: &[u64]) {
        let mask = self.buckets - 1;
        match &self.rows {
            // An aligned row lies in one cache line: one touch fetches it.
            // (`f & mask` is below `buckets`, the row count: no bounds check needed.)
            Rows::Eight(r) => features
                .iter()
                .for_each(|&f| prefetch_ptr(r.as_ptr().wrapping_add((f as usize) & mask))),
            Rows::Sixteen(r) => features
                .iter()
                .for_each(|&f| prefetch_ptr(r.as_ptr().wrapping_add((f as usize) & mask))),
            Rows::Flat(w) => {
                let last = self.labels.saturating_sub(1);
                for &f in features {
                    let row = ((f as usize) & mask) * self.labels;
                    // A row may straddle two cache lines: touch its first and last weight.
                    if let (Some(a), Some(b)) = (w.get(row), w.get(row + last)) {
                        prefetch_read(a);
                        prefetch_read(b);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::viterbi;

    fn noisy(labels: usize, buckets: usize) -> LinearModel {
        let mut m = LinearModel::zeros(labels, buckets);
        for (i, w) in m.weights.iter_mut().enumerate() {
            *w = ((i * 7919) % 201) as f32 - 100.0;
        }
        for (i, t) in m.transitions.iter_mut().enumerate() {
            *t = ((i * 31) % 17) as f32 - 8.0;
        }
        m
    }

    #[test]
    fn scores_and_decodes_like_the_float_model() {
        let m = noisy(11, 64);
        let q = QuantisedModel::new(&m);
        // The float model as read back from an i16 file: the same integers.
        let back = LinearModel {
            weights: (0..m.buckets)
                .flat_map(|b| q.row(b))
                .map(|x| x as f32 * q.scale)
                .collect(),
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

    #[test]
    fn rounding_is_that_of_f32_round() {
        let mut x = 0x1234_5678u32;
        let mut values = vec![
            0.5,
            -0.5,
            1.5,
            -2.5,
            32766.5,
            -32767.5,
            32767.0,
            0.49999997,
            -0.49999997,
        ];
        values.extend([f32::NAN, f32::INFINITY, f32::NEG_INFINITY, 1e9, -1e9, -0.0]);
        for _ in 0..100_000 {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            values.push((x as f32 / u32::MAX as f32 - 0.5) * 70000.0);
            values.push((x % 20001) as f32 * 0.25 - 2500.0);
        }
        for v in values {
            assert_eq!(round_i16(v), v.round() as i16, "{v}");
        }
    }

    #[test]
    fn padded_rows_score_as_unpadded_ones_with_and_without_avx2() {
        for labels in [1, 2, 3, 5, 7, 8, 9, 11, 13, 16, 17, 20] {
            let m = noisy(labels, 256);
            let q = QuantisedModel::with_avx2(&m, false);
            let fast = QuantisedModel::with_avx2(&m, cpu_has_avx2());
            for b in 0..m.buckets {
                let want: Vec<i16> = m.weights[b * labels..(b + 1) * labels]
                    .iter()
                    .map(|w| (w / q.scale).round() as i16)
                    .collect();
                assert_eq!(q.row(b), want);
            }
            for seed in 0..50u64 {
                let feats: Vec<u64> = (0..seed % 60)
                    .map(|k| k.wrapping_mul(0x9e37_79b9) ^ seed)
                    .collect();
                let mut want = vec![0i32; labels];
                for &f in &feats {
                    for (a, x) in want.iter_mut().zip(q.row(f as usize & 255)) {
                        *a += x as i32;
                    }
                }
                let want: Vec<f32> = want.iter().map(|&a| 1.0 + a as f32 * q.scale).collect();
                for model in [&q, &fast] {
                    let mut got = vec![1.0f32; labels];
                    SequenceModel::score_into(model, &feats, &mut got);
                    assert_eq!(got, want, "labels {labels} seed {seed}");
                }
            }
        }
    }
}
