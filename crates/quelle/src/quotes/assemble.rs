//! Turning token labels into quotations with roles.
//!
//! The content tagger marks quotation spans and their type; the role tagger
//! marks speaker, cue and addressee chunks. Assembly joins the pieces: it merges
//! a quotation interrupted by its frame (`„…“, sagte sie, „…“`), attaches the
//! nearest cue, speaker and addressee, derives the frame (the reporting clause
//! around the cue), lets subjunctive and reportative continuations inherit the
//! last speaker, and adds quoted passages nested inside other quotations.

use super::context::{trim_end, Context};
use super::labels::{kind_of, RoleKind, ROLE_KINDS};
use crate::document::{Document, Quote, QuoteType, Role};
use crate::span::Span;

/// How many sentences after the last quotation with a speaker a quotation
/// without its own speaker still continues it. A chain of continuations goes on
/// sentence by sentence; a gap of a sentence without quotation ends it (4-fold
/// CV over train: counted from the speaker's mention, 4 sentences, Joint 0.6926;
/// from the last quotation, 1 sentence, 0.6948, Roles 0.5930 → 0.6025).
const MAX_SPEAKER_DISTANCE: usize = 1;

/// A run of tokens `[start, end)` with one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chunk {
    /// Kind index (quotation type index, or role kind index).
    pub kind: usize,
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
}

/// Reads BIO labels into chunks.
pub fn chunks(labels: &[usize]) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    let mut cur: Option<Chunk> = None;
    for (i, &l) in labels.iter().enumerate() {
        let kind = kind_of(l);
        let is_begin = l != 0 && (l - 1) % 2 == 0;
        match (cur.as_mut(), kind) {
            (Some(c), Some(k)) if k == c.kind && !is_begin => c.end = i + 1,
            _ => {
                if let Some(c) = cur.take() {
                    out.push(c);
                }
                if let Some(k) = kind {
                    cur = Some(Chunk {
                        kind: k,
                        start: i,
                        end: i + 1,
                    });
                }
            }
        }
    }
    if let Some(c) = cur {
        out.push(c);
    }
    out
}

/// A quotation under assembly, in token indices.
#[derive(Debug, Clone)]
pub struct Draft {
    /// Type.
    pub kind: QuoteType,
    /// Content chunks (token ranges).
    pub content: Vec<(usize, usize)>,
    /// Speaker chunk.
    pub speaker: Option<(usize, usize)>,
    /// Cue chunks.
    pub cue: Vec<(usize, usize)>,
    /// Frame range.
    pub frame: Option<(usize, usize)>,
    /// Addressee chunk.
    pub addressee: Option<(usize, usize)>,
    /// Index of the quotation this one is nested in, if any.
    pub parent: Option<usize>,
}

/// Whether two content chunks of one type are one quotation: a direct quotation cut
/// by a sentence end inside its quotation marks, or a quotation interrupted by
/// its frame within one sentence (`„…“, sagte sie, „…“`). A new sentence opening
/// new quotation marks after the frame (`„…“, so Schnappauf. „…“`) is a new
/// quotation, as gnqa annotates it; its speaker is found by continuation.
fn mergeable(
    doc: &Document,
    ctx: &Context,
    roles: &[Chunk],
    kind: QuoteType,
    a: (usize, usize),
    b: (usize, usize),
) -> bool {
    let gap = b.0.saturating_sub(a.1);
    if gap == 0 {
        return kind == QuoteType::Direct
            && ctx.tokens[a.1 - 1].depth > 0
            && ctx.tokens[b.0].depth > 0;
    }
    if gap > 25 {
        return false;
    }
    if ctx.tokens[a.1 - 1].sentence != ctx.tokens[b.0].sentence {
        return false;
    }
    // Never across a paragraph.
    let (s, e) = (doc.tokens[a.1 - 1].span.end, doc.tokens[b.0].span.start);
    if doc
        .blocks
        .iter()
        .any(|bl| bl.span.start > s && bl.span.start <= e)
    {
        return false;
    }
    roles
        .iter()
        .any(|r| ROLE_KINDS[r.kind] == RoleKind::Cue && r.start >= a.1 && r.end <= b.0)
        || (a.1..b.0).any(|i| ctx.tokens[i].cue_lemma.is_some() || ctx.tokens[i].attribution)
}

