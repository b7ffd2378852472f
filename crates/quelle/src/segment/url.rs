//! Recognises URLs and e-mail addresses, so that they stay one token.
//!
//! A hand-written, backtracking-free equivalent of spaCy's `URL_MATCH` pattern
//! (itself after Diego Perini's), which the gold tokenizer applies to what is
//! left of a chunk once its outer punctuation is stripped:
//!
//! ```text
//! (scheme://)? (userinfo@)? (ip-address | (label.)+ tld) (:port)? ([/?#] rest)?
//! ```
//!
//! A label is 1–64 characters of `[A-Za-z0-9\u{a1}-\u{ffff}_-]` that begin and
//! end with a non-`_-` one; the top-level domain is 2–63 lower-case letters, so
//! `lower.Upper` (a missing space after a period) is no URL.

use super::chars::{flags, is, DIGIT_U, LOWER, URL_X, WORD};

/// Whether `s` (no whitespace) is a URL, a bare domain or an e-mail address.
pub(crate) fn is_url(s: &str) -> bool {
    // Every form needs a period (in the domain or the IP address).
    if !s.as_bytes().contains(&b'.') {
        return false;
    }
    // `scheme://`: the scheme can hold no colon, so it ends at the first one.
    if let Some(k) = s.find(':') {
        let scheme = &s[..k];
        if s[k..].starts_with("://")
            && scheme.chars().count() >= 2
            && scheme
                .chars()
                .all(|c| is(c, WORD) || matches!(c, '+' | '-' | '.'))
            && after_scheme(&s[k + 3..])
        {
            return true;
        }
    }
    after_scheme(s)
}

/// Matches `(userinfo@)? host (:port)? (path)?` against all of `s`.
fn after_scheme(s: &str) -> bool {
    if host_and_rest(s) {
        return true;
    }
    // `userinfo@`: one or more non-space characters, then `@`; any `@` may end it.
    s.match_indices('@')
        .any(|(a, _)| a >= 1 && host_and_rest(&s[a + 1..]))
}

/// Matches `host (:port)? ([/?#] rest)?` against all of `s`.
fn host_and_rest(s: &str) -> bool {
    if let Some(rest) = ip_address(s) {
        if port_and_path(rest) {
            return true;
        }
    }
    let host_end = s
        .find(|c: char| !(is(c, URL_X | LOWER) || matches!(c, '_' | '-' | '.')))
        .unwrap_or(s.len());
    domain(&s[..host_end]) && port_and_path(&s[host_end..])
}

/// Whether `h` is `(label.)+ tld`.
fn domain(h: &str) -> bool {
    let Some(dot) = h.rfind('.') else {
        return false;
    };
    let tld = &h[dot + 1..];
    let tld_len = tld.chars().count();
    if !(2..=63).contains(&tld_len) || !tld.chars().all(|c| is(c, LOWER)) {
        return false;
    }
    h[..dot].split('.').all(label)
}

/// Whether `l` is one domain label.
fn label(l: &str) -> bool {
    let n = l.chars().count();
    if n == 0 || n > 64 {
        return false;
    }
    let edge_ok = |c: Option<char>| c.is_some_and(|c| is(c, URL_X));
    edge_ok(l.chars().next())
        && edge_ok(l.chars().next_back())
        && l.chars().all(|c| is(c, URL_X) || matches!(c, '_' | '-'))
}

/// Matches `(:\d{2,5})? ([/?#]\S*)?` against all of `s`.
fn port_and_path(s: &str) -> bool {
    let mut rest = s;
    if let Some(p) = rest.strip_prefix(':') {
        let digits = p.chars().take_while(|&c| flags(c) & DIGIT_U != 0).count();
        if digits < 2 {
            return false;
        }
        let take = digits.min(5);
        let cut = p.char_indices().nth(take).map_or(p.len(), |(i, _)| i);
        rest = &p[cut..];
    }
    rest.is_empty() || rest.starts_with(['/', '?', '#'])
}

/// If `s` starts with a public IPv4 address as the pattern accepts it, the rest.
fn ip_address(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let mut octets = [0u32; 4];
    let mut at = 0;
    for (k, octet) in octets.iter_mut().enumerate() {
        if k > 0 {
            if b.get(at) != Some(&b'.') {
                return None;
            }
            at += 1;
        }
        let start = at;
        while at < b.len() && b[at].is_ascii_digit() {
            at += 1;
        }
        let digits = &s[start..at];
        if digits.is_empty() || digits.len() > 3 {
            return None;
        }
        // Leading zeros are allowed only where the pattern's `1?\d{1,2}` allows them.
        let v: u32 = digits.parse().ok()?;
        let ok = match k {
            0 => !digits.starts_with('0') && (1..=223).contains(&v),
            3 => !digits.starts_with('0') && (1..=254).contains(&v),
            _ => digits.len() < 3 || (100..=255).contains(&v),
        };
        if !ok {
            return None;
        }
        *octet = v;
    }
    // Private, loopback and link-local networks are excluded.
    let [a, b1, ..] = octets;
    if a == 10 || a == 127 || (a == 169 && b1 == 254) || (a == 192 && b1 == 168) {
        return None;
    }
    if a == 172 && (16..=31).contains(&b1) {
        return None;
    }
    Some(&s[at..])
}

#[cfg(test)]
mod tests {
    use super::is_url;

    #[test]
    fn urls_and_addresses() {
        for u in [
            "http://www.spiegel.de/a?b=1.",
            "https://example.com",
            "www.wikinews.de",
            "wikinews.de",
            "info@example.com",
            "mailto:info@example.com",
            "ftp://user:pw@host.org:8080/x",
            "8.8.8.8",
            "8.8.8.8/dns",
            "bzw.die",
            "münchen.de",
        ] {
            assert!(is_url(u), "{u}");
        }
        for u in [
            "z.B.",
            "d.h.",
            "1.000",
            "27.12.2008",
            "Kim.Jong",
            "Nato-Generalsekretär",
            "192.168.0.1",
            "10.0.0.1",
            "a..b.de",
            "-a.de",
            "http://",
            "x.de:1",
            "",
            ".",
            "@.de",
        ] {
            assert!(!is_url(u), "{u}");
        }
    }
}
