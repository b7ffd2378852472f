//! Building small WARC files in tests.

use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;

/// One WARC record with the given type, target URI, content type and block.
pub fn record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

/// An HTTP `response` record holding `html`.
pub fn html_response(uri: &str, html: &str) -> Vec<u8> {
    let http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{html}",
        html.len()
    );
    record(
        "response",
        uri,
        "application/http; msgtype=response",
        http.as_bytes(),
    )
}

/// Gzips each record as its own member (as WARC tools do).
pub fn gzip_members(records: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for r in records {
        let mut enc = GzEncoder::new(Vec::new(), Compression::default());
        enc.write_all(r).unwrap();
        out.extend(enc.finish().unwrap());
    }
    out
}
