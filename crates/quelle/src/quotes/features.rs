//! Feature templates of the quotation models.
//!
//! Each feature is a template id mixed with a value hash. Changing a template
//! changes the models' meaning: bump [`CONTENT_FEATURES`] / [`ROLE_FEATURES`]
//! then, and retrain (`quelle train`).

use super::context::{Context, SentenceFacts};
use crate::lexicon::Subjunctive;
use crate::model::hash::{mix, SmallMix as S, SmallMix2 as S2};

/// Name and feature-set version of the content (quotation span and type) tagger.
pub const CONTENT_FEATURES: &str = "quotes.content/2";
/// Name and feature-set version of the role (speaker, cue, addressee) tagger.
pub const ROLE_FEATURES: &str = "quotes.roles/1";
/// Name and feature-set version of the medium classifier.
pub const MEDIUM_FEATURES: &str = "quotes.medium/1";

pub use super::feature_table::FeatureTable;

const BOS: u64 = 0x5eed_0001;
const EOS: u64 = 0x5eed_0002;

fn sentence_bits(s: &SentenceFacts) -> u64 {
    (s.first_cue.is_some() as u64)
        | (s.first_attr.is_some() as u64) << 1
        | (s.subj as u64) << 2
        | (s.soll as u64) << 3
        | (s.marks as u64) << 4
        | (s.colon_end as u64) << 5
}

/// Position of token `i` relative to an anchor token in its sentence, with the
/// number of clause punctuation marks in between (capped): the shape of a frame.
fn relative(anchor: Option<usize>, i: usize, punct_prefix: &[u32]) -> u64 {
    match anchor {
        None => 0,
        Some(a) if a == i => 1,
        Some(a) => {
            let (lo, hi) = if a < i { (a, i) } else { (i, a) };
            let between = (punct_prefix[hi] - punct_prefix[lo + 1]).min(3) as u64;
            let side = if i < a { 2 } else { 3 };
            side * 4 + between
        }
    }
}

fn punct_prefix(ctx: &Context) -> Vec<u32> {
    let mut p = Vec::with_capacity(ctx.tokens.len() + 1);
    let mut n = 0u32;
    p.push(0);
    for t in &ctx.tokens {
        n += t.clause_punct as u32;
        p.push(n);
    }
    p
}

/// The lowercase hash of the token `d` positions from `i`, or a sentence-edge marker.
fn window(ctx: &Context, s: &SentenceFacts, i: usize, d: isize) -> u64 {
    let j = i as isize + d;
    if j < s.start as isize {
        BOS
    } else if j >= s.end as isize {
        EOS
    } else {
        ctx.tokens[j as usize].lower
    }
}

/// The lexical features both taggers share (bias, word, two words either side,
/// suffix, shape), as templates `base + 1` … `base + 8`; the last, `shape`
/// (`mix(base + 8, shape)`), comes from the caller's table.
#[inline]
fn lexical(base: u64, ctx: &Context, s: &SentenceFacts, i: usize, shape: u64) -> [u64; 8] {
    let f = &ctx.tokens[i];
    let w = |d: isize| window(ctx, s, i, d);
    [
        mix(base + 1, 0),
        mix(base + 2, f.lower),
        mix(base + 3, w(-1)),
        mix(base + 4, w(1)),
        mix(base + 5, w(-2)),
        mix(base + 6, w(2)),
        mix(base + 7, f.suffix3),
        shape,
    ]
}

fn bucket(n: usize) -> u64 {
    match n {
        0..=2 => n as u64,
        3..=5 => 3,
        6..=10 => 4,
        _ => 5,
    }
}

