"""Checks that need the whole network, as pure functions in a list.

Each validator takes ``(network, references, today)`` and returns problems; it
never changes the network. ``load`` runs every function in :data:`VALIDATORS`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from ..errors import Problem, did_you_mean
from ..model import ME, Network, org_key
from ..orgnames import LookAlike, alias_fix, look_alikes, people_counts
from .loader import Reference

__all__ = ["VALIDATORS", "check_org_lookalikes", "check_org_variants", "check_references", "describe_variant"]

Validator = Callable[[Network, list[Reference], date], Iterable[Problem]]

_KIND_NAMES = {"person": "person", "me": "'me'", "group": "group"}


def check_references(net: Network, references: list[Reference], today: date) -> Iterable[Problem]:
    """Every id written in a reference names a record of the right kind."""
    people_names: dict[str, str] | None = None
    people, groups = net.people, net.groups
    for value, kinds, where_path, path, line, column in references:
        if value in people and "person" in kinds:
            continue
        if value == ME and "me" in kinds:
            continue
        if value in groups and "group" in kinds:
            continue
        expected = " or ".join(_KIND_NAMES[k] for k in kinds)
        where = f"{where_path}: "
        if value == ME:
            message = f"{where}'me' is not allowed here; name a {expected}"
        elif value in net.organizations:
            message = f"{where}'{value}' is an organization, not a {expected}"
        elif value in groups:
            message = f"{where}'{value}' is a group, not a {expected}"
        else:
            if people_names is None:
                people_names = {p.id: p.name for p in people.values()}
            hint = did_you_mean(value, people_names)
            found = net.find_person(value)
            if found is not None and found != value and not hint:
                hint = f"did you mean '{found}' ({people[found].name})? references use ids"
            message = f"{where}unknown {expected} '{value}'" + (
                f"; {hint}" if hint else "; add them under people: first, or fix the id"
            )
        yield Problem(path, line, column, "error", message)


def check_org_lookalikes(net: Network, references: list[Reference], today: date) -> Iterable[Problem]:
    """Two organizations whose names differ only in case, punctuation or a suffix."""
    first: dict[str, str] = {}
    counts: dict[str, int] | None = None
    for org in net.organizations.values():
        keys = {org_key(org.name)} | {org_key(a) for a in org.aliases}
        for key in keys:
            if not key:
                continue
            other_id = first.setdefault(key, org.id)
            if other_id == org.id:
                continue
            counts = people_counts(net) if counts is None else counts
            pair = LookAlike(org.id, other_id, "the names differ only in case, punctuation or a legal suffix")
            source = org.source
            yield Problem(source.path, source.line, source.column, "warning", describe_variant(net, pair, counts))
            break


def _people(n: int) -> str:
    return f"{n} {'person' if n == 1 else 'people'}"


def describe_variant(net: Network, pair: LookAlike, counts: dict[str, int]) -> str:
    """The warning about one pair of look-alike organizations, with the fix."""
    variant, main = net.organizations[pair.variant], net.organizations[pair.main]
    return (
        f"the organization '{variant.name}' ({variant.id}, {_people(counts.get(variant.id, 0))}) looks like "
        f"'{main.name}' ({main.id}, {_people(counts.get(main.id, 0))}): {pair.how}; did you mean '{main.name}'? "
        f"If they are one organization: {alias_fix(net, pair)}; if they are two, declare both under organizations:"
    )


def check_org_variants(net: Network, references: list[Reference], today: date) -> Iterable[Problem]:
    """Organizations whose names contain, start with, abbreviate or formerly named another (graphnet.orgnames)."""
    counts = people_counts(net)
    for pair in look_alikes(net, counts):
        source = net.organizations[pair.variant].source
        yield Problem(source.path, source.line, source.column, "warning", describe_variant(net, pair, counts))


VALIDATORS: list[Validator] = [check_references, check_org_lookalikes, check_org_variants]
