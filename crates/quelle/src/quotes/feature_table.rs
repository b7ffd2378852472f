//! Per-token feature rows of the quotation taggers.

/// Features of every token, stored flat: `offsets[i]..offsets[i + 1]` index `values`.
#[derive(Debug, Clone, Default)]
pub struct FeatureTable {
    values: Vec<u64>,
    offsets: Vec<usize>,
}

impl FeatureTable {
    /// The features of token `i`.
    pub fn get(&self, i: usize) -> &[u64] {
        &self.values[self.offsets[i]..self.offsets[i + 1]]
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// All rows as slices (for decoding).
    pub fn rows(&self) -> Vec<&[u64]> {
        (0..self.len()).map(|i| self.get(i)).collect()
    }

    /// Empties the table, keeping its memory.
    pub fn clear(&mut self) {
        self.values.clear();
        self.offsets.clear();
    }

    /// An empty table with room for `rows` rows of about `per_row` features.
    pub(crate) fn with_capacity(rows: usize, per_row: usize) -> Self {
        FeatureTable {
            values: Vec::with_capacity(rows * per_row),
            offsets: Vec::with_capacity(rows + 1),
        }
    }

    /// Appends features to the row being built.
    #[inline(always)]
    pub(crate) fn extend(&mut self, features: &[u64]) {
        self.values.extend_from_slice(features);
    }

    /// Ends the row being built (after [`FeatureTable::start`]).
    #[inline]
    pub(crate) fn end_row(&mut self) {
        self.offsets.push(self.values.len());
    }

    /// Starts the first row, if none has been started.
    pub(crate) fn start(&mut self) {
        if self.offsets.is_empty() {
            self.offsets.push(0);
        }
    }
}
