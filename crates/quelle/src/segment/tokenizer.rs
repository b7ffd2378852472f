//! The tokenizer: German rule-based, in step with the gnqa gold tokens.
//!
//! The gold tokens were made with spaCy's German rule tokenizer, so this is a
//! byte-level re-implementation of its algorithm (without regular expressions):
//!
//! 1. The text is cut at whitespace into *chunks*.
//! 2. A chunk that is an exception (`z.B.`, `Dr.`, `:-)`) is kept as listed.
//! 3. Otherwise prefixes (opening quotes and brackets, `§`, …) and suffixes
//!    (closing quotes, punctuation, a period after a lower-case letter or two
//!    capitals, units after digits, …) are peeled off the outside, one at a time,
//!    until none is left or what is left is an exception.
//! 4. The core is kept whole if it is a URL or e-mail address, and otherwise
//!    split at infixes: `...`, a period between a lower-case and an upper-case
//!    letter, `,!?:<>=` and quotes or brackets between letters, `/` between
//!    letters or digits, `--` between letters, `-` between digits.
//! 5. Runs of pieces that spell an exception are glued back together.
//!
//! What follows from these rules, and what the sentence splitter relies on:
//! hyphenated compounds (`US-Angaben`, `Handels-`) are never split; a period
//! stays on a number (`1969.`, `11.`), on a single capital (`W.`) and on a
//! listed abbreviation, and is split off after any other word; quotation marks
//! of every style are tokens of their own, except an ASCII apostrophe between
//! letters (`Kim's`, `geht's`: one token, as in the gold; `geht’s` becomes
//! `geht` `’s`).
//!
//! Speed: the scan runs through ASCII letters in a tight loop; chunks made of
//! letters only, of digits only, of letters with inner hyphens, or of letters
//! with one mark before or after them (most chunks) are finished on the spot;
//! the rest go through the full algorithm, which allocates nothing unless a
//! chunk has more than eight suffixes or needs gluing.

use super::chars::{
    ascii_flags, char_at, char_before, flags, is, ALNUM_PY, ALPHA, DIGIT_U, DOT_LB, ICON, INFIX_Q,
    LOWER, PREFIX, QUOTE, SPACE, SUFFIX, UPPER,
};
use super::exceptions::{Entry, Exceptions};
use super::url::is_url;
use crate::document::{Token, TokenKind};
use crate::span::Span;

/// Whether `tail` is a unit or currency split off a number it follows
/// (`5km` → `5` `km`, `5€` → `5` `€`), as the gold tokenizer does. A `match`
/// compiles to a decision tree over length and bytes, far cheaper than
/// scanning a list. (`тбكم` is no typo: the gold tokenizer's unit list glues
/// those two together.)
#[rustfmt::skip]
fn is_unit_or_currency(tail: &str) -> bool {
    matches!(
        tail,
        "km" | "km²" | "km³" | "m" | "m²" | "m³" | "dm" | "dm²" | "dm³" | "cm" | "cm²" | "cm³" |
        "mm" | "mm²" | "mm³" | "ha" | "µm" | "nm" | "yd" | "in" | "ft" | "kg" | "g" | "mg" |
        "µg" | "t" | "lb" | "oz" | "m/s" | "km/h" | "kmh" | "mph" | "hPa" | "Pa" | "mbar" |
        "mb" | "MB" | "kb" | "KB" | "gb" | "GB" | "tb" | "TB" | "T" | "G" | "M" | "K" | "%" |
        "км" | "км²" | "км³" | "м" | "м²" | "м³" | "дм" | "дм²" | "дм³" | "см" | "см²" | "см³" |
        "мм" | "мм²" | "мм³" | "нм" | "кг" | "г" | "мг" | "м/с" | "км/ч" | "кПа" | "Па" |
        "мбар" | "Кб" | "КБ" | "кб" | "Мб" | "МБ" | "мб" | "Гб" | "ГБ" | "гб" | "Тб" | "ТБ" |
        "тбكم" | "كم²" | "كم³" | "م" | "م²" | "م³" | "سم" | "سم²" | "سم³" | "مم" | "مم²" |
        "مم³" | "كم" | "غرام" | "جرام" | "جم" | "كغ" | "ملغ" | "كوب" | "اكواب" | "$" | "£" |
        "€" | "¥" | "฿" | "US$" | "C$" | "A$" | "₽" | "﷼" | "₴" | "₠" | "₡" | "₢" | "₣" | "₤" |
        "₥" | "₦" | "₧" | "₨" | "₩" | "₪" | "₫" | "₭" | "₮" | "₯" | "₰" | "₱" | "₲" | "₳" |
        "₵" | "₶" | "₷" | "₸" | "₹" | "₺" | "₻" | "₼" | "₾" | "₿"
    )
}

