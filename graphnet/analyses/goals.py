"""What I am after: the roles I look for (``me: looking_for``) and my target organizations.

One place decides whether a person matches what I look for, so that warm paths
(the insider's role), ``meet`` (whom to meet next) and any later answer agree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Network, Person

__all__ = ["RoleMatch", "role_match", "target_fit"]

#: Small words a role may or may not spell out: "VP Product" matches "VP of Product".
_FILLER = frozenset({"of", "and", "the", "for", "in", "at", "a", "an", "to"})
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class RoleMatch:
    """A person's role or department matching one phrase of ``looking_for``."""

    #: What matched, as written on the person ("VP Product").
    label: str
    #: The phrase of ``looking_for`` it matched ("VP Product").
    phrase: str

    @property
    def why(self) -> str:
        """``"VP Product: matches what you look for"``."""
        return f"{self.label}: matches what you look for"


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.casefold()) if w not in _FILLER)


def role_match(person: Person, looking_for: Sequence[str]) -> RoleMatch | None:
    """Whether ``person``'s role or department matches a phrase of ``looking_for``.

    Parameters
    ----------
    person : Person
        The person; their ``role`` is tried first, then their ``department``.
    looking_for : sequence of str
        Roles, functions, seniority or keywords, as written under ``me:``.

    Returns
    -------
    RoleMatch or None
        The most specific phrase matched (the one with the most words; the
        first written on a tie), or None.

    Notes
    -----
    A phrase matches a field when every word of the phrase appears in it as a
    whole word, in any case and order, small words such as "of" aside: "VP
    Product" matches "VP of Product" and "Product VP", "product" matches
    "Head of Product" and a department "Product", but "product" does not
    match "Production". O(phrases x words).
    """
    if not looking_for:
        return None
    best: tuple[int, int, RoleMatch] | None = None
    for field_rank, label in enumerate((person.role, person.department)):
        if not label:
            continue
        have = _words(label)
        for order, phrase in enumerate(looking_for):
            wanted = _words(phrase)
            if not wanted or not wanted <= have:
                continue
            key = (-len(wanted), field_rank * 1000 + order)
            if best is None or key < best[:2]:
                best = (*key, RoleMatch(label.strip(), phrase.strip()))
    return None if best is None else best[2]


def target_fit(net: Network, person: Person, insider_trust: float) -> tuple[float, str | None]:
    """How far ``person`` is at one of my targets: 1 there now, ``insider_trust`` formerly, else 0.

    Returns the factor and the target organization id (None when at none).
    """
    targets = net.me.targets
    if not targets:
        return 0.0, None
    if person.org in targets:
        return 1.0, person.org
    for job in person.past_orgs:
        if job.org in targets:
            return insider_trust, job.org
    return 0.0, None