/// Sentences whose role labels [`assemble`] may read, given content types per
/// token (`0` outside content, else `1 +` type index): a superset of the
/// sentences of its quotations' regions.
///
/// A region runs from the sentence where a quotation starts (or the
/// colon-ended sentence before it) to the sentence where it ends (a direct
/// quotation runs on to its closing mark, over sentences inside quotation
/// marks), plus the next sentence after a direct quotation that ends its
/// sentence or before a confirming `Dies bestätigte …` sentence. The role
/// tagger need not run anywhere else.
pub fn role_regions(doc: &Document, ctx: &Context, types: &[u8]) -> Vec<bool> {
    const DIRECT: u8 = 1;
    // Per sentence, scanned once: (holds content, holds direct content,
    // holds quotation marks or words inside them — a direct quotation may span it).
    let flags: Vec<(bool, bool, bool)> = ctx
        .sentences
        .iter()
        .map(|s| {
            let t = &types[s.start..s.end];
            let quoted = ctx.tokens[s.start..s.end]
                .iter()
                .any(|t| t.depth > 0 || t.shape == 5);
            (t.iter().any(|&t| t != 0), t.contains(&DIRECT), quoted)
        })
        .collect();
    (0..flags.len())
        .map(|si| {
            let (has, _, quoted) = flags[si];
            let next_has = flags.get(si + 1).is_some_and(|f| f.0);
            let after_direct = si > 0 && (flags[si - 1].1 || flags[si - 1].2);
            has || quoted
                || (ctx.sentences[si].colon_end && next_has)
                || after_direct
                || super::anaphoric::confirms_previous(doc, ctx, si)
        })
        .collect()
}

/// Lowest cue score of a reporting verb whose comma clause is taken as indirect speech.
const MIN_REPORTING_SCORE: u8 = 8;

/// Marks indirect speech the tagger left out after a strong reporting verb and a
/// comma (`KCNA schrieb, das Treffen zeuge von …`): in a sentence without content,
/// the clause after `VERB ,` runs to the sentence end, unless a conjunction that
/// opens no reported speech (`als`, `nachdem`, `um`) starts it.
pub fn complete_reporting_clauses(doc: &Document, ctx: &Context, content: &mut [usize]) {
    let indirect = super::labels::type_index(QuoteType::Indirect);
    for s in &ctx.sentences {
        let Some(a) = s.first_cue else { continue };
        if ctx.tokens[a].cue_score < MIN_REPORTING_SCORE
            || content[s.start..s.end].iter().any(|&l| l != 0)
            || a + 2 >= s.end
            || doc.slice(doc.tokens[a + 1].span) != ","
        {
            continue;
        }
        let first = doc.slice(doc.tokens[a + 2].span).to_lowercase();
        if matches!(
            first.as_str(),
            "als"
                | "nachdem"
                | "bevor"
                | "während"
                | "wenn"
                | "weil"
                | "da"
                | "obwohl"
                | "denen"
                | "dessen"
                | "deren"
                | "um"
                | "und"
                | "aber"
                | "wo"
                | "wie"
        ) || ctx.tokens[a + 2].depth > 0
        {
            continue;
        }
        let end = trim_end(doc, a + 2, s.end, &[".", "!", "?"]);
        if end < a + 5 {
            continue;
        }
        super::labels::mark(content, indirect, a + 2, end);
    }
}

