//! Tokenizer exceptions: abbreviations, contractions and emoticons that the
//! affix rules would otherwise cut apart (`z.B.`, `Dr.`, `CDU/CSU`, `:-)`).
//!
//! The list lives in `lexicon/abbreviations.txt` and is parsed once into a
//! small open-addressing hash table. Looking a string up allocates nothing: a
//! 4096-bit filter over (length, first byte, last byte) rejects almost every
//! ordinary word with one bit test, and the rest costs one hash and, nearly
//! always, one comparison.

use crate::model::hash::hash_bytes;
use std::sync::OnceLock;

/// The exception list, compiled into the binary.
static SOURCE: &str = include_str!("../../lexicon/abbreviations.txt");

/// Most pieces an exception's affix tokenization may have (see [`Entry::pattern`]).
pub(crate) const MAX_PATTERN: usize = 16;

/// One exception.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// The exact text.
    pub text: &'static str,
    /// The tokens it becomes, separated by single spaces; empty when it stays whole.
    pub pieces: &'static str,
    /// Whether it is an emoticon (a `Special` token). Emoticons made of
    /// letters only (`XD`) count as words: in news they are abbreviations.
    pub emoticon: bool,
    /// Byte lengths of the tokens the affix rules alone would cut the text into,
    /// when that is more than one token (`Dr.` → `Dr` `.`); `pattern_len` is 0
    /// otherwise. A run of such tokens inside one chunk is glued back together,
    /// as spaCy's special-case matcher does (`Hallo.Dr.` → `Hallo` `.` `Dr.`).
    pub pattern: [u8; MAX_PATTERN],
    /// Number of used entries in `pattern`.
    pub pattern_len: u8,
}

impl Entry {
    /// The byte ranges (relative to the entry start) of the tokens it becomes.
    pub fn piece_ranges(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        let mut at = 0;
        let whole = self.pieces.is_empty();
        let pieces = if whole { self.text } else { self.pieces };
        pieces.split(' ').map(move |p| {
            let r = (at, at + p.len());
            at += p.len();
            r
        })
    }
}

/// The exception table.
#[derive(Debug)]
pub(crate) struct Exceptions {
    entries: Vec<Entry>,
    /// Open-addressing slots: index into `entries` plus one, 0 when empty.
    /// A power of two at least four times the number of entries.
    slots: Vec<u16>,
    /// The hash of each entry's text, compared before the text itself.
    hashes: Vec<u64>,
    filter: [u64; 64],
    max_len: usize,
    max_pattern: usize,
}

/// The filter bit of a string: a hash of its length and its first and last bytes.
#[inline]
fn filter_bit(s: &[u8]) -> usize {
    let (first, last) = match (s.first(), s.last()) {
        (Some(&f), Some(&l)) => (f as u32, l as u32),
        _ => (0, 0),
    };
    let key = ((s.len() as u32) << 16) | (first << 8) | last;
    (key.wrapping_mul(0x9E37_79B1) >> 20) as usize
}

