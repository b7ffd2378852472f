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

fn subjunctive_sets() -> &'static (HashSet<&'static str>, HashSet<&'static str>) {
    static SETS: OnceLock<(HashSet<&'static str>, HashSet<&'static str>)> = OnceLock::new();
    SETS.get_or_init(|| {
        (
            entries(SUBJ_SRC).collect(),
            entries(SUBJ_AMBIG_SRC).collect(),
        )
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
    let (yes, ambiguous) = subjunctive_sets();
    if yes.contains(lower) {
        Subjunctive::Yes
    } else if ambiguous.contains(lower) {
        Subjunctive::Ambiguous
    } else {
        Subjunctive::No
    }
}

fn tsv_map(src: &'static str) -> std::collections::HashMap<&'static str, &'static str> {
    entries(src).filter_map(|l| l.split_once('\t')).collect()
}

/// The lemma of a lowercase form of a speech, thought or writing verb (`sagte` → `sagen`).
///
/// ```
/// assert_eq!(quelle::lexicon::cue_verb_lemma("sagte"), Some("sagen"));
/// assert_eq!(quelle::lexicon::cue_verb_lemma("haus"), None);
/// ```
pub fn cue_verb_lemma(lower: &str) -> Option<&'static str> {
    static MAP: OnceLock<std::collections::HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| tsv_map(VERBS_SRC)).get(lower).copied()
}

/// The distributional word cluster of a word form (case as written), if known.
pub fn cluster(word: &str) -> Option<&'static str> {
    static MAP: OnceLock<std::collections::HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| tsv_map(CLUSTERS_SRC)).get(word).copied()
}