/// Assembles quotations from content and role labels.
pub fn assemble(
    doc: &Document,
    ctx: &Context,
    content: &[usize],
    role_labels: &[usize],
) -> Vec<Draft> {
    let contents = chunks(content);
    let roles = chunks(role_labels);
    let mut drafts: Vec<Draft> = Vec::new();
    for c in contents {
        let kind = QuoteType::ALL[c.kind];
        let c = snap(doc, ctx, c);
        if let Some(last) = drafts.last_mut() {
            let prev = *last.content.last().expect("non-empty");
            // Already covered by a quotation snapped to its closing mark.
            if last.kind == kind && c.end <= prev.1 {
                continue;
            }
            // Inside a direct quotation (its marks span a sentence end the tagger cut at).
            if last.kind == QuoteType::Direct && c.start >= prev.0 && c.end <= prev.1 {
                continue;
            }
            if last.kind == kind
                && matches!(kind, QuoteType::Direct | QuoteType::Indirect)
                && mergeable(doc, ctx, &roles, kind, prev, (c.start, c.end))
            {
                let last_span = last.content.last_mut().expect("non-empty");
                if last_span.1 >= c.start {
                    last_span.1 = last_span.1.max(c.end);
                } else {
                    last.content.push((c.start, c.end));
                }
                continue;
            }
        }
        drafts.push(Draft {
            kind,
            content: vec![(c.start, c.end)],
            speaker: None,
            cue: Vec::new(),
            frame: None,
            addressee: None,
            parent: None,
        });
    }
    // Content as assembled (chunks snapped to clause edges and closing marks) or as tagged.
    let mut covered: Vec<bool> = content.iter().map(|&l| l != 0).collect();
    for d in &drafts {
        for &(s, e) in &d.content {
            covered[s..e].iter_mut().for_each(|c| *c = true);
        }
    }
    let in_content = |i: usize| covered[i];
    let mut last_speaker: Option<(usize, usize)> = None;
    // The last sentence of the last quotation with a speaker.
    let mut last_quoted_sentence = 0;
    for d in &mut drafts {
        let first_tok = d.content[0].0;
        let last_tok = d.content.last().expect("non-empty").1 - 1;
        let s0 = ctx.tokens[first_tok].sentence;
        let mut s1 = ctx.tokens[last_tok].sentence;
        let mut lo_sent = s0;
        // A colon-ended previous sentence introduces a quotation that starts a sentence.
        if s0 > 0 && ctx.sentences[s0].start == first_tok && ctx.sentences[s0 - 1].colon_end {
            lo_sent = s0 - 1;
        }
        // A frame may follow in the next sentence when the quotation ends one.
        if s1 + 1 < ctx.sentences.len()
            && ctx.sentences[s1].end == last_tok + 1
            && !in_content(ctx.sentences[s1 + 1].start)
            && d.kind == QuoteType::Direct
        {
            s1 += 1;
        }
        // `… . Dies bestätigte der Vatikan.`: the next sentence is the frame.
        let mut confirmed = None;
        if s1 + 1 < ctx.sentences.len()
            && d.kind == QuoteType::Indirect
            && ctx.sentences[s1].end <= last_tok + 2
            && !in_content(ctx.sentences[s1 + 1].start)
            && super::anaphoric::confirms_previous(doc, ctx, s1 + 1)
        {
            s1 += 1;
            confirmed = Some(s1);
        }
        let lo = ctx.sentences[lo_sent].start;
        let hi = ctx.sentences[s1].end;
        let near = |r: &Chunk| -> usize {
            if r.end <= first_tok {
                first_tok - r.end
            } else {
                r.start.saturating_sub(last_tok)
            }
        };
        let in_region = |r: &Chunk| r.start >= lo && r.end <= hi;
        let cue_outside = d.kind != QuoteType::Reported;
        let mut cues: Vec<&Chunk> = roles
            .iter()
            .filter(|r| ROLE_KINDS[r.kind] == RoleKind::Cue && in_region(r))
            .filter(|r| !cue_outside || !(r.start..r.end).any(in_content))
            .collect();
        // Keep the cue chunks of the sentence holding the nearest cue.
        if let Some(best) = cues
            .iter()
            .min_by_key(|r| near(r))
            .map(|r| ctx.tokens[r.start].sentence)
        {
            cues.retain(|r| ctx.tokens[r.start].sentence == best);
        }
        d.cue = cues.iter().map(|r| (r.start, r.end)).collect();
        let anchor = d.cue.first().map(|c| c.0);
        let dist_to_anchor = |r: &Chunk| -> usize {
            match anchor {
                Some(a) => r.start.abs_diff(a),
                None => near(r),
            }
        };
        d.speaker = roles
            .iter()
            .filter(|r| ROLE_KINDS[r.kind] == RoleKind::Speaker && in_region(r))
            .filter(|r| d.kind == QuoteType::Reported || !(r.start..r.end).any(in_content))
            .min_by_key(|r| dist_to_anchor(r))
            .map(|r| (r.start, r.end));
        d.addressee = roles
            .iter()
            .filter(|r| ROLE_KINDS[r.kind] == RoleKind::Addressee && in_region(r))
            .filter(|r| d.kind == QuoteType::Reported || !(r.start..r.end).any(in_content))
            .min_by_key(|r| dist_to_anchor(r))
            .map(|r| (r.start, r.end));
        if let Some(a) = anchor {
            d.frame = frame_around(doc, ctx, a, &in_content);
        }
        // The role tagger rarely looks past the sentence: the rule names the roles.
        if let Some(si) = confirmed.filter(|_| d.cue.is_empty()) {
            let r = super::anaphoric::confirming_roles(doc, ctx, si);
            d.cue = r.cue;
            d.speaker = r.speaker;
            d.frame = Some(r.frame);
        }
        complete_attribution(doc, ctx, d);
        complete_postposed_nach(doc, ctx, d);
        drop_trailing_adverb(doc, ctx, d);
        if let Some(sp) = d.speaker {
            let sp = trim_attributed_speaker(doc, sp);
            d.speaker = Some(extend_apposition(doc, ctx, sp, &in_content));
        }
        // Without a speaker of its own, a quotation continues the last speaker (right after it).
        if d.speaker.is_none() {
            d.speaker = last_speaker
                .filter(|_| s0.saturating_sub(last_quoted_sentence) <= MAX_SPEAKER_DISTANCE);
        }
        // A continuation right after a sentence whose subject speaks, without
        // a quotation there, continues that subject.
        if d.speaker.is_none()
            && d.cue.is_empty()
            && d.kind == QuoteType::IndirectFreeIndirect
            && s0 > 0
            && !in_content(ctx.sentences[s0 - 1].start)
        {
            d.speaker = super::speech_acts::speaking_subject(doc, ctx, s0 - 1);
        }
        if d.speaker.is_some() {
            last_speaker = d.speaker;
            last_quoted_sentence = ctx.tokens[last_tok].sentence;
        }
    }
    add_nested(ctx, &mut drafts);
    drafts
}

