"""Exports of the network as a graph file: GraphML, GEXF, node-link JSON, Neo4j CSV.

Every format carries the same graph: the nodes (``me``, people, organizations,
groups) with their attributes, and the typed edges with their computed tie
``weight`` (from :mod:`graphnet.strength`), ``cost`` = -log(weight) and the
evidence behind them (declared strength, interactions in the last year, days
since the last contact, mutual contacts, the ``path:line:col`` of every line
that states the edge). Values are made to fit each format:

* dates become ISO text (``2024-03-12``);
* GraphML and GEXF cannot hold lists or missing values: lists become JSON text
  (``["work", "climbing"]``), missing values are left out; an attribute that
  holds different types on different elements becomes text everywhere;
* JSON keeps lists and writes missing values as ``null``;
* the CSV files follow ``neo4j-admin database import``: ``nodes.csv`` with
  ``id:ID`` and ``:LABEL``, ``relationships.csv`` with ``:START_ID``,
  ``:END_ID`` and ``:TYPE``, typed property columns (``strength:int``,
  ``met:date``, ``tags:string[]`` with ``;`` between items).

Private fields (``email``, ``phone``, ``url``, ``notes``) are only exported
with ``include_private``. Files are written atomically (a temporary file in the
same folder, fsynced, then renamed over the target).
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any, TextIO

import networkx as nx

from ..errors import GraphnetError
from ..files.format import private_names
from ..files.outputs import check_output, write_output
from ..model import Network
from .formats import EXPORT_FORMATS

__all__ = ["FORMATS", "export", "export_graph", "render"]

FORMATS = EXPORT_FORMATS
#: The private fields of the nodes' records: left out unless asked for (see graphnet.files.format).
PRIVATE_FIELDS = private_names("person", "organization", "group")

#: Neo4j labels of the node kinds.
LABELS = {"me": "Me", "person": "Person", "organization": "Organization", "group": "Group"}
#: Characters XML 1.0 cannot hold, even escaped.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def export_graph(net: Network, *, today: date, include_private: bool = False) -> nx.Graph:
    """The graph every format is written from: weighted edges, plain attribute values.

    Parameters
    ----------
    net : Network
        A loaded network.
    today : date
        The day tie weights are computed for (recency, last year's interactions).
    include_private : bool
        Add ``email``, ``phone``, ``url`` and ``notes`` to the nodes.

    Returns
    -------
    networkx.Graph
        Node and edge attributes are ``str``, ``int``, ``float``, ``bool``,
        ``date``, lists of ``str`` or ``None``; the model objects of
        :func:`graphnet.strength.weighted_graph` are flattened into scalars.

    Notes
    -----
    O(V + E) on top of computing the weights.
    """
    try:
        from ..analyses.strength import weighted_graph
    except ImportError:  # pragma: no cover - the structural graph when the tie model is missing
        from ..analyses.graph import build_graph

        source = build_graph(net, today)
    else:
        source = weighted_graph(net, today)
    graph = nx.Graph()
    graph.graph["name"] = net.me.name
    graph.graph["today"] = today
    for node, data in source.nodes(data=True):
        attrs = {k: v for k, v in ((k, _plain(v)) for k, v in data.items()) if v is not _SKIP}
        if not include_private:
            for name in PRIVATE_FIELDS:
                attrs.pop(name, None)
        else:
            record: Any = net.people.get(node) or net.organizations.get(node) or net.groups.get(node)
            for name in PRIVATE_FIELDS:
                value = getattr(record, name, None) if record is not None else None
                attrs[name] = value
        graph.add_node(node, **attrs)
    for a, b, data in source.edges(data=True):
        attrs = {}
        for key, value in data.items():
            if key == "facts":
                attrs.update(_facts(value))
            elif key == "membership":
                continue  # its trust is on the edge already
            else:
                plain = _plain(value)
                if plain is not _SKIP:
                    attrs[key] = plain
        graph.add_edge(a, b, **attrs)
    _sources_relative_to(graph, net.root)
    return graph


def _sources_relative_to(graph: nx.Graph, root: Path) -> None:
    """Write every ``path:line:col`` relative to the data folder, so that the export does not
    depend on the working folder (the same data and day give the same bytes anywhere)."""
    base = Path(os.path.realpath(root))

    def relative(text: str) -> str:
        path, _, position = text.partition(":")
        parts = text.rsplit(":", 2)
        if len(parts) == 3:
            path, position = parts[0], f"{parts[1]}:{parts[2]}"
        real = Path(os.path.realpath(path))
        if real.is_relative_to(base):
            path = real.relative_to(base).as_posix()
        return f"{path}:{position}" if position else path

    for data in (*(d for _, d in graph.nodes(data=True)), *(d for _, _, d in graph.edges(data=True))):
        for key in ("sources", "source"):
            value = data.get(key)
            if isinstance(value, list):
                data[key] = [relative(v) for v in value]
            elif isinstance(value, str):
                data[key] = relative(value)


_SKIP = object()


def _plain(value: Any) -> Any:
    """A value as str/int/float/bool/date/list of str/None, or ``_SKIP`` for model objects."""
    if value is None or isinstance(value, (str, bool, int, date)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, (list, tuple, set)):
        return [str(v) for v in value]
    if hasattr(value, "item"):  # numpy scalars
        return _plain(value.item())
    return _SKIP


def _facts(facts: Any) -> dict[str, Any]:
    """The scalars of a :class:`graphnet.strength.TieFacts` worth exporting."""
    data = facts.to_dict() if hasattr(facts, "to_dict") else {}
    favors = data.get("favors") or {}
    last = data.get("last_contact")
    return {
        "strength_used": data.get("strength"),
        "last_contact": date.fromisoformat(last) if isinstance(last, str) else last,
        "days_since": data.get("days_since"),
        "interactions": data.get("interactions"),
        "favors": sum(favors.values()) if isinstance(favors, dict) else None,
        "mutual": data.get("mutual"),
        "overlap": data.get("overlap"),
    }


# -- value types per attribute -----------------------------------------------------------------------


def _type_of(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "double"
    if isinstance(value, date):
        return "date"
    if isinstance(value, list):
        return "list"
    return "string"


def _column_types(records: Iterable[dict[str, Any]]) -> dict[str, str]:
    """One type per attribute name; int and double meet as double, anything else mixed as string."""
    types: dict[str, str] = {}
    for data in records:
        for key, value in data.items():
            if value is None:
                types.setdefault(key, "")
                continue
            kind = _type_of(value)
            have = types.get(key, "")
            if not have or have == kind:
                types[key] = kind
            elif {have, kind} == {"int", "double"}:
                types[key] = "double"
            else:
                types[key] = "string"
    return {k: (v or "string") for k, v in types.items()}


def _as_text(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _xml_text(text: str) -> str:
    return _XML_ILLEGAL.sub("\ufffd", text)


def _xml_value(value: Any, kind: str) -> Any:
    """A value GraphML/GEXF can hold (``None`` means: leave the attribute out)."""
    if value is None:
        return None
    if kind == "string" or kind == "list" or kind == "date":
        return _xml_text(_as_text(value))
    if kind == "double":
        return float(value)
    return value


def _xml_graph(graph: nx.Graph, fmt: str) -> nx.Graph:
    node_types = _column_types(data for _, data in graph.nodes(data=True))
    edge_types = _column_types(data for _, _, data in graph.edges(data=True))
    out = nx.Graph()
    out.graph["name"] = _xml_text(str(graph.graph.get("name", "")))
    out.graph["today"] = _as_text(graph.graph["today"])
    ids = {node: _xml_text(str(node)) for node in graph.nodes}
    for node, data in graph.nodes(data=True):
        attrs = {k: _xml_value(v, node_types[k]) for k, v in data.items()}
        attrs = {k: v for k, v in attrs.items() if v is not None}
        attrs["label"] = attrs.get("name", ids[node])
        out.add_node(ids[node], **attrs)
    for a, b, data in graph.edges(data=True):
        attrs = {k: _xml_value(v, edge_types[k]) for k, v in data.items()}
        attrs = {k: v for k, v in attrs.items() if v is not None}
        if fmt == "gexf":
            # GEXF reads start/end as time spans and 'type' as directedness.
            for reserved in ("start", "end", "type", "label", "id"):
                if reserved in attrs:
                    attrs[f"job_{reserved}" if reserved in ("start", "end") else f"edge_{reserved}"] = attrs.pop(
                        reserved
                    )
        out.add_edge(ids[a], ids[b], **attrs)
    return out


# -- the formats ------------------------------------------------------------------------------------------


#: The comment that marks an XML export as graphnet's (see :mod:`graphnet.files.outputs`).
XML_GENERATOR_COMMENT = b"<!-- generator: graphnet -->\n"


def _marked_xml(data: bytes) -> bytes:
    """``data`` with graphnet's generator comment right after the XML declaration."""
    declaration_end = data.index(b"?>") + 2 if data.startswith(b"<?xml") else 0
    rest = data[declaration_end:].lstrip(b"\n")
    return data[:declaration_end] + (b"\n" if declaration_end else b"") + XML_GENERATOR_COMMENT + rest


def _graphml(graph: nx.Graph) -> bytes:
    buffer = io.BytesIO()
    nx.write_graphml(_xml_graph(graph, "graphml"), buffer, encoding="utf-8", prettyprint=True)
    return _marked_xml(buffer.getvalue())


def _gexf(graph: nx.Graph) -> bytes:
    buffer = io.BytesIO()
    nx.write_gexf(_xml_graph(graph, "gexf"), buffer, encoding="utf-8", prettyprint=True)
    # NetworkX stamps the real calendar date; the export is as of --today, byte for byte.
    day = _as_text(graph.graph["today"]).encode()
    data = re.sub(rb'lastmodifieddate="[0-9-]*"', b'lastmodifieddate="' + day + b'"', buffer.getvalue(), count=1)
    return _marked_xml(data)


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _json(graph: nx.Graph) -> bytes:
    data = {
        "generator": "graphnet",  # marks the file as graphnet's (graphnet.files.outputs)
        "directed": False,
        "multigraph": False,
        "graph": {k: _json_value(v) for k, v in graph.graph.items()},
        "nodes": [{"id": n, **{k: _json_value(v) for k, v in d.items()}} for n, d in graph.nodes(data=True)],
        "edges": [
            {"source": a, "target": b, **{k: _json_value(v) for k, v in d.items()}}
            for a, b, d in graph.edges(data=True)
        ],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


_NEO4J_TYPES = {"boolean": "boolean", "int": "long", "double": "double", "date": "date", "list": "string[]"}
_RANK = {"me": 0, "person": 1, "organization": 2, "group": 2}


def _neo4j_header(key: str, kind: str) -> str:
    suffix = _NEO4J_TYPES.get(kind)
    return f"{key}:{suffix}" if suffix else key


def _neo4j_cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "list":
        return ";".join(str(v) for v in value)
    return _as_text(value)


def _csv_texts(graph: nx.Graph) -> tuple[str, str]:
    node_types = _column_types(data for _, data in graph.nodes(data=True))
    node_keys = list(node_types)
    nodes = io.StringIO()
    writer = csv.writer(nodes, lineterminator="\n")
    writer.writerow(["id:ID", ":LABEL", *(_neo4j_header(k, node_types[k]) for k in node_keys)])
    for node, data in graph.nodes(data=True):
        label = LABELS.get(str(data.get("kind")), "Node")
        writer.writerow([node, label, *(_neo4j_cell(data.get(k), node_types[k]) for k in node_keys)])
    edge_types = _column_types(data for _, _, data in graph.edges(data=True))
    edge_keys = list(edge_types)
    edges = io.StringIO()
    writer = csv.writer(edges, lineterminator="\n")
    writer.writerow([":START_ID", ":END_ID", ":TYPE", *(_neo4j_header(k, edge_types[k]) for k in edge_keys)])
    kinds = dict(graph.nodes(data="kind"))
    for a, b, data in graph.edges(data=True):
        # Neo4j relationships have a direction: me -> person -> organization or group.
        start, end = (b, a) if _RANK.get(str(kinds.get(b)), 1) < _RANK.get(str(kinds.get(a)), 1) else (a, b)
        rel_type = str(data.get("kind", "related")).upper()
        writer.writerow([start, end, rel_type, *(_neo4j_cell(data.get(k), edge_types[k]) for k in edge_keys)])
    return nodes.getvalue(), edges.getvalue()


def render(net: Network, fmt: str, *, today: date, include_private: bool = False) -> dict[str, bytes]:
    """The exported file(s) as bytes: ``{"graph": ...}``, or ``{"nodes": ..., "relationships": ...}`` for csv."""
    if fmt not in FORMATS:
        raise GraphnetError(f"unknown export format '{fmt}'; choose one of {', '.join(FORMATS)}")
    graph = export_graph(net, today=today, include_private=include_private)
    if fmt == "graphml":
        return {"graph": _graphml(graph)}
    if fmt == "gexf":
        return {"graph": _gexf(graph)}
    if fmt == "json":
        return {"graph": _json(graph)}
    nodes, relationships = _csv_texts(graph)
    return {"nodes": nodes.encode("utf-8"), "relationships": relationships.encode("utf-8")}


# -- writing ----------------------------------------------------------------------------------------------


def csv_paths(out: Path) -> tuple[Path, Path]:
    """Where a csv export goes: ``DIR/nodes.csv`` and ``DIR/relationships.csv`` for a folder,
    ``NAME-nodes.csv`` and ``NAME-relationships.csv`` next to a file name ``NAME.csv``."""
    text = str(out)
    if out.is_dir() or text.endswith(("/", os.sep)) or not out.suffix:
        return out / "nodes.csv", out / "relationships.csv"
    stem = out.with_suffix("")
    return Path(f"{stem}-nodes.csv"), Path(f"{stem}-relationships.csv")


def export(
    net: Network,
    fmt: str,
    out: str | os.PathLike[str] | TextIO,
    *,
    today: date,
    include_private: bool = False,
    force: bool = False,
) -> list[Path]:
    """Write ``net`` as a graph file for Gephi, Cytoscape, Neo4j or scripts.

    Parameters
    ----------
    net : Network
        A loaded network.
    fmt : str
        ``graphml``, ``gexf``, ``json`` (node-link) or ``csv`` (``neo4j-admin import``).
    out : path or text stream
        The file to write (replaced atomically), or a stream such as stdout
        (not for csv, which writes two files: see :func:`csv_paths`).
    today : date
        The day tie weights are computed for.
    include_private : bool
        Also export ``email``, ``phone``, ``url`` and ``notes``.
    force : bool
        Replace an existing file graphnet did not write (see :mod:`graphnet.files.outputs`).

    Returns
    -------
    list of Path
        The files written (empty when writing to a stream).

    Raises
    ------
    GraphnetError
        The output is inside the data folder, is another program's file (without
        ``force``), a folder, a block device or a socket; nothing is written then.

    Notes
    -----
    O(V + E) after the tie weights; the whole output is built in memory first,
    so a failed export never leaves a half-written file.
    """
    if fmt not in FORMATS:
        raise GraphnetError(f"unknown export format '{fmt}'; choose one of {', '.join(FORMATS)}")
    if not isinstance(out, (str, os.PathLike)):
        if fmt == "csv":
            raise GraphnetError(
                "a csv export writes two files (nodes.csv and relationships.csv); give a folder, e.g. neo4j/"
            )
        out.write(render(net, fmt, today=today, include_private=include_private)["graph"].decode("utf-8"))
        out.flush()
        return []
    path = Path(out)
    if fmt == "csv":
        paths = dict(zip(("nodes", "relationships"), csv_paths(path), strict=True))
    else:
        if path.is_dir():
            raise GraphnetError(f"{path} is a folder; give a file name, e.g. {path / ('network.' + fmt)}")
        paths = {"graph": path}
    # Every target is checked before anything is computed or written.
    targets = {key: check_output(target, data_root=net.root, force=force) for key, target in paths.items()}
    files = render(net, fmt, today=today, include_private=include_private)
    for key, target in targets.items():
        write_output(target, files[key])
    return list(paths.values())