/// Longest unit or currency, in characters.
const MAX_UNIT_CHARS: usize = 5;

/// Appends the tokens of `block` in `text` to `out`.
///
/// A block that is out of range or not on character boundaries yields nothing
/// rather than a panic.
pub(crate) fn tokenize(ex: &Exceptions, text: &str, block: Span, out: &mut Vec<Token>) {
    if text.get(block.start..block.end).is_none() {
        return;
    }
    let bytes = text.as_bytes();
    let end = block.end;
    let mut i = block.start;
    while i < end {
        // Skip whitespace.
        let b = bytes[i];
        if b < 0x80 {
            if ascii_flags(b) & SPACE != 0 {
                i += 1;
                continue;
            }
        } else if let Some(c) = char_at(text, i) {
            if is(c, SPACE) {
                i += c.len_utf8();
                continue;
            }
        }
        // Scan one chunk, noting its non-letters (where the rules can apply).
        let start = i;
        let mut digits = true;
        let mut others = 0usize;
        let mut first_other = (0usize, ' ');
        let mut last_other = (0usize, ' ');
        let mut inner_hyphens = true;
        let mut prev_hyphen = false;
        loop {
            // Runs of ASCII letters, most of the text, in a tight loop.
            let run = i;
            while i < end && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            if i > run {
                digits = false;
                prev_hyphen = false;
            }
            if i >= end {
                break;
            }
            let b = bytes[i];
            let (c, f) = if b < 0x80 {
                (b as char, ascii_flags(b))
            } else {
                match char_at(text, i) {
                    Some(c) => (c, flags(c)),
                    None => break,
                }
            };
            if f & SPACE != 0 {
                break;
            }
            if f & ALPHA == 0 {
                if others == 0 {
                    first_other = (i, c);
                }
                last_other = (i, c);
                others += 1;
                let hyphen = c == '-';
                inner_hyphens &= hyphen && !prev_hyphen;
                prev_hyphen = hyphen;
            } else {
                prev_hyphen = false;
            }
            digits &= b.is_ascii_digit();
            i += c.len_utf8();
        }
        if i == start {
            // Only reachable off a character boundary, which the checks above
            // rule out; stop rather than loop forever.
            return;
        }
        let scan = Scan {
            start,
            end: i,
            others,
            first_other,
            last_other,
            inner_hyphens,
        };
        if others == 0 {
            // No rule applies inside a run of letters.
            out.push(tok(start, i, TokenKind::Word));
        } else if digits {
            out.push(tok(start, i, TokenKind::Number));
        } else if !fast_chunk(ex, text, &scan, out) {
            chunk(Some(ex), text, start, i, out);
        }
    }
}

/// What the scan of one chunk found out about its non-letters.
struct Scan {
    /// Where the chunk starts (bytes).
    start: usize,
    /// Where it ends (bytes).
    end: usize,
    /// Number of characters that are not letters.
    others: usize,
    /// Byte offset and value of the first one.
    first_other: (usize, char),
    /// Byte offset and value of the last one.
    last_other: (usize, char),
    /// Whether every one is a hyphen, none right after another.
    inner_hyphens: bool,
}

