"""Fit the event-type classifier shipped in eventwire/data/models/event_classifier.npz.

    python training/train_classifier.py [--shared ../shared] [--out eventwire/data/models/event_classifier.npz]
    python training/train_classifier.py --cv      # the cross-validated table the n-gram C, the
                                                  # character n-grams and the mix were read off
    python training/train_classifier.py --cv --group country_month   # folds that keep a group's notes together

Training data (never ../shared/eval):
  * ../shared/train/acled (all 3,516 ACLED notes, GPL-3; Armed Conflict Location & Event Data
    Project (ACLED); acleddata.com), with the note template stripped (classify.strip_template);
  * training/news_examples.jsonl: news-style sentences the team wrote, incl. the "none" class.
Models: multinomial logistic regressions (scikit-learn), class-balanced sample weights, one over
MiniLM embeddings (eventwire.embed) + keyword-group indicators (LEXICON below), one over word
1-2-gram and in-word character 3-5-gram TF-IDF (eventwire.extract.tfidf); their
log-probabilities are mixed (ngram_mix). DEFAULTS were chosen by 5-fold cross-validation on the
training rows (--cv); the typing thresholds (how sure the classifier must be to type an event,
eventwire/extract/events/subtype.py) by training/cv_typing.py, which writes
training/typing_cv.json. The grouped folds (--group) and what they said of DEFAULTS are in
training/classifier_group_cv.json and docs/MODEL.md.
Both, with their cross-validated figures, go into the model file's `provenance`. Only weights,
vocabularies and idf are shipped (numpy at run time).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eventwire.embed import embed  # noqa: E402
from eventwire.extract import tfidf  # noqa: E402
from eventwire.extract.classify import (  # noqa: E402
    MODEL_FILE,
    NONE,
    compile_patterns,
    lexical_features,
    log_softmax,
    strip_template,
    taxonomy,
)

# Keyword groups: domain vocabulary for the ACLED categories (from the public codebook's
# definitions), so rare classes with few examples still have a sharp signal.
LEXICON = [
    r"\bgrenades?\b",
    r"\bsuicide\b|\bblew (himself|herself|themselves) up\b|\bexplosives?[- ]vest|\bexplosive belt",
    r"\bchemical\b|\bchlorine\b|\bsarin\b|\bmustard gas\b|\bnerve agent|\btoxic gas\b|\bpoison(ous)? gas",
    r"\bair ?strikes?\b|\bairstrikes?\b|\bwar ?planes?\b|\bfighter jets?\b|\bdrones?\b|\bair raids?\b|\bhelicopter gunships?\b|\bbomb(ing|ed) (raid|run)s?\b|\bair force\b",
    r"\bshell(s|ing|ed)\b|\bartillery\b|\bmortars?\b|\brockets?\b|\bmissiles?\b|\bhowitzers?\b|\bbombard",
    r"\bIEDs?\b|\bimprovised explosive|\blandmines?\b|\bland mines?\b|\broadside bombs?\b|\bcar bombs?\b|\bexplosive device|\bbooby[- ]trap|\bmine\b",
    r"\bexplo(sion|sions|ded|de|sives?)\b|\bblast\b|\bdetonat",
    r"\bprotest|\bdemonstrat|\brall(y|ies|ied)\b|\bmarch(ed|ers)?\b|\bsit-in\b|\bpicket|\bchant",
    r"\btear ?gas\b|\bdispers(e|ed|al)\b|\bwater cannons?\b|\brubber bullets\b|\bbatons?\b|\bpepper spray|\bbroke up\b",
    r"\blive (ammunition|rounds|fire|bullets)\b|\bopened fire on (the )?(protesters|demonstrators|crowd|marchers)",
    r"\briot|\bvandali|\bstone[- ]pelting|\b(threw|hurled|pelted)\b.{0,30}\b(stones|rocks|bottles|petrol bombs|molotov)|\bbarricad|\bburn(ing|ed|t)? (tyres|tires)",
    r"\bmobs?\b|\blynch|\bvigilantes?\b|\bangry (crowd|residents|villagers|youths)|\bbeat(en)? to death|\bmob justice",
    r"\bagreements?\b|\bceasefire\b|\bcease-fire\b|\btruce\b|\bpeace (deal|accord|treaty|pact)|\bsigned\b|\bsurrender|\bprisoner (swap|exchange)|\baccord\b",
    r"\barrest|\bdetain|\bdetention\b|\btaken into custody|\bapprehend|\brounded up|\bhandcuff",
    r"\babduct|\bkidnap|\bhostages?\b|\bforcibly disappeared|\benforced disappearance|\bwhereabouts",
    r"\brap(e|ed|es|ing|ists?)\b|\bsexual(ly)?\b|\bmolest",
    r"\bloot|\bransack|\bpillag|\bdemolish|\bset (fire|ablaze|alight)|\btorched|\bvandalised|\bvandalized|\bburn(ed|t) (down )?(the )?(homes|houses|shops|vehicles|cars|buildings|office)",
    r"\bdefus|\bdisarm|\bintercept|\bshot down\b|\bseized\b.{0,30}\b(weapons|arms|ammunition|explosives|rifles)|\bcache\b|\bbomb disposal|\bcontrolled detonation|\bdismantl|\bsappers?\b",
    r"\bheadquarters\b|\bbases?\b|\boutposts?\b|\bcamps?\b|\bestablish|\bset up\b|\bopened (a|an|its)\b",
    r"\brecaptur|\bretook\b|\bretake|\bregain|\bliberat|\bwrest(ed)? back|\bdrove out\b|\bdriven out\b|\bpushed back\b|\bcleared\b",
    r"\bseiz(e|ed|es|ure)\b|\bcaptur(e|ed|es)\b|\btook (over|control)|\btaken (over|control)|\bfell to\b|\boverr(a|u)n|\bgained control",
    r"\bwithdr(ew|aw|awn|awal)|\bhand(ed)? over\b|\bhandover\b|\bpulled out\b|\bwithout (a fight|resistance|fighting)|\bpeaceful(ly)? (transfer|takeover)|\bno (clashes|fighting)\b|\bvacated",
    r"\bclash|\bfighting\b|\bgun ?fights?\b|\bfirefights?\b|\bexchange of fire|\bbattl(e|es|ed|ing)\b|\bambush|\bskirmish|\bexchanged fire|\bengaged\b",
    r"\bkill|\bdead\b|\bdied\b|\bshot dead|\bmurder|\bslain\b|\bexecuted|\bbodies\b",
    r"\bcivilians?\b|\bvillagers\b|\bresidents\b|\bfarmers\b|\bwomen\b|\bchildren\b|\bjournalists?\b|\bpassengers\b|\bworshippers\b",
    r"\bsoldiers\b|\btroops\b|\barmy\b|\bmilitary\b|\bforces\b|\bmilitants?\b|\brebels?\b|\bgunmen\b|\binsurgents?\b|\bjihadists?\b|\bmilitias?\b",
    r"\bpolice\b|\bofficers\b|\bsecurity forces\b|\bgendarme",
    r"\bnew (leader|commander|chief)|\bappointed\b|\bmerge[dr]?\b|\bsplinter|\bformation of\b|\brenam|\bdissolv|\bdeploy|\breinforcements\b|\bcurfew|\bmobili[sz]|\ballegiance|\bdisband|\bbanned\b|\bsuspend",
    r"\becono|\binflation\b|\bGDP\b|\bstocks?\b|\bprices?\b|\bmarkets?\b|\binvest|\bbudget\b|\bexports?\b|\bcurrency",
    r"\bmatch\b|\bleague\b|\bscored?\b|\bchampionship|\btournament|\bcoach\b|\bolympic|\bcup final|\bfootball|\bcricket",
    r"\bearthquake|\bfloods?\b|\bflooding\b|\bstorms?\b|\bcyclone|\bhurricane|\bwildfires?\b|\blandslides?\b|\bdrought|\btyphoon|\bheatwave",
    r"\baccident|\bcrash(ed|es)?\b|\bderail|\bcollaps|\bleak\b|\bspill\b|\bblaze\b",
    r"\bwill\b|\bplans? to\b|\bthreaten|\bwarn(ed|s)?\b|\bcould\b|\bwould\b|\bshould\b|\bvow",
    r"\bsaid\b|\bsays\b|\btold\b|\baccording to\b|\bclaimed\b|\bannounced\b|\bstatement\b",
    r"\bminister|\bpresident\b|\bdiplomat|\bsummit\b|\btalks\b|\bambassador|\bvisit(ed)?\b|\bsanctions?\b|\belection",
]

DEFAULTS = {"C": 4.0, "lexical_scale": 0.35, "news_weight": 3.0,
            "ngram_C": 100.0, "ngram_mix": 0.35, "ngram_n_max": 2, "ngram_min_df": 2,
            "char_n_min": 3, "char_n_max": 5, "char_min_df": 3}
CV_MIX = (0.0, 0.2, 0.35, 0.5, 0.65, 1.0)
CV_NGRAM_C = (10.0, 30.0, 100.0)
CV_EMB_C = (1.0, 4.0, 16.0)
CV_CHARS = (None, (3, 5, 3))  # (n_min, n_max, min_df) of the character block, or none
FOLDS = 5
# What keeps a series of notes in one fold (--group): ACLED codes runs of near-identical notes
# (same actors, towns, template), which a random split puts on both sides.
NOTE_GROUPS = {
    "country": lambda g: g["country"],
    "country_month": lambda g: f"{g['country']} {g['event_date'][:7]}",
    "admin1": lambda g: f"{g['country']} / {g['admin1']}",
}
TYPING_CV = ROOT / "training" / "typing_cv.json"
QUIET_MIN_WORDS = 6  # shorter lines of a page are titles, datelines and captions


def load_notes(shared: Path, group: str | None = None) -> tuple[list[str], list[str], list[str] | None]:
    """Texts, sub-event types and (with `group`, a NOTE_GROUPS key) each note's group."""
    base = shared / "train" / "acled"
    gold = {}
    for line in (base / "gold.jsonl").open(encoding="utf-8"):
        g = json.loads(line)
        gold[g["id"]] = g
    texts, labels, groups = [], [], []
    for line in (base / "docs.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        if d["id"] in gold:
            texts.append(strip_template(d["text"]))
            labels.append(gold[d["id"]]["sub_event_type"])
            groups.append(NOTE_GROUPS[group](gold[d["id"]]) if group else "")
    return texts, labels, groups if group else None


def geovirus_half(doc_id: str) -> str:
    """"fit" or "measure": the GeoVirus articles split in two by a hash of their id. The
    classifier learns what no event reads like from the first half (`load_quiet`); the typing
    thresholds count the events it makes of the second (training/cv_typing.py)."""
    return "fit" if int(hashlib.sha256(doc_id.encode()).hexdigest(), 16) % 2 == 0 else "measure"


def load_quiet(shared: Path) -> tuple[list[str], list[str]]:
    """Sentences of real news that report no conflict event, labelled "none": every sentence of
    QUIET_MIN_WORDS words or more in the GeoVirus articles (Wikinews on virus outbreaks, many
    outlets' prose: officials announcing, deaths from disease, figures, quotes) of the fit half.
    The team's "none" examples alone are a hundred sentences; without real prose beside them
    the classifier reads an Easter vigil or a relegation battle as an event."""
    from eventwire.nlp import load

    path = shared / "train" / "geovirus" / "docs.jsonl"
    docs = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    texts = [d["text"] for d in docs if geovirus_half(d["id"]) == "fit"]
    out = []
    for doc in load(places=False).pipe(texts):
        out += [strip_template(s.text.strip()) for s in doc.sents if len(s.text.split()) >= QUIET_MIN_WORDS]
    return out, [NONE] * len(out)


def load_news(path: Path) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    valid = set(taxonomy()) | {NONE}
    for line in path.open(encoding="utf-8"):
        if not line.strip():
            continue
        d = json.loads(line)
        if d["label"] not in valid:
            raise ValueError(f"unknown label {d['label']!r} in {path}")
        texts.append(d["text"])
        labels.append(d["label"])
    return texts, labels


def sample_weights(labels: list[str], is_news: np.ndarray, news_weight: float) -> np.ndarray:
    """Each class carries the same total weight; a news sentence counts news_weight notes."""
    raw = np.where(is_news, news_weight, 1.0)
    totals: Counter = Counter()
    for lab, w in zip(labels, raw):
        totals[lab] += w
    mean_total = sum(totals.values()) / len(totals)
    # sqrt-damped balancing: full balancing lets 3-example classes swamp the decision.
    return np.array([w * (mean_total / totals[lab]) ** 0.75 for lab, w in zip(labels, raw)])


def fit(X: np.ndarray, y: list[str], w: np.ndarray, C: float):
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=C, max_iter=3000)
    clf.fit(X, y, sample_weight=w)
    return clf