/// An attribution phrase inside the clause (`haben nach nordkoreanischen Angaben …
/// beschlossen`, `dürfte ersten Annahmen zufolge … gewesen sein`) splits the
/// content in two: the phrase is the frame, its noun phrase the speaker, and the
/// content runs on after it to the end of the sentence.
fn complete_attribution(doc: &Document, ctx: &Context, d: &mut Draft) {
    if d.kind != QuoteType::Indirect || d.content.len() != 1 {
        return;
    }
    let (cs, ce) = d.content[0];
    let word = |i: usize| crate::lexicon::lowercase(doc.slice(doc.tokens[i].span));
    let Some(&(cue, cue_end)) = d
        .cue
        .iter()
        .find(|c| c.0 >= ce && matches!(&*word(c.0), "nach" | "zufolge" | "gemäß"))
    else {
        return;
    };
    let sent = &ctx.sentences[ctx.tokens[cs].sentence];
    if cue < ce || cue >= sent.end || ctx.tokens[ce..cue].iter().any(|t| t.clause_punct) {
        return;
    }
    let phrase_end = match &*word(cue) {
        "zufolge" | "gemäß" => cue + 1,
        "nach" => match (cue + 1..sent.end.min(cue + 6)).find(|&i| ctx.tokens[i].attribution) {
            Some(noun) => {
                // A genitive or `von` complement belongs to the source: `Angaben der Polizei`.
                let mut end = noun + 1;
                if end < sent.end && matches!(&*word(end), "von" | "des" | "der") {
                    end += 1;
                    while end < sent.end
                        && (ctx.tokens[end].shape == 1 || matches!(&*word(end), "des" | "der"))
                    {
                        end += 1;
                    }
                }
                end
            }
            None => return,
        },
        _ => return,
    };
    let phrase_start = if word(cue) == "nach" { cue } else { ce };
    let end = trim_end(doc, phrase_end, sent.end, &[".", "!", "?"]);
    if end <= phrase_end || phrase_start < ce {
        return;
    }
    if phrase_start > ce {
        return; // Words between content and phrase: not the pattern.
    }
    d.content.push((phrase_end, end));
    d.cue = vec![(cue, cue_end)];
    d.frame = Some((phrase_start, phrase_end));
    let (ss, se) = if word(cue) == "nach" {
        (cue + 1, phrase_end)
    } else {
        (phrase_start, cue)
    };
    if ss < se {
        d.speaker = Some((ss, se));
    }
}

