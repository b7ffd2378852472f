//! Rough per-stage timing on a corpus (one core, best of five passes): segmentation only vs. the whole pipeline.
//! `cargo run --release -p quelle --example stage_times -- ../shared/data/gnad/articles.jsonl`
use std::time::Instant;
fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("a JSONL file with a text field");
    let src = std::fs::read_to_string(path).expect("readable");
    let docs: Vec<String> = src
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect();
    for quotes in [false, true] {
        let p = quelle::Pipeline::builder().quotes(quotes).build().unwrap();
        // Best of five passes: the corpus is small, one pass is noisy.
        let mut s = f64::INFINITY;
        let mut tokens = 0;
        for _ in 0..5 {
            let t = Instant::now();
            tokens = 0;
            for d in &docs {
                tokens += p.analyze(d.as_str()).tokens.len();
            }
            s = s.min(t.elapsed().as_secs_f64());
        }
        println!(
            "quotes={quotes}: {tokens} tokens in {s:.3} s = {:.0} tokens/s",
            tokens as f64 / s
        );
    }
}
