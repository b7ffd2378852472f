//! The gnqa metric: pairing quotations per article and counting role tokens.
//!
//! Within one article every system quotation is paired with at most one gold
//! quotation so that the summed token-overlap F1 of the quote (content) role is
//! largest; equal type, then equal medium (then role agreement) only break ties. Pairs whose content
//! shares no token are not pairs. Each pair, and each unpaired quotation against
//! an empty one, then yields token counts for the five roles (see [`MacroAvg`]
//! for how they are averaged).

use super::assign::max_weight_assignment;
use super::gnqa::GoldDoc;
use super::metrics::{ratio, Counts, MacroAvg, Micro};
use super::report::{
    Attribute, Confusion, PerRole, Report, ReportCounts, Resolution, Segmentation, TypeRow,
};
use super::segmentation::SegmentationCounts;
use super::tokens::TokenIndex;
use crate::document::{Medium, QuoteType};
use crate::schema::{AnalysisJson, QuoteJson, RoleJson};

/// The five scored roles, in report order; index 0 is the quote (content).
pub const ROLES: [&str; 5] = ["quote", "cue", "frame", "speaker", "addressee"];

/// Quote-role F1 is rounded to this resolution before the exact integer assignment;
/// far below any difference two token counts can make. With the scales in
/// [`pair_quotes`], weights stay within `i128` up to about 10⁴ quotations per article.
const F1_RESOLUTION: f64 = 1e12;

/// Resolution of the last tie-breaker (role agreement).
const ROLE_RESOLUTION: f64 = 1e6;

/// One quotation reduced to what the metric sees: gold-token ids per role, type, medium.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteTokens {
    /// Sorted gold-token ids of each role, in the order of [`ROLES`].
    pub roles: [Vec<u32>; 5],
    /// The form.
    pub kind: QuoteType,
    /// The medium.
    pub medium: Option<Medium>,
}

impl QuoteTokens {
    /// Maps a quotation's roles onto the gold tokens of its document.
    pub fn new(index: &TokenIndex, q: &QuoteJson) -> Self {
        let role = |r: Option<&RoleJson>| r.map_or(Vec::new(), |r| index.covered(&r.spans));
        QuoteTokens {
            roles: [
                index.covered(&q.content.spans),
                role(q.cue.as_ref()),
                role(q.frame.as_ref()),
                role(q.speaker.as_ref().map(|s| &s.role)),
                role(q.addressee.as_ref()),
            ],
            kind: q.kind,
            medium: q.medium,
        }
    }
}

/// Pairs system with gold quotations of one article: `(system index, gold index)`.
///
/// Maximises the summed quote-role F1; among equal sums, the most pairs of equal
/// type, then of equal medium, then the best agreement of the other roles (pooled
/// cue, frame, speaker and addressee token F1, 1 when both are empty). The last
/// criterion goes beyond the published description, which leaves such ties to the
/// solver; it only decides between equally good pairings (duplicated gold
/// quotations differing in speaker, say) and makes the result independent of the
/// order of the quotations.
///
/// The criteria are packed into one integer weight whose levels are scaled so that
/// lower ones, summed over all pairs, can never outweigh one unit of a higher one
/// (a floating-point epsilon cannot promise that). Pairs without a shared content
/// token are dropped.
pub fn pair_quotes(system: &[QuoteTokens], gold: &[QuoteTokens]) -> Vec<(usize, usize)> {
    let n = system.len().min(gold.len()) as i128;
    // Per-pair maxima of the levels below are 1 (type, medium) and ROLE_RESOLUTION.
    let medium_w = n * ROLE_RESOLUTION as i128 + 1;
    let type_w = medium_w * (n + 1);
    let f1_w = type_w * (n + 1);
    let weights: Vec<Vec<i128>> = system
        .iter()
        .map(|s| {
            gold.iter()
                .map(|g| {
                    let c = Counts::of_sets(&s.roles[0], &g.roles[0]);
                    if c.tp == 0 {
                        return 0; // not a pair, so no tie-break bonus either
                    }
                    let f1 = (c.f1() * F1_RESOLUTION).round() as i128;
                    let roles = (role_agreement(s, g) * ROLE_RESOLUTION).round() as i128;
                    f1 * f1_w
                        + i128::from(s.kind == g.kind) * type_w
                        + i128::from(s.medium == g.medium) * medium_w
                        + roles
                })
                .collect()
        })
        .collect();
    max_weight_assignment(&weights)
        .into_iter()
        .enumerate()
        .filter_map(|(si, gi)| gi.map(|gi| (si, gi)))
        .filter(|&(si, gi)| weights[si][gi] > 0)
        .collect()
}

