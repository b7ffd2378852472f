#!/usr/bin/env python3
"""Build the compact lexicon files under crates/quelle/lexicon/.

How to run (from the repository root; needs Python >= 3.9 and one PyPI package):

    python3 -m venv /tmp/lexvenv
    /tmp/lexvenv/bin/pip install spacy-lookups-data==1.0.5
    /tmp/lexvenv/bin/python scripts/build-lexicons.py [UD_DIR] [--out DIR]

UD_DIR is a folder of UD German *.conllu files (GSD dev/test + PUD test); it
defaults to ../shared/data/ud-german relative to the repository root.
--out defaults to crates/quelle/lexicon/ in the repository.

The run is deterministic (no randomness, sorted outputs).  It writes

    subjunctive.txt            lowercase Konjunktiv I/II verb forms (one a line)
    subjunctive_ambiguous.txt  subjunctive forms identical to a Praeteritum
                               indicative form (sollte, machten, gingen, ...)
    clusters.tsv               word<TAB>brown-cluster-int, sorted by word
    verbs.txt                  form<TAB>lemma for speech/thought verbs
    LEXICONS.md                the card, with the numbers measured by this run

and prints the same numbers.  Sources: spacy-lookups-data (MIT):
de_lemma_lookup, de_lexeme_prob, de_lexeme_cluster; UD German GSD/PUD
(CC BY-SA 4.0): Mood=Sub forms and UPOS counts.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import math
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# --------------------------------------------------------------------------
# parameters (documented in LEXICONS.md)
# --------------------------------------------------------------------------
MIN_PROB = -17.0            # subjunctive candidates: log prob in de_lexeme_prob
MIN_CLUSTER_VERB_SHARE = 0.25  # drop forms whose Brown cluster is mostly non-verbal
MIN_CLUSTER_KNOWN_MASS = 1e-7  # ... but only judge clusters with enough known mass
NOUN_TWIN_RATIO = math.log(10.0)  # drop if P(Capitalised) > 10 * P(lowercase)
CLUSTERS_BUDGET_BYTES = 1_500_000
MAX_CLUSTER_WORD_CHARS = 40

VERB_LEMMAS_RAW = """
sagen, erklären, mitteilen, teilen, berichten, schreiben, betonen, kritisieren,
fordern, meinen, glauben, hoffen, befürchten, vermuten, bestätigen, bestreiten,
dementieren, zurückweisen, weisen, ankündigen, kündigen, hinzufügen, fügen,
angeben, geben, bekanntgeben, heißen, nennen, bezeichnen, behaupten, warnen,
versichern, sichern, zusichern, zitieren, melden, äußern, ergänzen, erläutern,
unterstreichen, hervorheben, heben, beklagen, bekräftigen, bekennen, einräumen,
räumen, zugeben, widersprechen, entgegnen, antworten, fragen, vorwerfen, werfen,
verlangen, appellieren, mahnen, drohen, versprechen, ankündigen, beschließen,
verkünden, informieren, sprechen, reden, erzählen, schildern, berichten,
darlegen, legen, ausführen, führen, feststellen, stellen, hinweisen, verweisen,
begründen, bezweifeln, zweifeln, annehmen, nehmen, ausgehen, gehen, rechnen,
erwarten, schätzen, denken, finden, sehen, wissen, zeigen, lauten, bekräftigen,
beteuern, insistieren, kommentieren, vorschlagen, schlagen, empfehlen, raten,
bitten, auffordern, anordnen, beschuldigen, vorhalten, halten, loben, danken,
gratulieren, bedauern, verurteilen, begrüßen, ablehnen, lehnen, zustimmen,
stimmen, bestätigen, klarstellen, präzisieren, twittern, posten,
veröffentlichen, mutmaßen, spekulieren, prognostizieren, vorhersagen,
befürworten, argumentieren, unterstellen, ermahnen, anmerken, merken, bemerken,
festhalten, resümieren, bilanzieren, zusammenfassen, schwärmen, jubeln, klagen,
protestieren, bestehen, beharren, glauben, vermelden
"""
VERB_LEMMAS = sorted({w.strip() for w in VERB_LEMMAS_RAW.replace("\n", " ").split(",") if w.strip()})

UMLAUTS = {"ä": "a", "ö": "o", "ü": "u"}


def deumlaut(s: str) -> str:
    return "".join(UMLAUTS.get(ch, ch) for ch in s)


def umlaut_set(s: str) -> set:
    return {ch for ch in s if ch in UMLAUTS}


# --------------------------------------------------------------------------
# loading
# --------------------------------------------------------------------------
def lookups_dir() -> Path:
    try:
        import spacy_lookups_data  # type: ignore
    except ImportError:
        sys.exit("spacy-lookups-data is not installed; see the docstring at the top of this script")
    return Path(spacy_lookups_data.__file__).resolve().parent / "data"


def load_json_gz(path: Path):
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)


class Tok:
    __slots__ = ("form", "lemma", "upos", "feats", "initial", "file")

    def __init__(self, form, lemma, upos, feats, initial, file):
        self.form, self.lemma, self.upos, self.feats, self.initial, self.file = (
            form, lemma, upos, feats, initial, file)

    @property
    def sub(self) -> bool:
        return "Mood=Sub" in self.feats.split("|")

    @property
    def verbal(self) -> bool:
        return self.upos in ("VERB", "AUX")


def read_conllu(paths):
    toks = []
    for path in paths:
        first = True
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                line = line.rstrip("\n")
                if not line:
                    first = True
                    continue
                if line.startswith("#"):
                    continue
                cols = line.split("\t")
                if len(cols) < 10 or "-" in cols[0] or "." in cols[0]:
                    continue
                if cols[3] == "PUNCT" and first:
                    continue  # leading quote marks etc. do not make a token non-initial
                toks.append(Tok(cols[1], cols[2], cols[3], cols[5], first, path.name))
                first = False
    return toks


# --------------------------------------------------------------------------
# verbs in the lemma lookup
# --------------------------------------------------------------------------
def verb_stem(lemma: str) -> str:
    if lemma.endswith(("eln", "ern")):
        return lemma[:-1]
    if lemma.endswith("en"):
        return lemma[:-2]
    return lemma[:-1]  # tun -> tu


def find_verb_lemmas(forms_of: dict) -> set:
    """Lowercase lemmas ending in -en/-ern/-eln (or -tun) that are the lemma of
    several forms, with at least one form showing verbal inflection
    (stem+t/et/st/est/te/ete/end, ge+stem+t, ge+stem+en).  This separates verbs
    from -en adjectives (offen, eigen, modern, verschieden)."""
    verbs = set()
    for lemma, forms in forms_of.items():
        if not (lemma.islower() and lemma.isalpha()):
            continue
        if not lemma.endswith(("en", "ern", "eln", "tun")) or lemma == "sein":
            continue
        if len(forms) < 2:
            continue
        s = verb_stem(lemma)
        evidence = {s + "t", s + "et", s + "st", s + "est", s + "te", s + "ete", s + "end",
                    "ge" + s + "t", "ge" + s + "en"}
        if forms & evidence:
            verbs.add(lemma)
    return verbs


def weak_past_forms(lemma: str) -> set:
    """Weak Praeteritum 1/3sg and 1/3pl (= weak Konjunktiv II)."""
    s = verb_stem(lemma)
    e_insert = s.endswith(("t", "d")) or (
        s[-1:] in ("m", "n") and len(s) > 2 and s[-2] not in "aeiouäöüylrhmn" or s.endswith(("chn", "chm")))
    if e_insert:                      # redete, atmete, öffnete, rechnete
        return {s + "ete", s + "eten"}
    return {s + "te", s + "ten"}      # sagte, lernte, wohnte, änderte


def classify_konj2(form: str, lemma: str, forms: set):
    """Return 'sub' (unambiguous Konjunktiv II), 'amb' (Konj. II identical to
    Praeteritum indicative) or None (not a 3sg/3pl Konj. II form).
    Spelling is normalised ß -> ss first (müßte/müsste, mißhandelte)."""
    form, lemma = form.replace("ß", "ss"), lemma.replace("ß", "ss")
    forms = {f.replace("ß", "ss") for f in forms}
    s = verb_stem(lemma)
    if not form.endswith(("e", "en")) or form == lemma or form == s + "e":
        return None
    sg = form[:-1] if form.endswith("en") else form  # kämen -> käme
    if sg.endswith("e") and sg != s + "e":
        # umlaut over a Praeteritum stem: könnte/konnte, müsste/musste, möchte/mochte
        if umlaut_set(sg) and deumlaut(sg) != sg and deumlaut(sg) in forms:
            return "sub"
    if form in weak_past_forms(lemma):
        return "amb"                      # sagte, sollten, machten, änderte
    if not sg.endswith("e") or sg == s + "e" or sg.startswith("ge") and not lemma.startswith("ge"):
        return None
    # umlaut not in the lemma (käme/kommen, hätte/haben, würde/werden, täte/tun)
    if umlaut_set(sg) - umlaut_set(lemma):
        return "sub"
    # strong verb without umlaut: ginge (ging), hielte (hielt), bliebe (blieb);
    # the Praeteritum stem must have a 2sg past form (gingst), which a participle
    # (bekannt, from bekennen) has not
    past = sg[:-1]
    present = {s, s + "t", s + "et", s + "st", s + "est"}
    # a past stem in -t belongs to a strong verb only if the verb stem ends in
    # t/d (hielt/halten, bat/bitten, litt/leiden); überbracht, erfasst are weak
    if past.endswith("t") and not s.endswith(("t", "d")):
        return None
    if (past in forms and past not in present and not past.endswith("en")
            and (past + "st" in forms or past + "est" in forms)
            and past[:-1] not in forms):  # mußt is present 2sg (muß), not a past stem
        if form == sg:
            return "sub"                        # ginge, hielte
        return "amb" if sg in forms else None   # gingen = Praet. 3pl; not waren (ware)
    return None


# --------------------------------------------------------------------------
# subjunctive lexicon
# --------------------------------------------------------------------------
SEIN_FORMS = ["sei", "seiest", "seist", "seien", "seiet"]
# Konj. I homographs of function words / set phrases that the automatic filters
# miss (their clusters or twins give no signal): "anstelle von" (preposition),
# "haste" (= hast du), "x-fache", "zum ersten Male", "wehe!" (interjection).
EXCLUDE = {"anstelle", "haste", "fache", "male", "wehe"}


def build_subjunctive(lookup, prob, cluster, verbs, forms_of, ud_train, log):
    """Returns (main, ambiguous, dropped) as dicts form -> source/reason."""
    # Brown cluster verb share: probability mass of the cluster's lowercase
    # words that are verb forms, over the mass of its lowercase words that we can
    # classify (keys and lemmas of de_lemma_lookup, generated verb forms).  A verb
    # form is a lookup key whose lemma is a verb, or - for words the lookup lacks
    # (infinitives, forms colliding with nouns: habe, stelle) - a form of a verb
    # paradigm, a verb lemma or a generated stem+e form.
    gen_forms = set(SEIN_FORMS) | verbs | forms_of.get("sein", set())
    for lemma in verbs:
        gen_forms |= forms_of.get(lemma, set())
        gen_forms.add(verb_stem(lemma) + "e")

    def known(w):
        return w in lookup or w in forms_of or w in gen_forms

    def verbal(w):
        if w in lookup:
            return lookup[w] in verbs or lookup[w] == "sein"
        return w in gen_forms

    vmass = collections.Counter()
    kmass = collections.Counter()
    for w, c in cluster.items():
        if c == 0 or not (w.islower() and w.isalpha()) or not known(w):
            continue
        m = math.exp(prob.get(w, -20.0))
        kmass[c] += m
        if verbal(w):
            vmass[c] += m

    def cluster_share(f):
        # leave-one-out: the form's own (possibly wrong) lookup lemma must not
        # decide its cluster's verdict (the lookup maps eine->einen, meine->meinen)
        c = cluster.get(f, 0)
        if c == 0:
            return None
        k, v = kmass[c], vmass[c]
        if known(f):
            m = math.exp(prob.get(f, -20.0))
            k -= m
            if verbal(f):
                v -= m
        if k < MIN_CLUSTER_KNOWN_MASS:
            return None
        return max(0.0, v) / k

    # UD UPOS counts on lowercase-surface tokens (the surface the list is meant for)
    ud_verbal = collections.Counter()
    ud_other = collections.Counter()
    for t in ud_train:
        if t.form.islower():
            (ud_verbal if t.verbal else ud_other)[t.form] += 1

    main, amb = {}, {}
    # (b1) Konjunktiv I 3sg (stem+e) of every verb lemma, incl. particle verbs
    for lemma in verbs:
        s = verb_stem(lemma)
        cands = {s + "e"}
        if lemma.endswith("eln"):
            cands.add(lemma[:-3] + "le")   # entwickle (besides entwickele)
        cands |= {f.replace("ß", "ss") for f in cands}  # heisse, schliesse (ss spelling)
        for f in cands:
            main.setdefault(f, "konj1:" + lemma)
    for f in SEIN_FORMS:
        main.setdefault(f, "konj1:sein")
    # (b2) Konjunktiv II from the lookup paradigms
    for lemma in verbs | {"sein"}:
        forms = forms_of.get(lemma, set())
        # the lookup mostly has the old spelling (müßte, mußten); add the ss
        # spelling (müsste, mussten; also Swiss) so both are classified
        forms = forms | {f.replace("ß", "ss") for f in forms}
        for f in forms:
            k = classify_konj2(f, lemma, forms)
            if k == "sub":
                main.setdefault(f, "konj2:" + lemma)
            elif k == "amb":
                amb.setdefault(f, "praet=konj2:" + lemma)
    # Konj. I forms that are also the weak Praeteritum of another verb
    # (buchte: Konj. I of buchten, Praet. of buchen) are ambiguous too
    # (if that other verb is not much rarer than the verb itself; schalte stays)
    weak_past = collections.defaultdict(list)
    for lemma in verbs:
        for f in weak_past_forms(lemma):
            if f in forms_of[lemma] or f + "n" in forms_of[lemma]:  # really weak
                weak_past[f].append(lemma)
    for f in list(main):
        if f in weak_past and main[f].startswith("konj1:"):
            own = prob.get(main[f].split(":", 1)[1], -20.0)
            other = max(prob.get(l, -20.0) for l in weak_past[f])
            if other > own - math.log(10.0):
                amb.setdefault(f, "praet=" + main.pop(f))
    # (a) Mood=Sub forms of the UD files
    ud_sub_forms = collections.Counter()
    ud_sub_lemma = {}
    for t in ud_train:
        if t.sub:
            f = t.form.lower()
            ud_sub_forms[f] += 1
            ud_sub_lemma.setdefault(f, t.lemma.lower())
    for f, lemma in ud_sub_lemma.items():
        if f in main or f in amb:
            continue
        forms = forms_of.get(lemma, set()) | {f}
        if f in weak_past_forms(lemma) or classify_konj2(f, lemma, forms) == "amb":
            amb[f] = "ud:" + lemma
        else:
            main[f] = "ud:" + lemma

    dropped = {}

    def keep(f, src):
        attested = f in ud_sub_lemma
        if not f.isalpha() or not f.islower():
            return "not a lowercase word"
        if f in EXCLUDE:
            return "excluded by hand (EXCLUDE)"
        p = prob.get(f)
        if p is None and not attested:
            return "not in de_lexeme_prob"
        if p is not None and p < MIN_PROB and not attested:
            return "rare (log prob %.1f)" % p
        lem = lookup.get(f)
        if lem is not None and lem not in verbs and lem != "sein":
            return "lookup lemma is non-verb '%s'" % lem
        if lem is None and attested and ud_sub_lemma[f] not in verbs | {"sein"}:
            return "UD lemma not a German verb in the lookup"
        if f in verbs:
            return "is an infinitive (indicative 1/3pl) of '%s'" % f
        if p is None:
            return None  # attested in UD, unknown to de_lexeme_prob: nothing more to check
        if ud_other[f] > ud_verbal[f]:
            return "UD: mostly %d non-verb vs %d verb" % (ud_other[f], ud_verbal[f])
        share = cluster_share(f)
        if share is not None and share < MIN_CLUSTER_VERB_SHARE:
            return "cluster %d verb share %.2f" % (cluster[f], share)
        pc = prob.get(f[:1].upper() + f[1:])
        if pc is not None and pc - p > NOUN_TWIN_RATIO:
            return "capitalised twin %.1fx more frequent" % math.exp(pc - p)
        return None

    for d in (main, amb):
        for f in list(d):
            why = keep(f, d[f])
            if why:
                dropped[f] = (d.pop(f), why)
    for f in list(amb):
        if f in main:
            del amb[f]
    log["sub_ud_forms"] = len(ud_sub_forms)
    return main, amb, dropped


def eval_subjunctive(main, amb, toks):
    """Token-level coverage/precision on UD tokens."""
    res = {}
    sub_total = sum(1 for t in toks if t.sub)
    for policy in ("case", "lower"):
        def key(t):
            if policy == "lower" or t.form.islower():
                return t.form.lower()
            if t.initial and t.form[:1].isupper() and t.form[1:].islower():
                return t.form.lower()
            return None
        for name, lex in (("main", main), ("main+amb", {**main, **amb})):
            hits = [t for t in toks if key(t) in lex]
            tp = sum(1 for t in hits if t.sub)
            covered = sum(1 for t in toks if t.sub and key(t) in lex)
            res[(policy, name)] = dict(
                sub_total=sub_total, covered=covered,
                coverage=covered / sub_total if sub_total else 0.0,
                hits=len(hits), tp=tp, precision=tp / len(hits) if hits else 0.0,
                types_in_ud=len({key(t) for t in hits}),
            )
    return res


# --------------------------------------------------------------------------
# clusters
# --------------------------------------------------------------------------
def clean_word(w: str) -> bool:
    # quelle's list loader trims lines and skips lines starting with '#'
    if not w or len(w) > MAX_CLUSTER_WORD_CHARS or w.startswith("#"):
        return False
    for ch in w:
        if ch.isspace() or unicodedata.category(ch).startswith("C"):
            return False
    return True


def build_clusters(prob, cluster):
    ranked = sorted(prob.items(), key=lambda kv: (-kv[1], kv[0]))
    chosen, size, skipped0, skippedbad = [], 0, 0, 0
    min_prob = None
    for w, p in ranked:
        c = cluster.get(w, 0)
        if c == 0:
            skipped0 += 1
            continue
        if not clean_word(w):
            skippedbad += 1
            continue
        line = "%s\t%d\n" % (w, c)
        n = len(line.encode("utf-8"))
        if size + n > CLUSTERS_BUDGET_BYTES:
            break
        chosen.append((w, c))
        size += n
        min_prob = p
    chosen.sort(key=lambda wc: wc[0])  # code point order == UTF-8 byte order
    return chosen, dict(skipped_no_cluster=skipped0, skipped_bad=skippedbad, min_prob=min_prob,
                        distinct=len({c for _, c in chosen}))


def eval_clusters(chosen, toks):
    """UD token coverage (exact, case-sensitive) and UPOS purity of cluster
    prefixes read from the low bits vs. the high bits of the integer."""
    cl = dict(chosen)
    hits = [(cl[t.form], t.upos) for t in toks if t.form in cl]

    def purity(keyf):
        d = collections.defaultdict(collections.Counter)
        for c, u in hits:
            d[keyf(c)][u] += 1
        return sum(max(v.values()) for v in d.values()) / max(1, len(hits))

    pur = {}
    for k in (4, 6):
        pur[k] = (purity(lambda c: c & ((1 << k) - 1)),
                  purity(lambda c: c >> max(0, c.bit_length() - k)))
    return len(hits), len(toks), pur


# --------------------------------------------------------------------------
# speech verbs
# --------------------------------------------------------------------------
def umlaut_variants(stem: str) -> set:
    """gab -> {gäb}, stand -> {ständ, stünd}: Konj. II stems of a strong past."""
    out = set()
    for i in range(len(stem) - 1, -1, -1):
        ch = stem[i]
        if ch in "aou":
            alts = {"a": "äü", "o": "ö", "u": "ü"}[ch]
            for alt in alts:
                out.add(stem[:i] + alt + stem[i + 1:])
            break
    return out


def regular_weak_paradigm(lemma: str) -> set:
    """Forms of a regular weak verb, for listed lemmas the lookup lacks
    (twittern, posten, insistieren, prognostizieren)."""
    s = verb_stem(lemma)
    e = "e" if s.endswith(("t", "d")) else ""
    part = (s + e + "t") if lemma.endswith("ieren") else ("ge" + s + e + "t")
    forms = {lemma, s + "e", s + e + "st", s + e + "t", s + "end", part}
    for past in (s + e + "te",):
        forms |= {past, past + "st", past + "n", past + "t"}
    if lemma.endswith(("eln", "ern")):
        forms.add(lemma[:-1])            # (wir) twittern / twitter (imperative) harmless
    return forms


def build_verbs(lookup, forms_of, prob, ud_pairs=()):
    """form -> lemma for the listed speech/thought verbs.

    1. every de_lemma_lookup key whose lemma is listed, lowercased (a lowercase
       key wins over a capitalised one);
    2. forms the lookup lacks because they collide with a capitalised noun
       key (halte, stelle, gaben, sprachen): stem+e, and the Praeteritum plural
       of strong verbs (gab + gabst + gäbe -> gaben); added only where the
       lookup has no lowercase key for them and the capitalised twin is not
       > 10x more frequent;
    3. a regular weak paradigm for listed lemmas absent from the lookup;
    4. (form, lemma) pairs attested in the UD files;
    5. the ss spelling of forms with ß."""
    want = set(VERB_LEMMAS)
    pairs, added = {}, {}
    conflicts = []
    for k in sorted(lookup, key=lambda k: (not k.islower(), k)):
        lemma = lookup[k]
        if lemma not in want:
            continue
        f = k.lower()
        if not f.isalpha():
            continue
        if f != k and f in lookup and lookup[f] != lemma:
            conflicts.append((f, lookup[f], lemma))   # lowercase key maps elsewhere
            continue
        if f in pairs and pairs[f] != lemma:
            conflicts.append((f, pairs[f], lemma))
            continue
        pairs.setdefault(f, lemma)

    def add(f, lemma, why):
        if f in pairs or not f.isalpha():
            return
        if why == "lemma":        # the infinitive always maps to itself (führen, meinen)
            pairs[f] = lemma
            added[f] = why
            return
        if f in lookup and lookup[f] != lemma:
            return
        p = prob.get(f)
        pc = prob.get(f[:1].upper() + f[1:])
        if p is not None and pc is not None and pc - p > NOUN_TWIN_RATIO:
            return
        pairs[f] = lemma
        added[f] = why

    missing = sorted(l for l in want if l not in forms_of)
    for lemma in sorted(want):
        add(lemma, lemma, "lemma")
        F = forms_of.get(lemma, set())
        if not F:
            for f in sorted(regular_weak_paradigm(lemma)):
                add(f, lemma, "regular")
            continue
        s = verb_stem(lemma)
        add(s + "e", lemma, "stem+e")
        if lemma.endswith("eln"):
            add(lemma[:-3] + "le", lemma, "stem+e")
        # strong Praeteritum stems: bare form or recovered from -st/-est/-en
        # forms, confirmed by a Konj. II stem+e (gab: gäbe; bestand: bestünde)
        stems = set(F)
        for f in F:
            for suf in ("est", "st", "en"):
                if f.endswith(suf):
                    stems.add(f[:-len(suf)])
        for st in sorted(stems):
            if len(st) < 2 or st == s or umlaut_set(st):   # gäb(est) is Konj. II
                continue
            if st.endswith("t") and not s.endswith(("t", "d")):
                continue                                   # nannt(e), wußt(e): weak
            if not (st + "st" in F or st + "est" in F or st + "en" in F):
                continue
            if st + "e" in F or any(u + "e" in F for u in umlaut_variants(st)):
                add(st, lemma, "past singular")
                add(st + "en", lemma, "past plural")
    # 4. pairs attested in UD (VERB/AUX token, lemma listed), where the lookup
    #    has no lowercase key mapping the form elsewhere (gebeten, siehe)
    for f, lemma in ud_pairs:
        add(f, lemma, "ud")
    # 5. ss spelling of every ß form (beschloß -> beschloss, hieß -> hiess (Swiss))
    for f, lemma in sorted(pairs.items()):
        if "ß" in f:
            add(f.replace("ß", "ss"), lemma, "ss spelling")
    return pairs, conflicts, missing, added


def eval_verbs(pairs, toks):
    want = set(VERB_LEMMAS)
    tot = ok = 0
    wrong = collections.Counter()
    for t in toks:
        if t.verbal and t.lemma in want:
            tot += 1
            if pairs.get(t.form.lower()) == t.lemma:
                ok += 1
            else:
                wrong[(t.form.lower(), t.lemma, pairs.get(t.form.lower()))] += 1
    return tot, ok, wrong


# --------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("ud_dir", nargs="?", default=str(REPO.parent / "shared" / "data" / "ud-german"))
    ap.add_argument("--out", default=str(REPO / "crates" / "quelle" / "lexicon"))
    ap.add_argument("--verbose", action="store_true", help="print dropped/added forms")
    args = ap.parse_args()

    ud_dir = Path(args.ud_dir)
    ud_files = sorted(ud_dir.glob("*.conllu"))
    if not ud_files:
        sys.exit("no *.conllu files in %s" % ud_dir)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    data = lookups_dir()
    lookup = load_json_gz(data / "de_lemma_lookup.json.gz")
    prob = load_json_gz(data / "de_lexeme_prob.json.gz")
    cluster = load_json_gz(data / "de_lexeme_cluster.json.gz")
    try:
        from importlib.metadata import version
        lookups_version = version("spacy-lookups-data")
    except Exception:
        lookups_version = "?"

    forms_of = collections.defaultdict(set)
    for k, v in lookup.items():
        forms_of[v].add(k.lower())
    verbs = find_verb_lemmas(forms_of)
    toks = read_conllu(ud_files)

    # ---- subjunctive: full build (all UD files) + held-out check (GSD dev only)
    log = {}
    sub_main, sub_amb, sub_dropped = build_subjunctive(lookup, prob, cluster, verbs, forms_of, toks, log)
    ev_full = eval_subjunctive(sub_main, sub_amb, toks)
    dev = [t for t in toks if "dev" in t.file]
    held = [t for t in toks if "dev" not in t.file]
    h_main, h_amb, _ = build_subjunctive(lookup, prob, cluster, verbs, forms_of, dev, {})
    ev_held = eval_subjunctive(h_main, h_amb, held)
    n0_main, n0_amb, _ = build_subjunctive(lookup, prob, cluster, verbs, forms_of, [], {})
    ev_noud = eval_subjunctive(n0_main, n0_amb, toks)

    # ---- clusters
    clusters, cl_info = build_clusters(prob, cluster)
    cl_hits, cl_toks, cl_pur = eval_clusters(clusters, toks)
    # ---- verbs
    want = set(VERB_LEMMAS)
    ud_pairs = sorted({(t.form.lower(), t.lemma) for t in toks
                       if t.verbal and t.lemma in want and t.form.isalpha()})
    v0pairs = build_verbs(lookup, forms_of, prob)[0]
    v0_tot, v0_ok, _ = eval_verbs(v0pairs, toks)
    vpairs, vconf, vmissing, vadded = build_verbs(lookup, forms_of, prob, ud_pairs)
    v_tot, v_ok, v_wrong = eval_verbs(vpairs, toks)

    # ---- write
    def write_lines(name, lines):
        p = out / name
        with open(p, "w", encoding="utf-8", newline="\n") as fh:
            for line in lines:
                fh.write(line + "\n")
        return p.stat().st_size

    sizes = {}
    sizes["subjunctive.txt"] = write_lines("subjunctive.txt", sorted(sub_main))
    sizes["subjunctive_ambiguous.txt"] = write_lines("subjunctive_ambiguous.txt", sorted(sub_amb))
    sizes["clusters.tsv"] = write_lines("clusters.tsv", ("%s\t%d" % wc for wc in clusters))
    sizes["verbs.txt"] = write_lines("verbs.txt", ("%s\t%s" % fl for fl in sorted(vpairs.items())))

    src_counts = collections.Counter(v.split(":")[0] for v in sub_main.values())
    stats = dict(
        lookups_version=lookups_version, ud_files=[p.name for p in ud_files], ud_tokens=len(toks),
        verbs_found=len(verbs), sub_main=len(sub_main), sub_amb=len(sub_amb),
        sub_dropped=len(sub_dropped), sub_src=src_counts, ev_full=ev_full, ev_held=ev_held,
        ev_noud=ev_noud, held_sizes=(len(h_main), len(h_amb)), noud_sizes=(len(n0_main), len(n0_amb)),
        clusters=len(clusters), cl_info=cl_info, cl_hits=cl_hits, cl_toks=cl_toks, cl_pur=cl_pur, verb_pairs=len(vpairs),
        verb_lemmas=len(VERB_LEMMAS), verb_conflicts=len(vconf), verb_missing=vmissing,
        v_tot=v_tot, v_ok=v_ok, v0_ok=v0_ok, v0_pairs=len(v0pairs),
        v_added=collections.Counter(vadded.values()), sizes=sizes,
        dev_tokens=len(dev), held_tokens=len(held),
    )
    sizes["LEXICONS.md"] = write_card(out / "LEXICONS.md", stats)
    print_report(stats)
    if args.verbose:
        print("\n# dropped subjunctive candidates (form, source, reason) with log prob > -14")
        for f, (src, why) in sorted(sub_dropped.items(), key=lambda kv: -prob.get(kv[0], -99)):
            if prob.get(f, -99) > -14:
                print("  %-16s %-24s %s" % (f, src, why))
        print("\n# verbs.txt conflicts (form, kept, other):", vconf[:40])
        print("# verbs.txt added by rule:", sorted(vadded.items()))
        print("# UD speech-verb tokens not mapped:", v_wrong.most_common(40))


def fmt_ev(ev, policy):
    rows = []
    for name in ("main", "main+amb"):
        r = ev[(policy, name)]
        rows.append("| %s | %d / %d = %.1f%% | %d / %d = %.1f%% |" % (
            name, r["covered"], r["sub_total"], 100 * r["coverage"], r["tp"], r["hits"],
            100 * r["precision"]))
    return "\n".join(rows)


def print_report(s):
    print("spacy-lookups-data %s; UD files %s (%d tokens)" % (s["lookups_version"], ", ".join(s["ud_files"]), s["ud_tokens"]))
    print("verb lemmas recognised: %d" % s["verbs_found"])
    print("subjunctive.txt: %d forms (%s); subjunctive_ambiguous.txt: %d; dropped candidates: %d"
          % (s["sub_main"], dict(s["sub_src"]), s["sub_amb"], s["sub_dropped"]))
    for label, ev in (("all UD (in-sample)", s["ev_full"]), ("held-out: built w/ GSD dev, eval GSD test+PUD", s["ev_held"]),
                      ("no UD input (lookup only), eval all UD", s["ev_noud"])):
        for policy in ("case", "lower"):
            for name in ("main", "main+amb"):
                r = ev[(policy, name)]
                print("  %-46s %-5s %-8s coverage %3d/%3d = %5.1f%%  precision %3d/%4d = %5.1f%%"
                      % (label, policy, name, r["covered"], r["sub_total"], 100 * r["coverage"],
                         r["tp"], r["hits"], 100 * r["precision"]))
    print("clusters.tsv: %d words, %d distinct clusters, min log prob %.2f, info %s"
          % (s["clusters"], s["cl_info"]["distinct"], s["cl_info"]["min_prob"], s["cl_info"]))
    print("  UD token coverage (exact form): %d/%d = %.1f%%; UPOS purity of 4-bit prefix low/high bits %.2f/%.2f, 6-bit %.2f/%.2f"
          % (s["cl_hits"], s["cl_toks"], 100 * s["cl_hits"] / s["cl_toks"], s["cl_pur"][4][0], s["cl_pur"][4][1],
             s["cl_pur"][6][0], s["cl_pur"][6][1]))
    print("verbs.txt: %d form/lemma pairs for %d lemmas; conflicts skipped %d; lemmas absent from lookup: %s"
          % (s["verb_pairs"], s["verb_lemmas"], s["verb_conflicts"], s["verb_missing"]))
    print("  added by rule: %s" % dict(s["v_added"]))
    print("  UD VERB/AUX tokens with a listed lemma: %d, mapped to the UD lemma: %d (%.1f%%); without the UD pairs (%d pairs): %d (%.1f%%)"
          % (s["v_tot"], s["v_ok"], 100 * s["v_ok"] / max(1, s["v_tot"]), s["v0_pairs"], s["v0_ok"],
             100 * s["v0_ok"] / max(1, s["v_tot"])))
    print("sizes:", s["sizes"], "total %d bytes" % sum(s["sizes"].values()))


CARD = """# Lexicons of `quelle`

