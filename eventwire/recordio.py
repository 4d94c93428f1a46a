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

Convert = Callable[[Any, str], Any]


def read(cls: type, data: Any) -> Any:
    """The `cls` record of `data` (a dict; a record of `cls` is returned as it is)."""
    if isinstance(data, cls):
        return data
    return _record(cls)(data, "")


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


def _at(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


@functools.cache
def _record(cls: type) -> Convert:
    hints = typing.get_type_hints(cls)
    plan = []
    for f in dataclasses.fields(cls):
        if f.init:
            required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
            plan.append((f.name, _converter(hints[f.name]), required))

    def convert(data: Any, where: str) -> Any:
        if not isinstance(data, Mapping):
            raise ValueError(f"{where or cls.__name__} must be an object, not {_kind(data)}")
        kwargs = {}
        for name, conv, required in plan:
            if name in data:
                kwargs[name] = conv(data[name], _at(where, name))
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
        return _optional(_record(tp))
    if isinstance(tp, type) and issubclass(tp, StrEnum):
        return _optional(lambda v, w: member(tp, _text(v, w)))
    simple = {str: _text, int: _int, float: _float, bool: _bool}.get(tp)
    if simple is not None:
        return _optional(simple)
    if tp is Any:
        return _as_is
    raise TypeError(f"no reader for fields of type {tp!r}")


def _optional(conv: Convert) -> Convert:
    return lambda v, w: None if v is None else conv(v, w)


def _as_is(value: Any, where: str) -> Any:
    return value


def _list(item: Convert) -> Convert:
    def convert(value: Any, where: str) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            raise ValueError(f"{where} must be a list, not {_kind(value)}")
        return [item(x, f"{where}[{i}]") for i, x in enumerate(value)]

    return convert


def _dict(item: Convert) -> Convert:
    def convert(value: Any, where: str) -> dict | None:
        if value is None:
            return None
        if not isinstance(value, Mapping):
            raise ValueError(f"{where} must be an object, not {_kind(value)}")
        return {str(k): item(v, f"{where}.{k}") for k, v in value.items()}

    return convert


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{where} must be text, not {_kind(value)}")
    return value


def _int(value: Any, where: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{where} = {value!r} is not a finite number")  # a toll of 1e400 reads as inf
        if value.is_integer():
            return int(value)
    raise ValueError(f"{where} must be a whole number, not {_kind(value)} {_short(value)}")


def _float(value: Any, where: str) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(f"{where} = {value!r} is not a finite number")
        return value
    raise ValueError(f"{where} must be a number, not {_kind(value)} {_short(value)}")


def _bool(value: Any, where: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise ValueError(f"{where} must be true or false, not {_kind(value)} {_short(value)}")


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "a boolean"}.get(type(value), type(value).__name__)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"