def sparse(vec: tfidf.Blocks, texts: list[str]):
    from scipy.sparse import csr_matrix

    rows = vec.rows(texts)
    indptr = np.cumsum([0] + [len(i) for i, _ in rows])
    idx = np.concatenate([i for i, _ in rows]) if rows else np.zeros(0, np.int64)
    val = np.concatenate([v for _, v in rows]) if rows else np.zeros(0, np.float32)
    return csr_matrix((val, idx, indptr), shape=(len(texts), vec.size))


def vectorizer(texts: list[str], params: dict) -> tfidf.Blocks:
    """Word n-grams, then (when params name them) character n-grams within words."""
    parts = [tfidf.fit_vectorizer(texts, n_max=int(params["ngram_n_max"]), min_df=int(params["ngram_min_df"]))]
    if params.get("char_n_max"):
        parts.append(tfidf.fit_vectorizer(texts, analyzer=tfidf.CHAR_WB, n_min=int(params["char_n_min"]),
                                          n_max=int(params["char_n_max"]), min_df=int(params["char_min_df"])))
    return tfidf.Blocks(tuple(parts))


@dataclass
class Rows:
    """Training rows: the notes, then the news examples (texts, labels, embedding features)."""

    texts: list[str]
    labels: list[str]
    X: np.ndarray
    is_news: np.ndarray

    def take(self, idx) -> "Rows":
        idx = np.asarray(idx, dtype=int)
        return Rows([self.texts[i] for i in idx], [self.labels[i] for i in idx], self.X[idx], self.is_news[idx])

    def plus(self, other: "Rows") -> "Rows":
        return Rows(self.texts + other.texts, self.labels + other.labels, np.vstack([self.X, other.X]),
                    np.r_[self.is_news, other.is_news])


