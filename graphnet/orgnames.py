"""Organizations as people write them: what is no organization, and names that look like one.

LinkedIn profiles name one employer many ways ("Google", "Google Cloud", "Alphabet";
"Amazon Web Services (AWS)", "AWS"; "Ernst & Young", "EY") and fill the company of
people without one with words that are no organization at all ("Self-employed",
"Stealth", "Retired"). This module holds both rules, so the loader, ``check``, the
importers and ``path`` apply the same ones (docs/format.md, "Organizations").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .model import Network, Organization, org_key, slugify

__all__ = [
    "FORMER_NAMES",
    "NOT_ORGANIZATIONS",
    "LookAlike",
    "OrganizationNames",
    "alias_clashes",
    "alias_fix",
    "is_not_organization",
    "look_alikes",
    "near_names",
    "people_counts",
]

#: Company names that say there is no employer (compared by :func:`graphnet.model.slugify`).
#: ``not_organizations`` under ``me:`` adds names; an organization declared under
#: ``organizations:`` is always one, whatever its name.
NOT_ORGANIZATIONS = (
    "Self-employed",
    "Self employment",
    "Self",
    "Freelance",
    "Freelancer",
    "Freelancing",
    "Independent",
    "Independent Consultant",
    "Independent Contractor",
    "Stealth",
    "Stealth Mode",
    "Stealth Startup",
    "Stealth Mode Startup",
    "Retired",
    "Unemployed",
    "Career Break",
    "Sabbatical",
    "Open to Work",
    "Looking for opportunities",
    "Confidential",
    "Various",
    "None",
    "N/A",
)
_NOT_ORGANIZATION_KEYS = frozenset(slugify(name) for name in NOT_ORGANIZATIONS)

#: Organizations known by another (former or parent) name: each key's spellings meet under the value.
FORMER_NAMES: dict[str, str] = {
    "Facebook": "Meta",
    "Ernst & Young": "EY",
    "Twitter": "X",
    "Google": "Alphabet",
    "Square": "Block",
    "Andersen Consulting": "Accenture",
    "PricewaterhouseCoopers": "PwC",
    "Price Waterhouse": "PwC",
    "Hewlett-Packard": "HP",
}

_PARENTHESIS = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")
_CAPITALS = re.compile(r"[A-Z][A-Z&.]{1,7}")
_SMALL_WORDS = frozenset({"of", "and", "the", "for", "de", "der", "und", "et"})


class OrganizationNames:
    """Which organization a name written in the files means: the loader's rule, written once.

    An organization is named (by ``org``, ``past_orgs``, ``competitors``, ``targets``) by
    its id, exactly; else by its name or one of its aliases, in any case, ignoring spaces
    at the ends; else by a text whose slug is its id (``Globex Corp`` names ``globex-corp``).
    A text naming none of them makes an implicit organization whose id is its slug
    (docs/format.md), unless it names no organization at all (:func:`is_not_organization`).
    The loader resolves every mention with this class, and the importers use it to know
    what the loader will make of a name they write.

    Parameters
    ----------
    organizations : mapping of id to Organization
        Read, not copied: organizations added to it later are found by id and slug,
        and by name once :meth:`add` is called.
    """

    def __init__(self, organizations: Mapping[str, Organization]) -> None:
        self.organizations = organizations
        self._by_name: dict[str, str] = {}
        for org in organizations.values():
            for text in (org.name, *org.aliases):
                self.add(text, org.id)

    def add(self, text: str, ident: str) -> None:
        """Let ``text`` name the organization ``ident`` (unless it names another one already)."""
        self._by_name.setdefault(text.strip().casefold(), ident)

    def find(self, text: str) -> str | None:
        """The id of the organization ``text`` names, or None when it would make a new one."""
        if text in self.organizations:
            return text
        found = self._by_name.get(text.strip().casefold())
        if found is not None:
            return found
        slug = slugify(text)
        return slug if slug in self.organizations else None


def alias_clashes(organizations: Iterable[Organization]) -> list[tuple[Organization, int, str]]:
    """Every alias that would name two organizations: ``(organization, alias index, why)``.

    An alias must name one organization only: it may not be another organization's id,
    name or alias (compared as :class:`OrganizationNames` compares them: any case, spaces
    at the ends ignored; ids exactly). Names are claimed first, then aliases in reading
    order, so the later of two equal aliases is the one reported.
    """
    organizations = list(organizations)
    ids = {org.id for org in organizations}
    owner: dict[str, tuple[str, str]] = {}
    for org in organizations:
        owner.setdefault(org.name.strip().casefold(), (org.id, "the name"))
    clashes: list[tuple[Organization, int, str]] = []
    for org in organizations:
        for index, alias in enumerate(org.aliases):
            folded = alias.strip().casefold()
            other = owner.get(folded)
            if alias in ids and alias != org.id:
                clashes.append((org, index, f"the alias '{alias}' is the id of the organization '{alias}'"))
            elif other is not None and other[0] != org.id:
                clashes.append(
                    (org, index, f"the alias '{alias}' is already {other[1]} of the organization '{other[0]}'")
                )
            else:
                owner.setdefault(folded, (org.id, "an alias"))
    return clashes


def is_not_organization(text: str, extra: Iterable[str] = ()) -> bool:
    """True when a company name says there is no employer ("Self-employed", "Stealth", ...).

    Parameters
    ----------
    text : str
        The name as written.
    extra : iterable of str
        More such names (``me: not_organizations``).
    """
    key = slugify(text)
    if key in _NOT_ORGANIZATION_KEYS:
        return True
    return any(slugify(name) == key for name in extra)


@dataclass(frozen=True, slots=True)
class LookAlike:
    """Two organizations whose names look like one: ``variant`` probably means ``main``."""

    variant: str
    main: str
    #: ``contains``, ``prefix``, ``acronym`` or ``former name``, with the words that matched.
    how: str


def _names(net: Network, ident: str) -> list[str]:
    org = net.organizations[ident]
    return [org.name, *org.aliases]


def _words(name: str) -> list[str]:
    return [w for w in org_key(name).split("-") if w]


class _Index:
    """Organization keys (the words of :func:`org_key`) and written acronyms, for look-ups."""

    def __init__(self, net: Network) -> None:
        self.by_key: dict[str, set[str]] = {}
        self.by_compact: dict[str, set[str]] = {}
        self.by_acronym: dict[str, set[str]] = {}
        for org in net.organizations.values():
            for name in _names(net, org.id):
                for part in _parts(name):
                    words = _words(part)
                    if not words:
                        continue
                    self.by_key.setdefault("-".join(words), set()).add(org.id)
                    self.by_compact.setdefault("".join(words), set()).add(org.id)
                    if _CAPITALS.fullmatch(part.strip()):
                        self.by_acronym.setdefault(
                            part.strip().replace(".", "").replace("&", "").casefold(), set()
                        ).add(org.id)


def _parts(name: str) -> list[str]:
    """A name and, for ``Amazon Web Services (AWS)``, the two names it is made of."""
    match = _PARENTHESIS.match(name)
    if match and match.group(1).strip() and match.group(2).strip():
        return [name, match.group(1), match.group(2)]
    return [name]


def _initials(words: list[str]) -> str:
    kept = [w for w in words if w not in _SMALL_WORDS]
    return "".join(w[0] for w in kept) if len(kept) >= 2 else ""


def _candidates(net: Network, index: _Index, ident: str) -> Iterable[tuple[str, str]]:
    """(other id, how) for every organization whose name ``ident``'s names contain, start with, abbreviate."""
    for name in _names(net, ident):
        parts = _parts(name)
        if len(parts) == 3:
            for inner in parts[1:]:
                for other in index.by_key.get(org_key(inner), ()):
                    yield other, f"acronym in parentheses: '{name}'"
        words = _words(parts[1] if len(parts) == 3 else name)
        if len(words) > 8:
            continue
        yield from _contained(net, index, name, words)
        yield from _prefixes(net, index, name, words)
        initials = _initials(words)
        for other in index.by_acronym.get(initials, ()) if initials else ():
            yield other, f"'{net.organizations[other].name}' is the initials of '{name}'"
    for name in _names(net, ident):
        for other_key, was in _FORMER.get(org_key(name), ()):
            for other in index.by_key.get(other_key, ()):
                old, new = (name, net.organizations[other].name) if was else (net.organizations[other].name, name)
                yield other, f"'{old}' is now known as '{new}'"


