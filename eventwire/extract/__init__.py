"""The extract stage: events (events/, classify.py, mentions.py, story.py, reportable.py),
casualties, attribution and quotes.

The name `eventwire.extract` is also the public one-call API: the package `eventwire` makes
this subpackage callable (see eventwire/__init__.py), so the stage needs no import of the
pipeline that runs it.
"""
