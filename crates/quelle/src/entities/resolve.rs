//! Mentions to entities: names, known entities, titles and descriptions,
//! grouped within the document; then each quotation's speaker resolved.

use super::gazetteer::{self, Gazetteer, NounSource};
use super::propn::{capitalised, LazyTags, PropnModel};
use crate::document::{Document, Entity, EntityKind};
use crate::lexicon::WordMap;
use crate::quotes::words::WordKey;
use crate::span::Span;

/// An entity under construction.
#[derive(Debug, Clone)]
pub(crate) struct Ent {
    pub name: String,
    /// For persons: the words of the fullest name.
    pub words: Vec<String>,
    /// Whether `words` are in [`Index::person_words`] already (a mention
    /// adds them; looking them up again at each mention cost a hash each).
    indexed: bool,
    pub kind: EntityKind,
    pub roles: Vec<String>,
    pub mentions: Vec<Span>,
    /// Country (gazetteer index) the text associates with it (`russische Staatschef`).
    pub nationality: Option<usize>,
    /// The gazetteer entry, for known entities.
    pub known: Option<usize>,
    /// Byte offset of the last mention seen (recency for resolution).
    pub last: usize,
    /// A single unknown capitalised word taken for a name with nothing else to
    /// support it: kept only if it gains support (a title, a fuller name, a
    /// speaker role), since such words are often nouns the classifier missed.
    pub weak: bool,
}

/// Entities of a document and, per token, the entity a mention there refers to.
#[derive(Debug, Default)]
pub(crate) struct Index {
    pub ents: Vec<Ent>,
    pub by_token: Vec<Option<usize>>,
    /// The entity of each known entity (by gazetteer index), common noun
    /// (by its lower-case form) and non-person name, made on first mention.
    by_known: WordMap<usize, usize>,
    by_noun: WordMap<String, usize>,
    by_name: WordMap<String, usize>,
    /// Every word of every person's name, for recognising later mentions.
    person_words: crate::lexicon::WordSet<String>,
}

impl Index {
    fn add_mention(&mut self, e: usize, span: Span, tokens: std::ops::Range<usize>) {
        let ent = &mut self.ents[e];
        if ent.kind == EntityKind::Person && ent.known.is_none() && !ent.indexed {
            for w in &ent.words {
                if !self.person_words.contains(w) {
                    self.person_words.insert(w.clone());
                }
            }
            ent.indexed = true;
        }
        if !ent.mentions.contains(&span) {
            ent.mentions.push(span);
        }
        ent.last = ent.last.max(span.start);
        for t in tokens {
            self.by_token[t] = Some(e);
        }
    }

    fn new_ent(&mut self, name: String, kind: EntityKind) -> usize {
        let e = self.ents.len();
        self.ents.push(Ent {
            words: name.split(' ').map(str::to_owned).collect(),
            indexed: false,
            name,
            kind,
            roles: Vec::new(),
            mentions: Vec::new(),
            nationality: None,
            known: None,
            last: 0,
            weak: false,
        });
        e
    }

    fn known(&mut self, g: usize) -> usize {
        if let Some(&e) = self.by_known.get(&g) {
            return e;
        }
        let k = &Gazetteer::get().entries[g];
        let e = self.new_ent(k.name.to_owned(), k.kind);
        self.ents[e].known = Some(g);
        self.by_known.insert(g, e);
        e
    }

    /// The entity of a common-noun source (`Experten`), made on first use.
    pub fn noun_entity(&mut self, name: &str, kind: EntityKind) -> usize {
        let key = name.to_lowercase();
        if let Some(&e) = self.by_noun.get(&key) {
            return e;
        }
        let e = self.new_ent(name.to_owned(), kind);
        self.by_noun.insert(key, e);
        e
    }

    fn add_role(&mut self, e: usize, role: &str) {
        self.ents[e].weak = false;
        let r = &mut self.ents[e].roles;
        if !r.iter().any(|x| x.eq_ignore_ascii_case(role)) {
            r.push(role.to_owned());
        }
    }
}

