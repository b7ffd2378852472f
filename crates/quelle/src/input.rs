//! Turning input bytes into text: UTF-8 validation with a precise error, BOM removal.
//!
//! Line ends are *not* rewritten: CRLF and CR stay in the text so that every
//! offset the pipeline reports indexes exactly what the user gave. Later stages
//! treat `\r\n`, `\r` and `\n` alike as line breaks.

use crate::error::{Error, ErrorKind, Result};

/// The UTF-8 byte order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes input bytes as UTF-8 text.
///
/// A leading byte order mark is dropped (it is an encoding marker, not text).
/// Invalid UTF-8 is an error naming the byte offset and line of the first bad
/// byte; nothing is silently replaced.
///
/// ```
/// assert_eq!(quelle::input::decode(b"\xEF\xBB\xBFHallo").unwrap(), "Hallo");
/// let err = quelle::input::decode(b"ok\n\xFF").unwrap_err();
/// assert!(err.to_string().contains("byte offset 3"));
/// ```
pub fn decode(bytes: &[u8]) -> Result<String> {
    let (body, skipped) = match bytes.strip_prefix(BOM) {
        Some(rest) => (rest, BOM.len()),
        None => (bytes, 0),
    };
    match std::str::from_utf8(body) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => {
            let at = e.valid_up_to();
            let line = 1 + body[..at].iter().filter(|&&b| b == b'\n').count();
            Err(Error::new(ErrorKind::InvalidUtf8 {
                byte_offset: at + skipped,
                line,
            }))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_input_is_empty_text() {
        assert_eq!(decode(b"").unwrap(), "");
    }

    #[test]
    fn bom_only_is_empty_text() {
        assert_eq!(decode(BOM).unwrap(), "");
    }

    #[test]
    fn invalid_utf8_names_offset_and_line_counting_the_bom() {
        let err = decode(b"\xEF\xBB\xBFa\nb\n\xC3(").unwrap_err();
        assert_eq!(
            err.kind(),
            &ErrorKind::InvalidUtf8 {
                byte_offset: 7,
                line: 3
            }
        );
    }

    #[test]
    fn line_ends_are_kept() {
        assert_eq!(decode(b"a\r\nb\rc").unwrap(), "a\r\nb\rc");
    }
}
