//! Sourcing of each quotation: the speaker's entity, the kind of source, the
//! channels through which the statement reached the article (`via`) and how
//! the article presents the claim (`status`).
//!
//! Rules over the quotation's roles and sentence; German grammar is decisive
//! here (`laut X`, `X zufolge`, `nach Angaben X`, reportative `soll`, denial
//! verbs), so no model is needed.

mod status;
mod via;

use crate::document::{Document, EntityKind, QuoteType, Role, SourceKind, Via};
use crate::entities::gazetteer::{self, Gazetteer, NounSource};
use crate::entities::resolve::{self, Index};
use crate::span::Span;

/// Lower-cased words of the tokens the rules look at: the sentences of the
/// quotations and the one after each (others stay empty, saving the work).
/// Most words are lower-case already and are read from the text; the others
/// are lower-cased into one buffer (a string per token cost an allocation each).
pub(crate) struct Words<'a> {
    text: &'a str,
    buf: String,
    /// Per token, its word's byte range: in `text`, or in `buf` where the
    /// start has [`IN_BUF`] set.
    ranges: Vec<(usize, usize)>,
    /// Per token, what [`status`] asks of the word ([`status::marks`]): the
    /// sentences of a quotation are scanned for each of its quotations.
    marks: Vec<u32>,
    /// Per sentence, the marks of its words together: most sentences need
    /// no scan for a rare word.
    sentence_marks: Vec<u32>,
}

/// Marks a range in [`Words::buf`] (no text comes near that length).
const IN_BUF: usize = 1 << (usize::BITS - 1);

impl<'a> Words<'a> {
    /// The lower-cased word of token `t` (empty where not computed).
    pub fn lower(&self, t: usize) -> &str {
        let (a, b) = self.ranges[t];
        if a & IN_BUF != 0 {
            &self.buf[a & !IN_BUF..b]
        } else {
            &self.text[a..b]
        }
    }

    /// [`Words::lower`], or `None` past the last token.
    pub fn get(&self, t: usize) -> Option<&str> {
        (t < self.ranges.len()).then(|| self.lower(t))
    }

    /// The [`status::marks`] of sentence `s`'s words together (none where not computed).
    pub fn sentence_marks(&self, s: usize) -> u32 {
        self.sentence_marks[s]
    }

    /// The [`status::marks`] of token `t` (none where not computed or past the end).
    pub fn marks(&self, t: usize) -> u32 {
        self.marks.get(t).copied().unwrap_or(0)
    }

    fn new(doc: &'a Document) -> Self {
        let mut ranges = vec![(0, 0); doc.tokens.len()];
        let mut marks = vec![0; doc.tokens.len()];
        let mut sentence_marks = vec![0; doc.sentences.len()];
        let mut buf = String::new();
        let mut wanted = vec![false; doc.sentences.len()];
        for q in &doc.quotes {
            let spans = q
                .content
                .spans
                .iter()
                .chain(q.frame.iter().flat_map(|f| &f.spans));
            for s in spans {
                let a = doc.sentences.partition_point(|x| x.span.end <= s.start);
                let b = doc.sentences.partition_point(|x| x.span.start < s.end);
                for w in wanted.iter_mut().take(b + 1).skip(a) {
                    *w = true;
                }
            }
        }
        for (s, _) in wanted.iter().enumerate().filter(|(_, &w)| w) {
            for t in doc.sentences[s].tokens.clone() {
                let span = doc.tokens[t].span;
                let w = doc.slice(span);
                let lw = if crate::lexicon::is_lower(w) {
                    ranges[t] = (span.start, span.end);
                    w
                } else {
                    let a = buf.len();
                    if w.is_ascii() {
                        buf.push_str(w);
                        buf[a..].make_ascii_lowercase();
                    } else {
                        buf.push_str(&w.to_lowercase());
                    }
                    ranges[t] = (a | IN_BUF, buf.len());
                    &buf[a..]
                };
                marks[t] = status::marks(lw);
                sentence_marks[s] |= marks[t];
            }
        }
        Words {
            text: doc.text(),
            buf,
            ranges,
            marks,
            sentence_marks,
        }
    }
}

fn covering(role: &Role) -> Option<Span> {
    let first = role.spans.first()?;
    let last = role.spans.last()?;
    Some(Span::new(first.start, last.end))
}

