//! Known entities and the word lists the entity stage needs.
//!
//! `lexicon/entities.tsv` lists countries (with their adjectives),
//! organisations, media (state media flagged) and government bodies; the
//! lists below name titles, groups and anonymous sources. All hand-written.

use crate::document::EntityKind;
use crate::lexicon::WordMap;
use std::sync::OnceLock;

static ENTITIES_SRC: &str = include_str!("../../lexicon/entities.tsv");

/// One known entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    /// Its kind.
    pub kind: EntityKind,
    /// Its canonical name.
    pub name: &'static str,
    /// Whether it is a state-controlled medium.
    pub state_media: bool,
    /// Whether its one-word name is also a common word (`Welt`, `Bild`): then
    /// it counts only where the text marks it as a name.
    pub common: bool,
}

/// The known entities with look-ups by surface form and adjective stem.
#[derive(Debug)]
pub struct Gazetteer {
    /// All entries.
    pub entries: Vec<Known>,
    /// Surface forms (one or more words, split on spaces) → entry.
    forms: WordMap<&'static str, Vec<(Vec<&'static str>, usize)>>,
    /// Lower-case adjective stems → entry.
    adjectives: WordMap<&'static str, usize>,
    /// The few first words of forms that start in lower case (`dpa`).
    lower_forms: Vec<&'static str>,
}

fn kind_of(s: &str) -> Option<EntityKind> {
    Some(match s {
        "country" => EntityKind::Country,
        "organization" => EntityKind::Organization,
        "media" => EntityKind::Media,
        "government" => EntityKind::Government,
        _ => return None,
    })
}

impl Gazetteer {
    /// The embedded gazetteer (parsed once).
    pub fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer::parse(ENTITIES_SRC))
    }

    fn parse(src: &'static str) -> Gazetteer {
        let mut g = Gazetteer {
            entries: Vec::new(),
            forms: WordMap::default(),
            adjectives: WordMap::default(),
            lower_forms: Vec::new(),
        };
        for line in crate::lexicon::entries(src) {
            let cols: Vec<&'static str> = line.split('\t').collect();
            let (Some(kind), Some(&name)) = (cols.first().and_then(|k| kind_of(k)), cols.get(1))
            else {
                continue;
            };
            let idx = g.entries.len();
            g.entries.push(Known {
                kind,
                name,
                state_media: cols
                    .get(4)
                    .is_some_and(|f| f.split(',').any(|x| x == "state")),
                common: cols
                    .get(4)
                    .is_some_and(|f| f.split(',').any(|x| x == "common")),
            });
            let forms = cols.get(2).copied().unwrap_or("-");
            for form in std::iter::once(name).chain(forms.split('|').filter(|f| *f != "-")) {
                let words: Vec<&'static str> = form.split(' ').collect();
                g.forms.entry(words[0]).or_default().push((words, idx));
            }
            for stem in cols.get(3).copied().unwrap_or("-").split('|') {
                if stem != "-" {
                    g.adjectives.insert(stem, idx);
                }
            }
        }
        g.lower_forms = g
            .forms
            .keys()
            .copied()
            .filter(|f| f.starts_with(char::is_lowercase))
            .collect();
        g.lower_forms.sort_unstable();
        // Longest forms first, so `Vereinigte Arabische Emirate` wins over shorter ones.
        for v in g.forms.values_mut() {
            v.sort_by_key(|f| std::cmp::Reverse(f.0.len()));
        }
        g
    }

    /// Whether `word` is a known form that starts in lower case (`dpa`, `taz`):
    /// other lower-case words need no look-up.
    pub fn lower_form(&self, word: &str) -> bool {
        self.lower_forms.contains(&word)
    }

    /// The longest known form starting at `words[0]`: (words matched, entry).
    pub fn match_at(&self, words: &[&str]) -> Option<(usize, usize)> {
        self.forms_of(words.first()?).match_at(words)
    }

    /// A single-word form, also in the genitive (`Russlands`, `Kremls`).
    pub fn match_word(&self, word: &str) -> Option<usize> {
        self.forms_of(word).match_word(self, word)
    }

    /// The known forms whose first word is `word`: what [`Gazetteer::match_at`]
    /// and [`Gazetteer::match_word`] look up first, so that a caller asking
    /// both of one word looks it up once.
    pub(crate) fn forms_of(&self, word: &str) -> FormsOf<'_> {
        FormsOf(self.forms.get(word).map(Vec::as_slice))
    }
}

