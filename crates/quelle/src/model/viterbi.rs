//! Viterbi decoding of a label sequence under a [`LinearModel`] with transitions.

use super::LinearModel;

/// Finds the best label sequence for per-position `features` (one slice per position).
///
/// `allowed(pos, label)` may forbid labels at positions (hard constraints, e.g.
/// an inside-label right after an outside-label). Returns one label per position.
pub fn decode(
    model: &LinearModel,
    features: &[&[u64]],
    allowed: impl Fn(usize, usize, usize) -> bool,
) -> Vec<usize> {
    let n = features.len();
    let l = model.labels;
    if n == 0 {
        return Vec::new();
    }
    let mut score = vec![f32::NEG_INFINITY; n * l];
    let mut back = vec![0u16; n * l];
    let mut emit = vec![0.0f32; l];
    for (pos, feats) in features.iter().enumerate() {
        emit.iter_mut().for_each(|e| *e = 0.0);
        model.score_into(feats, &mut emit);
        for to in 0..l {
            if pos == 0 {
                if allowed(pos, l, to) {
                    score[to] = emit[to] + model.transition(l, to);
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
                let s = prev + model.transition(from, to);
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
    let mut label = super::linear::argmax(last);
    let mut out = vec![0; n];
    for pos in (0..n).rev() {
        out[pos] = label;
        label = back[pos * l + label] as usize;
    }
    out
}
