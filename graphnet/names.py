"""People named as people type them: the one resolver every command uses.

A person may be named by

1. their id (``katrin-braun``), or ``me``;
2. their full name (``Katrin Braun``);
3. their first name, when exactly one person has it (``Katrin``);
4. the start of their name or id, when exactly one person's matches (``Katrin B``, ``katr``);

always ignoring case and accents (``zoe`` finds ``Zoë``). The first rule that matches
anyone decides: when it matches several people the name is ambiguous, and the error
lists every candidate (a write then writes nothing). See ``docs/writing.md``.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from .errors import GraphnetError, did_you_mean

if TYPE_CHECKING:
    from .model import Network

__all__ = ["ME", "AmbiguousName", "find_person", "fold", "person_matches", "resolve_person"]

#: My own id in every file and answer (``graphnet.model.ME``): it is defined here, below the model,
#: so that the model's ``Network.find_person`` can use this resolver without an import cycle.
ME = "me"

#: How many candidates an ambiguity message lists before saying "and N more".
MAX_LISTED = 20


class AmbiguousName(GraphnetError):
    """A name that fits several people; ``candidates`` holds their ids."""

    def __init__(self, message: str, candidates: list[str]) -> None:
        super().__init__(message)
        self.candidates = candidates


def fold(text: str) -> str:
    """``text`` without case, accents or repeated spaces: ``" Zoë  Müller"`` -> ``"zoe muller"``."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def person_matches(net: Network, text: str) -> list[str]:
    """The ids of the people ``text`` names, by the first rule (module docstring) that matches anyone.

    ``me`` is returned for ``"me"``. An empty list: nobody matches; more than one: ambiguous.

    Notes
    -----
    O(P) for P people unless ``text`` is an id (O(1)).
    """
    if text in net.people or text == ME:
        return [text]
    wanted = fold(text)
    if not wanted:
        return []
    if wanted == ME:
        return [ME]
    by_id: list[str] = []
    by_name: list[str] = []
    by_first: list[str] = []
    by_prefix: list[str] = []
    for ident, person in net.people.items():
        folded_id = fold(ident)
        name = fold(person.name)
        if folded_id == wanted:
            by_id.append(ident)
        if name == wanted:
            by_name.append(ident)
        elif name.split(" ", 1)[0] == wanted:
            by_first.append(ident)
        if name.startswith(wanted) or folded_id.startswith(wanted):
            by_prefix.append(ident)
    for found in (by_id, by_name, by_first, by_prefix):
        if found:
            return found
    return []


def find_person(net: Network, text: str) -> str | None:
    """The id of the one person ``text`` names, or None (nobody, or several)."""
    found = person_matches(net, text.strip())
    return found[0] if len(found) == 1 else None


def _listed(net: Network, ids: list[str]) -> str:
    shown = []
    for ident in sorted(ids)[:MAX_LISTED]:
        person = net.people[ident]
        where = f", {net.name_of(person.org)}" if person.org else ""
        shown.append(f"'{ident}' ({person.name}{where})")
    more = len(ids) - MAX_LISTED
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def resolve_person(net: Network, text: str, what: str = "", *, allow_me: bool = True) -> str:
    """The id of the person named ``text``, or an error that says what to type instead.

    Parameters
    ----------
    net : Network
    text : str
        An id, a full name, a unique first name or a unique start of a name or id.
    what : str
        What is being named (a parameter in backquotes, e.g. ```by```), to start messages with.
    allow_me : bool
        Whether ``me`` is an acceptable answer.

    Raises
    ------
    AmbiguousName
        Several people fit; the message lists every one of them.
    GraphnetError
        Nobody fits (with a did-you-mean), or ``me`` where it is not allowed.
    """
    head = f"{what}: " if what else ""
    value = text.strip() if isinstance(text, str) else ""
    if not value:
        raise GraphnetError(f"{head}name a person (an id, a name, or the start of a name)")
    found = person_matches(net, value)
    if len(found) == 1:
        if found[0] == ME and not allow_me:
            raise GraphnetError(f"{head}'me' is not allowed here; name another person")
        return found[0]
    if found:
        raise AmbiguousName(
            f"{head}'{value}' fits {len(found)} people: {_listed(net, found)}; "
            "name one of them by id or full name; nothing was written",
            sorted(found),
        )
    if value in net.organizations or net.find_organization(value) is not None:
        raise GraphnetError(f"{head}'{value}' is an organization, not a person")
    if value in net.groups:
        raise GraphnetError(f"{head}'{value}' is a group, not a person")
    names = {p.id: p.name for p in net.people.values()}
    if allow_me:
        names[ME] = "you"
    hint = did_you_mean(value, names)
    raise GraphnetError(
        f"{head}unknown person '{value}'" + (f"; {hint}" if hint else "; add them first with `graphnet add person`")
    )
