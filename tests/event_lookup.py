"""Test helper: the first event one of whose tellings (its evidence, or any of its
evidence_spans: the headline, lead and later sentences of one event) holds a given phrase."""


def event_with(doc, needle):
    evs = [e for e in doc.events
           if needle in e.evidence.sentence or any(needle in s.sentence for s in e.evidence_spans)]
    assert evs, [(e.sub_event_type, e.evidence.sentence) for e in doc.events]
    return evs[0]
