"""The import and export formats, named apart from their readers and writers so the command line can offer
them without loading NetworkX or vobject."""

from __future__ import annotations

__all__ = ["CONTACT_STRENGTHS", "EXPORT_FORMATS"]

#: ``graphml`` (Gephi, Cytoscape, yEd), ``gexf`` (Gephi), ``json`` (node-link) and ``csv`` (Neo4j import).
EXPORT_FORMATS = ("graphml", "gexf", "json", "csv")

#: Each contact import's format -> the declared strength of the people it adds (``strength`` overrides it):
#: a LinkedIn connection is often someone met once; an address book holds acquaintances.
CONTACT_STRENGTHS = {"linkedin": 1, "vcard": 2, "google": 2}
