//! The terminal view of an analysis: the essentials of the sourcing report,
//! compactly — quotations grouped by speaker with status and channel, the
//! profile in a few lines, then the warnings.

use quelle::report::{Lang, Severity};
use quelle::schema::{AnalysisJson, CharSpan, QuoteJson, RoleJson};
use std::io::{self, Write};

/// ANSI styles, or nothing when colour is off.
struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }
}

/// Foreground colours cycled over speakers (the letter tells them apart without colour).
const SPEAKER_COLOURS: [&str; 6] = ["1;34", "1;33", "1;32", "1;31", "1;35", "1;36"];

/// Collapses runs of whitespace (including line breaks) into single spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Shortens to at most `max` characters, marking the cut with an ellipsis.
fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

fn slice(text: &str, s: CharSpan) -> String {
    text.chars()
        .skip(s.start)
        .take(s.end.saturating_sub(s.start))
        .collect()
}

fn role(r: &Option<RoleJson>) -> String {
    r.as_ref()
        .map_or_else(|| "–".to_owned(), |r| one_line(&r.text))
}

/// `n Zitat`/`n Zitate` (`quotation`/`quotations`).
fn quotes_word(n: usize, lang: Lang) -> String {
    let w = match (n == 1, lang) {
        (true, Lang::De) => "Zitat",
        (false, Lang::De) => "Zitate",
        (true, Lang::En) => "quotation",
        (false, Lang::En) => "quotations",
    };
    format!("{n} {w}")
}

/// One quotation: number, form, medium, status, cue; content; channel and addressee.
fn quote(out: &mut impl Write, st: &Style, lang: Lang, i: usize, q: &QuoteJson) -> io::Result<()> {
    let status = lang.status(q.status);
    let status = match &q.status_cue {
        Some(c) => format!("{status} „{}“", one_line(&c.text)),
        None => status.to_owned(),
    };
    writeln!(
        out,
        "   {} {}  {}",
        st.paint("1;36", &format!("[{}]", i + 1)),
        st.paint(
            "2",
            &format!(
                "{} · {} · {}",
                lang.quote_type(q.kind),
                lang.medium(q.medium),
                status
            )
        ),
        st.paint(
            "33",
            &format!("{}: {}", lang.pick("Signal", "Cue"), role(&q.cue))
        ),
    )?;
    writeln!(out, "       {}", shorten(&one_line(&q.content.text), 200))?;
    if !q.via.is_empty() {
        let via: Vec<String> = q.via.iter().map(|v| one_line(&v.role.text)).collect();
        writeln!(
            out,
            "       {}",
            st.paint(
                "2",
                &format!("{}: {}", lang.pick("Kanal", "Channel"), via.join("; "))
            )
        )?;
    }
    if q.addressee.is_some() {
        writeln!(
            out,
            "       {}",
            st.paint(
                "2",
                &format!("{}: {}", lang.pick("An", "To"), role(&q.addressee))
            )
        )?;
    }
    Ok(())
}