Compact word lists used as features by the quotation-attribution tagger and
loaded by `crates/quelle/src/lexicon.rs`.  All files are UTF-8, LF line
endings, no header and no comments (no entry starts with `#`, which the loader
would skip).  They are generated — do not edit by hand; rebuild from the
repository root with

```sh
python3 -m venv /tmp/lexvenv
/tmp/lexvenv/bin/pip install spacy-lookups-data=={lookups_version}
/tmp/lexvenv/bin/python scripts/build-lexicons.py            # UD folder defaults to ../shared/data/ud-german
/tmp/lexvenv/bin/python scripts/build-lexicons.py --verbose  # also lists dropped candidates
```

The build is deterministic (about 15 s) and also rewrites this card with the
numbers below.

## Sources and licences

| source | licence | used for |
| --- | --- | --- |
| `spacy-lookups-data` {lookups_version} (PyPI): `de_lemma_lookup`, `de_lexeme_prob`, `de_lexeme_cluster` | MIT | all lists |
| Universal Dependencies German GSD (dev, test) and PUD (test): {ud_files} | CC BY-SA 4.0 | `subjunctive*.txt` (Mood=Sub forms, UPOS counts), a few `verbs.txt` pairs, all evaluations |

Derived lists carry the licence of their source where applicable:
`clusters.tsv` comes from spacy-lookups-data only (MIT).  `subjunctive.txt`,
`subjunctive_ambiguous.txt` and `verbs.txt` are mostly generated from
spacy-lookups-data but also take forms from / are filtered with the UD treebanks
(CC BY-SA 4.0; attribution: the Universal Dependencies German GSD and PUD
contributors).  They are short lists of common German word forms, but treat
them as CC BY-SA 4.0-derived to be safe.

