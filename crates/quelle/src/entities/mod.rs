//! Entities: the persons, organisations, media, governments, countries,
//! places and groups of a document, with all their mentions; and, through
//! [`crate::sources`], each quotation's speaker resolved to one of them.
//!
//! Names are found by a small proper-noun classifier ([`propn`]) and a
//! gazetteer of known entities ([`gazetteer`]); mentions are grouped by rules
//! that follow how news German refers back to people: the surname
//! (`Putin`, `Putins`), a title with nationality (`der russische Präsident`
//! after `der russische Staatschef Wladimir Putin`), a pronoun in speaker
//! position.

pub mod gazetteer;
pub mod propn;
pub(crate) mod resolve;

use crate::document::Document;
use crate::error::Result;
use crate::quotes::words::WordKey;
use propn::PropnModel;

/// The entity stage: built once, shared.
#[derive(Debug, Clone)]
pub struct EntityModel {
    propn: PropnModel,
}

impl EntityModel {
    /// The embedded model and lexicons.
    pub fn embedded() -> Result<Self> {
        Ok(EntityModel {
            propn: PropnModel::embedded()?,
        })
    }

    /// Finds the entities of `doc`, resolves each quotation's speaker and fills
    /// its sourcing (source kind, channels, status).
    pub fn annotate(&self, doc: &mut Document) {
        self.annotate_with(doc, None);
    }

    /// [`EntityModel::annotate`], given each token's word key from the
    /// quotation stage (one per token of `doc`), if there are any.
    pub(crate) fn annotate_with(&self, doc: &mut Document, keys: Option<&[WordKey]>) {
        let mut ix = resolve::find(&self.propn, doc, keys);
        crate::sources::annotate(doc, &mut ix);
        let (entities, map) = resolve::finish(&ix);
        let remap = |e: &mut Option<usize>| {
            *e = e.and_then(|k| map.get(k).copied().filter(|&n| n != usize::MAX));
        };
        for q in &mut doc.quotes {
            remap(&mut q.sourcing.speaker_entity);
            for v in &mut q.sourcing.via {
                remap(&mut v.entity);
            }
        }
        doc.entities = entities;
    }
}
