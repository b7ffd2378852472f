//! Word lists compiled into the library.
//!
//! Each list is a plain-text file under `lexicon/` (one entry per line, `#` starts a
//! comment), included at compile time so the binary needs no data files at run time.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A hasher for short string keys: a few multiplications per 16 bytes.
///
/// The word tables are looked up for every token; the standard SipHash (built
/// to resist flooding by hostile keys) cost more than all else in a look-up.
/// The tables here are fixed lists, so collisions can only slow a look-up down,
/// never change its answer.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct WordHasher(u64);

/// Whether lower-casing leaves `w` as it is. (`str::to_lowercase` maps char
/// by char, but for `Σ`, which maps to another char anyway.)
pub(crate) fn is_lower(w: &str) -> bool {
    // One pass over the bytes for the usual ASCII word.
    if w.bytes().all(|b| b < 0x80 && !b.is_ascii_uppercase()) {
        return true;
    }
    !w.is_ascii()
        && w.chars().all(|c| {
            let mut l = c.to_lowercase();
            l.next() == Some(c) && l.next().is_none()
        })
}

/// `w.to_lowercase()`, borrowing `w` where it is lowercase already
/// ([`is_lower`]): the rules ask for the lowercase form of many words, most of
/// them lowercase, and an allocation per word costs more than the test.
pub(crate) fn lowercase(w: &str) -> std::borrow::Cow<'_, str> {
    if is_lower(w) {
        std::borrow::Cow::Borrowed(w)
    } else {
        std::borrow::Cow::Owned(w.to_lowercase())
    }
}

/// A hash map from words, using [`WordHasher`].
pub(crate) type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;
/// A hash set of words, using [`WordHasher`].
pub(crate) type WordSet<K> = HashSet<K, BuildHasherDefault<WordHasher>>;

const K0: u64 = 0x243f_6a88_85a3_08d3;
const K1: u64 = 0x1319_8a2e_0370_7344;
const K2: u64 = 0xa409_3822_299f_31d0;

/// The folded 128-bit product: every input bit reaches many output bits.
#[inline(always)]
fn fold(a: u64, b: u64) -> u64 {
    let p = (a as u128).wrapping_mul(b as u128);
    (p as u64) ^ ((p >> 64) as u64)
}

#[inline(always)]
fn read8(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().expect("8 bytes"))
}

#[inline(always)]
fn read4(b: &[u8], at: usize) -> u64 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes")) as u64
}

/// The hash of a word's bytes, as [`WordHasher`] computes it.
#[inline]
pub(crate) fn word_hash(b: &[u8]) -> u64 {
    let mut h = WordHasher(0);
    h.write(b);
    h.0
}

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, b: &[u8]) {
        let n = b.len();
        let mut h = self.0 ^ K0;
        // Read (overlapping) words rather than bytes: most words fit in two.
        let (x, y) = if n > 16 {
            let mut i = 0;
            while n - i > 16 {
                h = fold(read8(b, i) ^ K1, read8(b, i + 8) ^ h);
                i += 16;
            }
            (read8(b, n - 16), read8(b, n - 8))
        } else if n >= 8 {
            (read8(b, 0), read8(b, n - 8))
        } else if n >= 4 {
            (read4(b, 0), read4(b, n - 4))
        } else if n > 0 {
            (
                (b[0] as u64) << 16 | (b[n / 2] as u64) << 8 | b[n - 1] as u64,
                0,
            )
        } else {
            (0, 0)
        };
        h = fold(x ^ K1, y ^ h ^ n as u64);
        self.0 = fold(h, K2);
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        // `str` hashing appends 0xff; mixing it in is a cheap constant step.
        self.0 = self.0.rotate_left(8) ^ i as u64;
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.0 = fold(self.0 ^ i as u64 ^ K1, K2);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Parses a list file: one entry per line, blank lines and `#` comments skipped.
pub(crate) fn entries(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

static PLACES_SRC: &str = include_str!("../lexicon/places.txt");

fn places() -> &'static WordSet<&'static str> {
    static SET: OnceLock<WordSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| entries(PLACES_SRC).collect())
}

/// Whether `name` is a known place (country or city), spelled as in German.
///
/// ```
/// assert!(quelle::lexicon::is_known_place("Pjöngjang"));
/// assert!(!quelle::lexicon::is_known_place("Merkel"));
/// ```
pub fn is_known_place(name: &str) -> bool {
    places().contains(name)
}

static SUBJ_SRC: &str = include_str!("../lexicon/subjunctive.txt");
static SUBJ_AMBIG_SRC: &str = include_str!("../lexicon/subjunctive_ambiguous.txt");
static VERBS_SRC: &str = include_str!("../lexicon/verbs.txt");
static CLUSTERS_SRC: &str = include_str!("../lexicon/clusters.tsv");

/// How a form relates to the subjunctive (Konjunktiv).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Subjunctive {
    /// Not a subjunctive form we know.
    #[default]
    No,
    /// A form that is (nearly) always subjunctive: `sei`, `habe`, `hätte`, `würde`.
    Yes,
    /// Subjunctive or past indicative: `sollten`, `wollten`.
    Ambiguous,
}