/// The known forms starting with one word (see [`Gazetteer::forms_of`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct FormsOf<'g>(Option<&'g [(Vec<&'static str>, usize)]>);

impl FormsOf<'_> {
    /// [`Gazetteer::match_at`] for `words` starting with this word.
    pub(crate) fn match_at(self, words: &[&str]) -> Option<(usize, usize)> {
        self.0?.iter().find_map(|(form, idx)| {
            (words.len() >= form.len() && form.iter().zip(words).all(|(a, b)| a == b))
                .then_some((form.len(), *idx))
        })
    }

    /// The entry of this word as a single-word form.
    fn single(self) -> Option<usize> {
        self.0?.iter().find(|(f, _)| f.len() == 1).map(|(_, i)| *i)
    }

    /// [`Gazetteer::match_word`] of `word`, this word.
    pub(crate) fn match_word(self, gaz: &Gazetteer, word: &str) -> Option<usize> {
        self.single().or_else(|| {
            word.strip_suffix('s')
                .and_then(|stem| gaz.forms_of(stem).single())
        })
    }
}

impl Gazetteer {
    /// The country of an adjective form (`nordkoreanischen` → Nordkorea).
    pub fn adjective(&self, lower: &str) -> Option<usize> {
        for ending in ["", "e", "en", "er", "es", "em"] {
            if let Some(stem) = lower.strip_suffix(ending) {
                if let Some(&i) = self.adjectives.get(stem) {
                    return Some(i);
                }
            }
        }
        None
    }
}

fn strip_gender(lower: &str) -> &str {
    lower
        .strip_suffix("innen")
        .or_else(|| lower.strip_suffix("in"))
        .unwrap_or(lower)
}

/// Whether a lower-case noun is a title or function (`präsident`, `außenministerin`,
/// `sprecher`, `nato-generalsekretär`): what introduces or describes a person.
pub fn is_title(lower: &str) -> bool {
    is_title_bytes(lower.as_bytes())
}

