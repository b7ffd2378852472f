//! The pipeline: built once, immutable, shared by every front end.

use crate::document::Document;
use crate::error::Result;
use crate::segment::Segmenter;
use crate::structure;

/// Configures and builds a [`Pipeline`].
#[derive(Debug, Clone, Default)]
pub struct PipelineBuilder {
    _private: (),
}

impl PipelineBuilder {
    /// Builds the pipeline with the embedded models and lexicons.
    pub fn build(&self) -> Result<Pipeline> {
        Ok(Pipeline {
            segmenter: Segmenter::new(),
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