/// Whether a word ends like an inflected adjective (`-e`, `-en`, `-er`, `-es`, `-em`).
pub(crate) fn adjective_like(w: &str) -> bool {
    ["e", "en", "er", "es", "em"].iter().any(|e| w.ends_with(e))
}

/// A name with a lower-case particle joined by a hyphen: `el-Baradei`, `al-Assad`.
#[inline]
fn particle_name(w: &str) -> bool {
    // The particles have two or three letters, so the first hyphen must be the
    // third or fourth byte (a hyphen before it leaves no particle either way).
    let b = w.as_bytes();
    let at = if b.get(2) == Some(&b'-') {
        2
    } else if b.get(3) == Some(&b'-') {
        3
    } else {
        return false;
    };
    let (p, rest) = (&w[..at], &w[at + 1..]);
    matches!(
        p,
        "el" | "al" | "ad" | "bin" | "ben" | "abu" | "de" | "van" | "von"
    ) && rest.chars().next().is_some_and(char::is_uppercase)
}

/// Capitalised words the classifier may take for names: months, weekdays.
pub(crate) fn not_a_name(w: &str) -> bool {
    // A `match` compares lengths before bytes; the suffixes need long words.
    matches!(
        w,
        "Januar"
            | "Februar"
            | "März"
            | "April"
            | "Mai"
            | "Juni"
            | "Juli"
            | "August"
            | "September"
            | "Oktober"
            | "November"
            | "Dezember"
            | "Montag"
            | "Dienstag"
            | "Mittwoch"
            | "Donnerstag"
            | "Freitag"
            | "Samstag"
            | "Sonntag"
            | "Sonnabend"
            | "Ostern"
            | "Weihnachten"
            | "Silvester"
            | "Herr"
            | "Frau"
            | "Dr."
            | "Prof."
            | "Jänner"
            | "Feber"
            | "Tag"
            | "Tage"
            | "Monat"
            | "Jahr"
            | "Woche"
            | "Euro"
            | "Dollar"
            | "Prozent"
            | "Uhr"
            | "Anm"
    ) || (w.len() > 8
        && [
            "nachmittag",
            "vormittag",
            "morgen",
            "abend",
            "nacht",
            "mittag",
        ]
        .iter()
        .any(|t| w.len() > t.len() + 3 && w.ends_with(t)))
}

/// Whether `w`, lower-cased, is a title ([`gazetteer::is_title`]), asked of
/// most capitalised words: lower-cased on the stack, and only after the last
/// hyphen, all a title is judged by (lower-casing keeps hyphens). Char by char,
/// as elsewhere here: that differs from `str::to_lowercase` only in a final
/// `Σ`, which no title has.
fn is_title_word(w: &str) -> bool {
    let tail = match w.bytes().rposition(|b| b == b'-') {
        Some(h) => &w[h + 1..],
        None => w,
    };
    let mut buf = [0u8; 64];
    let mut n = 0;
    if tail.is_ascii() && tail.len() <= buf.len() {
        n = tail.len();
        buf[..n].copy_from_slice(tail.as_bytes());
        buf[..n].make_ascii_lowercase();
    } else {
        for l in tail.chars().flat_map(char::to_lowercase) {
            if n + l.len_utf8() > buf.len() {
                let lower: String = tail.chars().flat_map(char::to_lowercase).collect();
                return gazetteer::is_title(&lower);
            }
            n += l.encode_utf8(&mut buf[n..]).len();
        }
    }
    gazetteer::is_title_bytes(&buf[..n])
}

const PARTICLES: &[&str] = &[
    "von", "van", "de", "der", "bin", "al", "el", "di", "da", "zu",
];
const ORG_WORDS: &[&str] = &[
    "AG",
    "GmbH",
    "SE",
    "Bank",
    "Partei",
    "Institut",
    "Universität",
    "Stiftung",
    "Verband",
    "Gruppe",
    "Konzern",
    "Holding",
    "Club",
    "Verein",
    "FC",
    "Rat",
    "Komitee",
    "Kommission",
    "Ministerium",
    "Gericht",
    "Agentur",
    "Zeitung",
    "Times",
    "Post",
    "News",
    "Inc.",
    "Corp.",
    "Ltd.",
    "Airlines",
    "Motors",
    "Group",
    "International",
];

