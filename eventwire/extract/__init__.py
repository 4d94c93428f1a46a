"""The extract stage: events, casualties, attribution, quotes, page quality.

`eventwire.extract(text, ...)` is also the public one-call API. Importing this subpackage
binds the name `eventwire.extract` to it, so the module itself is made callable with the same
signature, and the public call keeps working whichever was imported first.
"""
import sys
import types


class _CallableModule(types.ModuleType):
    def __call__(self, text: str, **kwargs):
        from ..pipeline import extract

        return extract(text, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
