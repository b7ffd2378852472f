//! Segmentation figures: exact token spans and sentence ends against the gold.

use crate::schema::CharSpan;
use std::collections::HashSet;

/// Match counts of one document (or summed over documents).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SegmentationCounts {
    /// System tokens whose character span equals a gold token's.
    pub token_tp: usize,
    /// System tokens.
    pub system_tokens: usize,
    /// Gold tokens.
    pub gold_tokens: usize,
    /// System sentence ends equal to a gold sentence end.
    pub end_tp: usize,
    /// System sentence ends.
    pub system_ends: usize,
    /// Gold sentence ends.
    pub gold_ends: usize,
}

impl SegmentationCounts {
    /// Compares one document's tokens and sentences.
    pub fn of(
        sys_tokens: &[CharSpan],
        sys_sentences: &[CharSpan],
        gold_tokens: &[CharSpan],
        gold_sentences: &[CharSpan],
    ) -> Self {
        let gold_set: HashSet<CharSpan> = gold_tokens.iter().copied().collect();
        let sys_set: HashSet<CharSpan> = sys_tokens.iter().copied().collect();
        let sys_ends = sentence_ends(sys_tokens, sys_sentences);
        let gold_ends = sentence_ends(gold_tokens, gold_sentences);
        SegmentationCounts {
            token_tp: sys_set.intersection(&gold_set).count(),
            system_tokens: sys_set.len(),
            gold_tokens: gold_set.len(),
            end_tp: sys_ends.intersection(&gold_ends).count(),
            system_ends: sys_ends.len(),
            gold_ends: gold_ends.len(),
        }
    }

    /// Adds another document's counts.
    pub fn add(&mut self, o: &SegmentationCounts) {
        self.token_tp += o.token_tp;
        self.system_tokens += o.system_tokens;
        self.gold_tokens += o.gold_tokens;
        self.end_tp += o.end_tp;
        self.system_ends += o.system_ends;
        self.gold_ends += o.gold_ends;
    }
}

/// The end of the last token inside each sentence.
///
/// Gold sentence spans may include trailing whitespace, so the sentence's own end
/// is not comparable; the end of its last token is. Sentences without tokens have
/// no end.
pub fn sentence_ends(tokens: &[CharSpan], sentences: &[CharSpan]) -> HashSet<usize> {
    let mut sorted;
    let tokens = if tokens.is_sorted() {
        tokens
    } else {
        sorted = tokens.to_vec();
        sorted.sort_unstable();
        &sorted
    };
    sentences
        .iter()
        .filter_map(|s| {
            // Tokens starting inside the sentence: the last of them ends it.
            let last = tokens.partition_point(|t| t.start < s.end);
            let t = tokens.get(last.checked_sub(1)?)?;
            (t.start >= s.start).then_some(t.end)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sp(start: usize, end: usize) -> CharSpan {
        CharSpan { start, end }
    }

    #[test]
    fn sentence_end_ignores_trailing_whitespace() {
        // "Ja . Nein ." with the gold sentence including the trailing space.
        let tokens = [sp(0, 2), sp(3, 4), sp(5, 9), sp(10, 11)];
        let ends = sentence_ends(&tokens, &[sp(0, 5), sp(5, 11), sp(11, 12)]);
        assert_eq!(ends, HashSet::from([4, 11]));
    }

    #[test]
    fn counts_exact_token_matches() {
        let gold = [sp(0, 2), sp(3, 4), sp(5, 9)];
        let sys = [sp(0, 4), sp(5, 9)];
        let c = SegmentationCounts::of(&sys, &[sp(0, 9)], &gold, &[sp(0, 4), sp(5, 10)]);
        assert_eq!((c.token_tp, c.system_tokens, c.gold_tokens), (1, 2, 3));
        assert_eq!((c.end_tp, c.system_ends, c.gold_ends), (1, 1, 2));
    }
}
