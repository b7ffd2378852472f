//! Segmentation throughput, in tokens per second (one core).
//!
//! Measures `Segmenter::segment_block` (tokens and sentences) over every
//! structural block of the flagship article and of a synthetic ~1 MB news
//! text rich in what makes German segmentation slow (abbreviations, numbers,
//! dates, quotation marks, compounds, URLs), plus tokenization alone. Blocks
//! are found once, outside the measurement. Run with
//! `cargo bench -p quelle --bench segment`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use quelle::document::{Sentence, Token};
use quelle::segment::Segmenter;
use quelle::span::Span;
use std::hint::black_box;

const FLAGSHIP: &str = include_str!("../../../examples/pjoengjang.txt");

/// Sentences of the synthetic text; `{n}`, `{d}`, `{y}` and `{p}` are filled in.
const TEMPLATES: &[&str] = &[
    "Der russische Staatschef Wladimir Putin und Nordkoreas Machthaber Kim Jong Un haben bei einem Treffen in Pjöngjang eine Vertiefung der Beziehungen beschlossen.",
    "„Heute ist ein neues Grundlagendokument fertig, das die Basis für unsere Beziehungen legen wird“, sagte {p} laut russischen Nachrichtenagenturen.",
    "Am {d}. Oktober {y} kündigte die Regierung z. B. Investitionen von ca. {n}.000 Euro an, d.h. rund 4,{d} Prozent mehr als im Vorjahr.",
    "US-Angaben zufolge soll die Lieferung von Raketen und Artilleriemunition vereinbart worden sein.",
    "Nato-Generalsekretär Jens Stoltenberg sagte: „Das zeigt auch, dass unsere Sicherheit nicht regional ist. Sie ist global.“",
    "Dr. Müller (CDU/CSU) verwies auf Art. {d} GG und die Nr. {n} der Liste, u. a. auf die Seiten {n}–{y}.",
    "Weitere Informationen gibt es unter https://www.example.org/artikel?id={n} oder per E-Mail an redaktion@example.de.",
    "Die Partie endete {d}:1 ({d}:0); die Gäste lagen bis zur {n}. Minute vorn.",
    "Prof. Dr. Anna Schmidt-Weber erklärte, die Ergebnisse seien »vorläufig« und müssten bzw. könnten noch geprüft werden.",
    "Der Ukraine-Krieg hat die Energiepreise um {n}% steigen lassen – so stark wie zuletzt {y}.",
    "Bereits am {d}.{d}.{y} hatte George W. Bush in Washington D.C. eine ähnliche Erklärung abgegeben.",
    "Wer profitiert davon? Niemand! Das sagen jedenfalls die Experten.",
    "Die Firma empfindet die Kritik als ungerechtfertigt: „Nun müssen wir die Ware irgendwo lagern.“",
    "Die Handels- und Sicherheitsbeziehungen wurden im Jan. {y} neu geordnet, usw.",
];

/// A deterministic synthetic news text of about `bytes` bytes, in paragraphs.
fn synthetic(bytes: usize) -> String {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        // xorshift64*: a fixed sequence, so every run measures the same text.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    let people = ["Putin", "Kim", "Stoltenberg", "Merkel", "Scholz"];
    let mut text = String::with_capacity(bytes + 1024);
    while text.len() < bytes {
        let sentences = 2 + (next() % 6) as usize;
        for k in 0..sentences {
            let t = TEMPLATES[(next() % TEMPLATES.len() as u64) as usize];
            let s = t
                .replace("{n}", &(next() % 1000).to_string())
                .replace("{d}", &(1 + next() % 28).to_string())
                .replace("{y}", &(1990 + next() % 35).to_string())
                .replace("{p}", people[(next() % people.len() as u64) as usize]);
            if k > 0 {
                // Now and then a line break inside the paragraph.
                text.push(if next() % 7 == 0 { '\n' } else { ' ' });
            }
            text.push_str(&s);
        }
        text.push_str("\n\n");
    }
    text
}

/// The structural blocks of `text`, as the pipeline finds them.
fn blocks(text: &str) -> Vec<Span> {
    quelle::structure::blocks(text)
        .iter()
        .map(|b| b.span)
        .collect()
}

fn segment_all(
    seg: &Segmenter,
    text: &str,
    blocks: &[Span],
    tokens: &mut Vec<Token>,
    sentences: &mut Vec<Sentence>,
) {
    tokens.clear();
    sentences.clear();
    for &b in blocks {
        seg.segment_block(text, b, tokens, sentences);
    }
}

fn bench(c: &mut Criterion) {
    let seg = Segmenter::new();
    let big = synthetic(1 << 20);
    let mut group = c.benchmark_group("segment");
    for (name, text) in [("flagship", FLAGSHIP), ("synthetic_1mb", big.as_str())] {
        let bl = blocks(text);
        let (mut tokens, mut sentences) = (Vec::new(), Vec::new());
        segment_all(&seg, text, &bl, &mut tokens, &mut sentences);
        group.throughput(Throughput::Elements(tokens.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                segment_all(&seg, black_box(text), &bl, &mut tokens, &mut sentences);
                black_box(sentences.len())
            })
        });
        if name != "flagship" {
            group.bench_function(format!("{name}_tokens_only"), |b| {
                b.iter(|| {
                    tokens.clear();
                    for &blk in &bl {
                        seg.tokenize_block(black_box(text), blk, &mut tokens);
                    }
                    black_box(tokens.len())
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