def fit_arrays(rows: Rows, params: dict, typing: dict, provenance: dict) -> dict:
    """Both models fitted on `rows`, as the arrays of the model file."""
    w = sample_weights(rows.labels, rows.is_news, params["news_weight"])
    clf = fit(rows.X, rows.labels, w, params["C"])
    vec = vectorizer(rows.texts, params)
    ngram = fit(sparse(vec, rows.texts), rows.labels, w, params["ngram_C"])
    assert list(ngram.classes_) == list(clf.classes_)
    arrays = dict(
        classes=np.array(clf.classes_, dtype=str),
        weights=clf.coef_.astype(np.float32),
        bias=clf.intercept_.astype(np.float32),
        patterns=np.array(LEXICON, dtype=str),
        lexical_scale=np.float32(params["lexical_scale"]),
        # float16 halves the file; the scores move by < 1e-3 (tests/unit/test_classify_tfidf.py)
        ngram_weights=ngram.coef_.astype(np.float16),
        ngram_bias=ngram.intercept_.astype(np.float32),
        ngram_mix=np.float32(params["ngram_mix"]),
        params=np.array(json.dumps(params)),
        typing=np.array(json.dumps(typing)),
        provenance=np.array(json.dumps(provenance)),
    )
    for prefix, v in zip(("ngram", "char"), vec.parts):
        arrays[f"{prefix}_vocabulary"] = np.array(sorted(v.vocabulary, key=v.vocabulary.get), dtype=str)
        arrays[f"{prefix}_idf"] = v.idf.astype(np.float32)
        arrays[f"{prefix}_n_min"] = np.int32(v.n_min)
        arrays[f"{prefix}_n_max"] = np.int32(v.n_max)
    return arrays


