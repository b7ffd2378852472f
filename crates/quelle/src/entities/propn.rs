//! Proper-noun recognition: which capitalised words are names.
//!
//! German capitalises every noun, so capitalisation alone cannot tell
//! `Putin` from `Präsident`. A small averaged-perceptron classifier decides
//! between proper noun, common noun and other, from the word, its suffixes,
//! its distributional cluster (names cluster together) and its neighbours.
//! It is trained on the UD German treebanks in `../shared/data/ud-german`
//! (UPOS `PROPN`/`NOUN`; CC BY-SA 4.0) by `quelle train --ud DIR`.

use crate::error::{Error, ErrorKind, Result};
use crate::lexicon;
use crate::model::format::{ModelFile, WeightEncoding};
use crate::model::hash::{hash_bytes, mix, SmallMix as S, FNV_OFFSET, FNV_PRIME};
use crate::model::train::Averaged;
use crate::model::LinearModel;
use crate::quotes::words::WordKey;
use std::cell::RefCell;
use std::path::Path;

/// Model name and feature-set version written into the model file.
pub const PROPN_FEATURES: &str = "entities.propn/3";

/// Labels, in model order.
pub const LABELS: [&str; 3] = ["PROPN", "NOUN", "OTHER"];

/// Label index of proper nouns.
pub const PROPN: usize = 0;

const BUCKETS: usize = 1 << 16;
const EPOCHS: usize = 6;

/// The proper-noun classifier.
#[derive(Debug, Clone)]
pub struct PropnModel {
    model: LinearModel,
    /// The same weights as the integers of the model file, when they are
    /// exactly that (see [`IntRows`]).
    rows: Option<IntRows>,
}

/// The classifier's weights as the 16-bit integers the model file stores
/// (`weight = fl(q × scale)`), one row of four per bucket.
///
/// Why: the weights are read at hashed addresses, nearly every row a cache
/// miss, and this is the stage's memory-bound step. Rows of `3 × f32` are 12
/// bytes that may straddle cache lines (768 KB in all); rows of `4 × i16`
/// are 8 bytes, never straddle, and take 512 KB.
///
/// Integer sums are exact, the float sums of the plain model are not, so
/// the integers decide only where they must agree with the floats. With
/// `n` features, `A = Σ|q|` over a label's row entries and `u = 2⁻²⁴`, the
/// float score differs from `scale × Σq` by at most `scale × A × (n + 1) × u`
/// (rounding of each weight, then of each of the `n - 1` additions). For
/// `n ≤ 16`, `A ≤ 16 × 32768`, so two labels' float scores are each within
/// `0.54 × scale` of the exact ones: an integer lead of 2 or more is a lead
/// of the floats too. Closer calls go to the float model, so the answer is
/// always the float model's, bit for bit.
#[derive(Debug, Clone)]
struct IntRows {
    rows: Vec<[i16; 4]>,
}

/// Most features a word has (the array of [`features`]); the error bound of
/// [`IntRows`] holds up to this many.
const MAX_FEATURES: usize = 16;

impl IntRows {
    /// The integer rows of a 3-label model whose every weight is
    /// `fl(q × scale)` for one scale and 16-bit integers `q`; `None` if not
    /// (an `f32`-encoded model): then only the floats are used.
    fn of(model: &LinearModel) -> Option<Self> {
        if model.labels != LABELS.len() {
            return None;
        }
        let max = model.weights.iter().fold(0.0f32, |a, w| a.max(w.abs()));
        if !(max > 0.0 && max.is_finite()) {
            return None;
        }
        // The file's scale is `max / 32767` before rounding the weights;
        // look for it among the nearest floats of that estimate. A scale
        // serves if every weight is exactly `fl(q × scale)` for an integer
        // `q` of 16 bits; `q` is found with a multiplication (a division and
        // `round` per weight would cost milliseconds at start-up).
        let with_scale = |scale: f32| -> Option<Vec<[i16; 4]>> {
            let inv = 1.0 / scale;
            let q = |w: f32| {
                let x = w * inv;
                // `x` is within a rounding of an integer: add a half and truncate.
                let q = (x + 0.5f32.copysign(x)) as i32;
                let q = i16::try_from(q).ok()?;
                (f32::from(q) * scale == w).then_some(q)
            };
            model
                .weights
                .chunks_exact(3)
                .map(|r| Some([q(r[0])?, q(r[1])?, q(r[2])?, 0]))
                .collect()
        };
        let est = max / f32::from(i16::MAX);
        let rows = [0, -1, 1, -2, 2, -3, 3, -4, 4]
            .into_iter()
            .map(|d| f32::from_bits(est.to_bits().wrapping_add_signed(d)))
            .filter(|s| s.is_normal())
            .find_map(with_scale)?;
        Some(IntRows { rows })
    }

