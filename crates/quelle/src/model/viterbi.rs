//! Viterbi decoding of a label sequence under a [`LinearModel`] with transitions.
//!
//! Decoding runs once per sentence and dominates the quotation stage, so the
//! common label counts get a specialised version (fixed-size arrays on the
//! stack, weight rows of the next position prefetched while this one is
//! scored). Every variant computes the same scores with the same float
//! operations in the same order, and breaks ties the same way (lowest label).

use super::linear::{
    argmax, chunk_of, chunk_offset, with_label_count, Lanes, LinearModel, SequenceModel,
};

/// Finds the best label sequence for per-position `features` (one slice per position).
///
/// `allowed(pos, from, to)` may forbid transitions at positions (hard
/// constraints, e.g. an inside-label right after an outside-label); `from` is
/// `model.labels` at the first position (the start state). Returns one label
/// per position.
pub fn decode(
    model: &LinearModel,
    features: &[&[u64]],
    allowed: impl Fn(usize, usize, usize) -> bool,
) -> Vec<usize> {
    if features.is_empty() {
        return Vec::new();
    }
    let fits = model.transitions.len() >= (model.labels + 1) * model.labels;
    if !fits {
        // Malformed model: let the general version fail where the original did.
        return decode_any(model, features, allowed);
    }
    with_label_count!(model.labels, N => decode_fixed::<N>(model, features, allowed),
        _ => decode_any(model, features, allowed))
}

/// A decoder for transition constraints that do not depend on the position,
/// such as the taggers' BIO rule, optionally with a per-position label mask
/// ([`Constrained::decode_masked_into`]): build it once per model (or
/// document), decode many sentences.
///
/// Forbidden transitions are folded into a copy of the transition matrix as
/// `-inf`, which no path through them can beat; the best predecessor of all
/// labels is then found with vector maxima, and back-pointers are recomputed
/// along the one path that is followed back instead of stored for every
/// label. The result is the same as [`decode`] with the same constraint:
/// same sums, same comparisons, lowest label on ties.
///
/// Works with any [`SequenceModel`].
#[derive(Debug, Clone)]
pub struct Constrained<'m, M: SequenceModel = LinearModel> {
    model: &'m M,
    /// `(labels + 1) × labels` transitions, `-inf` where forbidden.
    trans: Vec<f32>,
    /// Whether `from → to` is allowed, same layout.
    allowed: Vec<bool>,
}

impl<'m, M: SequenceModel> Constrained<'m, M> {
    /// Prepares decoding under `allowed(from, to)` (`from == labels` is the start).
    pub fn new(model: &'m M, allowed: impl Fn(usize, usize) -> bool) -> Self {
        let l = model.labels();
        let allowed: Vec<bool> = (0..(l + 1) * l).map(|k| allowed(k / l, k % l)).collect();
        let trans = allowed
            .iter()
            .enumerate()
            .map(|(k, &ok)| {
                if ok {
                    model.transitions()[k]
                } else {
                    f32::NEG_INFINITY
                }
            })
            .collect();
        Constrained {
            model,
            trans,
            allowed,
        }
    }

    /// The best label sequence for per-position `features`, as [`decode`] gives it.
    pub fn decode(&self, features: &[&[u64]]) -> Vec<usize> {
        let mut out = Vec::with_capacity(features.len());
        self.decode_into(features, &mut out);
        out
    }

    /// Appends the best label sequence for `features` to `out`.
    pub fn decode_into(&self, features: &[&[u64]], out: &mut Vec<usize>) {
        self.decode_masked_into(features, |_, _| true, out)
    }

    /// Appends the best label sequence for `features` to `out`, where label
    /// `to` may stand at position `pos` only if `label_ok(pos, to)` besides:
    /// the result of [`decode`] under `|pos, from, to| allowed(from, to) && label_ok(pos, to)`.
    ///
    /// For constraints that depend on the token, such as direct speech only
    /// inside quotation marks.
    pub fn decode_masked_into(
        &self,
        features: &[&[u64]],
        label_ok: impl Fn(usize, usize) -> bool,
        out: &mut Vec<usize>,
    ) {
        self.decode_shared_into(&[], features, label_ok, out)
    }

