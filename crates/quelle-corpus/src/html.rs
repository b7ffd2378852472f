//! Main-content extraction from news pages: body text, headline, date, author, canonical URL.
//!
//! The body comes from `dom_smoothie` (a port of Mozilla's Readability, the
//! extractor behind Firefox's reader view). Metadata comes from the page head
//! (`og:*`, `article:published_time`, JSON-LD, `<meta name="author">`) via
//! dom_smoothie, plus fallbacks it lacks: `<link rel="canonical">` (else
//! `og:url`), the first `<time datetime>` in the page, and a byline without its
//! `Von`. See `docs/batch.md` for the comparison with `trafilatura`.

use dom_smoothie::{Config, Readability, TextMode};

/// An article extracted from a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// Headline and body as plain text: the headline, a blank line, then paragraphs separated by blank lines.
    pub text: String,
    /// The headline.
    pub title: Option<String>,
    /// The author(s).
    pub author: Option<String>,
    /// The publication date/time as found on the page.
    pub published: Option<String>,
    /// The canonical URL (else `og:url`, else the URL the page was fetched from).
    pub url: Option<String>,
    /// The site name (`og:site_name`).
    pub site: Option<String>,
}

/// Finds a non-UTF-8 charset declared by the page (`<meta charset>` or `http-equiv`), lowercased.
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    // The declaration must be in the first 1024 bytes (HTML standard); look a little further.
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let value: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    (!value.is_empty()).then_some(value)
}

/// Whether a charset name means UTF-8 (or its ASCII subset).
pub fn is_utf8(charset: &str) -> bool {
    matches!(charset, "utf-8" | "utf8" | "us-ascii" | "ascii")
}

fn clean(s: Option<impl AsRef<str>>) -> Option<String> {
    let s = s?.as_ref().split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// The name in a byline (`Von Anna Berger` → `Anna Berger`).
fn strip_by(byline: &str) -> &str {
    ["Von ", "von ", "By ", "by "]
        .iter()
        .find_map(|p| byline.strip_prefix(p))
        .unwrap_or(byline)
        .trim()
}

/// Whether a body line is only the byline (`Von Anna Berger`): metadata, not article text.
fn is_byline(line: &str, author: Option<&str>) -> bool {
    author.is_some_and(|a| line.len() < a.len() + 16 && strip_by(line) == a)
}

/// Extracts the article from a page; `Err` says why there is none.
///
/// `page_url` (absolute, e.g. a WARC target URI) resolves relative links.
pub fn extract(html: &str, page_url: Option<&str>) -> Result<Article, String> {
    let doc = dom_query::Document::from(html);
    let canonical = clean(doc.select(r#"link[rel="canonical"]"#).attr("href"))
        .or_else(|| clean(doc.select(r#"meta[property="og:url"]"#).attr("content")));
    let time = clean(doc.select("time[datetime]").attr("datetime"));
    if !dom_smoothie::is_probably_readable(&doc, None, None) {
        return Err("no article found: the page has no readable main text".into());
    }
    let cfg = Config {
        // Paragraph breaks matter: quelle finds headlines and paragraphs by blank lines.
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let page_url = page_url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let mut readability = Readability::with_document(doc, page_url, Some(cfg))
        .map_err(|e| format!("cannot parse the page: {e}"))?;
    let article = readability
        .parse()
        .map_err(|e| format!("no article found: {e}"))?;
    let body = article.text_content.trim();
    if body.is_empty() {
        return Err("no article found: the main content is empty".into());
    }
    let title = clean(Some(&article.title));
    let author = clean(article.byline.as_ref()).map(|a| strip_by(&a).to_owned());
    let mut text = String::with_capacity(body.len() + 128);
    if let Some(t) = &title {
        // Readability usually drops the <h1> that repeats the title: put the headline back.
        if !body.starts_with(t.as_str()) {
            text.push_str(t);
            text.push_str("\n\n");
        }
    }
    let mut blank = 0;
    for line in body.lines() {
        let line = line.trim();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if is_byline(line, author.as_deref()) {
            continue;
        }
        if !text.is_empty() && !text.ends_with("\n\n") {
            text.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        text.push_str(line);
    }
    Ok(Article {
        text,
        title,
        author,
        published: clean(article.published_time.as_ref()).or(time),
        url: canonical
            .or_else(|| clean(article.url.as_ref()))
            .or_else(|| page_url.map(str::to_owned)),
        site: clean(article.site_name.as_ref()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charsets() {
        assert_eq!(
            declared_charset(br#"<meta charset="ISO-8859-1">"#).as_deref(),
            Some("iso-8859-1")
        );
        assert_eq!(declared_charset(b"<p>no charset</p>"), None);
        assert!(is_utf8("utf-8"));
        assert!(!is_utf8("windows-1252"));
    }

    #[test]
    fn bylines() {
        assert_eq!(strip_by("Von Anna Berger"), "Anna Berger");
        assert!(is_byline("Von Anna Berger", Some("Anna Berger")));
        assert!(!is_byline(
            "Anna Berger sagte, es gehe.",
            Some("Anna Berger")
        ));
    }
}
