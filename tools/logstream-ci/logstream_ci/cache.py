"""The result cache: a unit's results reused when nothing that decides them
changed."""

import dataclasses
import hashlib
import json
import os
import re
import time
from typing import Dict, Optional

from .common import VERSION, real, warn
from .facts import FactsError, TidyRun, check_unit, write_atomically



CACHE_VERSION = 2
CACHE_MAX_AGE_DAYS = 30


def canonical(value) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def default_cache_dir() -> str:
    """$XDG_CACHE_HOME/logstream-tidy, else ~/.cache/logstream-tidy."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "logstream-tidy")


def file_digest(path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclasses.dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    corrupt: int = 0
    stored: int = 0


class ResultCache:
    """Per translation unit, its logstream-tidy result (diagnostics, fixes,
    output), its project facts and the content hash of every file it read.
    An entry is found by a key over everything else that decides the result
    (this cache's format, the logstream-tidy build and this driver, the unit,
    its compile command, its effective configuration); it is used when every
    file it read still has the recorded hash. Entries are written to a
    temporary file and renamed: concurrent runs never see half an entry, and
    an entry that does not parse or has the wrong shape is recomputed.
    `directory=None` keeps entries in memory only (--no-cache), for the
    shard hand-off."""

    def __init__(self, directory: Optional[str], identity):
        self.dir = directory
        self.identity = identity
        self.stats = CacheStats()
        self.imported: Dict[str, dict] = {}     # key -> entry from shard reports
        self.used: Dict[str, dict] = {}         # tu -> entry of this run
        self._hashes: Dict[str, str] = {}
        self._configs: Dict[str, list] = {}
        self._warned = False

    def file_hash(self, path) -> str:
        if path not in self._hashes:
            try:
                self._hashes[path] = file_digest(path)
            except OSError:
                self._hashes[path] = ""
        return self._hashes[path]

    def directory_config(self, directory) -> list:
        """Content hashes of the .clang-tidy files in `directory` and above
        (a superset of what clang-tidy reads for a file there)."""
        if directory not in self._configs:
            parent = os.path.dirname(directory)
            above = self.directory_config(parent) if parent != directory else []
            own = os.path.join(directory, ".clang-tidy")
            h = self.file_hash(own) if os.path.isfile(own) else ""
            self._configs[directory] = above + ([[own, h]] if h else [])
        return self._configs[directory]

    def key(self, tu, command) -> str:
        """Also the unit's own content: switching branches back and forth
        finds the entry of each version of the file."""
        return digest(canonical([CACHE_VERSION, self.identity, tu, self.file_hash(tu), command,
                                 self.directory_config(os.path.dirname(tu))]).encode())

    def entry_path(self, key) -> str:
        return os.path.join(self.dir, "units", key[:2], key + ".json")

    def project_dir(self, root, build_dir) -> Optional[str]:
        """Where a project's merged facts live (one project's never
        overwrite another's in a shared cache)."""
        if self.dir is None:
            return None
        name = digest(canonical([root, build_dir]).encode())[:24]
        return os.path.join(self.dir, "projects", name)

    @staticmethod
    def well_formed(entry, key) -> bool:
        if not isinstance(entry, dict) or entry.get("key") != key:
            return False
        deps = entry.get("deps")
        if not isinstance(deps, dict) or not deps or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in deps.items()):
            return False
        result = entry.get("result")
        if result is not None and not TidyRun.well_formed(result):
            return False
        try:
            check_unit(entry.get("facts"), "cache entry")
        except FactsError:
            return False
        return True

    def read(self, key) -> Optional[dict]:
        if self.dir is None:
            return None
        try:
            with open(self.entry_path(key), encoding="utf-8") as f:
                entry = json.load(f)
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            self.stats.corrupt += 1
            return None
        if not self.well_formed(entry, key):
            self.stats.corrupt += 1
            return None
        return entry

    def load(self, tu, command) -> Optional[dict]:
        """The entry of a unit whose inputs are unchanged, else None. Entries
        imported from shard reports were made from the same checkout by
        the shards and are taken as they are."""
        key = self.key(tu, command)
        entry = self.imported.get(key)
        if entry is None:
            entry = self.read(key)
            if entry is None or any(self.file_hash(p) != h for p, h in entry["deps"].items()):
                self.stats.misses += 1
                return None
        self.stats.hits += 1
        self.used[tu] = entry
        if key not in self.imported:
            self.touch(self.entry_path(key))
        return entry

    @staticmethod
    def touch(path):
        try:
            os.utime(path)
        except OSError:
            pass

    def prune(self, max_age_days=CACHE_MAX_AGE_DAYS, now=None):
        """Once a day: removes the entries no run has used for
        `max_age_days` (a hit refreshes an entry's modification time)."""
        if self.dir is None:
            return
        now = now if now is not None else time.time()
        stamp = os.path.join(self.dir, "pruned")
        try:
            if now - os.stat(stamp).st_mtime < 86400:
                return
        except OSError:
            pass
        if not self.write(stamp, "%d\n" % now):
            return
        units = os.path.join(self.dir, "units")
        for sub in sorted(os.listdir(units)) if os.path.isdir(units) else ():
            for name in os.listdir(os.path.join(units, sub)):
                path = os.path.join(units, sub, name)
                try:
                    if now - os.stat(path).st_mtime > max_age_days * 86400:
                        os.unlink(path)
                except OSError:
                    pass

    def store(self, tu, command, facts, result: Optional[TidyRun] = None, used=""):
        """Records a unit's facts (and result); a crashed run is not kept."""
        if result is not None and result.returncode < 0:
            return
        key = self.key(tu, command)
        deps = {p: self.file_hash(p) for p in facts.get("deps") or [tu]}
        entry = {"key": key, "deps": deps, "facts": facts}
        if result is not None:
            entry["result"] = result.to_json()
            entry["facts_used"] = used
        self.used[tu] = entry
        if self.dir is not None and self.write(self.entry_path(key), canonical(entry)):
            self.stats.stored += 1

    def write(self, path, text) -> bool:
        """Atomically, or not at all (a read-only or full cache is a warning)."""
        try:
            write_atomically(path, text)
            return True
        except OSError as e:
            if not self._warned:
                warn("cannot write the cache %s: %s" % (self.dir, e.strerror or e))
                self._warned = True
            return False