## `subjunctive.txt` — {sub_main} forms, {size_sub} bytes

One lowercase German verb form per line, sorted: forms that are (almost) only
Konjunktiv I or II, the mood of indirect speech (`sei`, `seien`, `habe`,
`werde`, `könne`, `müsse`, `solle`, `wolle`, `dürfe`, `gebe`, `stehe`, `liege`,
`gehe`, `teilnehme`, `entwickle`, `hätte`, `wäre`, `würde`, `könnte`, `käme`,
`gäbe`, `stünde`, `ginge`, ...).  Read with `lexicon::subjunctive()` →
`Subjunctive::Yes`.

Built from
- (b1) Konjunktiv I 3rd person singular (stem + `e`; `-eln` verbs also `-le`:
  `entwickle`; plus the `ss` spelling of `ß` forms) of every verb lemma of
  `de_lemma_lookup` ({verbs_found} lemmas: lowercase, ending in
  `-en/-ern/-eln/-tun`, lemma of several forms, one of them verbal —
  stem+`t`/`st`/`te`/`end`, `ge`+stem+`t`/`en` — which separates verbs from
  `offen`, `eigen`, `modern`).  This includes joined particle verbs
  (`zustehe`, `teilnehme`).  Plus `sei`, `seist`, `seiest`, `seien`, `seiet`
  (`sein` is the only verb whose Konj. I 3pl differs from the indicative).