/// A postposed attribution phrase inside the clause (`lud … den Angaben nach Kim
/// … ein`): the phrase (`den Angaben nach`) is the frame, its noun phrase the
/// speaker, and the content is the rest of the sentence on both sides of it.
fn complete_postposed_nach(doc: &Document, ctx: &Context, d: &mut Draft) {
    if d.kind != QuoteType::Indirect || d.content.is_empty() {
        return;
    }
    let word = |i: usize| crate::lexicon::lowercase(doc.slice(doc.tokens[i].span));
    let Some(&(cue, _)) = d.cue.iter().find(|c| {
        c.0 > 0
            && word(c.0) == "nach"
            && ctx.tokens[c.0 - 1].attribution
            && ctx.tokens[c.0 - 1].shape == 1
    }) else {
        return;
    };
    let si = ctx.tokens[cue].sentence;
    let sent = &ctx.sentences[si];
    if d.content
        .iter()
        .any(|&(s, e)| s < sent.start || e > sent.end || s >= e)
    {
        return;
    }
    // The noun phrase: the noun and up to two lowercase words before it (`den ersten`).
    let mut start = cue - 1;
    while start > sent.start
        && cue - start < 3
        && ctx.tokens[start - 1].shape == 0
        && !ctx.tokens[start - 1].attribution
    {
        let w = word(start - 1);
        let det = matches!(&*w, "den" | "dem" | "der" | "des" | "eigenen" | "ersten");
        if !(det || w.ends_with("en") || w.ends_with("er") || w.ends_with("em")) {
            break;
        }
        start -= 1;
    }
    let first = d.content.iter().map(|c| c.0).min().unwrap_or(start);
    let end = trim_end(doc, cue + 1, sent.end, &[".", "!", "?"]);
    if first >= start || end <= cue + 1 {
        return;
    }
    d.content = vec![(first, start), (cue + 1, end)];
    d.cue = vec![(cue, cue + 1)];
    d.frame = Some((start, cue + 1));
    let det = matches!(&*word(start), "den" | "dem" | "der" | "des");
    d.speaker = Some((if det { start + 1 } else { start }, cue));
}

/// A single adverb left after the frame at the end of the sentence (`…, schrieb
/// Putin den Staatsmedien zufolge weiter.`) belongs to the frame, not the content.
fn drop_trailing_adverb(doc: &Document, ctx: &Context, d: &mut Draft) {
    if d.content.len() < 2 || d.kind == QuoteType::Direct {
        return;
    }
    let Some(&(s, e)) = d.content.last() else {
        return;
    };
    let Some((fs, fe)) = d.frame else {
        return;
    };
    if e != s + 1 || fe != s || ctx.tokens[s].shape != 0 || ctx.tokens[s].depth > 0 {
        return;
    }
    let sent = &ctx.sentences[ctx.tokens[s].sentence];
    if (e..sent.end).any(|i| !matches!(doc.slice(doc.tokens[i].span), "." | "!" | "?")) {
        return;
    }
    d.content.pop();
    d.frame = Some((fs, e));
}

/// A speaker chunk running into an attribution phrase ends before it: in
/// `schrieb Putin den Staatsmedien zufolge` the speaker is `Putin`, and
/// `den Staatsmedien zufolge` names the channel.
fn trim_attributed_speaker(doc: &Document, (s, e): (usize, usize)) -> (usize, usize) {
    let word = |i: usize| doc.slice(doc.tokens[i].span);
    if e >= doc.tokens.len() || !matches!(word(e), "zufolge" | "gemäß") {
        return (s, e);
    }
    match (s + 1..e).find(|&i| matches!(word(i), "den" | "dem" | "der" | "einem" | "einer")) {
        Some(cut) => (s, cut),
        None => (s, e),
    }
}

/// The most words an apposition to the speaker may have.
const MAX_APPOSITION: usize = 12;

