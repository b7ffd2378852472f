//! What the quotation context knows of a word form by itself, cached per thread.
//!
//! Lowercasing, two hashes, the cluster look-up, three lexicon look-ups and
//! the suffix tests cost over a thousand instructions per token, and news
//! repeats its words: most tokens are forms seen a few documents before. A
//! per-thread map from the form as written to its facts answers those with
//! one look-up. The facts are those [`WordFacts::of`] computes; the cache
//! only saves recomputing them, so results do not depend on it.

use super::cues::CueTable;
use super::form_table::FormTable;
use crate::lexicon::{self, Subjunctive};
use crate::model::hash::hash_bytes;
use std::cell::RefCell;

/// Forms kept per thread before the cache starts afresh (about 100 bytes
/// each: a few MB). Frequent words come back within a few documents.
const CAPACITY: usize = 1 << 16;

/// Facts of a word form that do not depend on its place in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WordFacts {
    /// Hash of the lowercase form.
    pub lower: u64,
    /// Hash of the last three characters (lowercase).
    pub suffix3: u64,
    /// Brown cluster of the form as written.
    pub cluster: Option<u64>,
    /// Shape by the form alone: 0 lower, 1 capitalised, 2 all caps, 3 digit, 4 punctuation.
    pub shape: u8,
    /// Subjunctive status of the lowercase form, whatever the case.
    pub subj: Subjunctive,
    /// Cue score of the lowercase form.
    pub cue_score: u8,
    /// Reported-speech score of the lowercase form.
    pub rep_score: u8,
    /// Lemma hash when the lowercase form is a speech/thought/writing verb.
    pub cue_lemma: Option<u64>,
    /// An attribution word (see `context`).
    pub attribution: bool,
    /// A channel word (see `context`).
    pub channel: bool,
    /// A complementizer (`dass`, `ob`, `wie` …).
    pub complementizer: bool,
    /// A form of `sollen`.
    pub soll: bool,
    /// A comma, colon, dash, semicolon or parenthesis.
    pub clause_punct: bool,
    /// The lowercase form ends in `n`.
    pub ends_n: bool,
    /// The word-shape code of the proper-noun classifier (`entities::propn`),
    /// for the entity stage.
    pub propn_shape: u8,
    /// The lowercase form has `zu` inside (`einzubringen`): with `ends_n`, a
    /// `zu`-infinitive by its letters.
    pub zu_inside: bool,
}

impl WordFacts {
    /// Computes the facts of `word` (as written) under the cue table `cues`.
    pub(crate) fn of(word: &str, cues: &CueTable) -> Self {
        let mut lower_buf = String::new();
        let lower = if word.is_ascii() {
            // The same as `char::to_lowercase` for ASCII, without decoding chars.
            lower_buf.push_str(word);
            lower_buf.make_ascii_lowercase();
            lower_buf.as_str()
        } else {
            lower_buf.extend(word.chars().flat_map(char::to_lowercase));
            lower_buf.as_str()
        };
        let first = word.chars().next().unwrap_or(' ');
        let shape = if first.is_numeric() {
            3
        } else if !first.is_alphanumeric() {
            4
        } else if first.is_uppercase() {
            if word.chars().count() > 1 && word.chars().all(|c| !c.is_lowercase()) {
                2
            } else {
                1
            }
        } else {
            0
        };
        let (cue_score, rep_score) = cues.scores(lower);
        let suffix_start = lower.char_indices().rev().nth(2).map_or(0, |(b, _)| b);
        WordFacts {
            lower: hash_bytes(lower.as_bytes()),
            suffix3: hash_bytes(&lower.as_bytes()[suffix_start..]),
            cluster: lexicon::cluster_id(word),
            shape,
            subj: lexicon::subjunctive(lower),
            cue_score,
            rep_score,
            cue_lemma: lexicon::cue_verb_lemma(lower).map(|l| hash_bytes(l.as_bytes())),
            attribution: super::context::is_attribution_word(lower),
            channel: super::context::is_channel_word(lower),
            complementizer: matches!(
                lower,
                "dass"
                    | "daß"
                    | "ob"
                    | "wie"
                    | "weil"
                    | "warum"
                    | "wann"
                    | "wo"
                    | "was"
                    | "wer"
                    | "welche"
                    | "welcher"
                    | "welches"
                    | "inwieweit"
            ),
            soll: matches!(
                lower,
                "soll" | "sollen" | "sollte" | "sollten" | "sollt" | "solle"
            ),
            clause_punct: matches!(word, "," | ":" | ";" | "–" | "—" | "-" | "(" | ")"),
            ends_n: lower.ends_with('n'),
            // Below 128 (see `propn::shape`).
            propn_shape: crate::entities::propn::shape(word) as u8,
            zu_inside: lower.len() >= 7
                && lower.as_bytes()[2..lower.len() - 3]
                    .windows(2)
                    .any(|w| w == b"zu"),
        }
    }
}

