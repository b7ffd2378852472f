//! Tests of the segmenter's behaviour: a table of small cases per feature,
//! and property tests that it never panics and always yields well-formed
//! tokens and sentences.

use super::chars::is_space;
use super::Segmenter;
use crate::document::{Sentence, Token, TokenKind};
use crate::span::Span;
use proptest::prelude::*;

/// Segments all of `text` as one block.
fn segment(text: &str) -> (Vec<Token>, Vec<Sentence>) {
    let mut tokens = Vec::new();
    let mut sentences = Vec::new();
    Segmenter::new().segment_block(text, Span::new(0, text.len()), &mut tokens, &mut sentences);
    (tokens, sentences)
}

fn tokens(text: &str) -> Vec<&str> {
    segment(text).0.iter().map(|t| t.span.text(text)).collect()
}

fn sentences(text: &str) -> Vec<&str> {
    segment(text).1.iter().map(|s| s.span.text(text)).collect()
}

fn kind_of(text: &str, token: &str) -> TokenKind {
    let (toks, _) = segment(text);
    toks.iter()
        .find(|t| t.span.text(text) == token)
        .unwrap_or_else(|| panic!("no token {token:?} in {text:?}"))
        .kind
}

/// `name: "input" => ["token", …];` — the tokens of the input.
macro_rules! token_cases {
    ($($name:ident: $input:expr => [$($tok:expr),* $(,)?];)*) => {
        $(
            #[test]
            fn $name() {
                let expected: Vec<&str> = vec![$($tok),*];
                assert_eq!(tokens($input), expected, "tokens of {:?}", $input);
            }
        )*
    };
}

/// `name: "input" => ["sentence", …];` — the sentences of the input.
macro_rules! sentence_cases {
    ($($name:ident: $input:expr => [$($s:expr),* $(,)?];)*) => {
        $(
            #[test]
            fn $name() {
                let expected: Vec<&str> = vec![$($s),*];
                assert_eq!(sentences($input), expected, "sentences of {:?}", $input);
            }
        )*
    };
}

mod tokenization {
    use super::*;

