//! Warnings a careful editor would raise about an article's sourcing.
//!
//! Every rule reads only the `quelle/1` analysis (structure, quotations and the
//! sourcing fields), never the identity of a particular text. Rules that need
//! the sourcing stage's fields (`source_kind`, `via`, `status`, entities) stay
//! silent while those are empty. Each warning names its sentences and
//! quotations and explains itself in German and English; see
//! `docs/json-format.md`, section *Sourcing report*.

use crate::document::{EntityKind, SourceKind, Status};
use crate::lexicon::cue_verb_lemma;
use crate::report::profile::speaker_key;
use crate::report::words::{
    content_words, list_entries, overlap, raw_words, spans_overlap, words, Chars,
};
use crate::schema::{AnalysisJson, CharSpan, QuoteJson};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// How serious a warning is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing; often normal journalism (a hedged claim, an unnamed group).
    Info,
    /// Check before relying on it.
    Warning,
    /// Misleading as it stands (the headline states as fact what the body only attributes).
    Critical,
}

impl Severity {
    /// The JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Critical => "critical",
        }
    }
}

/// A warning's explanation in both report languages.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Message {
    /// German.
    pub de: String,
    /// English.
    pub en: String,
}

/// One warning about the article's sourcing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WarningJson {
    /// The rule that raised it (`headline_as_fact`, `state_media_only`, …).
    pub id: String,
    /// How serious it is.
    pub severity: Severity,
    /// Indices into `sentences` the warning is about, ascending.
    pub sentences: Vec<usize>,
    /// Indices into `quotes` the warning is about, ascending.
    pub quotes: Vec<usize>,
    /// The explanation.
    pub message: Message,
}

/// Rule ids, as written into [`WarningJson::id`].
pub mod rule {
    /// The headline states as fact what the body only attributes.
    pub const HEADLINE_AS_FACT: &str = "headline_as_fact";
    /// Statements that reached the article only through state media.
    pub const STATE_MEDIA_ONLY: &str = "state_media_only";
    /// Statements of an anonymous source.
    pub const ANONYMOUS_SOURCE: &str = "anonymous_source";
    /// Statements of an unnamed group (`Experten`).
    pub const UNNAMED_SOURCE: &str = "unnamed_source";
    /// A claim reported with reservation, as supposition, or as unconfirmed.
    pub const HEDGED_CLAIM: &str = "hedged_claim";
    /// A claim that its subject denies.
    pub const DENIED_CLAIM: &str = "denied_claim";
    /// A quotation with no speaker and no channel.
    pub const QUOTE_WITHOUT_SPEAKER: &str = "quote_without_speaker";
    /// A sentence of opinion that no quotation or source covers.
    pub const OPINION_WITHOUT_SOURCE: &str = "opinion_without_source";
}

/// Words that attribute a headline to someone or keep the article's distance
/// (besides quotation marks, a colon and reporting verbs). Modal `will`/`wollen`
/// and `plant` report an actor's own intention, which the actor is the source of.
const HEADLINE_ATTRIBUTION: &[&str] = &[
    "laut",
    "zufolge",
    "angeblich",
    "offenbar",
    "mutmaßlich",
    "vermutlich",
    "soll",
    "sollen",
    "bericht",
    "berichte",
    "berichten",
    "will",
    "wollen",
    "plant",
    "planen",
    "befürchtet",
];

/// Words that attribute the sentence they stand in (besides reporting verbs).
const SENTENCE_ATTRIBUTION: &[&str] = &["laut", "zufolge", "angaben", "so", "hieß", "heißt"];

/// Marks of state-controlled media in a channel's or source's words.
const STATE_MEDIA_MARKS: &[&str] = &[
    "staatlich",
    "staatsmedi",
    "staatsfernseh",
    "staatsagentur",
    "staatssender",
    "staatszeitung",
    "staatspresse",
    "regierungszeitung",
    "regierungsnah",
];

