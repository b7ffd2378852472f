//! A streaming WARC reader: HTTP `response` records holding HTML pages become documents.
//!
//! Written here rather than taken from the `warc` crate: the format is a few
//! header lines and a length-prefixed body, and owning the loop lets every
//! failure (a truncated gzip member, a bad header, an over-long record) become a
//! [`Failure`] with the record's index and offset while the records before it
//! are kept. `.warc.gz` files are read through a multi-member gzip decoder.

use super::lines::{read_line, Line};
use super::{Payload, RawDoc};
use crate::error::{Failure, FailureKind, Position};
use std::io::{self, BufRead, Read};
use std::sync::Arc;

/// The longest WARC header line accepted.
const MAX_HEADER_LINE: usize = 64 * 1024;

/// An empty line (`\r` is left by [`read_line`]).
fn is_blank(line: &[u8]) -> bool {
    line.is_empty() || line == b"\r"
}

/// What one step of the reader produced.
pub enum Step {
    /// An HTML page.
    Doc(RawDoc),
    /// A record that is not an HTML response (counted, not reported).
    Skipped,
    /// A record that could not be read.
    Failed(Failure),
}

/// Reads WARC records from a (decompressed) byte stream.
pub struct WarcReader<R> {
    r: R,
    source: Arc<str>,
    gzip: bool,
    max_record: usize,
    index: usize,
    offset: u64,
    done: bool,
}

impl<R: BufRead> WarcReader<R> {
    /// A reader over `r`; `gzip` says whether read errors mean a broken gzip stream.
    pub fn new(r: R, source: Arc<str>, gzip: bool, max_record: usize) -> Self {
        WarcReader {
            r,
            source,
            gzip,
            max_record,
            index: 0,
            offset: 0,
            done: false,
        }
    }

    fn fail(&self, kind: FailureKind, reason: impl Into<String>) -> Failure {
        Failure::new(
            &*self.source,
            Position::Record {
                index: self.index,
                offset: self.offset,
            },
            kind,
            reason,
        )
    }

    fn io_failure(&mut self, e: io::Error) -> Failure {
        // After an I/O error the stream position is unknown: stop this file.
        self.done = true;
        if self.gzip {
            self.fail(
                FailureKind::Gzip,
                format!("truncated or corrupt gzip stream: {e}"),
            )
        } else if e.kind() == io::ErrorKind::UnexpectedEof {
            self.fail(FailureKind::Warc, "truncated record")
        } else {
            self.fail(FailureKind::Io, e.to_string())
        }
    }

    fn line(&mut self, buf: &mut Vec<u8>) -> Result<Line, Failure> {
        match read_line(&mut self.r, buf, MAX_HEADER_LINE) {
            Ok(Line::TooLong(n)) => {
                self.done = true;
                Err(self.fail(FailureKind::Warc, format!("header line of {n} bytes")))
            }
            Ok(l) => Ok(l),
            Err(e) => Err(self.io_failure(e)),
        }
    }

    /// The next step, or `None` at the end of the stream (or after an unrecoverable error).
    pub fn next_step(&mut self) -> Option<Step> {
        if self.done {
            return None;
        }
        let step = self.record();
        if step.is_some() {
            self.index += 1;
        }
        step
    }

    fn record(&mut self) -> Option<Step> {
        let mut buf = Vec::new();
        // Skip the blank lines that end the previous record.
        let start = loop {
            match self.line(&mut buf) {
                Err(f) => return Some(Step::Failed(f)),
                Ok(Line::Eof) => {
                    self.done = true;
                    return (self.index == 0)
                        .then(|| Step::Failed(self.fail(FailureKind::Empty, "empty file")));
                }
                Ok(_) if is_blank(&buf) => self.offset += buf.len() as u64 + 1,
                Ok(_) => break buf.clone(),
            }
        };
        let record_offset = self.offset;
        if !start.starts_with(b"WARC/") {
            self.done = true;
            return Some(Step::Failed(self.fail(
                FailureKind::Warc,
                "not a WARC record (expected a WARC/1.x version line)",
            )));
        }
        let mut header_bytes = start.len() as u64 + 1;
        let mut length: Option<u64> = None;
        let mut kind = String::new();
        let mut uri = None;
        let mut content_type = String::new();
        loop {
            match self.line(&mut buf) {
                Err(f) => return Some(Step::Failed(f)),
                Ok(Line::Eof) => {
                    self.done = true;
                    return Some(Step::Failed(
                        self.fail(FailureKind::Warc, "truncated record header"),
                    ));
                }
                Ok(_) => {}
            }
            header_bytes += buf.len() as u64 + 1;
            if is_blank(&buf) {
                break;
            }
            let line = String::from_utf8_lossy(&buf);
            let Some((k, v)) = line.split_once(':') else {
                continue;
            };
            let v = v.trim();
            match k.trim().to_ascii_lowercase().as_str() {
                "content-length" => length = v.parse().ok(),
                "warc-type" => kind = v.to_ascii_lowercase(),
                "warc-target-uri" => uri = Some(v.trim_matches(['<', '>']).to_owned()),
                "content-type" => content_type = v.to_ascii_lowercase(),
                _ => {}
            }
        }
        let Some(length) = length else {
            self.done = true;
            return Some(Step::Failed(
                self.fail(FailureKind::Warc, "record without Content-Length"),
            ));
        };
        self.offset = record_offset + header_bytes;
        let wanted = kind == "response" && content_type.starts_with("application/http");
        if !wanted || length > self.max_record as u64 {
            match io::copy(&mut (&mut self.r).take(length), &mut io::sink()) {
                Ok(n) if n == length => {}
                Ok(_) => {
                    return Some(Step::Failed(
                        self.io_failure(io::ErrorKind::UnexpectedEof.into()),
                    ))
                }
                Err(e) => return Some(Step::Failed(self.io_failure(e))),
            }
            self.offset += length;
            return Some(if wanted {
                Step::Failed(self.fail(
                    FailureKind::TooLong,
                    format!(
                        "record of {length} bytes exceeds the limit of {} bytes",
                        self.max_record
                    ),
                ))
            } else {
                Step::Skipped
            });
        }
        let mut body = vec![0; length as usize];
        if let Err(e) = self.r.read_exact(&mut body) {
            return Some(Step::Failed(self.io_failure(e)));
        }
        let position = Position::Record {
            index: self.index,
            offset: record_offset,
        };
        self.offset += length;
        Some(match super::http::parse_response(&body) {
            Err(reason) => Step::Failed(Failure::new(
                &*self.source,
                position,
                FailureKind::Http,
                reason,
            )),
            Ok(None) => Step::Skipped,
            Ok(Some(page)) => Step::Doc(RawDoc {
                source: self.source.clone(),
                position,
                payload: Payload::Html {
                    bytes: page.body,
                    url: uri,
                    charset: page.charset,
                },
            }),
        })
    }
}