    /// [`Constrained::decode_masked_into`] where every position's features
    /// are `shared` followed by its own `features[pos]`: the shared features
    /// (those of the whole sentence) are summed once, not at every position.
    /// The result is that of the concatenated rows, bit for bit.
    pub fn decode_shared_into(
        &self,
        shared: &[u64],
        features: &[&[u64]],
        label_ok: impl Fn(usize, usize) -> bool,
        out: &mut Vec<usize>,
    ) {
        if features.is_empty() {
            return;
        }
        let l = self.model.labels();
        with_label_count!(l, N => if N >= 4 {
            return self.decode_fixed::<N>(shared, features, label_ok, out);
        }, _ => ());
        let allowed = |pos, from, to| self.allowed[from * l + to] && label_ok(pos, to);
        if shared.is_empty() {
            out.extend(decode_any(self.model, features, allowed));
            return;
        }
        // Other label counts: the rows concatenated, as the caller means them.
        let rows: Vec<Vec<u64>> = features.iter().map(|f| [shared, f].concat()).collect();
        let rows: Vec<&[u64]> = rows.iter().map(Vec::as_slice).collect();
        out.extend(decode_any(self.model, &rows, allowed));
    }

    fn decode_fixed<const N: usize>(
        &self,
        shared: &[u64],
        features: &[&[u64]],
        label_ok: impl Fn(usize, usize) -> bool,
        out: &mut Vec<usize>,
    ) {
        let chunks = N.div_ceil(4);
        let trans: &[f32] = &self.trans[..(N + 1) * N];
        let n = features.len();
        let mut scores: Vec<[f32; N]> = Vec::with_capacity(n);
        let partial = self.model.partial::<N>(shared);
        for (pos, feats) in features.iter().enumerate() {
            // Fetching a position ahead hides most of the weights' memory
            // latency; further ahead measured no better.
            if let Some(next) = features.get(pos + 1) {
                self.model.prefetch(next);
            }
            let emit = self.model.scores_after::<N>(&partial, feats);
            let Some(prev) = scores.last() else {
                let start = &self.allowed[N * N..];
                scores.push(std::array::from_fn(|to| {
                    if start[to] && label_ok(0, to) {
                        emit[to] + trans[N * N + to]
                    } else {
                        f32::NEG_INFINITY
                    }
                }));
                continue;
            };
            // best[to] = the running `if s > best { s } else { best }` over
            // predecessors in label order, as the scalar loop computes it.
            let mut best = [Lanes::splat(f32::NEG_INFINITY); 4];
            for (from, &p) in prev.iter().enumerate() {
                let p = Lanes::splat(p);
                let row = &trans[from * N..from * N + N];
                for (k, b) in best.iter_mut().enumerate().take(chunks) {
                    *b = p
                        .add(Lanes::load(&row[chunk_offset(k, N)..]))
                        .max_select(*b);
                }
            }
            let mut lanes = [[0.0f32; 4]; 4];
            for (a, b) in lanes.iter_mut().zip(&best).take(chunks) {
                *a = b.to_array();
            }
            scores.push(std::array::from_fn(|to| {
                let k = chunk_of(to, N);
                let b = lanes[k][to - chunk_offset(k, N)];
                // A label not allowed here has no allowed predecessor: unreachable.
                if b > f32::NEG_INFINITY && label_ok(pos, to) {
                    b + emit[to]
                } else {
                    f32::NEG_INFINITY
                }
            }));
        }
        let start = out.len();
        out.resize(start + n, 0);
        let path = &mut out[start..];
        let mut label = argmax(&scores[n - 1]);
        for pos in (1..n).rev() {
            path[pos] = label;
            // The back-pointer, recomputed: the first predecessor that the
            // forward pass's running maximum would have taken last; 0 where
            // the label is unreachable, as `decode` leaves it.
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0;
            if label_ok(pos, label) {
                for (from, &p) in scores[pos - 1].iter().enumerate() {
                    let s = p + trans[from * N + label];
                    if s > best {
                        best = s;
                        arg = from;
                    }
                }
            }
            label = arg;
        }
        path[0] = label;
    }
}