/// Per token, flags of its clause (the stretch between clause punctuation
/// within the sentence) and of the clause before it: where content begins and
/// ends is decided clause by clause.
fn clause_flags(ctx: &Context) -> Vec<(u64, u64)> {
    let toks = &ctx.tokens;
    let mut out = vec![(0, 0); toks.len()];
    for s in &ctx.sentences {
        let mut prev = 0u64;
        let mut i = s.start;
        while i < s.end {
            let start = i;
            while i < s.end && !toks[i].clause_punct {
                i += 1;
            }
            let end = (i + 1).min(s.end);
            let mut f = 0u64;
            for t in &toks[start..end] {
                f |= (t.subj == Subjunctive::Yes) as u64;
                f |= ((t.cue_score >= 2) as u64) << 1;
                f |= (t.soll as u64) << 2;
                f |= ((t.shape == 5) as u64) << 3;
                f |= (t.attribution as u64) << 4;
                f |= (t.cue_lemma.is_some() as u64) << 5;
            }
            f |= (toks[start].complementizer as u64) << 6;
            for t in &toks[start..end] {
                f |= ((t.subj == Subjunctive::Ambiguous) as u64) << 7;
            }
            // The clause's last word: a `zu`-infinitive, or a lowercase (verb-final) word.
            let last_word = (start..end).rev().find(|&j| toks[j].shape <= 3);
            if let Some(j) = last_word {
                f |= (toks[j].zu_inf as u64) << 8;
                f |= ((toks[j].shape == 0) as u64) << 9;
            }
            for o in &mut out[start..end] {
                *o = (f, prev);
            }
            prev = f;
            i = end;
        }
    }
    out
}

/// Builds the content-tagger features for every token of the document.
pub fn content_features(ctx: &Context) -> FeatureTable {
    // Room for every token's features (at most 50): no reallocation while filling.
    let mut t = FeatureTable::with_capacity(ctx.tokens.len(), 50);
    let f = ContentFeaturizer::new(ctx);
    for si in 0..ctx.sentences.len() {
        f.sentence(si, &mut t);
    }
    t.start();
    t
}

/// Builds content-tagger features sentence by sentence, for a caller that
/// tags only some sentences (see [`super::cascade`]): the document-wide
/// tables are computed once.
#[derive(Debug)]
pub struct ContentFeaturizer<'c> {
    ctx: &'c Context,
    pp: Vec<u32>,
    clauses: Vec<(u64, u64)>,
}

impl<'c> ContentFeaturizer<'c> {
    /// Prepares the document-wide tables of `ctx`.
    pub fn new(ctx: &'c Context) -> Self {
        ContentFeaturizer {
            ctx,
            pp: punct_prefix(ctx),
            clauses: clause_flags(ctx),
        }
    }

    /// Appends the rows of sentence `si`'s tokens to `t`.
    pub fn sentence(&self, si: usize, t: &mut FeatureTable) {
        self.rows::<false>(si, &mut Vec::new(), t)
    }

    /// [`ContentFeaturizer::sentence`] without the features every token of
    /// the sentence has, which go to `shared` (cleared first) instead: a
    /// token's full row is `shared` followed by its row in `t` (in another
    /// order, which integer-weight scoring does not see; see
    /// [`crate::model::viterbi::Constrained::decode_shared_into`]).
    pub fn sentence_shared(&self, si: usize, shared: &mut Vec<u64>, t: &mut FeatureTable) {
        self.rows::<true>(si, shared, t)
    }

