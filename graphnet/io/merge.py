"""Matching imported contacts with the network and with each other, and giving new ones ids.

A contact is the same person as a record of the network (or an earlier row of the
same export) when they share a URL, or an e-mail (unless their LinkedIn URLs differ),
or, for a record a LinkedIn import wrote and a row without URL, a name and the date we
connected. A name and an organization alone never merge two records: they are reported
as a suggestion. See ``docs/import-export.md`` for the rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem
from ..model import ME, Network, org_key, slugify
from ..orgnames import OrganizationNames, is_not_organization
from .contacts import Contact, Merged, Related, norm_email, norm_name, norm_url

__all__ = ["OrgResolver", "Planned", "Planner", "unique"]


def unique(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


class OrgResolver:
    """Which organization a company name means, and the text that makes the loader agree."""

    def __init__(self, net: Network, taken: set[str]) -> None:
        self.net = net
        self.taken = taken
        self.ids = set(net.organizations)
        self.exact: dict[str, str] = {}
        self.keys: dict[str, str] = {}
        #: What the loader makes of a name written in the new file.
        self.loader_names = OrganizationNames(net.organizations)
        for org in net.organizations.values():
            self.exact.setdefault(org.id.casefold(), org.id)
            for text in (org.name, *org.aliases):
                self.exact.setdefault(text.strip().casefold(), org.id)
            for text in (org.name, *org.aliases):
                key = org_key(text)
                if key:
                    self.keys.setdefault(key, org.id)
        #: org_key -> (canonical text, id) of organizations new in this import
        self.new: dict[str, tuple[str, str]] = {}
        #: organizations that must be declared in the new file: id -> name
        self.declared: dict[str, str] = {}
        self.new_ids: set[str] = set()
        self.resolved: dict[str, tuple[str, str]] = {}

    def existing(self, text: str) -> str | None:
        """The id of the existing organization ``text`` names, if any."""
        if text in self.ids:
            return text
        folded = text.strip().casefold()
        found = self.exact.get(folded)
        if found is not None:
            return found
        slug = slugify(text)
        if slug in self.ids:
            return slug
        key = org_key(text)
        return self.keys.get(key) if key else None

    def text_for(self, org_id: str) -> str:
        """What to write as ``org:`` to mean ``org_id``: its name when that is unambiguous."""
        name = self.net.organizations[org_id].name
        return name if self.loader_names.find(name) == org_id else org_id

    def declare(self, name: str) -> str:
        """A new organization declared in the new file (an organization card, or a clash)."""
        ident = unique(slugify(name) or "organization", self.taken)
        self.taken.add(ident)
        self.declared[ident] = name
        self.new_ids.add(ident)
        key = org_key(name) or f"\0{name.casefold()}"
        self.new.setdefault(key, (name, ident))
        return ident

    def resolve(self, text: str) -> tuple[str, str]:
        """(id, text to write) for the company ``text``, creating a new organization if needed."""
        known = self.resolved.get(text)
        if known is None:
            known = self.resolved[text] = self._resolve(text)
        return known

    def _resolve(self, text: str) -> tuple[str, str]:
        found = self.existing(text)
        if found is not None:
            return found, self.text_for(found)
        key = org_key(text) or f"\0{text.strip().casefold()}"
        known = self.new.get(key)
        if known is not None:
            return known[1], known[0]
        canonical = text.strip()
        slug = slugify(canonical)
        if slug and slug not in self.taken:
            # The loader creates this organization from the name (an undeclared organization).
            self.taken.add(slug)
            self.new_ids.add(slug)
            self.new[key] = (canonical, slug)
            return slug, canonical
        ident = self.declare(canonical)
        return ident, canonical


@dataclass
class Planned:
    contact: Contact
    id: str
    org_id: str | None = None
    org_text: str | None = None
    knows: list[tuple[str, str | None]] = field(default_factory=list)
    members: list[str] = field(default_factory=list)


class Planner:
    """Matches contacts with the network and with each other, and gives new ones ids."""

    def __init__(self, net: Network, shown: str, strength: int, kind: str = "") -> None:
        self.net = net
        self.kind = kind
        self.shown = shown
        self.strength = strength
        self.taken: set[str] = {ME, *net.people, *net.organizations, *net.groups}
        self.orgs = OrgResolver(net, self.taken)
        self.problems: list[Problem] = []
        self.merged: list[Merged] = []
        self.planned: list[Planned] = []
        self.by_email: dict[str, str] = {}
        self.by_url: dict[str, str] = {}
        self.by_name: dict[str, list[str]] = {}
        #: (name, connected) -> id of the records an import of this kind wrote (older exports have no URL).
        self.by_name_connected: dict[tuple[str, Any], str] = {}
        #: Same name (and organization) as someone else, not merged: ``{"row", "id", "name", "like", "where"}``.
        self.suggested: list[dict[str, Any]] = []
        #: Contacts matched with a record of the network: (contact, id).
        self.matched: list[tuple[Contact, str]] = []
        for person in net.people.values():
            for email in person.emails:
                self.by_email.setdefault(norm_email(email), person.id)
            if person.url:
                self.by_url.setdefault(norm_url(person.url), person.id)
            key = norm_name(person.name)
            self.by_name.setdefault(key, []).append(person.id)
            if person.imported == kind and person.connected is not None:
                self.by_name_connected.setdefault((key, person.connected), person.id)
        # the same keys for contacts new in this import: key -> planned index
        self.new_email: dict[str, int] = {}
        self.new_url: dict[str, int] = {}
        self.new_names: dict[str, list[int]] = {}
        self.new_uids: dict[str, str] = {}  # vCard UID -> id (new or existing)
        self.contact_ids: list[tuple[Contact, str]] = []  # every contact and the id it ended as
        # id(contact) -> (org id, text to write); no id for "Self-employed" and the like (graphnet.orgnames)
        self.org_of: dict[int, tuple[str | None, str]] = {}

    def same_value(self, key: str, mine: str | None, theirs: str | None) -> bool:
        """Whether two values of a field an import writes mean the same (see graphnet.io.reimport)."""
        if mine == theirs:  # most values of a re-import: nothing to normalise
            return True
        if key == "org":
            if mine is None or theirs is None:
                other = theirs if mine is None else mine
                return other is None or is_not_organization(other, self.net.me.not_organizations)
            found = self.orgs.existing(mine)
            return org_key(mine) == org_key(theirs) or (found is not None and found == self.orgs.existing(theirs))
        if mine is None or theirs is None:
            return mine == theirs
        if key == "email":
            return norm_email(mine) == norm_email(theirs)
        if key == "url":
            return norm_url(mine) == norm_url(theirs)
        return norm_name(mine) == norm_name(theirs)

    def warn(self, row: int, message: str) -> None:
        self.problems.append(Problem(self.shown, row, 0, "warning", message))

    def run(self, contacts: Sequence[Contact]) -> None:
        # Organizations first: their names are the canonical spellings, and their ids are taken
        # before people's, so that "Jane Doe" the freelancer's company keeps the id 'jane-doe'.
        for contact in contacts:
            if contact.kind == "organization":
                self.organization(contact)
        for contact in contacts:
            if contact.kind == "person" and contact.org is not None:
                if is_not_organization(contact.org, self.net.me.not_organizations):
                    self.org_of[id(contact)] = (None, contact.org)
                else:
                    self.org_of[id(contact)] = self.orgs.resolve(contact.org)
        for contact in contacts:
            if contact.kind == "person":
                self.person(contact)
        for contact in contacts:
            if contact.kind == "group":
                self.group(contact)
        self.link()

    def organization(self, contact: Contact) -> None:
        found = self.orgs.existing(contact.name)
        if found is not None:
            org = self.net.organizations[found]
            missing = {}
            if contact.notes and not org.notes:
                missing["notes"] = contact.notes
            self.merged.append(
                Merged(contact.row, found, org.name, "same organization name", str(org.source), "organization", missing)
            )
            return
        key = org_key(contact.name) or f"\0{contact.name.casefold()}"
        known = self.orgs.new.get(key)
        if known is not None:
            self.merged.append(
                Merged(
                    contact.row,
                    known[1],
                    known[0],
                    "same organization earlier in this file",
                    "new in this import",
                    "organization",
                )
            )
            return
        ident = self.orgs.declare(contact.name)
        self.planned.append(Planned(contact, ident))

    def group(self, contact: Contact) -> None:
        folded = norm_name(contact.name)
        for group in self.net.groups.values():
            if norm_name(group.name) == folded:
                self.merged.append(
                    Merged(contact.row, group.id, group.name, "same group name", str(group.source), "group")
                )
                self.contact_ids.append((contact, group.id))
                return
        ident = unique(slugify(contact.name) or "group", self.taken)
        self.taken.add(ident)
        self.planned.append(Planned(contact, ident))
        self.contact_ids.append((contact, ident))

    def _existing_match(self, contact: Contact) -> tuple[str, str] | None:
        people = self.net.people
        for url in contact.urls:
            found = self.by_url.get(norm_url(url))
            if found:
                return found, "same URL"
        for email in contact.emails:
            found = self.by_email.get(norm_email(email))
            if found and not _urls_differ(contact.urls, [u for u in (people[found].url,) if u]):
                return found, "same e-mail"
        if contact.connected is not None and not contact.urls:
            for name in (contact.name, *contact.other_names):
                found = self.by_name_connected.get((norm_name(name), contact.connected))
                if found and not _emails_differ(contact.emails, people[found].emails):
                    return found, "same name and connection date"
        return None

    def _new_match(self, contact: Contact) -> tuple[int, str] | None:
        for url in contact.urls:
            found = self.new_url.get(norm_url(url))
            if found is not None:
                return found, "same URL"
        for email in contact.emails:
            found = self.new_email.get(norm_email(email))
            if found is not None and not _urls_differ(contact.urls, self.planned[found].contact.urls):
                return found, "same e-mail"
        return None

    def _suggest(self, contact: Contact, ident: str, org_id: str | None) -> None:
        """Note the records the new one shares a name with (and, for new ones, an organization): not merged."""
        key = norm_name(contact.name)
        alike = [o for n in (contact.name, *contact.other_names) for o in self.by_name.get(norm_name(n), [])]
        for other in list(dict.fromkeys(alike))[:3]:
            person = self.net.people[other]
            if person.imported == self.kind and self.kind:
                continue  # another connection of the same name: LinkedIn lists each once
            at = f" at {self.net.name_of(person.org)}" if person.org else ""
            self.suggested.append(
                {"row": contact.row, "id": ident, "name": contact.name, "like": other, "where": str(person.source)}
            )
            self.warn(
                contact.row,
                f"{contact.name} has the name of '{other}'{at} already in the network, but no e-mail or URL in "
                f"common; added as '{ident}', not merged. If they are one person: graphnet merge {other} {ident}",
            )
        if org_id is not None:
            for index in self.new_names.get(key, []):
                first = self.planned[index]
                if first.org_id == org_id:
                    self.suggested.append(
                        {"row": contact.row, "id": ident, "name": contact.name, "like": first.id, "where": "this file"}
                    )
                    break

    def person(self, contact: Contact) -> None:
        org_id, org_text = self.org_of.get(id(contact), (None, None))
        existing = self._existing_match(contact)
        if existing is not None:
            ident, reason = existing
            self.merged.append(self._merge_existing(contact, ident, reason, org_id))
            self.contact_ids.append((contact, ident))
            self.matched.append((contact, ident))
            return
        earlier = self._new_match(contact)
        if earlier is not None:
            index, reason = earlier
            first = self.planned[index]
            self._fill(first, contact)
            self.merged.append(
                Merged(
                    contact.row,
                    first.id,
                    first.contact.name,
                    f"{reason} as row {first.contact.row} of this file",
                    "new in this import",
                )
            )
            self.contact_ids.append((contact, first.id))
            return
        key = norm_name(contact.name)
        base = slugify(contact.name) or "contact"
        ident = unique(base, self.taken)
        self.taken.add(ident)
        self._suggest(contact, ident, org_id)
        index = len(self.planned)
        planned = Planned(contact, ident, org_id, org_text)
        self.planned.append(planned)
        self.contact_ids.append((contact, ident))
        for email in contact.emails:
            self.new_email.setdefault(norm_email(email), index)
        for url in contact.urls:
            self.new_url.setdefault(norm_url(url), index)
        self.new_names.setdefault(key, []).append(index)

    def _fill(self, first: Planned, other: Contact) -> None:
        """A duplicate row of the same file completes the first one's empty fields."""
        target = first.contact
        for name in ("role", "department", "email", "phone", "url", "notes", "met", "connected"):
            if getattr(target, name) is None and getattr(other, name) is not None:
                setattr(target, name, getattr(other, name))
        if first.org_id is None and other.org is not None:
            first.org_id, first.org_text = self.org_of[id(other)]
        for name in ("tags", "circles"):
            values = getattr(target, name)
            values.extend(v for v in getattr(other, name) if v not in values)
        target.emails.extend(e for e in other.emails if e not in target.emails)
        target.urls.extend(u for u in other.urls if u not in target.urls)
        target.related.extend(other.related)

    def _merge_existing(self, contact: Contact, ident: str, reason: str, org_id: str | None) -> Merged:
        person = self.net.people[ident]
        missing: dict[str, Any] = {}
        differs: dict[str, tuple[Any, Any]] = {}
        if contact.org is not None and not is_not_organization(contact.org, self.net.me.not_organizations):
            if person.org is None:
                missing["org"] = contact.org
            elif org_id != person.org:
                differs["org"] = (self.net.name_of(person.org), contact.org)
        for name in ("role", "department", "email", "phone", "url", "notes", "met", "connected"):
            mine = getattr(person, name)
            theirs = getattr(contact, name)
            if theirs is None:
                continue
            if mine is None:
                missing[name] = theirs
            elif _differ(name, mine, theirs):
                differs[name] = (mine, theirs)
        for name in ("tags", "circles"):
            have = {v.casefold() for v in getattr(person, name)}
            extra = [v for v in getattr(contact, name) if v.casefold() not in have]
            if extra:
                missing[name] = extra
        merged = Merged(contact.row, ident, person.name, reason, str(person.source), "person", missing, differs)
        merged.imported = person.imported is not None
        return merged

    def _target(self, related: Related) -> str | None:
        """The id a RELATED/MEMBER/Relation reference names, if known."""
        if related.how == "uid":
            return self.new_uids.get(related.value)
        if related.how == "email":
            found = self.by_email.get(related.value)
            if found is None and related.value in self.new_email:
                found = self.planned[self.new_email[related.value]].id
            return found
        if related.how == "url":
            key = norm_url(related.value)
            found = self.by_url.get(key)
            if found is None and key in self.new_url:
                found = self.planned[self.new_url[key]].id
            return found
        key = norm_name(related.value)
        new = self.new_names.get(key, [])
        if len(new) == 1:
            return self.planned[new[0]].id
        existing = self.by_name.get(key, [])
        if len(existing) == 1 and not new:
            return existing[0]
        ident = related.value.strip()
        return ident if ident in self.net.people else None

    def link(self) -> None:
        """Resolve RELATED / Relation references into ``knows``, and MEMBER into members."""
        for contact, ident in self.contact_ids:
            if contact.uid:
                self.new_uids.setdefault(contact.uid, ident)
        planned_by_id = {p.id: p for p in self.planned}
        merged_by_row = {(m.row, m.id): m for m in self.merged}
        for contact, ident in self.contact_ids:
            planned = planned_by_id.get(ident)
            for related in contact.related:
                self._relate(contact, ident, related, planned, merged_by_row.get((contact.row, ident)))
            if contact.kind == "group":
                for member in contact.members:
                    target = self._target(member)
                    if target is None:
                        self.warn(contact.row, f"member '{member.value}' of {contact.name} is not known; left out")
                    elif planned is not None and target not in planned.members:
                        planned.members.append(target)

    def _relate(
        self, contact: Contact, ident: str, related: Related, planned: Planned | None, merged: Merged | None
    ) -> None:
        """One RELATED reference of ``contact`` (now ``ident``): a ``knows`` of the new person, or one the
        merged person's record lacks."""
        target = self._target(related)
        if target is None:
            self.warn(
                contact.row,
                f"{contact.name}'s related '{related.value}'"
                + (f" ({related.label})" if related.label else "")
                + " is neither in the network nor in this file; not linked",
            )
            return
        if target == ident:
            return
        if planned is not None:  # the new person (or a duplicate row of them)
            if all(t != target for t, _ in planned.knows):
                planned.knows.append((target, related.label))
            return
        person = self.net.people.get(ident)
        if merged is not None and person is not None and all(t.other != target for t in person.knows):
            known = merged.missing.setdefault("knows", [])
            if target not in known:
                known.append(target)


def _urls_differ(mine: Sequence[str], theirs: Sequence[str]) -> bool:
    """Both sides have a LinkedIn URL and none is the other's: two profiles, two people."""
    ours = {norm_url(u) for u in mine if "linkedin.com" in norm_url(u)}
    others = {norm_url(u) for u in theirs if "linkedin.com" in norm_url(u)}
    return bool(ours) and bool(others) and ours.isdisjoint(others)


def _emails_differ(mine: Sequence[str], theirs: Sequence[str]) -> bool:
    """Both sides have e-mails and none is the other's."""
    ours, others = {norm_email(e) for e in mine}, {norm_email(e) for e in theirs}
    return bool(ours) and bool(others) and ours.isdisjoint(others)


def _differ(name: str, mine: Any, theirs: Any) -> bool:
    if name in ("role", "department"):
        return norm_name(mine) != norm_name(theirs)
    if name == "email":
        return norm_email(mine) != norm_email(theirs)
    if name == "url":
        return norm_url(mine) != norm_url(theirs)
    return False
