//! Spans and the byte-to-character offset map.
//!
//! Inside the library every span is a half-open range of **byte** offsets into
//! the document text (cheap slicing, no re-scanning). The JSON output speaks
//! **character** (Unicode scalar) offsets, like the gnqa data, Python and
//! JavaScript; [`CharMap`] converts between the two in O(1) per offset.

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of byte offsets into a document's text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// Creates a span; `start` must not exceed `end`.
    #[inline]
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    /// Length in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether the two spans share at least one byte.
    #[inline]
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies completely inside `self`.
    #[inline]
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text this span covers.
    #[inline]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Maps byte offsets of a text to character offsets and back.
#[derive(Debug, Clone)]
pub struct CharMap {
    /// `char_of_byte[b]` is the character index of the char starting at or containing byte `b`;
    /// it has `len + 1` entries so that the end offset maps too. Empty for pure-ASCII text,
    /// where bytes and characters coincide.
    char_of_byte: Vec<u32>,
    /// `byte_of_char[c]` is the byte offset of character `c` (plus one entry for the end).
    byte_of_char: Vec<u32>,
}

impl CharMap {
    /// Builds the map for `text`.
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharMap {
                char_of_byte: Vec::new(),
                byte_of_char: Vec::new(),
            };
        }
        // Byte by byte rather than char by char (no decoding): a byte that is
        // not a UTF-8 continuation byte (`10xxxxxx`) starts a character.
        let mut char_of_byte = vec![0u32; text.len() + 1];
        let mut byte_of_char = Vec::with_capacity(text.len() + 1);
        let mut n_chars = 0u32;
        for (bi, (&b, c)) in text.as_bytes().iter().zip(&mut char_of_byte).enumerate() {
            if (b as i8) >= -0x40 {
                byte_of_char.push(bi as u32);
                n_chars += 1;
            }
            // The text starts with a character, so `n_chars >= 1` here.
            *c = n_chars - 1;
        }
        char_of_byte[text.len()] = n_chars;
        byte_of_char.push(text.len() as u32);
        CharMap {
            char_of_byte,
            byte_of_char,
        }
    }

    /// Character offset of byte offset `b` (which should lie on a char boundary).
    #[inline]
    pub fn char_offset(&self, b: usize) -> usize {
        if self.char_of_byte.is_empty() {
            b
        } else {
            self.char_of_byte[b] as usize
        }
    }

    /// Byte offset of character offset `c`; offsets past the end clamp to the end.
    #[inline]
    pub fn byte_offset(&self, c: usize) -> usize {
        if self.byte_of_char.is_empty() {
            c
        } else {
            let last = self.byte_of_char.len() - 1;
            self.byte_of_char[c.min(last)] as usize
        }
    }

    /// The byte offset of every character plus the end; empty for ASCII text.
    pub(crate) fn byte_index(&self) -> &[u32] {
        &self.byte_of_char
    }

    /// Converts a byte span to a character span `(start, end)`.
    #[inline]
    pub fn char_span(&self, s: Span) -> (usize, usize) {
        (self.char_offset(s.start), self.char_offset(s.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_multibyte_text_both_ways() {
        let t = "Pjöngjang: „Ja“";
        let m = CharMap::new(t);
        let b = t.find('„').unwrap();
        assert_eq!(m.char_offset(b), 11);
        assert_eq!(m.byte_offset(11), b);
        assert_eq!(m.char_offset(t.len()), t.chars().count());
        assert_eq!(m.byte_offset(10_000), t.len());
    }

    #[test]
    fn maps_every_byte_to_its_char() {
        let t = "aß€😀 „x“";
        let m = CharMap::new(t);
        for (ci, (bi, ch)) in t.char_indices().enumerate() {
            assert_eq!(m.byte_offset(ci), bi);
            for k in 0..ch.len_utf8() {
                assert_eq!(m.char_offset(bi + k), ci);
            }
        }
    }

    #[test]
    fn ascii_is_identity() {
        let m = CharMap::new("abc");
        assert_eq!(m.char_offset(2), 2);
        assert_eq!(m.byte_offset(3), 3);
    }
}
