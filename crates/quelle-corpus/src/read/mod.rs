//! Inputs to documents: files and directories of `.txt`, `.html`, `.jsonl` and `.warc[.gz]`, or stdin.
//!
//! [`Reader`] is an iterator of [`RawDoc`]s (or [`Failure`]s) in input order.
//! It does only the I/O: decoding, JSON parsing and HTML extraction happen in
//! [`crate::prepare`] on the worker threads. Memory stays bounded: a document is
//! at most [`ReadOptions::max_doc_bytes`], a JSONL line at most
//! [`ReadOptions::max_line_bytes`], and nothing else is buffered.

mod http;
pub mod lines;
mod warc;

use crate::error::{Error, Failure, FailureKind, Position, Result};
use flate2::read::MultiGzDecoder;
use lines::{read_line, Line};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use warc::{Step, WarcReader};

/// Size limits for reading.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions {
    /// The longest JSONL line accepted; longer lines are reported and skipped.
    pub max_line_bytes: usize,
    /// The largest document (text/HTML file, WARC record, JSONL text field) accepted.
    pub max_doc_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_line_bytes: 16 << 20,
            max_doc_bytes: 16 << 20,
        }
    }
}

/// The kind of an input file, decided by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Plain UTF-8 text: one document.
    Text,
    /// An HTML page: one document.
    Html,
    /// JSON Lines, one document per line (optionally gzip-compressed).
    Jsonl {
        /// `.jsonl.gz`
        gzip: bool,
    },
    /// A WARC file (optionally gzip-compressed).
    Warc {
        /// `.warc.gz`
        gzip: bool,
    },
}

impl FileKind {
    /// The kind of a file by its extension, or `None` for files quelle does not read.
    pub fn of(path: &Path) -> Option<FileKind> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let kind = if name.ends_with(".warc.gz") {
            FileKind::Warc { gzip: true }
        } else if name.ends_with(".warc") {
            FileKind::Warc { gzip: false }
        } else if name.ends_with(".jsonl.gz") || name.ends_with(".ndjson.gz") {
            FileKind::Jsonl { gzip: true }
        } else if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
            FileKind::Jsonl { gzip: false }
        } else if name.ends_with(".html") || name.ends_with(".htm") {
            FileKind::Html
        } else if name.ends_with(".txt") {
            FileKind::Text
        } else {
            return None;
        };
        Some(kind)
    }
}

/// One input as named by the user.
#[derive(Debug, Clone)]
pub enum Input {
    /// Standard input, read as JSONL.
    Stdin,
    /// A file or a directory (searched recursively).
    Path(PathBuf),
}

impl Input {
    /// `-` is stdin, anything else a path.
    pub fn parse(arg: &str) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }
}

/// What the document bytes are.
#[derive(Debug)]
pub enum Payload {
    /// Text bytes, to be decoded as UTF-8.
    Text(Vec<u8>),
    /// An HTML page.
    Html {
        /// The page bytes.
        bytes: Vec<u8>,
        /// The URL it was fetched from (WARC target URI), if known.
        url: Option<String>,
        /// The charset declared by the HTTP header, if any.
        charset: Option<String>,
    },
    /// One JSONL line.
    JsonLine(Vec<u8>),
}

/// A document as read, before decoding and extraction.
#[derive(Debug)]
pub struct RawDoc {
    /// The file it came from (`-` for stdin).
    pub source: Arc<str>,
    /// Where in the file.
    pub position: Position,
    /// The bytes.
    pub payload: Payload,
}

/// Counters the reader updates while it runs (for progress display).
#[derive(Debug, Default)]
pub struct ReadProgress {
    /// Bytes of input files consumed so far (compressed bytes for `.gz`).
    pub bytes_read: AtomicU64,
    /// Total bytes of all input files (0 when unknown, e.g. stdin).
    pub bytes_total: AtomicU64,
    /// WARC records skipped because they are not HTML responses.
    pub skipped_records: AtomicUsize,
}