/// Token F1 of cue, frame, speaker and addressee pooled; 1 when all are empty on both sides.
fn role_agreement(s: &QuoteTokens, g: &QuoteTokens) -> f64 {
    let c = (1..5)
        .map(|r| Counts::of_sets(&s.roles[r], &g.roles[r]))
        .fold(Counts::default(), |a, c| a + c);
    if c.tp + c.fp + c.fn_ == 0 {
        1.0
    } else {
        c.f1()
    }
}

fn type_index(t: QuoteType) -> usize {
    QuoteType::ALL.iter().position(|&k| k == t).unwrap_or(0)
}

/// Per-gold-type accumulators.
#[derive(Debug, Clone, Default)]
struct TypeAcc {
    gold: usize,
    system: usize,
    paired: usize,
    message: MacroAvg,
}

/// Accumulates the metric over documents; [`Scorer::report`] gives the figures.
///
/// ```
/// use quelle::eval::{gnqa::GoldDoc, Scorer};
/// let gold = GoldDoc {
///     name: "1".into(),
///     text: "Ja".into(),
///     tokens: vec![quelle::schema::CharSpan { start: 0, end: 2 }],
///     sentences: vec![quelle::schema::CharSpan { start: 0, end: 2 }],
///     quotes: vec![],
/// };
/// let mut scorer = Scorer::new();
/// scorer.add(&gold, &quelle::eval::gold_as_system(&gold));
/// assert_eq!(scorer.report().segmentation.tokens.f1, 1.0);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Scorer {
    documents: usize,
    gold_quotes: usize,
    system_quotes: usize,
    pairs: usize,
    roles: [MacroAvg; 5],
    pooled_roles: MacroAvg,
    joint: MacroAvg,
    form_tp: usize,
    medium_tp: usize,
    by_type: [TypeAcc; 5],
    /// Rows: gold type, then "no gold"; columns: system type, then "no system".
    confusion: [[usize; 6]; 6],
    segmentation: SegmentationCounts,
    resolution: (usize, usize),
}

impl Scorer {
    /// An empty scorer.
    pub fn new() -> Self {
        Self::default()
    }

    /// Scores one article. `system` must be an analysis of exactly `gold.text`:
    /// its character offsets are read against the gold tokens.
    pub fn add(&mut self, gold: &GoldDoc, system: &AnalysisJson) {
        let index = TokenIndex::new(&gold.tokens);
        let g: Vec<QuoteTokens> = gold
            .quotes
            .iter()
            .map(|q| QuoteTokens::new(&index, q))
            .collect();
        let s: Vec<QuoteTokens> = system
            .quotes
            .iter()
            .map(|q| QuoteTokens::new(&index, q))
            .collect();
        let pairs = pair_quotes(&s, &g);

        self.documents += 1;
        self.gold_quotes += g.len();
        self.system_quotes += s.len();
        self.pairs += pairs.len();
        for q in &g {
            self.by_type[type_index(q.kind)].gold += 1;
        }
        for q in &s {
            self.by_type[type_index(q.kind)].system += 1;
        }

        let mut sys_paired = vec![false; s.len()];
        let mut gold_paired = vec![false; g.len()];
        for &(si, gi) in &pairs {
            if let Some(ok) = speaker_resolved(gold, gi, system, si) {
                self.resolution.0 += 1;
                self.resolution.1 += usize::from(ok);
            }
            sys_paired[si] = true;
            gold_paired[gi] = true;
            self.add_item(Some(&s[si]), Some(&g[gi]));
        }
        for (q, _) in s.iter().zip(&sys_paired).filter(|(_, &p)| !p) {
            self.add_item(Some(q), None);
        }
        for (q, _) in g.iter().zip(&gold_paired).filter(|(_, &p)| !p) {
            self.add_item(None, Some(q));
        }

        self.segmentation.add(&SegmentationCounts::of(
            &system.tokens,
            &system.sentences,
            &gold.tokens,
            &gold.sentences,
        ));
    }

    /// Counts one pair; a missing side is an empty quotation.
    fn add_item(&mut self, sys: Option<&QuoteTokens>, gold: Option<&QuoteTokens>) {
        let empty: &[u32] = &[];
        let counts: [Counts; 5] = std::array::from_fn(|r| {
            Counts::of_sets(
                sys.map_or(empty, |q| &q.roles[r]),
                gold.map_or(empty, |q| &q.roles[r]),
            )
        });
        for (acc, &c) in self.roles.iter_mut().zip(&counts) {
            acc.add(c);
        }
        let roles = counts[1..].iter().fold(Counts::default(), |a, &c| a + c);
        self.pooled_roles.add(roles);
        self.joint.add(roles + counts[0]);

        let row = gold.map_or(5, |q| type_index(q.kind));
        let col = sys.map_or(5, |q| type_index(q.kind));
        self.confusion[row][col] += 1;
        if let Some(g) = gold {
            let acc = &mut self.by_type[row];
            acc.message.add(counts[0]);
            if let Some(s) = sys {
                acc.paired += 1;
                self.form_tp += usize::from(s.kind == g.kind);
                self.medium_tp += usize::from(s.medium == g.medium);
            }
        }
    }

