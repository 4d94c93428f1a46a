"""Test helper: (name, start, end) mentions of names found in order in a hand-written text."""


def mentions(text, names):
    out, pos = [], 0
    for n in names:
        i = text.index(n, pos)
        out.append((n, i, i + len(n)))
        pos = i + len(n)
    return out