impl Exceptions {
    /// The shared table, parsed on first use.
    pub(crate) fn get_or_init() -> &'static Exceptions {
        static TABLE: OnceLock<Exceptions> = OnceLock::new();
        TABLE.get_or_init(|| Exceptions::parse(SOURCE))
    }

    /// Parses the list format of `lexicon/abbreviations.txt`.
    fn parse(src: &'static str) -> Exceptions {
        let mut entries = Vec::new();
        let mut emoticons = false;
        for line in src.lines() {
            let line = line.trim_end_matches('\r');
            if line.is_empty() || line.starts_with("# ") || line == "#" {
                continue;
            }
            if line.len() > 2
                && line.starts_with('[')
                && line.ends_with(']')
                && line[1..line.len() - 1]
                    .bytes()
                    .all(|b| b.is_ascii_lowercase())
            {
                emoticons = line == "[emoticons]";
                continue;
            }
            let (text, pieces) = match line.split_once('\t') {
                // Pieces that do not spell the text exactly are a broken entry: keep it whole.
                Some((t, p)) if p.split(' ').collect::<String>() == t => (t, p),
                Some((t, _)) => (t, ""),
                None => (line, ""),
            };
            entries.push(Entry {
                text,
                pieces,
                emoticon: emoticons && !text.chars().all(char::is_alphanumeric),
                pattern: [0; MAX_PATTERN],
                pattern_len: 0,
            });
        }
        entries.sort_by(|a, b| a.text.cmp(b.text));
        entries.dedup_by(|a, b| a.text == b.text);
        let mut filter = [0u64; 64];
        for e in &entries {
            let bit = filter_bit(e.text.as_bytes());
            filter[bit / 64] |= 1 << (bit % 64);
        }
        let max_len = entries.iter().map(|e| e.text.len()).max().unwrap_or(0);
        // Entries beyond what a u16 slot can name are dropped (the list has ~420).
        entries.truncate(usize::from(u16::MAX) - 1);
        let hashes: Vec<u64> = entries
            .iter()
            .map(|e| hash_bytes(e.text.as_bytes()))
            .collect();
        let mut slots = vec![0u16; (entries.len() * 4).next_power_of_two().max(16)];
        let mask = slots.len() - 1;
        for (k, &h) in hashes.iter().enumerate() {
            let mut at = h as usize & mask;
            while slots[at] != 0 {
                at = (at + 1) & mask;
            }
            slots[at] = (k + 1) as u16;
        }
        let mut table = Exceptions {
            entries,
            slots,
            hashes,
            filter,
            max_len,
            max_pattern: 0,
        };
        // The affix tokenization of each entry, for gluing runs back together.
        let mut scratch = Vec::new();
        let mut patterns = Vec::with_capacity(table.entries.len());
        for e in &table.entries {
            scratch.clear();
            super::tokenizer::tokenize_chunk_plain(e.text, &mut scratch);
            patterns.push(scratch.iter().map(|t| t.span.len()).collect::<Vec<_>>());
        }
        for (e, p) in table.entries.iter_mut().zip(patterns) {
            if p.len() >= 2 && p.len() <= MAX_PATTERN && p.iter().all(|&l| l <= u8::MAX as usize) {
                for (slot, l) in e.pattern.iter_mut().zip(&p) {
                    *slot = *l as u8;
                }
                e.pattern_len = p.len() as u8;
                table.max_pattern = table.max_pattern.max(p.len());
            }
        }
        table
    }

    /// The exception whose text is exactly `s`.
    #[inline]
    pub(crate) fn get(&self, s: &str) -> Option<&Entry> {
        let b = s.as_bytes();
        if b.is_empty() || b.len() > self.max_len {
            return None;
        }
        let bit = filter_bit(b);
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        let h = hash_bytes(b);
        let mask = self.slots.len() - 1;
        let mut at = h as usize & mask;
        loop {
            let k = usize::from(self.slots[at]);
            if k == 0 {
                return None;
            }
            let k = k - 1;
            if self.hashes[k] == h && self.entries[k].text == s {
                return Some(&self.entries[k]);
            }
            at = (at + 1) & mask;
        }
    }

    /// Whether `s` is an exception.
    #[inline]
    pub(crate) fn contains(&self, s: &str) -> bool {
        self.get(s).is_some()
    }

    /// The most tokens any entry's affix tokenization has (0 if none has several).
    #[inline]
    pub(crate) fn max_pattern(&self) -> usize {
        self.max_pattern
    }

    /// Length in bytes of the longest entry.
    #[inline]
    pub(crate) fn max_len(&self) -> usize {
        self.max_len
    }

    /// Number of entries.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_list() {
        let t = Exceptions::get_or_init();
        assert!(t.len() > 400);
        for w in [
            "z.B.", "Dr.", "Nr.", "bzw.", "ca.", "Jan.", "u.a.", "CDU/CSU", "z.", "B.",
        ] {
            assert_eq!(t.contains(w), w != "B.", "{w}");
        }
        assert!(!t.contains("Art."), "not in the gold tokenizer's list");
        assert!(t.get(":-)").unwrap().emoticon);
        assert!(!t.get("XD").unwrap().emoticon);
        assert!(!t.get("Dr.").unwrap().emoticon);
        let split = t.get("auf'm").unwrap();
        assert_eq!(
            split.piece_ranges().collect::<Vec<_>>(),
            vec![(0, 3), (3, 5)]
        );
        assert_eq!(t.get("Dr.").unwrap().pattern_len, 2);
        assert!(t.max_pattern() >= 2);
    }

    #[test]
    fn malformed_lines_do_not_break_parsing() {
        let t = Exceptions::parse("# c\n\n[word]\nab\tx y\nc.d\tc. d\n[emoticons]\n:)\n");
        assert_eq!(t.get("ab").unwrap().pieces, "");
        assert_eq!(t.get("c.d").unwrap().pieces, "c. d");
        assert!(t.get(":)").unwrap().emoticon);
        assert!(t.get("").is_none());
    }
}
