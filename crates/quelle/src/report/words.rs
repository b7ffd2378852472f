//! Word-level helpers for the report rules: character-offset slicing, content
//! words, a forgiving stem match, and the small committed word lists.

use crate::lexicon::WordSet;
use crate::schema::{AnalysisJson, CharSpan};
use std::borrow::Cow;
use std::sync::OnceLock;

/// The text with a character index, so that the JSON's character offsets
/// slice it directly (without copying).
pub(crate) struct Chars<'t> {
    text: &'t str,
    /// Byte offset of every character plus the end; empty for ASCII text,
    /// where character and byte offsets coincide.
    byte_of_char: Cow<'t, [u32]>,
}

impl<'t> Chars<'t> {
    /// Indexes the characters of `text`.
    pub(crate) fn new(text: &'t str) -> Self {
        let byte_of_char = if text.is_ascii() {
            Vec::new()
        } else {
            let mut b: Vec<u32> = text.char_indices().map(|(i, _)| i as u32).collect();
            b.push(text.len() as u32);
            b
        };
        Chars {
            text,
            byte_of_char: Cow::Owned(byte_of_char),
        }
    }

    /// The index of `text` from its [`CharMap`](crate::span::CharMap), which
    /// the pipeline has already built: indexing a document again costs as
    /// much as the rest of the report.
    pub(crate) fn with_map(text: &'t str, map: &'t crate::span::CharMap) -> Self {
        let byte_of_char = map.byte_index();
        debug_assert_eq!(byte_of_char.is_empty(), text.is_ascii());
        debug_assert!(byte_of_char
            .last()
            .is_none_or(|&e| e as usize == text.len()));
        Chars {
            text,
            byte_of_char: Cow::Borrowed(byte_of_char),
        }
    }

    /// The byte offset of character offset `c` (at most the number of characters).
    fn byte(&self, c: usize) -> usize {
        if self.byte_of_char.is_empty() {
            c
        } else {
            self.byte_of_char[c] as usize
        }
    }

    /// The text of a character span (clamped to the text).
    pub(crate) fn slice(&self, s: CharSpan) -> &'t str {
        let end = s.end.min(self.len());
        let start = s.start.min(end);
        &self.text[self.byte(start)..self.byte(end)]
    }

    /// Number of characters.
    pub(crate) fn len(&self) -> usize {
        if self.byte_of_char.is_empty() {
            self.text.len()
        } else {
            self.byte_of_char.len() - 1
        }
    }
}

/// Function words that say nothing about a claim's content (lowercase).
const STOPWORDS: &[&str] = &[
    "aber",
    "alle",
    "allem",
    "allen",
    "aller",
    "alles",
    "als",
    "also",
    "auch",
    "auf",
    "aus",
    "beim",
    "beide",
    "beiden",
    "bereits",
    "bisher",
    "damit",
    "dann",
    "darf",
    "dass",
    "daß",
    "dabei",
    "davon",
    "dazu",
    "dem",
    "den",
    "denen",
    "denn",
    "der",
    "deren",
    "des",
    "dessen",
    "die",
    "dies",
    "diese",
    "diesem",
    "diesen",
    "dieser",
    "dieses",
    "doch",
    "dort",
    "durch",
    "eine",
    "einem",
    "einen",
    "einer",
    "eines",
    "einige",
    "etwa",
    "etwas",
    "für",
    "gegen",
    "habe",
    "haben",
    "hatte",
    "hatten",
    "hier",
    "ihre",
    "ihrem",
    "ihren",
    "ihrer",
    "immer",
    "inzwischen",
    "jedoch",
    "jetzt",
    "kann",
    "kein",
    "keine",
    "können",
    "mehr",
    "muss",
    "nach",
    "nicht",
    "noch",
    "nunmehr",
    "oder",
    "ohne",
    "sehr",
    "sein",
    "seine",
    "seinem",
    "seinen",
    "seiner",
    "seien",
    "selbst",
    "sich",
    "sind",
    "soll",
    "sollen",
    "sollte",
    "sowie",
    "über",
    "unter",
    "viele",
    "vom",
    "von",
    "während",
    "wann",
    "war",
    "waren",
    "warum",
    "weil",
    "weiter",
    "weitere",
    "wenn",
    "werde",
    "werden",
    "wird",
    "wurde",
    "wurden",
    "wäre",
    "würde",
    "würden",
    "zudem",
    "zuletzt",
    "zum",
    "zur",
    "zwischen",
];

/// Whether `w` is one of [`STOPWORDS`] (a set: the rules ask for every word of every quotation).
fn stopword(w: &str) -> bool {
    static SET: OnceLock<WordSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOPWORDS.iter().copied().collect())
        .contains(w)
}

/// The words of `s` (letters, digits, inner hyphens), in their case.
pub(crate) fn raw_words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| !w.is_empty())
}

/// The lowercase words of `s` (letters, digits, inner hyphens).
pub(crate) fn words(s: &str) -> Vec<String> {
    raw_words(s).map(str::to_lowercase).collect()
}

/// The words of `s` that carry content: at least four letters and not a function word.
pub(crate) fn content_words(s: &str) -> Vec<String> {
    let mut out: Vec<String> = words(s)
        .into_iter()
        .filter(|w| w.chars().count() >= 4 && !stopword(w))
        .collect();
    out.dedup();
    out
}