/// [`decode`] for exactly `N` labels (`N` ≤ 255, transitions checked by the caller).
fn decode_fixed<const N: usize>(
    model: &LinearModel,
    features: &[&[u64]],
    allowed: impl Fn(usize, usize, usize) -> bool,
) -> Vec<usize> {
    let n = features.len();
    let trans = &model.transitions[..(N + 1) * N];
    // Only the previous position's scores are needed; back-pointers for all.
    let mut prev = [f32::NEG_INFINITY; N];
    let mut back: Vec<[u8; N]> = vec![[0; N]; n];
    for (pos, feats) in features.iter().enumerate() {
        if let Some(next) = features.get(pos + 1) {
            model.prefetch(next);
        }
        let mut emit = [0.0f32; N];
        model.score_fixed::<N>(feats, &mut emit);
        if pos == 0 {
            let start = &trans[N * N..];
            for to in 0..N {
                if allowed(0, N, to) {
                    prev[to] = emit[to] + start[to];
                }
            }
            continue;
        }
        // For each target, the best allowed predecessor (lowest on ties). The
        // constraint is consulted only when a predecessor would improve on the
        // best so far, which selects the same predecessor as filtering first.
        // A predecessor with score -inf never wins (`s > best` fails), as in
        // the general version, which skips it.
        let mut best = [f32::NEG_INFINITY; N];
        let mut arg = [0u8; N];
        for (from, &p) in prev.iter().enumerate() {
            let row = &trans[from * N..from * N + N];
            for to in 0..N {
                let s = p + row[to];
                if s > best[to] && allowed(pos, from, to) {
                    best[to] = s;
                    arg[to] = from as u8;
                }
            }
        }
        for to in 0..N {
            if best[to] > f32::NEG_INFINITY {
                prev[to] = best[to] + emit[to];
            } else {
                prev[to] = f32::NEG_INFINITY;
                arg[to] = 0;
            }
        }
        back[pos] = arg;
    }
    let mut label = argmax(&prev);
    let mut out = vec![0; n];
    for pos in (0..n).rev() {
        out[pos] = label;
        label = back[pos][label] as usize;
    }
    out
}

