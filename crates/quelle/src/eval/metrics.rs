//! Precision, recall and F1: token counts, macro averages over quotation pairs, micro counts.
//!
//! One rule keeps every figure finite: an average or ratio over nothing is 0, except
//! when *both* precision and recall are undefined (nothing to find and nothing found),
//! which scores 1. So an article without system quotations scores 0, never NaN, and
//! a role that neither side ever fills does not drag a perfect system below 1.

use serde::{Deserialize, Serialize};

/// True positives, false positives and false negatives of one role in one pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Tokens in both the system and the gold role.
    pub tp: usize,
    /// Tokens only in the system role.
    pub fp: usize,
    /// Tokens only in the gold role.
    pub fn_: usize,
}

impl Counts {
    /// Compares two sorted, duplicate-free token index sets.
    pub fn of_sets(system: &[u32], gold: &[u32]) -> Self {
        let (mut i, mut j, mut tp) = (0, 0, 0);
        while i < system.len() && j < gold.len() {
            match system[i].cmp(&gold[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    tp += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        Counts {
            tp,
            fp: system.len() - tp,
            fn_: gold.len() - tp,
        }
    }

    /// Token-overlap F1, `2·TP / (2·TP + FP + FN)`; 0 when both sides are empty.
    pub fn f1(&self) -> f64 {
        let den = 2 * self.tp + self.fp + self.fn_;
        if den == 0 {
            0.0
        } else {
            (2 * self.tp) as f64 / den as f64
        }
    }
}

impl std::ops::Add for Counts {
    type Output = Counts;
    fn add(self, o: Counts) -> Counts {
        Counts {
            tp: self.tp + o.tp,
            fp: self.fp + o.fp,
            fn_: self.fn_ + o.fn_,
        }
    }
}

/// Accumulates per-pair precision and recall for a macro average.
///
/// A pair adds to the precision average only if its system side is non-empty
/// (TP+FP > 0) and to the recall average only if its gold side is non-empty
/// (TP+FN > 0): an unpaired system quotation adds P = 0, an unpaired gold one
/// adds R = 0, and a pair where both sides of the role are empty adds nothing.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct MacroAvg {
    p_sum: f64,
    p_n: usize,
    r_sum: f64,
    r_n: usize,
    total: Counts,
}

impl MacroAvg {
    /// Adds one pair's counts for this role.
    pub fn add(&mut self, c: Counts) {
        if c.tp + c.fp > 0 {
            self.p_sum += c.tp as f64 / (c.tp + c.fp) as f64;
            self.p_n += 1;
        }
        if c.tp + c.fn_ > 0 {
            self.r_sum += c.tp as f64 / (c.tp + c.fn_) as f64;
            self.r_n += 1;
        }
        self.total = self.total + c;
    }

    /// The averages; see the module documentation for empty averages.
    pub fn finish(&self) -> Prf {
        let p = (self.p_n > 0).then(|| self.p_sum / self.p_n as f64);
        let r = (self.r_n > 0).then(|| self.r_sum / self.r_n as f64);
        let (precision, recall) = defined_or_vacuous(p, r);
        Prf {
            precision,
            recall,
            f1: harmonic(precision, recall),
            precision_pairs: self.p_n,
            recall_pairs: self.r_n,
            tp: self.total.tp,
            fp: self.total.fp,
            fn_: self.total.fn_,
        }
    }
}

/// Macro-averaged precision, recall and F1 of one role (or pooled roles).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Prf {
    /// Mean per-pair precision over pairs with a non-empty system side.
    pub precision: f64,
    /// Mean per-pair recall over pairs with a non-empty gold side.
    pub recall: f64,
    /// Harmonic mean of `precision` and `recall` (0 when both are 0).
    pub f1: f64,
    /// Number of pairs averaged into `precision`.
    pub precision_pairs: usize,
    /// Number of pairs averaged into `recall`.
    pub recall_pairs: usize,
    /// Summed true-positive tokens (for reference; the scores are macro averages).
    pub tp: usize,
    /// Summed false-positive tokens.
    pub fp: usize,
    /// Summed false-negative tokens.
    #[serde(rename = "fn")]
    pub fn_: usize,
}

/// Micro-averaged precision, recall and F1 from a count of matches.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Micro {
    /// Matches (system items equal to a gold item).
    pub tp: usize,
    /// System items.
    pub system: usize,
    /// Gold items.
    pub gold: usize,
    /// `tp / system`.
    pub precision: f64,
    /// `tp / gold`.
    pub recall: f64,
    /// Harmonic mean of `precision` and `recall`.
    pub f1: f64,
}

impl Micro {
    /// Scores `tp` matches among `system` system and `gold` gold items.
    pub fn new(tp: usize, system: usize, gold: usize) -> Self {
        let (precision, recall) = defined_or_vacuous(ratio(tp, system), ratio(tp, gold));
        Micro {
            tp,
            system,
            gold,
            precision,
            recall,
            f1: harmonic(precision, recall),
        }
    }
}

/// `num / den`, undefined when `den` is 0.
pub(crate) fn ratio(num: usize, den: usize) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

/// Undefined figures become 0, unless both are undefined (nothing to find, nothing found): 1.
fn defined_or_vacuous(p: Option<f64>, r: Option<f64>) -> (f64, f64) {
    match (p, r) {
        (None, None) => (1.0, 1.0),
        (p, r) => (p.unwrap_or(0.0), r.unwrap_or(0.0)),
    }
}

fn harmonic(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_of_sorted_sets() {
        let c = Counts::of_sets(&[1, 2, 3, 7], &[2, 3, 4]);
        assert_eq!(
            c,
            Counts {
                tp: 2,
                fp: 2,
                fn_: 1
            }
        );
        assert_eq!(c.f1(), 4.0 / 7.0);
        assert_eq!(Counts::default().f1(), 0.0);
    }

    #[test]
    fn macro_average_skips_empty_sides() {
        let mut m = MacroAvg::default();
        m.add(Counts {
            tp: 1,
            fp: 1,
            fn_: 0,
        }); // P 1/2, R 1
        m.add(Counts {
            tp: 0,
            fp: 2,
            fn_: 0,
        }); // P 0, no recall
        m.add(Counts::default()); // nothing
        let prf = m.finish();
        assert_eq!((prf.precision, prf.recall), (0.25, 1.0));
        assert_eq!((prf.precision_pairs, prf.recall_pairs), (2, 1));
        assert_eq!(prf.f1, 0.4);
    }

    #[test]
    fn empty_averages_are_finite() {
        assert_eq!(MacroAvg::default().finish().f1, 1.0);
        let mut only_gold = MacroAvg::default();
        only_gold.add(Counts {
            tp: 0,
            fp: 0,
            fn_: 3,
        });
        let prf = only_gold.finish();
        assert_eq!((prf.precision, prf.recall, prf.f1), (0.0, 0.0, 0.0));
        let m = Micro::new(0, 0, 5);
        assert_eq!((m.precision, m.recall, m.f1), (0.0, 0.0, 0.0));
    }
}