/// Tokenizes the most common chunks that are not plain words without running
/// the general algorithm: `Wort,` `Mond.` `„Wir` `(Ohio` `US-Angaben`. Returns
/// false (having appended nothing) for any other chunk. The results are those
/// of [`chunk`], which the tests check.
fn fast_chunk(ex: &Exceptions, text: &str, s: &Scan, out: &mut Vec<Token>) -> bool {
    let (lp, lc) = s.last_other;
    let (fp, fc) = s.first_other;
    let hyphenated = s.inner_hyphens && fp != s.start && lp + 1 != s.end;
    // (A digit next to letters may be a number with a unit: `5km`.)
    let trailing =
        s.others == 1 && lp + lc.len_utf8() == s.end && lp > s.start && !lc.is_ascii_digit();
    let leading =
        s.others == 1 && fp == s.start && fp + fc.len_utf8() < s.end && !fc.is_ascii_digit();
    if !(hyphenated || trailing || leading) || ex.contains(&text[s.start..s.end]) {
        return false;
    }
    if hyphenated {
        // A hyphen between letters splits nothing (`Nato-Generalsekretär`).
        out.push(tok(s.start, s.end, TokenKind::Word));
    } else if trailing {
        // Letters and one final mark: split if the mark is a suffix.
        let word = &text[s.start..lp];
        let split = is(lc, SUFFIX) || (lc == '.' && period_is_suffix(word));
        if split {
            out.push(tok(s.start, lp, TokenKind::Word));
            out.push(tok(lp, s.end, mark_kind(lc)));
        } else {
            out.push(tok(s.start, s.end, TokenKind::Word));
        }
    } else {
        // One opening mark and letters: split if the mark is a prefix.
        let pre = find_prefix(&text[s.start..s.end]);
        if pre == fc.len_utf8() {
            out.push(tok(s.start, fp + pre, mark_kind(fc)));
            out.push(tok(fp + pre, s.end, TokenKind::Word));
        } else {
            out.push(tok(s.start, s.end, TokenKind::Word));
        }
    }
    true
}

/// Whether a period after `word` (letters) is split off: after a lower-case
/// letter, or after two capitals (`USA.`), but not after one (`W.`).
#[inline]
fn period_is_suffix(word: &str) -> bool {
    let mut rev = word.chars().rev();
    match (rev.next(), rev.next()) {
        (Some(p), pp) => is(p, DOT_LB) || (is(p, UPPER) && pp.is_some_and(|q| is(q, UPPER))),
        (None, _) => false,
    }
}

/// The kind of a one-character token.
#[inline]
fn mark_kind(c: char) -> TokenKind {
    let f = flags(c);
    if f & QUOTE != 0 {
        TokenKind::QuoteMark
    } else if f & ALNUM_PY != 0 {
        TokenKind::Word
    } else {
        TokenKind::Punct
    }
}

/// Tokenizes `s` (one chunk, no whitespace) with the affix rules alone, ignoring
/// the exceptions. Used to build the exception table's glue patterns.
pub(crate) fn tokenize_chunk_plain(s: &str, out: &mut Vec<Token>) {
    if !s.is_empty() {
        chunk(None, s, 0, s.len(), out);
    }
}

#[inline]
fn tok(start: usize, end: usize, kind: TokenKind) -> Token {
    Token {
        span: Span::new(start, end),
        kind,
    }
}

/// A stack of suffix spans, kept inline; spills to the heap only for chunks
/// with more than eight suffixes.
struct Suffixes {
    inline: [Span; 8],
    len: usize,
    spill: Vec<Span>,
}

impl Suffixes {
    fn new() -> Self {
        Suffixes {
            inline: [Span::default(); 8],
            len: 0,
            spill: Vec::new(),
        }
    }

    fn push(&mut self, s: Span) {
        if self.len < self.inline.len() {
            self.inline[self.len] = s;
            self.len += 1;
        } else {
            self.spill.push(s);
        }
    }

    /// Appends the suffixes innermost first (the reverse of discovery).
    fn drain_into(&mut self, text: &str, out: &mut Vec<Token>) {
        while let Some(s) = self.spill.pop() {
            out.push(tok(s.start, s.end, classify(s.text(text))));
        }
        for s in self.inline[..self.len].iter().rev() {
            out.push(tok(s.start, s.end, classify(s.text(text))));
        }
    }
}

