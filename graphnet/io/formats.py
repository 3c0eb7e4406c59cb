"""The export formats, named apart from the writers so the command line can offer them without loading NetworkX."""

from __future__ import annotations

__all__ = ["EXPORT_FORMATS"]

#: ``graphml`` (Gephi, Cytoscape, yEd), ``gexf`` (Gephi), ``json`` (node-link) and ``csv`` (Neo4j import).
EXPORT_FORMATS = ("graphml", "gexf", "json", "csv")