/// The opinion lexicon, split by how an entry matches.
struct Opinion {
    /// Non-empty exact entries by first byte: only those can equal a word.
    exact: Vec<Vec<&'static str>>,
    /// Non-empty prefix entries by first byte: only those can begin a word.
    prefix: Vec<Vec<&'static str>>,
    /// Non-empty suffix entries by last byte: only those can end a word.
    suffix: Vec<Vec<&'static str>>,
    /// An empty exact entry (matches the empty word).
    empty_exact: bool,
    /// An empty prefix or suffix entry (matches every word).
    empty_affix: bool,
}

impl Opinion {
    /// Whether the lowercase word is evaluative.
    fn matches(&self, w: &str) -> bool {
        let (Some(&a), Some(&z)) = (w.as_bytes().first(), w.as_bytes().last()) else {
            return self.empty_exact || self.empty_affix;
        };
        self.empty_affix
            || self.exact[a as usize].contains(&w)
            || self.prefix[a as usize].iter().any(|p| w.starts_with(p))
            || self.suffix[z as usize].iter().any(|s| w.ends_with(s))
    }
}

fn opinion() -> &'static Opinion {
    static O: OnceLock<Opinion> = OnceLock::new();
    O.get_or_init(|| {
        let mut o = Opinion {
            exact: vec![Vec::new(); 256],
            prefix: vec![Vec::new(); 256],
            suffix: vec![Vec::new(); 256],
            empty_exact: false,
            empty_affix: false,
        };
        for e in list_entries(include_str!("../../lexicon/opinion.txt")) {
            if let Some(p) = e.strip_suffix('*') {
                match p.as_bytes().first() {
                    Some(&b) => o.prefix[b as usize].push(p),
                    None => o.empty_affix = true,
                }
            } else if let Some(s) = e.strip_prefix('*') {
                match s.as_bytes().last() {
                    Some(&b) => o.suffix[b as usize].push(s),
                    None => o.empty_affix = true,
                }
            } else {
                match e.as_bytes().first() {
                    Some(&b) => o.exact[b as usize].push(e),
                    None => o.empty_exact = true,
                }
            }
        }
        o
    })
}

/// `w.to_lowercase()` into `out`, reusing its allocation for ASCII words.
fn lowercase_into(w: &str, out: &mut String) {
    if w.is_ascii() {
        out.clear();
        out.push_str(w);
        out.make_ascii_lowercase();
    } else {
        *out = w.to_lowercase();
    }
}

/// Shared lookups of one run over a document.
struct Ctx<'a> {
    doc: &'a AnalysisJson,
    chars: &'a Chars<'a>,
    /// Per quotation: [`Ctx::nested`].
    nested: Vec<bool>,
    /// Tokens in text order without overlap (as the pipeline writes them):
    /// the tokens inside a span are then a run that a binary search finds.
    ordered: bool,
}

