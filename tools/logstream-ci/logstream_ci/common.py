"""What every part of logstream-ci shares: the error that means exit 2,
warnings, paths as the reports show them, the file kinds, and YAML."""

import os
import sys

try:
    import yaml
except ImportError:  # pragma: no cover - reported to the user
    sys.stderr.write("logstream-ci: error: python3-yaml is required (apt-get install python3-yaml)\n")
    sys.exit(2)
# libyaml's C loader and dumper when python3-yaml has them (Debian's does).
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
YAML_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

VERSION = "0.1.0"
TOOL = "logstream-tidy"
C_SOURCES = (".c",)
CXX_SOURCES = (".cc", ".cpp", ".cxx", ".c++", ".C", ".cp")
OBJC_SOURCES = (".m", ".mm")
SOURCE_EXTENSIONS = C_SOURCES + CXX_SOURCES + OBJC_SOURCES
CXX_HEADERS = (".hh", ".hpp", ".hxx", ".h++", ".ipp", ".tpp", ".H")
HEADER_EXTENSIONS = (".h", ".inc") + CXX_HEADERS
ASSEMBLER_EXTENSIONS = (".s", ".S", ".sx", ".asm")
DEFAULT_CHECKS = "-*,logstream-*"


class UsageError(Exception):
    """Bad input or configuration: one line on stderr, exit 2."""


def warn(message):
    sys.stderr.write("logstream-ci: warning: %s\n" % message)


def die(message):
    sys.stderr.write("logstream-ci: error: %s\n" % message)
    sys.exit(2)


def real(path):
    return os.path.realpath(path)


def display(path, root):
    """A path relative to the project root (absolute when outside it)."""
    try:
        r = os.path.relpath(path, root)
    except ValueError:
        return path
    return path if r.startswith("..") else r