/// Finds the files to read: explicit files as given, directories recursively
/// (files of known kinds only, sorted by path so that runs are reproducible).
pub fn discover(inputs: &[Input]) -> Result<Vec<Input>> {
    let mut out = Vec::new();
    for input in inputs {
        match input {
            Input::Stdin => out.push(Input::Stdin),
            Input::Path(p) => {
                let meta = std::fs::metadata(p).map_err(|e| Error::io(p, e))?;
                if meta.is_dir() {
                    let mut found = Vec::new();
                    walk(p, &mut found)?;
                    found.sort();
                    out.extend(found.into_iter().map(Input::Path));
                } else {
                    out.push(Input::Path(p.clone()));
                }
            }
        }
    }
    Ok(out)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        let ty = entry.file_type().map_err(|e| Error::io(&path, e))?;
        if ty.is_dir() {
            walk(&path, found)?;
        } else if FileKind::of(&path).is_some() {
            found.push(path);
        }
    }
    Ok(())
}

/// Adds every byte read to a shared counter.
struct Counting<R> {
    inner: R,
    counter: Arc<ReadProgress>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter
            .bytes_read
            .fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

enum Current {
    Lines {
        r: Box<dyn BufRead + Send>,
        source: Arc<str>,
        line: usize,
        gzip: bool,
    },
    Warc(WarcReader<Box<dyn BufRead + Send>>),
}

/// An iterator over the documents of all inputs, in order.
pub struct Reader {
    files: std::vec::IntoIter<Input>,
    current: Option<Current>,
    opts: ReadOptions,
    progress: Arc<ReadProgress>,
    buf: Vec<u8>,
}

impl Reader {
    /// A reader over `inputs` (already [`discover`]ed); totals go into `progress`.
    pub fn new(inputs: Vec<Input>, opts: ReadOptions, progress: Arc<ReadProgress>) -> Self {
        let total: u64 = inputs
            .iter()
            .filter_map(|i| match i {
                Input::Path(p) => std::fs::metadata(p).ok().map(|m| m.len()),
                Input::Stdin => None,
            })
            .sum();
        progress.bytes_total.store(total, Ordering::Relaxed);
        Reader {
            files: inputs.into_iter(),
            current: None,
            opts,
            progress,
            buf: Vec::new(),
        }
    }

    fn open(&self, path: &Path) -> io::Result<Box<dyn Read + Send>> {
        Ok(Box::new(Counting {
            inner: File::open(path)?,
            counter: self.progress.clone(),
        }))
    }

