"""The document-level analysis as spaCy components: thin adapters that call the analysis
functions on a parsed Doc and keep what they find on it (`Doc._`, eventwire/doc_extensions.py).

Importing this package registers the factories; `data/pipeline.cfg` lists the chain in order
with each component's settings, and `nlp.load(analysis=True)` assembles it. The pipeline
(pipeline.py) sets the inputs (`Doc._.doc_id`, `published`, `home_region`, `removed`,
`raw_mentions`, `page`) on each parsed Doc, then runs these one document at a time:

| component | module | reads | writes |
|---|---|---|---|
| eventwire_places | places.py | `doc.ents`, `Doc._.home_region` | `Doc._.places` |
| eventwire_actors | actors.py | tokens, `doc.ents`, `Doc._.places` | `Doc._.actors` |
| eventwire_quotes | quotes.py | `Doc._.sentence_spans`, `doc.ents` (persons), `Doc._.actors` | `Doc._.quotes` |
| eventwire_events | events.py | `doc.sents`, tokens, `Doc._.doc_id`, `published`, `actors`, `places` | `Doc._.events`, `Doc._.event_readings` |
| eventwire_quality | quality.py | `Doc._.sentence_spans`, `Doc._.removed`, `actors`, `quotes`, `events` | `Doc._.quality`; the events' confidences scaled by the flags over their evidence |
| eventwire_reportable | reportable.py | `Doc._.events`, `event_readings`, `published`, `raw_mentions`, `doc.sents` | `Doc._.events`: the page's events of its days, the main one marked (all mentions kept when `raw_mentions`) |
| eventwire_record | record.py | `Doc._.doc_id`, `published`, `removed`, `page` and every output above | `Doc._.record`: the Document, assembled once |
| eventwire_story | story.py | `Doc._.record`, `doc.sents` | the record's main event: place, day and toll from the whole story |

The story step comes after the record because it is defined on the record: it completes
`salience.main_event(record)`, the one definition of a document's main event.
"""
from __future__ import annotations

from . import actors, events, places, quality, quotes, record, reportable, story  # noqa: F401  (registers the factories)