impl Ctx<'_> {
    /// The tokens lying inside `s`, in order.
    fn tokens_in(&self, s: CharSpan) -> impl Iterator<Item = &CharSpan> {
        let tokens = &self.doc.tokens[..];
        let run = if self.ordered {
            let a = tokens.partition_point(|t| t.start < s.start);
            a..a + tokens[a..].partition_point(|t| t.end <= s.end)
        } else {
            0..tokens.len()
        };
        tokens[run]
            .iter()
            .filter(move |t| s.start <= t.start && t.end <= s.end)
    }

    /// Sentences a set of spans touches, ascending.
    fn sentences_of(&self, spans: &[CharSpan]) -> Vec<usize> {
        self.doc
            .sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| spans.iter().any(|sp| spans_overlap(**s, *sp)))
            .map(|(i, _)| i)
            .collect()
    }

    /// Sentences of the quotations' contents, ascending and unique.
    fn sentences_of_quotes(&self, quotes: &[usize]) -> Vec<usize> {
        let spans: Vec<CharSpan> = quotes
            .iter()
            .flat_map(|&i| self.doc.quotes[i].content.spans.iter().copied())
            .collect();
        self.sentences_of(&spans)
    }

    /// A quotation's content, on one line, without its own quotation marks
    /// (the message adds them) and shortened for a message.
    fn excerpt(&self, q: &QuoteJson) -> String {
        let t = one_line(&q.content.text);
        let t = t.trim_matches(|c| matches!(c, '„' | '“' | '”' | '"' | '»' | '«'));
        shorten(t, 70)
    }

    /// Whether quotation `i` lies inside another quotation with the same speaker,
    /// which already carries every warning it would get (a partial direct quote
    /// inside indirect speech).
    fn nested(&self, i: usize) -> bool {
        self.nested[i]
    }

    /// The name of a quotation's speaker: the entity's name, else the mention.
    fn speaker_name(&self, q: &QuoteJson) -> Option<String> {
        let s = q.speaker.as_ref()?;
        let ent = s
            .entity
            .as_deref()
            .and_then(|id| self.doc.entities.iter().find(|e| e.id == id));
        Some(ent.map_or_else(|| one_line(&s.role.text), |e| e.name.clone()))
    }

    fn entity_kind(&self, id: Option<&str>) -> Option<EntityKind> {
        let id = id?;
        self.doc
            .entities
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.kind)
    }
}

/// [`Ctx::nested`] of every quotation, computed once: the rules ask it per
/// quotation, and it compares speaker keys, which are built strings.
fn nested_flags(doc: &AnalysisJson) -> Vec<bool> {
    let keys: Vec<String> = doc.quotes.iter().map(speaker_key).collect();
    let quotes = &doc.quotes;
    (0..quotes.len())
        .map(|i| {
            let q = &quotes[i];
            quotes.iter().enumerate().any(|(j, p)| {
                j != i
                    && keys[j] == keys[i]
                    && covers(&p.content.spans, &q.content.spans)
                    && (!covers(&q.content.spans, &p.content.spans) || j < i)
            })
        })
        .collect()
}

/// Whether every span of `inner` lies inside some span of `outer`.
fn covers(outer: &[CharSpan], inner: &[CharSpan]) -> bool {
    !inner.is_empty()
        && inner
            .iter()
            .all(|i| outer.iter().any(|o| o.start <= i.start && i.end <= o.end))
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(max - 1).collect();
        out.push('…');
        out
    }
}

fn warning(
    id: &str,
    severity: Severity,
    sentences: Vec<usize>,
    quotes: Vec<usize>,
    de: String,
    en: String,
) -> WarningJson {
    WarningJson {
        id: id.to_owned(),
        severity,
        sentences,
        quotes,
        message: Message { de, en },
    }
}

/// Whether the article attributes the quotation to anyone or keeps its distance.
fn attributed(q: &QuoteJson) -> bool {
    q.speaker.is_some() || q.cue.is_some() || !q.via.is_empty() || q.status != Status::Stated
}

/// Runs every rule; the most serious warnings first, then in text order.
pub fn detect(doc: &AnalysisJson) -> Vec<WarningJson> {
    detect_with(doc, &Chars::new(&doc.text))
}

/// [`detect`] with the character index of `doc.text` at hand.
pub(crate) fn detect_with<'a>(doc: &'a AnalysisJson, chars: &'a Chars<'a>) -> Vec<WarningJson> {
    let tokens = &doc.tokens;
    let cx = Ctx {
        doc,
        chars,
        nested: nested_flags(doc),
        ordered: tokens
            .windows(2)
            .all(|w| w[0].start <= w[0].end && w[0].end <= w[1].start)
            && tokens.last().is_none_or(|t| t.start <= t.end),
    };
    let mut out = Vec::new();
    out.extend(headline_as_fact(&cx));
    out.extend(state_media_only(&cx));
    out.extend(source_groups(&cx));
    out.extend(status_claims(&cx));
    out.extend(quote_without_speaker(&cx));
    out.extend(opinion_without_source(&cx));
    out.sort_by_key(|w| {
        (
            std::cmp::Reverse(w.severity),
            w.sentences.first().copied().unwrap_or(usize::MAX),
        )
    });
    out
}