    /// Starts the next input; returns a document for whole-file inputs.
    fn start(&mut self, input: Input) -> Option<Result<RawDoc, Failure>> {
        let path = match input {
            Input::Stdin => {
                self.current = Some(Current::Lines {
                    r: Box::new(BufReader::with_capacity(1 << 16, io::stdin())),
                    source: Arc::from("-"),
                    line: 0,
                    gzip: false,
                });
                return None;
            }
            Input::Path(p) => p,
        };
        let source: Arc<str> = Arc::from(path.display().to_string());
        let fail =
            |kind, reason: String| Some(Err(Failure::new(&*source, Position::File, kind, reason)));
        let Some(kind) = FileKind::of(&path) else {
            return fail(
                FailureKind::Io,
                "unknown file type (expected .txt, .html, .htm, .jsonl, .warc or .warc.gz)".into(),
            );
        };
        let reader = match self.open(&path) {
            Ok(r) => r,
            Err(e) => return fail(FailureKind::Io, format!("cannot open: {e}")),
        };
        match kind {
            FileKind::Text | FileKind::Html => {
                let limit = self.opts.max_doc_bytes as u64;
                let mut bytes = Vec::new();
                if let Err(e) = reader.take(limit + 1).read_to_end(&mut bytes) {
                    return fail(FailureKind::Io, format!("cannot read: {e}"));
                }
                if bytes.len() as u64 > limit {
                    return fail(
                        FailureKind::TooLong,
                        format!("file exceeds the document limit of {limit} bytes"),
                    );
                }
                let payload = if kind == FileKind::Html {
                    Payload::Html {
                        bytes,
                        url: None,
                        charset: None,
                    }
                } else {
                    Payload::Text(bytes)
                };
                Some(Ok(RawDoc {
                    source,
                    position: Position::File,
                    payload,
                }))
            }
            FileKind::Jsonl { gzip } => {
                let r: Box<dyn BufRead + Send> = if gzip {
                    Box::new(BufReader::with_capacity(
                        1 << 16,
                        MultiGzDecoder::new(BufReader::new(reader)),
                    ))
                } else {
                    Box::new(BufReader::with_capacity(1 << 16, reader))
                };
                self.current = Some(Current::Lines {
                    r,
                    source,
                    line: 0,
                    gzip,
                });
                None
            }
            FileKind::Warc { gzip } => {
                let r: Box<dyn BufRead + Send> = if gzip {
                    Box::new(BufReader::with_capacity(
                        1 << 16,
                        MultiGzDecoder::new(BufReader::new(reader)),
                    ))
                } else {
                    Box::new(BufReader::with_capacity(1 << 16, reader))
                };
                self.current = Some(Current::Warc(WarcReader::new(
                    r,
                    source,
                    gzip,
                    self.opts.max_doc_bytes,
                )));
                None
            }
        }
    }

    /// The next item of the current multi-document input, or `None` when it is exhausted.
    fn step(&mut self) -> Option<Result<RawDoc, Failure>> {
        loop {
            match self.current.as_mut()? {
                Current::Lines {
                    r,
                    source,
                    line,
                    gzip,
                } => {
                    *line += 1;
                    let pos = Position::Line(*line);
                    let res = read_line(r, &mut self.buf, self.opts.max_line_bytes);
                    let fail =
                        |kind, reason: String| Failure::new(&**source, pos.clone(), kind, reason);
                    match res {
                        Ok(Line::Eof) => {
                            let empty = *line == 1;
                            let f = fail(FailureKind::Empty, "empty file".into());
                            self.current = None;
                            return empty.then_some(Err(f));
                        }
                        Ok(Line::TooLong(n)) => {
                            return Some(Err(fail(
                                FailureKind::TooLong,
                                format!(
                                    "line of {n} bytes exceeds the limit of {} bytes",
                                    self.opts.max_line_bytes
                                ),
                            )))
                        }
                        Ok(Line::Ok) if self.buf.iter().all(u8::is_ascii_whitespace) => continue,
                        Ok(Line::Ok) => {
                            return Some(Ok(RawDoc {
                                source: source.clone(),
                                position: pos,
                                payload: Payload::JsonLine(std::mem::take(&mut self.buf)),
                            }))
                        }
                        Err(e) => {
                            let kind = if *gzip {
                                FailureKind::Gzip
                            } else {
                                FailureKind::Io
                            };
                            let f = fail(kind, format!("cannot read: {e}"));
                            self.current = None;
                            return Some(Err(f));
                        }
                    }
                }
                Current::Warc(w) => match w.next_step() {
                    None => {
                        self.current = None;
                        return None;
                    }
                    Some(Step::Skipped) => {
                        self.progress
                            .skipped_records
                            .fetch_add(1, Ordering::Relaxed);
                    }
                    Some(Step::Doc(d)) => return Some(Ok(d)),
                    Some(Step::Failed(f)) => return Some(Err(f)),
                },
            }
        }
    }
}

impl Iterator for Reader {
    type Item = Result<RawDoc, Failure>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.current.is_some() {
                if let Some(item) = self.step() {
                    return Some(item);
                }
            }
            let input = self.files.next()?;
            if let Some(item) = self.start(input) {
                return Some(item);
            }
        }
    }
}