    /// The label of `features` when the integer scores settle it (see
    /// [`IntRows`]); `None` for a close call.
    #[inline]
    fn classify(&self, features: &[u64]) -> Option<usize> {
        if features.len() > MAX_FEATURES {
            return None;
        }
        let mask = self.rows.len() - 1;
        let mut s = [0i32; 4];
        for &f in features {
            let r = &self.rows[(f as usize) & mask];
            for (s, &q) in s.iter_mut().zip(r) {
                *s += i32::from(q);
            }
        }
        let best = if s[0] >= s[1] && s[0] >= s[2] {
            0
        } else if s[1] >= s[2] {
            1
        } else {
            2
        };
        let next = (0..3)
            .filter(|&l| l != best)
            .map(|l| s[l])
            .max()
            .unwrap_or(i32::MIN);
        (s[best] - next >= 2).then_some(best)
    }
}

/// [`lower_hash`] of an ASCII word.
fn lower_hash_ascii(w: &[u8]) -> u64 {
    let mut h = FNV_OFFSET;
    for &b in w {
        h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV_PRIME);
    }
    h
}

/// FNV-1a hash of the lower-cased word ([`hash_bytes`] of `w.to_lowercase()`
/// but for a final `Σ`), without allocating.
fn lower_hash(w: &str) -> u64 {
    if w.is_ascii() {
        return lower_hash_ascii(w.as_bytes());
    }
    let mut h = FNV_OFFSET;
    let mut buf = [0u8; 4];
    for c in w.chars().flat_map(char::to_lowercase) {
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
    }
    h
}

/// Hash of the lower-cased last `n` characters.
fn suffix_hash(w: &str, n: usize) -> u64 {
    if w.is_ascii() {
        // Characters are bytes: the last `n` start `n` bytes before the end.
        return lower_hash(&w[w.len().saturating_sub(n.max(1))..]);
    }
    let start = w
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    lower_hash(&w[start..])
}

/// [`suffix_hash`] of the last three and the last two characters, telling
/// ASCII words (most) once.
fn suffix_hashes(w: &str) -> (u64, u64) {
    if w.is_ascii() {
        let b = w.as_bytes();
        let last = |n: usize| lower_hash_ascii(&b[b.len().saturating_sub(n)..]);
        return (last(3), last(2));
    }
    (suffix_hash(w, 3), suffix_hash(w, 2))
}

/// The word-shape code of the features (below 128).
pub(crate) fn shape(w: &str) -> u64 {
    let b = w.as_bytes();
    // The same bits by bytes, in one pass: most words are ASCII, and decoding
    // chars costs. A byte from 0x80 on means another script: the char path below.
    let (mut upper, mut digit, mut hyphen, mut high) = (0u32, false, false, false);
    for (k, &c) in b.iter().enumerate() {
        upper |= (c.is_ascii_uppercase() as u32) << (k > 0) as u32;
        digit |= c.is_ascii_digit();
        hyphen |= c == b'-';
        high |= c >= 0x80;
    }
    if !high {
        return (upper & 1) as u64
            | ((upper >> 1) as u64) << 1
            | (digit as u64) << 2
            | (hyphen as u64) << 3
            | ((b.len().min(4) as u64) << 4);
    }
    shape_by_chars(w)
}

/// [`shape`] char by char (what it computes for any word).
fn shape_by_chars(w: &str) -> u64 {
    let mut chars = w.chars();
    let first = chars.next().unwrap_or(' ');
    let rest_upper = chars.any(char::is_uppercase);
    let digit = w.bytes().any(|c| c.is_ascii_digit());
    let hyphen = w.contains('-');
    (first.is_uppercase() as u64)
        | (rest_upper as u64) << 1
        | (digit as u64) << 2
        | (hyphen as u64) << 3
        | ((w.chars().count().min(4) as u64) << 4)
}