- (b2) Konjunktiv II 3sg/3pl in the lookup paradigms: umlaut over a
  Präteritum stem (`könnte`/`konnte`, `müssten`, `möchte`), umlaut not in the
  lemma (`käme`, `hätten`, `würde`, `täte`), or a strong Präteritum + `e`
  (`ginge`, `hielte`, `bliebe`).
- (a) every form tagged `Mood=Sub` in the UD files.

Source counts of the kept forms: {sub_src}.

Dropped for precision ({sub_dropped} candidates dropped; `--verbose` lists them):
- log prob < {min_prob} in `de_lexeme_prob` (not applied to UD-attested forms);
- the lookup maps the form to a non-verb lemma (`seine`→mein, `sichere`→sicher,
  `laute`→laut, `bekannte`→bekannt) or the form is an infinitive (`führen`,
  Konj. II of fahren);
- in UD the lowercase form is more often not VERB/AUX (`eine`, `meine`, `bitte`);
- its Brown cluster is mostly non-verbal: leave-one-out share of verb forms in
  the cluster's probability mass < {min_share} (`einige`, `deutsche`,
  `schnelle`, `nähere`, `achte`, `schade`, `weise`);
- the capitalised twin is > 10× more frequent (noun homographs: `zeuge`/Zeuge,
  `ende`/Ende, `folge`/Folge);
