//! Optimal assignment (the Hungarian algorithm, O(n²·m)) for pairing quotations.
//!
//! Weights are integers so that sums compare exactly: the scorer encodes the
//! quote-role F1 and its tie-breakers lexicographically into one `i128`
//! (see [`crate::eval::score`]), which a floating-point epsilon could not
//! guarantee once many pairs are summed.

/// Assigns rows to columns maximising the summed weight; each row and each column
/// is used at most once, and `min(rows, columns)` pairs are made.
///
/// Returns, for every row, its column (`None` for rows left over when there are
/// more rows than columns). Every row of `weights` must have the same length.
/// Pairs of weight 0 are still returned; callers drop those they do not want.
pub fn max_weight_assignment(weights: &[Vec<i128>]) -> Vec<Option<usize>> {
    let rows = weights.len();
    let cols = weights.first().map_or(0, Vec::len);
    assert!(
        weights.iter().all(|r| r.len() == cols),
        "ragged weight matrix"
    );
    if rows == 0 || cols == 0 {
        return vec![None; rows];
    }
    if rows <= cols {
        min_cost_rows(rows, cols, |i, j| -weights[i][j])
    } else {
        // The algorithm needs rows ≤ columns: solve the transpose and invert it.
        let by_col = min_cost_rows(cols, rows, |j, i| -weights[i][j]);
        let mut out = vec![None; rows];
        for (j, i) in by_col.into_iter().enumerate() {
            if let Some(i) = i {
                out[i] = Some(j);
            }
        }
        out
    }
}

/// Minimum-cost assignment of `n` rows to `m ≥ n` columns with potentials
/// (Kuhn–Munkres in the shortest-augmenting-path form). Index 0 is a sentinel
/// column, so rows and columns are 1-based inside.
fn min_cost_rows(n: usize, m: usize, cost: impl Fn(usize, usize) -> i128) -> Vec<Option<usize>> {
    const INF: i128 = i128::MAX / 4;
    let mut u = vec![0i128; n + 1];
    let mut v = vec![0i128; m + 1];
    // row_of[j]: the row assigned to column j (0 = none).
    let mut row_of = vec![0usize; m + 1];
    let mut way = vec![0usize; m + 1];
    for i in 1..=n {
        row_of[0] = i;
        let mut j0 = 0;
        let mut minv = vec![INF; m + 1];
        let mut used = vec![false; m + 1];
        loop {
            used[j0] = true;
            let i0 = row_of[j0];
            let mut delta = INF;
            let mut j1 = 0;
            for j in 1..=m {
                if used[j] {
                    continue;
                }
                let cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
                if cur < minv[j] {
                    minv[j] = cur;
                    way[j] = j0;
                }
                if minv[j] < delta {
                    delta = minv[j];
                    j1 = j;
                }
            }
            for j in 0..=m {
                if used[j] {
                    u[row_of[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if row_of[j0] == 0 {
                break;
            }
        }
        // Flip the augmenting path back to the sentinel.
        loop {
            let j1 = way[j0];
            row_of[j0] = row_of[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    let mut out = vec![None; n];
    for (j, &i) in row_of.iter().enumerate().skip(1) {
        if i > 0 {
            out[i - 1] = Some(j - 1);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn total(w: &[Vec<i128>], a: &[Option<usize>]) -> i128 {
        a.iter()
            .enumerate()
            .filter_map(|(i, j)| j.map(|j| w[i][j]))
            .sum()
    }

    /// Best total over all injective assignments, by brute force.
    fn brute(w: &[Vec<i128>], row: usize, used: &mut Vec<bool>) -> i128 {
        if row == w.len() {
            return 0;
        }
        let free_cols = used.iter().filter(|u| !**u).count();
        let rows_left = w.len() - row;
        // A row may stay unassigned only when columns run out.
        let mut best = if rows_left > free_cols {
            brute(w, row + 1, used)
        } else {
            i128::MIN
        };
        for j in 0..used.len() {
            if !used[j] {
                used[j] = true;
                best = best.max(w[row][j] + brute(w, row + 1, used));
                used[j] = false;
            }
        }
        best
    }

    #[test]
    fn beats_greedy() {
        // Greedy takes the 9 at (0,0) and is left with 0 at (1,1): total 9.
        // The optimum pairs (0,1) and (1,0): 8 + 7 = 15.
        let w = vec![vec![9, 8], vec![7, 0]];
        let a = max_weight_assignment(&w);
        assert_eq!(a, vec![Some(1), Some(0)]);
        assert_eq!(total(&w, &a), 15);
    }

    #[test]
    fn rectangular_both_ways() {
        let wide = vec![vec![1, 5, 3]];
        assert_eq!(max_weight_assignment(&wide), vec![Some(1)]);
        let tall = vec![vec![1], vec![5], vec![3]];
        assert_eq!(max_weight_assignment(&tall), vec![None, Some(0), None]);
        assert_eq!(max_weight_assignment(&[]), Vec::<Option<usize>>::new());
        assert_eq!(max_weight_assignment(&[vec![], vec![]]), vec![None, None]);
    }

    #[test]
    fn matches_brute_force_on_pseudo_random_matrices() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % 20) as i128
        };
        for rows in 1..=5 {
            for cols in 1..=5 {
                for _ in 0..20 {
                    let w: Vec<Vec<i128>> = (0..rows)
                        .map(|_| (0..cols).map(|_| next()).collect())
                        .collect();
                    let a = max_weight_assignment(&w);
                    let mut cols_used: Vec<usize> = a.iter().flatten().copied().collect();
                    assert_eq!(cols_used.len(), rows.min(cols));
                    cols_used.sort_unstable();
                    cols_used.dedup();
                    assert_eq!(cols_used.len(), rows.min(cols), "column used twice");
                    assert_eq!(total(&w, &a), brute(&w, 0, &mut vec![false; cols]));
                }
            }
        }
    }
}