/// Whether a word starts with an upper-case letter.
pub fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Per-word facts of a sentence, computed once and shared by the
/// features of the word and of its neighbours.
#[derive(Debug, Default)]
pub struct SentenceFacts {
    lower: Vec<u64>,
    shape: Vec<u64>,
    cluster: Vec<Option<u64>>,
    cluster_done: Vec<bool>,
    /// [`LazyTags`]' answers (0 = not asked yet, 1 = no, 2 = yes), kept here
    /// with the other buffers so that a sentence allocates nothing.
    memo: Vec<u8>,
    /// Feature buffer of [`LazyTags::get`].
    feats: Vec<u64>,
}

impl SentenceFacts {
    /// Marks every fact of a sentence of `n` words as not computed.
    fn reset(&mut self, n: usize) {
        self.lower.clear();
        self.lower.resize(n, u64::MAX);
        self.shape.clear();
        self.shape.resize(n, u64::MAX);
        self.cluster.clear();
        self.cluster.resize(n, None);
        self.cluster_done.clear();
        self.cluster_done.resize(n, false);
    }

    /// Computes what the features of word `i` read: its neighbours' word and
    /// shape, and its own cluster; from `keys` (one per word, from the
    /// quotation stage, which has computed the same hashes and clusters)
    /// where given.
    fn ensure(&mut self, words: &[&str], keys: Option<&[WordKey]>, i: usize) {
        let from = i.saturating_sub(1);
        let to = (i + 2).min(words.len());
        for (k, w) in words.iter().enumerate().take(to).skip(from) {
            if self.shape[k] == u64::MAX {
                (self.lower[k], self.shape[k]) = match keys {
                    Some(keys) => (keys[k].lower, keys[k].shape as u64),
                    None => (lower_hash(w), shape(w)),
                };
            }
        }
        if !self.cluster_done[i] {
            self.cluster[i] = match keys {
                Some(keys) => keys[i].cluster,
                // The quotation stage has usually just looked the form up: its cache answers.
                None => crate::quotes::words::cluster_id(words[i]),
            };
            self.cluster_done[i] = true;
        }
    }

    /// Computes the facts of `words`.
    pub fn compute(&mut self, words: &[&str]) {
        self.compute_where(words, |_| true, |_| true);
    }

    /// Computes the facts of the words at positions where `needed` holds
    /// (the others get placeholders that no feature reads).
    fn compute_where(
        &mut self,
        words: &[&str],
        needed: impl Fn(usize) -> bool,
        cluster: impl Fn(usize) -> bool,
    ) {
        self.lower.clear();
        self.shape.clear();
        self.cluster.clear();
        for (i, w) in words.iter().enumerate() {
            let n = needed(i);
            self.lower.push(if n { lower_hash(w) } else { 0 });
            self.shape.push(if n { shape(w) } else { 0 });
        }
        lexicon::cluster_ids(
            words
                .iter()
                .enumerate()
                .map(|(i, w)| if cluster(i) { *w } else { "" }),
            &mut self.cluster,
        );
    }
}

