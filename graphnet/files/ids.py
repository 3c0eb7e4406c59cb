"""Ids: the rules for an id, written once for the loader and for every write.

Every person, organization and group has an id, unique across the whole folder. An id
written explicitly is kept exactly as typed, but may not have spaces at its ends or
control characters, and may not be ``me`` (your own id); an id left out is made from
the name (:func:`graphnet.model.slugify`). See docs/format.md, "Ids and references".
"""

from __future__ import annotations

from ..model import ME, Source, slugify

__all__ = ["IdRegistry", "default_id", "id_problem"]


def id_problem(value: str) -> str | None:
    """What is wrong with ``value`` as an explicit id, and what to do; None when it is a good id."""
    if value != value.strip() or any(ord(c) < 32 or c == "\x7f" for c in value):
        return f"the id '{value}' has spaces at its ends or control characters; remove them"
    if value == ME:
        return "the id 'me' is reserved for you; choose another id"
    return None


def default_id(name: str) -> str | None:
    """The id made from ``name`` (``Ada Lovelace`` -> ``ada-lovelace``); None when none can be made."""
    slug = slugify(name)
    return slug if slug and slug != ME else None


class IdRegistry:
    """The ids declared so far, each with the kind of record and the place that declared it."""

    def __init__(self) -> None:
        self._owners: dict[str, tuple[str, Source]] = {}

    def claim(self, ident: str, kind: str, source: Source) -> tuple[str, Source] | None:
        """Declare ``ident`` for a ``kind`` written at ``source``; the first owner when it is taken."""
        first = self._owners.get(ident)
        if first is None:
            self._owners[ident] = (kind, source)
        return first

    def owner(self, ident: str) -> tuple[str, Source] | None:
        """(kind, source) of the record that declared ``ident``, if one did."""
        return self._owners.get(ident)
