//! The terminal view of an analysis: structure, then each quotation with its roles.

use quelle::schema::{AnalysisJson, CharSpan, RoleJson};
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

/// Writes a readable view of `doc`; ANSI colour only when `colour` is set.
pub(crate) fn render(out: &mut impl Write, doc: &AnalysisJson, colour: bool) -> io::Result<()> {
    let st = Style { on: colour };
    if let Some(h) = doc.meta.headline {
        writeln!(out, "{}", st.paint("1", &one_line(&slice(&doc.text, h))))?;
    }
    if let Some(d) = doc.meta.dateline {
        writeln!(
            out,
            "{} {}",
            st.paint("2", "Ort:"),
            one_line(&slice(&doc.text, d))
        )?;
    }
    writeln!(
        out,
        "{}",
        st.paint(
            "2",
            &format!(
                "{} Blöcke · {} Sätze · {} Tokens · {} Zitate",
                doc.blocks.len(),
                doc.sentences.len(),
                doc.tokens.len(),
                doc.quotes.len()
            )
        )
    )?;
    for (i, q) in doc.quotes.iter().enumerate() {
        writeln!(out)?;
        let medium = q.medium.map_or("–", |m| m.as_str());
        writeln!(
            out,
            "{} {} {}  {}",
            st.paint("1;36", &format!("[{}]", i + 1)),
            st.paint("1", &role(&q.speaker.as_ref().map(|s| s.role.clone()))),
            st.paint("2", &format!("({} · {})", q.kind.as_str(), medium)),
            st.paint("33", &format!("Cue: {}", role(&q.cue))),
        )?;
        writeln!(out, "    {}", shorten(&one_line(&q.content.text), 240))?;
        if let Some(f) = &q.frame {
            writeln!(
                out,
                "    {}",
                st.paint(
                    "2",
                    &format!("Rahmen: {}", shorten(&one_line(&f.text), 160))
                )
            )?;
        }
        if q.addressee.is_some() {
            writeln!(
                out,
                "    {}",
                st.paint("2", &format!("An: {}", role(&q.addressee)))
            )?;
        }
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

    #[test]
    fn plain_view_has_no_escape_codes() {
        let p = quelle::Pipeline::builder().build().unwrap();
        let doc = p.analyze("Er sagte: „Das ist gut.“");
        let json = AnalysisJson::from_document(&doc);
        let mut buf = Vec::new();
        render(&mut buf, &json, false).unwrap();
        let s = String::from_utf8(buf).unwrap();
        assert!(!s.contains('\x1b'));
        assert!(s.contains("Zitate"));
    }
}
