//! Rough per-stage timing on a corpus (one core, best of five passes): segmentation only vs. the whole pipeline.
//! `cargo run --release -p quelle --example stage_times -- ../shared/data/gnad/articles.jsonl [MODELS_DIR]`
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
        let mut b = quelle::Pipeline::builder();
        b.quotes(quotes);
        if let Some(dir) = std::env::args().nth(2) {
            b.quote_models(quelle::quotes::QuoteModels::load_dir(dir.as_ref()).unwrap());
        }
        let p = b.build().unwrap();
        // Best of five passes: the corpus is small, one pass is noisy.
        let mut s = f64::INFINITY;
        let mut cpu = f64::INFINITY;
        let mut tokens = 0;
        for _ in 0..5 {
            let t = Instant::now();
            let c = thread_cpu_ns();
            tokens = 0;
            for d in &docs {
                tokens += p.analyze(d.as_str()).tokens.len();
            }
            s = s.min(t.elapsed().as_secs_f64());
            if let (Some(a), Some(b)) = (c, thread_cpu_ns()) {
                cpu = cpu.min((b - a) as f64 * 1e-9);
            }
        }
        if cpu.is_finite() {
            // On a busy machine wall time includes waiting for a core; CPU time does not.
            println!(
                "quotes={quotes}: {tokens} tokens in {cpu:.3} s of CPU time = {:.0} tokens per CPU second",
                tokens as f64 / cpu
            );
        }
        println!(
            "quotes={quotes}: {tokens} tokens in {s:.3} s = {:.0} tokens/s",
            tokens as f64 / s
        );
    }
}

/// Nanoseconds this thread has run on a CPU (Linux `schedstat`), if available.
fn thread_cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}