/// Both subjunctive lists in one map, so a form costs one look-up: a form on
/// both lists is `Yes`, as when the lists were checked in that order.
fn subjunctive_map() -> &'static WordMap<&'static str, Subjunctive> {
    static MAP: OnceLock<WordMap<&'static str, Subjunctive>> = OnceLock::new();
    MAP.get_or_init(|| {
        let ambiguous = entries(SUBJ_AMBIG_SRC).map(|w| (w, Subjunctive::Ambiguous));
        // Later entries win: the `Yes` list goes last.
        ambiguous
            .chain(entries(SUBJ_SRC).map(|w| (w, Subjunctive::Yes)))
            .collect()
    })
}

/// Looks up a lowercase verb form in the subjunctive lists.
///
/// ```
/// use quelle::lexicon::{subjunctive, Subjunctive};
/// assert_eq!(subjunctive("sei"), Subjunctive::Yes);
/// assert_eq!(subjunctive("haus"), Subjunctive::No);
/// ```
pub fn subjunctive(lower: &str) -> Subjunctive {
    subjunctive_map()
        .get(lower)
        .copied()
        .unwrap_or(Subjunctive::No)
}

fn tsv_map(src: &'static str) -> WordMap<&'static str, &'static str> {
    entries(src).filter_map(|l| l.split_once('\t')).collect()
}

/// The lemma of a lowercase form of a speech, thought or writing verb (`sagte` → `sagen`).
///
/// ```
/// assert_eq!(quelle::lexicon::cue_verb_lemma("sagte"), Some("sagen"));
/// assert_eq!(quelle::lexicon::cue_verb_lemma("haus"), None);
/// ```
pub fn cue_verb_lemma(lower: &str) -> Option<&'static str> {
    static MAP: OnceLock<WordMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| tsv_map(VERBS_SRC)).get(lower).copied()
}

/// The distributional word cluster of a word form (case as written), if known.
pub fn cluster(word: &str) -> Option<&'static str> {
    clusters().get(word)
}

/// The cluster of a word form as a number: `cluster(word)` parsed as `u64`
/// (`None` when the word has no cluster or its cluster is not a number).
///
/// ```
/// use quelle::lexicon::{cluster, cluster_id};
/// assert_eq!(cluster_id("!"), cluster("!").and_then(|c| c.parse().ok()));
/// ```
pub fn cluster_id(word: &str) -> Option<u64> {
    cluster(word).and_then(|c| c.parse::<u64>().ok())
}

/// [`cluster_id`] of every word, in order, appended to `out`.
///
/// The cluster table (100,000 words) is far larger than the CPU caches, so a
/// look-up mostly waits on memory. Given all the words at once, this starts
/// fetching the table entries of later words while it answers earlier ones;
/// the answers are those of [`cluster_id`].
///
/// ```
/// let words = ["Die", "Regierung", "tagte", "xyzzy"];
/// let mut ids = Vec::new();
/// quelle::lexicon::cluster_ids(words.iter().copied(), &mut ids);
/// assert_eq!(ids, words.map(quelle::lexicon::cluster_id));
/// ```
pub fn cluster_ids<'w, I>(words: I, out: &mut Vec<Option<u64>>)
where
    I: IntoIterator<Item = &'w str>,
    I::IntoIter: Clone,
{
    let table = clusters();
    let words = words.into_iter();
    // Two stages ahead of the answers: the slot of the word `AHEAD` places on
    // is fetched, and the line its home slot points to `AHEAD / 2` places on.
    const AHEAD: usize = 8;
    let mut hashes = [0u64; AHEAD];
    let mut far = words.clone();
    for h in hashes.iter_mut() {
        match far.next() {
            Some(w) => *h = table.start(w),
            None => break,
        }
    }
    for &h in &hashes[..AHEAD / 2] {
        table.follow(h);
    }
    for (k, w) in words.enumerate() {
        let h = hashes[k % AHEAD];
        if let Some(next) = far.next() {
            hashes[k % AHEAD] = table.start(next);
        }
        table.follow(hashes[(k + AHEAD / 2) % AHEAD]);
        out.push(table.get_hashed(w, h).and_then(|c| c.parse::<u64>().ok()));
    }
}