/// Features of word `i` of a sentence (its facts computed by [`SentenceFacts::compute`]).
pub fn features(words: &[&str], f: &SentenceFacts, i: usize, out: &mut Vec<u64>) {
    out.clear();
    let w = words[i];
    let sh = f.shape[i];
    // Shapes are below 128: their templates read tables (`S`). The features
    // are gathered in a fixed array, in the order the model was trained with.
    let mut a = [0u64; 16];
    let (suffix3, suffix2) = suffix_hashes(w);
    a[..7].copy_from_slice(&[
        mix(1, 0),
        mix(2, hash_bytes(w.as_bytes())),
        mix(3, f.lower[i]),
        mix(4, suffix3),
        mix(5, suffix2),
        S::<6, 128>::of(sh),
        S::<7, 256>::of(sh * 2 + u64::from(i == 0)),
    ]);
    let mut n = 7;
    let mut push = |x: u64| {
        a[n] = x;
        n += 1;
    };
    match f.cluster[i] {
        Some(c) => {
            push(mix(8, c));
            push(S::<9, 256>::of(c & 0xff));
            push(S::<10, 16>::of(c & 0xf));
        }
        None => push(S::<11, 128>::of(sh)),
    }
    if capitalised(w) && lexicon::is_known_place(w) {
        push(mix(13, 1));
    }
    if i > 0 {
        push(mix(20, f.lower[i - 1]));
        push(S::<21, 128>::of(f.shape[i - 1]));
    } else {
        push(mix(23, 0));
    }
    if i + 1 < words.len() {
        push(mix(24, f.lower[i + 1]));
        push(S::<25, 128>::of(f.shape[i + 1]));
        if i > 0 {
            push(mix(28, f.shape[i - 1] * 64 + f.shape[i + 1]));
        }
    } else {
        push(mix(27, 0));
    }
    out.extend_from_slice(&a[..n]);
}

impl PropnModel {
    /// The embedded model.
    pub fn embedded() -> Result<Self> {
        static BYTES: &[u8] = include_bytes!("../../models/entities-propn.qlqm");
        Self::from_bytes(BYTES)
    }

    /// Loads a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let f = ModelFile::from_bytes(bytes, PROPN_FEATURES)?;
        Ok(PropnModel {
            rows: IntRows::of(&f.model),
            model: f.model,
        })
    }

    /// The label of a word with `features`: the float model's answer, from
    /// the integer rows where they settle it.
    #[inline]
    fn classify(&self, features: &[u64]) -> usize {
        self.rows
            .as_ref()
            .and_then(|r| r.classify(features))
            .unwrap_or_else(|| self.model.classify(features))
    }

    /// For each word of a sentence, whether it is a proper noun. Only
    /// capitalised words (and words with a capital inside, `iPhone`) can be.
    pub fn tag(&self, words: &[&str], facts: &mut SentenceFacts, out: &mut Vec<bool>) {
        out.clear();
        if !words.iter().any(|w| w.chars().any(char::is_uppercase)) {
            out.resize(words.len(), false);
            return;
        }
        // Only candidates and their neighbours are ever looked at.
        let candidate = |i: usize| {
            words
                .get(i)
                .is_some_and(|w| w.chars().any(char::is_uppercase))
        };
        facts.compute_where(
            words,
            |i| candidate(i) || candidate(i + 1) || (i > 0 && candidate(i - 1)),
            candidate,
        );
        let mut feats = Vec::with_capacity(32);
        for (i, w) in words.iter().enumerate() {
            let candidate = w.chars().any(char::is_uppercase);
            out.push(
                candidate && {
                    features(words, facts, i, &mut feats);
                    self.classify(&feats) == PROPN
                },
            );
        }
    }
}

/// Proper-noun decisions for one sentence, computed only for the words asked
/// about (most words never are: lower-case ones, gazetteer names, titles).
#[derive(Debug)]
pub struct LazyTags<'a> {
    model: &'a PropnModel,
    words: &'a [&'a str],
    /// The words' keys from the quotation stage, if it ran.
    keys: Option<&'a [WordKey]>,
    /// 0 = not asked yet, 1 = no, 2 = yes.
    memo: RefCell<Vec<u8>>,
    facts: RefCell<SentenceFacts>,
}

/// Nouns with these endings are never names (`Regierung`, `Freiheit`, `Nation`);
/// only long words, so that surnames like `Jung` stay open.
fn common_noun_ending(w: &str) -> bool {
    w.len() >= 8
        && [
            "ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion",
            "tionen", "ität", "itäten", "ismus", "nisse",
        ]
        .iter()
        .any(|e| w.ends_with(e))
}

