//! The sentence splitter: rules over the tokens of one block.
//!
//! The gnqa gold sentences come from a statistical parser, so "correct" here
//! means "where that parser put them"; the rules were tuned on the training
//! split (sentence-end F1 0.974 on train, 0.978 on dev; most of what is left
//! is the parser's own noise, such as sentences running across paragraphs).
//! What they encode:
//!
//! - `.`, `!`, `?`, `?!` and ellipses end a sentence, together with the
//!   closing quotation marks and brackets glued to them (`… gelandet.“`,
//!   `(Das war knapp.)`), unless what follows continues it: a lower-case word
//!   (also after an opening quotation mark), a comma or other punctuation
//!   (`„Raus!“, riefen sie`, `„Warum?“ fragte er`, `Benedikt XVI. „ist …`).
//! - An ellipsis in brackets (`[…]`, `(...)`) marks an omission, not an end;
//!   `Art. 5` (an abbreviation split from its period) is no end either.
//! - A number with its period (`1969.`, `27.12.2008.`, `auf Platz 19.`) ends a
//!   sentence before a capitalised word when it is a year, a date, a large
//!   number or follows a noun; an ordinal (`am 3. Oktober`, `der 60.
//!   Geburtstag`) does not, nor does any number before a month.
//! - An abbreviation keeps its period (`Dr.`, `z.`, `B.`, `W.`) and ends no
//!   sentence, except those that close enumerations (`usw.`, `etc.`), Roman
//!   numerals (`Elisabeth II.`), words with a digit (`Typ F-5.`) and unit
//!   letters after numbers (`165 g.`).
//! - `;` ends a sentence, unless it separates the items of a list (what
//!   follows has no lower-case word before the next `;` or end).
//! - A colon ends a sentence before a quotation or a capitalised clause when
//!   the clause before it is long enough to stand alone, has no verb of saying
//!   just before the colon, is not inside brackets, and what follows is a
//!   clause rather than a list: `Die Firma empfindet die Kritik als
//!   ungerechtfertigt: „Nun …“` splits, `Er sagte: „Ja.“` and `drei Kinder:
//!   Caroline, Albert und Stephanie` do not.
//! - The end of the block ends the last sentence (blocks never share one), and
//!   a line break inside a block is plain whitespace.
//!
//! Every token is looked at a bounded number of times, so the splitter is
//! linear in the length of the block whatever the input.

use crate::document::{Sentence, Token, TokenKind};
use crate::span::Span;

/// Tokens since the sentence start from which a colon before a quotation may end it.
const COLON_QUOTE_MIN_TOKENS: usize = 6;
/// Tokens since the sentence start from which a colon before a capital may end it.
const COLON_CAPITAL_MIN_TOKENS: usize = 4;
/// How far back from a colon a verb of saying keeps the quotation in the sentence.
const COLON_SPEECH_WINDOW: usize = 6;
/// How far after a colon to look for a clause (rather than a list of names).
const COLON_LOOKAHEAD: usize = 10;

/// Months (and their abbreviations): after an ordinal they continue a date.
#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "Januar", "Jänner", "Februar", "Feber", "März", "April", "Mai", "Juni", "Juli", "August",
    "September", "Oktober", "November", "Dezember", "Jan.", "Feb.", "Mär.", "Mrz.", "Apr.",
    "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Okt.", "Nov.", "Dez.",
];

/// Abbreviations whose period the tokenizer splits off (they are not in its
/// exception list) and which stand before a number: `Art. 5 GG`, `Kap. 3`.
const NUMBERED_ABBREVIATIONS: &[&str] = &["Art", "Kap", "Ziff", "Abschn", "Anh", "Rn"];

/// Abbreviations that may close a sentence (they end enumerations).
/// (`GmbH.` ends company names, which often end the sentence too.)
const FINAL_ABBREVIATIONS: &[&str] = &["usw.", "etc.", "usf.", "uvm.", "u.v.m.", "u.s.w.", "GmbH."];

