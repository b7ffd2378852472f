//! From a [`RawDoc`] to text and metadata: UTF-8 decoding, JSONL fields, HTML extraction.
//!
//! Runs on the worker threads (parsing JSON and HTML costs as much as a fast
//! pipeline run). Every problem becomes a [`Failure`] naming the source and position.

use crate::error::{Failure, FailureKind, Position};
use crate::html;
use crate::read::{Payload, RawDoc};
use crate::record::{host, DocHeader, Origin};
use serde_json::{Map, Value};

/// How to read JSONL lines, and the document size limit.
#[derive(Debug, Clone)]
pub struct PrepareOptions {
    /// The field holding the article text.
    pub text_field: String,
    /// The field holding the document id (string or number); absent → `path:line`.
    pub id_field: String,
    /// The largest text accepted, in bytes.
    pub max_doc_bytes: usize,
}

impl Default for PrepareOptions {
    fn default() -> Self {
        PrepareOptions {
            text_field: "text".into(),
            id_field: "id".into(),
            max_doc_bytes: 16 << 20,
        }
    }
}

/// A document ready for the pipeline.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// Id and metadata.
    pub header: DocHeader,
    /// The text to analyse.
    pub text: String,
}

/// Header fields that a JSONL line may carry at the top level.
const LIFTED: [&str; 5] = ["url", "title", "author", "published", "outlet"];

fn origin(source: &str, position: &Position) -> Origin {
    let mut o = Origin {
        path: source.to_owned(),
        ..Origin::default()
    };
    match *position {
        Position::File => {}
        Position::Line(l) => o.line = Some(l),
        Position::Record { index, offset } => {
            o.record = Some(index);
            o.offset = Some(offset);
        }
    }
    o
}

fn default_id(source: &str, position: &Position) -> String {
    match position {
        Position::File => source.to_owned(),
        Position::Line(l) => format!("{source}:{l}"),
        Position::Record { index, .. } => format!("{source}#{index}"),
    }
}

/// Decodes, parses or extracts one document.
pub fn prepare(raw: RawDoc, opts: &PrepareOptions) -> Result<Prepared, Failure> {
    let RawDoc {
        source,
        position,
        payload,
    } = raw;
    let fail = |kind, reason: String| Failure::new(&*source, position.clone(), kind, reason);
    let mut header = DocHeader {
        id: default_id(&source, &position),
        origin: origin(&source, &position),
        ..DocHeader::default()
    };
    let decode = |bytes: &[u8]| {
        quelle::input::decode(bytes).map_err(|e| fail(FailureKind::Encoding, e.to_string()))
    };
    let text = match payload {
        Payload::Text(bytes) => decode(&bytes)?,
        Payload::Html {
            bytes,
            url,
            charset,
        } => {
            if let Some(cs) = charset.or_else(|| html::declared_charset(&bytes)) {
                if !html::is_utf8(&cs) {
                    return Err(fail(
                        FailureKind::Encoding,
                        format!("the page declares charset {cs}; quelle reads UTF-8 only"),
                    ));
                }
            }
            let page = decode(&bytes)?;
            let article = html::extract(&page, url.as_deref())
                .map_err(|reason| fail(FailureKind::Html, reason))?;
            if let Some(u) = &url {
                header.id = u.clone();
            }
            header.outlet = article
                .site
                .or_else(|| article.url.as_deref().and_then(host).map(str::to_owned));
            header.url = article.url;
            header.title = article.title;
            header.author = article.author;
            header.published = article.published;
            article.text
        }
        Payload::JsonLine(bytes) => {
            // Check UTF-8 first: serde_json's message would not name the byte offset.
            let line = decode(&bytes)?;
            let mut obj: Map<String, Value> = match serde_json::from_str(&line) {
                Ok(Value::Object(o)) => o,
                Ok(_) => return Err(fail(FailureKind::Json, "not a JSON object".into())),
                Err(e) => return Err(fail(FailureKind::Json, format!("invalid JSON: {e}"))),
            };
            match obj.remove(&opts.id_field) {
                Some(Value::String(s)) => header.id = s,
                Some(Value::Number(n)) => header.id = n.to_string(),
                Some(other) => {
                    obj.insert(opts.id_field.clone(), other);
                }
                None => {}
            }
            let text = match obj.remove(&opts.text_field) {
                Some(Value::String(s)) => s,
                Some(_) => {
                    return Err(Failure {
                        id: Some(header.id),
                        ..fail(
                            FailureKind::Json,
                            format!("field {:?} is not a string", opts.text_field),
                        )
                    })
                }
                None => {
                    return Err(Failure {
                        id: Some(header.id),
                        ..fail(FailureKind::Json, format!("no field {:?}", opts.text_field))
                    })
                }
            };
            for key in LIFTED {
                if !matches!(obj.get(key), Some(Value::String(_))) {
                    continue;
                }
                if let Some(Value::String(v)) = obj.remove(key) {
                    let slot = match key {
                        "url" => &mut header.url,
                        "title" => &mut header.title,
                        "author" => &mut header.author,
                        "published" => &mut header.published,
                        _ => &mut header.outlet,
                    };
                    *slot = Some(v);
                }
            }
            header.fields = obj;
            text
        }
    };
    let with_id = |f: Failure| Failure {
        id: Some(header.id.clone()),
        ..f
    };
    if text.len() > opts.max_doc_bytes {
        return Err(with_id(fail(
            FailureKind::TooLong,
            format!(
                "text of {} bytes exceeds the document limit of {} bytes",
                text.len(),
                opts.max_doc_bytes
            ),
        )));
    }
    if text.trim().is_empty() {
        return Err(with_id(fail(FailureKind::Empty, "empty text".into())));
    }
    Ok(Prepared { header, text })
}
