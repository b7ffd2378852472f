//! Quotation detection and attribution.
//!
//! Two sequence taggers (averaged perceptrons decoded with Viterbi, trained on
//! gnqa `train.jsonl`) do the learning: one marks quotation content and its
//! type, one marks speaker, cue and addressee. Precise rules do what grammar
//! decides: quotation-mark pairing ([`marks`]), frames, nesting and speaker
//! continuation ([`assemble`]). A linear classifier assigns the medium.

mod according_to;
mod adverbial;
mod anaphoric;
mod as_clauses;
pub mod assemble;
pub mod cascade;
pub mod complements;
pub mod context;
pub mod cues;
mod feature_table;
pub mod features;
pub(crate) mod form_table;
mod infinitives;
pub mod labels;
pub mod marks;
pub mod medium;
mod partial;
pub mod reportative;
#[cfg(test)]
mod rule_test;
pub mod speech_acts;
mod trailing;
pub mod train;
pub(crate) mod words;

use crate::document::{Document, Medium, Quote, QuoteType};
use crate::error::Result;
use crate::model::format::{ModelFile, WeightEncoding};
use crate::model::linear::SequenceModel;
use crate::model::{viterbi, LinearModel, QuantisedModel};
use context::Context;
use cues::CueTable;
use labels::{allowed, label_count, ROLE_KINDS};

/// The embedded default models (see `models/README.md` for their card).
mod embedded {
    pub static CONTENT: &[u8] = include_bytes!("../../models/quotes-content.qlqm");
    pub static ROLES: &[u8] = include_bytes!("../../models/quotes-roles.qlqm");
    pub static MEDIUM: &[u8] = include_bytes!("../../models/quotes-medium.qlqm");
    pub static CUES: &str = include_str!("../../models/quotes-cues.tsv");
}

/// The three models of the quotation stage.
#[derive(Debug, Clone)]
pub struct QuoteModels {
    /// Content tagger.
    pub content: LinearModel,
    /// Role tagger.
    pub roles: LinearModel,
    /// Medium classifier.
    pub medium: LinearModel,
    /// Learned cue scores of words.
    pub cues: CueTable,
    /// The taggers in their inference layout (`i16` weights), made by [`QuoteModels::new`].
    fast: [QuantisedModel; 2],
}

impl QuoteModels {
    /// Assembles the models (and prepares the taggers' inference layout).
    pub fn new(
        content: LinearModel,
        roles: LinearModel,
        medium: LinearModel,
        cues: CueTable,
    ) -> Self {
        let fast = [QuantisedModel::new(&content), QuantisedModel::new(&roles)];
        QuoteModels {
            content,
            roles,
            medium,
            cues,
            fast,
        }
    }

    /// Bytes of model weights held in memory (float models and their inference layout).
    pub fn memory_bytes(&self) -> usize {
        let f = |m: &LinearModel| (m.weights.len() + m.transitions.len()) * 4;
        f(&self.content)
            + f(&self.roles)
            + f(&self.medium)
            + self
                .fast
                .iter()
                .map(QuantisedModel::size_bytes)
                .sum::<usize>()
    }

    /// Loads the models embedded in the library.
    pub fn embedded() -> Result<Self> {
        Self::from_bytes(
            embedded::CONTENT,
            embedded::ROLES,
            embedded::MEDIUM,
            embedded::CUES,
        )
    }

    /// Loads the models a `quelle train` run wrote into `dir`.
    pub fn load_dir(dir: &std::path::Path) -> Result<Self> {
        let read = |name: &str| {
            let p = dir.join(name);
            std::fs::read(&p)
                .map_err(|e| crate::Error::from(e).with_source(p.display().to_string()))
        };
        let cues = read("quotes-cues.tsv")?;
        let cues = String::from_utf8(cues).map_err(|_| {
            crate::Error::new(crate::ErrorKind::Model("cue table is not UTF-8".into()))
        })?;
        Self::from_bytes(
            &read("quotes-content.qlqm")?,
            &read("quotes-roles.qlqm")?,
            &read("quotes-medium.qlqm")?,
            &cues,
        )
    }