/// [`is_title`] of the bytes of a lower-case word (so that words lower-cased
/// into a byte buffer need no UTF-8 check).
pub(crate) fn is_title_bytes(lower: &[u8]) -> bool {
    const EXACT: &[&str] = &[
        "präsident",
        "staatschef",
        "machthaber",
        "kanzler",
        "bundeskanzler",
        "regierungschef",
        "premier",
        "premierminister",
        "ministerpräsident",
        "bürgermeister",
        "oberbürgermeister",
        "senator",
        "gouverneur",
        "abgeordnete",
        "abgeordneter",
        "botschafter",
        "general",
        "generalsekretär",
        "papst",
        "könig",
        "königin",
        "kaiser",
        "prinz",
        "diktator",
        "direktor",
        "leiter",
        "trainer",
        "anwalt",
        "rechtsanwalt",
        "richter",
        "professor",
        "sprecher",
        "vorsitzende",
        "vorsitzender",
        "parteichef",
        "chef",
        "kommissar",
        "staatsanwalt",
        "oberstaatsanwalt",
        "bischof",
        "kardinal",
        "sekretär",
        "staatssekretär",
        "manager",
        "gründer",
        "experte",
        "expertin",
        "analyst",
        "ökonom",
        "wissenschaftler",
        "forscher",
        "kandidat",
        "oppositionsführer",
        "fraktionschef",
        "landeshauptmann",
        "vizekanzler",
        "vizepräsident",
        "außenamtssprecher",
        "polizeisprecher",
        "regierungssprecher",
    ];
    const ENDINGS: &[&str] = &[
        "minister",
        "präsident",
        "sprecher",
        "chef",
        "kanzler",
        "sekretär",
        "vorsitzender",
        "vorsitzende",
        "botschafter",
        "direktor",
        "leiter",
        "kommissar",
    ];
    /// The exact titles, and the last two bytes of every title and ending as
    /// a bitmap: most words end otherwise and need no look-up.
    struct Titles {
        exact: crate::lexicon::WordSet<&'static [u8]>,
        ends: Vec<u64>,
    }
    fn last_two(b: &[u8]) -> Option<usize> {
        (b.len() >= 2).then(|| usize::from(b[b.len() - 2]) << 8 | usize::from(b[b.len() - 1]))
    }
    static TITLES: OnceLock<Titles> = OnceLock::new();
    let t = TITLES.get_or_init(|| {
        let mut ends = vec![0u64; (1 << 16) / 64];
        for k in EXACT
            .iter()
            .chain(ENDINGS)
            .filter_map(|w| last_two(w.as_bytes()))
        {
            ends[k / 64] |= 1 << (k % 64);
        }
        Titles {
            exact: EXACT.iter().map(|w| w.as_bytes()).collect(),
            ends,
        }
    });
    let may_end = |w: &[u8]| last_two(w).is_some_and(|k| t.ends[k / 64] & (1 << (k % 64)) != 0);
    // After the last hyphen (a byte loop: words are short).
    let w = match lower.iter().rposition(|&b| b == b'-') {
        Some(h) => &lower[h + 1..],
        None => lower,
    };
    if w.len() < 3 {
        return false;
    }
    let stripped = w
        .strip_suffix(b"innen")
        .or_else(|| w.strip_suffix(b"in"))
        .unwrap_or(w);
    if !may_end(w) && !may_end(stripped) {
        return false;
    }
    if t.exact.contains(w) {
        return true;
    }
    t.exact.contains(stripped) || ENDINGS.iter().any(|s| stripped.ends_with(s.as_bytes()))
}

/// Whether a title marks someone who speaks for an institution (`Sprecher`).
pub fn is_spokesperson(lower: &str) -> bool {
    strip_gender(lower).ends_with("sprecher")
}

/// Whether a lower-case title belongs to government or state office.
pub fn is_office(lower: &str) -> bool {
    let w = strip_gender(lower.rsplit('-').next().unwrap_or(lower));
    [
        "präsident",
        "staatschef",
        "machthaber",
        "kanzler",
        "regierungschef",
        "premier",
        "minister",
        "bürgermeister",
        "senator",
        "gouverneur",
        "botschafter",
        "sprecher",
        "staatssekretär",
        "generalsekretär",
        "kommissar",
        "staatsanwalt",
        "landeshauptmann",
    ]
    .iter()
    .any(|s| w.ends_with(s))
}

/// What a common noun in speaker position says about the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NounSource {
    /// An unnamed group (`Experten`).
    Group,
    /// An anonymous source (`Insider`, `Regierungskreise`).
    Anonymous,
    /// A government body (`Polizei`, `Ministerium`).
    Government,
    /// Media (`Staatsmedien`, `Nachrichtenagentur`).
    Media,
    /// A document (`Bericht`, `Studie`).
    Document,
}