    token_cases! {
        abbreviations_keep_their_period:
            "z. B. Dr. Müller u. a. Nr. 5 bzw. ca. 300 Jan. 2009"
            => ["z.", "B.", "Dr.", "Müller", "u.", "a.", "Nr.", "5", "bzw.", "ca.", "300", "Jan.",
                "2009"];
        abbreviations_written_together: "z.B. d.h. usw. etc. (z.B.)"
            => ["z.B.", "d.h.", "usw.", "etc.", "(", "z.B.", ")"];
        ordinals_and_dates: "am 11. August 1930, am 27.12.2008."
            => ["am", "11.", "August", "1930", ",", "am", "27.12.2008."];
        numbers: "1.000 Euro, 4,6 Prozent, 3:1 (1:0)"
            => ["1.000", "Euro", ",", "4,6", "Prozent", ",", "3:1", "(", "1:0", ")"];
        period_after_words: "1969. USA. Mond. XVI."
            => ["1969.", "USA", ".", "Mond", ".", "XVI", "."];
        initials: "George W. Bush" => ["George", "W.", "Bush"];
        german_quotes: "„Wir schaffen das“" => ["„", "Wir", "schaffen", "das", "“"];
        every_quote_style: "»Ja« ‚so‘ \"Hallo\" 'Hallo' “Yes” ‘no’ «non»"
            => ["»", "Ja", "«", "‚", "so", "‘", "\"", "Hallo", "\"", "'", "Hallo", "'",
                "“", "Yes", "”", "‘", "no", "’", "«", "non", "»"];
        doubled_ascii_quotes: "''Wikinews''" => ["''", "Wikinews", "''"];
        quote_after_colon: "sagte er: „Ja.“" => ["sagte", "er", ":", "„", "Ja", ".", "“"];
        hyphenated_compounds:
            "US-Angaben Nato-Generalsekretär Ukraine-Krieges Handels- und E-Mail-Adresse"
            => ["US-Angaben", "Nato-Generalsekretär", "Ukraine-Krieges", "Handels-", "und",
                "E-Mail-Adresse"];
        hyphens_between_digits_split:
            "3-4 5.000-mal -5 +49"
            => ["3", "-", "4", "5.000-mal", "-5", "+49"];
        double_hyphen_between_letters: "x--y" => ["x", "--", "y"];
        slashes:
            "CDU/CSU Frankfurt/Main 2010/11"
            => ["CDU/CSU", "Frankfurt", "/", "Main", "2010", "/", "11"];
        urls_and_mail: "http://www.spiegel.de/a?b=1. (www.wikinews.de) info@example.com."
            => ["http://www.spiegel.de/a?b=1.", "(", "www.wikinews.de", ")", "info@example.com",
                "."];
        emoticons: ":-) ;-) :) <3 (^_^)" => [":-)", ";-)", ":)", "<3", "(^_^)"];
        apostrophes_as_the_gold_has_them: "geht's Kim's geht’s auf'm"
            => ["geht's", "Kim's", "geht", "’s", "auf", "'m"];
        units_and_currencies: "5km 10% 5€ 20°C. 30 km/h."
            => ["5", "km", "10", "%", "5", "€", "20", "°", "C", ".", "30", "km", "/", "h."];
        brackets: "(Ohio) [sic]" => ["(", "Ohio", ")", "[", "sic", "]"];
        ellipses: "Wort... Ende… …dann" => ["Wort", "...", "Ende", "…", "…", "dann"];
        missing_space_after_period: "Hallo.Dr. Meier Kim.Jong-un E.ON"
            => ["Hallo", ".", "Dr.", "Meier", "Kim", ".", "Jong-un", "E.ON"];
        stacked_punctuation:
            "wie bitte?!“), sagte"
            => ["wie", "bitte", "?", "!", "“", ")", ",", "sagte"];
        line_breaks_are_whitespace: "Basis für\nunsere\r\nBeziehungen\u{a0}heute"
            => ["Basis", "für", "unsere", "Beziehungen", "heute"];
        nothing_to_tokenize: " \r\n\t\u{1c}" => [];
        empty: "" => [];
        lone_marks: ". „ ́" => [".", "„", "́"];
        emoji: "Toll😀! 👍🏽" => ["Toll", "😀", "!", "👍", "🏽"];
    }

    #[test]
    fn kinds() {
        let t = "Am 27.12.2008 sagte Dr. Kim: „Das kostet 1.000 Euro, 4,6 % mehr 😀“ – siehe www.kim.de :-) 11.";
        assert_eq!(kind_of(t, "„"), TokenKind::QuoteMark);
        assert_eq!(kind_of(t, "“"), TokenKind::QuoteMark);
        assert_eq!(kind_of(t, "27.12.2008"), TokenKind::Number);
        assert_eq!(kind_of(t, "1.000"), TokenKind::Number);
        assert_eq!(kind_of(t, "4,6"), TokenKind::Number);
        assert_eq!(kind_of(t, "11."), TokenKind::Number);
        assert_eq!(kind_of(t, "Dr."), TokenKind::Word);
        assert_eq!(kind_of(t, "Kim"), TokenKind::Word);
        assert_eq!(kind_of(t, ":"), TokenKind::Punct);
        assert_eq!(kind_of(t, "–"), TokenKind::Punct);
        assert_eq!(kind_of(t, "😀"), TokenKind::Punct);
        assert_eq!(kind_of(t, "www.kim.de"), TokenKind::Special);
        assert_eq!(kind_of(t, ":-)"), TokenKind::Special);
        for q in ["»", "«", "‚", "‘", "\"", "'", "’", "''", "``"] {
            let text = format!("x {q} y");
            assert_eq!(kind_of(&text, q), TokenKind::QuoteMark, "{q}");
        }
        assert_eq!(kind_of("US-Angaben", "US-Angaben"), TokenKind::Word);
        assert_eq!(kind_of("a@b.de", "a@b.de"), TokenKind::Special);
    }

