//! The per-thread table behind [`super::words`]'s cache: word forms as written
//! mapped to their [`WordFacts`].
//!
//! A general hash map of boxed strings costs three dependent memory reads per
//! look-up (control bytes, bucket, the string behind the box), and with tens
//! of thousands of forms most of them miss the CPU caches: that waiting, not
//! the arithmetic, was the cost of the cache. Here a look-up reads a compact
//! slot (8 bytes, the 64 Ki-form table fits in 1 MB) and then one entry that
//! holds the form's bytes next to its facts. The slots and entries of the
//! words a few places ahead are fetched while the current one is answered
//! ([`FormTable::lookup_all`]), as [`crate::lexicon::cluster_ids`] does.

use super::words::WordFacts;
use crate::lexicon::word_hash;
use crate::model::linear::{prefetch_ptr, prefetch_read};

/// Longest form (in bytes) the table keeps; longer ones are computed each time
/// (few: German compounds that long are rare).
pub(crate) const MAX_FORM: usize = 32;

/// A form and its facts, side by side so that one fetch brings both (the
/// alignment keeps an entry within two cache lines).
#[derive(Clone, Copy)]
#[repr(C, align(32))]
struct Entry {
    form: [u8; MAX_FORM],
    facts: WordFacts,
}

/// Open addressing with linear probing over `slots`; a slot is `0` when empty,
/// else `(entry index + 1) << 40 | form length << 32 | the hash's high 32 bits`.
pub(crate) struct FormTable {
    slots: Box<[u64]>,
    entries: Vec<Entry>,
    capacity: usize,
}

impl FormTable {
    /// A table for up to `capacity` forms (a power of two; slots are kept at
    /// most half full so that probes stay short).
    pub(crate) fn new(capacity: usize) -> Self {
        FormTable {
            slots: vec![0; (capacity * 2).next_power_of_two()].into_boxed_slice(),
            entries: Vec::new(),
            capacity,
        }
    }

    /// Forgets every form.
    pub(crate) fn clear(&mut self) {
        self.slots.fill(0);
        self.entries.clear();
    }

    #[inline(always)]
    fn home(&self, h: u64) -> usize {
        h as usize & (self.slots.len() - 1)
    }

    /// The facts of `form` (hash `h`), if the table holds them (never for a
    /// form longer than [`MAX_FORM`] bytes).
    #[inline]
    fn get_hashed(&self, form: &[u8], h: u64) -> Option<&WordFacts> {
        if form.len() > MAX_FORM {
            return None;
        }
        let want = (form.len() as u64) << 32 | h >> 32;
        // Compared as whole zero-padded arrays: two vector compares, no call.
        let mut padded = [0u8; MAX_FORM];
        padded[..form.len()].copy_from_slice(form);
        let mut i = self.home(h);
        loop {
            let s = self.slots[i];
            if s == 0 {
                return None;
            }
            // Length and 32 hash bits rule out nearly every other form before its bytes are read.
            if s & 0xff_ffff_ffff == want {
                let e = &self.entries[(s >> 40) as usize - 1];
                if e.form == padded {
                    return Some(&e.facts);
                }
            }
            i = (i + 1) & (self.slots.len() - 1);
        }
    }

    /// The facts of `form`, if the table holds them.
    pub(crate) fn get(&self, form: &str) -> Option<&WordFacts> {
        let b = form.as_bytes();
        self.get_hashed(b, word_hash(b))
    }

    /// Adds `form` (not yet in the table) with its facts; starts afresh when full.
    fn insert_hashed(&mut self, form: &[u8], h: u64, facts: WordFacts) {
        if form.len() > MAX_FORM {
            return;
        }
        if self.entries.len() >= self.capacity {
            self.clear();
        }
        let mut e = Entry {
            form: [0; MAX_FORM],
            facts,
        };
        e.form[..form.len()].copy_from_slice(form);
        self.entries.push(e);
        let slot = (self.entries.len() as u64) << 40 | (form.len() as u64) << 32 | h >> 32;
        let mut i = self.home(h);
        while self.slots[i] != 0 {
            i = (i + 1) & (self.slots.len() - 1);
        }
        self.slots[i] = slot;
    }

    /// Asks the CPU to fetch the home slot of hash `h`.
    #[inline(always)]
    fn start(&self, h: u64) {
        prefetch_read(&self.slots[self.home(h)]);
    }

    /// Asks the CPU to fetch the entry the home slot of hash `h` points to
    /// (both its cache lines).
    #[inline(always)]
    fn follow(&self, h: u64) {
        let s = self.slots[self.home(h)];
        if let Some(e) = (s >> 40)
            .checked_sub(1)
            .and_then(|k| self.entries.get(k as usize))
        {
            prefetch_read(e);
            // The entry's last byte: the second line, wherever the first ends.
            let last = (e as *const Entry).cast::<u8>();
            prefetch_ptr(last.wrapping_add(std::mem::size_of::<Entry>() - 1));
        }
    }

    /// Appends the facts of every form to `out`, computing (and keeping) those
    /// the table lacks with `compute`.
    pub(crate) fn lookup_all<'w, I>(
        &mut self,
        forms: I,
        out: &mut Vec<WordFacts>,
        compute: impl Fn(&str) -> WordFacts,
    ) where
        I: Iterator<Item = &'w str> + Clone,
    {
        // Two stages ahead, as in `lexicon::cluster_ids`: the slot of the form
        // `AHEAD` places on is fetched, and the entry of the one `AHEAD / 2` on.
        const AHEAD: usize = 8;
        let mut hashes = [0u64; AHEAD];
        let mut far = forms.clone();
        for h in hashes.iter_mut() {
            match far.next() {
                Some(w) => {
                    *h = word_hash(w.as_bytes());
                    self.start(*h);
                }
                None => break,
            }
        }
        for (k, w) in forms.enumerate() {
            let h = hashes[k % AHEAD];
            if let Some(next) = far.next() {
                hashes[k % AHEAD] = word_hash(next.as_bytes());
                self.start(hashes[k % AHEAD]);
            }
            self.follow(hashes[(k + AHEAD / 2) % AHEAD]);
            let b = w.as_bytes();
            let f = match self.get_hashed(b, h).copied() {
                Some(f) => f,
                None => {
                    let f = compute(w);
                    self.insert_hashed(b, h, f);
                    f
                }
            };
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::cues::CueTable;

    #[test]
    fn answers_what_was_computed_and_starts_afresh_when_full() {
        let cues = CueTable::from_tsv("sagte\t7\n").unwrap();
        let mut t = FormTable::new(4);
        let long = "Donaudampfschifffahrtsgesellschaftskapitän";
        let forms = ["sagte", "Die", "die", "sagte", long, "Ärger", "x", "y", "z"];
        let mut out = Vec::new();
        t.lookup_all(forms.iter().copied(), &mut out, |w| WordFacts::of(w, &cues));
        let want: Vec<WordFacts> = forms.iter().map(|w| WordFacts::of(w, &cues)).collect();
        assert_eq!(out, want);
        // Longer than MAX_FORM: never kept.
        assert!(t.get(long).is_none());
        // Capacity 4: `x`, `y`, `z` came after a reset at the fifth distinct form.
        assert!(t.entries.len() <= 4);
        assert_eq!(t.get("z"), Some(&WordFacts::of("z", &cues)));
        assert!(t.get("sagte").is_none());
        t.clear();
        assert!(t.get("z").is_none());
    }
}
