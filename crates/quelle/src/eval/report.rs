//! The evaluation report: serialisable figures and an aligned text rendering.

use super::gnqa::type_name;
use super::metrics::{Micro, Prf};
use crate::document::QuoteType;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Everything `quelle eval` reports. `Display` renders aligned tables; `Serialize`
/// gives the machine-readable form (`quelle eval --json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Documents and quotations seen.
    pub counts: ReportCounts,
    /// The quote (content) role: the dataset's "Messages".
    pub messages: Prf,
    /// Cue, frame, speaker and addressee tokens pooled per pair.
    pub roles: Prf,
    /// All five roles pooled per pair.
    pub joint: Prf,
    /// Each role alone.
    pub per_role: PerRole,
    /// Quotation form (`type`), micro over paired quotations.
    pub form: Attribute,
    /// Quotation medium, micro over paired quotations (`none` equals `none`).
    pub medium: Attribute,
    /// One row per gold type, in [`QuoteType::ALL`] order.
    pub by_type: Vec<TypeRow>,
    /// Gold type × system type of every pair and unpaired quotation.
    pub confusion: Confusion,
    /// Tokenisation and sentence splitting against the gold.
    pub segmentation: Segmentation,
    /// How often a speaker with a proper name is resolved to the right entity.
    #[serde(default)]
    pub speaker_resolution: Resolution,
}

/// Speaker resolution: over paired quotations whose gold speaker contains a
/// proper name (a capitalised word the proper-noun classifier or the
/// gazetteer takes for a name), the share whose system speaker resolves to an
/// entity whose name contains one of those names (genitive `s` ignored).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Resolution {
    /// Paired quotations whose gold speaker contains a proper name.
    pub eligible: usize,
    /// Of those, resolved to an entity with that name.
    pub resolved: usize,
    /// `resolved / eligible` (0 when nothing is eligible).
    pub share: f64,
}

/// Counts of the evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportCounts {
    /// Articles scored.
    pub documents: usize,
    /// Gold quotations.
    pub gold_quotes: usize,
    /// System quotations.
    pub system_quotes: usize,
    /// System–gold pairs made by the assignment.
    pub pairs: usize,
}

/// Scores of each role alone.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PerRole {
    /// What was said.
    pub quote: Prf,
    /// The signalling word(s).
    pub cue: Prf,
    /// The reporting clause.
    pub frame: Prf,
    /// Who said it.
    pub speaker: Prf,
    /// To whom.
    pub addressee: Prf,
}

/// Agreement on a quotation attribute (form or medium).
///
/// `micro.tp` is the number of pairs with equal values; precision divides it by
/// all system quotations, recall by all gold quotations.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Attribute {
    /// Micro precision, recall and F1.
    #[serde(flatten)]
    pub micro: Micro,
    /// Number of pairs.
    pub pairs: usize,
    /// Equal values over pairs.
    pub accuracy: f64,
}

/// The figures for one gold quotation type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TypeRow {
    /// The type.
    #[serde(rename = "type")]
    pub kind: QuoteType,
    /// Gold quotations of this type.
    pub gold: usize,
    /// System quotations of this type.
    pub system: usize,
    /// Gold quotations of this type that were paired.
    pub paired: usize,
    /// `paired / gold`; `None` without gold quotations of this type.
    pub recall: Option<f64>,
    /// Messages score over the pairs (and unpaired gold quotations) of this gold
    /// type; unpaired system quotations have no gold type and do not count.
    /// `None` without gold quotations of this type.
    pub message: Option<Prf>,
}

/// A confusion table: rows are gold types, columns system types.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Confusion {
    /// Row and column labels: the five types, then [`Confusion::UNPAIRED`].
    pub labels: Vec<String>,
    /// `counts[gold][system]`; the last row holds unpaired system quotations,
    /// the last column unpaired gold quotations.
    pub counts: Vec<Vec<usize>>,
}

impl Confusion {
    /// The label of the row/column for quotations without a partner.
    pub const UNPAIRED: &'static str = "unpaired";
}

/// Segmentation figures.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Segmentation {
    /// Token character spans equal to a gold token's.
    pub tokens: Micro,
    /// Sentence ends (end of the last token of a sentence) equal to a gold one.
    pub sentence_ends: Micro,
}

/// Short labels so the confusion table fits a terminal.
fn short(t: QuoteType) -> &'static str {
    match t {
        QuoteType::Direct => "Direct",
        QuoteType::Indirect => "Indirect",
        QuoteType::Reported => "Reported",
        QuoteType::FreeIndirect => "FreeInd",
        QuoteType::IndirectFreeIndirect => "IndFreeInd",
    }
}

/// Writes rows as a table: first column left-aligned, the others right-aligned.
fn table(f: &mut fmt::Formatter<'_>, rows: &[Vec<String>]) -> fmt::Result {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let width: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for r in rows {
        let mut line = String::new();
        for (c, cell) in r.iter().enumerate() {
            if c == 0 {
                line.push_str(&format!("{cell:<w$}", w = width[0]));
            } else {
                line.push_str(&format!("  {cell:>w$}", w = width[c]));
            }
        }
        writeln!(f, "{}", line.trim_end())?;
    }
    Ok(())
}