/// Appends the sentences of `tokens[first..]` (one block) to `out`.
pub(crate) fn split(text: &str, tokens: &[Token], first: usize, out: &mut Vec<Sentence>) {
    let n = tokens.len();
    if first >= n {
        return;
    }
    let t = |i: usize| tokens[i].span.text(text);
    // Whether token `i` follows token `i - 1` with no space between.
    let glued = |i: usize| tokens[i].span.start == tokens[i - 1].span.end;
    let mut begin = first;
    let mut i = first;
    // Bracket depth since `begin`, kept up to date through token `scanned - 1`
    // so that every token is looked at once, however long the sentence.
    let mut depth = 0u32;
    let mut scanned = first;
    while i < n {
        while scanned <= i {
            if tokens[scanned].kind == TokenKind::Punct {
                match t(scanned) {
                    "(" | "[" => depth += 1,
                    ")" | "]" => depth = depth.saturating_sub(1),
                    _ => {}
                }
            }
            scanned += 1;
        }
        let cand = candidate(text, &tokens[i]);
        if cand == Candidate::None {
            i += 1;
            continue;
        }
        let x = t(i);
        let next = (i + 1 < n).then(|| t(i + 1));
        let ends = match cand {
            Candidate::Terminal => {
                let omission = is_ellipsis(x)
                    && i > first
                    && matches!(t(i - 1), "[" | "(")
                    && matches!(next, Some("]" | ")"));
                // `nach Art. 51`: an abbreviation the tokenizer split from its
                // period, before a number.
                let numbered = x == "."
                    && i > first
                    && NUMBERED_ABBREVIATIONS.contains(&t(i - 1))
                    && next.is_some_and(|y| y.starts_with(|c: char| c.is_ascii_digit()));
                !omission && !numbered
            }
            // Not between the items of a list (`Kommandantin; James M. Kelly, Pilot;`).
            Candidate::Semicolon => clause_follows(text, tokens, i + 1),
            Candidate::Colon => match next {
                // Inside brackets a colon glosses (`(kurz: „Fed“)`).
                Some(y) if depth == 0 && (is_opening_quote(y) || starts_upper(y)) => {
                    colon_ends(text, tokens, first, begin, i, is_opening_quote(y))
                }
                _ => false,
            },
            Candidate::NumberPeriod => match next {
                Some(y) if starts_upper(y) || is_opening_quote(y) => {
                    // After a noun (`auf Platz 19.`, `Nr. 2.`) a number is a
                    // cardinal; elsewhere (`am 3. Oktober`) an ordinal.
                    let after_noun = i >= begin + 2 && starts_upper(t(i - 1));
                    !MONTHS.contains(&y) && (after_noun || !is_ordinal(&x[..x.len() - 1]))
                }
                _ => false,
            },
            Candidate::AbbreviationPeriod => {
                // `Typ F-5.`, `CO2.`: the period stays on a word with a digit, as
                // on a number, and then ends the sentence like any other.
                let with_digit = x.bytes().any(|b| b.is_ascii_digit());
                // `165 g.`, `km/h.`: a unit letter after a number.
                let unit = x.len() == 2
                    && x.starts_with(|c: char| c.is_ascii_lowercase())
                    && i > first
                    && (t(i - 1) == "/" || t(i - 1).starts_with(|c: char| c.is_ascii_digit()));
                let url = tokens[i].kind == TokenKind::Special;
                (with_digit || unit || url || is_roman(x) || FINAL_ABBREVIATIONS.contains(&x))
                    && next.is_some_and(starts_upper)
            }
            Candidate::None => false,
        };
        if !ends || i + 1 >= n {
            i += 1;
            continue;
        }
        // Take the closing quotation marks and brackets glued to the end.
        let terminal = cand == Candidate::Terminal;
        let mut j = i;
        while j + 1 < n && glued(j + 1) {
            let y = t(j + 1);
            let closer = (tokens[j + 1].kind == TokenKind::QuoteMark && !matches!(y, "„" | "‚"))
                || (terminal && matches!(y, ")" | "]"))
                || classify(y) == Candidate::Terminal;
            if !closer {
                break;
            }
            j += 1;
        }
        // Does what follows continue the sentence?
        let lower = |k: usize| k < n && t(k).starts_with(char::is_lowercase);
        let continues = j + 1 < n && {
            let y = t(j + 1);
            matches!(y, "," | ";" | ":" | "." | ")" | "]")
                || (x != ";" && lower(j + 1))
                // `Benedikt XVI. „ist …`: a quotation continuing the sentence.
                || (x != ";" && matches!(y, "„" | "‚" | "»" | "\"") && lower(j + 2))
        };
        if continues {
            i = j + 1;
            continue;
        }
        push(tokens, begin, j + 1, out);
        begin = j + 1;
        i = j + 1;
        depth = 0;
        scanned = i;
    }
    if begin < n {
        push(tokens, begin, n, out);
    }
}

