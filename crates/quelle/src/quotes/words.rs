//! What the quotation context knows of a word form by itself, cached per thread.
//!
//! Lowercasing, two hashes, the cluster look-up, three lexicon look-ups and
//! the suffix tests cost over a thousand instructions per token, and news
//! repeats its words: most tokens are forms seen a few documents before. A
//! per-thread table from the form as written to its facts answers those with
//! one look-up. The facts are those [`WordFacts::of`] computes; the cache
//! only saves recomputing them, so results do not depend on it.
//!
//! The table is direct-mapped, one cache line per form with the form's bytes
//! inside: a look-up is one memory access (a general hash map costs three:
//! control bytes, entry, and the key's own allocation), and since a
//! document's words are known in advance, the line of a word a few places
//! ahead is fetched while the current one is answered.

use super::cues::CueTable;
use crate::lexicon::{self, word_hash, Subjunctive};
use crate::model::hash::hash_bytes;
use crate::model::linear::prefetch_read;
use std::cell::RefCell;

/// Slots per thread (64 bytes each: 8 MB). A form shares its slot with about
/// one in this many others; news has some 50,000 forms in a thousand articles.
const SLOTS: usize = 1 << 17;

/// Longest form (in bytes) a slot holds; longer ones (0.1 % of tokens) are
/// computed each time.
const KEY: usize = 25;

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
            zu_inside: lower.len() >= 7
                && lower.as_bytes()[2..lower.len() - 3]
                    .windows(2)
                    .any(|w| w == b"zu"),
        }
    }
}

/// One slot of the table: a form of at most [`KEY`] bytes and its facts, packed
/// into one cache line.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct Slot {
    lower: u64,
    suffix3: u64,
    cluster: u64,
    cue_lemma: u64,
    /// [`flag`] bits.
    flags: u16,
    shape: u8,
    subj: u8,
    cue_score: u8,
    rep_score: u8,
    /// Length of the form; 0 for an empty slot (no token is empty).
    len: u8,
    key: [u8; KEY],
}

/// Bits of [`Slot::flags`].
mod flag {
    pub const CLUSTER: u16 = 1;
    pub const CUE_LEMMA: u16 = 1 << 1;
    pub const ATTRIBUTION: u16 = 1 << 2;
    pub const CHANNEL: u16 = 1 << 3;
    pub const COMPLEMENTIZER: u16 = 1 << 4;
    pub const SOLL: u16 = 1 << 5;
    pub const CLAUSE_PUNCT: u16 = 1 << 6;
    pub const ENDS_N: u16 = 1 << 7;
    pub const ZU_INSIDE: u16 = 1 << 8;
}

impl Slot {
    const EMPTY: Slot = Slot {
        lower: 0,
        suffix3: 0,
        cluster: 0,
        cue_lemma: 0,
        flags: 0,
        shape: 0,
        subj: 0,
        cue_score: 0,
        rep_score: 0,
        len: 0,
        key: [0; KEY],
    };

    /// Whether the slot holds `word` (which must be non-empty to match).
    #[inline(always)]
    fn holds(&self, word: &[u8]) -> bool {
        self.len != 0 && usize::from(self.len) == word.len() && self.key[..word.len()] == *word
    }

    /// A slot for `word` (at most [`KEY`] bytes) and its facts.
    fn new(word: &[u8], f: &WordFacts) -> Self {
        let bit = |b: bool, f: u16| if b { f } else { 0 };
        let mut key = [0; KEY];
        key[..word.len()].copy_from_slice(word);
        Slot {
            lower: f.lower,
            suffix3: f.suffix3,
            cluster: f.cluster.unwrap_or(0),
            cue_lemma: f.cue_lemma.unwrap_or(0),
            flags: bit(f.cluster.is_some(), flag::CLUSTER)
                | bit(f.cue_lemma.is_some(), flag::CUE_LEMMA)
                | bit(f.attribution, flag::ATTRIBUTION)
                | bit(f.channel, flag::CHANNEL)
                | bit(f.complementizer, flag::COMPLEMENTIZER)
                | bit(f.soll, flag::SOLL)
                | bit(f.clause_punct, flag::CLAUSE_PUNCT)
                | bit(f.ends_n, flag::ENDS_N)
                | bit(f.zu_inside, flag::ZU_INSIDE),
            shape: f.shape,
            subj: match f.subj {
                Subjunctive::No => 0,
                Subjunctive::Yes => 1,
                Subjunctive::Ambiguous => 2,
            },
            cue_score: f.cue_score,
            rep_score: f.rep_score,
            len: word.len() as u8,
            key,
        }
    }