- a hand list of function-word homographs the rules miss: {exclude}.

Konj. I forms that are also the weak Präteritum of a not much rarer verb
(`buchte`, `raste`) go to `subjunctive_ambiguous.txt`.

Known residual ambiguity: every Konj. I 3sg form except `sei` equals the
indicative 1st person singular (`ich habe`, `ich glaube`), frequent inside
direct quotes; that is most of the false positives below.  Noun homographs
with a less dominant capitalised twin remain (`stelle`/Stelle, `rede`/Rede).

**Matching.** Entries are lowercase.  Recommended (policy `case`): look a
token up if it is lowercase, or if it is sentence-initial (then lowercased).
Lowercasing every token (policy `lower`) also matches capitalised nouns
(`Würde`, `Stelle`, `Rede`) and costs about 10 points of precision.

**Measured on UD German** (token level; coverage = share of `Mood=Sub`
tokens whose form is listed; precision = share of tokens with a listed form
that UD tags `Mood=Sub`.  UD's Mood annotation is not fully consistent, e.g.
some `sollte` are Ind, others Sub; 1sg `habe` is Ind):

In-sample: the lists as shipped, on all {ud_tokens} UD tokens (UD forms were used to build them).

| list | coverage | precision |
| --- | --- | --- |
{ev_full_case}