def joint_folds(note_labels: list[str], news_labels: list[str], k: int = FOLDS,
                note_groups: list[str] | None = None) -> list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
    """(notes train, notes test, news train, news test) indices: both sets split k ways,
    stratified (sub-types with under k notes together), seed 0; with `note_groups`, the notes
    of one group stay in one fold (StratifiedGroupKFold), the news examples split as without."""
    from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold

    counts = Counter(note_labels)
    strat = [lab if counts[lab] >= k else "rare" for lab in note_labels]
    skf = StratifiedKFold(n_splits=k, shuffle=True, random_state=0)
    if note_groups is None:
        note_folds = skf.split(np.zeros(len(strat)), strat)
    else:
        sgkf = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=0)
        note_folds = sgkf.split(np.zeros(len(strat)), strat, note_groups)
    news_folds = skf.split(np.zeros(len(news_labels)), news_labels)
    return [(a, b, c, d) for (a, b), (c, d) in zip(note_folds, news_folds)]


def cross_validate(notes: Rows, news: Rows, quiet: Rows, params: dict, grid: bool,
                   note_groups: list[str] | None = None) -> dict:
    """Out-of-fold scores: notes event-type and sub-type macro-F1 and news-example weighted F1,
    for the given params or (grid) over CV_EMB_C x CV_NGRAM_C x CV_CHARS x CV_MIX.
    {(emb C, n-gram C, chars, mix): scores}. The `quiet` rows (load_quiet) are in every fold's
    training rows, never scored. `note_groups`: grouped folds (joint_folds)."""
    from sklearn.metrics import f1_score

    tax = taxonomy()
    configs_e = CV_EMB_C if grid else (params["C"],)
    configs_c = CV_NGRAM_C if grid else (params["ngram_C"],)
    configs_ch = CV_CHARS if grid else ((params["char_n_min"], params["char_n_max"], params["char_min_df"])
                                        if params.get("char_n_max") else None,)
    classes = sorted(set(notes.labels) | set(news.labels))
    oof: dict = {}  # (part, "emb", C) or (part, C, chars) -> (n, classes) log-probabilities
    for note_tr, note_te, news_tr, news_te in joint_folds(notes.labels, news.labels, note_groups=note_groups):
        train = notes.take(note_tr).plus(news.take(news_tr)).plus(quiet)
        w = sample_weights(train.labels, train.is_news, params["news_weight"])
        tests = {"notes": notes.take(note_te), "news": news.take(news_te)}
        for e in configs_e:
            emb = fit(train.X, train.labels, w, e)
            for part, rows in tests.items():
                _put(oof, (part, "emb", e), emb.classes_, emb.predict_log_proba(rows.X),
                     note_te if part == "notes" else news_te, len(notes.labels if part == "notes" else news.labels),
                     classes)
        for ch in configs_ch:
            p = {**params, **(dict(zip(("char_n_min", "char_n_max", "char_min_df"), ch)) if ch else {"char_n_max": 0})}
            vec = vectorizer(train.texts, p)
            X = sparse(vec, train.texts)
            for c in configs_c:
                m = fit(X, train.labels, w, c)
                for part, rows in tests.items():
                    _put(oof, (part, c, ch), m.classes_, log_softmax(m.decision_function(sparse(vec, rows.texts))),
                         note_te if part == "notes" else news_te, len(notes.labels if part == "notes" else news.labels),
                         classes)
        print(".", end="", flush=True)
    print()
    gold_types = [tax[s] for s in notes.labels]
    out = {}
    configs = [(e, c, ch, mix) for e in configs_e for c in configs_c for ch in configs_ch
               for mix in (CV_MIX if grid else (params["ngram_mix"],))]
    for e, c, ch, mix in configs:
        pn = _argmax(oof, "notes", e, c, ch, mix, classes)
        ps = _argmax(oof, "news", e, c, ch, mix, classes)
        scores = {
            "notes_event_type_macro_f1": f1_score(gold_types, [tax.get(x, NONE) for x in pn],
                                                  labels=sorted(set(gold_types)), average="macro"),
            "notes_sub_event_type_macro_f1": f1_score(notes.labels, pn, labels=sorted(set(notes.labels)),
                                                      average="macro"),
            "news_examples_weighted_f1": f1_score(news.labels, ps, average="weighted"),
        }
        out[(e, c, ch, mix)] = {k: round(float(v), 4) for k, v in scores.items()}
        print(f"C {e:>4}  ngram C {c:>5}  chars {str(ch):>12}  mix {mix:.2f}  " + "  ".join(
            f"{k} {v:.4f}" for k, v in out[(e, c, ch, mix)].items()), flush=True)
    return out