/// Whether two lowercase words are inflected forms of the same word: equal, or
/// sharing a prefix of at least five letters after which each has at most two
/// more (`Nordkorea`/`Nordkoreas`, `vereinbaren`/`vereinbart`) — but not a
/// derivation (`Nordkorea`/`nordkoreanischen`), which often names another thing.
pub(crate) fn same_stem(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    // Five equal leading characters are at least five equal leading bytes:
    // most pairs differ there and need no decoding.
    if a.len() < 5 || b.len() < 5 || a.as_bytes()[..5] != b.as_bytes()[..5] {
        return false;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let longer = a.chars().count().max(b.chars().count());
    common >= 5 && common + 2 >= longer
}

/// How many of `wanted` have a form among `have`.
pub(crate) fn overlap(wanted: &[String], have: &[String]) -> usize {
    wanted
        .iter()
        .filter(|w| have.iter().any(|h| same_stem(w, h)))
        .count()
}

/// Whether the half-open character ranges overlap.
pub(crate) fn spans_overlap(a: CharSpan, b: CharSpan) -> bool {
    a.start < b.end && b.start < a.end
}

/// Counts the words (tokens with a letter or digit) inside spans of a document.
pub(crate) struct WordCounter<'d> {
    tokens: &'d [CharSpan],
    /// Whether token `i` is a word.
    is_word: Vec<bool>,
    /// `words_before[i]`: how many of the first `i` tokens are words.
    words_before: Vec<u32>,
    /// Tokens in text order without overlap (as the pipeline writes them):
    /// the tokens inside a span are then a run of indices.
    ordered: bool,
}

impl<'d> WordCounter<'d> {
    /// Indexes the tokens of `doc`.
    pub(crate) fn new(doc: &'d AnalysisJson, chars: &Chars) -> Self {
        let tokens = &doc.tokens[..];
        let is_word: Vec<bool> = tokens
            .iter()
            .map(|t| chars.slice(*t).chars().any(char::is_alphanumeric))
            .collect();
        let mut words_before = Vec::with_capacity(tokens.len() + 1);
        let mut n = 0;
        words_before.push(0);
        for &w in &is_word {
            n += w as u32;
            words_before.push(n);
        }
        let ordered = tokens
            .windows(2)
            .all(|w| w[0].start <= w[0].end && w[0].end <= w[1].start)
            && tokens.last().is_none_or(|t| t.start <= t.end);
        WordCounter {
            tokens,
            is_word,
            words_before,
            ordered,
        }
    }

    /// Number of words lying inside one of `spans`, each counted once.
    pub(crate) fn count(&self, spans: &[CharSpan]) -> usize {
        if !self.ordered {
            return self
                .tokens
                .iter()
                .zip(&self.is_word)
                .filter(|(t, &w)| w && spans.iter().any(|s| s.start <= t.start && t.end <= s.end))
                .count();
        }
        let mut runs: Vec<(usize, usize)> = spans
            .iter()
            .map(|s| {
                let a = self.tokens.partition_point(|t| t.start < s.start);
                let b = a + self.tokens[a..].partition_point(|t| t.end <= s.end);
                (a, b)
            })
            .filter(|(a, b)| a < b)
            .collect();
        runs.sort_unstable();
        let (mut total, mut covered) = (0, 0);
        for (a, b) in runs {
            let a = a.max(covered);
            if a < b {
                total += (self.words_before[b] - self.words_before[a]) as usize;
                covered = b;
            }
        }
        total
    }
}

/// Entries of an embedded word list: one per line, `#` starts a comment.
pub(crate) fn list_entries(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_match_inflected_forms_only() {
        assert!(same_stem("nordkorea", "nordkoreas"));
        assert!(same_stem("vereinbaren", "vereinbart"));
        assert!(same_stem("strategische", "strategischen"));
        assert!(!same_stem("russland", "russische"));
        assert!(!same_stem("nordkorea", "nordkoreanischen"));
        assert!(
            !same_stem("haus", "hauses"),
            "short words must match exactly"
        );
    }

    #[test]
    fn content_words_drop_function_words() {
        assert_eq!(
            content_words("Russland und Nordkorea vereinbaren eine Partnerschaft"),
            vec!["russland", "nordkorea", "vereinbaren", "partnerschaft"]
        );
    }

    #[test]
    fn counts_words_inside_spans_once() {
        let text = "Er sagte: „Wir kommen.“ Dann ging er.";
        let p = crate::Pipeline::builder()
            .quotes(false)
            .entities(false)
            .build()
            .unwrap();
        let doc = AnalysisJson::from_document(&p.analyze(text));
        let chars = Chars::new(&doc.text);
        let counter = WordCounter::new(&doc, &chars);
        let slow = |spans: &[CharSpan]| {
            doc.tokens
                .iter()
                .filter(|t| spans.iter().any(|s| s.start <= t.start && t.end <= s.end))
                .filter(|t| chars.slice(**t).chars().any(char::is_alphanumeric))
                .count()
        };
        let span = |start, end| CharSpan { start, end };
        for spans in [
            vec![span(0, 40)],
            vec![span(10, 23), span(0, 8), span(12, 30)],
            vec![span(3, 5), span(4, 5)],
            vec![],
        ] {
            assert_eq!(counter.count(&spans), slow(&spans), "{spans:?}");
        }
    }

    #[test]
    fn slices_by_characters() {
        let c = Chars::new("Größe: „Ja“");
        assert_eq!(c.slice(CharSpan { start: 7, end: 11 }), "„Ja“");
        assert_eq!(c.slice(CharSpan { start: 9, end: 99 }), "a“");
        assert_eq!(c.slice(CharSpan { start: 99, end: 99 }), "");
        assert_eq!(c.len(), 11);
        let a = Chars::new("abc");
        assert_eq!(a.slice(CharSpan { start: 1, end: 5 }), "bc");
    }
}
