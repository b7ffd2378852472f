//! Whole-pipeline throughput: `cargo bench -p quelle --bench pipeline`.
//!
//! Analyses the DER STANDARD articles of `../shared/data/gnad/articles.jsonl`
//! (unseen publisher, one article per line) when present, else the flagship
//! example repeated; throughput is reported in tokens per second, one core.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;

fn corpus() -> Vec<String> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/gnad/articles.jsonl");
    if let Ok(s) = std::fs::read_to_string(&path) {
        let docs: Vec<String> = s
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(str::to_owned))
            .collect();
        if !docs.is_empty() {
            return docs;
        }
    }
    eprintln!(
        "note: {} not found; benchmarking the flagship example",
        path.display()
    );
    vec![include_str!("../../../examples/pjoengjang.txt").to_owned(); 200]
}

fn bench(c: &mut Criterion) {
    let pipeline = quelle::Pipeline::builder()
        .build()
        .expect("embedded models load");
    let docs = corpus();
    let tokens: usize = docs
        .iter()
        .map(|d| pipeline.analyze(d.as_str()).tokens.len())
        .sum();
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Elements(tokens as u64));
    g.sample_size(10);
    g.bench_function("analyze_gnad", |b| {
        b.iter(|| {
            let mut quotes = 0;
            for d in &docs {
                quotes += pipeline.analyze(d.as_str()).quotes.len();
            }
            quotes
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
