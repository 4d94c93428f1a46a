"""Work grows linearly with the length of a document that is one long unpunctuated sentence
(issue 11), counted (characters scanned, function calls: the same on every run), not timed.
Each stage here looked at the whole sentence, or at every name found, once per place, date or
name in it: work grew with the square of the length (a 100k-word sentence did not finish)."""
import cProfile
import pstats
import random
import re
from types import SimpleNamespace

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire import nlp
from eventwire.extract import story_model
from eventwire.extract.quotes.persons import guess_persons
from eventwire.geo.spans import labels_elsewhere, names_in_doc

WORDS = ("police protesters attacked the village near Kano and soldiers fired at the crowd killing many "
         "people in Lagos while rebels clashed with troops").split()


def _sentence(words: int) -> str:
    rng = random.Random(0)
    return " ".join(rng.choice(WORDS) for _ in range(words))


def _calls(run) -> pstats.Stats:
    prof = cProfile.Profile()
    prof.runcall(run)
    return pstats.Stats(prof)


class _Counted:
    """A compiled pattern that counts the characters it is asked to scan."""

    def __init__(self, pattern: re.Pattern):
        self.pattern, self.scanned = pattern, 0

    def finditer(self, text, pos=0, endpos=None):
        self.scanned += (len(text) if endpos is None else endpos) - pos
        return self.pattern.finditer(text, pos, len(text) if endpos is None else endpos)

    def findall(self, text, pos=0, endpos=None):
        self.scanned += (len(text) if endpos is None else endpos) - pos
        return self.pattern.findall(text, pos, len(text) if endpos is None else endpos)


def test_window_words_read_a_long_sentence_once(monkeypatch):
    counted = _Counted(story_model._WORD)
    monkeypatch.setattr(story_model, "_WORD", counted)
    text = _sentence(5000)
    window = story_model.WindowWords(text)
    for m in re.finditer(r"Kano|Lagos", text):  # a place name every ten words or so
        list(window(m.start(), m.end(), 0, len(text), 3, sentence=False))
    assert counted.scanned <= 2 * len(text)  # the sentence once, and the mentions' own words


def test_person_names_are_checked_in_time_linear_in_their_number():
    def calls(repeats: int) -> int:
        text = "Amina Bello and Musa Danjuma said. " + "Bello met Danjuma and Danjuma met Bello. " * repeats
        return _calls(lambda: guess_persons(text, [], [(0, 11), (16, 28)])).total_calls

    small, large = calls(200), calls(800)
    assert large / small < 4.6, (small, large)  # 4x the names; 16x when each is checked against all


def test_sentence_rules_look_for_a_parse_once():
    # spaCy's is_sent_start setter looks over the whole doc for a parse on every call
    doc = spacy.blank("en")(_sentence(3000))
    stats = _calls(lambda: nlp.sentence_rules(doc))
    looks = sum(n for (_, _, name), (_, n, *_rest) in stats.stats.items() if name == "has_annotation")
    assert looks <= 1


@settings(max_examples=200, derandomize=True, database=None, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["kano", "ann"]), st.integers(0, 30), st.sampled_from(["GPE", "PERSON"])),
                max_size=10), st.sampled_from(["kano", "ann", "jos"]), st.integers(0, 30))
def test_labels_elsewhere_are_what_a_look_at_each_name_finds(ents, text, start):
    doc = SimpleNamespace(ents=[SimpleNamespace(text=name.title(), start=s, label_=label)
                                for name, s, label in sorted(ents, key=lambda e: e[1])])  # in text order
    names = names_in_doc(doc)
    want = {lab for name, s, lab in ents if name == text and abs(s - start) > 1}
    assert labels_elsewhere(names, text, start) == want