fn is_acronym(w: &str) -> bool {
    let n = w.chars().count();
    (2..=6).contains(&n) && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Finds the entities of `doc` and returns them with the per-token index.
/// `keys` are the tokens' word keys from the quotation stage, if it ran.
pub(crate) fn find(model: &PropnModel, doc: &Document, keys: Option<&[WordKey]>) -> Index {
    let gaz = Gazetteer::get();
    let mut ix = Index {
        by_token: vec![None; doc.tokens.len()],
        ..Index::default()
    };
    let mut words: Vec<&str> = Vec::new();
    let mut facts = super::propn::SentenceFacts::default();
    for s in &doc.sentences {
        let base = s.tokens.start;
        words.clear();
        words.extend(s.tokens.clone().map(|t| doc.slice(doc.tokens[t].span)));
        let keys = keys.map(|k| &k[s.tokens.clone()]);
        let tags = LazyTags::with_keys(model, &words, keys, std::mem::take(&mut facts));
        let span = |a: usize, b: usize| {
            Span::new(
                doc.tokens[base + a].span.start,
                doc.tokens[base + b - 1].span.end,
            )
        };
        // Country of the words just before a title (`russische`, `Nordkoreas`, `US-`).
        let mut nationality: Option<(usize, usize)> = None;
        let mut i = 0;
        while i < words.len() {
            let w = words[i];
            // A title in quotation marks after a media noun or with a media word
            // inside is a medium: `der „Berliner Zeitung“`, `Fachblatt „La Gazzetta“`.
            if matches!(w, "„" | "»" | "\"") {
                if let Some(end) = quoted_medium(&words, i) {
                    let name = words[i + 1..end].join(" ");
                    let e = ix.noun_entity(&name, EntityKind::Media);
                    ix.add_mention(e, span(i + 1, end), base + i + 1..base + end);
                    i = end + 1;
                    continue;
                }
            }
            // Known names start with a capital (or are one of a few like `dpa`).
            let cap = capitalised(w);
            let lookup = cap || gaz.lower_form(w);
            // One look-up of the word serves the multi-word and the single-word match.
            let forms = lookup.then(|| gaz.forms_of(w));
            let known = forms
                .and_then(|f| f.match_at(&words[i..]))
                .filter(|&(len, g)| {
                    len > 1
                        || !gaz.entries[g].common
                        || w != gaz.entries[g].name
                        || named_medium(&words, i)
                });
            if let Some((len, g)) = known {
                let e = ix.known(g);
                ix.add_mention(e, span(i, i + len), base + i..base + i + len);
                if gaz.entries[g].kind == EntityKind::Country {
                    nationality = Some((i + len, g));
                }
                i += len;
                continue;
            }
            // The single-word form, asked of capitalised words only once here.
            let single = forms.filter(|_| cap).and_then(|f| f.match_word(gaz, w));
            let genitive = single.filter(|&g| !gaz.entries[g].common);
            if let Some(g) = genitive {
                let e = ix.known(g);
                ix.add_mention(e, span(i, i + 1), base + i..base + i + 1);
                if gaz.entries[g].kind == EntityKind::Country {
                    nationality = Some((i + 1, g));
                }
                i += 1;
                continue;
            }
            // A known entity as the first part of a compound: `US-Angaben`, `Nato-Gipfel`.
            // (A byte loop: short words cost `split_once`'s searcher more.)
            let hyphen = w.bytes().position(|b| b == b'-');
            if let Some(prefix) = hyphen.map(|h| &w[..h]) {
                if let Some(g) = gaz.match_word(prefix) {
                    let e = ix.known(g);
                    let t = doc.tokens[base + i].span;
                    let sp = Span::new(t.start, t.start + prefix.len());
                    ix.add_mention(e, sp, base + i..base + i + 1);
                    if gaz.entries[g].kind == EntityKind::Country {
                        nationality = Some((i, g));
                    }
                    // `US-Außenminister` goes on as a title; `Ukraine-Krieg` is done.
                    if !is_title_word(w) {
                        i += 1;
                        continue;
                    }
                }
            }
            if !cap && !particle_name(w) {
                // Country adjectives all end in `-isch` + ending: test that before looking up.
                // (A byte scan: `str::contains` sets up a substring searcher per word.)
                let sch = w.as_bytes().windows(3).any(|b| b == b"sch");
                if let Some(g) = sch.then(|| gaz.adjective(w)).flatten() {
                    let e = ix.known(g);
                    ix.add_mention(e, span(i, i + 1), base + i..base + i + 1);
                    nationality = Some((i + 1, g));
                }
                i += 1;
                continue;
            }
            if is_title_word(w) {
                let nat = nationality.filter(|&(end, _)| end + 1 >= i).map(|(_, g)| g);
                i = title(&mut ix, doc, &words, &tags, base, i, nat);
                continue;
            }
            // A word of a person's name seen before is that person, whatever the classifier says.
            let known_person = !ix.person_words.is_empty()
                && (ix.person_words.contains(w)
                    || w.strip_suffix('s')
                        .is_some_and(|st| ix.person_words.contains(st)));
            let common_word = if cap {
                single.is_some()
            } else {
                gaz.match_word(w).is_some()
            };
            // The classifier last: it costs most, and its answer is kept.
            if !common_word && !not_a_name(w) && (known_person || particle_name(w) || tags.get(i)) {
                let mut end = name_run(&words, &tags, i);
                // A first name at the start of a phrase takes the next capitalised
                // word as surname even if that is also a noun: `Hans-Jürgen Papier,`.
                let opens = i == 0 || matches!(words[i - 1], "," | "(" | "–" | "-");
                let surname = end == i + 1
                    && end < words.len()
                    && capitalised(words[end])
                    && !is_title_word(words[end])
                    && gaz.match_word(words[end]).is_none()
                    && !not_a_name(words[end])
                    && words.get(end + 1).is_none_or(|n| {
                        *n == "," || n.chars().next().is_some_and(char::is_lowercase)
                    });
                if opens && surname && !known_person {
                    end += 1;
                }
                name(&mut ix, doc, &words[i..end], base + i..base + end, None);
                debug_assert!(end > i);
                i = end;
                continue;
            }
            i += 1;
        }
        facts = tags.into_facts();
    }
    ix
}

/// Whether a common-word medium name (`Welt`, `Bild`) is used as a name here:
/// in quotation marks or after `Zeitung`, `Magazin`, `Sender`.
fn named_medium(words: &[&str], i: usize) -> bool {
    let quoted = i > 0
        && matches!(words[i - 1], "„" | "\"" | "»")
        && words
            .get(i + 1)
            .is_some_and(|w| matches!(*w, "“" | "\"" | "«"));
    let after_noun = i > 0
        && matches!(
            words[i - 1],
            "Zeitung"
                | "Tageszeitung"
                | "Wochenzeitung"
                | "Magazin"
                | "Nachrichtenmagazin"
                | "Blatt"
                | "Sender"
                | "Boulevardzeitung"
        );
    quoted || after_noun
}

/// If the quotation mark at `i` opens the name of a medium, the index of its closing mark.
fn quoted_medium(words: &[&str], i: usize) -> Option<usize> {
    let close = (i + 1..words.len().min(i + 7)).find(|&k| matches!(words[k], "“" | "«" | "\""))?;
    if close == i + 1
        || !words[i + 1..close]
            .iter()
            .all(|w| capitalised(w) || PARTICLES.contains(w))
    {
        return None;
    }
    const MEDIA_WORDS: &[&str] = &[
        "Zeitung",
        "Post",
        "Times",
        "Rundschau",
        "Allgemeine",
        "Kurier",
        "Nachrichten",
        "Tagblatt",
        "Anzeiger",
        "Express",
        "Morgenpost",
        "Journal",
        "Tribune",
        "Herald",
        "Spiegel",
        "Stern",
        "Welt",
        "Bild",
        "Zeit",
        "Focus",
        "Presse",
        "Standard",
        "Tageszeitung",
        "Gazette",
        "Gazzetta",
        "News",
        "Magazin",
        "Blatt",
        "Abendblatt",
        "Tagesspiegel",
    ];
    let media_noun = i > 0
        && matches!(
            words[i - 1],
            "Zeitung"
                | "Tageszeitung"
                | "Wochenzeitung"
                | "Magazin"
                | "Nachrichtenmagazin"
                | "Blatt"
                | "Fachblatt"
                | "Sender"
                | "Fernsehsender"
                | "Boulevardzeitung"
                | "Internetdienst"
                | "Internetdienstes"
                | "Magazins"
                | "Blattes"
                | "Senders"
        );
    (media_noun || words[i + 1..close].iter().any(|w| MEDIA_WORDS.contains(w))).then_some(close)
}

/// The end of a run of proper nouns starting at `i` (particles like `von der` inside).
fn name_run(words: &[&str], tags: &LazyTags, i: usize) -> usize {
    let gaz = Gazetteer::get();
    let mut end = i + 1;
    loop {
        let joins = |w: &str, tagged: bool| {
            let short = w.chars().count() <= 3 && w.chars().all(char::is_alphabetic);
            (tagged || (capitalised(w) && short) || particle_name(w))
                && !is_title_word(w)
                && gaz.match_word(w).is_none()
                && !crate::lexicon::is_known_place(w)
                && !not_a_name(w)
        };
        if end < words.len() && joins(words[end], tags.get(end)) {
            end += 1;
            continue;
        }
        // `Ursula von der Leyen`: particles followed by a name.
        let mut k = end;
        while k < words.len() && PARTICLES.contains(&words[k]) {
            k += 1;
        }
        if k > end && k < words.len() && tags.get(k) {
            end = k + 1;
            continue;
        }
        return end;
    }
}

/// A title (`Staatschef`, `Sprecher des Ministeriums`), either introducing a
/// name or describing someone named earlier. Returns where to go on.
fn title(
    ix: &mut Index,
    doc: &Document,
    words: &[&str],
    tags: &LazyTags,
    base: usize,
    i: usize,
    nationality: Option<usize>,
) -> usize {
    let mut role_end = i + 1;
    // A genitive complement: `Sprecher des US-Verteidigungsministeriums`,
    // `Direktor der Internationalen Atomenergie-Organisation (IAEO)`.
    if matches!(words.get(i + 1), Some(&"des") | Some(&"der")) {
        let mut k = i + 2;
        while k < words.len() && k < i + 9 {
            let w = words[k];
            let fits = capitalised(w)
                || matches!(w, "(" | ")")
                || (w.chars().all(char::is_lowercase) && adjective_like(w));
            if !fits || (!w.contains('-') && k > i + 2 && words[k - 1] != "(" && tags.get(k)) {
                break;
            }
            k += 1;
        }
        // Parentheses must close inside.
        if words[i + 2..k].iter().filter(|w| **w == "(").count()
            == words[i + 2..k].iter().filter(|w| **w == ")").count()
            && k > i + 2
            && words[i + 2..k].iter().any(|w| capitalised(w))
        {
            role_end = k;
        }
    }
    let role = words[i..role_end]
        .join(" ")
        .replace("( ", "(")
        .replace(" )", ")");
    let mut j = role_end;
    if words.get(j) == Some(&",") {
        j += 1;
    }
    // A title after a name in apposition: `Hans-Jürgen Papier, Präsident des …`.
    if i >= 2 && words[i - 1] == "," {
        let before = ix.by_token[base + i - 2];
        if let Some(e) = before.filter(|&e| ix.ents[e].kind == EntityKind::Person) {
            ix.add_role(e, &role);
            return role_end;
        }
    }
    // Right after a title, capitalised words are a name even when the
    // classifier doubts it: `NATO-Generalsekretär Jaap de Hoop Scheffer`.
    let starts_name = |k: usize| {
        k < words.len()
            && capitalised(words[k])
            && !is_title_word(words[k])
            && Gazetteer::get().match_word(words[k]).is_none()
            && !not_a_name(words[k])
    };
    if j == role_end && starts_name(j) {
        let mut end = j + 1;
        while end < words.len()
            && end < j + 4
            && (starts_name(end) || PARTICLES.contains(&words[end]))
        {
            end += 1;
        }
        while end > j + 1 && PARTICLES.contains(&words[end - 1]) {
            end -= 1;
        }
        titled_person(
            ix,
            doc,
            &words[j..end],
            base + j..base + end,
            &role,
            nationality,
        );
        return end;
    }
    let sp = |a: usize, b: usize| {
        Span::new(
            doc.tokens[base + a].span.start,
            doc.tokens[base + b - 1].span.end,
        )
    };
    if j < words.len() && tags.get(j) && Gazetteer::get().match_at(&words[j..]).is_none() {
        let end = name_run(words, tags, j);
        titled_person(
            ix,
            doc,
            &words[j..end],
            base + j..base + end,
            &role,
            nationality,
        );
        return end;
    }
    // A description: resolve to the person it most plausibly means.
    let head = words[i].to_lowercase();
    let head = head.rsplit('-').next().unwrap_or(&head).to_owned();
    let best = ix
        .ents
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Person)
        .map(|(k, e)| {
            let title = e.roles.iter().any(|r| {
                let r = r.split(' ').next().unwrap_or("").to_lowercase();
                r.rsplit('-').next().unwrap_or(&r) == head
            });
            let nat = nationality.is_some() && e.nationality == nationality;
            let score = 2 * u32::from(title) + 2 * u32::from(nat);
            (score, e.last, k)
        })
        .filter(|&(score, _, _)| score >= 2)
        .max();
    if let Some((_, _, e)) = best {
        let start = if nationality.is_some() && i > 0 && !capitalised(words[i - 1]) {
            i - 1
        } else {
            i
        };
        ix.add_mention(e, sp(start, role_end), base + start..base + role_end);
        let title = words[i].rsplit('-').next().unwrap_or(words[i]).to_owned();
        ix.add_role(e, &title);
    }
    role_end
}

