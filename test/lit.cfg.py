# lit configuration for logstream-tidy.
#
# Every test runs in one of two modes, chosen with `--param mode=...`:
#   standalone  %logstream_tidy is the logstream-tidy binary
#   plugin      %logstream_tidy is stock clang-tidy-N --load=LogstreamTidy.so
# ctest runs the suite once per mode.

import hashlib
import os
import re
import shlex
import tempfile

import lit.formats

config.name = "logstream-tidy"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".cpp", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py",
                   "check_logstream_tidy.py", "README.md"]
config.test_source_root = os.path.dirname(__file__)
# Scratch files live outside the build tree: the build's own
# compile_commands.json would otherwise be found by every tool that searches
# parent directories for a compilation database.
config.test_exec_root = os.path.join(
    tempfile.gettempdir(),
    "logstream-tidy-lit-" + hashlib.sha1(config.binary_dir.encode()).hexdigest()[:10],
    lit_config.params.get("mode", "standalone"))
# ctest runs each test as a lit run of its own (--param test=<path>), two or
# more at a time: each gets a scratch root of its own, so that concurrent
# runs share no file. lit rewrites a `.lit_test_times.txt` in the root after
# every run; two runs rewriting one file left a torn line that made every
# later run of that mode fail before it started.
if lit_config.params.get("test"):
    config.test_exec_root = os.path.join(
        config.test_exec_root, re.sub(r"[^A-Za-z0-9._-]", "_", lit_config.params["test"]))

mode = lit_config.params.get("mode", "standalone")
if mode == "standalone":
    tidy = shlex.quote(config.logstream_tidy)
elif mode == "plugin":
    tidy = "%s --load=%s" % (shlex.quote(config.clang_tidy), shlex.quote(config.plugin))
else:
    lit_config.fatal("unknown mode '%s' (standalone or plugin)" % mode)
config.name += " (%s, LLVM %s)" % (mode, config.llvm_major)
config.available_features.add("mode-" + mode)
config.available_features.add("llvm-" + config.llvm_major)

# Keep the environment small and predictable.
# The built tools (logstream-ci, for the pre-commit hook) and the LLVM tools.
config.environment["PATH"] = os.pathsep.join(
    [os.path.dirname(config.logstream_tidy), config.llvm_bin, os.environ.get("PATH", "")])
for var in ("HOME", "TMPDIR"):
    if var in os.environ:
        config.environment[var] = os.environ[var]
# logstream-ci's result cache: a fresh one per lit run (never the user's,
# never one left by an earlier run of the same tests at the same paths).
os.makedirs(config.test_exec_root, exist_ok=True)
config.environment["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="xdg-cache-",
                                                         dir=config.test_exec_root)
import atexit
import shutil
atexit.register(shutil.rmtree, config.environment["XDG_CACHE_HOME"], True)

runner = os.path.join(config.test_source_root, "check_logstream_tidy.py")
mock_headers = os.path.join(config.test_source_root, "checkers", "Inputs", "Headers")
config.substitutions.append(
    ("%check_logstream_tidy",
     "%s %s --tidy=%s --clang=%s --filecheck=%s --llvm-major=%s" % (
         shlex.quote(config.python), shlex.quote(runner), shlex.quote(tidy),
         shlex.quote(config.clang), shlex.quote(config.filecheck), config.llvm_major)))
config.substitutions.append(("%{logstream_tidy_quoted}", shlex.quote(tidy)))
config.substitutions.append(("%logstream_tidy", tidy))
config.substitutions.append(("%standalone_tidy", shlex.quote(config.logstream_tidy)))
config.substitutions.append(("%clang_tidy", shlex.quote(config.clang_tidy)))
config.substitutions.append(("%plugin", shlex.quote(config.plugin)))
config.substitutions.append(("%clang", shlex.quote(config.clang)))
config.substitutions.append(("%mock_headers", shlex.quote(mock_headers)))
config.substitutions.append(("%python", shlex.quote(config.python)))
config.substitutions.append(("%srcroot", shlex.quote(config.source_dir)))
config.substitutions.append(("%llvm_major", config.llvm_major))
config.substitutions.append(("%logstream_version", config.logstream_version))
config.substitutions.append(("%binary_dir", shlex.quote(config.binary_dir)))
config.substitutions.append(("%cmake", shlex.quote(config.cmake_command)))
config.substitutions.append(("%cpack", shlex.quote(config.cpack_command)))
config.substitutions.append(("%cxx_compiler", shlex.quote(config.clang + "++")))
config.substitutions.append(("%logstream_ci", shlex.quote(os.path.join(
    os.path.dirname(config.logstream_tidy), "logstream-ci"))))