/// A speaker followed by an apposition takes it in, as gnqa annotates it: a
/// name after a title phrase (`der Präsident Indonesiens, Susilo Bambang
/// Yudhoyono`) or a title phrase after a name (`Albrecht Conze, der politische
/// Direktor der UN-Mission im Kongo`). The apposition runs from the comma after
/// the speaker to the next punctuation or the sentence end, holds no content
/// and ends in a name-like word (a relative clause, `Merkel, die gestern dort
/// war`, ends in its verb). It opens with a name-like word or an agreeing
/// article after a speaker ending in a name-like word; after any other speaker
/// (`… (IAEO)`) it must be up to four name-like words.
fn extend_apposition(
    doc: &Document,
    ctx: &Context,
    (s, e): (usize, usize),
    in_content: &impl Fn(usize) -> bool,
) -> (usize, usize) {
    let word = |i: usize| doc.slice(doc.tokens[i].span);
    let sentence = &ctx.sentences[ctx.tokens[s].sentence];
    if e >= sentence.end || word(e) != "," {
        return (s, e);
    }
    let start = e + 1;
    let mut end = start;
    while end < sentence.end
        && !in_content(end)
        && !matches!(
            word(end),
            "," | "." | "!" | "?" | ";" | ":" | "–" | "„" | "“" | "\""
        )
    {
        end += 1;
    }
    let stops_at_content = end < sentence.end && in_content(end);
    if end == start || end - start > MAX_APPOSITION || stops_at_content {
        return (s, e);
    }
    if !name_like(word(end - 1)) {
        return (s, e);
    }
    let all_names = end - start <= 4 && (start..end).all(|i| name_like(word(i)));
    // An article opening the apposition agrees with the speaker's case: a
    // dative after a nominative speaker is the addressee (`sagte Josef Sommer,
    // dem Kölner Stadt-Anzeiger`) or a relative pronoun.
    let lower = |i: usize| crate::lexicon::lowercase(word(i));
    let det = lower(start);
    let dative = |w: &str| matches!(w, "dem" | "einem");
    let agrees = matches!(&*det, "der" | "die" | "das" | "ein" | "eine")
        || (dative(&det) && dative(&lower(s)));
    let after_name = name_like(word(e - 1)) && (name_like(word(start)) || agrees);
    if all_names || after_name {
        (s, end)
    } else {
        (s, e)
    }
}

/// A capitalised word, or one with a lower-case particle before a hyphen
/// (`el-Baradei`).
fn name_like(w: &str) -> bool {
    use crate::entities::propn::capitalised;
    capitalised(w) || w.rsplit_once('-').is_some_and(|(_, t)| capitalised(t))
}

/// The frame: the run of non-content tokens around the cue within its sentence,
/// without leading punctuation and without a final full stop.
fn frame_around(
    doc: &Document,
    ctx: &Context,
    cue: usize,
    in_content: &impl Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    let s = &ctx.sentences[ctx.tokens[cue].sentence];
    let mut start = cue;
    while start > s.start && !in_content(start - 1) {
        start -= 1;
    }
    let mut end = cue + 1;
    while end < s.end && !in_content(end) {
        end += 1;
    }
    let is_punct = |i: usize| ctx.tokens[i].shape >= 4;
    while start < end && is_punct(start) {
        start += 1;
    }
    let end = trim_end(doc, start, end, &["."]);
    (start < end).then_some((start, end))
}

/// Adds a nested direct quotation for each closed quotation-mark region of at
/// least two words inside another (non-direct) quotation; it shares the outer roles.
fn add_nested(ctx: &Context, drafts: &mut Vec<Draft>) {
    let mut extra = Vec::new();
    for (di, d) in drafts.iter().enumerate() {
        if d.kind == QuoteType::Direct {
            continue;
        }
        for r in &ctx.marks.regions {
            if !r.closed || r.depth != 1 {
                continue;
            }
            let inside = d.content.iter().any(|&(s, e)| r.open >= s && r.close < e);
            let words = (r.open..=r.close)
                .filter(|&i| ctx.tokens[i].shape <= 3)
                .count();
            // A short run of capitalised words is a name or title, not a quotation.
            let shape = ctx.tokens[r.open].region;
            let title_like = shape & 8 != 0 && words <= 4;
            if inside && words >= 2 && !title_like {
                extra.push(Draft {
                    kind: QuoteType::Direct,
                    content: vec![(r.open, r.close + 1)],
                    parent: Some(di),
                    ..d.clone()
                });
            }
        }
    }
    drafts.extend(extra);
}