/// Whether `s` is an exception (never, when exceptions are off).
#[inline]
fn special<'e>(ex: Option<&'e Exceptions>, s: &str) -> Option<&'e Entry> {
    ex.and_then(|ex| ex.get(s))
}

/// Tokenizes the chunk `text[s..e]`.
fn chunk(ex: Option<&Exceptions>, text: &str, s: usize, e: usize, out: &mut Vec<Token>) {
    let first = out.len();
    if let Some(x) = special(ex, &text[s..e]) {
        push_entry(x, s, out);
        return;
    }
    let (mut cs, mut ce) = (s, e);
    let mut sufs = Suffixes::new();
    // Peel prefixes and suffixes, in the order and with the exception checks of
    // spaCy's `_split_affixes`.
    while cs < ce {
        // (The whole chunk was checked above.)
        if (cs, ce) != (s, e) && special(ex, &text[cs..ce]).is_some() {
            break;
        }
        let before = ce - cs;
        let pre = find_prefix(&text[cs..ce]);
        if pre != 0 && cs + pre < ce && special(ex, &text[cs + pre..ce]).is_some() {
            out.push(tok(cs, cs + pre, classify(&text[cs..cs + pre])));
            cs += pre;
            break;
        }
        let suf = find_suffix(&text[cs + pre..ce]);
        if suf != 0 && ce - suf > cs && special(ex, &text[cs..ce - suf]).is_some() {
            sufs.push(Span::new(ce - suf, ce));
            ce -= suf;
            break;
        }
        if pre != 0 {
            out.push(tok(cs, cs + pre, classify(&text[cs..cs + pre])));
            cs += pre;
        }
        if suf != 0 {
            sufs.push(Span::new(ce - suf, ce));
            ce -= suf;
        }
        if ce - cs == before {
            break;
        }
    }
    if cs < ce {
        let core = &text[cs..ce];
        if let Some(x) = special(ex, core) {
            push_entry(x, cs, out);
        } else if is_url(core) {
            out.push(tok(cs, ce, TokenKind::Special));
        } else {
            split_infixes(text, cs, ce, out);
        }
    }
    sufs.drain_into(text, out);
    if let Some(ex) = ex {
        if out.len() - first >= 2 && ex.max_pattern() >= 2 {
            glue(ex, text, first, out);
        }
    }
}

/// Appends the tokens of exception `x` found at byte `at`.
fn push_entry(x: &Entry, at: usize, out: &mut Vec<Token>) {
    if x.pieces.is_empty() {
        let kind = if x.emoticon {
            TokenKind::Special
        } else {
            classify(x.text)
        };
        out.push(tok(at, at + x.text.len(), kind));
    } else {
        for (a, b) in x.piece_ranges() {
            out.push(tok(at + a, at + b, classify(&x.text[a..b])));
        }
    }
}

/// Length in bytes of the prefix at the start of `s` (0 if none).
fn find_prefix(s: &str) -> usize {
    let b = s.as_bytes();
    match b.first() {
        None => 0,
        Some(b'`') => {
            if b.get(1) == Some(&b'`') {
                2
            } else {
                1
            }
        }
        Some(b'.') => {
            let run = b.iter().take_while(|&&c| c == b'.').count();
            if run >= 2 {
                run
            } else {
                0
            }
        }
        // A plus sign is a prefix unless it signs a number.
        Some(b'+') => usize::from(!b.get(1).is_some_and(u8::is_ascii_digit)),
        Some(b'U') if s.starts_with("US$") => 3,
        Some(b'C' | b'A') if b.get(1) == Some(&b'$') => 2,
        Some(_) => match s.chars().next() {
            Some(c) if is(c, PREFIX) => c.len_utf8(),
            _ => 0,
        },
    }
}