    /// The rows of sentence `si`; with `SPLIT`, the sentence-wide features
    /// go once to `shared` instead of into every row.
    #[inline(always)]
    fn rows<const SPLIT: bool>(&self, si: usize, shared: &mut Vec<u64>, t: &mut FeatureTable) {
        let (ctx, pp, clauses) = (self.ctx, &self.pp[..], &self.clauses);
        let toks = &ctx.tokens;
        t.start();
        let s = &ctx.sentences[si];
        let bits = sentence_bits(s);
        let prev_bits = if si > 0 {
            sentence_bits(&ctx.sentences[si - 1]) | 64
        } else {
            0
        };
        let prev2_bits = if si > 1 {
            sentence_bits(&ctx.sentences[si - 2]) | 64
        } else {
            0
        };
        // The sentence's reporting verb and first word decide much of its fate.
        let cue_lemma = s.first_cue.and_then(|c| toks[c].cue_lemma).unwrap_or(0);
        let first_word = toks[s.start].lower;
        let rep_score = s.rep_anchor.map_or(0, |a| toks[a].rep_score) as u64;
        let rep_lower = s.rep_anchor.map_or(0, |a| toks[a].lower);
        // A frame may follow in the next sentence: `Dies teilte X mit.`
        let next = ctx.sentences.get(si + 1);
        let next_bits = next.map_or(0, |n| sentence_bits(n) | 64);
        let next_first = next.map_or(EOS, |n| toks[n.start].lower);
        let next_anchor = next
            .and_then(|n| n.first_cue)
            .map_or(0, |c| toks[c].cue_score as u64 + 1);
        // Features the same at every token of the sentence: hashed once.
        let same = SentenceConstants {
            bits: mix(12, bits),
            inner_edge: mix(17, bits),
            prev_bits: mix(18, prev_bits * 128 + bits),
            prev2_bits: mix(24, prev2_bits * 128 + prev_bits),
            cue_lemma: mix(29, cue_lemma),
            next_bits: mix(41, next_bits * 128 + bits),
            next: mix(42, mix(next_first, next_anchor)),
            first_word: mix(31, first_word),
        };
        if SPLIT {
            shared.clear();
            shared.extend([
                mix(1, 0),
                same.bits,
                same.prev_bits,
                same.prev2_bits,
                same.cue_lemma,
                same.next_bits,
                same.next,
                same.first_word,
            ]);
        }
        let anchor_score = s.first_cue.map_or(0, |c| toks[c].cue_score) as u64;
        let anchor_lower = s.first_cue.map_or(0, |c| toks[c].lower);
        let verb_lemma = s.speech_verb.and_then(|c| toks[c].cue_lemma).unwrap_or(0);
        let anchor_clause = s.first_cue.map(|c| pp[c + 1] - toks[c].clause_punct as u32);
        let has_cue = s.first_cue.is_some() as u64;
        // Templates pairing a word of the sentence with a small code: each
        // value mixed once per sentence.
        let mut m30 = RelMemo::new(30, cue_lemma);
        let mut m32 = RelMemo::new(32, first_word);
        let mut m37 = RelMemo::new(37, anchor_lower);
        let mut m38 = RelMemo::new(38, verb_lemma);
        let mut m40 = RelMemo::new(40, verb_lemma);
        let mut m53 = RelMemo::new(53, rep_lower);
        for i in s.start..s.end {
            let f = &toks[i];
            let w = |d: isize| window(ctx, s, i, d);
            let rel_cue = relative(s.first_cue, i, pp);
            let rel_attr = relative(s.first_attr, i, pp);
            let depth = f.depth.min(2) as u64;
            let edge = (i == s.start) as u64 | ((i + 1 == s.end) as u64) << 1;
            let pos = bucket(i - s.start);
            let rel_verb = relative(s.speech_verb, i, pp);
            let (cf, pf) = clauses[i];
            // Clause distance to the anchor's clause (same, next, after, before).
            let my_clause = pp[i + 1] - f.clause_punct as u32;
            let cd = anchor_clause.map_or(0, |a| match my_clause as i64 - a as i64 {
                0 => 1,
                1 => 2,
                d if d > 1 => 3,
                -1 => 4,
                _ => 5,
            });
            // Reported speech: the sentence's likeliest reported-speech word and where it is.
            let rel_rep = relative(s.rep_anchor, i, pp);
            // The row in template order, in fixed-size pieces: a piece is
            // computed in registers and appended at once (cheaper than a
            // push per feature, which re-reads the vector's length each time).
            // Templates of small codes read their values from tables (`S`, `S2`).
            // (The bias, `lexical`'s first feature, is sentence-wide.)
            t.extend(&lexical(0, ctx, s, i, S::<8, 8>::of(f.shape as u64))[SPLIT as usize..]);
            if let Some(c) = f.cluster {
                t.extend(&[
                    mix(9, c),
                    S::<33, 256>::of(c & 0xff),
                    S2::<34, 16, 16>::of(c & 0xf, rel_cue),
                ]);
            }
            t.extend(&[
                S::<10, 4>::of(depth),
                S::<11, 32>::of(depth * 8 + f.shape as u64),
            ]);
            if !SPLIT {
                t.extend(&[same.bits]);
            }
            t.extend(&[
                S::<13, 16>::of(rel_cue),
                S::<14, 16>::of(rel_attr),
                S::<15, 64>::of(rel_cue * 4 + depth),
                S::<16, 32>::of(rel_cue * 2 + s.subj as u64),
                if edge == 0 {
                    same.inner_edge
                } else {
                    mix(17, edge * 128 + bits)
                },
            ]);
            if !SPLIT {
                t.extend(&[same.prev_bits]);
            }
            t.extend(&[S::<19, 16>::of(f.subj as u64 + 8 * f.soll as u64)]);
            if let Some(l) = f.cue_lemma {
                t.extend(&[mix(20, l)]);
            }
            t.extend(&[
                mix(21, mix(w(-1), f.lower)),
                S::<22, 384>::of(pos * 64 + rel_cue),
                mix(23, mix(f.lower, rel_cue)),
            ]);
            if !SPLIT {
                t.extend(&[same.prev2_bits]);
            }
            t.extend(&[
                S::<25, 32>::of(edge * 8 + depth),
                S::<26, 1024>::of(rel_attr * 64 + rel_cue),
                mix(27, mix(f.lower, depth)),
                S::<28, 8>::of(
                    (f.subj == Subjunctive::Yes) as u64 * 2 + s.subj as u64 + 4 * has_cue,
                ),
            ]);
            if !SPLIT {
                t.extend(&[same.cue_lemma]);
            }
            t.extend(&[
                S::<35, 256>::of(f.cue_score as u64 * 16 + rel_cue.min(15)),
                S::<36, 1024>::of(anchor_score * 64 + rel_cue),
                m37.get(rel_cue),
                m38.get(rel_verb),
                S::<39, 1024>::of(rel_verb * 64 + rel_cue),
                m40.get(edge),
            ]);
            if !SPLIT {
                t.extend(&[same.next_bits]);
            }
            t.extend(&[
                S::<44, 1024>::of(cf),
                mix(45, cf * 64 + rel_cue),
                mix(46, pf * 1024 + cf),
                mix(47, cd * 1024 + cf),
                mix(48, mix(cd, f.lower)),
                S::<50, 512>::of(f.region as u64 * 16 + rel_cue.min(15)),
                S::<51, 64>::of(f.region as u64 * 2 + has_cue),
                S::<52, 1024>::of(rep_score * 64 + rel_rep),
                m53.get(rel_rep.min(3)),
                mix(54, rep_score * 1024 + cf),
            ]);
            if !SPLIT {
                t.extend(&[same.next]);
            }
            t.extend(&[
                S::<43, 256>::of(next_anchor * 16 + edge * 4 + has_cue),
                m30.get(rel_cue),
            ]);
            if !SPLIT {
                t.extend(&[same.first_word]);
            }
            t.extend(&[m32.get(rel_attr)]);
            t.end_row();
        }
    }
}