def _contained(net: Network, index: _Index, name: str, words: list[str]) -> Iterable[tuple[str, str]]:
    """The organizations named by a run of ``words`` (of 3 letters or more), longest runs first."""
    for size in range(len(words) - 1, 0, -1):
        for start in range(len(words) - size + 1):
            run = words[start : start + size]
            if len("".join(run)) < 3:
                continue
            for other in index.by_key.get("-".join(run), ()):
                yield other, f"'{name}' contains '{net.organizations[other].name}'"


def _prefixes(net: Network, index: _Index, name: str, words: list[str]) -> Iterable[tuple[str, str]]:
    """The organizations whose name, run together, is how ``words`` start (``JPMorgan`` for J.P. Morgan ...)."""
    for size in range(1, len(words)):
        compact = "".join(words[:size])
        if len(compact) >= 4 and "-".join(words[:size]) not in index.by_key:
            for other in index.by_compact.get(compact, ()):
                yield other, f"'{name}' starts with '{net.organizations[other].name}'"


def _former_table() -> dict[str, list[tuple[str, bool]]]:
    """org_key -> (the other name's key, whether this key is the former name)."""
    table: dict[str, list[tuple[str, bool]]] = {}
    for old, new in FORMER_NAMES.items():
        table.setdefault(org_key(old), []).append((org_key(new), True))
        table.setdefault(org_key(new), []).append((org_key(old), False))
    return table