fn clusters() -> &'static TsvIndex {
    static INDEX: OnceLock<TsvIndex> = OnceLock::new();
    INDEX.get_or_init(|| TsvIndex::new(CLUSTERS_SRC))
}

/// A read-only hash index over the `key<TAB>value` lines of a static text,
/// answering as `tsv_map(src).get(key)` does (later lines win), but compact:
/// one 8-byte slot per entry slot, pointing into the text itself, so a hit
/// costs two memory reads (slot and line) where a general map of
/// `(&str, &str)` pairs costs three or more, in several times the memory.
#[derive(Debug)]
struct TsvIndex {
    src: &'static str,
    /// Open addressing, linear probing; `0` is empty, else `off << 32 | klen << 24 | vlen << 16 | tag`.
    slots: Box<[u64]>,
    /// Entries too long to pack into a slot (none in the shipped lists).
    long: WordMap<&'static str, &'static str>,
}

impl TsvIndex {
    fn new(src: &'static str) -> Self {
        let pairs: Vec<(&'static str, &'static str)> =
            entries(src).filter_map(|l| l.split_once('\t')).collect();
        // At most 40 % full, so that probes stay short.
        let size = (pairs.len() * 5 / 2).next_power_of_two().max(8);
        let mut index = TsvIndex {
            src,
            slots: vec![0; size].into_boxed_slice(),
            long: WordMap::default(),
        };
        let base = src.as_ptr() as usize;
        for (k, v) in pairs {
            let off = k.as_ptr() as usize - base;
            // Both halves come from one line of `src`: the value follows the key and a tab.
            debug_assert_eq!(v.as_ptr() as usize, k.as_ptr() as usize + k.len() + 1);
            let packable =
                (1..=255).contains(&k.len()) && v.len() <= 255 && off <= u32::MAX as usize;
            if !packable {
                index.long.insert(k, v);
                continue;
            }
            let h = word_hash(k.as_bytes());
            let slot =
                (off as u64) << 32 | (k.len() as u64) << 24 | (v.len() as u64) << 16 | tag(h);
            let mask = index.slots.len() - 1;
            let mut i = h as usize & mask;
            loop {
                let s = index.slots[i];
                if s == 0 || index.key(s) == k {
                    // A repeated key takes the later value, as collecting into a map does.
                    index.slots[i] = slot;
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        index
    }

    #[inline(always)]
    fn key(&self, slot: u64) -> &'static str {
        let off = (slot >> 32) as usize;
        let klen = (slot >> 24 & 0xff) as usize;
        &self.src[off..off + klen]
    }

    #[inline(always)]
    fn value(&self, slot: u64) -> &'static str {
        let start = (slot >> 32) as usize + (slot >> 24 & 0xff) as usize + 1;
        let vlen = (slot >> 16 & 0xff) as usize;
        &self.src[start..start + vlen]
    }

    /// The hash of `word`, having asked the CPU to fetch its first slot.
    #[inline(always)]
    fn start(&self, word: &str) -> u64 {
        let h = word_hash(word.as_bytes());
        crate::model::linear::prefetch_read(&self.slots[h as usize & (self.slots.len() - 1)]);
        h
    }

    /// Asks the CPU to fetch the line that the home slot of hash `h` points to.
    #[inline(always)]
    fn follow(&self, h: u64) {
        let s = self.slots[h as usize & (self.slots.len() - 1)];
        if s != 0 {
            crate::model::linear::prefetch_read(&self.src.as_bytes()[(s >> 32) as usize]);
        }
    }

    #[inline]
    fn get(&self, word: &str) -> Option<&'static str> {
        self.get_hashed(word, word_hash(word.as_bytes()))
    }