fn num(x: f64) -> String {
    format!("{x:.3}")
}

fn cells(items: &[&dyn ToString]) -> Vec<String> {
    items.iter().map(|i| i.to_string()).collect()
}

fn prf_row(label: &str, p: &Prf) -> Vec<String> {
    cells(&[
        &label,
        &num(p.precision),
        &num(p.recall),
        &num(p.f1),
        &p.precision_pairs,
        &p.recall_pairs,
    ])
}

fn micro_row(label: &str, m: &Micro) -> Vec<String> {
    cells(&[
        &label,
        &num(m.precision),
        &num(m.recall),
        &num(m.f1),
        &m.tp,
        &m.system,
        &m.gold,
    ])
}

/// What the figures mean, printed under the text report.
pub const NOTES: &str = "\
Notes: tokens are the gold tokens; a token belongs to a role if its span overlaps the role.
Quotations are paired per article by an optimal assignment maximising the summed quote-token F1
(equal type, then equal medium, then agreement of the other roles break ties); pairs sharing
no quote token are not pairs.
P averages per-pair precision over pairs whose system side of the role is non-empty, R per-pair
recall over pairs whose gold side is non-empty: an unpaired system quotation adds P=0, an unpaired
gold quotation R=0, a pair with both sides empty nothing. F1 = harmonic mean of the averages.
An average over nothing is 0, or 1 when P and R are both undefined (nothing to find, none found).
Roles = cue+frame+speaker+addressee tokens pooled per pair; Joint = all five pooled.
Form/Medium: equal = pairs with equal value; P = equal/system quotations, R = equal/gold
quotations, accuracy = equal/pairs. Sentence end = end of a sentence's last token.";

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = &self.counts;
        writeln!(
            f,
            "gnqa evaluation: {} documents, {} gold quotations, {} system quotations, {} pairs\n",
            c.documents, c.gold_quotes, c.system_quotes, c.pairs
        )?;

        let r = &self.per_role;
        table(
            f,
            &[
                cells(&[
                    &"Token level (macro)",
                    &"P",
                    &"R",
                    &"F1",
                    &"P-pairs",
                    &"R-pairs",
                ]),
                prf_row("Messages", &self.messages),
                prf_row("Roles", &self.roles),
                prf_row("Joint", &self.joint),
                prf_row("  quote", &r.quote),
                prf_row("  cue", &r.cue),
                prf_row("  frame", &r.frame),
                prf_row("  speaker", &r.speaker),
                prf_row("  addressee", &r.addressee),
            ],
        )?;
        writeln!(f)?;

        let attr = |label: &str, a: &Attribute| {
            let mut row = micro_row(label, &a.micro);
            row.truncate(4);
            row.extend([num(a.accuracy), a.micro.tp.to_string(), a.pairs.to_string()]);
            row
        };
        table(
            f,
            &[
                cells(&[
                    &"Attributes (micro)",
                    &"P",
                    &"R",
                    &"F1",
                    &"accuracy",
                    &"equal",
                    &"pairs",
                ]),
                attr("Form (type)", &self.form),
                attr("Medium", &self.medium),
            ],
        )?;
        writeln!(f)?;
        let r = &self.speaker_resolution;
        writeln!(
            f,
            "Speaker resolution: {} of {} pairs whose gold speaker has a proper name resolve to an entity of that name ({})",
            r.resolved,
            r.eligible,
            num(r.share)
        )?;
        writeln!(f)?;

        let s = &self.segmentation;
        table(
            f,
            &[
                cells(&[
                    &"Segmentation",
                    &"P",
                    &"R",
                    &"F1",
                    &"equal",
                    &"system",
                    &"gold",
                ]),
                micro_row("Token spans", &s.tokens),
                micro_row("Sentence ends", &s.sentence_ends),
            ],
        )?;
        writeln!(f)?;

        let dash = || "-".to_owned();
        let mut rows = vec![cells(&[
            &"By gold type",
            &"gold",
            &"system",
            &"paired",
            &"recall",
            &"msg P",
            &"msg R",
            &"msg F1",
        ])];
        for t in &self.by_type {
            let mut row = cells(&[&type_name(t.kind), &t.gold, &t.system, &t.paired]);
            row.push(t.recall.map_or_else(dash, num));
            match &t.message {
                Some(m) => row.extend([num(m.precision), num(m.recall), num(m.f1)]),
                None => row.extend([dash(), dash(), dash()]),
            }
            rows.push(row);
        }
        table(f, &rows)?;
        writeln!(f)?;

        let label = |i: usize| {
            QuoteType::ALL
                .get(i)
                .map_or(Confusion::UNPAIRED, |&t| short(t))
                .to_owned()
        };
        let n = self.confusion.counts.len();
        let mut rows = vec![std::iter::once("gold \\ system".to_owned())
            .chain((0..n).map(label))
            .collect::<Vec<_>>()];
        for (i, counts) in self.confusion.counts.iter().enumerate() {
            rows.push(
                std::iter::once(label(i))
                    .chain(counts.iter().map(usize::to_string))
                    .collect(),
            );
        }
        table(f, &rows)?;
        writeln!(f)?;
        writeln!(f, "{NOTES}")
    }
}