    /// Loads models from `QLQM` bytes and the cue table, checking names and label counts.
    pub fn from_bytes(content: &[u8], roles: &[u8], medium: &[u8], cues: &str) -> Result<Self> {
        let c = ModelFile::from_bytes(content, features::CONTENT_FEATURES)?;
        let r = ModelFile::from_bytes(roles, features::ROLE_FEATURES)?;
        let m = ModelFile::from_bytes(medium, features::MEDIUM_FEATURES)?;
        let check = |f: &ModelFile, n: usize| {
            if f.model.labels == n {
                Ok(())
            } else {
                Err(crate::Error::new(crate::ErrorKind::Model(format!(
                    "{} has {} labels, expected {n}",
                    f.name, f.model.labels
                ))))
            }
        };
        check(&c, label_count(5))?;
        check(&r, label_count(ROLE_KINDS.len()))?;
        check(&m, Medium::ALL.len())?;
        Ok(QuoteModels::new(
            c.model,
            r.model,
            m.model,
            CueTable::from_tsv(cues)?,
        ))
    }

    /// The model files, for saving.
    pub fn to_files(&self) -> [ModelFile; 3] {
        [
            ModelFile {
                encoding: WeightEncoding::I16,
                name: features::CONTENT_FEATURES.into(),
                label_names: labels::content_label_names(),
                model: self.content.clone(),
            },
            ModelFile {
                encoding: WeightEncoding::I16,
                name: features::ROLE_FEATURES.into(),
                label_names: labels::role_label_names(),
                model: self.roles.clone(),
            },
            ModelFile {
                encoding: WeightEncoding::I16,
                name: features::MEDIUM_FEATURES.into(),
                label_names: medium::label_names(),
                model: self.medium.clone(),
            },
        ]
    }

    /// Finds the quotations of a segmented document.
    pub fn find(&self, doc: &Document) -> Vec<Quote> {
        self.find_sharing(doc, &mut Vec::new())
    }

    /// [`QuoteModels::find`], also appending every token's [`words::WordKey`]
    /// to `keys`, for the entity stage (which would otherwise hash and look
    /// up every word again).
    pub(crate) fn find_sharing(
        &self,
        doc: &Document,
        keys: &mut Vec<words::WordKey>,
    ) -> Vec<Quote> {
        let ctx = Context::with_keys(doc, &self.cues, keys);
        let mut content = self.tag_content(&ctx);
        reportative::drop_hypothetical_continuations(doc, &ctx, &mut content);
        infinitives::drop_ungoverned_infinitives(doc, &ctx, &mut content);
        adverbial::drop_adverbial_clauses(doc, &ctx, &mut content);
        assemble::complete_reporting_clauses(doc, &ctx, &mut content);
        complements::mark_complement_clauses(doc, &ctx, &mut content);
        as_clauses::mark_as_clauses(doc, &ctx, &mut content);
        according_to::mark_according_to(doc, &ctx, &mut content);
        infinitives::mark_infinitive_complements(doc, &ctx, &mut content);
        reportative::mark_reportative_sollen(doc, &ctx, &mut content);
        reportative::mark_subjunctive_continuations(doc, &ctx, &mut content, 2);
        let acts = speech_acts::mark_reported_speech_acts(doc, &ctx, &mut content);
        partial::mark_partial_quotes(doc, &ctx, &mut content);
        trailing::mark_trailing_so(doc, &ctx, &mut content);
        trailing::mark_trailing_verb(doc, &ctx, &mut content);
        anaphoric::mark_confirmed_reports(doc, &ctx, &mut content);
        let mut roles = self.tag_roles_for(doc, &ctx, &content);
        speech_acts::add_subjects(doc, &ctx, &acts, &mut roles);
        let mut drafts = assemble::assemble(doc, &ctx, &content, &roles);
        for d in &mut drafts {
            // A continuation has no reporting verb of its own: with a cue it is indirect speech.
            if d.kind == QuoteType::IndirectFreeIndirect && !d.cue.is_empty() {
                d.kind = QuoteType::Indirect;
            }
        }
        let mut feats = Vec::new();
        let mut media: Vec<Option<Medium>> = Vec::with_capacity(drafts.len());
        let mut last_cued: Option<Medium> = None;
        for d in &drafts {
            let m = match d.parent {
                // A nested quotation was said the way its surrounding one was.
                Some(p) => media[p],
                // A continuation without its own cue keeps the medium of the last cued quotation.
                None if d.cue.is_empty()
                    && d.kind == QuoteType::IndirectFreeIndirect
                    && last_cued.is_some() =>
                {
                    last_cued
                }
                None => medium::stated(doc, &ctx, d).or_else(|| {
                    medium::features(&ctx, d, &mut feats);
                    Some(Medium::ALL[self.medium.classify(&feats)])
                }),
            };
            if !d.cue.is_empty() {
                last_cued = m;
            }
            media.push(m);
        }
        let mut quotes: Vec<Quote> = drafts
            .iter()
            .zip(media)
            .map(|(d, m)| {
                let mut q = assemble::to_quote(doc, d);
                q.medium = m;
                q
            })
            .collect();
        quotes.sort_by_key(|q| {
            q.content
                .spans
                .first()
                .map(|s| (s.start, std::cmp::Reverse(s.end)))
        });
        quotes
    }