/// Fills [`crate::document::Quote::sourcing`] of every quotation and adds the
/// entities speakers and channels need.
pub(crate) fn annotate(doc: &mut Document, ix: &mut Index) {
    // Each quotation's sourcing depends on the quotations and the entities,
    // never on another's sourcing: all are found first, while `words` borrows
    // the text, and then written.
    let words = Words::new(doc);
    let found: Vec<_> = (0..doc.quotes.len())
        .map(|q| {
            let quote = &doc.quotes[q];
            let speaker_span = quote.speaker.as_ref().and_then(covering);
            let speaker = speaker_span.and_then(|s| resolve::speaker_entity(ix, doc, s));
            let via = via::find(doc, &words, ix, q, speaker_span, speaker);
            let (status, status_cue) = status::find(doc, &words, q);
            let kind = source_kind(doc, ix, q, speaker);
            (speaker, via, status, status_cue, kind)
        })
        .collect();
    for (quote, (speaker, via, status, status_cue, kind)) in doc.quotes.iter_mut().zip(found) {
        let s = &mut quote.sourcing;
        s.speaker_entity = speaker;
        s.via = via;
        s.status = status;
        s.status_cue = status_cue;
        s.source_kind = kind;
    }
    inherit(doc);
    refer_back(doc);
}

/// Whether a speaker's words are statements named only by a definite or
/// possessive `Angaben` (`den Angaben nach`, `seinen Angaben zufolge`): the
/// statements just cited, not a source of their own.
pub fn refers_back(speaker: &str) -> bool {
    let mut words = speaker.split_whitespace().map(str::to_lowercase);
    match (words.next(), words.next(), words.next()) {
        (Some(n), None, None) => n == "angaben",
        (Some(d), Some(n), None) => {
            n == "angaben"
                && matches!(
                    d.as_str(),
                    "den" | "diesen" | "dessen" | "deren" | "seinen" | "ihren"
                )
        }
        _ => false,
    }
}

/// How many sentences back `den Angaben nach` looks for the statements it means.
const REFER_BACK_SENTENCES: usize = 2;

/// `den Angaben nach`, `seinen Angaben zufolge`: statements named only by a
/// definite or possessive `Angaben` are those just cited, so the quotation
/// takes the channels of the nearest earlier quotation that has some (within
/// two sentences). Its speaker stays open: the text does not say whose.
fn refer_back(doc: &mut Document) {
    let sentence_of =
        |doc: &Document, at: usize| doc.sentences.partition_point(|s| s.span.end <= at);
    for q in 0..doc.quotes.len() {
        let quote = &doc.quotes[q];
        if quote.sourcing.speaker_entity.is_some() || !quote.sourcing.via.is_empty() {
            continue;
        }
        let Some(sp) = quote.speaker.as_ref().and_then(covering) else {
            continue;
        };
        if !refers_back(doc.slice(sp)) {
            continue;
        }
        let Some(here) = covering(&quote.content).map(|c| sentence_of(doc, c.start)) else {
            continue;
        };
        let from = (0..q).rev().find(|&o| {
            let o = &doc.quotes[o];
            !o.sourcing.via.is_empty()
                && covering(&o.content).is_some_and(|c| {
                    here.saturating_sub(sentence_of(doc, c.start)) <= REFER_BACK_SENTENCES
                })
        });
        if let Some(o) = from {
            doc.quotes[q].sourcing.via = doc.quotes[o].sourcing.via.clone();
        }
    }
}

/// Quotations without a frame of their own (a continuation in the subjunctive,
/// a partial quote inside another) take the channels of the quotation they
/// continue or sit in, and a nested one its status too.
fn inherit(doc: &mut Document) {
    for q in 0..doc.quotes.len() {
        if doc.quotes[q].frame.is_some() || !doc.quotes[q].sourcing.via.is_empty() {
            continue;
        }
        let content = covering(&doc.quotes[q].content);
        let me = doc.quotes[q].sourcing.speaker_entity;
        let container = (0..doc.quotes.len()).find(|&o| {
            o != q
                && matches!((covering(&doc.quotes[o].content), content),
                    (Some(a), Some(b)) if a.start <= b.start && b.end <= a.end && a != b)
        });
        let continued = || {
            (0..q).rev().find(|&o| {
                me.is_some()
                    && doc.quotes[o].sourcing.speaker_entity == me
                    && doc.quotes[o].kind != QuoteType::IndirectFreeIndirect
            })
        };
        let Some(from) = container.or_else(continued) else {
            continue;
        };
        let src = doc.quotes[from].sourcing.clone();
        let dst = &mut doc.quotes[q].sourcing;
        dst.via = src.via;
        if container.is_some() {
            if dst.speaker_entity.is_none() {
                dst.speaker_entity = src.speaker_entity;
                dst.source_kind = src.source_kind;
            }
            if dst.status == Default::default() {
                dst.status = src.status;
                dst.status_cue = src.status_cue;
            }
        }
    }
}