/// [`decode`] for any label count.
fn decode_any<M: SequenceModel>(
    model: &M,
    features: &[&[u64]],
    allowed: impl Fn(usize, usize, usize) -> bool,
) -> Vec<usize> {
    let n = features.len();
    let l = model.labels();
    if n == 0 {
        return Vec::new();
    }
    let transitions = model.transitions();
    let mut score = vec![f32::NEG_INFINITY; n * l];
    let mut back = vec![0u16; n * l];
    let mut emit = vec![0.0f32; l];
    for (pos, feats) in features.iter().enumerate() {
        emit.iter_mut().for_each(|e| *e = 0.0);
        model.score_into(feats, &mut emit);
        for to in 0..l {
            if pos == 0 {
                if allowed(pos, l, to) {
                    score[to] = emit[to] + transitions[l * l + to];
                }
                continue;
            }
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0;
            for from in 0..l {
                let prev = score[(pos - 1) * l + from];
                if prev == f32::NEG_INFINITY || !allowed(pos, from, to) {
                    continue;
                }
                let s = prev + transitions[from * l + to];
                if s > best {
                    best = s;
                    arg = from;
                }
            }
            if best > f32::NEG_INFINITY {
                score[pos * l + to] = best + emit[to];
                back[pos * l + to] = arg as u16;
            }
        }
    }
    let last = &score[(n - 1) * l..];
    let mut label = argmax(last);
    let mut out = vec![0; n];
    for pos in (0..n).rev() {
        out[pos] = label;
        label = back[pos * l + label] as usize;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn noisy(labels: usize, buckets: usize, seed: u64) -> LinearModel {
        let mut m = LinearModel::zeros(labels, buckets);
        let mut x = seed | 1;
        for w in m.weights.iter_mut().chain(m.transitions.iter_mut()) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            // Coarse values make exact ties common, so tie-breaking is exercised.
            *w = ((x >> 60) as i32 - 8) as f32 * 0.5;
        }
        m
    }

    fn bio(from: usize, to: usize, labels: usize) -> bool {
        to == 0 || to % 2 == 1 || (from != labels && from != 0 && (from - 1) / 2 == (to - 1) / 2)
    }

    #[test]
    fn specialised_decoding_matches_the_general_version() {
        for labels in [2, 3, 4, 5, 6, 7, 9, 11, 12, 13] {
            for seed in 1..40u64 {
                let m = noisy(labels, 32, seed * 7919);
                let feats: Vec<Vec<u64>> = (0..(seed as usize % 9))
                    .map(|p| (0..5u64).map(|k| (p as u64 * 31 + k * 17) ^ seed).collect())
                    .collect();
                let rows: Vec<&[u64]> = feats.iter().map(|v| v.as_slice()).collect();
                let c = |_: usize, f: usize, t: usize| bio(f, t, labels);
                assert_eq!(
                    decode(&m, &rows, c),
                    decode_any(&m, &rows, c),
                    "labels {labels} seed {seed}"
                );
                let cd = Constrained::new(&m, |f, t| bio(f, t, labels));
                assert_eq!(
                    cd.decode(&rows),
                    decode_any(&m, &rows, c),
                    "constrained: labels {labels} seed {seed}"
                );
                let mut appended = vec![7];
                cd.decode_into(&rows, &mut appended);
                assert_eq!(appended[1..], cd.decode(&rows)[..]);
                // Position-dependent label masks, as for direct speech outside quotation marks.
                for mask_seed in 0..4usize {
                    let label_ok =
                        |p: usize, t: usize| (p * 7 + t * 3 + mask_seed) % 5 != 0 || t == 0;
                    let none_ok = |p: usize, t: usize| p == 1 && t == 2;
                    for cd in [&cd, &Constrained::new(&m, |f, t| bio(f, t, labels))] {
                        let mut got = Vec::new();
                        cd.decode_masked_into(&rows, label_ok, &mut got);
                        let want = decode_any(&m, &rows, |p, f, t| c(p, f, t) && label_ok(p, t));
                        assert_eq!(
                            got, want,
                            "masked: labels {labels} seed {seed} mask {mask_seed}"
                        );
                        let mut got = Vec::new();
                        cd.decode_masked_into(&rows, none_ok, &mut got);
                        let want = decode_any(&m, &rows, |p, f, t| c(p, f, t) && none_ok(p, t));
                        assert_eq!(got, want, "unreachable: labels {labels} seed {seed}");
                    }
                }
                // Shared features summed once give the concatenated rows' labels,
                // for the float model and the integer one.
                let shared = [seed * 3, 7, seed ^ 5];
                let joined: Vec<Vec<u64>> =
                    rows.iter().map(|r| [&shared[..], r].concat()).collect();
                let joined: Vec<&[u64]> = joined.iter().map(Vec::as_slice).collect();
                let q = crate::model::QuantisedModel::new(&m);
                let cq = Constrained::new(&q, |f, t| bio(f, t, labels));
                for mask_seed in 0..3usize {
                    let label_ok =
                        |p: usize, t: usize| (p * 7 + t * 3 + mask_seed) % 5 != 0 || t == 0;
                    let (mut a, mut b) = (Vec::new(), Vec::new());
                    cd.decode_shared_into(&shared, &rows, label_ok, &mut a);
                    cd.decode_masked_into(&joined, label_ok, &mut b);
                    assert_eq!(a, b, "shared: labels {labels} seed {seed}");
                    let (mut a, mut b) = (Vec::new(), Vec::new());
                    cq.decode_shared_into(&shared, &rows, label_ok, &mut a);
                    cq.decode_masked_into(&joined, label_ok, &mut b);
                    assert_eq!(a, b, "shared, integer: labels {labels} seed {seed}");
                }
                let sparse = |f: usize, t: usize| (f * 5 + t) % 4 != 1;
                let cd = Constrained::new(&m, sparse);
                assert_eq!(
                    cd.decode(&rows),
                    decode_any(&m, &rows, |_, f, t| sparse(f, t)),
                    "sparse: labels {labels} seed {seed}"
                );
                let odd = |p: usize, f: usize, t: usize| (p + f + t) % 3 != 0;
                assert_eq!(
                    decode(&m, &rows, odd),
                    decode_any(&m, &rows, odd),
                    "labels {labels} seed {seed}"
                );
            }
        }
    }
}
