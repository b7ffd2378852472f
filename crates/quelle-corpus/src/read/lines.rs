//! Reading lines with a length limit, so one broken or hostile line cannot exhaust memory.

use std::io::{self, BufRead};

/// The outcome of [`read_line`].
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// End of input: nothing was read.
    Eof,
    /// A line is in the buffer, without its `\n` but with a `\r` before it, so that callers
    /// can count the bytes consumed (`len + 1`); JSON and header parsing ignore the `\r`.
    Ok,
    /// The line was longer than the limit; it was consumed and dropped. Holds its length.
    TooLong(usize),
}

/// Reads one line into `buf` (cleared first), keeping at most `max` bytes.
///
/// An over-long line is skipped up to its end and reported as [`Line::TooLong`]
/// instead of being buffered, so memory stays bounded by `max`.
pub fn read_line(r: &mut impl BufRead, buf: &mut Vec<u8>, max: usize) -> io::Result<Line> {
    buf.clear();
    let mut total = 0usize;
    let mut any = false;
    loop {
        let chunk = match r.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (part, found) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..i], Some(i + 1)),
            None => (chunk, None),
        };
        total += part.len();
        if total <= max {
            buf.extend_from_slice(part);
        } else {
            // Stop buffering but keep consuming to the end of the line.
            buf.clear();
        }
        let used = found.unwrap_or(chunk.len());
        r.consume(used);
        if found.is_some() {
            break;
        }
    }
    if !any {
        return Ok(Line::Eof);
    }
    if total > max {
        return Ok(Line::TooLong(total));
    }
    Ok(Line::Ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_limits_and_eof() {
        let data = b"ab\r\n0123456789\nlast";
        let mut r = io::BufReader::with_capacity(4, &data[..]);
        let mut buf = Vec::new();
        assert_eq!(read_line(&mut r, &mut buf, 5).unwrap(), Line::Ok);
        assert_eq!(buf, b"ab\r");
        assert_eq!(read_line(&mut r, &mut buf, 5).unwrap(), Line::TooLong(10));
        assert!(buf.is_empty());
        assert_eq!(read_line(&mut r, &mut buf, 5).unwrap(), Line::Ok);
        assert_eq!(buf, b"last");
        assert_eq!(read_line(&mut r, &mut buf, 5).unwrap(), Line::Eof);
    }
}