/// The kind of source, from the speaker's entity or, without one, its words.
fn source_kind(doc: &Document, ix: &Index, q: usize, speaker: Option<usize>) -> SourceKind {
    let quote = &doc.quotes[q];
    let speaker_text = quote
        .speaker
        .as_ref()
        .and_then(covering)
        .map(|s| doc.slice(s).to_lowercase());
    if let Some(e) = speaker {
        let ent = &ix.ents[e];
        return match ent.kind {
            EntityKind::Person => {
                let spokesperson = ent.roles.iter().any(|r| {
                    gazetteer::is_spokesperson(&r.split(' ').next().unwrap_or("").to_lowercase())
                });
                if spokesperson {
                    SourceKind::Official
                } else {
                    SourceKind::NamedPerson
                }
            }
            EntityKind::Organization => SourceKind::NamedOrganization,
            EntityKind::Government | EntityKind::Country => SourceKind::Official,
            EntityKind::Media => {
                let state = ent
                    .known
                    .is_some_and(|g| Gazetteer::get().entries[g].state_media)
                    || speaker_text
                        .as_deref()
                        .is_some_and(|t| t.contains("staatlich") || t.contains("staats"));
                if state {
                    SourceKind::StateMedia
                } else {
                    SourceKind::OtherMedia
                }
            }
            // `Beide Länder` resolved to `Russland und Nordkorea`: named states speak.
            EntityKind::Group if is_named_states(ix, &ent.name) => SourceKind::Official,
            EntityKind::Group => SourceKind::UnnamedGroup,
            EntityKind::Anonymous => SourceKind::Anonymous,
            EntityKind::Place => SourceKind::Unknown,
        };
    }
    let Some(text) = speaker_text else {
        return SourceKind::Unknown;
    };
    let head = text
        .split(',')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .last()
        .unwrap_or("");
    // A spokesperson, or an office without a name (`Der Bürgermeister`, `der Minister`).
    if gazetteer::is_spokesperson(head) || gazetteer::is_office(head) {
        return SourceKind::Official;
    }
    match gazetteer::noun_source(head) {
        Some(NounSource::Document) if head != "angaben" => SourceKind::Document,
        _ => SourceKind::Unknown,
    }
}

/// Whether a group's name joins names of country or government entities of the
/// document (`Russland und Nordkorea`).
fn is_named_states(ix: &Index, name: &str) -> bool {
    name.contains(" und ")
        && name.split(" und ").all(|p| {
            ix.ents.iter().any(|e| {
                e.name == p && matches!(e.kind, EntityKind::Country | EntityKind::Government)
            })
        })
}

/// A channel phrase over tokens `a..b`, with the entity named in it, if any.
pub(crate) fn make_via(doc: &Document, ix: &Index, a: usize, b: usize) -> Via {
    let span = Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end);
    let entity = (a..b).filter_map(|t| ix.by_token[t]).find(|&e| {
        matches!(
            ix.ents[e].kind,
            EntityKind::Media | EntityKind::Organization | EntityKind::Government
        )
    });
    Via {
        role: Role::single(span),
        entity,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_bare_or_determined_angaben_refer_back() {
        for s in ["Angaben", "den Angaben", "seinen\nAngaben", "Deren Angaben"] {
            assert!(refers_back(s), "{s}");
        }
        for s in [
            "nordkoreanischen Angaben",
            "den ersten Angaben",
            "Angaben der Polizei",
            "Putin",
            "",
        ] {
            assert!(!refers_back(s), "{s}");
        }
    }

    #[test]
    fn statements_that_refer_back_are_named_by_their_channel() {
        let p = crate::Pipeline::builder().build().unwrap();
        let doc = p.analyze(
            "„Wir sind bereit“, sagte Putin laut russischen Nachrichtenagenturen. \
             Zudem lud der russische Präsident den Angaben nach Kim zu einem Besuch nach Moskau ein.",
        );
        let json = crate::schema::AnalysisJson::from_document(&doc);
        let profile = crate::report::profile::build(&json);
        let names: Vec<_> = profile
            .speakers
            .iter()
            .filter_map(|s| s.name.clone())
            .collect();
        assert!(
            names
                .iter()
                .any(|n| n == "Angaben laut russischen Nachrichtenagenturen"),
            "{names:?}"
        );
    }
}