/// What the entity stage needs of a token that the quotation stage already
/// knows: the hash of its lowercase form (as `entities::propn` hashes it),
/// its Brown cluster ([`lexicon::cluster_id`] of the form as written) and
/// its proper-noun word shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WordKey {
    /// FNV-1a hash of the lowercase form.
    pub lower: u64,
    /// Brown cluster of the form as written.
    pub cluster: Option<u64>,
    /// `entities::propn::shape` of the form.
    pub shape: u8,
}

/// A thread's cache: facts by form, valid for the cue table `cues`.
struct Cache {
    cues: u64,
    map: FormTable,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache {
        cues: 0,
        map: FormTable::new(CAPACITY),
    });
}

/// Appends the facts of every word to `out`, in order.
pub(crate) fn facts_of<'w>(
    words: impl Iterator<Item = &'w str> + Clone,
    cues: &CueTable,
    out: &mut Vec<WordFacts>,
) {
    let cached = CACHE.try_with(|cache| {
        let Ok(mut cache) = cache.try_borrow_mut() else {
            return false;
        };
        let cache = &mut *cache;
        if cache.cues != cues.id() {
            cache.map.clear();
            cache.cues = cues.id();
        }
        cache
            .map
            .lookup_all(words.clone(), out, |w| WordFacts::of(w, cues));
        true
    });
    // Without the cache (a thread shutting down, or a nested call): compute.
    if cached != Ok(true) {
        out.extend(words.map(|w| WordFacts::of(w, cues)));
    }
}

/// The Brown cluster of `word` as written ([`lexicon::cluster_id`]), from
/// this thread's cache when the quotation stage has just seen the form (the
/// entity stage asks for the words the quotation stage has just looked up;
/// the cluster table itself is far larger than the CPU caches).
pub(crate) fn cluster_id(word: &str) -> Option<u64> {
    let cached = CACHE
        .try_with(|cache| {
            let cache = cache.try_borrow().ok()?;
            // The cluster does not depend on the cue table: any entry knows it.
            cache.map.get(word).map(|f| f.cluster)
        })
        .ok()
        .flatten();
    cached.unwrap_or_else(|| lexicon::cluster_id(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cached_facts_are_computed_facts() {
        let cues = CueTable::from_tsv("sagte\t7\nfordert\t0\t8\n").unwrap();
        let words = [
            "Sagte",
            "sagte",
            "fordert",
            "EU",
            "„",
            ",",
            "einzubringen",
            "Ärger",
            "soll",
            "sei",
            "Sei",
            "sagte",
            "12",
            "ΣΑΣ",
        ];
        for _ in 0..2 {
            let mut got = Vec::new();
            facts_of(words.iter().copied(), &cues, &mut got);
            let want: Vec<WordFacts> = words.iter().map(|w| WordFacts::of(w, &cues)).collect();
            assert_eq!(got, want);
        }
        for w in words {
            assert_eq!(cluster_id(w), lexicon::cluster_id(w), "{w}");
        }
        // Another table: the cache must not answer with the old scores.
        let other = CueTable::from_tsv("sagte\t2\n").unwrap();
        let mut got = Vec::new();
        facts_of(["sagte"].into_iter(), &other, &mut got);
        assert_eq!(got[0].cue_score, 2);
        assert_eq!(got[0], WordFacts::of("sagte", &other));
    }
}