/// The content features that depend on the sentence only, hashed.
struct SentenceConstants {
    bits: u64,
    /// Template 17 (edge and sentence bits) away from the sentence's edges.
    inner_edge: u64,
    prev_bits: u64,
    prev2_bits: u64,
    cue_lemma: u64,
    next_bits: u64,
    next: u64,
    first_word: u64,
}

/// `mix(k, mix(x, r))` for a value `x` fixed in a sentence and the small codes
/// `r` of a relative position, each mixed once per sentence (at its first use).
struct RelMemo {
    k: u64,
    x: u64,
    /// Bit `r` set: `vals[r]` holds the mix of `r`.
    have: u16,
    vals: [u64; 16],
}

impl RelMemo {
    fn new(k: u64, x: u64) -> Self {
        RelMemo {
            k,
            x,
            have: 0,
            vals: [0; 16],
        }
    }

    #[inline(always)]
    fn get(&mut self, r: u64) -> u64 {
        if r >= 16 {
            return mix(self.k, mix(self.x, r));
        }
        let bit = 1u16 << r;
        if self.have & bit == 0 {
            self.vals[r as usize] = mix(self.k, mix(self.x, r));
            self.have |= bit;
        }
        self.vals[r as usize]
    }
}

/// Builds the role-tagger features; `content[i]` is the content label of token `i`
/// (0 outside any quotation, otherwise `1 + type index`). Sentences with
/// `active[s] == false` get empty rows (the tagger is not run on them).
pub fn role_features(ctx: &Context, content: &[u8], active: &[bool]) -> FeatureTable {
    // Room for every token's features (at most 25): no reallocation while filling.
    let mut t = FeatureTable::with_capacity(ctx.tokens.len(), 25);
    t.start();
    let pp = punct_prefix(ctx);
    let toks = &ctx.tokens;
    for (si, s) in ctx.sentences.iter().enumerate() {
        if !active[si] {
            for _ in s.start..s.end {
                t.end_row();
            }
            continue;
        }
        let bits = sentence_bits(s);
        // Where content lies in this sentence: first and last content token.
        let first_c = (s.start..s.end).find(|&i| content[i] != 0);
        let last_c = (s.start..s.end).rev().find(|&i| content[i] != 0);
        let ctype = first_c.map_or(0, |i| content[i] as u64);
        let bits_ctype = mix(116, bits * 16 + ctype);
        for i in s.start..s.end {
            let f = &toks[i];
            let w = |d: isize| window(ctx, s, i, d);
            let c = content[i] as u64;
            let side = match (first_c, last_c) {
                (Some(a), Some(_)) if i < a => 1 + (bucket(a - i) << 2),
                (Some(_), Some(b)) if i > b => 2 + (bucket(i - b) << 2),
                (Some(_), Some(_)) => 3,
                _ => 0,
            };
            let rel_cue = relative(s.first_cue, i, &pp);
            let rel_attr = relative(s.first_attr, i, &pp);
            // Templates of small codes read their values from tables (`S`, `S2`).
            t.extend(&lexical(100, ctx, s, i, S::<108, 8>::of(f.shape as u64)));
            if let Some(cl) = f.cluster {
                t.extend(&[
                    mix(109, cl),
                    mix(110, mix(cl & 0xff, side)),
                    S2::<124, 16, 4>::of(cl & 0xf, side & 3),
                ]);
            }
            t.extend(&[
                S::<111, 512>::of(c * 64 + side),
                S::<112, 512>::of(ctype * 64 + side),
                S::<113, 16>::of(rel_cue),
                S::<114, 16>::of(rel_attr),
                mix(115, mix(f.lower, side & 3)),
                bits_ctype,
            ]);
            if let Some(l) = f.cue_lemma {
                t.extend(&[mix(117, l), mix(118, mix(l, side & 3))]);
            }
            t.extend(&[
                S::<119, 32>::of((f.depth.min(2) as u64) * 8 + f.shape as u64),
                mix(120, mix(w(-1), f.lower)),
                S::<121, 1024>::of(rel_cue * 64 + (side & 3) * 8 + c),
                mix(122, mix(f.suffix3, side & 3)),
                S::<123, 128>::of(f.shape as u64 * 16 + (side & 3) * 4 + rel_cue.min(3)),
                S::<125, 128>::of(f.cue_score as u64 * 8 + (side & 3)),
            ]);
            t.end_row();
        }
    }
    t
}

