//! The HTTP response inside a WARC record: status, headers, de-chunking, decompression.

use flate2::read::{GzDecoder, ZlibDecoder};
use std::io::Read;

/// An HTML page taken from an HTTP response.
pub struct Page {
    /// The decoded body (still in the page's charset).
    pub body: Vec<u8>,
    /// The charset of the `Content-Type` header, lowercased, if any.
    pub charset: Option<String>,
}

/// Parses an HTTP response; `Ok(None)` when it is not a successful HTML page.
pub fn parse_response(raw: &[u8]) -> Result<Option<Page>, String> {
    let split = find(raw, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| find(raw, b"\n\n").map(|i| (i, i + 2)))
        .ok_or("HTTP response without end of headers")?;
    let head = String::from_utf8_lossy(&raw[..split.0]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or_default();
    let status: u16 = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("bad HTTP status line {status_line:?}"))?;
    if !(200..300).contains(&status) {
        return Ok(None);
    }
    let mut content_type = String::new();
    let mut chunked = false;
    let mut encoding = String::new();
    for line in lines {
        if let Some((k, v)) = line.split_once(':') {
            let v = v.trim().to_ascii_lowercase();
            match k.trim().to_ascii_lowercase().as_str() {
                "content-type" => content_type = v,
                "transfer-encoding" => chunked = v.contains("chunked"),
                "content-encoding" => encoding = v,
                _ => {}
            }
        }
    }
    let mime = content_type.split(';').next().unwrap_or("").trim();
    if mime != "text/html" && mime != "application/xhtml+xml" {
        return Ok(None);
    }
    let charset = content_type
        .split(';')
        .skip(1)
        .filter_map(|p| p.trim().strip_prefix("charset="))
        .map(|c| c.trim_matches('"').to_owned())
        .next();
    let mut body = raw[split.1..].to_vec();
    if chunked {
        body = dechunk(&body)?;
    }
    body = match encoding.as_str() {
        "" | "identity" => body,
        "gzip" | "x-gzip" => inflate(GzDecoder::new(&body[..]))?,
        "deflate" => inflate(ZlibDecoder::new(&body[..]))?,
        other => return Err(format!("unsupported Content-Encoding {other:?}")),
    };
    Ok(Some(Page { body, charset }))
}

fn inflate(mut r: impl Read) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    r.read_to_end(&mut out)
        .map_err(|e| format!("cannot decompress the HTTP body: {e}"))?;
    Ok(out)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn dechunk(mut data: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let eol = find(data, b"\r\n").ok_or("bad chunked encoding")?;
        let size_text = String::from_utf8_lossy(&data[..eol]);
        let size_text = size_text.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| format!("bad chunk size {size_text:?}"))?;
        data = &data[eol + 2..];
        if size == 0 {
            return Ok(out);
        }
        let chunk = data.get(..size).ok_or("truncated chunk")?;
        out.extend_from_slice(chunk);
        data = data.get(size + 2..).unwrap_or_default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_html_response_is_decoded() {
        let raw = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n<p>a\r\n5\r\nb</p>\r\n0\r\n\r\n";
        let page = parse_response(raw).unwrap().unwrap();
        assert_eq!(page.body, b"<p>ab</p>");
        assert_eq!(page.charset.as_deref(), Some("utf-8"));
    }

    #[test]
    fn non_html_and_errors_are_skipped() {
        assert!(
            parse_response(b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nx")
                .unwrap()
                .is_none()
        );
        assert!(
            parse_response(b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\nx")
                .unwrap()
                .is_none()
        );
        assert!(parse_response(b"garbage").is_err());
    }
}
