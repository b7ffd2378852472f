//! Training the quotation models from gnqa gold data (`train.jsonl` only).
//!
//! Gold character spans are projected onto quelle's own tokens (a token takes a
//! role when it overlaps the role's span), so the models learn from exactly the
//! segmentation they will see at run time. Training is deterministic.

use super::assemble::Draft;
use super::context::Context;
use super::cues::{CueTable, Observation};
use super::labels::{begin, inside, label_count, type_index, ROLE_KINDS};
use super::{content_types, features, medium, QuoteModels};
use crate::document::{Document, Medium, QuoteType};
use crate::eval::gnqa::GoldDoc;
use crate::model::train::Averaged;
use crate::schema::{QuoteJson, RoleJson};
use crate::Pipeline;

/// Most passes of the medium classifier (4-fold CV medium F1: 2 passes 0.444, 4 passes 0.447, 8 passes 0.453).
const MEDIUM_EPOCHS: usize = 8;

/// Settings of a training run.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// Feature buckets of the two taggers (power of two).
    pub tagger_buckets: usize,
    /// Feature buckets of the medium classifier (power of two).
    pub medium_buckets: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 8,
            tagger_buckets: 1 << 15,
            medium_buckets: 1 << 14,
        }
    }
}

/// One training document: quelle's analysis plus gold labels on its tokens.
struct Example {
    ctx: Context,
    content: Vec<usize>,
    roles: Vec<usize>,
    drafts: Vec<(Draft, Option<Medium>)>,
}

/// Token range `[first, last + 1)` of the tokens overlapping a role, per span.
fn token_ranges(doc: &Document, role: &RoleJson) -> Vec<(usize, usize)> {
    let map = doc.char_map();
    let mut out = Vec::new();
    for s in &role.spans {
        let (bs, be) = (map.byte_offset(s.start), map.byte_offset(s.end));
        let first = doc.tokens.partition_point(|t| t.span.end <= bs);
        let mut last = first;
        while last < doc.tokens.len() && doc.tokens[last].span.start < be {
            last += 1;
        }
        if last > first {
            out.push((first, last));
        }
    }
    out
}

/// Whether gold quote `q` lies inside another gold quote's content.
fn is_nested(q: &QuoteJson, all: &[QuoteJson]) -> bool {
    let (s, e) = (
        q.content.spans[0].start,
        q.content.spans.last().map_or(0, |x| x.end),
    );
    all.iter().any(|o| {
        !std::ptr::eq(o, q)
            && o.content.spans.iter().any(|x| x.start <= s && e <= x.end)
            && (
                o.content.spans[0].start,
                o.content.spans.last().map_or(0, |x| x.end),
            ) != (s, e)
    })
}

/// Lowercase forms of the document's tokens, whether each lies in a gold cue,
/// whether in gold reported content, whether written in lowercase.
fn cue_observations(doc: &Document, gold: &GoldDoc) -> Vec<(String, bool, bool, bool)> {
    let mut is_cue = vec![false; doc.tokens.len()];
    let mut reported = vec![false; doc.tokens.len()];
    for q in &gold.quotes {
        if let Some(c) = &q.cue {
            for (s, e) in token_ranges(doc, c) {
                is_cue[s..e].iter_mut().for_each(|x| *x = true);
            }
        }
        if q.kind == QuoteType::Reported {
            for (s, e) in token_ranges(doc, &q.content) {
                reported[s..e].iter_mut().for_each(|x| *x = true);
            }
        }
    }
    doc.tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let w = doc.slice(t.span);
            let lowercase = w.chars().next().is_some_and(char::is_lowercase);
            (w.to_lowercase(), is_cue[i], reported[i], lowercase)
        })
        .collect()
}

fn example(doc: Document, gold: &GoldDoc, cues: &CueTable) -> Example {
    let ctx = Context::new(&doc, cues);
    let n = doc.tokens.len();
    let mut content = vec![0usize; n];
    let mut roles = vec![0usize; n];
    let mut drafts = Vec::new();
    for q in &gold.quotes {
        let ranges = token_ranges(&doc, &q.content);
        if ranges.is_empty() {
            continue;
        }
        let nested = is_nested(q, &gold.quotes);
        let t = type_index(q.kind);
        if !nested {
            for &(s, e) in &ranges {
                if content[s..e].iter().any(|&l| l != 0) {
                    continue; // Overlapping annotations: the first one wins.
                }
                content[s] = begin(t);
                for l in &mut content[s + 1..e] {
                    *l = inside(t);
                }
            }
        }
        let mut mark = |role: &Option<RoleJson>, k: usize| -> Vec<(usize, usize)> {
            let Some(r) = role else { return Vec::new() };
            let rs = token_ranges(&doc, r);
            for &(s, e) in &rs {
                if roles[s..e].iter().all(|&l| l == 0) {
                    roles[s] = begin(k);
                    for l in &mut roles[s + 1..e] {
                        *l = inside(k);
                    }
                }
            }
            rs
        };
        let speaker = mark(&q.speaker.as_ref().map(|s| s.role.clone()), 0);
        let cue = mark(&q.cue, 1);
        let addressee = mark(&q.addressee, 2);
        let frame = q
            .frame
            .as_ref()
            .map(|f| token_ranges(&doc, f))
            .unwrap_or_default();
        drafts.push((
            Draft {
                kind: q.kind,
                content: ranges,
                speaker: speaker.first().copied(),
                cue,
                frame: frame
                    .first()
                    .map(|f| (f.0, frame.last().expect("non-empty").1)),
                addressee: addressee.first().copied(),
                parent: None,
            },
            q.medium,
        ));
    }
    Example {
        ctx,
        content,
        roles,
        drafts,
    }
}