/// The name right after a title: a person who gets the title as role and,
/// unless known already, the nationality the title carried.
fn titled_person(
    ix: &mut Index,
    doc: &Document,
    run: &[&str],
    tokens: std::ops::Range<usize>,
    role: &str,
    nationality: Option<usize>,
) {
    let e = name(ix, doc, run, tokens, Some(EntityKind::Person));
    if ix.ents[e].kind == EntityKind::Person {
        ix.add_role(e, role);
        if ix.ents[e].nationality.is_none() {
            ix.ents[e].nationality = nationality;
        }
    }
}

/// A run of proper nouns: a new entity or a further mention of a known one.
fn name<'a>(
    ix: &mut Index,
    doc: &Document,
    run: &[&'a str],
    tokens: std::ops::Range<usize>,
    hint: Option<EntityKind>,
) -> usize {
    let span = Span::new(
        doc.tokens[tokens.start].span.start,
        doc.tokens[tokens.end - 1].span.end,
    );
    // The words are copied only where an entity keeps them.
    let words = run;
    // Genitive of a single name: `Putins`, `Kims`.
    let stem = |w: &'a str| w.strip_suffix('s');
    let matches = |e: &Ent, w: &str| e.words.iter().any(|x| x == w);
    let found = if words.len() == 1 {
        let w = words[0];
        let pick = |ix: &Index, w: &str| {
            ix.ents
                .iter()
                .enumerate()
                .filter(|(_, e)| e.kind == EntityKind::Person && e.known.is_none() && matches(e, w))
                .max_by_key(|(_, e)| e.last)
                .map(|(k, _)| k)
        };
        pick(ix, w).or_else(|| stem(w).and_then(|s| pick(ix, s)))
    } else {
        // The same name, or a fuller form of a name seen alone (`Putin` → `Wladimir Putin`).
        ix.ents
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityKind::Person && e.known.is_none())
            .find(|(_, e)| {
                e.words == words
                    || (e.words.len() < words.len()
                        && e.words.iter().all(|w| words.contains(&w.as_str())))
            })
            .map(|(k, _)| k)
    };
    if let Some(e) = found {
        if words.len() > 1 {
            ix.ents[e].weak = false;
        }
        if words.len() > ix.ents[e].words.len() {
            ix.ents[e].name = words.join(" ");
            ix.ents[e].words = words.iter().map(|w| (*w).to_owned()).collect();
            ix.ents[e].indexed = false;
        }
        ix.add_mention(e, span, tokens);
        return e;
    }
    let joined = words.join(" ");
    let kind = if crate::lexicon::is_known_place(&joined) {
        EntityKind::Place
    } else if words.iter().any(|w| ORG_WORDS.contains(w)) {
        EntityKind::Organization
    } else if hint.is_some() {
        hint.unwrap_or(EntityKind::Person)
    } else if words.len() == 1 && is_acronym(&joined) {
        EntityKind::Organization
    } else {
        EntityKind::Person
    };
    let keyed = kind != EntityKind::Person;
    let e = match ix.by_name.get(&joined).filter(|_| keyed) {
        Some(&e) => e,
        None => {
            if keyed {
                ix.by_name.insert(joined.clone(), ix.ents.len());
            }
            let e = ix.new_ent(joined, kind);
            ix.ents[e].weak = kind == EntityKind::Person && words.len() == 1 && hint.is_none();
            e
        }
    };
    ix.add_mention(e, span, tokens);
    e
}

