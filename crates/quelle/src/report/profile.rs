//! The sourcing profile: who speaks, how much, in which form, through which channel.
//!
//! Computed once from the `quelle/1` analysis ([`build`]) and stored in
//! [`crate::schema::AnalysisJson::profile`], so every view shows the same figures.

use crate::document::{EntityKind, QuoteType, SourceKind, Status};
use crate::report::words::{Chars, WordCounter};
use crate::schema::{AnalysisJson, CharSpan, QuoteJson};
use serde::{Deserialize, Serialize};

/// The sourcing profile of one article.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ProfileJson {
    /// Number of quotations.
    pub quotes: usize,
    /// Words in the article (tokens with a letter or digit).
    pub words: usize,
    /// Words inside at least one quotation's content.
    pub quoted_words: usize,
    /// Speakers, most quoted words first; quotations without a speaker form the last group.
    pub speakers: Vec<SpeakerProfile>,
    /// Quotations per kind of source, in the fixed order of `SourceKind`, zero counts left out.
    pub source_kinds: Vec<Count<SourceKind>>,
    /// Quotations per form, zero counts left out.
    pub types: Vec<Count<QuoteType>>,
    /// Quotations per status, zero counts left out.
    pub statuses: Vec<Count<Status>>,
    /// Channels (`via`), most used first.
    pub channels: Vec<ChannelProfile>,
}

/// A value and how many quotations have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count<T> {
    /// The value (`named_person`, `direct`, `hedged`, …).
    pub value: T,
    /// Number of quotations.
    pub quotes: usize,
}

/// One speaker: an entity, or a speaker text when unresolved, or nobody.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerProfile {
    /// The grouping key: the entity id, `text:` plus the normalised mention, or `none`.
    pub key: String,
    /// The entity id when the speaker is resolved.
    pub entity: Option<String>,
    /// The entity's name, else the first mention as written; null for the no-speaker group.
    pub name: Option<String>,
    /// The entity's kind, when resolved.
    pub kind: Option<EntityKind>,
    /// The entity's role (`Staatschef`), when known.
    pub role: Option<String>,
    /// The most frequent source kind among its quotations.
    pub source_kind: SourceKind,
    /// Indices of its quotations in `quotes`.
    pub quote_indices: Vec<usize>,
    /// Words of its quotations (overlapping quotations counted once).
    pub words: usize,
    /// Its share of all quoted words, in whole percent.
    pub share_percent: u32,
}

/// A channel through which statements reached the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelProfile {
    /// The grouping key: the entity id or `text:` plus the normalised words.
    pub key: String,
    /// The entity id when resolved.
    pub entity: Option<String>,
    /// The entity's name, else the channel words as first written.
    pub name: String,
    /// Indices of the quotations that came through it.
    pub quote_indices: Vec<usize>,
}

/// Leading articles and determiners dropped when speaker mentions are compared,
/// so `Die staatliche Nachrichtenagentur KCNA` and `der staatlichen …` group together
/// only by their content words.
const DETERMINERS: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einem", "einen",
];

/// The normalised form of a mention: lowercase, single spaces, no leading determiner.
pub fn normalise_mention(s: &str) -> String {
    let mut words: Vec<String> = s.split_whitespace().map(str::to_lowercase).collect();
    while words.len() > 1 && DETERMINERS.contains(&words[0].as_str()) {
        words.remove(0);
    }
    words.join(" ")
}

/// The grouping key of a quotation's speaker (see [`SpeakerProfile::key`]).
pub fn speaker_key(q: &QuoteJson) -> String {
    match &q.speaker {
        None => "none".to_owned(),
        Some(s) => match &s.entity {
            Some(e) => e.clone(),
            None => format!("text:{}", normalise_mention(&speaker_words(q))),
        },
    }
}

/// The words that name a quotation's speaker when no entity does: the
/// speaker's words, and for statements that only refer back (`den Angaben
/// nach`) the channel they came through, which says whose they are:
/// `Angaben laut russischen Nachrichtenagenturen`.
fn speaker_words(q: &QuoteJson) -> String {
    let Some(s) = &q.speaker else {
        return String::new();
    };
    match q.via.first() {
        Some(v) if crate::sources::refers_back(&s.role.text) => {
            format!("{} {}", one_line(&s.role.text), one_line(&v.role.text))
        }
        _ => one_line(&s.role.text),
    }
}

