//! Mapping character spans onto the gold tokens.
//!
//! The metric counts gold tokens: a gold token belongs to a role when its character
//! span overlaps one of the role's spans. System output with its own tokenisation is
//! thereby scored on the gold tokenisation.

use crate::schema::CharSpan;

/// The gold tokens of one document, ready for overlap queries.
#[derive(Debug, Clone)]
pub struct TokenIndex {
    /// Token spans sorted by start.
    spans: Vec<CharSpan>,
    /// Whether no two tokens overlap, so that ends rise with starts and binary search works.
    disjoint: bool,
}

impl TokenIndex {
    /// Indexes `tokens` (any order; token ids are positions in sorted order).
    pub fn new(tokens: &[CharSpan]) -> Self {
        let mut spans = tokens.to_vec();
        spans.sort_unstable();
        spans.dedup();
        let disjoint = spans.windows(2).all(|w| w[0].end <= w[1].start);
        TokenIndex { spans, disjoint }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The sorted, duplicate-free ids of the tokens overlapping any of `spans`.
    pub fn covered(&self, spans: &[CharSpan]) -> Vec<u32> {
        let mut out = Vec::new();
        for s in spans.iter().filter(|s| s.start < s.end) {
            let first = if self.disjoint {
                self.spans.partition_point(|t| t.end <= s.start)
            } else {
                0
            };
            for (i, t) in self.spans.iter().enumerate().skip(first) {
                if t.start >= s.end {
                    break;
                }
                if t.end > s.start && t.start < t.end {
                    out.push(i as u32);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sp(start: usize, end: usize) -> CharSpan {
        CharSpan { start, end }
    }

    #[test]
    fn any_overlap_counts() {
        // Tokens "ab cd ef": [0,2) [3,5) [6,8).
        let idx = TokenIndex::new(&[sp(6, 8), sp(0, 2), sp(3, 5)]);
        assert_eq!(idx.covered(&[sp(1, 4)]), vec![0, 1]);
        assert_eq!(idx.covered(&[sp(2, 3)]), Vec::<u32>::new()); // whitespace only
        assert_eq!(idx.covered(&[sp(7, 8), sp(0, 8)]), vec![0, 1, 2]);
        assert_eq!(idx.covered(&[sp(4, 4)]), Vec::<u32>::new());
    }

    #[test]
    fn overlapping_tokens_fall_back_to_a_scan() {
        let idx = TokenIndex::new(&[sp(0, 10), sp(2, 3), sp(5, 6)]);
        assert_eq!(idx.covered(&[sp(5, 6)]), vec![0, 2]);
    }
}