/// Length in bytes of the suffix at the end of `s` (0 if none). Of all suffix
/// rules that match, the longest wins (a regex search finds the leftmost).
fn find_suffix(s: &str) -> usize {
    let Some(c) = s.chars().next_back() else {
        return 0;
    };
    let n = s.len();
    let lp = n - c.len_utf8();
    let mut best = if is(c, SUFFIX) { c.len_utf8() } else { 0 };
    match c {
        '\'' if s.ends_with("''") => best = best.max(2),
        '…' if s.ends_with("……") => best = best.max(2 * '…'.len_utf8()),
        '.' => {
            let run = s.bytes().rev().take_while(|&b| b == b'.').count();
            if run >= 2 {
                best = best.max(run);
            } else if let Some(p) = char_before(s, lp) {
                let pp = char_before(s, lp - p.len_utf8());
                let after_two_capitals = is(p, UPPER) && pp.is_some_and(|q| is(q, UPPER));
                let degrees = matches!(p, 'F' | 'f' | 'C' | 'c' | 'K' | 'k') && pp == Some('°');
                if is(p, DOT_LB) || after_two_capitals || degrees {
                    best = best.max(1);
                }
            }
        }
        '+' if lp > 0 && s.as_bytes()[lp - 1].is_ascii_digit() => best = best.max(1),
        _ => {}
    }
    // Units and currencies right after a digit.
    if !c.is_ascii_digit() {
        let mut p = n;
        for _ in 0..MAX_UNIT_CHARS {
            let Some(q) = char_before(s, p) else { break };
            p -= q.len_utf8();
            if p == 0 {
                break;
            }
            if n - p > best && s.as_bytes()[p - 1].is_ascii_digit() {
                let tail = &s[p..];
                if is_unit_or_currency(tail) {
                    best = n - p;
                }
            }
        }
    }
    best
}

/// Splits the core `text[cs..ce]` at infixes and appends the pieces.
fn split_infixes(text: &str, cs: usize, ce: usize, out: &mut Vec<Token>) {
    let core = &text[cs..ce];
    let b = core.as_bytes();
    let mut start = 0;
    let mut pos = 0;
    let mut prev: Option<char> = None;
    while pos < b.len() {
        let Some(c) = char_at(core, pos) else { break };
        let cl = c.len_utf8();
        let next = char_at(core, pos + cl);
        let alpha = |x: Option<char>| x.is_some_and(|x| is(x, ALPHA));
        let m_end = match c {
            '.' if next == Some('.') => {
                Some(pos + b[pos..].iter().take_while(|&&x| x == b'.').count())
            }
            '.' => (prev.is_some_and(|p| is(p, LOWER)) && next.is_some_and(|n| is(n, UPPER)))
                .then_some(pos + 1),
            '…' => Some(pos + cl),
            ',' | '!' | '?' | ':' | '<' | '>' | '=' => {
                (alpha(prev) && alpha(next)).then_some(pos + 1)
            }
            '/' => {
                let ok = |x: Option<char>| x.is_some_and(|x| x.is_ascii_digit() || is(x, ALPHA));
                (ok(prev) && ok(next)).then_some(pos + 1)
            }
            '-' if next == Some('-') => {
                (alpha(prev) && alpha(char_at(core, pos + 2))).then_some(pos + 2)
            }
            '-' => {
                let digit = |x: Option<char>| x.is_some_and(|x| x.is_ascii_digit());
                (digit(prev) && digit(next)).then_some(pos + 1)
            }
            _ if is(c, ICON) => Some(pos + cl),
            _ if is(c, INFIX_Q) => (alpha(prev) && alpha(next)).then_some(pos + cl),
            _ => None,
        };
        match m_end {
            Some(me) => {
                // As in spaCy, an infix at the very start is not split off.
                if pos != 0 {
                    if pos != start {
                        out.push(tok(cs + start, cs + pos, classify(&core[start..pos])));
                    }
                    out.push(tok(cs + pos, cs + me, classify(&core[pos..me])));
                    start = me;
                }
                prev = char_before(core, me);
                pos = me;
            }
            None => {
                prev = Some(c);
                pos += cl;
            }
        }
    }
    if start < b.len() {
        out.push(tok(cs + start, ce, classify(&core[start..])));
    }
}