/// Snaps a non-direct content chunk to clause boundaries: the tagger decides per
/// token and sometimes stops in mid-clause, but reported content runs from the
/// clause boundary next to the reporting clause to the sentence edge.
fn snap(doc: &Document, ctx: &Context, c: Chunk) -> Chunk {
    if QuoteType::ALL[c.kind] == QuoteType::Direct {
        // Quotation marks decide: a direct quotation opened here runs to its closing mark,
        // even where the tagger (which works sentence by sentence) stopped earlier.
        let region = ctx
            .marks
            .regions
            .iter()
            .find(|r| r.open == c.start && r.close + 1 > c.end);
        return match region {
            Some(r) if r.closed => Chunk {
                end: r.close + 1,
                ..c
            },
            _ => c,
        };
    }
    let sent = &ctx.sentences[ctx.tokens[c.start].sentence];
    if c.end > sent.end {
        return c;
    }
    let is_stop = |i: usize| matches!(doc.slice(doc.tokens[i].span), "." | "!" | "?");
    let keeps_stop = QuoteType::ALL[c.kind] != QuoteType::Indirect;
    let mut out = c;
    match sent.first_cue {
        // The reporting clause follows: content runs from the sentence start to the
        // clause punctuation before it.
        Some(a) if a >= c.end => {
            let boundary = (c.end..a).rev().find(|&i| ctx.tokens[i].clause_punct);
            if let Some(b) = boundary {
                out.end = b;
            }
            if !(sent.start..c.start)
                .any(|i| ctx.tokens[i].clause_punct || ctx.tokens[i].cue_score > 0)
            {
                out.start = sent.start;
            }
        }
        // The reporting clause precedes: content runs to the sentence end.
        Some(a) if a < c.start => {
            let mut end = sent.end;
            if !keeps_stop && end > c.end && is_stop(end - 1) {
                end -= 1;
            }
            if !(c.end..end).any(|i| {
                ctx.tokens[i].clause_punct && i + 1 < end && ctx.tokens[i + 1].cue_score > 0
            }) {
                out.end = end.max(c.end);
            }
        }
        // No reporting clause: a continuation or report that opens its sentence runs to its end.
        None if c.start == sent.start && QuoteType::ALL[c.kind] != QuoteType::Indirect => {
            out.end = sent.end.max(c.end);
        }
        _ => {}
    }
    out
}