/// Sentences the role tagger must look at: those holding content or next to a
/// sentence holding content (a frame may precede or follow in its own sentence).
/// Roles elsewhere attach to no quotation, so the others are skipped.
pub fn role_sentences(ctx: &Context, content: &[u8]) -> Vec<bool> {
    let has: Vec<bool> = ctx
        .sentences
        .iter()
        .map(|s| content[s.start..s.end].iter().any(|&c| c != 0))
        .collect();
    (0..has.len())
        .map(|i| has[i] || (i > 0 && has[i - 1]) || has.get(i + 1).copied().unwrap_or(false))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::QuoteModels;

    #[test]
    fn shared_features_and_split_rows_make_the_full_rows() {
        let p = crate::Pipeline::builder()
            .quotes(false)
            .entities(false)
            .build()
            .unwrap();
        let doc = p.analyze(
            "Der Minister sagte am Montag, er komme später. „Wir sind bereit“, so Müller. \
             Die Lage sei laut Polizei ernst. Das Wetter war gut.",
        );
        let models = QuoteModels::embedded().unwrap();
        let ctx = Context::new(&doc, &models.cues);
        let f = ContentFeaturizer::new(&ctx);
        for si in 0..ctx.sentences.len() {
            let (mut full, mut split, mut shared) =
                (FeatureTable::default(), FeatureTable::default(), Vec::new());
            f.sentence(si, &mut full);
            f.sentence_shared(si, &mut shared, &mut split);
            assert_eq!(full.len(), split.len());
            assert!(!shared.is_empty());
            for i in 0..full.len() {
                let mut want = full.get(i).to_vec();
                let mut got = [&shared[..], split.get(i)].concat();
                want.sort_unstable();
                got.sort_unstable();
                assert_eq!(got, want, "sentence {si} token {i}");
            }
        }
    }
}
