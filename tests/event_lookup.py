"""Test helper: the first event whose evidence sentence holds a given phrase."""


def event_with(doc, needle):
    evs = [e for e in doc.events if needle in e.evidence.sentence]
    assert evs, [(e.sub_event_type, e.evidence.sentence) for e in doc.events]
    return evs[0]