/// The token range covering a byte span (tokens whose start lies inside it).
pub(crate) fn token_range(doc: &Document, span: Span) -> std::ops::Range<usize> {
    let a = doc.tokens.partition_point(|t| t.span.start < span.start);
    let b = doc.tokens.partition_point(|t| t.span.start < span.end);
    a..b
}

fn kind_rank(k: EntityKind) -> u8 {
    match k {
        EntityKind::Person => 0,
        EntityKind::Media | EntityKind::Organization | EntityKind::Government => 1,
        EntityKind::Group | EntityKind::Anonymous => 2,
        EntityKind::Country => 3,
        EntityKind::Place => 4,
    }
}

/// The entity a speaker mention refers to, creating group, anonymous,
/// government and media entities for common-noun speakers (`Experten`).
pub(crate) fn speaker_entity(ix: &mut Index, doc: &Document, span: Span) -> Option<usize> {
    let e = speaker_entity_inner(ix, doc, span)?;
    // Speaking makes a name an entity, however weak the evidence was.
    ix.ents[e].weak = false;
    Some(e)
}

fn speaker_entity_inner(ix: &mut Index, doc: &Document, span: Span) -> Option<usize> {
    let toks = token_range(doc, span);
    if toks.is_empty() {
        return None;
    }
    let best = toks
        .clone()
        .filter_map(|t| ix.by_token[t])
        .min_by_key(|&e| kind_rank(ix.ents[e].kind));
    let words: Vec<&str> = toks
        .clone()
        .map(|t| doc.slice(doc.tokens[t].span))
        .collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    // `Beide Länder`: the two countries last mentioned before.
    if lower.len() == 2 && lower[0] == "beide" && matches!(lower[1].as_str(), "länder" | "staaten")
    {
        let mut countries: Vec<(usize, usize)> = ix
            .ents
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityKind::Country)
            .filter_map(|(k, e)| {
                let last = e
                    .mentions
                    .iter()
                    .filter(|m| m.start < span.start)
                    .map(|m| m.start)
                    .max()?;
                Some((last, k))
            })
            .collect();
        countries.sort_unstable_by(|a, b| b.cmp(a));
        if countries.len() >= 2 {
            let mut pair = [countries[0].1, countries[1].1];
            pair.sort_unstable();
            let name = format!("{} und {}", ix.ents[pair[0]].name, ix.ents[pair[1]].name);
            let e = ix.noun_entity(&name, EntityKind::Group);
            ix.add_mention(e, span, toks);
            return Some(e);
        }
    }
    // The head: the last capitalised word before any comma.
    let cut = lower.iter().position(|w| w == ",").unwrap_or(lower.len());
    let head = (0..cut).rev().find(|&k| capitalised(words[k]));
    let head_source = head.and_then(|h| gazetteer::noun_source(&lower[h]));
    if let Some(e) = best.filter(|&e| ix.ents[e].kind != EntityKind::Place) {
        // A country adjective with a group noun is the group, not the country:
        // `russische Experten`; but `nordkoreanische Angaben` is the country.
        if ix.ents[e].kind != EntityKind::Country
            || !matches!(head_source, Some(NounSource::Group | NounSource::Anonymous))
        {
            return Some(e);
        }
    }
    // A pronoun: the person mentioned last before it.
    if words.len() == 1 && matches!(lower[0].as_str(), "er" | "sie") {
        return ix
            .ents
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityKind::Person && !e.weak)
            .filter_map(|(k, e)| {
                // A genitive (`Papiers Stellvertreter`) names someone who is not the subject.
                let genitive = |m: &Span| {
                    let t = doc.slice(*m);
                    t.strip_suffix('s')
                        .is_some_and(|st| e.words.iter().any(|w| w == st))
                };
                let last = e
                    .mentions
                    .iter()
                    .filter(|m| m.start < span.start && !genitive(m))
                    .map(|m| m.start)
                    .max()?;
                Some((last, k))
            })
            .max()
            .map(|(_, k)| k);
    }
    // A common noun as the speaker.
    let h = head?;
    let kind = match head_source? {
        NounSource::Group => EntityKind::Group,
        NounSource::Anonymous => EntityKind::Anonymous,
        NounSource::Government => EntityKind::Government,
        NounSource::Media => EntityKind::Media,
        NounSource::Document => return None,
    };
    // Name it as written, with the adjectives right before: `russische Experten`.
    let mut start = h;
    while start > 0
        && !capitalised(words[start - 1])
        && !is_article(&lower[start - 1])
        && adjective_like(&lower[start - 1])
        && lower[start - 1].chars().all(char::is_alphabetic)
    {
        start -= 1;
    }
    let name = words[start..=h].join(" ");
    let e = ix.noun_entity(&name, kind);
    ix.add_mention(e, span, toks);
    Some(e)
}