/// Trains one sequence tagger, sentence by sentence, on the gold labels `gold` picks.
fn train_tagger(
    name: &str,
    examples: &[Example],
    tables: &[features::FeatureTable],
    gold: impl Fn(&Example) -> &[usize],
    labels: usize,
    opts: &TrainOptions,
    log: &mut impl FnMut(&str),
) -> crate::model::LinearModel {
    let mut tagger = Averaged::new(labels, opts.tagger_buckets);
    for epoch in 0..opts.epochs {
        let (mut wrong, mut total) = (0, 0);
        for (e, t) in examples.iter().zip(tables) {
            let rows = t.rows();
            let gold = gold(e);
            for s in &e.ctx.sentences {
                wrong += tagger.learn_sequence(
                    &rows[s.start..s.end],
                    &gold[s.start..s.end],
                    |_, f, to| super::labels::allowed(f, to, labels),
                );
            }
            total += gold.len();
        }
        log(&format!(
            "{name} epoch {}: {:.4} token error",
            epoch + 1,
            wrong as f64 / total.max(1) as f64
        ));
    }
    tagger.finish()
}

/// Trains the three quotation models on gold documents; `log` receives progress lines.
pub fn train(
    docs: &[GoldDoc],
    opts: &TrainOptions,
    mut log: impl FnMut(&str),
) -> crate::Result<QuoteModels> {
    let pipeline = Pipeline::builder().quotes(false).build()?;
    let analysed: Vec<Document> = docs
        .iter()
        .map(|g| pipeline.analyze(g.text.clone()))
        .collect();
    let observations: Vec<(String, bool, bool, bool)> = analysed
        .iter()
        .zip(docs)
        .flat_map(|(d, g)| cue_observations(d, g))
        .collect();
    let cues = CueTable::learn_all(observations.iter().map(|(w, c, r, l)| Observation {
        word: w.as_str(),
        cue: *c,
        reported: *r,
        lowercase: *l,
    }));
    log(&format!("cue table: {} words", cues.len()));
    let examples: Vec<Example> = analysed
        .into_iter()
        .zip(docs)
        .map(|(d, g)| example(d, g, &cues))
        .collect();
    log(&format!("{} documents prepared", examples.len()));

    let content_tables: Vec<_> = examples
        .iter()
        .map(|e| features::content_features(&e.ctx))
        .collect();
    let content = train_tagger(
        "content",
        &examples,
        &content_tables,
        |e| &e.content,
        label_count(5),
        opts,
        &mut log,
    );
    let role_tables: Vec<_> = examples
        .iter()
        .map(|e| {
            let all = vec![true; e.ctx.sentences.len()];
            features::role_features(&e.ctx, &content_types(&e.content), &all)
        })
        .collect();
    let lr = label_count(ROLE_KINDS.len());
    let roles = train_tagger(
        "roles",
        &examples,
        &role_tables,
        |e| &e.roles,
        lr,
        opts,
        &mut log,
    );

    let mut med = Averaged::new(Medium::ALL.len(), opts.medium_buckets);
    let mut feats = Vec::new();
    for epoch in 0..opts.epochs.min(MEDIUM_EPOCHS) {
        let (mut right, mut total) = (0, 0);
        for e in &examples {
            for (d, m) in &e.drafts {
                let Some(m) = m else { continue };
                medium::features(&e.ctx, d, &mut feats);
                let gold = Medium::ALL.iter().position(|x| x == m).expect("listed");
                right += med.learn_one(&feats, gold) as usize;
                total += 1;
            }
        }
        log(&format!(
            "medium epoch {}: {:.4} accuracy",
            epoch + 1,
            right as f64 / total.max(1) as f64
        ));
    }
    Ok(QuoteModels::new(content, roles, med.finish(), cues))
}
