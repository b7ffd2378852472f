//! The pipeline: built once, immutable, shared by every front end.

use crate::document::Document;
use crate::entities::EntityModel;
use crate::error::Result;
use crate::quotes::QuoteModels;
use crate::segment::Segmenter;
use crate::structure;
use std::sync::Arc;

/// Configures and builds a [`Pipeline`].
#[derive(Debug, Clone)]
pub struct PipelineBuilder {
    quotes: bool,
    entities: bool,
    models: Option<Arc<QuoteModels>>,
}

impl Default for PipelineBuilder {
    fn default() -> Self {
        PipelineBuilder {
            quotes: true,
            entities: true,
            models: None,
        }
    }
}

impl PipelineBuilder {
    /// Whether to find quotations (default: yes). Without, the pipeline only
    /// structures and segments, which is what training needs.
    pub fn quotes(&mut self, yes: bool) -> &mut Self {
        self.quotes = yes;
        self
    }

    /// Whether to find entities and resolve sources (default: yes): speakers
    /// tied to entities, channels, source kinds and the status of each claim.
    pub fn entities(&mut self, yes: bool) -> &mut Self {
        self.entities = yes;
        self
    }

    /// Uses these quotation models instead of the embedded ones.
    pub fn quote_models(&mut self, models: QuoteModels) -> &mut Self {
        self.models = Some(Arc::new(models));
        self
    }

    /// Builds the pipeline, loading the embedded models unless others were given.
    pub fn build(&self) -> Result<Pipeline> {
        let models = match (&self.models, self.quotes) {
            (_, false) => None,
            (Some(m), true) => Some(Arc::clone(m)),
            (None, true) => Some(Arc::new(QuoteModels::embedded()?)),
        };
        let entities = if self.entities {
            Some(Arc::new(EntityModel::embedded()?))
        } else {
            None
        };
        Ok(Pipeline {
            segmenter: Segmenter::new(),
            models,
            entities,
        })
    }
}

/// The analysis pipeline. `Send + Sync`: build once, share across threads.
///
/// ```
/// let p = quelle::Pipeline::builder().build().unwrap();
/// let doc = p.analyze("Berlin (dpa) - Die Regierung tagte. Sie beschloss nichts.");
/// assert_eq!(doc.sentences.len(), 3);
/// ```
#[derive(Debug, Clone)]
pub struct Pipeline {
    segmenter: Segmenter,
    models: Option<Arc<QuoteModels>>,
    entities: Option<Arc<EntityModel>>,
}

impl Pipeline {
    /// Starts configuring a pipeline.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// Analyses one text.
    pub fn analyze(&self, text: impl Into<String>) -> Document {
        let mut doc = Document::new(text.into());
        doc.blocks = structure::blocks(doc.text());
        let mut tokens = Vec::new();
        let mut sentences = Vec::new();
        for b in &doc.blocks {
            self.segmenter
                .segment_block(doc.text(), b.span, &mut tokens, &mut sentences);
        }
        doc.tokens = tokens;
        doc.sentences = sentences;
        // The quotation stage's per-token word facts, reused by the entity stage.
        let mut keys = Vec::new();
        if let Some(m) = &self.models {
            doc.quotes = m.find_sharing(&doc, &mut keys);
        }
        if let Some(e) = &self.entities {
            let keys = (keys.len() == doc.tokens.len()).then_some(&keys[..]);
            e.annotate_with(&mut doc, keys);
        }
        doc
    }

    /// Decodes UTF-8 bytes (see [`crate::input::decode`]) and analyses them.
    pub fn analyze_bytes(&self, bytes: &[u8]) -> Result<Document> {
        Ok(self.analyze(crate::input::decode(bytes)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipeline_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Pipeline>();
    }
}
