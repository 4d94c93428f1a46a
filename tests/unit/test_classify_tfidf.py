"""The TF-IDF half of the event-type classifier: vectorizer, sparse scoring, the stored block and
the mix with the embedding model."""
import numpy as np
import pytest

from eventwire.extract import tfidf
from eventwire.extract.classify import LinearModel, NgramModel, load_model, log_softmax

TEXTS = ["Police fired tear gas at protesters.", "Protesters marched in the capital.",
         "Gunmen abducted two traders.", "police fired on protesters"]


def test_ngrams_lowercase_two_letter_tokens_and_bigrams():
    assert tfidf.ngrams("Police fired a Tear-gas", 2) == [
        "police", "fired", "tear", "gas", "police fired", "fired tear", "tear gas"]


def test_vocabulary_keeps_ngrams_of_min_df_texts_and_is_deterministic():
    vec = tfidf.fit_vectorizer(TEXTS, n_max=2, min_df=2)
    assert set(vec.vocabulary) == {"police", "fired", "protesters", "police fired"}
    assert tfidf.fit_vectorizer(list(reversed(TEXTS)), n_max=2, min_df=2).vocabulary == vec.vocabulary
    # smoothed idf: a term in more texts weighs less
    assert vec.idf[vec.vocabulary["protesters"]] < vec.idf[vec.vocabulary["police fired"]]


def test_rows_are_unit_length_and_unknown_text_is_empty():
    vec = tfidf.fit_vectorizer(TEXTS, n_max=2, min_df=1)
    idx, val = vec.row("Police fired tear gas, police fired again.")
    assert len(idx) == len(set(idx.tolist())) and np.isclose(np.linalg.norm(val), 1.0)
    idx, val = vec.row("nothing known here")
    assert len(idx) == 0 and len(val) == 0


def test_sparse_logits_equal_the_dense_product():
    vec = tfidf.fit_vectorizer(TEXTS, n_max=2, min_df=1)
    rng = np.random.default_rng(0)
    w = rng.normal(size=(3, len(vec.vocabulary))).astype(np.float32)
    b = rng.normal(size=3).astype(np.float32)
    rows = vec.rows(TEXTS + ["zzz"])
    dense = np.zeros((len(rows), len(vec.vocabulary)), dtype=np.float32)
    for i, (idx, val) in enumerate(rows):
        dense[i, idx] = val
    assert np.allclose(tfidf.logits(rows, w, b), dense @ w.T + b, atol=1e-5)


def _toy_model(mix: float) -> LinearModel:
    vec = tfidf.fit_vectorizer(TEXTS, n_max=2, min_df=1)
    rng = np.random.default_rng(1)
    ngram = NgramModel(tfidf.Blocks((vec,)), rng.normal(size=(2, vec.size)).astype(np.float16),
                       np.zeros(2, np.float32), mix)
    return LinearModel(classes=("a", "b"), weights=np.zeros((2, 3), np.float32), bias=np.array([0.5, 0.0], np.float32),
                       patterns=(), lexical_scale=0.0, ngram=ngram)


def test_mix_zero_is_the_embedding_model_and_one_the_ngram_model(monkeypatch):
    # the embedding half stands in as three zero features: its probabilities come from the bias
    monkeypatch.setattr(LinearModel, "features", lambda self, texts, vectors=None: np.zeros((len(texts), 3), np.float32))
    emb = _toy_model(0.0)
    p0 = emb.predict_proba(TEXTS)
    assert np.allclose(p0, emb.proba(np.zeros((len(TEXTS), 3), np.float32)))
    one = _toy_model(1.0)
    assert np.allclose(one.predict_proba(TEXTS), np.exp(one.ngram.log_proba(TEXTS)), atol=1e-5)
    half = _toy_model(0.5).predict_proba(TEXTS)
    assert np.allclose(half.sum(axis=1), 1.0, atol=1e-5)


def test_log_softmax_is_normalised():
    z = log_softmax(np.array([[1.0, 2.0, 3.0], [1000.0, 0.0, -1000.0]]))
    assert np.allclose(np.exp(z).sum(axis=1), 1.0) and np.isfinite(z).all()


def test_shipped_model_carries_the_word_and_character_blocks():
    m = load_model()
    assert m.ngram is not None and 0.0 < m.ngram.mix < 1.0
    assert [p.analyzer for p in m.ngram.vectorizer.parts] == [tfidf.WORD, tfidf.CHAR_WB]
    assert m.ngram.weights.shape == (len(m.classes), m.ngram.vectorizer.size)
    for part in m.ngram.vectorizer.parts:
        assert part.idf.shape == (len(part.vocabulary),)
    assert np.isfinite(m.ngram.weights.astype(np.float32)).all()


def test_character_ngrams_are_scikit_learns_char_wb():
    # words padded with a space; a word shorter than n counts once, whole
    assert tfidf.char_ngrams("Tear gas", 4, 3) == [" te", "tea", "ear", "ar ", " tea", "tear", "ear ",
                                                    " ga", "gas", "as ", " gas", "gas "]
    assert tfidf.char_ngrams("a", 5, 3) == [" a "]


def test_blocks_put_each_part_in_its_own_columns_with_unit_length():
    words = tfidf.fit_vectorizer(TEXTS, n_max=2, min_df=1)
    chars = tfidf.fit_vectorizer(TEXTS, n_max=4, n_min=3, min_df=1, analyzer=tfidf.CHAR_WB)
    both = tfidf.Blocks((words, chars))
    idx, val = both.row(TEXTS[0])
    w_idx, w_val = words.row(TEXTS[0])
    c_idx, c_val = chars.row(TEXTS[0])
    assert both.size == words.size + chars.size
    assert idx.tolist() == w_idx.tolist() + (c_idx + words.size).tolist()
    assert np.allclose(val, np.r_[w_val, c_val]) and np.isclose(np.linalg.norm(val), np.sqrt(2))


@pytest.mark.parametrize("text, sub", [
    ("Police fired tear gas to disperse hundreds of protesters outside parliament.", "Protest with intervention"),
    ("Gunmen abducted three aid workers on the road to the town.", "Abduction/forced disappearance"),
])
def test_ngram_half_alone_reads_codebook_words(text, sub):
    m = load_model()
    lp = m.ngram.log_proba([text])[0]
    assert m.classes[int(lp.argmax())] == sub


def test_a_sentences_probabilities_do_not_depend_on_the_others_classified_with_it():
    # the pipeline classifies only the sentences whose prediction it uses, one at a time
    rng = np.random.default_rng(2)
    model = LinearModel(classes=("a", "b", "c"), weights=rng.normal(size=(3, 384)).astype(np.float32),
                        bias=rng.normal(size=3).astype(np.float32), patterns=(), lexical_scale=0.0)
    feats = rng.normal(size=(9, 384)).astype(np.float32)
    together = model.proba(feats)
    assert all((model.proba(feats[i:i + 1])[0] == together[i]).all() for i in range(len(feats)))
    assert model.proba(feats[:0]).shape == (0, 3)
