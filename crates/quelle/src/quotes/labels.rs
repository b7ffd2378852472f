//! Label sets of the sequence taggers: `O` plus a begin/inside pair per kind (BIO).

use crate::document::QuoteType;

/// The roles tagged by the role tagger, in label order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleKind {
    /// Who speaks.
    Speaker,
    /// The signalling word(s).
    Cue,
    /// To whom.
    Addressee,
}

/// Kinds of the role tagger, in label order.
pub const ROLE_KINDS: [RoleKind; 3] = [RoleKind::Speaker, RoleKind::Cue, RoleKind::Addressee];

/// Number of labels for `kinds` kinds: `O` plus B and I per kind.
pub const fn label_count(kinds: usize) -> usize {
    1 + 2 * kinds
}

/// The begin label of kind `k`.
pub const fn begin(k: usize) -> usize {
    1 + 2 * k
}

/// The inside label of kind `k`.
pub const fn inside(k: usize) -> usize {
    2 + 2 * k
}

/// The kind of a non-`O` label.
pub const fn kind_of(label: usize) -> Option<usize> {
    if label == 0 {
        None
    } else {
        Some((label - 1) / 2)
    }
}

/// Labels tokens `[start, end)` as one chunk of kind `k`: begin, then inside.
pub fn mark(labels: &mut [usize], k: usize, start: usize, end: usize) {
    labels[start] = begin(k);
    for l in &mut labels[start + 1..end] {
        *l = inside(k);
    }
}

/// BIO constraint: an inside label only follows the begin or inside label of its kind.
pub fn allowed(from: usize, to: usize, labels: usize) -> bool {
    if to == 0 || (to - 1) % 2 == 0 {
        return true;
    }
    from != labels && from != 0 && kind_of(from) == kind_of(to)
}

/// Names of the labels of the content tagger.
pub fn content_label_names() -> Vec<String> {
    let mut v = vec!["O".to_owned()];
    for t in QuoteType::ALL {
        v.push(format!("B-{}", t.as_str()));
        v.push(format!("I-{}", t.as_str()));
    }
    v
}

/// Names of the labels of the role tagger.
pub fn role_label_names() -> Vec<String> {
    let mut v = vec!["O".to_owned()];
    for k in ["speaker", "cue", "addressee"] {
        v.push(format!("B-{k}"));
        v.push(format!("I-{k}"));
    }
    v
}

/// Index of a quotation type in [`QuoteType::ALL`].
pub fn type_index(t: QuoteType) -> usize {
    QuoteType::ALL.iter().position(|&x| x == t).expect("listed")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bio_constraints() {
        let l = label_count(5);
        assert!(allowed(0, begin(2), l));
        assert!(allowed(begin(2), inside(2), l));
        assert!(allowed(inside(2), inside(2), l));
        assert!(!allowed(0, inside(2), l));
        assert!(!allowed(l, inside(0), l));
        assert!(!allowed(begin(1), inside(2), l));
        assert_eq!(kind_of(inside(3)), Some(3));
    }
}