    #[test]
    fn very_long_words_are_one_token() {
        let w = "Donaudampfschifffahrtsgesellschaft".repeat(2000);
        let text = format!("Die {w}-Kapitäne.");
        assert_eq!(tokens(&text), vec!["Die", &format!("{w}-Kapitäne"), "."]);
        let dots = ".".repeat(10_000);
        assert_eq!(tokens(&dots), vec![dots.as_str()]);
    }
}

/// Inputs that would take quadratic time if any step rescanned its context;
/// at this size that would hang the test.
#[test]
fn pathological_inputs_stay_fast() {
    let n = 40_000;
    let inputs = [
        "Ab: ".repeat(n),
        "Ab:".repeat(n),
        "(".repeat(n),
        ")".repeat(n),
        format!("a.{}", "@".repeat(n)),
        format!("a.b{}", "@x".repeat(n)),
        "a.".repeat(n),
        "—".repeat(n) + &" Ab: Cd".repeat(100),
        "Ab; ".repeat(n),
        "„".repeat(n),
        "1.".repeat(n),
        ":-)".repeat(n),
        "x''".repeat(n),
    ];
    let start = std::time::Instant::now();
    for text in &inputs {
        check_invariants(text, Span::new(0, text.len()));
    }
    // Generous even for an unoptimised build on a busy machine.
    assert!(start.elapsed().as_secs() < 60, "took {:?}", start.elapsed());
}

mod sentence_splitting {
    use super::*;

    sentence_cases! {
        full_stops: "Er kam. Sie ging." => ["Er kam.", "Sie ging."];
        questions_and_exclamations:
            "Wer? Ich! Wirklich?! Ja."
            => ["Wer?", "Ich!", "Wirklich?!", "Ja."];
        quote_closes_with_the_sentence:
            "„Ich komme.“ Dann ging er."
            => ["„Ich komme.“", "Dann ging er."];
        quote_before_a_reporting_clause: "„Warum?“, fragte er. „Raus!“ riefen sie."
            => ["„Warum?“, fragte er.", "„Raus!“ riefen sie."];
        bracket_closes_with_the_sentence: "Er siegte. (Das war knapp.) Dann ging er."
            => ["Er siegte.", "(Das war knapp.)", "Dann ging er."];
        abbreviations: "Dr. Müller, z. B. Nr. 5 und George W. Bush kamen, bzw. gingen." =>
            ["Dr. Müller, z. B. Nr. 5 und George W. Bush kamen, bzw. gingen."];
        abbreviation_before_a_capital: "Das gilt z. B. Kindern. Sie kamen."
            => ["Das gilt z. B. Kindern.", "Sie kamen."];
        ordinals_stay_inside:
            "Am 3. Oktober kam er zum 60. Geburtstag."
            => ["Am 3. Oktober kam er zum 60. Geburtstag."];
        year_ends: "Das war 1969. Dann kam 1970." => ["Das war 1969.", "Dann kam 1970."];
        date_ends:
            "Es geschah am 27.12.2008. Dann kam mehr."
            => ["Es geschah am 27.12.2008.", "Dann kam mehr."];
        number_after_a_noun_ends:
            "Er wurde Platz 19. Trainer Wolf schwieg."
            => ["Er wurde Platz 19.", "Trainer Wolf schwieg."];
        enumeration_end:
            "Er las Bücher, Zeitungen usw. Dann schlief er."
            => ["Er las Bücher, Zeitungen usw.", "Dann schlief er."];
        number_sign:
            "Die Linie Nr. 5 fährt nach Art. 3 GG. Sie hält."
            => ["Die Linie Nr. 5 fährt nach Art. 3 GG.", "Sie hält."];
        roman_numeral_before_lower_case:
            "Papst Benedikt XVI. trat zurück."
            => ["Papst Benedikt XVI. trat zurück."];
        word_with_digit:
            "Es war eine F-5. Sie stürzte ab."
            => ["Es war eine F-5.", "Sie stürzte ab."];
        ellipsis_ends: "Er ging... Dann kam sie." => ["Er ging...", "Dann kam sie."];
        url_with_its_period:
            "Mehr unter https://x.de/?id=1. Dann kam sie."
            => ["Mehr unter https://x.de/?id=1.", "Dann kam sie."];
        omission_does_not_end:
            "Er sagte [...] Dinge. Dann (…) ging er."
            => ["Er sagte [...] Dinge.", "Dann (…) ging er."];
        semicolon_ends:
            "Die Seite ist abrufbar; die Homepage arbeitet nicht."
            => ["Die Seite ist abrufbar;", "die Homepage arbeitet nicht."];
        semicolon_in_a_list:
            "Kommandantin; James Kelly, Pilot; Charles Camarda."
            => ["Kommandantin; James Kelly, Pilot; Charles Camarda."];
        colon_after_verb_of_saying: "Der Sprecher der Polizei sagte am Samstag: „Das war es.“"
            => ["Der Sprecher der Polizei sagte am Samstag: „Das war es.“"];
        colon_after_a_full_clause:
            "Die Firma empfindet die Kritik als ungerechtfertigt: „Nun müssen wir die Ware lagern.“"
            => ["Die Firma empfindet die Kritik als ungerechtfertigt:",
                "„Nun müssen wir die Ware lagern.“"];
        colon_before_a_capitalised_clause:
            "Das Spiel endete mit einer Überraschung: Der Favorit verlor klar."
            => ["Das Spiel endete mit einer Überraschung:", "Der Favorit verlor klar."];
        colon_before_a_list: "Das Paar hatte drei Kinder: Caroline, Albert und Stephanie."
            => ["Das Paar hatte drei Kinder: Caroline, Albert und Stephanie."];
        short_colon_clause:
            "Zum Vergleich: Die Bombe enthielt mehr."
            => ["Zum Vergleich: Die Bombe enthielt mehr."];
        colon_in_brackets: "Die Notenbank der Vereinigten Staaten (kurz: „Fed“) bei der Krise."
            => ["Die Notenbank der Vereinigten Staaten (kurz: „Fed“) bei der Krise."];
        line_breaks_are_whitespace:
            "Heute ist ein neuer\nTag. Morgen\r\nauch."
            => ["Heute ist ein neuer\nTag.", "Morgen\r\nauch."];
        no_final_punctuation:
            "Russland und Nordkorea vereinbaren Partnerschaft"
            => ["Russland und Nordkorea vereinbaren Partnerschaft"];
        only_punctuation: "…" => ["…"];
        nothing: "  " => [];
    }