    /// The value of `word`, whose hash is `h`.
    #[inline]
    fn get_hashed(&self, word: &str, h: u64) -> Option<&'static str> {
        let mask = self.slots.len() - 1;
        let t = tag(h);
        let mut i = h as usize & mask;
        loop {
            let s = self.slots[i];
            if s == 0 {
                break;
            }
            // The tag and length rule out nearly every other word before its text is read.
            if s & 0xffff == t && (s >> 24 & 0xff) as usize == word.len() && self.key(s) == word {
                return Some(self.value(s));
            }
            i = (i + 1) & mask;
        }
        if self.long.is_empty() {
            None
        } else {
            self.long.get(word).copied()
        }
    }
}

/// Sixteen bits of a hash not used to pick the slot.
#[inline(always)]
fn tag(h: u64) -> u64 {
    h >> 48
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_is_to_lowercase_and_borrows_lowercase_words() {
        for w in [
            "", "sagte", "Sagte", "EU", "straße", "Ärger", "ärger", "ΣΑΣ", "σας", "ς", "12", "„",
            "x-Ray",
        ] {
            let l = lowercase(w);
            assert_eq!(l, w.to_lowercase(), "{w}");
            assert_eq!(is_lower(w), w.to_lowercase() == w, "{w}");
            assert_eq!(
                matches!(l, std::borrow::Cow::Borrowed(_)),
                is_lower(w),
                "{w}"
            );
        }
    }

    #[test]
    fn cluster_index_answers_as_a_map_of_the_lines() {
        let map = tsv_map(CLUSTERS_SRC);
        for (&w, &c) in &map {
            assert_eq!(cluster(w), Some(c), "{w}");
        }
        let words: Vec<&str> = map
            .keys()
            .copied()
            .chain(["", "xyzzy", "Sagte", "\u{e4}\u{df}", "a\tb"])
            .collect();
        let mut ids = Vec::new();
        cluster_ids(words.iter().copied(), &mut ids);
        for (w, id) in words.iter().zip(&ids) {
            assert_eq!(cluster(w), map.get(w).copied(), "{w:?}");
            assert_eq!(*id, map.get(w).and_then(|c| c.parse::<u64>().ok()), "{w:?}");
        }
        let mut none = Vec::new();
        cluster_ids(std::iter::empty(), &mut none);
        assert!(none.is_empty());
    }

    #[test]
    fn index_takes_the_last_of_repeated_keys_and_keeps_long_entries() {
        static SRC: &str = "a\t1\nb\t2\n# comment\na\t3\n  c\t4  \n";
        let long: &'static str =
            Box::leak(format!("{}\tlong\n{}\tx\n", "k".repeat(300), "v").into_boxed_str());
        let i = TsvIndex::new(SRC);
        assert_eq!(
            (i.get("a"), i.get("b"), i.get("c"), i.get("d")),
            (Some("3"), Some("2"), Some("4"), None)
        );
        let i = TsvIndex::new(long);
        assert_eq!(
            (i.get(&"k".repeat(300)), i.get("v")),
            (Some("long"), Some("x"))
        );
    }

    #[test]
    fn subjunctive_checks_the_yes_list_first() {
        let yes: HashSet<&str> = entries(SUBJ_SRC).collect();
        let ambiguous: HashSet<&str> = entries(SUBJ_AMBIG_SRC).collect();
        for &w in yes.iter().chain(&ambiguous).chain(&["haus"]) {
            let expected = if yes.contains(w) {
                Subjunctive::Yes
            } else if ambiguous.contains(w) {
                Subjunctive::Ambiguous
            } else {
                Subjunctive::No
            };
            assert_eq!(subjunctive(w), expected, "{w}");
        }
    }

    #[test]
    fn word_hasher_spreads_similar_words() {
        let words: Vec<String> = (0..2000)
            .map(|i| format!("w{i}"))
            .chain((0..40).map(|n| "x".repeat(n)))
            .collect();
        let hashes: HashSet<u64> = words.iter().map(|w| word_hash(w.as_bytes())).collect();
        assert_eq!(hashes.len(), words.len());
    }
}