config.substitutions.append(("%make_project", "%s %s" % (
    shlex.quote(config.python),
    shlex.quote(os.path.join(config.test_source_root, "tools", "Inputs", "make_project.py")))))
config.substitutions.append(("%expect_exit", "%s %s" % (
    shlex.quote(config.python),
    shlex.quote(os.path.join(config.test_source_root, "tools", "Inputs", "expect_exit.py")))))
# The official SARIF 2.1.0 schema: $LOGSTREAM_SARIF_SCHEMA, else
# shared/sarif/sarif-schema-2.1.0.json next to the checkout or next to one of
# its parent directories (a git worktree sits deeper than the main checkout).
def find_sarif_schema():
    explicit = os.environ.get("LOGSTREAM_SARIF_SCHEMA")
    if explicit:
        return explicit
    d = os.path.abspath(config.source_dir)
    while True:
        candidate = os.path.join(os.path.dirname(d), "shared", "sarif", "sarif-schema-2.1.0.json")
        if os.path.exists(candidate):
            return candidate
        if os.path.dirname(d) == d:
            return None
        d = os.path.dirname(d)


sarif_schema = find_sarif_schema()
config.substitutions.append(("%sarif_schema", shlex.quote(sarif_schema or "")))

# Debian's python3 with python3-jsonschema validates SARIF reports.
import subprocess
if os.path.exists("/usr/bin/python3") and subprocess.call(
        ["/usr/bin/python3", "-c", "import jsonschema"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) == 0 and sarif_schema and \
        os.path.exists(sarif_schema):
    config.available_features.add("jsonschema")
    config.substitutions.append(("%schema_python", "/usr/bin/python3"))

# A clang-tidy of another LLVM major, for the plugin's version-mismatch test.
others = [t for t in config.other_clang_tidies.split(";") if t and os.path.exists(t)]
if others:
    config.available_features.add("other-clang-tidy")
    config.substitutions.append(("%other_clang_tidy", shlex.quote(others[0])))

# Real library headers (Debian packages) for the real-headers suite.
def have_header(path):
    return os.path.exists(os.path.join("/usr/include", path))

for feature, header in [("spdlog", "spdlog/spdlog.h"), ("glog", "glog/logging.h"),
                        ("boost-log", "boost/log/trivial.hpp"),
                        ("log4cxx", "log4cxx/logger.h"),
                        ("log4cplus", "log4cplus/logger.h"),
                        ("poco", "Poco/Logger.h"), ("easylogging", "easylogging++.h"),
                        ("pam", "security/pam_appl.h"), ("openssl", "openssl/ssl.h"),
                        ("pre-commit", None)]:
    if header and have_header(header):
        config.available_features.add(feature)
# Debian's Qt 5 (qtbase5-dev): its include directories, as a Qt project's
# build passes them (Qt 5 asks for position-independent code).
qt5_include = "/usr/include/x86_64-linux-gnu/qt5"
if os.path.exists(os.path.join(qt5_include, "QtCore", "QFile")):
    config.available_features.add("qt5")
    config.substitutions.append(("%qt5_flags", "-fPIC -isystem %s -isystem %s" % (
        shlex.quote(qt5_include), shlex.quote(os.path.join(qt5_include, "QtCore")))))
# Debian's MinGW-w64 headers (g++-mingw-w64-x86-64), for the Windows C
# runtime spellings compiled with --target=x86_64-w64-mingw32.
if os.path.exists("/usr/x86_64-w64-mingw32/include/stdio.h"):
    config.available_features.add("mingw-headers")
if any(os.access(os.path.join(d, "pre-commit"), os.X_OK)
       for d in os.environ.get("PATH", "").split(os.pathsep)):
    config.available_features.add("pre-commit")