    #[test]
    fn sentences_never_cross_blocks() {
        let text = "Insider vermuten Gespräche\n\nExperten gehen davon aus. Beide bestreiten es";
        let head = Span::new(0, text.find('\n').unwrap());
        let body = Span::new(text.find("Experten").unwrap(), text.len());
        let seg = Segmenter::new();
        let (mut tokens, mut sentences) = (Vec::new(), Vec::new());
        seg.segment_block(text, head, &mut tokens, &mut sentences);
        seg.segment_block(text, body, &mut tokens, &mut sentences);
        let got: Vec<&str> = sentences.iter().map(|s| s.span.text(text)).collect();
        assert_eq!(
            got,
            vec![
                "Insider vermuten Gespräche",
                "Experten gehen davon aus.",
                "Beide bestreiten es"
            ]
        );
        assert_eq!(sentences[1].tokens, 3..8);
    }

    #[test]
    fn flagship_text() {
        let text = include_str!("../../../../examples/pjoengjang.txt");
        let (toks, sents) = segment(text);
        let words: Vec<&str> = toks.iter().map(|t| t.span.text(text)).collect();
        for w in [
            "Nato-Generalsekretär",
            "US-Angaben",
            "Ukraine-Krieg",
            "„",
            "“",
            "US-Außenminister",
        ] {
            assert!(words.contains(&w), "{w}");
        }
        let ends: Vec<&str> = sents.iter().map(|s| s.span.text(text)).collect();
        assert!(ends.contains(&"„Das zeigt auch, dass unsere Sicherheit nicht regional\nist."));
        assert!(ends.contains(&"Sie ist global“, fügte Stoltenberg hinzu."));
    }
}