def build_identity(tidy_binary, cache_dir) -> str:
    """The logstream-tidy build and this driver (every module of the
    package), by content. Each file's hash is remembered per (path, size,
    mtime, inode) in the cache."""
    parts = [VERSION]
    package = os.path.dirname(os.path.realpath(__file__))
    modules = sorted(os.path.join(package, m) for m in os.listdir(package) if m.endswith(".py"))
    for path in [tidy_binary] + modules:
        try:
            st = os.stat(path)
        except OSError:
            parts.append(path)
            continue
        memo = None
        if cache_dir:
            stamp = digest(canonical([real(path), st.st_size, st.st_mtime_ns, st.st_ino]).encode())
            memo = os.path.join(cache_dir, "builds", stamp)
            try:
                with open(memo, encoding="utf-8") as f:
                    known = f.read().strip()
                if re.fullmatch(r"[0-9a-f]{64}", known):
                    parts.append(known)
                    continue
            except OSError:
                pass
        value = file_digest(path)
        parts.append(value)
        if memo:
            try:
                write_atomically(memo, value + "\n")
            except OSError:
                pass      # the run's cache says so, once
    return digest(canonical(parts).encode())


def make_cache(a, tidy, config_file) -> ResultCache:
    """The run's cache: its directory (none with --no-cache) and the part of
    every key that all units share: build, checks and options, the
    --config-file's content, whether project facts are followed."""
    overlay = any(x.startswith("--vfsoverlay=") for x in tidy.common_args)
    # Under --staged with unstaged edits, what a unit read is not on disk.
    directory = None if a.no_cache or overlay else os.path.abspath(
        a.cache_dir or default_cache_dir())
    config = [config_file, file_digest(config_file)] if config_file else None
    shared = [x for x in tidy.common_args if not x.startswith("--vfsoverlay=")]
    identity = [build_identity(tidy.binary, directory), shared, config,
                "no-facts" if a.no_facts else "facts"]
    return ResultCache(directory, identity)