/// The headline states as fact what the body only attributes.
///
/// Fires when the headline carries no attribution (no quotation marks, colon,
/// `laut`, reporting verb, reportative or intention modal, question mark), and
/// the body's quotations carry its content — the quotation over the lead
/// sentence shares a content word with it, or a quotation shares at least half
/// of its content words — while no body sentence states that much of it
/// outside quotations.
fn headline_as_fact(cx: &Ctx) -> Option<WarningJson> {
    let doc = cx.doc;
    let h = doc.meta.headline?;
    let headline = cx.chars.slice(h);
    if headline.contains(['„', '“', '”', '"', '»', '«', '‚', '‘', ':', '?']) {
        return None;
    }
    let hw = words(headline);
    if hw
        .iter()
        .any(|w| HEADLINE_ATTRIBUTION.contains(&w.as_str()) || cue_verb_lemma(w).is_some())
    {
        return None;
    }
    let wanted = content_words(headline);
    if wanted.len() < 2 {
        return None;
    }
    let strong = wanted.len().div_ceil(2).max(2);
    let head_sentences = cx.sentences_of(&[h]);
    let body_start = doc
        .blocks
        .iter()
        .find(|b| b.kind == crate::document::BlockKind::Paragraph)?
        .start;
    let lead = doc.sentences.iter().position(|s| s.start >= body_start)?;

    // Words a sentence states in the article's own voice: outside every quotation and frame.
    let quoted: Vec<CharSpan> = doc
        .quotes
        .iter()
        .flat_map(|q| {
            q.content
                .spans
                .iter()
                .chain(q.frame.iter().flat_map(|f| &f.spans))
                .copied()
        })
        .collect();
    for s in doc.sentences.iter().filter(|s| s.start >= body_start) {
        let own: Vec<String> = cx
            .tokens_in(*s)
            .filter(|t| !quoted.iter().any(|q| q.start <= t.start && t.end <= q.end))
            .flat_map(|t| words(cx.chars.slice(*t)))
            .collect();
        if overlap(&wanted, &own) >= strong {
            return None;
        }
    }

    let lead_span = doc.sentences[lead];
    let mut support: Vec<usize> = Vec::new();
    for (i, q) in doc.quotes.iter().enumerate() {
        if !attributed(q) || q.content.spans.iter().all(|s| s.start < body_start) {
            continue;
        }
        if support
            .iter()
            .any(|&p| covers(&doc.quotes[p].content.spans, &q.content.spans))
        {
            continue;
        }
        let n = overlap(&wanted, &content_words(&q.content.text));
        let on_lead = q.content.spans.iter().any(|s| spans_overlap(*s, lead_span));
        if n >= strong || (on_lead && n >= 1) {
            support.push(i);
        }
    }
    if support.is_empty() {
        return None;
    }
    let attributions: Vec<String> = support
        .iter()
        .map(|&i| {
            let q = &doc.quotes[i];
            match (&q.frame, &q.speaker) {
                (Some(f), _) if f.text.chars().count() <= 60 => one_line(&f.text),
                (_, Some(s)) => one_line(&s.role.text),
                _ => q
                    .cue
                    .as_ref()
                    .map_or_else(String::new, |c| one_line(&c.text)),
            }
        })
        .filter(|a| !a.is_empty())
        .collect();
    let mut attributions_unique: Vec<String> = Vec::new();
    for a in attributions {
        if !attributions_unique.contains(&a) {
            attributions_unique.push(a);
        }
    }
    let by = attributions_unique.join("; ");
    let mut sentences = head_sentences;
    sentences.extend(cx.sentences_of_quotes(&support));
    sentences.sort_unstable();
    sentences.dedup();
    let headline = one_line(headline);
    Some(warning(
        rule::HEADLINE_AS_FACT,
        Severity::Critical,
        sentences,
        support,
        format!(
            "Die Überschrift „{headline}“ stellt als Tatsache dar, was der Text nur als Aussage anderer wiedergibt ({by}). Die Überschrift sollte die Quelle nennen oder Abstand halten."
        ),
        format!(
            "The headline “{headline}” states as fact what the body only reports as others' statements ({by}). It should name the source or keep its distance."
        ),
    ))
}

