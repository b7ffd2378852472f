//! Folding German text for full-text search: `Müller`, `Mueller` and `MÜLLER` match alike.
//!
//! SQLite's FTS5 `remove_diacritics` would fold `ü` to `u`, so `Müller` would
//! not match the common transliteration `Mueller`. Folding the indexed text and
//! the query the same way (ä→ae, ö→oe, ü→ue, ß→ss, lowercase) fixes that.

/// Lowercases and transliterates German umlauts and ß.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            'ä' | 'Ä' => out.push_str("ae"),
            'ö' | 'Ö' => out.push_str("oe"),
            'ü' | 'Ü' => out.push_str("ue"),
            'ß' | 'ẞ' => out.push_str("ss"),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn umlauts_fold_to_transliteration() {
        assert_eq!(fold("Müller"), fold("MUELLER"));
        assert_eq!(fold("Straße"), "strasse");
    }
}