Same, policy `lower`:

| list | coverage | precision |
| --- | --- | --- |
{ev_full_lower}

Held out: lists rebuilt with only GSD dev as UD input ({held_main} + {held_amb} forms),
evaluated on GSD test + PUD ({held_tokens} tokens), policy `case`:

| list | coverage | precision |
| --- | --- | --- |
{ev_held_case}

Without any UD input ({noud_main} + {noud_amb} forms, lookup rules only), on all UD, policy `case`:

| list | coverage | precision |
| --- | --- | --- |
{ev_noud_case}

## `subjunctive_ambiguous.txt` — {sub_amb} forms, {size_amb} bytes

Same format; `Subjunctive::Ambiguous`.  Subjunctive forms identical to a
Präteritum indicative form, so only context decides: weak Konj. II =
Präteritum (`sollte`, `sollten`, `wollte`, `machten`, `sagte`, `änderte`),
the 3pl of strong Konj. II without umlaut (`gingen`, `hielten`), and Konj. I
forms that are another verb's Präteritum (`buchte`).  Same filters as above
(so participle adjectives such as `erwarteten`, `bekannte` are out).  Use as a
separate, weaker feature: alone it is mostly indicative (see `main+amb` rows).

## `clusters.tsv` — {clusters} words, {size_cl} bytes