/// Classifies a lower-case noun used as (the head of) a speaker.
pub fn noun_source(lower: &str) -> Option<NounSource> {
    const GROUPS: &[&str] = &[
        "experten",
        "expertinnen",
        "analysten",
        "beobachter",
        "kritiker",
        "diplomaten",
        "ermittler",
        "forscher",
        "wissenschaftler",
        "ökonomen",
        "volkswirte",
        "ärzte",
        "augenzeugen",
        "zeugen",
        "anwohner",
        "aktivisten",
        "menschenrechtler",
        "demonstranten",
        "politiker",
        "militärs",
        "offizielle",
        "vertreter",
        "sicherheitskräfte",
        "helfer",
        "rettungskräfte",
        "fachleute",
        "beteiligte",
        "befürworter",
        "gegner",
        "anwälte",
        "bewohner",
        "einwohner",
        "mitarbeiter",
        "angehörige",
        "kreise",
        "stimmen",
        "länder",
        "staaten",
        "seiten",
        "parteien",
        "regierungen",
        "veranstalter",
        "organisatoren",
        "umweltschützer",
        "gewerkschaften",
        "verbände",
        "unternehmen",
        "firmen",
        "banken",
        "händler",
        "investoren",
        "hersteller",
        "nutzer",
        "fans",
        "bürger",
        "eltern",
        "lehrer",
    ];
    const ANON: &[&str] = &[
        "insider",
        "informanten",
        "eingeweihte",
        "gewährsleute",
        "gewährsmann",
        "quelle",
        "quellen",
        "unbekannte",
    ];
    const GOV: &[&str] = &[
        "regierung",
        "polizei",
        "staatsanwaltschaft",
        "behörde",
        "behörden",
        "armee",
        "militär",
        "feuerwehr",
        "gericht",
        "ministerium",
        "verwaltung",
        "staatsführung",
        "führung",
        "bundesregierung",
        "landesregierung",
        "stadtverwaltung",
        "streitkräfte",
        "kreml",
        "außenamt",
        "außenministerium",
        "verteidigungsministerium",
        "innenministerium",
        "rathaus",
        "senat",
        "parlament",
        "staatsführung",
    ];
    const MEDIA: &[&str] = &[
        "staatsmedien",
        "medien",
        "nachrichtenagentur",
        "nachrichtenagenturen",
        "zeitung",
        "zeitungen",
        "sender",
        "staatsfernsehen",
        "fernsehen",
        "rundfunk",
        "medienberichte",
        "berichte",
        "presse",
        "agentur",
        "agenturen",
        "staatsagentur",
        "nachrichtenportal",
    ];
    const DOCS: &[&str] = &[
        "bericht",
        "studie",
        "erklärung",
        "mitteilung",
        "pressemitteilung",
        "stellungnahme",
        "brief",
        "schreiben",
        "dokument",
        "papier",
        "urteil",
        "gutachten",
        "analyse",
        "umfrage",
        "statistik",
        "prognose",
        "untersuchung",
        "protokoll",
        "dossier",
        "memo",
        "vertrag",
        "angaben",
        "daten",
        "zahlen",
    ];
    if ANON.contains(&lower) || lower.ends_with("kreisen") || lower.ends_with("quellen") {
        Some(NounSource::Anonymous)
    } else if GROUPS.contains(&lower) {
        Some(NounSource::Group)
    } else if GOV.contains(&lower)
        || lower.ends_with("ministerium")
        || lower.ends_with("ministeriums")
    {
        Some(NounSource::Government)
    } else if MEDIA.contains(&lower) {
        Some(NounSource::Media)
    } else if DOCS.contains(&lower) {
        Some(NounSource::Document)
    } else {
        None
    }
}

/// Words marking a channel (`Interview`, `Gastbeitrag`, `Staatsmedien`).
pub fn is_channel_noun(lower: &str) -> bool {
    const CH: &[&str] = &[
        "interview",
        "gastbeitrag",
        "beitrag",
        "artikel",
        "kolumne",
        "zeitung",
        "zeitungen",
        "sender",
        "fernsehen",
        "staatsfernsehen",
        "fernsehsender",
        "radio",
        "radiosender",
        "rundfunk",
        "nachrichtenagentur",
        "nachrichtenagenturen",
        "staatsmedien",
        "medien",
        "staatsagentur",
        "fernsehansprache",
        "videobotschaft",
        "video",
        "podcast",
        "blog",
        "talkshow",
        "sendung",
        "tagesschau",
        "pressemitteilung",
        "mitteilung",
        "zeitungsinterview",
        "fernsehinterview",
        "radiointerview",
        "onlinedienst",
        "kurznachrichtendienst",
        "plattform",
        "telegram-kanal",
        "online-netzwerk",
        "medienberichten",
        "berichten",
    ];
    CH.contains(&lower) || lower.ends_with("interview") || lower.ends_with("zeitung")
}
