//! Report labels in German and English.
//!
//! Every view (terminal, HTML) takes its words from here, so that `--lang`
//! switches all of them at once and the two languages cannot drift apart.

use crate::document::{EntityKind, Medium, QuoteType, SourceKind, Status};
use crate::report::warnings::Severity;
use std::fmt;
use std::str::FromStr;

/// The language of a report's labels. German is the default: quelle reads German news.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Deutsch.
    #[default]
    De,
    /// English.
    En,
}

impl Lang {
    /// Picks the German or the English string.
    pub fn pick<'a>(self, de: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::De => de,
            Lang::En => en,
        }
    }

    /// The BCP 47 code (`de`, `en`), as used in `<html lang>`.
    pub fn code(self) -> &'static str {
        self.pick("de", "en")
    }

    /// The label of a quotation form.
    pub fn quote_type(self, t: QuoteType) -> &'static str {
        match t {
            QuoteType::Direct => self.pick("direkt", "direct"),
            QuoteType::Indirect => self.pick("indirekt", "indirect"),
            QuoteType::Reported => self.pick("berichtet", "reported"),
            QuoteType::FreeIndirect => self.pick("frei indirekt", "free indirect"),
            QuoteType::IndirectFreeIndirect => {
                self.pick("indirekt fortgesetzt", "continued indirect")
            }
        }
    }

    /// The label of a medium.
    pub fn medium(self, m: Option<Medium>) -> &'static str {
        match m {
            None => self.pick("unbekannt", "unknown"),
            Some(Medium::Speech) => self.pick("gesprochen", "speech"),
            Some(Medium::Writing) => self.pick("geschrieben", "writing"),
            Some(Medium::Thought) => self.pick("gedacht", "thought"),
            Some(Medium::SpeechWriting) => self.pick("gesprochen/geschrieben", "speech/writing"),
            Some(Medium::SpeechThought) => self.pick("gesprochen/gedacht", "speech/thought"),
            Some(Medium::ThoughtWriting) => self.pick("gedacht/geschrieben", "thought/writing"),
        }
    }

    /// The label of a kind of source.
    pub fn source_kind(self, k: SourceKind) -> &'static str {
        match k {
            SourceKind::NamedPerson => self.pick("namentlich genannte Person", "named person"),
            SourceKind::NamedOrganization => {
                self.pick("namentlich genannte Organisation", "named organisation")
            }
            SourceKind::Official => self.pick("Behörde/Regierung", "official"),
            SourceKind::StateMedia => self.pick("Staatsmedien", "state media"),
            SourceKind::OtherMedia => self.pick("andere Medien", "other media"),
            SourceKind::UnnamedGroup => self.pick("ungenannte Gruppe", "unnamed group"),
            SourceKind::Anonymous => self.pick("anonym", "anonymous"),
            SourceKind::Document => self.pick("Dokument", "document"),
            SourceKind::Unknown => self.pick("nicht bestimmt", "not determined"),
        }
    }

    /// The label of a claim's status.
    pub fn status(self, s: Status) -> &'static str {
        match s {
            Status::Stated => self.pick("behauptet", "stated"),
            Status::Denied => self.pick("bestritten", "denied"),
            Status::Hedged => self.pick("unter Vorbehalt", "hedged"),
            Status::Speculative => self.pick("vermutet", "speculative"),
            Status::Unconfirmed => self.pick("unbestätigt", "unconfirmed"),
        }
    }

    /// The label of an entity kind.
    pub fn entity_kind(self, k: EntityKind) -> &'static str {
        match k {
            EntityKind::Person => self.pick("Person", "person"),
            EntityKind::Organization => self.pick("Organisation", "organisation"),
            EntityKind::Media => self.pick("Medium", "media"),
            EntityKind::Government => self.pick("Regierung/Behörde", "government"),
            EntityKind::Country => self.pick("Staat", "country"),
            EntityKind::Place => self.pick("Ort", "place"),
            EntityKind::Group => self.pick("Gruppe", "group"),
            EntityKind::Anonymous => self.pick("anonym", "anonymous"),
        }
    }

    /// The label of a warning's severity.
    pub fn severity(self, s: Severity) -> &'static str {
        match s {
            Severity::Info => self.pick("Hinweis", "Note"),
            Severity::Warning => self.pick("Warnung", "Warning"),
            Severity::Critical => self.pick("Kritisch", "Critical"),
        }
    }

    /// The name of the group of quotations that have no speaker.
    pub fn no_speaker(self) -> &'static str {
        self.pick("ohne Sprecher", "no speaker")
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = crate::Error;

    /// Accepts `de` or `en` (any case).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "de" => Ok(Lang::De),
            "en" => Ok(Lang::En),
            _ => Err(crate::Error::new(crate::ErrorKind::InvalidArgument(
                format!("unknown report language {s:?}: use de or en"),
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_languages_and_refuses_others() {
        assert_eq!("DE".parse::<Lang>().unwrap(), Lang::De);
        assert_eq!("en".parse::<Lang>().unwrap(), Lang::En);
        assert!("fr".parse::<Lang>().is_err());
    }

    #[test]
    fn every_label_has_two_languages() {
        for t in QuoteType::ALL {
            assert_ne!(Lang::De.quote_type(t), "");
            assert_ne!(Lang::En.quote_type(t), "");
        }
        assert_eq!(Lang::En.status(Status::Denied), "denied");
        assert_eq!(Lang::De.source_kind(SourceKind::StateMedia), "Staatsmedien");
    }
}
