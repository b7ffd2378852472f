//! Character classes of the tokenizer, as bit flags per code point.
//!
//! The gnqa gold tokens were made with spaCy's German rule tokenizer, whose
//! prefix, suffix and infix rules are regular expressions over hand-made
//! character classes (its `ALPHA` is not Unicode's `Alphabetic`, its icons are a
//! fixed list of symbols, …). To split exactly where the gold splits, the
//! classes are compiled into a table ([`chars_table`](super::chars_table),
//! generated from spaCy's own definitions by `tables.py`) instead of being
//! approximated with `char` methods. A lookup is one array index for ASCII,
//! Latin-1/Latin Extended and General Punctuation, and a binary search over
//! about 2,600 runs elsewhere.

pub(crate) use super::chars_table::{
    ALNUM_PY, ALPHA, DIGIT_U, DOT_LB, ICON, INFIX_Q, LOWER, PREFIX, QUOTE, SPACE, SUFFIX, UPPER,
    URL_X, WORD,
};
use super::chars_table::{LOW, PUNCT_BLOCK, RANGE_FLAGS, RANGE_START};

/// The flags of `c` (see the constants re-exported here).
#[inline]
pub(crate) fn flags(c: char) -> u16 {
    let cp = c as u32;
    if cp < 0x250 {
        LOW[cp as usize]
    } else if (0x2000..0x2070).contains(&cp) {
        PUNCT_BLOCK[(cp - 0x2000) as usize]
    } else {
        // RANGE_START[0] is 0x80, so the partition point is at least 1 here.
        let i = RANGE_START.partition_point(|&s| s <= cp);
        RANGE_FLAGS[i.saturating_sub(1)]
    }
}

/// The flags of an ASCII byte.
#[inline]
pub(crate) fn ascii_flags(b: u8) -> u16 {
    LOW[(b & 0x7f) as usize]
}

/// Whether `c` has any of the flags in `mask`.
#[inline]
pub(crate) fn is(c: char, mask: u16) -> bool {
    flags(c) & mask != 0
}

/// Whether `c` is whitespace as Python's `str.isspace` sees it (the gold
/// tokenizer's notion: it also counts U+001C..U+001F, which Rust does not).
#[cfg(test)]
pub(crate) fn is_space(c: char) -> bool {
    is(c, SPACE)
}

/// The character starting at byte `i` of `s` (`i` must be a char boundary).
#[inline]
pub(crate) fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|t| t.chars().next())
}

/// The character ending at byte `i` of `s` (`i` must be a char boundary).
#[inline]
pub(crate) fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i).and_then(|t| t.chars().next_back())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_follow_the_gold_tokenizer() {
        assert!(is('ä', ALPHA | LOWER) && !is('ä', UPPER));
        assert!(is('Ö', UPPER) && is('ß', LOWER));
        assert!(is('„', PREFIX) && is('“', SUFFIX) && is('“', PREFIX));
        assert!(!is('-', PREFIX) && !is('-', SUFFIX));
        assert!(is('/', SUFFIX) && !is('/', PREFIX));
        assert!(is('\u{1c}', SPACE) && is('\u{a0}', SPACE) && !is('\u{200b}', SPACE));
        assert!(is('😀', ICON) && is('°', ICON));
        assert!(is('„', QUOTE) && is('»', QUOTE) && !is(',', QUOTE));
        assert!(is('7', ALNUM_PY | WORD | DIGIT_U | URL_X));
        assert!(is('(', DOT_LB) && is('a', DOT_LB) && !is('A', DOT_LB) && !is('1', DOT_LB));
        assert!(is('“', INFIX_Q) && !is('\'', INFIX_Q));
        // Every table lookup path agrees with the others at their seams.
        for c in [
            '\u{7f}',
            '\u{80}',
            '\u{24f}',
            '\u{250}',
            '\u{1fff}',
            '\u{2000}',
            '\u{206f}',
            '\u{2070}',
            '\u{10ffff}',
        ] {
            let _ = flags(c);
        }
    }
}