/// Writes a readable view of `doc` in `lang`; ANSI colour only when `colour` is set.
pub(crate) fn render(
    out: &mut impl Write,
    doc: &AnalysisJson,
    colour: bool,
    lang: Lang,
) -> io::Result<()> {
    let st = Style { on: colour };
    let p = &doc.profile;
    if let Some(h) = doc.meta.headline {
        writeln!(out, "{}", st.paint("1", &one_line(&slice(&doc.text, h))))?;
    }
    if let Some(d) = doc.meta.dateline {
        writeln!(
            out,
            "{} {}",
            st.paint("2", lang.pick("Ort:", "Place:")),
            one_line(&slice(&doc.text, d))
        )?;
    }
    let pct = quelle::report::profile::percent(p.quoted_words, p.words);
    writeln!(
        out,
        "{}",
        st.paint(
            "2",
            &format!(
                "{} {} · {} {} · {} Tokens · {} · {pct} % {}",
                doc.blocks.len(),
                lang.pick("Blöcke", "blocks"),
                doc.sentences.len(),
                lang.pick("Sätze", "sentences"),
                doc.tokens.len(),
                quotes_word(doc.quotes.len(), lang),
                lang.pick("der Wörter zitiert", "of words quoted"),
            )
        )
    )?;

    let mut letter = 0u8;
    for s in &p.speakers {
        writeln!(out)?;
        let none = s.key == "none";
        let (label, code) = if none {
            ("?".to_owned(), "1;37")
        } else {
            let l = (b'A' + letter % 26) as char;
            letter += 1;
            (
                l.to_string(),
                SPEAKER_COLOURS[(letter as usize - 1) % SPEAKER_COLOURS.len()],
            )
        };
        let name = s
            .name
            .clone()
            .unwrap_or_else(|| lang.no_speaker().to_owned());
        let mut about = Vec::new();
        if let Some(k) = s.kind {
            about.push(lang.entity_kind(k).to_owned());
        }
        if let Some(r) = &s.role {
            about.push(r.clone());
        }
        // "not determined" says nothing a reader can use; leave it out.
        if !none && s.source_kind != quelle::document::SourceKind::Unknown {
            about.push(lang.source_kind(s.source_kind).to_owned());
        }
        writeln!(
            out,
            "{} {}  {}",
            st.paint(code, &format!("{label:>2}")),
            st.paint(code, &name),
            st.paint(
                "2",
                &format!(
                    "{}{} · {} % {}",
                    if about.is_empty() {
                        String::new()
                    } else {
                        format!("({}) ", about.join(" · "))
                    },
                    quotes_word(s.quote_indices.len(), lang),
                    s.share_percent,
                    lang.pick("der zitierten Wörter", "of quoted words")
                )
            )
        )?;
        for &i in &s.quote_indices {
            quote(out, &st, lang, i, &doc.quotes[i])?;
        }
    }

    writeln!(out)?;
    let list = |items: Vec<String>| {
        if items.is_empty() {
            "–".to_owned()
        } else {
            items.join(" · ")
        }
    };
    let kinds = list(
        p.source_kinds
            .iter()
            .map(|c| format!("{} {}", lang.source_kind(c.value), c.quotes))
            .collect(),
    );
    let types = list(
        p.types
            .iter()
            .map(|c| format!("{} {}", lang.quote_type(c.value), c.quotes))
            .collect(),
    );
    let statuses = list(
        p.statuses
            .iter()
            .map(|c| format!("{} {}", lang.status(c.value), c.quotes))
            .collect(),
    );
    let channels = list(
        p.channels
            .iter()
            .map(|c| format!("{} {}", c.name, c.quote_indices.len()))
            .collect(),
    );
    for (k, v) in [
        (lang.pick("Quellenarten", "Kinds of source"), kinds),
        (lang.pick("Formen", "Forms"), types),
        (lang.pick("Status", "Status"), statuses),
        (lang.pick("Kanäle", "Channels"), channels),
    ] {
        writeln!(out, "{} {v}", st.paint("1", &format!("{k}:")))?;
    }

    writeln!(out)?;
    writeln!(
        out,
        "{}",
        st.paint(
            "1",
            &format!(
                "{} ({})",
                lang.pick("Warnungen", "Warnings"),
                doc.warnings.len()
            )
        )
    )?;
    if doc.warnings.is_empty() {
        writeln!(out, "   {}", lang.pick("keine", "none"))?;
    }
    for (i, w) in doc.warnings.iter().enumerate() {
        let code = match w.severity {
            Severity::Critical => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;34",
        };
        let refs: Vec<String> = w.sentences.iter().map(|s| (s + 1).to_string()).collect();
        writeln!(
            out,
            "{} {}  {}  {}",
            st.paint(code, &format!("!{}", i + 1)),
            st.paint(code, lang.severity(w.severity)),
            st.paint("2", &w.id),
            st.paint(
                "2",
                &format!("{} {}", lang.pick("Sätze", "sentences"), refs.join(", "))
            ),
        )?;
        writeln!(out, "   {}", lang.pick(&w.message.de, &w.message.en))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_counts_characters() {
        assert_eq!(shorten("äöüß", 3), "äö…");
        assert_eq!(shorten("abc", 3), "abc");
    }

    fn view(text: &str, colour: bool, lang: Lang) -> String {
        let p = quelle::Pipeline::builder().build().unwrap();
        let json = AnalysisJson::from_document(&p.analyze(text));
        let mut buf = Vec::new();
        render(&mut buf, &json, colour, lang).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn plain_view_has_no_escape_codes() {
        let s = view("Er sagte: „Das ist gut.“", false, Lang::De);
        assert!(!s.contains('\x1b'));
        assert!(s.contains("1 Zitat"), "{s}");
        assert!(s.contains("Warnungen (0)"), "{s}");
    }

    #[test]
    fn colour_view_paints_and_english_labels_switch() {
        let s = view("Er sagte: „Das ist gut.“", true, Lang::En);
        assert!(s.contains('\x1b'));
        assert!(s.contains("Warnings"), "{s}");
        assert!(s.contains("1 quotation"), "{s}");
    }
}
