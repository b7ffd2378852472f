//! Word lists compiled into the library.
//!
//! Each list is a plain-text file under `lexicon/` (one entry per line, `#` starts a
//! comment), included at compile time so the binary needs no data files at run time.

use std::collections::HashSet;
use std::sync::OnceLock;

/// Parses a list file: one entry per line, blank lines and `#` comments skipped.
pub(crate) fn entries(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

static PLACES_SRC: &str = include_str!("../lexicon/places.txt");

fn places() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
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