/// Converts a draft (token indices) into a [`Quote`] (byte spans).
pub fn to_quote(doc: &Document, d: &Draft) -> Quote {
    let span =
        |(s, e): (usize, usize)| Span::new(doc.tokens[s].span.start, doc.tokens[e - 1].span.end);
    let role = |r: Option<(usize, usize)>| r.map(|r| Role::single(span(r)));
    Quote {
        kind: d.kind,
        medium: None,
        content: Role {
            spans: d.content.iter().map(|&c| span(c)).collect(),
        },
        speaker: role(d.speaker),
        cue: (!d.cue.is_empty()).then(|| Role {
            spans: d.cue.iter().map(|&c| span(c)).collect(),
        }),
        frame: role(d.frame),
        addressee: role(d.addressee),
        sourcing: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::labels::{begin, inside};

    #[test]
    fn chunks_follow_bio() {
        let l = [0, begin(1), inside(1), 0, begin(0), begin(0), inside(0)];
        assert_eq!(
            chunks(&l),
            vec![
                Chunk {
                    kind: 1,
                    start: 1,
                    end: 3
                },
                Chunk {
                    kind: 0,
                    start: 4,
                    end: 5
                },
                Chunk {
                    kind: 0,
                    start: 5,
                    end: 7
                },
            ]
        );
    }

    #[test]
    fn role_regions_leave_out_plain_sentences_after_indirect_speech() {
        let p = crate::Pipeline::builder()
            .quotes(false)
            .entities(false)
            .build()
            .unwrap();
        let models = crate::quotes::QuoteModels::embedded().unwrap();
        let regions = |text: &str, indirect: &[usize], direct: &[usize]| {
            let doc = p.analyze(text);
            let ctx = Context::new(&doc, &models.cues);
            // Content types by hand: 2 (indirect) or 1 (direct) on whole sentences.
            let mut types = vec![0u8; doc.tokens.len()];
            for (si, s) in ctx.sentences.iter().enumerate() {
                let t = if indirect.contains(&si) {
                    2
                } else {
                    direct.contains(&si) as u8
                };
                types[s.start..s.end].iter_mut().for_each(|x| *x = t);
            }
            role_regions(&doc, &ctx, &types)
        };
        let text = "Der Zug fuhr ab. Der Minister sagte, er komme später. Das Wetter war schön.";
        assert_eq!(regions(text, &[1], &[]), [false, true, false]);
        // The sentence after a direct quotation.
        let text = "Er sagte dazu: „Wir sind bereit.“ Dann ging er. Das Wetter war schön.";
        assert_eq!(regions(text, &[], &[0]), [true, true, false]);
        // A colon-ended sentence (a paragraph) before content.
        let text = "Der Minister sagte:\n\nEr komme später. Das Wetter war schön. Es regnete.";
        assert_eq!(regions(text, &[1], &[]), [true, true, false, false]);
        // A confirming sentence after indirect speech.
        let text = "Der Papst sei krank. Dies bestätigte der Vatikan. Das Wetter war schön.";
        assert_eq!(regions(text, &[0], &[]), [true, true, false]);
    }

    /// The speaker of each quotation the whole pipeline finds in `text`.
    fn speakers(text: &str) -> Vec<String> {
        let doc = crate::Pipeline::builder().build().unwrap().analyze(text);
        doc.quotes
            .iter()
            .map(|q| {
                q.speaker.as_ref().map_or(String::new(), |r| {
                    let (a, b) = (r.spans[0].start, r.spans.last().unwrap().end);
                    doc.slice(crate::span::Span::new(a, b)).to_owned()
                })
            })
            .collect()
    }

    #[test]
    fn the_speaker_takes_in_its_apposition() {
        assert_eq!(
            speakers(
                "„Wir sind bereit“, sagte Albrecht Conze, der politische Direktor der UN-Mission."
            ),
            ["Albrecht Conze, der politische Direktor der UN-Mission"]
        );
        assert_eq!(
            speakers(
                "„Wir sind bereit“, sagte der Präsident Indonesiens, Susilo Bambang Yudhoyono."
            ),
            ["der Präsident Indonesiens, Susilo Bambang Yudhoyono"]
        );
        // A relative clause ends in its verb: no apposition.
        assert_eq!(
            speakers("„Wir sind bereit“, sagte Angela Merkel, die gestern in Berlin war."),
            ["Angela Merkel"]
        );
    }

    #[test]
    fn an_apposition_agrees_with_the_speaker() {
        // The speaker is the two words after `sagte`; nothing is content.
        let extended = |text: &str| {
            let (doc, ctx) = crate::quotes::rule_test::segmented(text);
            let s = (0..doc.tokens.len())
                .find(|&i| doc.slice(doc.tokens[i].span) == "sagte")
                .unwrap()
                + 1;
            let (a, b) = extend_apposition(&doc, &ctx, (s, s + 2), &|_| false);
            let span = crate::span::Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end);
            doc.slice(span).to_owned()
        };
        assert_eq!(
            extended("Das sagte Louka Katseli, die Präsidentin des Verbandes."),
            "Louka Katseli, die Präsidentin des Verbandes"
        );
        assert_eq!(
            extended("Das sagte Louka Katseli, dem Sender Skai."),
            "Louka Katseli"
        );
        assert_eq!(
            extended("Das sagte dem Berater, einem Minister."),
            "dem Berater, einem Minister"
        );
        assert_eq!(
            extended("Das sagte Louka Katseli, die dort war."),
            "Louka Katseli"
        );
    }

    /// Content spans of the direct quotations the whole pipeline finds in `text`.
    fn direct_spans(text: &str) -> Vec<Vec<String>> {
        let doc = crate::Pipeline::builder().build().unwrap().analyze(text);
        doc.quotes
            .iter()
            .filter(|q| q.kind == QuoteType::Direct)
            .map(|q| {
                q.content
                    .spans
                    .iter()
                    .map(|s| doc.slice(*s).to_owned())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_frame_within_a_sentence_joins_a_direct_quotation_a_new_sentence_does_not() {
        assert_eq!(
            direct_spans("„Das ist ein Problem“, sagte Schnappauf, „und zwar ein großes.“"),
            [["„Das ist ein Problem“", "„und zwar ein großes.“"]]
        );
        assert_eq!(
            direct_spans(
                "„Der Bär ist zu einem Problembären geworden“, so Schnappauf. \
                 „Der Bär ist ganz offensichtlich außer Rand und Band.“"
            ),
            [
                ["„Der Bär ist zu einem Problembären geworden“"],
                ["„Der Bär ist ganz offensichtlich außer Rand und Band.“"]
            ]
        );
    }
}
