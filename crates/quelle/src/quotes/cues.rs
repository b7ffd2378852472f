//! The cue table: how often a word signals a quotation, learned from training data.
//!
//! For every lowercase word seen as (part of) a gold cue at least twice in the
//! training split, the share of its occurrences that are cues, in tenths. The
//! table gives the taggers their anchor: the likeliest cue word of a sentence.
//! Stored as TSV (`word<TAB>score`), sorted by word.
//!
//! A second score per word (an optional third column) is for *reported* speech,
//! which gnqa annotates without a cue: the share of the word's occurrences that
//! lie inside reported content (`fordert`, `bezeichnete`, `sprach von`), in
//! tenths, for lowercase words seen there at least [`MIN_REPORTED_COUNT`] times.

use crate::error::{Error, ErrorKind, Result};
use crate::lexicon::WordMap;
use std::sync::atomic::{AtomicU64, Ordering};

/// Minimum number of times a word must be a gold cue to enter the table.
const MIN_CUE_COUNT: u32 = 2;
/// Minimum number of times a word must lie in reported content to get a reported score.
const MIN_REPORTED_COUNT: u32 = 3;

/// One observation of a word in training data.
#[derive(Debug, Clone, Copy)]
pub struct Observation<'a> {
    /// The lowercase form.
    pub word: &'a str,
    /// Part of a gold cue.
    pub cue: bool,
    /// Inside the content of a gold *reported* quotation.
    pub reported: bool,
    /// Written in lowercase (reported scores are kept for such words only: verbs, not names).
    pub lowercase: bool,
}

/// Lowercase word → cue score (0–10: tenths of its occurrences that are cues).
#[derive(Debug, Clone)]
pub struct CueTable {
    // Looked up for every token: a fast word hash, not SipHash (see `WordHasher`).
    scores: WordMap<String, (u8, u8)>,
    /// Tells tables apart for the per-thread word cache (`super::words`): a
    /// new one for each table built; a clone, equal and immutable, keeps it.
    id: u64,
}

impl Default for CueTable {
    fn default() -> Self {
        CueTable::with_scores(WordMap::default())
    }
}

/// Tables are equal when their scores are (whatever their ids).
impl PartialEq for CueTable {
    fn eq(&self, other: &Self) -> bool {
        self.scores == other.scores
    }
}

impl Eq for CueTable {}

impl CueTable {
    fn with_scores(scores: WordMap<String, (u8, u8)>) -> Self {
        static NEXT_ID: AtomicU64 = AtomicU64::new(1);
        CueTable {
            scores,
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// This table's identity for caches of its scores (see the `id` field).
    pub(crate) fn id(&self) -> u64 {
        self.id
    }

    /// The score of a lowercase word (0 when unknown).
    #[inline]
    pub fn score(&self, lower: &str) -> u8 {
        self.scores.get(lower).map_or(0, |s| s.0)
    }

    /// Both scores of a lowercase word: (cue, reported), 0 when unknown.
    #[inline]
    pub fn scores(&self, lower: &str) -> (u8, u8) {
        self.scores.get(lower).copied().unwrap_or((0, 0))
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
        Self::learn_all(observations.into_iter().map(|(word, cue)| Observation {
            word,
            cue,
            reported: false,
            lowercase: false,
        }))
    }

    /// Builds the table (cue and reported scores) from observations.
    pub fn learn_all<'a>(observations: impl IntoIterator<Item = Observation<'a>>) -> Self {
        // cue count, reported count (lowercase occurrences), all, all lowercase
        let mut counts: WordMap<&str, [u32; 4]> = WordMap::default();
        for o in observations {
            let c = counts.entry(o.word).or_default();
            c[0] += o.cue as u32;
            c[1] += (o.reported && o.lowercase) as u32;
            c[2] += 1;
            c[3] += o.lowercase as u32;
        }
        let tenths = |n: u32, all: u32| ((n * 10 + all / 2) / all.max(1)).min(10) as u8;
        let scores = counts
            .into_iter()
            .map(|(w, [cue, rep, all, lower])| {
                let c = if cue >= MIN_CUE_COUNT {
                    tenths(cue, all)
                } else {
                    0
                };
                let r = if rep >= MIN_REPORTED_COUNT {
                    tenths(rep, lower)
                } else {
                    0
                };
                (w.to_owned(), (c, r))
            })
            .filter(|(_, s)| *s != (0, 0))
            .collect();
        CueTable::with_scores(scores)
    }

    /// Serialises as sorted TSV.
    pub fn to_tsv(&self) -> String {
        let mut rows: Vec<_> = self.scores.iter().collect();
        rows.sort();
        rows.iter()
            .map(|(w, (c, r))| {
                if *r == 0 {
                    format!("{w}\t{c}\n")
                } else {
                    format!("{w}\t{c}\t{r}\n")
                }
            })
            .collect()
    }

    /// Parses the TSV form; errors name the line.
    pub fn from_tsv(src: &str) -> Result<Self> {
        let mut scores = WordMap::default();
        for (i, line) in src.lines().enumerate() {
            if line.is_empty() {
                continue;
            }
            let num = |s: &str| s.parse::<u8>().ok().filter(|&s| s <= 10);
            let mut cols = line.split('\t');
            let parsed = match (cols.next(), cols.next(), cols.next(), cols.next()) {
                (Some(w), Some(c), None, None) => num(c).map(|c| (w, (c, 0))),
                (Some(w), Some(c), Some(r), None) => num(c).zip(num(r)).map(|s| (w, s)),
                _ => None,
            };
            let Some((w, s)) = parsed else {
                return Err(Error::new(ErrorKind::Model(format!(
                    "cue table line {}: expected word<TAB>0..10[<TAB>0..10]",
                    i + 1
                ))));
            };
            scores.insert(w.to_owned(), s);
        }
        Ok(CueTable::with_scores(scores))
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
        assert!(CueTable::from_tsv("sagte\t1\t2\t3\n").is_err());
        let o = |word, cue, reported| Observation {
            word,
            cue,
            reported,
            lowercase: true,
        };
        let t = CueTable::learn_all([
            o("fordert", false, true),
            o("fordert", false, true),
            o("fordert", false, true),
            o("fordert", false, false),
            o("sagte", true, false),
            o("sagte", true, false),
        ]);
        assert_eq!(t.scores("fordert"), (0, 8));
        assert_eq!(t.scores("sagte"), (10, 0));
        assert_eq!(CueTable::from_tsv(&t.to_tsv()).unwrap(), t);
    }
}