`word<TAB>cluster`, one per line, sorted by word in Unicode code point order
(= UTF-8 byte order = Rust `str` ordering), so a binary search works as well as
a `HashMap` built at load; case kept as in the source (`Berlin`, `berlin` may
both appear).  The {clusters} most probable words of `de_lexeme_prob` (log prob
≥ {cl_min_prob:.2f}) that have a Brown cluster, as many as fit in {budget}
bytes; words with cluster 0 (no cluster in the source: {cl_skipped0} among the
higher-ranked words), with whitespace/control characters, starting with `#`,
or longer than {maxchars} characters are left out.  {cl_distinct} distinct
clusters.  UD token coverage (exact, case-sensitive form):
{cl_hits}/{cl_toks} = {cl_cov:.1f}%.

`cluster` is the decimal integer of `de_lexeme_cluster`.  spaCy stores a
Brown-cluster bit path `p` as `int(p[::-1], 2)`, so the **low** bits are the
top of the tree: the prefix of length n is `cluster & ((1 << n) - 1)`.
Checked here: `Berlin` 80 = 0b1010000 and `München` 848 = 0b1101010000 share
their low 7 bits; on UD tokens the UPOS purity of 4-bit prefixes is
{pur4l:.2f} read from the low bits vs {pur4h:.2f} from the high bits (6 bits:
{pur6l:.2f} vs {pur6h:.2f}).  Trailing zeros of the path are lost in this
encoding, so prefixes longer than the value's bit length are padded with 0s.
Useful features: the full value and the 4/6/10-bit prefixes.  `lexicon::cluster()`
returns the value as a string; parse it as `u32` for prefixes.  A word not in
the file has no cluster (use a shared "unknown" feature).