/// Whether a channel or source's words or entity mark it as state media.
fn state_marked(cx: &Ctx, text: &str, entity: Option<&str>, state_entities: &[String]) -> bool {
    if entity.is_some_and(|e| state_entities.iter().any(|s| s == e)) {
        return true;
    }
    let name = entity
        .and_then(|id| cx.doc.entities.iter().find(|e| e.id == id))
        .map_or("", |e| e.name.as_str());
    let lower = format!("{} {}", text, name).to_lowercase();
    STATE_MEDIA_MARKS.iter().any(|m| lower.contains(m))
}

/// Statements that reached the article only through state media.
///
/// A quotation rests only on state media when its source kind is `state_media`
/// and any channel it came through is state media too, or when it came through
/// channels that are all state media (an entity that is elsewhere a state-media
/// source, or words such as `staatliche`, `Staatsmedien`). One warning per source.
fn state_media_only(cx: &Ctx) -> Vec<WarningJson> {
    let doc = cx.doc;
    let state_entities: Vec<String> = doc
        .quotes
        .iter()
        .filter(|q| q.source_kind == SourceKind::StateMedia)
        .filter_map(|q| q.speaker.as_ref()?.entity.clone())
        .collect();
    let vias_state = |q: &QuoteJson| {
        q.via
            .iter()
            .all(|v| state_marked(cx, &v.role.text, v.entity.as_deref(), &state_entities))
    };
    let mut groups: Vec<(String, Vec<usize>, Vec<String>)> = Vec::new();
    for (i, q) in doc.quotes.iter().enumerate() {
        if cx.nested(i) {
            continue;
        }
        let only_state = if q.source_kind == SourceKind::StateMedia {
            vias_state(q)
        } else {
            !q.via.is_empty() && vias_state(q)
        };
        if !only_state {
            continue;
        }
        let mut media: Vec<String> = q.via.iter().map(|v| one_line(&v.role.text)).collect();
        if q.source_kind == SourceKind::StateMedia {
            if let Some(n) = cx.speaker_name(q) {
                media.insert(0, n);
            }
        }
        let key = speaker_key(q);
        match groups.iter_mut().find(|g| g.0 == key) {
            Some(g) => {
                g.1.push(i);
                for m in media {
                    if !g.2.contains(&m) {
                        g.2.push(m);
                    }
                }
            }
            None => groups.push((key, vec![i], media)),
        }
    }
    groups
        .into_iter()
        .map(|(_, quotes, media)| {
            let q = &doc.quotes[quotes[0]];
            let who = cx.speaker_name(q).unwrap_or_else(|| "?".to_owned());
            let media = media.join(", ");
            let n = quotes.len();
            let (de, en) = if q.source_kind == SourceKind::StateMedia {
                (
                    format!("{n} Aussage(n) stützen sich allein auf Staatsmedien ({media}); keine unabhängige Quelle bestätigt sie."),
                    format!("{n} statement(s) rest only on state media ({media}); no independent source confirms them."),
                )
            } else {
                (
                    format!("{n} Aussage(n) von {who} sind nur über Staatsmedien überliefert ({media}); keine unabhängige Quelle bestätigt sie."),
                    format!("{n} statement(s) by {who} reached the article only through state media ({media}); no independent source confirms them."),
                )
            };
            warning(
                rule::STATE_MEDIA_ONLY,
                Severity::Warning,
                cx.sentences_of_quotes(&quotes),
                quotes,
                de,
                en,
            )
        })
        .collect()
}