/// Whether the colon at token `i` ends the sentence begun at `begin`, before a
/// quotation (`quote`) or a capitalised word.
///
/// The gold parser splits where the colon joins two clauses that could each
/// stand alone, and keeps a quotation that is the object of a verb of saying
/// (`Er sagte: „…“`, `mit den Worten: „…“`) or a list (`drei Kinder: Caroline,
/// Albert und Stephanie`) in the sentence. Approximated by: the clause before
/// is long enough, has no verb of saying just before the colon, and what
/// follows has a lower-case word (a verb, article, …) before its end.
fn colon_ends(
    text: &str,
    tokens: &[Token],
    first: usize,
    begin: usize,
    i: usize,
    quote: bool,
) -> bool {
    let t = |k: usize| tokens[k].span.text(text);
    // Enough words before it (counted back from the colon, and no further than
    // needed); `::R. Kelly:` opens an interview answer, not a long clause.
    let min = if quote {
        COLON_QUOTE_MIN_TOKENS
    } else {
        COLON_CAPITAL_MIN_TOKENS
    };
    let words = (begin..i)
        .rev()
        .filter(|&k| t(k).starts_with(char::is_alphanumeric))
        .take(min)
        .count();
    if words < min {
        return false;
    }
    // `R. Kelly: Ja.` in an interview, `(Fachwort: Showcase)`: a capital after a
    // colon only starts a sentence after a word.
    let after_word = i > first && t(i - 1).starts_with(char::is_alphanumeric);
    if !quote && !after_word {
        return false;
    }
    if (begin.max(i.saturating_sub(COLON_SPEECH_WINDOW))..i).any(|k| is_speech_word(t(k))) {
        return false;
    }
    clause_follows(text, tokens, if quote { i + 2 } else { i + 1 })
}

/// Whether the tokens from `from` on (up to the next `.`, `!`, `?` or `;`,
/// within a short window) read as a clause rather than a list of names or
/// figures: they hold a lower-case word other than `und`, `oder`, `sowie`.
fn clause_follows(text: &str, tokens: &[Token], from: usize) -> bool {
    let to = tokens.len().min(from + COLON_LOOKAHEAD);
    (from..to)
        .map(|k| tokens[k].span.text(text))
        .take_while(|w| !matches!(*w, "." | "!" | "?" | ";"))
        .any(|w| w.starts_with(char::is_lowercase) && !matches!(w, "und" | "oder" | "sowie"))
}