/// Whether a lower-case word is a definite or indefinite article.
pub(crate) fn is_article(w: &str) -> bool {
    matches!(
        w,
        "der"
            | "die"
            | "das"
            | "des"
            | "dem"
            | "den"
            | "ein"
            | "eine"
            | "einer"
            | "eines"
            | "einem"
            | "einen"
    )
}

/// The finished entities in order of first mention, and the old → new index map.
pub(crate) fn finish(ix: &Index) -> (Vec<Entity>, Vec<usize>) {
    let mut order: Vec<usize> = (0..ix.ents.len())
        .filter(|&k| !ix.ents[k].mentions.is_empty() && !ix.ents[k].weak)
        .collect();
    order.sort_by_key(|&k| ix.ents[k].mentions.iter().map(|m| m.start).min());
    let mut map = vec![usize::MAX; ix.ents.len()];
    let mut out = Vec::with_capacity(order.len());
    for (new, &old) in order.iter().enumerate() {
        map[old] = new;
        let e = &ix.ents[old];
        let mut mentions = e.mentions.clone();
        mentions.sort_unstable();
        out.push(Entity {
            name: e.name.clone(),
            kind: e.kind,
            role: (!e.roles.is_empty()).then(|| e.roles.join(", ")),
            mentions,
        });
    }
    (out, map)
}