/// Glues runs of tokens in `out[first..]` (one chunk) that spell an exception
/// and are cut exactly as the affix rules cut it, as spaCy's special-case
/// matcher does: `Hallo.Dr.` → `Hallo` `.` `Dr` `.` → `Hallo` `.` `Dr.`.
///
/// Overlapping runs are resolved as spaCy resolves them: longest first, then
/// leftmost, and a run whose first or last token lies in an earlier-considered
/// run (kept or not) is dropped. spaCy also matches runs across whitespace,
/// which change nothing themselves but can block an overlapping run; those
/// are ignored here, which differs from the gold tokenizer only where
/// emoticon-like punctuation meets across a space (`( :(x`).
fn glue(ex: &Exceptions, text: &str, first: usize, out: &mut Vec<Token>) {
    let max_n = ex.max_pattern();
    // Allocates only when a run is found, which is rare.
    let mut runs: Vec<(usize, usize, &Entry)> = Vec::new();
    for i in first..out.len() {
        for n in 2..=max_n.min(out.len() - i) {
            if i == first && i + n == out.len() {
                // The whole chunk, known not to be an exception.
                continue;
            }
            let span = Span::new(out[i].span.start, out[i + n - 1].span.end);
            if span.len() > ex.max_len() {
                break;
            }
            let Some(x) = ex.get(span.text(text)) else {
                continue;
            };
            let pat = &x.pattern[..x.pattern_len as usize];
            let cut_alike = pat.len() == n
                && out[i..i + n]
                    .iter()
                    .zip(pat)
                    .all(|(t, &l)| t.span.len() == l as usize);
            if cut_alike {
                runs.push((i, i + n, x));
            }
        }
    }
    if runs.is_empty() {
        return;
    }
    runs.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
    let mut seen = vec![false; out.len() - first];
    let mut keep = Vec::with_capacity(runs.len());
    for &(a, b, x) in &runs {
        if !seen[a - first] && !seen[b - 1 - first] {
            keep.push((a, b, x));
        }
        seen[a - first..b - first]
            .iter_mut()
            .for_each(|s| *s = true);
    }
    keep.sort_by_key(|r| r.0);
    let tail: Vec<Token> = out.drain(first..).collect();
    let mut i = 0;
    let mut k = 0;
    while i < tail.len() {
        match keep.get(k) {
            Some(&(a, b, x)) if a - first == i => {
                push_entry(x, tail[i].span.start, out);
                i = b - first;
                k += 1;
            }
            _ => {
                out.push(tail[i]);
                i += 1;
            }
        }
    }
}