/// Characters that exercise the rules: letters, digits, every kind of mark.
fn german_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "Wort", "Müller", "z.", "B.", "Dr.", "Nr.", "usw.", "11.", "1969", "1.000", "4,6",
            "US-Angaben", "CDU/CSU", "www.x.de", "a@b.de", ":-)", "geht's", "USA", "W.", "km",
        ])
        .prop_map(str::to_string),
        6 => prop::sample::select(vec![
            " ", " ", "\n", "\r\n", "\t", "\u{a0}", "\u{1c}", ".", ",", ":", ";", "!", "?", "„",
            "“", "”", "‚", "‘", "’", "»", "«", "\"", "'", "(", ")", "[", "]", "-", "–", "—", "/",
            "+", "%", "€", "$", "°", "…", "...", "@", "&", "*", "_", "=", "<", ">", "`", "´",
            "\u{301}", "😀", "🏽", "中", "ß", "Ä", "a", "Z", "0", "9", "\u{200b}",
        ])
        .prop_map(str::to_string),
    ]
}

fn german_text() -> impl Strategy<Value = String> {
    prop::collection::vec(german_piece(), 0..40).prop_map(|v| v.concat())
}

/// Checks every invariant of the output for `block` of `text`.
fn check_invariants(text: &str, block: Span) {
    let seg = Segmenter::new();
    // Something already in the vectors must be left alone.
    let mut tokens = vec![Token {
        span: Span::new(0, 0),
        kind: TokenKind::Punct,
    }];
    let mut sentences = vec![Sentence {
        span: Span::new(0, 0),
        tokens: 0..1,
    }];
    seg.segment_block(text, block, &mut tokens, &mut sentences);
    let new = &tokens[1..];
    let mut at = block.start;
    for t in new {
        let s = t.span;
        assert!(s.start < s.end, "empty token {s:?}");
        assert!(s.start >= at, "tokens out of order or overlapping at {s:?}");
        assert!(s.end <= block.end, "token {s:?} outside block {block:?}");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        // Everything between tokens is whitespace; nothing inside one is.
        assert!(
            text[at..s.start].chars().all(is_space),
            "uncovered text before {s:?}"
        );
        assert!(
            !s.text(text).chars().any(is_space),
            "whitespace in token {s:?}"
        );
        at = s.end;
    }
    assert!(
        text[at..block.end].chars().all(is_space),
        "uncovered text at the end"
    );
    // Sentences partition the new tokens.
    let new_sents = &sentences[1..];
    let mut next = 1;
    for s in new_sents {
        assert_eq!(s.tokens.start, next, "sentences must be contiguous");
        assert!(s.tokens.end > s.tokens.start, "empty sentence");
        assert_eq!(s.span.start, tokens[s.tokens.start].span.start);
        assert_eq!(s.span.end, tokens[s.tokens.end - 1].span.end);
        next = s.tokens.end;
    }
    assert_eq!(next, tokens.len(), "sentences must cover every token");
}

/// The nearest character boundary at or before `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

proptest! {
    #[test]
    fn never_panics_and_stays_well_formed(text in any::<String>()) {
        check_invariants(&text, Span::new(0, text.len()));
    }

    #[test]
    fn well_formed_on_german_like_text(text in german_text(), a in 0usize..400, b in 0usize..400) {
        check_invariants(&text, Span::new(0, text.len()));
        let (a, b) = (floor_boundary(&text, a.min(b)), floor_boundary(&text, a.max(b)));
        check_invariants(&text, Span::new(a, b));
    }

    #[test]
    fn bad_blocks_yield_nothing(text in "\\PC{0,20}", a in 0usize..40, b in 0usize..40) {
        let seg = Segmenter::new();
        let (mut tokens, mut sentences) = (Vec::new(), Vec::new());
        seg.segment_block(&text, Span { start: a, end: b }, &mut tokens, &mut sentences);
        if text.get(a..b).is_none() {
            prop_assert!(tokens.is_empty() && sentences.is_empty());
        }
    }
}
