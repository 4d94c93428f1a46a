"""Fit the event-type classifier shipped in eventwire/data/models/event_classifier.npz.

    python training/train_classifier.py [--shared ../shared] [--out eventwire/data/models/event_classifier.npz]

Training data (never ../shared/eval):
  * ../shared/train/acled (ACLED notes, GPL-3; Armed Conflict Location & Event Data Project
    (ACLED); acleddata.com), with the note template stripped (classify.strip_template);
  * training/news_examples.jsonl: news-style sentences the team wrote, incl. the "none" class.
Models: multinomial logistic regressions (scikit-learn), class-balanced sample weights, one over
MiniLM embeddings (eventwire.embed) + keyword-group indicators (LEXICON below), one over word
1-2-gram TF-IDF (eventwire.extract.tfidf); their log-probabilities are mixed (NGRAM_MIX, chosen
with --tune on held-out training rows). Only weights, vocabulary and idf are shipped (numpy at
run time).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
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
            "ngram_C": 30.0, "ngram_mix": 0.2, "ngram_n_max": 2, "ngram_min_df": 2}
TUNE_MIX = (0.0, 0.2, 0.35, 0.5, 0.65, 0.8, 1.0)
TUNE_NGRAM_C = (10.0, 30.0, 100.0)


def load_notes(shared: Path) -> tuple[list[str], list[str]]:
    base = shared / "train" / "acled"
    gold = {}
    for line in (base / "gold.jsonl").open(encoding="utf-8"):
        g = json.loads(line)
        gold[g["id"]] = g["sub_event_type"]
    texts, labels = [], []
    for line in (base / "docs.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        if d["id"] in gold:
            texts.append(strip_template(d["text"]))
            labels.append(gold[d["id"]])
    return texts, labels


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


def sparse(vec: tfidf.Vectorizer, texts: list[str]):
    from scipy.sparse import csr_matrix

    rows = vec.rows(texts)
    indptr = np.cumsum([0] + [len(i) for i, _ in rows])
    idx = np.concatenate([i for i, _ in rows]) if rows else np.zeros(0, np.int64)
    val = np.concatenate([v for _, v in rows]) if rows else np.zeros(0, np.float32)
    return csr_matrix((val, idx, indptr), shape=(len(texts), len(vec.vocabulary)))


def fit_ngram(texts: list[str], y: list[str], w: np.ndarray, params: dict):
    vec = tfidf.fit_vectorizer(texts, n_max=int(params["ngram_n_max"]), min_df=int(params["ngram_min_df"]))
    return vec, fit(sparse(vec, texts), y, w, params["ngram_C"])


def mixed_predictions(emb_clf, emb_X, ngram_clf, ngram_X, mix: float) -> np.ndarray:
    assert list(emb_clf.classes_) == list(ngram_clf.classes_)
    lp = (1 - mix) * np.log(np.maximum(emb_clf.predict_proba(emb_X), 1e-12)) \
        + mix * log_softmax(ngram_clf.decision_function(ngram_X))
    return emb_clf.classes_[lp.argmax(axis=1)]


def tune(note_texts, note_X, note_y, news_texts, news_X, news_y, params) -> None:
    """Hold out 20% of the notes and 20% of the news examples (stratified), fit both models on
    the rest, and print per (ngram C, mix): sub-type macro-F1 on the held-out notes and weighted
    F1 on the held-out news sentences. The shipped NGRAM mix and C are read off this table."""
    from sklearn.metrics import f1_score
    from sklearn.model_selection import train_test_split

    n_i = np.arange(len(note_y))
    s_i = np.arange(len(news_y))
    note_strat = [lab if note_y.count(lab) >= 5 else "rare" for lab in note_y]
    n_tr, n_te = train_test_split(n_i, test_size=0.2, random_state=0, stratify=note_strat)
    s_tr, s_te = train_test_split(s_i, test_size=0.2, random_state=0, stratify=news_y)
    y = [note_y[i] for i in n_tr] + [news_y[i] for i in s_tr]
    texts = [note_texts[i] for i in n_tr] + [news_texts[i] for i in s_tr]
    is_news = np.r_[np.zeros(len(n_tr), bool), np.ones(len(s_tr), bool)]
    w = sample_weights(y, is_news, params["news_weight"])
    emb = fit(np.vstack([note_X[n_tr], news_X[s_tr]]), y, w, params["C"])
    gold_notes = [note_y[i] for i in n_te]
    gold_news = [news_y[i] for i in s_te]
    for c in TUNE_NGRAM_C:
        vec, ngram = fit_ngram(texts, y, w, {**params, "ngram_C": c})
        notes_sp = sparse(vec, [note_texts[i] for i in n_te])
        news_sp = sparse(vec, [news_texts[i] for i in s_te])
        for mix in TUNE_MIX:
            pn = mixed_predictions(emb, note_X[n_te], ngram, notes_sp, mix)
            ps = mixed_predictions(emb, news_X[s_te], ngram, news_sp, mix)
            f_notes = f1_score(gold_notes, pn, average="macro")
            f_news = f1_score(gold_news, ps, average="weighted")
            print(f"ngram C {c:>5}  mix {mix:.2f}  notes macro-F1 {f_notes:.3f}  news weighted F1 {f_news:.3f}"
                  f"  mean {(f_notes + f_news) / 2:.3f}", flush=True)


def features(texts: list[str], scale: float) -> np.ndarray:
    return np.hstack([embed(texts), lexical_features(texts, compile_patterns(LEXICON), scale)])


def cross_validate(note_X, note_y, news_X, news_y, params, folds: int = 5) -> float:
    """Weighted F1 on held-out news examples (notes always in training): the news-style estimate."""
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold

    news_y_arr = np.array(news_y)
    preds = np.empty(len(news_y), dtype=object)
    skf = StratifiedKFold(n_splits=folds, shuffle=True, random_state=0)
    for tr, te in skf.split(news_X, news_y_arr):
        X = np.vstack([note_X, news_X[tr]])
        y = list(note_y) + list(news_y_arr[tr])
        is_news = np.r_[np.zeros(len(note_y), bool), np.ones(len(tr), bool)]
        clf = fit(X, y, sample_weights(y, is_news, params["news_weight"]), params["C"])
        preds[te] = clf.predict(news_X[te])
    return float(f1_score(news_y_arr, preds.astype(str), average="weighted"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--news", type=Path, default=ROOT / "training" / "news_examples.jsonl")
    ap.add_argument("--out", type=Path, default=ROOT / "eventwire" / "data" / "models" / MODEL_FILE)
    ap.add_argument("--C", type=float, default=DEFAULTS["C"])
    ap.add_argument("--lexical-scale", type=float, default=DEFAULTS["lexical_scale"])
    ap.add_argument("--news-weight", type=float, default=DEFAULTS["news_weight"])
    ap.add_argument("--ngram-C", type=float, default=DEFAULTS["ngram_C"])
    ap.add_argument("--ngram-mix", type=float, default=DEFAULTS["ngram_mix"])
    ap.add_argument("--cv", action="store_true", help="report 5-fold CV on the news examples first")
    ap.add_argument("--tune", action="store_true", help="print the held-out table for ngram C and mix, then stop")
    a = ap.parse_args(argv)
    params = {"C": a.C, "lexical_scale": a.lexical_scale, "news_weight": a.news_weight, "ngram_C": a.ngram_C,
              "ngram_mix": a.ngram_mix, "ngram_n_max": DEFAULTS["ngram_n_max"],
              "ngram_min_df": DEFAULTS["ngram_min_df"]}

    note_texts, note_y = load_notes(a.shared)
    news_texts, news_y = load_news(a.news)
    print(f"notes: {len(note_texts)}  news examples: {len(news_texts)}  classes: {len(set(note_y) | set(news_y))}")
    note_X = features(note_texts, a.lexical_scale)
    news_X = features(news_texts, a.lexical_scale)
    if a.cv:
        print(f"CV weighted F1 on news examples: {cross_validate(note_X, note_y, news_X, news_y, params):.3f}")
    if a.tune:
        tune(note_texts, note_X, note_y, news_texts, news_X, news_y, params)
        return 0

    X = np.vstack([note_X, news_X])
    y = note_y + news_y
    is_news = np.r_[np.zeros(len(note_y), bool), np.ones(len(news_y), bool)]
    w = sample_weights(y, is_news, a.news_weight)
    clf = fit(X, y, w, a.C)
    vec, ngram = fit_ngram(note_texts + news_texts, y, w, params)
    assert list(ngram.classes_) == list(clf.classes_)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        a.out,
        classes=np.array(clf.classes_, dtype=str),
        weights=clf.coef_.astype(np.float32),
        bias=clf.intercept_.astype(np.float32),
        patterns=np.array(LEXICON, dtype=str),
        lexical_scale=np.float32(a.lexical_scale),
        ngram_vocabulary=np.array(sorted(vec.vocabulary, key=vec.vocabulary.get), dtype=str),
        ngram_idf=vec.idf.astype(np.float32),
        ngram_n_max=np.int32(vec.n_max),
        # float16 halves the file; the scores move by < 1e-3 (tests/unit/test_classify_tfidf.py)
        ngram_weights=ngram.coef_.astype(np.float16),
        ngram_bias=ngram.intercept_.astype(np.float32),
        ngram_mix=np.float32(a.ngram_mix),
        params=np.array(json.dumps(params)),
    )
    print(f"wrote {a.out} ({a.out.stat().st_size / 1024:.0f} KiB, {len(clf.classes_)} classes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