/// The kind of a token, from its text.
pub(crate) fn classify(t: &str) -> TokenKind {
    let mut chars = t.chars();
    let Some(c0) = chars.next() else {
        return TokenKind::Punct;
    };
    // `„`, `“`, `'`, and the doubled ASCII forms ``` `` ``` and `''`.
    if is(c0, QUOTE) {
        let rest = chars.as_str();
        if rest.is_empty() || (rest.len() == 1 && rest.starts_with(c0) && c0.is_ascii()) {
            return TokenKind::QuoteMark;
        }
    }
    let f0 = flags(c0);
    let signed = matches!(c0, '+' | '-' | '−')
        && t[c0.len_utf8()..].starts_with(|c: char| c.is_ascii_digit());
    if f0 & DIGIT_U != 0 || signed {
        // Digits with inner separators: `1.000`, `4,6`, `27.12.2008`, `11.`, `3:1`.
        let numeric = t
            .chars()
            .skip(usize::from(signed))
            .all(|c| is(c, DIGIT_U) || matches!(c, '.' | ',' | ':' | '/' | '-' | '–'));
        if numeric {
            return TokenKind::Number;
        }
    }
    if t.chars().any(|c| is(c, ALNUM_PY)) {
        TokenKind::Word
    } else {
        TokenKind::Punct
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ex() -> &'static Exceptions {
        Exceptions::get_or_init()
    }

    /// The chunk through the general algorithm only.
    fn general(s: &str) -> Vec<Token> {
        let mut out = Vec::new();
        chunk(Some(ex()), s, 0, s.len(), &mut out);
        out
    }

    /// The chunk as the tokenizer handles it (fast paths first).
    fn scanned(s: &str) -> Vec<Token> {
        let mut out = Vec::new();
        tokenize(ex(), s, Span::new(0, s.len()), &mut out);
        out
    }

    fn texts<'a>(s: &'a str, toks: &[Token]) -> Vec<&'a str> {
        toks.iter().map(|t| t.span.text(s)).collect()
    }

    fn chunk_text() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "a", "Wort", "Mönch", "ß", "USA", "W", "B", "z", "km", "s", "1", "2005", "-", "--",
            ".", "..", ",", ":", ";", "!", "?", "„", "“", "'", "’", "(", ")", "/", "+", "%", "€",
            "°", "…", "😀", "\u{301}", "Dr", "xD", "中",
        ]);
        prop::collection::vec(piece, 1..7).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn fast_paths_agree_with_the_general_algorithm(s in chunk_text()) {
            let (f, g) = (scanned(&s), general(&s));
            prop_assert_eq!(texts(&s, &f), texts(&s, &g));
            if !ex().contains(&s) {
                let kinds = |v: &[Token]| v.iter().map(|t| t.kind).collect::<Vec<_>>();
                prop_assert_eq!(kinds(&f), kinds(&g));
            }
        }
    }

    #[test]
    fn prefixes() {
        assert_eq!(find_prefix("„Wir"), '„'.len_utf8());
        assert_eq!(find_prefix("``x"), 2);
        assert_eq!(find_prefix("...x"), 3);
        assert_eq!(find_prefix(".x"), 0);
        assert_eq!(find_prefix("+49"), 0);
        assert_eq!(find_prefix("+a"), 1);
        assert_eq!(find_prefix("US$5"), 3);
        assert_eq!(find_prefix("-5"), 0);
        assert_eq!(find_prefix(""), 0);
    }

    #[test]
    fn suffixes() {
        assert_eq!(find_suffix("Mond."), 1);
        assert_eq!(find_suffix("W."), 0);
        assert_eq!(find_suffix("USA."), 1);
        assert_eq!(find_suffix("1969."), 0);
        assert_eq!(find_suffix("Wort..."), 3);
        assert_eq!(find_suffix("x''"), 2);
        assert_eq!(find_suffix("5km/h"), 4);
        assert_eq!(find_suffix("5US$"), 3);
        assert_eq!(find_suffix("das“"), '“'.len_utf8());
        assert_eq!(find_suffix("Handels-"), 0);
        assert_eq!(find_suffix("5+"), 1);
        assert_eq!(find_suffix(""), 0);
    }

    #[test]
    fn glued_exceptions_resolve_overlaps_like_the_gold_tokenizer() {
        // `=)`, `):` and `:*` are all emoticons; the leftmost of the
        // equally long runs wins and blocks both others.
        let s = "=):*etc.";
        assert_eq!(texts(s, &scanned(s)), vec!["=)", ":", "*", "etc."]);
        let s = "Hallo.Dr.";
        assert_eq!(texts(s, &scanned(s)), vec!["Hallo", ".", "Dr."]);
        let s = "geht’s";
        assert_eq!(texts(s, &scanned(s)), vec!["geht", "’s"]);
    }

    #[test]
    fn exceptions_split_as_listed() {
        let s = "20°C.";
        assert_eq!(texts(s, &scanned(s)), vec!["20", "°", "C", "."]);
        let s = "(auf'm";
        assert_eq!(texts(s, &scanned(s)), vec!["(", "auf", "'m"]);
    }

    #[test]
    fn classify_kinds() {
        assert_eq!(classify("„"), TokenKind::QuoteMark);
        assert_eq!(classify("''"), TokenKind::QuoteMark);
        assert_eq!(classify("``"), TokenKind::QuoteMark);
        assert_eq!(classify("1.000"), TokenKind::Number);
        assert_eq!(classify("-5"), TokenKind::Number);
        assert_eq!(classify("11."), TokenKind::Number);
        assert_eq!(classify("20px"), TokenKind::Word);
        assert_eq!(classify("…"), TokenKind::Punct);
        assert_eq!(classify(""), TokenKind::Punct);
    }
}