/// `part` as a rounded whole percentage of `whole` (0 when `whole` is 0).
pub fn percent(part: usize, whole: usize) -> usize {
    (part * 100 + whole / 2).checked_div(whole).unwrap_or(0)
}

/// Collapses whitespace (line breaks inside a mention) to single spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn counts<T: Copy + PartialEq>(all: &[T], values: impl Iterator<Item = T>) -> Vec<Count<T>> {
    let values: Vec<T> = values.collect();
    all.iter()
        .map(|&v| Count {
            value: v,
            quotes: values.iter().filter(|&&x| x == v).count(),
        })
        .filter(|c| c.quotes > 0)
        .collect()
}

/// Builds the profile of an analysed document.
pub fn build(doc: &AnalysisJson) -> ProfileJson {
    build_with(doc, &Chars::new(&doc.text))
}

/// [`build`] with the character index of `doc.text` at hand.
pub(crate) fn build_with(doc: &AnalysisJson, chars: &Chars) -> ProfileJson {
    let counter = WordCounter::new(doc, chars);
    let entity = |id: &str| doc.entities.iter().find(|e| e.id == id);
    let all_content: Vec<CharSpan> = doc
        .quotes
        .iter()
        .flat_map(|q| q.content.spans.iter().copied())
        .collect();

    // Speakers in order of first quotation, then sorted by words (stable).
    let mut speakers: Vec<SpeakerProfile> = Vec::new();
    for (i, q) in doc.quotes.iter().enumerate() {
        let key = speaker_key(q);
        if let Some(s) = speakers.iter_mut().find(|s| s.key == key) {
            s.quote_indices.push(i);
            continue;
        }
        let ent = q
            .speaker
            .as_ref()
            .and_then(|s| s.entity.as_deref())
            .and_then(entity);
        speakers.push(SpeakerProfile {
            key,
            entity: ent.map(|e| e.id.clone()),
            name: match (ent, &q.speaker) {
                (Some(e), _) => Some(e.name.clone()),
                (None, Some(_)) => Some(speaker_words(q)),
                (None, None) => None,
            },
            kind: ent.map(|e| e.kind),
            role: ent.and_then(|e| e.role.clone()),
            source_kind: SourceKind::Unknown,
            quote_indices: vec![i],
            words: 0,
            share_percent: 0,
        });
    }
    for s in &mut speakers {
        let spans: Vec<CharSpan> = s
            .quote_indices
            .iter()
            .flat_map(|&i| doc.quotes[i].content.spans.iter().copied())
            .collect();
        s.words = counter.count(&spans);
        // The most frequent source kind; ties go to the earlier kind in SourceKind::ALL.
        let kinds = counts(
            &SourceKind::ALL,
            s.quote_indices.iter().map(|&i| doc.quotes[i].source_kind),
        );
        if let Some(best) = kinds
            .iter()
            .max_by_key(|c| (c.quotes, std::cmp::Reverse(c.value)))
        {
            s.source_kind = best.value;
        }
    }
    let speaker_words: usize = speakers.iter().map(|s| s.words).sum();
    for s in &mut speakers {
        s.share_percent = percent(s.words, speaker_words) as u32;
    }
    // The no-speaker group goes last whatever its size: it is not a source.
    speakers.sort_by_key(|s| (s.key == "none", std::cmp::Reverse(s.words)));

    let mut channels: Vec<ChannelProfile> = Vec::new();
    for (i, q) in doc.quotes.iter().enumerate() {
        for v in &q.via {
            let key = match &v.entity {
                Some(e) => e.clone(),
                None => format!("text:{}", normalise_mention(&v.role.text)),
            };
            if let Some(c) = channels.iter_mut().find(|c| c.key == key) {
                if !c.quote_indices.contains(&i) {
                    c.quote_indices.push(i);
                }
                continue;
            }
            let ent = v.entity.as_deref().and_then(entity);
            channels.push(ChannelProfile {
                key,
                entity: ent.map(|e| e.id.clone()),
                name: ent.map_or_else(|| one_line(&v.role.text), |e| e.name.clone()),
                quote_indices: vec![i],
            });
        }
    }
    channels.sort_by_key(|c| std::cmp::Reverse(c.quote_indices.len()));

    let all_words: Vec<CharSpan> = vec![CharSpan {
        start: 0,
        end: chars.len(),
    }];
    ProfileJson {
        quotes: doc.quotes.len(),
        words: counter.count(&all_words),
        quoted_words: counter.count(&all_content),
        speakers,
        source_kinds: counts(&SourceKind::ALL, doc.quotes.iter().map(|q| q.source_kind)),
        types: counts(&QuoteType::ALL, doc.quotes.iter().map(|q| q.kind)),
        statuses: counts(&Status::ALL, doc.quotes.iter().map(|q| q.status)),
        channels,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture::{doc, entity, quote, via};

    /// Two mentions of one entity, an unresolved speaker with a channel, and a quotation without speaker.
    fn sample() -> AnalysisJson {
        let mut d = doc("Merkel sagte, die Lage sei ernst. Die Kanzlerin betonte: „Wir handeln jetzt.“ Laut Reuters erklärte ein Sprecher, man prüfe das. „Niemand weiß es“, hieß es.");
        let merkel = entity(&mut d, "Angela Merkel", EntityKind::Person, "Merkel");
        let reuters = entity(&mut d, "Reuters", EntityKind::Media, "Reuters");
        let mut q0 = quote(
            &d,
            QuoteType::Indirect,
            "die Lage sei ernst",
            Some("Merkel"),
            Some("sagte"),
        );
        q0.speaker.as_mut().unwrap().entity = Some(merkel.clone());
        q0.source_kind = SourceKind::NamedPerson;
        let mut q1 = quote(
            &d,
            QuoteType::Direct,
            "„Wir handeln jetzt.“",
            Some("Die Kanzlerin"),
            Some("betonte"),
        );
        q1.speaker.as_mut().unwrap().entity = Some(merkel);
        q1.source_kind = SourceKind::NamedPerson;
        let mut q2 = quote(
            &d,
            QuoteType::Indirect,
            "man prüfe das",
            Some("ein Sprecher"),
            Some("erklärte"),
        );
        q2.source_kind = SourceKind::Official;
        q2.via = vec![via(&d, "Laut Reuters", Some(&reuters))];
        let q3 = quote(&d, QuoteType::Direct, "„Niemand weiß es“", None, None);
        d.quotes = vec![q0, q1, q2, q3];
        d.refresh_report();
        d
    }

    #[test]
    fn groups_speakers_by_entity_then_text_and_puts_no_speaker_last() {
        let p = sample().profile;
        assert_eq!(p.quotes, 4);
        let keys: Vec<&str> = p.speakers.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, ["e1", "text:sprecher", "none"]);
        let merkel = &p.speakers[0];
        assert_eq!(merkel.quote_indices, [0, 1]);
        assert_eq!(merkel.name.as_deref(), Some("Angela Merkel"));
        assert_eq!(merkel.kind, Some(EntityKind::Person));
        assert_eq!(merkel.source_kind, SourceKind::NamedPerson);
        assert_eq!(merkel.words, 7, "die Lage sei ernst + Wir handeln jetzt");
        assert_eq!(p.speakers[1].name.as_deref(), Some("ein Sprecher"));
        assert_eq!(p.speakers[2].name, None);
        let total: u32 = p.speakers.iter().map(|s| s.share_percent).sum();
        assert!((99..=101).contains(&total), "shares add up to {total}");
        assert_eq!(p.quoted_words, 13);
    }

    #[test]
    fn counts_kinds_forms_statuses_and_channels() {
        let p = sample().profile;
        let kinds: Vec<(SourceKind, usize)> =
            p.source_kinds.iter().map(|c| (c.value, c.quotes)).collect();
        assert_eq!(
            kinds,
            [
                (SourceKind::NamedPerson, 2),
                (SourceKind::Official, 1),
                (SourceKind::Unknown, 1)
            ]
        );
        let types: Vec<(QuoteType, usize)> = p.types.iter().map(|c| (c.value, c.quotes)).collect();
        assert_eq!(types, [(QuoteType::Direct, 2), (QuoteType::Indirect, 2)]);
        assert_eq!(p.statuses.len(), 1);
        assert_eq!(p.statuses[0].value, Status::Stated);
        assert_eq!(p.channels.len(), 1);
        assert_eq!(p.channels[0].name, "Reuters");
        assert_eq!(p.channels[0].quote_indices, [2]);
    }

    #[test]
    fn normalises_mentions() {
        assert_eq!(
            normalise_mention("Die  staatliche\nAgentur"),
            "staatliche agentur"
        );
        assert_eq!(normalise_mention("Die"), "die");
    }
}