    /// The figures over everything added so far.
    pub fn report(&self) -> Report {
        let attribute = |tp: usize| Attribute {
            micro: Micro::new(tp, self.system_quotes, self.gold_quotes),
            pairs: self.pairs,
            accuracy: ratio(tp, self.pairs).unwrap_or(
                // No pairs: perfect only if there was nothing to pair.
                if self.gold_quotes + self.system_quotes == 0 {
                    1.0
                } else {
                    0.0
                },
            ),
        };
        let seg = &self.segmentation;
        Report {
            counts: ReportCounts {
                documents: self.documents,
                gold_quotes: self.gold_quotes,
                system_quotes: self.system_quotes,
                pairs: self.pairs,
            },
            messages: self.roles[0].finish(),
            roles: self.pooled_roles.finish(),
            joint: self.joint.finish(),
            per_role: PerRole {
                quote: self.roles[0].finish(),
                cue: self.roles[1].finish(),
                frame: self.roles[2].finish(),
                speaker: self.roles[3].finish(),
                addressee: self.roles[4].finish(),
            },
            speaker_resolution: Resolution {
                eligible: self.resolution.0,
                resolved: self.resolution.1,
                share: ratio(self.resolution.1, self.resolution.0).unwrap_or(0.0),
            },
            form: attribute(self.form_tp),
            medium: attribute(self.medium_tp),
            by_type: QuoteType::ALL
                .iter()
                .zip(&self.by_type)
                .map(|(&kind, acc)| TypeRow {
                    kind,
                    gold: acc.gold,
                    system: acc.system,
                    paired: acc.paired,
                    recall: ratio(acc.paired, acc.gold),
                    message: (acc.gold > 0).then(|| acc.message.finish()),
                })
                .collect(),
            confusion: Confusion {
                labels: QuoteType::ALL
                    .iter()
                    .map(|t| t.as_str().to_owned())
                    .chain(std::iter::once(Confusion::UNPAIRED.to_owned()))
                    .collect(),
                counts: self.confusion.iter().map(|r| r.to_vec()).collect(),
            },
            segmentation: Segmentation {
                tokens: Micro::new(seg.token_tp, seg.system_tokens, seg.gold_tokens),
                sentence_ends: Micro::new(seg.end_tp, seg.system_ends, seg.gold_ends),
            },
        }
    }
}

/// The proper-noun classifier used to find names in gold speakers (`None` if it cannot load).
fn propn() -> Option<&'static crate::entities::propn::PropnModel> {
    static M: std::sync::OnceLock<Option<crate::entities::propn::PropnModel>> =
        std::sync::OnceLock::new();
    M.get_or_init(|| crate::entities::propn::PropnModel::embedded().ok())
        .as_ref()
}

/// For a pair: `None` when the gold speaker has no proper name, else whether
/// the system speaker's entity is named by one of its names.
fn speaker_resolved(gold: &GoldDoc, gi: usize, system: &AnalysisJson, si: usize) -> Option<bool> {
    let speaker = gold.quotes[gi].speaker.as_ref()?;
    let words: Vec<&str> = speaker
        .role
        .text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | '„' | '“' | '"' | ':'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut tags = Vec::new();
    propn()?.tag(&words, &mut Default::default(), &mut tags);
    let gaz = crate::entities::gazetteer::Gazetteer::get();
    let names: Vec<&str> = words
        .iter()
        .zip(&tags)
        .filter(|(w, &t)| {
            w.chars().next().is_some_and(char::is_uppercase) && (t || gaz.match_word(w).is_some())
        })
        .map(|(w, _)| *w)
        .collect();
    if names.is_empty() {
        return None;
    }
    let id = system.quotes[si].speaker.as_ref()?.entity.as_deref();
    let entity = id.and_then(|id| system.entities.iter().find(|e| e.id == id));
    let Some(entity) = entity else {
        return Some(false);
    };
    let entity_words: Vec<&str> = entity.name.split(' ').collect();
    let known = |w: &str| entity_words.contains(&w);
    Some(names.iter().any(|w| {
        known(w)
            || w.strip_suffix('s').is_some_and(known)
            || w.split('-').next().is_some_and(known)
            || gaz
                .match_word(w)
                .is_some_and(|g| gaz.entries[g].name == entity.name)
    }))
}