_FORMER = _former_table()


def look_alikes(net: Network, people: dict[str, int] | None = None) -> list[LookAlike]:
    """Pairs of organizations whose names look like one organization.

    Containment and prefix by whole words of :func:`graphnet.model.org_key` ("Google
    Cloud" contains "Google"; "JPMorgan Chase" starts with "J.P. Morgan"), an acronym in
    parentheses or made of the initials ("Amazon Web Services (AWS)", "Ernst & Young" for
    "EY"), and the known other names of :data:`FORMER_NAMES`. Two organizations both
    declared under ``organizations:`` are taken to be different and never paired.

    Parameters
    ----------
    net : Network
        A loaded network.
    people : dict, optional
        Organization id -> how many people are or were there; the one with more people
        is the ``main`` of a pair (default: counted from ``net``).

    Returns
    -------
    list of LookAlike
        One per pair, sorted by the variant's name.

    Notes
    -----
    O(Σ w²) for organizations of w words each (names of more than eight words are only
    compared whole), plus a dictionary look-up per word run.
    """
    counts = people if people is not None else people_counts(net)
    index = _Index(net)
    found: dict[tuple[str, str], str] = {}
    for ident in net.organizations:
        for other, how in _candidates(net, index, ident):
            if other == ident:
                continue
            if net.organizations[ident].declared and net.organizations[other].declared:
                continue
            pair = (ident, other) if ident < other else (other, ident)
            found.setdefault(pair, how)
    result = []
    for (first, second), how in found.items():
        # The one more people are at is the name they mean; a tie goes to the shorter name.
        main, variant = sorted((first, second), key=lambda o: (-counts.get(o, 0), len(net.organizations[o].name), o))
        result.append(LookAlike(variant, main, how))
    result.sort(key=lambda item: (net.organizations[item.variant].name.casefold(), item.main))
    return result


def people_counts(net: Network) -> dict[str, int]:
    """Organization id -> people who work or worked there."""
    counts: dict[str, int] = {}
    for person in net.people.values():
        places = {job.org for job in person.past_orgs}
        if person.org is not None:
            places.add(person.org)
        for place in places:
            counts[place] = counts.get(place, 0) + 1
    return counts


def _quote(text: str) -> str:
    """``text`` as one shell word."""
    if re.fullmatch(r"[\w.@/-]+", text):
        return text
    return "'" + text.replace("'", "'\"'\"'") + "'"


def alias_fix(net: Network, pair: LookAlike) -> str:
    """The one change that makes ``pair.variant`` a spelling of ``pair.main``."""
    main, variant = net.organizations[pair.main], net.organizations[pair.variant]
    if not main.declared and not variant.declared:
        return f"graphnet add org {_quote(main.name)} --alias {_quote(variant.name)}"
    if main.declared:
        return f"add '{variant.name}' to the aliases of {main.name} ({main.source})"
    return f"write '{main.name}' as '{variant.name}', or declare them as two organizations"


def near_names(net: Network, ident: str, pairs: list[LookAlike] | None = None) -> list[LookAlike]:
    """The look-alikes of organization ``ident`` (either side of a pair)."""
    pairs = look_alikes(net) if pairs is None else pairs
    return [p for p in pairs if ident in (p.main, p.variant)]