    /// The cluster of the slot's form.
    #[inline(always)]
    fn cluster(&self) -> Option<u64> {
        (self.flags & flag::CLUSTER != 0).then_some(self.cluster)
    }

    /// The facts the slot was made from.
    #[inline(always)]
    fn facts(&self) -> WordFacts {
        let has = |f: u16| self.flags & f != 0;
        WordFacts {
            lower: self.lower,
            suffix3: self.suffix3,
            cluster: self.cluster(),
            shape: self.shape,
            subj: match self.subj {
                0 => Subjunctive::No,
                1 => Subjunctive::Yes,
                _ => Subjunctive::Ambiguous,
            },
            cue_score: self.cue_score,
            rep_score: self.rep_score,
            cue_lemma: has(flag::CUE_LEMMA).then_some(self.cue_lemma),
            attribution: has(flag::ATTRIBUTION),
            channel: has(flag::CHANNEL),
            complementizer: has(flag::COMPLEMENTIZER),
            soll: has(flag::SOLL),
            clause_punct: has(flag::CLAUSE_PUNCT),
            ends_n: has(flag::ENDS_N),
            zu_inside: has(flag::ZU_INSIDE),
        }
    }
}

/// A thread's cache: facts by form, valid for the cue table `cues`.
struct Cache {
    cues: u64,
    /// [`SLOTS`] slots once used; empty before.
    slots: Vec<Slot>,
}

impl Cache {
    /// The slot of a form with [`word_hash`] `h`.
    #[inline(always)]
    fn slot(&self, h: u64) -> &Slot {
        &self.slots[h as usize & (SLOTS - 1)]
    }
}

thread_local! {
    static CACHE: RefCell<Cache> = const {
        RefCell::new(Cache {
            cues: 0,
            slots: Vec::new(),
        })
    };
}

/// Appends the facts of every word to `out`, in order.
pub(crate) fn facts_of<'w, I>(words: I, cues: &CueTable, out: &mut Vec<WordFacts>)
where
    I: Iterator<Item = &'w str> + Clone,
{
    let mut words = words.peekable();
    let cached = CACHE.try_with(|cache| {
        let Ok(mut cache) = cache.try_borrow_mut() else {
            return;
        };
        let cache = &mut *cache;
        if cache.slots.is_empty() {
            cache.slots = vec![Slot::EMPTY; SLOTS];
        }
        if cache.cues != cues.id() {
            cache.slots.fill(Slot::EMPTY);
            cache.cues = cues.id();
        }
        // The slots of the next `AHEAD` words are being fetched while one is answered.
        const AHEAD: usize = 8;
        let mut hashes = [0u64; AHEAD];
        let mut far = words.clone();
        for h in hashes.iter_mut() {
            match far.next() {
                Some(w) => {
                    *h = word_hash(w.as_bytes());
                    prefetch_read(cache.slot(*h));
                }
                None => break,
            }
        }
        for (k, w) in words.by_ref().enumerate() {
            let h = hashes[k % AHEAD];
            if let Some(next) = far.next() {
                let hn = word_hash(next.as_bytes());
                prefetch_read(cache.slot(hn));
                hashes[k % AHEAD] = hn;
            }
            let b = w.as_bytes();
            let i = h as usize & (SLOTS - 1);
            let slot = &mut cache.slots[i];
            let f = if slot.holds(b) {
                slot.facts()
            } else {
                let f = WordFacts::of(w, cues);
                if (1..=KEY).contains(&b.len()) {
                    *slot = Slot::new(b, &f);
                }
                f
            };
            out.push(f);
        }
    });
    // Without the cache (a thread shutting down): compute what is left.
    if cached.is_err() || words.peek().is_some() {
        out.extend(words.map(|w| WordFacts::of(w, cues)));
    }
}

/// The Brown cluster of `word` as written ([`lexicon::cluster_id`]), from
/// this thread's cache when the quotation stage has just seen the form.
pub(crate) fn cluster_id(word: &str) -> Option<u64> {
    let b = word.as_bytes();
    let cached = CACHE
        .try_with(|cache| {
            let cache = cache.try_borrow().ok()?;
            if cache.slots.is_empty() {
                return None;
            }
            // The cluster does not depend on the cue table: any holder of the form knows it.
            let slot = cache.slot(word_hash(b));
            slot.holds(b).then(|| slot.cluster())
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
        // Another table: the cache must not answer with the old scores.
        let other = CueTable::from_tsv("sagte\t2\n").unwrap();
        let mut got = Vec::new();
        facts_of(["sagte"].into_iter(), &other, &mut got);
        assert_eq!(got[0].cue_score, 2);
        assert_eq!(got[0], WordFacts::of("sagte", &other));
    }
}