impl<'a> LazyTags<'a> {
    /// Starts a sentence; `facts` is a buffer reused across sentences.
    pub fn new(model: &'a PropnModel, words: &'a [&'a str], facts: SentenceFacts) -> Self {
        Self::with_keys(model, words, None, facts)
    }

    /// [`LazyTags::new`], given the words' keys from the quotation stage
    /// (one per word), which spare hashing and looking up the words again.
    pub(crate) fn with_keys(
        model: &'a PropnModel,
        words: &'a [&'a str],
        keys: Option<&'a [WordKey]>,
        mut facts: SentenceFacts,
    ) -> Self {
        facts.reset(words.len());
        debug_assert!(keys.is_none_or(|k| k.len() == words.len()));
        LazyTags {
            model,
            words,
            keys,
            memo: RefCell::new({
                let mut memo = std::mem::take(&mut facts.memo);
                memo.clear();
                memo.resize(words.len(), 0);
                memo
            }),
            facts: RefCell::new(facts),
        }
    }

    /// Whether word `i` is a proper noun.
    pub fn get(&self, i: usize) -> bool {
        let Some(w) = self.words.get(i) else {
            return false;
        };
        match self.memo.borrow()[i] {
            1 => return false,
            2 => return true,
            _ => {}
        }
        let yes = w.chars().any(char::is_uppercase) && !common_noun_ending(w) && {
            let mut facts = self.facts.borrow_mut();
            facts.ensure(self.words, self.keys, i);
            let mut feats = std::mem::take(&mut facts.feats);
            features(self.words, &facts, i, &mut feats);
            let yes = self.model.classify(&feats) == PROPN;
            facts.feats = feats;
            yes
        };
        self.memo.borrow_mut()[i] = 1 + u8::from(yes);
        yes
    }

    /// Gives the facts buffer back for the next sentence.
    pub fn into_facts(self) -> SentenceFacts {
        let mut facts = self.facts.into_inner();
        facts.memo = self.memo.into_inner();
        facts
    }
}

/// One sentence of a CoNLL-U file: words and their label indices.
type Sentence = (Vec<String>, Vec<usize>);

