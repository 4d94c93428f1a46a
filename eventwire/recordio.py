"""Records read back from their dicts (`Record.from_dict`), and their categorical fields held
as enum members.

One converter per field, worked out once per record class from its type hints: a record
field reads a dict, a list field a list, an enum field a string (the member when one has it),
`int` a whole number, `float` any finite number, `str` text. JSON written elsewhere (`ingest
--extracted`) may lack fields (they read as their default, or None) but not hold a value of
the wrong type: that raises ValueError naming the field ("events[0].fatalities.best").
"""
from __future__ import annotations

import dataclasses
import functools
import math
import types
import typing
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any

from .categories import member

Convert = Callable[[Any], Any]


class FieldError(ValueError):
    """A value of the wrong type, and the path of fields down to it ("events[0].fatalities.best")."""

    def __init__(self, problem: str):
        super().__init__(problem)
        self.problem = problem
        self.path: list[str] = []

    def at(self, step: str) -> "FieldError":
        self.path.insert(0, step)
        self.args = (str(self),)
        return self

    def __str__(self) -> str:
        where = "".join(s if s.startswith("[") else f".{s}" for s in self.path).lstrip(".")
        return f"{where} {self.problem}" if where else self.problem


def read(cls: type, data: Any) -> Any:
    """The `cls` record of `data` (a dict; a record of `cls` is returned as it is)."""
    if isinstance(data, cls):
        return data
    if data is None:
        raise FieldError(f"a {cls.__name__} must be an object, not null")
    return _record(cls)(data)


def coerce_categories(record: Any) -> None:
    """Put the enum member in each categorical field that holds its plain string."""
    for name, enum in _categories(type(record)):
        value = getattr(record, name)
        if isinstance(value, str) and not isinstance(value, enum):
            setattr(record, name, member(enum, value))


@functools.cache
def _categories(cls: type) -> tuple[tuple[str, type[StrEnum]], ...]:
    hints = typing.get_type_hints(cls)
    out = []
    for f in dataclasses.fields(cls):
        arms = [a for a in _arms(hints[f.name]) if isinstance(a, type) and issubclass(a, StrEnum)]
        if arms:
            out.append((f.name, arms[0]))
    return tuple(out)


def _arms(tp: Any) -> tuple[Any, ...]:
    if typing.get_origin(tp) in (types.UnionType, typing.Union):
        return typing.get_args(tp)
    return (tp,)


@functools.cache
def _record(cls: type) -> Convert:
    hints = typing.get_type_hints(cls)
    plan = []
    for f in dataclasses.fields(cls):
        if f.init:
            required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
            plan.append((f.name, _converter(hints[f.name]), required))

    def convert(data: Any) -> Any:
        if data is None:
            return None
        if not isinstance(data, (dict, Mapping)):
            raise FieldError(f"must be an object, not {_kind(data)}")
        kwargs = {}
        for name, conv, required in plan:
            if name in data:
                try:
                    kwargs[name] = conv(data[name])
                except FieldError as exc:
                    raise exc.at(name) from None
            elif required:
                kwargs[name] = None  # written elsewhere without it: unknown
        return cls(**kwargs)

    return convert


def _converter(tp: Any) -> Convert:
    origin = typing.get_origin(tp)
    if origin in (types.UnionType, typing.Union):
        arms = [a for a in typing.get_args(tp) if a is not type(None)]
        return _converter(arms[0]) if len(arms) == 1 else _as_is
    if origin is list:
        return _list(_converter(typing.get_args(tp)[0]))
    if origin is dict:
        return _dict(_converter(typing.get_args(tp)[1]))
    if dataclasses.is_dataclass(tp):
        return _record(tp)
    if isinstance(tp, type) and issubclass(tp, StrEnum):
        return lambda v: None if v is None else member(tp, _text(v))
    simple = {str: _text, int: _int, float: _float, bool: _bool}.get(tp)
    if simple is not None:
        return simple
    if tp is Any:
        return _as_is
    raise TypeError(f"no reader for fields of type {tp!r}")


def _as_is(value: Any) -> Any:
    return value


def _list(item: Convert) -> Convert:
    def convert(value: Any) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            raise FieldError(f"must be a list, not {_kind(value)}")
        out = []
        for i, x in enumerate(value):
            try:
                out.append(item(x))
            except FieldError as exc:
                raise exc.at(f"[{i}]") from None
        return out

    return convert


def _dict(item: Convert) -> Convert:
    def convert(value: Any) -> dict | None:
        if value is None:
            return None
        if not isinstance(value, Mapping):
            raise FieldError(f"must be an object, not {_kind(value)}")
        out = {}
        for k, v in value.items():
            try:
                out[str(k)] = item(v)
            except FieldError as exc:
                raise exc.at(str(k)) from None
        return out

    return convert


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise FieldError(f"must be text, not {_kind(value)}")


def _int(value: Any) -> int | None:
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise FieldError(f"= {value!r} is not a finite number")  # a toll of 1e400 reads as inf
        if value.is_integer():
            return int(value)
    raise FieldError(f"must be a whole number, not {_kind(value)} {_short(value)}")


def _float(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):
            raise FieldError(f"= {value!r} is not a finite number")
        return value
    raise FieldError(f"must be a number, not {_kind(value)} {_short(value)}")


def _bool(value: Any) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise FieldError(f"must be true or false, not {_kind(value)} {_short(value)}")


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "a boolean"}.get(type(value), type(value).__name__)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"
