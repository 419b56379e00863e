"""Shards: a deterministic, cost-balanced 1/N of the units, and reading the
shard reports `logstream-ci merge` combines."""

import dataclasses
import json
import os
import re
import sys
from typing import Dict, List, Tuple

from .common import UsageError
from .inputs import Database, IncludeGraph
from .runner import Unit
from .cache import ResultCache



SHARD_FORMAT = "logstream-shard"
SHARD_VERSION = 1
SHARD_FORMATS = ("json", "sarif")
# A system header (<string>, <spdlog/spdlog.h>) costs a parse of this many
# bytes of project code, in the estimate only; the estimate needs no build.
SYSTEM_INCLUDE_COST = 40000


@dataclasses.dataclass
class Shard:
    index: int       # 1-based
    count: int

    @staticmethod
    def parse(text) -> "Shard":
        m = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text or "")
        if not m or not 1 <= int(m.group(1)) <= int(m.group(2)):
            raise UsageError("--shard %s: expected K/N with 1 <= K <= N (e.g. --shard 2/4)" % text)
        return Shard(int(m.group(1)), int(m.group(2)))


def unit_cost(unit: Unit, db: Database, graph: IncludeGraph) -> int:
    """What a unit costs to analyze, estimated the same way on every machine
    from the checkout alone: its bytes, the bytes of the project headers it
    reaches, and a fixed cost per distinct system header it names."""
    def size(path):
        try:
            return os.path.getsize(path)
        except OSError:
            return 0
    entry = db.entries.get(unit.path)
    if entry is None:
        return size(unit.path)
    project, system = graph.closure(entry)
    return sum(size(p) for p in project) + SYSTEM_INCLUDE_COST * len(system)


def unit_costs(units: List[Unit], db: Database) -> Dict[str, int]:
    graph = IncludeGraph(db)
    return {u.path: unit_cost(u, db, graph) for u in units}


def shard_units(units: List[Unit], shard: Shard, cost: Dict[str, int]) -> List[Unit]:
    """Longest first onto the least loaded shard (ties: the lower shard, the
    smaller path): the same split for the same checkout on every machine."""
    costs = sorted(((cost[u.path], u.path) for u in units), key=lambda c: (-c[0], c[1]))
    loads = [0] * shard.count
    mine = set()
    for cost, path in costs:
        target = min(range(shard.count), key=lambda i: (loads[i], i))
        loads[target] += max(cost, 1)
        if target == shard.index - 1:
            mine.add(path)
    if os.environ.get("LOGSTREAM_CI_SHARD_STATS"):
        sys.stderr.write("logstream-ci: shard %d/%d: %d of %d unit(s), estimated cost %d of %d "
                         "(largest shard %d)\n" % (shard.index, shard.count, len(mine), len(units),
                                                   loads[shard.index - 1], sum(loads), max(loads)))
    return [u for u in units if u.path in mine]


# The options that decide what a shard analyzes and how: every shard of a
# run must agree on them, and `merge` runs with them.
SHARD_OPTIONS = ("build_path", "paths", "changed_since", "staged", "all_lines", "fallback_flags",
                 "fallback_c_flags", "checks", "config_file", "header_filter", "no_facts")


def shard_options(a) -> dict:
    opts = {k: getattr(a, k) for k in SHARD_OPTIONS}
    opts["paths"] = [os.path.abspath(p) for p in a.paths]
    for k in ("build_path", "config_file"):
        opts[k] = os.path.abspath(opts[k]) if opts[k] else None
    return opts


def shard_record(a, cache: ResultCache, units: List[Unit]) -> dict:
    """What `merge` needs from a shard: its place, its options and the cache
    entries (results, facts, file hashes) of its units."""
    return {"format": SHARD_FORMAT, "version": SHARD_VERSION,
            "shard": [a.shard.index, a.shard.count], "options": shard_options(a),
            "entries": [cache.used[u.path] for u in units if u.path in cache.used]}


def embed_shard(report: str, fmt, record) -> str:
    """The shard record inside the report: a top-level "shard" member in
    JSON, the run's property bag in SARIF."""
    doc = json.loads(report)
    if fmt == "sarif":
        doc["runs"][0].setdefault("properties", {})[SHARD_FORMAT] = record
    else:
        doc["shard"] = record
    return json.dumps(doc, indent=2) + "\n"


def read_shard(path) -> Tuple[dict, str]:
    """(record, format) of a shard report."""
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        raise UsageError("cannot read shard report %s: %s" % (path, e))
    record, fmt = None, None
    if isinstance(doc, dict) and isinstance(doc.get("runs"), list) and doc["runs"] and \
            isinstance(doc["runs"][0], dict):
        record, fmt = (doc["runs"][0].get("properties") or {}).get(SHARD_FORMAT), "sarif"
    elif isinstance(doc, dict):
        record, fmt = doc.get("shard"), "json"
    if not isinstance(record, dict) or record.get("format") != SHARD_FORMAT:
        raise UsageError("%s is not a logstream-ci shard report (run with --shard K/N and "
                         "--format json or sarif)" % path)
    if record.get("version") != SHARD_VERSION:
        raise UsageError("shard report %s has version %r; this logstream-ci reads version %d"
                         % (path, record.get("version"), SHARD_VERSION))
    where = record.get("shard")
    if not (isinstance(where, list) and len(where) == 2 and all(isinstance(x, int) for x in where)
            and isinstance(record.get("options"), dict) and isinstance(record.get("entries"), list)):
        raise UsageError("shard report %s is malformed" % path)
    return record, fmt


def read_shards(paths) -> Tuple[dict, str, List[dict]]:
    """The shards' common options, their format and all their entries; every
    shard of 1..N exactly once, all run with the same options."""
    records = [read_shard(p) + (p,) for p in paths]
    count = records[0][0]["shard"][1]
    seen: Dict[int, str] = {}
    for record, fmt, path in records:
        k, n = record["shard"]
        if n != count:
            raise UsageError("%s is shard %d/%d, %s is of %d shards" % (path, k, n, records[0][2], count))
        if k in seen:
            raise UsageError("shard %d/%d given twice (%s, %s)" % (k, n, seen[k], path))
        if record["options"] != records[0][0]["options"]:
            raise UsageError("%s was run with other options than %s" % (path, records[0][2]))
        seen[k] = path
    missing = sorted(set(range(1, count + 1)) - set(seen))
    if missing:
        raise UsageError("missing shard(s) %s of %d" % (", ".join("%d/%d" % (k, count) for k in missing),
                                                        count))
    entries = [e for record, _, _ in records for e in record["entries"] if isinstance(e, dict)]
    return records[0][0]["options"], records[0][1], entries