    /// Content labels per token. Sentences [`cascade::is_plain`] are `O`
    /// without running the tagger.
    pub fn tag_content(&self, ctx: &Context) -> Vec<usize> {
        self.tag_content_where(ctx, true)
    }

    /// Content labels per token, running the tagger on every sentence (what
    /// [`QuoteModels::tag_content`] skips, for checking the cascade).
    pub fn tag_content_all(&self, ctx: &Context) -> Vec<usize> {
        self.tag_content_where(ctx, false)
    }

    fn tag_content_where(&self, ctx: &Context, cascade: bool) -> Vec<usize> {
        let model = &self.fast[0];
        let l = model.labels();
        let decoder = viterbi::Constrained::new(model, |from, to| allowed(from, to, l));
        let featurizer = features::ContentFeaturizer::new(ctx);
        // Room for the longest sentence's rows (at most 50 features each): no growing.
        let longest = ctx.sentences.iter().map(|s| s.end - s.start).max();
        let mut table = features::FeatureTable::with_capacity(longest.unwrap_or(0), 50);
        let mut out = Vec::with_capacity(ctx.tokens.len());
        let mut shared = Vec::new();
        for (si, s) in ctx.sentences.iter().enumerate() {
            if cascade && cascade::is_plain(ctx, si) {
                out.resize(out.len() + s.end - s.start, 0);
                continue;
            }
            table.clear();
            featurizer.sentence_shared(si, &mut shared, &mut table);
            let ok = |pos: usize, to: usize| content_label_ok(ctx, s.start + pos, to);
            decoder.decode_shared_into(&shared, &table.rows(), ok, &mut out);
        }
        out
    }

    /// Role labels per token, given content labels, on the sentences holding
    /// content or next to one ([`features::role_sentences`]).
    pub fn tag_roles(&self, ctx: &Context, content: &[usize]) -> Vec<usize> {
        let types = content_types(content);
        let active = features::role_sentences(ctx, &types);
        self.tag_roles_where(ctx, &types, &active)
    }

    /// [`QuoteModels::tag_roles`] with the labels [`assemble`] reads: of the
    /// sentences next to content, only those it may take roles from
    /// ([`assemble::role_regions`]); sentences are decoded one by one, so the
    /// labels there are the same and the quotations too.
    fn tag_roles_for(&self, doc: &Document, ctx: &Context, content: &[usize]) -> Vec<usize> {
        let types = content_types(content);
        let mut active = features::role_sentences(ctx, &types);
        for (a, n) in active
            .iter_mut()
            .zip(assemble::role_regions(doc, ctx, &types))
        {
            *a &= n;
        }
        self.tag_roles_where(ctx, &types, &active)
    }

    fn tag_roles_where(&self, ctx: &Context, types: &[u8], active: &[bool]) -> Vec<usize> {
        let table = features::role_features(ctx, types, active);
        decode_sentences(&self.fast[1], ctx, &table.rows(), active)
    }
}

/// Decodes each sentence on its own (sentences are the taggers' sequences);
/// sentences not `active` are all `O` without decoding.
fn decode_sentences<M: SequenceModel>(
    model: &M,
    ctx: &Context,
    rows: &[&[u64]],
    active: &[bool],
) -> Vec<usize> {
    let l = model.labels();
    // The BIO rule is the same at every position: folded into the decoder once.
    let decoder = viterbi::Constrained::new(model, |from, to| allowed(from, to, l));
    let mut out = Vec::with_capacity(rows.len());
    for (si, s) in ctx.sentences.iter().enumerate() {
        let rows = &rows[s.start..s.end];
        if active[si] {
            decoder.decode_into(rows, &mut out);
        } else {
            out.resize(out.len() + rows.len(), 0);
        }
    }
    out
}

/// The content tagger's per-token rule: direct speech only inside quotation marks
/// (the BIO rule is folded into the decoder).
fn content_label_ok(ctx: &Context, token: usize, to: usize) -> bool {
    const DIRECT: usize = 0;
    !(labels::kind_of(to) == Some(DIRECT) && ctx.tokens[token].depth == 0)
}

/// Maps content labels to `0` (outside) or `1 + type index`.
pub fn content_types(content: &[usize]) -> Vec<u8> {
    content
        .iter()
        .map(|&l| labels::kind_of(l).map_or(0, |k| k as u8 + 1))
        .collect()
}
