"""Imports from LinkedIn, vCard and Google Contacts into a new file of the network.

One module per format reads its export into contacts (:mod:`graphnet.io.linkedin`,
:mod:`graphnet.io.vcard`, :mod:`graphnet.io.google`, each on the row loop of
:mod:`graphnet.io.rows`); :mod:`graphnet.io.importing` matches them with the network
(:mod:`graphnet.io.merge`), writes the new file and verifies it. This module names
them all, and :data:`IMPORTERS` gives the command line one importer per format.
See ``docs/import-export.md``.
"""

from __future__ import annotations

from collections.abc import Callable

from .contacts import Added, Contact, ImportReport, Merged, describe_merge, norm_email, norm_name, norm_url
from .google import import_google, parse_google
from .importing import import_contacts
from .linkedin import import_linkedin, parse_connected_on, parse_linkedin
from .vcard import import_vcard, parse_vcard

__all__ = [
    "IMPORTERS",
    "Added",
    "Contact",
    "ImportReport",
    "Merged",
    "describe_merge",
    "import_contacts",
    "import_google",
    "import_linkedin",
    "import_vcard",
    "norm_email",
    "norm_name",
    "norm_url",
    "parse_connected_on",
    "parse_google",
    "parse_linkedin",
    "parse_vcard",
]

#: Format name (as ``graphnet import FORMAT`` takes it) -> its importer.
IMPORTERS: dict[str, Callable[..., ImportReport]] = {
    "linkedin": import_linkedin,
    "vcard": import_vcard,
    "google": import_google,
}