/// Reads the words and PROPN/NOUN/OTHER labels of a CoNLL-U file (multi-word
/// token lines and empty nodes are skipped).
pub fn read_conllu(path: &Path) -> Result<Vec<Sentence>> {
    let name = path.display().to_string();
    let text =
        std::fs::read_to_string(path).map_err(|e| Error::from(e).with_source(name.clone()))?;
    let mut out = Vec::new();
    let (mut words, mut labels) = (Vec::new(), Vec::new());
    for (n, line) in text.lines().enumerate() {
        if line.is_empty() {
            if !words.is_empty() {
                out.push((std::mem::take(&mut words), std::mem::take(&mut labels)));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 4 {
            return Err(Error::new(ErrorKind::Parse {
                line: n + 1,
                message: "not a CoNLL-U token line".into(),
            })
            .with_source(name));
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        words.push(cols[1].to_owned());
        labels.push(match cols[3] {
            "PROPN" => 0,
            "NOUN" => 1,
            _ => 2,
        });
    }
    if !words.is_empty() {
        out.push((words, labels));
    }
    Ok(out)
}

/// Trains the classifier on sentences (deterministic).
pub fn train(sentences: &[Sentence]) -> ModelFile {
    let mut p = Averaged::new(LABELS.len(), BUCKETS);
    let mut feats = Vec::new();
    let mut facts = SentenceFacts::default();
    for _ in 0..EPOCHS {
        for (words, labels) in sentences {
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            facts.compute(&words);
            for (i, &gold) in labels.iter().enumerate() {
                features(&words, &facts, i, &mut feats);
                p.learn_one(&feats, gold);
            }
        }
    }
    ModelFile {
        encoding: WeightEncoding::I16,
        name: PROPN_FEATURES.to_owned(),
        label_names: LABELS.iter().map(|s| (*s).to_owned()).collect(),
        model: p.finish(),
    }
}

/// Precision and recall of PROPN over capitalised words of `sentences`.
pub fn evaluate(model: &PropnModel, sentences: &[Sentence]) -> (f64, f64) {
    let (mut tp, mut fp, mut fnn) = (0usize, 0usize, 0usize);
    let mut tags = Vec::new();
    let mut facts = SentenceFacts::default();
    for (words, labels) in sentences {
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        model.tag(&words, &mut facts, &mut tags);
        for (&t, &g) in tags.iter().zip(labels) {
            match (t, g == PROPN) {
                (true, true) => tp += 1,
                (true, false) => fp += 1,
                (false, true) => fnn += 1,
                _ => {}
            }
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fnn).max(1) as f64;
    (p, r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_told_from_nouns() {
        let m = PropnModel::embedded().unwrap();
        let words = [
            "Der",
            "russische",
            "Präsident",
            "Wladimir",
            "Putin",
            "sagte",
            "der",
            "Regierung",
            ".",
        ];
        let mut tags = Vec::new();
        m.tag(&words, &mut SentenceFacts::default(), &mut tags);
        assert!(tags[3] && tags[4], "{tags:?}");
        assert!(!tags[0] && !tags[2] && !tags[5] && !tags[7], "{tags:?}");
    }

    #[test]
    fn quotation_stage_keys_are_the_propn_facts() {
        // `ensure` takes the lowercase hash and cluster from the quotation stage's word facts.
        let cues = crate::quotes::cues::CueTable::from_tsv("sagte\t7\n").unwrap();
        for w in [
            "Putin",
            "sagte",
            "Präsident",
            "ÄRGER",
            "Straße",
            "„",
            "EU-Gipfel",
            "ΣΑΣ",
            "İstanbul",
            "12",
            "",
        ] {
            let f = crate::quotes::words::WordFacts::of(w, &cues);
            assert_eq!(f.lower, lower_hash(w), "{w}");
            assert_eq!(f.propn_shape as u64, shape(w), "{w}");
            assert_eq!(f.cluster, crate::quotes::words::cluster_id(w), "{w}");
        }
    }

    #[test]
    fn integer_rows_answer_as_the_float_model() {
        let m = PropnModel::embedded().unwrap();
        let rows = m.rows.as_ref().expect("the embedded model is i16-encoded");
        // Random features (many hit untrained rows: ties, left to the floats).
        let mut x = 0x2545_f491_4f6c_dd1du64;
        for n in 0..=MAX_FEATURES + 1 {
            for _ in 0..2000 {
                let feats: Vec<u64> = (0..n)
                    .map(|_| {
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        x
                    })
                    .collect();
                let want = m.model.classify(&feats);
                assert_eq!(m.classify(&feats), want, "{feats:?}");
                assert!(rows.classify(&feats).is_none_or(|l| l == want));
            }
        }
        // Real words: the integers settle nearly all.
        let text = "Der russische Präsident Wladimir Putin sagte am Montag in Moskau , \
            die Regierung in Berlin müsse mit Kanzler Olaf Scholz über die Lage in der \
            Ukraine sprechen . Nordkoreas Machthaber Kim Jong Un traf Außenminister \
            Sergej Lawrow in Pjöngjang , berichtete die Nachrichtenagentur KCNA .";
        let words: Vec<&str> = text.split_whitespace().collect();
        let mut facts = SentenceFacts::default();
        facts.compute(&words);
        let (mut settled, mut feats) = (0, Vec::new());
        for i in 0..words.len() {
            features(&words, &facts, i, &mut feats);
            let got = rows.classify(&feats);
            assert!(got.is_none_or(|l| l == m.model.classify(&feats)));
            settled += usize::from(got.is_some());
        }
        assert!(
            settled * 10 >= words.len() * 9,
            "{settled} of {}",
            words.len()
        );
    }

    #[test]
    fn shape_by_bytes_is_shape_by_chars() {
        for w in [
            "",
            "a",
            "A",
            "Putin",
            "EU",
            "iPhone",
            "G7",
            "US-Gipfel",
            "-",
            "12",
            "Ärger",
            "ÖL",
            "Straße",
            "x-Ray",
            "ABC-2",
        ] {
            assert_eq!(shape(w), shape_by_chars(w), "{w}");
        }
    }

    #[test]
    fn suffix_hash_counts_characters() {
        assert_eq!(suffix_hash("Präsident", 3), lower_hash("ent"));
        assert_eq!(suffix_hash("ÄÖ", 3), lower_hash("äö"));
        for w in ["", "a", "Ab", "EU", "Putin", "Präsident", "ÄÖ", "x-Ray"] {
            assert_eq!(
                suffix_hashes(w),
                (suffix_hash(w, 3), suffix_hash(w, 2)),
                "{w}"
            );
        }
    }
}
