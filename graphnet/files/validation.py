"""Checks that need the whole network, as pure functions in a list.

Each validator takes what the loader read (:class:`Loaded`: the network and every
reference written in it) and returns problems; it never changes the network. ``load`` runs every function in :data:`VALIDATORS`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..errors import Problem, did_you_mean, sort_problems
from ..model import ME, Network, Person, Reference, org_key
from ..orgnames import LookAlike, alias_fix, look_alikes, people_counts
from ..text import plural

__all__ = [
    "VALIDATORS",
    "Loaded",
    "check_label_typos",
    "check_org_lookalikes",
    "check_org_variants",
    "check_references",
    "describe_variant",
    "in_fix_order",
]


@dataclass(frozen=True)
class Loaded:
    """What the loader read: the network, and every id written where a record must be named."""

    net: Network
    references: list[Reference]


Validator = Callable[[Loaded], Iterable[Problem]]

_KIND_NAMES = {"person": "person", "me": "'me'", "group": "group"}
#: How an unknown-id problem reads (after its key path): the ones held back while a file is unreadable.
_UNKNOWN = ": unknown "


def check_references(loaded: Loaded) -> Iterable[Problem]:
    """Every id written in a reference names a record of the right kind."""
    net, references = loaded.net, loaded.references
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
            message = f"{where_path}{_UNKNOWN}{expected} '{value}'" + (
                f"; {hint}" if hint else "; add them under people: first, or fix the id"
            )
        yield Problem(path, line, column, "error", message)


def check_org_lookalikes(loaded: Loaded) -> Iterable[Problem]:
    """Two organizations whose names differ only in case, punctuation or a suffix."""
    net = loaded.net
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


def describe_variant(net: Network, pair: LookAlike, counts: dict[str, int]) -> str:
    """The warning about one pair of look-alike organizations, with the fix."""
    variant, main = net.organizations[pair.variant], net.organizations[pair.main]
    targeted = [org for org in (main, variant) if org.id in net.me.targets]
    other = {main.id: variant, variant.id: main}
    target_note = "".join(
        f" ({org.name} is one of your targets: paths and reach-outs to it leave {other[org.id].name} out)"
        for org in targeted
    )
    return (
        f"the organization '{variant.name}' ({variant.id}, {plural(counts.get(variant.id, 0))}) looks like "
        f"'{main.name}' ({main.id}, {plural(counts.get(main.id, 0))}): {pair.how}; did you mean '{main.name}'?"
        f"{target_note} If they are one organization: {alias_fix(net, pair)}; if they are two, declare both "
        "under organizations:"
    )


def check_org_variants(loaded: Loaded) -> Iterable[Problem]:
    """Organizations whose names contain, start with, abbreviate or formerly named another (graphnet.orgnames)."""
    net = loaded.net
    counts = people_counts(net)
    for pair in look_alikes(net, counts):
        source = net.organizations[pair.variant].source
        yield Problem(source.path, source.line, source.column, "warning", describe_variant(net, pair, counts))


def _one_edit_apart(a: str, b: str) -> bool:
    """One insertion, deletion, substitution or swap of neighbours turns ``a`` into ``b``."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


#: A circle or tag used at most this share as often as a one-edit neighbour looks like a typo of it.
LABEL_TYPO_RATIO = 0.25


def check_label_typos(loaded: Loaded) -> Iterable[Problem]:
    """A circle or tag one edit away from a much more common one (``freinds`` next to ``friends``).

    Much more common: the rare one is used at most :data:`LABEL_TYPO_RATIO` times as often
    (and the common one at least twice). Names of three letters or fewer are left alone
    (``ml``/``ai`` differ by one letter and mean different things).
    """
    net = loaded.net
    for field_name in ("circles", "tags"):
        counts: dict[str, int] = {}
        first: dict[str, Person] = {}
        for person in net.people.values():
            for label in getattr(person, field_name):
                counts[label] = counts.get(label, 0) + 1
                first.setdefault(label, person)
        by_length: dict[int, list[str]] = {}
        for label in counts:
            by_length.setdefault(len(label), []).append(label)
        for label, count in counts.items():
            if len(label) <= 3:
                continue
            near = [
                other
                for n in (len(label) - 1, len(label), len(label) + 1)
                for other in by_length.get(n, ())
                if counts[other] >= 2 and count <= LABEL_TYPO_RATIO * counts[other] and _one_edit_apart(label, other)
            ]
            if not near:
                continue
            common = max(near, key=lambda o: (counts[o], o))
            source = first[label].source
            times = "once" if count == 1 else f"{count} times"
            yield Problem(
                source.path,
                source.line,
                source.column,
                "warning",
                f"{field_name[:-1]} '{label}' (used {times}) is one letter from '{common}' (used {counts[common]} times); "
                f"did you mean '{common}'? If it is a typo, write '{common}' instead",
            )


def in_fix_order(problems: list[Problem], unreadable: list[str]) -> list[Problem]:
    """Problems in the order they are fixed: files that cannot be read first.

    While a file cannot be read, its records are missing, so an id it declares looks
    unknown wherever it is named: such errors are held back, replaced by one line saying so.
    """
    if not unreadable:
        return sort_problems(problems)
    first = [p for p in problems if p.path in unreadable]
    held = [p for p in problems if p.path not in unreadable and _UNKNOWN in p.message and p.is_error]
    rest = [p for p in problems if p.path not in unreadable and not (_UNKNOWN in p.message and p.is_error)]
    ordered = sort_problems(first)
    if held:
        files = ", ".join(unreadable)
        ordered.append(
            Problem(
                unreadable[0],
                0,
                0,
                "error",
                f"{len(held)} unknown-id error(s) in other files are held back: the ids may be declared in "
                f"{files}, which could not be read; fix the error(s) above first, then run `graphnet check` again",
            )
        )
    return ordered + sort_problems(rest)


VALIDATORS: list[Validator] = [check_references, check_org_lookalikes, check_org_variants, check_label_typos]