/// Anonymous sources (warning) and unnamed groups (note), one warning per source.
fn source_groups(cx: &Ctx) -> Vec<WarningJson> {
    let doc = cx.doc;
    let mut out = Vec::new();
    for anonymous in [true, false] {
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        for (i, q) in doc.quotes.iter().enumerate() {
            let kind = cx.entity_kind(q.speaker.as_ref().and_then(|s| s.entity.as_deref()));
            let hit = if anonymous {
                q.source_kind == SourceKind::Anonymous || kind == Some(EntityKind::Anonymous)
            } else {
                // A group of named states (`Beide Länder` = `Russland und Nordkorea`) is official, not unnamed.
                q.source_kind == SourceKind::UnnamedGroup
                    || kind == Some(EntityKind::Group) && q.source_kind == SourceKind::Unknown
            };
            if !hit || cx.nested(i) {
                continue;
            }
            let key = speaker_key(q);
            match groups.iter_mut().find(|g| g.0 == key) {
                Some(g) => g.1.push(i),
                None => groups.push((key, vec![i])),
            }
        }
        for (_, quotes) in groups {
            let who = cx
                .speaker_name(&doc.quotes[quotes[0]])
                .unwrap_or_else(|| "?".to_owned());
            let n = quotes.len();
            let (id, severity, de, en) = if anonymous {
                (
                    rule::ANONYMOUS_SOURCE,
                    Severity::Warning,
                    format!("{n} Aussage(n) stammen von einer anonymen Quelle („{who}“); Leser können sie nicht prüfen."),
                    format!("{n} statement(s) come from an anonymous source (“{who}”); readers cannot check them."),
                )
            } else {
                (
                    rule::UNNAMED_SOURCE,
                    Severity::Info,
                    format!("{n} Aussage(n) stammen von einer ungenannten Gruppe („{who}“); wer genau spricht, bleibt offen."),
                    format!("{n} statement(s) come from an unnamed group (“{who}”); who exactly speaks is left open."),
                )
            };
            out.push(warning(
                id,
                severity,
                cx.sentences_of_quotes(&quotes),
                quotes,
                de,
                en,
            ));
        }
    }
    out
}

/// Claims reported with reservation, as supposition, unconfirmed, or denied: one per quotation.
fn status_claims(cx: &Ctx) -> Vec<WarningJson> {
    let doc = cx.doc;
    let mut out = Vec::new();
    for (i, q) in doc.quotes.iter().enumerate() {
        if q.status == Status::Stated || cx.nested(i) {
            continue;
        }
        let cue = q
            .status_cue
            .as_ref()
            .map(|c| format!(" („{}“)", one_line(&c.text)))
            .unwrap_or_default();
        let cue_en = q
            .status_cue
            .as_ref()
            .map(|c| format!(" (“{}”)", one_line(&c.text)))
            .unwrap_or_default();
        let ex = cx.excerpt(q);
        let (id, severity, de, en) = match q.status {
            Status::Denied => (
                rule::DENIED_CLAIM,
                Severity::Info,
                format!("Bestrittene Behauptung{cue}: „{ex}“. Wer behauptet sie, und was spricht dafür?"),
                format!("Denied claim{cue_en}: “{ex}”. Who makes it, and what supports it?"),
            ),
            Status::Unconfirmed => (
                rule::HEDGED_CLAIM,
                Severity::Warning,
                format!("Unbestätigte Behauptung{cue}: „{ex}“."),
                format!("Unconfirmed claim{cue_en}: “{ex}”."),
            ),
            Status::Speculative => (
                rule::HEDGED_CLAIM,
                Severity::Info,
                format!("Vermutung, keine Tatsache{cue}: „{ex}“."),
                format!("Supposition, not fact{cue_en}: “{ex}”."),
            ),
            _ => (
                rule::HEDGED_CLAIM,
                Severity::Info,
                format!("Der Text gibt die Behauptung nur unter Vorbehalt wieder{cue}: „{ex}“."),
                format!("The article reports the claim only with reservation{cue_en}: “{ex}”."),
            ),
        };
        out.push(warning(
            id,
            severity,
            cx.sentences_of_quotes(&[i]),
            vec![i],
            de,
            en,
        ));
    }
    out
}