## `verbs.txt` — {verb_pairs} pairs, {size_verbs} bytes

`form<TAB>lemma`, lowercase, sorted by form; read with
`lexicon::cue_verb_lemma()`.  Covers the {verb_lemmas} speech/thought/writing
lemmas of `VERB_LEMMAS` in `scripts/build-lexicons.py` (`sagte`→sagen,
`gesagt`→sagen, `teilte`→teilen, `mitgeteilt`→mitteilen, `gab`→geben,
`hieß`→heißen, `kündigte`→kündigen).  Built from
1. every `de_lemma_lookup` key whose lemma is listed, lowercased; a lowercase
   key that maps elsewhere wins ({verb_conflicts} such conflicts, e.g.
   `laute`→laut, `sichere`→sicher, `heiße`→heiß);
2. forms the lookup lacks because they collide with capitalised noun keys:
   stem+`e` (`sage`, `stelle`, `halte`) and strong Präteritum forms recovered
   from the paradigm (`gaben`, `sprachen`, `bestand`), unless the capitalised
   twin is > 10× more frequent; each lemma maps to itself;
3. a regular weak paradigm for listed lemmas the lookup lacks: {verb_missing};
4. pairs attested in UD (`gebeten`, `siehe`, `weiß`);
5. the `ss` spelling of every `ß` form (`beschloss`, Swiss `hiess`).

Rule counts: {v_added}.  Particle verbs in verb-second position are split
(`teilte ... mit`), so their finite form maps to the simple verb (`teilen`,
listed for that reason); joined forms (`mitteilte`, `mitzuteilen`) map to the
particle verb.

Check on UD: of {v_tot} VERB/AUX tokens whose UD lemma is listed, {v_ok}
({v_pct:.1f}%) have their lowercased form in `verbs.txt` with that lemma;
without step 4 (not using UD) {v0_ok} ({v0_pct:.1f}%).

## Sizes

{size_table}
"""


def write_card(path, s):
    sz = s["sizes"]
    # LEXICONS.md itself is measured after writing: approximate with a placeholder first
    def render(card_size):
        all_sizes = dict(sz)
        all_sizes["LEXICONS.md"] = card_size
        size_table = "| file | bytes |\n| --- | --- |\n" + "\n".join(
            "| `%s` | %d |" % (k, v) for k, v in sorted(all_sizes.items())) + \
            "\n| total | %d |" % sum(all_sizes.values())
        return CARD.format(
            lookups_version=s["lookups_version"], ud_files=", ".join("`%s`" % f for f in s["ud_files"]),
            sub_main=s["sub_main"], size_sub=sz["subjunctive.txt"],
            sub_src=", ".join("%s %d" % kv for kv in sorted(s["sub_src"].items())),
            sub_dropped=s["sub_dropped"], min_prob=MIN_PROB, min_share=MIN_CLUSTER_VERB_SHARE,
            ud_tokens=s["ud_tokens"],
            ev_full_case=fmt_ev(s["ev_full"], "case"), ev_full_lower=fmt_ev(s["ev_full"], "lower"),
            ev_held_case=fmt_ev(s["ev_held"], "case"), ev_noud_case=fmt_ev(s["ev_noud"], "case"),
            held_main=s["held_sizes"][0], held_amb=s["held_sizes"][1], held_tokens=s["held_tokens"],
            noud_main=s["noud_sizes"][0], noud_amb=s["noud_sizes"][1],
            sub_amb=s["sub_amb"], size_amb=sz["subjunctive_ambiguous.txt"],
            clusters=s["clusters"], size_cl=sz["clusters.tsv"], cl_min_prob=s["cl_info"]["min_prob"],
            budget=CLUSTERS_BUDGET_BYTES, cl_skipped0=s["cl_info"]["skipped_no_cluster"],
            maxchars=MAX_CLUSTER_WORD_CHARS, cl_distinct=s["cl_info"]["distinct"],
            verb_pairs=s["verb_pairs"], size_verbs=sz["verbs.txt"], verb_lemmas=s["verb_lemmas"],
            verb_conflicts=s["verb_conflicts"], verb_missing=", ".join(s["verb_missing"]) or "none",
            v_tot=s["v_tot"], v_ok=s["v_ok"], v_pct=100 * s["v_ok"] / max(1, s["v_tot"]),
            v0_ok=s["v0_ok"], v0_pct=100 * s["v0_ok"] / max(1, s["v_tot"]),
            v_added=", ".join("%s %d" % kv for kv in sorted(s["v_added"].items())),
            verbs_found=s["verbs_found"], exclude=", ".join("`%s`" % w for w in sorted(EXCLUDE)),
            cl_hits=s["cl_hits"], cl_toks=s["cl_toks"], cl_cov=100 * s["cl_hits"] / max(1, s["cl_toks"]),
            pur4l=s["cl_pur"][4][0], pur4h=s["cl_pur"][4][1], pur6l=s["cl_pur"][6][0], pur6h=s["cl_pur"][6][1],
            size_table=size_table,
        )
    n = 0
    for _ in range(5):  # fixed point: the card reports its own size
        text = render(n)
        m = len(text.encode("utf-8"))
        if m == n:
            break
        n = m
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    return len(text.encode("utf-8"))


if __name__ == "__main__":
    main()