/// Verbs of saying (and the words of `mit den Worten`, `wie folgt`, `wörtlich`)
/// that make the quotation after a colon their object.
#[rustfmt::skip]
fn is_speech_word(w: &str) -> bool {
    matches!(
        w,
        "sagte" | "sagt" | "sagten" | "sagen" | "erklärte" | "erklärt" | "erklärten" |
        "schrieb" | "schreibt" | "schrieben" | "meinte" | "meint" | "meinten" | "betonte" |
        "betont" | "betonten" | "fügte" | "fügt" | "hinzu" | "rief" | "ruft" | "riefen" |
        "fragte" | "fragt" | "antwortete" | "antwortet" | "forderte" | "fordert" | "zitiert" |
        "zitierte" | "zitierten" | "heißt" | "hieß" | "lautet" | "lautete" | "lauteten" |
        "meldete" | "meldet" | "kommentierte" | "kommentiert" | "warnte" | "warnt" |
        "verkündete" | "verkündet" | "bekräftigte" | "bekräftigt" | "ergänzte" | "ergänzt" |
        "resümiert" | "resümierte" | "kritisierte" | "kritisiert" | "beschrieb" | "gefragt" |
        "geheißen" | "stand" | "skandierte" | "skandierten" | "teilte" | "teilt" | "mitteilte" |
        "folgt" | "Worten" | "wörtlich" | "sinngemäß"
    )
}

/// Appends the sentence of `tokens[begin..end]`.
fn push(tokens: &[Token], begin: usize, end: usize, out: &mut Vec<Sentence>) {
    out.push(Sentence {
        span: Span::new(tokens[begin].span.start, tokens[end - 1].span.end),
        tokens: begin..end,
    });
}

/// What kind of sentence end a token may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Candidate {
    /// `.`, `!`, `?`, `…`, `...`, `?!`.
    Terminal,
    /// `;`.
    Semicolon,
    /// `:`.
    Colon,
    /// A number with its period: `1969.`, `3.`, `27.12.2008.`.
    NumberPeriod,
    /// A word with its period: `Dr.`, `usw.`, `B.`.
    AbbreviationPeriod,
    /// Anything else.
    None,
}

/// The candidate kind of a token; most tokens (words without a period,
/// quotation marks) are ruled out by their kind and last byte alone.
#[inline]
fn candidate(text: &str, tok: &Token) -> Candidate {
    let x = tok.span.text(text);
    match tok.kind {
        TokenKind::Punct => classify(x),
        TokenKind::Word | TokenKind::Number if x.ends_with('.') => classify(x),
        // A URL that kept the period after it (`…?id=1.`).
        TokenKind::Special if x.ends_with('.') => Candidate::AbbreviationPeriod,
        _ => Candidate::None,
    }
}

/// The candidate kind of a token's text.
fn classify(x: &str) -> Candidate {
    let b = x.as_bytes();
    match b {
        [] => Candidate::None,
        b";" => Candidate::Semicolon,
        b":" => Candidate::Colon,
        _ if x.chars().all(|c| matches!(c, '.' | '!' | '?' | '…')) => Candidate::Terminal,
        [first, .., b'.'] if first.is_ascii_digit() => Candidate::NumberPeriod,
        [.., b'.'] if x.chars().next().is_some_and(char::is_alphabetic) => {
            Candidate::AbbreviationPeriod
        }
        _ => Candidate::None,
    }
}

/// Whether `x` is `…` or two or more periods.
fn is_ellipsis(x: &str) -> bool {
    x == "…" || (x.len() >= 2 && x.bytes().all(|b| b == b'.'))
}

/// Whether `y` starts with a capital.
fn starts_upper(y: &str) -> bool {
    y.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `y` may open a quotation (German, French, English and ASCII styles).
fn is_opening_quote(y: &str) -> bool {
    matches!(y, "„" | "‚" | "»" | "«" | "\"" | "“" | "'" | "‘")
}

/// Whether `x` is a Roman numeral of two or more letters with its period
/// (`Elisabeth II.`); a single `I.` or `V.` is more often an initial.
fn is_roman(x: &str) -> bool {
    x.len() >= 3
        && x.ends_with('.')
        && x[..x.len() - 1]
            .bytes()
            .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L'))
}

/// Whether the digits before a final period can be an ordinal (`3`, `60`,
/// `100`) rather than a year (`1969`), a large number or a date (`27.12.2008`).
fn is_ordinal(d: &str) -> bool {
    d.len() <= 3 && d.bytes().all(|b| b.is_ascii_digit())
}
