"""find_quotes: what a 'he said' or 'the agency said' can point back to on a normal page."""
import re

import pytest

from eventwire.extract.quotes import find_quotes


def split(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r"(?<=[.!?])[”\"]?\s+|\n+", text):
        end = m.start() + (1 if text[m.start()] in "”\"" else 0)
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def attributed(text, first_word, persons=None):
    qs = find_quotes(text, split(text), [], persons=persons)
    return [q for q in qs if q.attribution and q.attribution.split()[0].lower() == first_word][-1]


def names(text, *found):
    """PERSON spans as a tagger would give them."""
    return [(text.index(n), text.index(n) + len(n)) for n in found]


@pytest.mark.parametrize("text, people", [
    # an unnamed but introduced person
    ('A resident who asked not to be named said the shelling began at midnight. '
     '"We carried the children out through the rubble," he said.', ()),
    ("The clashes went on into the night, a senior police officer said. He said troops had been sent.", ()),
    ('A trader in Djibo reached by telephone said prices had tripled. "People here go hungry," he said.', ()),
    # the speaker two sentences back, within the previous paragraph
    ("Governor Ana Ruiz visited the market on Monday. The market had been hit twice.\n\n"
     '"There were only civilians here," she said.', ()),
    # a person named as the object of the speaker's own sentence does not make it ambiguous
    ("Baerbock told reporters after meeting Zourabichvili. She said Germany would help.",
     ("Baerbock", "Zourabichvili")),
    # "X attacked …, burning homes, said Name": the subject is after the verb
    ("Fighters attacked the village late on Saturday, burning homes, said Dieudonné Lossa, who heads a "
     "local group. Rescuers found nine more bodies, he said.", ("Dieudonné Lossa",)),
])
def test_pronoun_finds_the_introduced_person(text, people):
    pronoun = "she" if re.search(r"\bshe said", text, re.I) else "he"
    assert attributed(text, pronoun, persons=names(text, *people)).speaker is not None


@pytest.mark.parametrize("text", [
    # only a background paragraph before: nobody to refer to
    "Egypt has received more than a million refugees since the war began.\n\n"
    '"We discussed every aspect of the crisis," he said.',
    # the person is two paragraphs back
    "Colonel Amadou Diallo said the base was secure.\n\nThe region has seen attacks for years.\n\n"
    "Aid groups say hunger is spreading.\n\n\"We will hold,\" he said.",
])
def test_pronoun_stays_unresolved_without_a_nearby_person(text):
    assert attributed(text, "he").speaker is None


def test_lowercase_tagger_persons_are_ignored():
    text = ("Babakura Kolo said the attackers came on motorcycles. "
            "Rescuers found nine more bodies in the bush on Sunday, he said.")
    q = attributed(text, "he", persons=names(text, "Babakura Kolo", "bush"))
    assert q.speaker is not None and q.speaker.text == "Babakura Kolo"


@pytest.mark.parametrize("text, resolved", [
    ("The International Organization for Migration (IOM) said 40,000 people were in the camp. "
     "The agency said water was scarce.", True),
    ("Human Rights Watch documented 12 strikes. The rights group said schools were hit.", True),
    ("The Syrian Network for Human Rights counted the dead. The monitor said three houses were destroyed.", True),
    ("More than 370,000 people have fled, according to the UN. The agency said it needed funds.", False),
    ("Shelling continued in the north. The monitor said 40 families had fled.", False),
    ("Shelling continued in the north. The prime minister said the army would respond.", True),
    ("Hundreds marched in the city. The woman, who declined to give her name, said she had walked for "
     "hours.", True),
    ("Mobile internet was cut in five districts, the state home department said.", True),
])
def test_definite_description_resolves_to_a_compatible_antecedent(text, resolved):
    q = [q for q in find_quotes(text, split(text), []) if q.attribution and
         re.match(r"(?:the|The)\b", q.attribution)][-1]
    assert (q.speaker is not None) == resolved
