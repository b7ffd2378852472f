//! Error analysis: prints gold quotations the system misses (MISS), speaker disagreements on
//! paired quotations (SPK) and system quotations without gold (SPUR).
//!
//! `cargo run --release -p quelle --example quote_errors -- GOLD.jsonl [MODELS_DIR]`
//! — use held-out train folds, not dev, when looking for what to change.
use quelle::schema::AnalysisJson;
mod support;
fn main() {
    let (docs, p) = support::gold_and_pipeline(Some("../shared/data/gnqa/dev.jsonl"));
    for g in docs.iter() {
        let doc = p.analyze(g.text.clone());
        let j = AnalysisJson::from_document(&doc);
        let chars: Vec<char> = g.text.chars().collect();
        let ov = |a: &quelle::schema::RoleJson, b: &quelle::schema::RoleJson| {
            a.spans
                .iter()
                .any(|x| b.spans.iter().any(|y| x.start < y.end && y.start < x.end))
        };
        for q in &g.quotes {
            if !j.quotes.iter().any(|s| ov(&s.content, &q.content)) {
                let s = q.content.spans[0].start;
                let ctx: String = chars[s.saturating_sub(60)..s].iter().collect();
                println!(
                    "MISS {:?} [{}] <<{}>> {}",
                    q.kind,
                    ctx.replace('\n', " "),
                    q.content.text.chars().take(120).collect::<String>(),
                    q.speaker.as_ref().map_or("", |s| &s.role.text)
                );
            }
        }
        for q in &g.quotes {
            if let Some(s) = j.quotes.iter().find(|s| ov(&s.content, &q.content)) {
                let gs = q.speaker.as_ref().map_or("", |s| &s.role.text);
                let ss = s.speaker.as_ref().map_or("", |s| &s.role.text);
                if gs != ss {
                    println!(
                        "SPK {:?} gold={gs:?} sys={ss:?} cue={:?}",
                        q.kind,
                        s.cue.as_ref().map_or("", |s| &s.text)
                    );
                }
            }
        }
        for q in &j.quotes {
            if !g.quotes.iter().any(|s| ov(&s.content, &q.content)) {
                let s = q.content.spans[0].start;
                let ctx: String = chars[s.saturating_sub(60)..s].iter().collect();
                let text: Vec<char> = q.content.text.chars().collect();
                let tail: String = text[text.len().saturating_sub(40)..].iter().collect();
                println!(
                    "SPUR {:?} [{}] <<{}>> …{} cue={:?}",
                    q.kind,
                    ctx.replace('\n', " "),
                    text.iter().take(80).collect::<String>(),
                    tail,
                    q.cue.as_ref().map_or("", |c| &c.text)
                );
            }
        }
    }
}
