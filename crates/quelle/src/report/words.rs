//! Word-level helpers for the report rules: character-offset slicing, content
//! words, a forgiving stem match, and the small committed word lists.

use crate::schema::{AnalysisJson, CharSpan};

/// The text as characters, so that the JSON's character offsets index it directly.
pub(crate) struct Chars(Vec<char>);

impl Chars {
    /// Splits `text` into characters.
    pub(crate) fn new(text: &str) -> Self {
        Chars(text.chars().collect())
    }

    /// The text of a character span (clamped to the text).
    pub(crate) fn slice(&self, s: CharSpan) -> String {
        let end = s.end.min(self.0.len());
        let start = s.start.min(end);
        self.0[start..end].iter().collect()
    }

    /// Number of characters.
    pub(crate) fn len(&self) -> usize {
        self.0.len()
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

/// The lowercase words of `s` (letters, digits, inner hyphens).
pub(crate) fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The words of `s` that carry content: at least four letters and not a function word.
pub(crate) fn content_words(s: &str) -> Vec<String> {
    let mut out: Vec<String> = words(s)
        .into_iter()
        .filter(|w| w.chars().count() >= 4 && !STOPWORDS.contains(&w.as_str()))
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

/// Number of words (tokens with a letter or digit) inside the union of `spans`.
pub(crate) fn words_in(doc: &AnalysisJson, chars: &Chars, spans: &[CharSpan]) -> usize {
    doc.tokens
        .iter()
        .filter(|t| spans.iter().any(|s| s.start <= t.start && t.end <= s.end))
        .filter(|t| chars.slice(**t).chars().any(char::is_alphanumeric))
        .count()
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
    fn slices_by_characters() {
        let c = Chars::new("Größe: „Ja“");
        assert_eq!(c.slice(CharSpan { start: 7, end: 11 }), "„Ja“");
        assert_eq!(c.slice(CharSpan { start: 9, end: 99 }), "a“");
    }
}