/// Quotations with neither speaker nor channel, unless they sit inside a quotation that has one.
fn quote_without_speaker(cx: &Ctx) -> Vec<WarningJson> {
    let doc = cx.doc;
    let mut out = Vec::new();
    for (i, q) in doc.quotes.iter().enumerate() {
        if q.speaker.is_some() || !q.via.is_empty() {
            continue;
        }
        let inside_sourced = doc.quotes.iter().enumerate().any(|(j, p)| {
            j != i
                && (p.speaker.is_some() || !p.via.is_empty())
                && covers(&p.content.spans, &q.content.spans)
        });
        if inside_sourced || cx.nested(i) {
            continue;
        }
        let ex = cx.excerpt(q);
        out.push(warning(
            rule::QUOTE_WITHOUT_SPEAKER,
            Severity::Warning,
            cx.sentences_of_quotes(&[i]),
            vec![i],
            format!("Zitat ohne erkennbaren Sprecher: „{ex}“. Wer sagt das?"),
            format!("Quotation without a recognisable speaker: “{ex}”. Who says this?"),
        ));
    }
    out
}

/// Whether a sentence opens with a speaker and a colon (`Saakaschwili: Leider …`),
/// the interview and headline form of attribution: a colon after at most three words.
fn speaker_colon(sentence: &str) -> bool {
    sentence
        .find(':')
        .is_some_and(|i| (1..=3).contains(&sentence[..i].split_whitespace().count()))
}

/// Sentences with an evaluative word that no quotation role touches and that
/// carry no attribution of their own: opinion in the article's own voice.
fn opinion_without_source(cx: &Ctx) -> Vec<WarningJson> {
    let doc = cx.doc;
    let roles: Vec<CharSpan> = doc
        .quotes
        .iter()
        .flat_map(|q| {
            q.content
                .spans
                .iter()
                .chain(q.frame.iter().flat_map(|r| &r.spans))
                .chain(q.speaker.iter().flat_map(|r| &r.role.spans))
                .chain(q.cue.iter().flat_map(|r| &r.spans))
                .copied()
        })
        .collect();
    let mut out = Vec::new();
    let opinion = opinion();
    let mut lower = String::new();
    for (i, s) in doc.sentences.iter().enumerate() {
        if roles.iter().any(|r| spans_overlap(*r, *s)) {
            continue;
        }
        let text = cx.chars.slice(*s);
        // One pass over the words (as `words` splits them), lowercased into one
        // buffer: an attribution anywhere rules the sentence out, else the
        // first evaluative word is the one reported.
        let mut at = None;
        let mut attributed = false;
        for (k, w) in raw_words(text).enumerate() {
            lowercase_into(w, &mut lower);
            if SENTENCE_ATTRIBUTION.contains(&lower.as_str()) || cue_verb_lemma(&lower).is_some() {
                attributed = true;
                break;
            }
            if at.is_none() && opinion.matches(&lower) {
                at = Some(k);
            }
        }
        if attributed || speaker_colon(text) {
            continue;
        }
        let Some(at) = at else {
            continue;
        };
        // The word as written.
        let word = raw_words(text).nth(at).unwrap_or_default().to_owned();
        let ex = shorten(&one_line(text), 90);
        out.push(warning(
            rule::OPINION_WITHOUT_SOURCE,
            Severity::Warning,
            vec![i],
            Vec::new(),
            format!("Wertender Satz ohne Quelle (Wertung: „{word}“): „{ex}“. Wessen Urteil ist das?"),
            format!("Evaluative sentence without a source (judgement: “{word}”): “{ex}”. Whose judgement is this?"),
        ));
    }
    out
}
