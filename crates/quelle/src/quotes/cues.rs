//! The cue table: how often a word signals a quotation, learned from training data.
//!
//! For every lowercase word seen as (part of) a gold cue at least twice in the
//! training split, the share of its occurrences that are cues, in tenths. The
//! table gives the taggers their anchor: the likeliest cue word of a sentence.
//! Stored as TSV (`word<TAB>score`), sorted by word.

use crate::error::{Error, ErrorKind, Result};
use crate::lexicon::WordMap;

/// Minimum number of times a word must be a gold cue to enter the table.
const MIN_CUE_COUNT: u32 = 2;

/// Lowercase word → cue score (0–10: tenths of its occurrences that are cues).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CueTable {
    // Looked up for every token: a fast word hash, not SipHash (see `WordHasher`).
    scores: WordMap<String, u8>,
}

impl CueTable {
    /// The score of a lowercase word (0 when unknown).
    #[inline]
    pub fn score(&self, lower: &str) -> u8 {
        self.scores.get(lower).copied().unwrap_or(0)
    }

    /// Number of words in the table.
    pub fn len(&self) -> usize {
        self.scores.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.scores.is_empty()
    }

    /// Builds the table from `(lowercase word, is cue)` observations.
    pub fn learn<'a>(observations: impl IntoIterator<Item = (&'a str, bool)>) -> Self {
        let mut counts: WordMap<&str, (u32, u32)> = WordMap::default();
        for (w, cue) in observations {
            let c = counts.entry(w).or_default();
            c.0 += cue as u32;
            c.1 += 1;
        }
        let scores = counts
            .into_iter()
            .filter(|(_, (cue, _))| *cue >= MIN_CUE_COUNT)
            .map(|(w, (cue, all))| (w.to_owned(), ((cue * 10 + all / 2) / all).min(10) as u8))
            .filter(|(_, s)| *s > 0)
            .collect();
        CueTable { scores }
    }

    /// Serialises as sorted TSV.
    pub fn to_tsv(&self) -> String {
        let mut rows: Vec<_> = self.scores.iter().collect();
        rows.sort();
        rows.iter().map(|(w, s)| format!("{w}\t{s}\n")).collect()
    }

    /// Parses the TSV form; errors name the line.
    pub fn from_tsv(src: &str) -> Result<Self> {
        let mut scores = WordMap::default();
        for (i, line) in src.lines().enumerate() {
            if line.is_empty() {
                continue;
            }
            let parsed = line
                .split_once('\t')
                .and_then(|(w, s)| s.parse::<u8>().ok().filter(|&s| s <= 10).map(|s| (w, s)));
            let Some((w, s)) = parsed else {
                return Err(Error::new(ErrorKind::Model(format!(
                    "cue table line {}: expected word<TAB>0..10",
                    i + 1
                ))));
            };
            scores.insert(w.to_owned(), s);
        }
        Ok(CueTable { scores })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_shares_and_round_trips() {
        let obs = [
            ("sagte", true),
            ("sagte", true),
            ("sagte", false),
            ("haus", false),
            ("laut", true),
        ];
        let t = CueTable::learn(obs);
        assert_eq!(t.score("sagte"), 7);
        assert_eq!(t.score("haus"), 0);
        assert_eq!(t.score("laut"), 0, "seen once as a cue: below the minimum");
        assert_eq!(CueTable::from_tsv(&t.to_tsv()).unwrap(), t);
        assert!(CueTable::from_tsv("sagte\tx\n").is_err());
    }
}