def _put(oof: dict, key: tuple, fitted: np.ndarray, logp: np.ndarray, rows: np.ndarray, n: int,
         classes: list[str]) -> None:
    """Out-of-fold log-probabilities into the full class list (a class a fold did not see: -30)."""
    full = oof.setdefault(key, np.full((n, len(classes)), -30.0))
    cols = [classes.index(c) for c in fitted]
    full[np.ix_(rows, cols)] = logp


def _argmax(oof: dict, part: str, e: float, c: float, ch, mix: float, classes: list[str]) -> list[str]:
    lp = (1 - mix) * oof[(part, "emb", e)] + mix * oof[(part, c, ch)]
    return [classes[i] for i in lp.argmax(axis=1)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--news", type=Path, default=ROOT / "training" / "news_examples.jsonl")
    ap.add_argument("--out", type=Path, default=ROOT / "eventwire" / "data" / "models" / MODEL_FILE)
    ap.add_argument("--cv", action="store_true", help="print the cross-validated grid, then stop")
    ap.add_argument("--cache", type=Path, default=None, help="keep the embeddings here (outside the repository)")
    ap.add_argument("--group", choices=sorted(NOTE_GROUPS), default=None,
                    help="with --cv: keep the notes of a country, country and month, or province in one fold")
    a = ap.parse_args(argv)
    params = dict(DEFAULTS)
    notes, news, quiet = load_rows(a.shared, a.news, params, a.cache)
    if a.cv:
        cross_validate(notes, news, quiet, params, grid=True,
                       note_groups=load_notes(a.shared, a.group)[2] if a.group else None)
        return 0
    (scores,) = cross_validate(notes, news, quiet, params, grid=False).values()
    typing = json.loads(TYPING_CV.read_text("utf-8"))
    provenance = {
        "data": f"{len(notes.labels)} ACLED notes of ../shared/train/acled (ACLED, acleddata.com; GPL-3) "
                f"and {len(news.labels)} team-written news sentences ({a.news.name}); "
                f"{len(quiet.labels)} sentences of the GeoVirus articles' fit half as \"none\" "
                f"(../shared/train/geovirus; Wikinews, CC BY 2.5; GPL-3 corpus)",
        "classifier_cv": {"folds": FOLDS, "params": params, **scores},
        "typing_cv": typing["cv"],
    }
    arrays = fit_arrays(notes.plus(news).plus(quiet), params, typing["chosen"], provenance)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(a.out, **arrays)
    print(f"wrote {a.out} ({a.out.stat().st_size / 1024:.0f} KiB, {len(arrays['classes'])} classes); CV {scores}")
    return 0


def load_rows(shared: Path, news_path: Path, params: dict, cache: Path | None = None) -> tuple[Rows, Rows, Rows]:
    """The notes, the news examples and the quiet real-news sentences (load_quiet) with their
    features; the embeddings are kept in `cache` (a folder outside the repository), keyed by
    the texts, so a second run skips them."""
    note_texts, note_y, _ = load_notes(shared)
    news_texts, news_y = load_news(news_path)
    quiet_texts, quiet_y = load_quiet(shared)
    print(f"notes: {len(note_texts)}  news examples: {len(news_texts)}  quiet sentences: {len(quiet_texts)}  "
          f"classes: {len(set(note_y) | set(news_y))}")
    rows = []
    for texts, labels, is_news in ((note_texts, note_y, False), (news_texts, news_y, True),
                                   (quiet_texts, quiet_y, False)):
        key = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16]
        path = cache / f"embeddings-{key}.npy" if cache else None
        if path is not None and path.exists():
            vectors = np.load(path)
        else:
            vectors = embed(texts)
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
                np.save(path, vectors)
        lexical = lexical_features(texts, compile_patterns(LEXICON), params["lexical_scale"])
        rows.append(Rows(texts, labels, np.hstack([vectors, lexical]), np.full(len(texts), is_news)))
    return rows[0], rows[1], rows[2]


if __name__ == "__main__":
    raise SystemExit(main())
