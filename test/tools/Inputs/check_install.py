#!/usr/bin/env python3
"""Installs the build three ways and checks each one works:

1. `cmake --install` into a staging prefix: every file is there, the
   installed logstream-tidy and the installed plugin run, and a CMake project
   with find_package(logstream-tidy) gets logstream::event (and compiles and
   runs a program that uses it) and the plugin path;
2. `cpack -G DEB`: `dpkg-deb` shows the files, version and dependencies;
3. `dpkg --root` installs the .deb into an empty root directory (under
   fakeroot when not root), `dpkg -L` lists it, the installed binary runs,
   `dpkg -r` removes it.

  check_install.py --build B --work W --cmake C --cpack P --clang-tidy T
                   --cxx X --llvm-major N --version V

Prints one line per check; exit 0 when all pass, 1 otherwise."""

import argparse
import glob
import json
import os
import shutil
import subprocess
import sys

EXPECTED = [
    "bin/logstream-tidy",
    "bin/logstream-ci",
    "lib/logstream-tidy/LogstreamTidy.so",
    "lib/logstream-tidy/LogstreamTidyChecks.so",
    "include/logstream/event.h",
    "lib/cmake/logstream-tidy/logstream-tidyConfig.cmake",
    "lib/cmake/logstream-tidy/logstream-tidyConfigVersion.cmake",
    "lib/cmake/logstream-tidy/logstream-tidy-targets.cmake",
    "share/doc/logstream-tidy/README.md",
    "share/doc/logstream-tidy/runtime.md",
    "share/doc/logstream-tidy/checks/security-event-category.md",
]
CI_VERSION = "0.1.0"
CHECKS = ["logstream-buffered-stdout", "logstream-log-file-management",
          "logstream-log-file-sink", "logstream-security-event-category"]

CONSUMER_CMAKE = """cmake_minimum_required(VERSION 3.20)
project(consumer CXX)
find_package(logstream-tidy {version} REQUIRED)
add_executable(app app.cpp)
target_link_libraries(app PRIVATE logstream::event)
file(WRITE "${{CMAKE_BINARY_DIR}}/found.txt"
  "${{LOGSTREAM_TIDY_PLUGIN}}\\n${{LOGSTREAM_TIDY_EXECUTABLE}}\\n${{LOGSTREAM_TIDY_LLVM_MAJOR}}\\n")
"""
CONSUMER_APP = """#include <logstream/event.h>
int main() { return logstream::security_event("authn_login_fail", {{"user", "alice"}}) ? 0 : 1; }
"""


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def run(cmd, **kwargs):
    result = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            universal_newlines=True, **kwargs)
    if result.returncode != 0:
        fail("%s exited with %d:\n%s" % (" ".join(cmd), result.returncode, result.stdout))
    return result.stdout


def check_files(prefix, what):
    missing = [f for f in EXPECTED if not os.path.isfile(os.path.join(prefix, f))]
    if missing:
        fail("%s lacks %s" % (what, ", ".join(missing)))
    print("ok: %s has all %d files" % (what, len(EXPECTED)))


def check_programs(prefix, args, what):
    version = run([os.path.join(prefix, "bin/logstream-tidy"), "--version"])
    if "logstream-tidy version %s" % args.version not in version or \
            "LLVM version %s." % args.llvm_major not in version:
        fail("%s: --version says:\n%s" % (what, version))
    listed = run([args.clang_tidy, "--load=" + os.path.join(prefix, "lib/logstream-tidy/LogstreamTidy.so"),
                  "--checks=-*,logstream-*", "--list-checks"])
    if not all(check in listed for check in CHECKS):
        fail("%s: the installed plugin lists:\n%s" % (what, listed))
    check_ci(prefix, what)
    print("ok: %s: logstream-tidy --version and the plugin's %d checks" % (what, len(CHECKS)))


def check_ci(prefix, what):
    """The installed logstream-ci runs from its package (share/logstream-tidy/
    logstream_ci) and takes its SARIF rule metadata from the installed check
    registry (share/logstream-tidy/checks.json)."""
    ci = os.path.join(prefix, "bin/logstream-ci")
    if "logstream-ci %s" % CI_VERSION not in run([sys.executable, ci, "--version"]):
        fail("%s: logstream-ci --version failed" % what)
    work = os.path.join(os.path.dirname(prefix.rstrip("/")), "ci-" + os.path.basename(prefix.rstrip("/")))
    os.makedirs(work, exist_ok=True)
    source = os.path.join(work, "sink.cpp")
    with open(source, "w") as f:
        f.write('#include <cstdio>\nvoid f() { std::FILE *l = std::fopen("app.log", "a"); std::fclose(l); }\n')
    with open(os.path.join(work, "compile_commands.json"), "w") as f:
        json.dump([{"directory": work, "file": source,
                    "arguments": ["c++", "-std=c++17", "-c", source]}], f)
    proc = subprocess.run([sys.executable, ci, "--quiet", "--no-cache", "--format", "sarif",
                           "-p", work], cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
    try:
        rules = json.loads(proc.stdout)["runs"][0]["tool"]["driver"]["rules"]
    except (ValueError, KeyError, IndexError):
        fail("%s: logstream-ci --format sarif exited %d: %s" % (what, proc.returncode, proc.stderr))
    if proc.returncode != 1 or [(r["id"], r["properties"]["tags"][0]) for r in rules] != \
            [("logstream-log-file-sink", "CWE-779")]:
        fail("%s: logstream-ci gave exit %d and rules %r" % (what, proc.returncode, rules))


def check_find_package(prefix, args):
    source = os.path.join(args.work, "consumer")
    build = os.path.join(args.work, "consumer-build")
    os.makedirs(source)
    with open(os.path.join(source, "CMakeLists.txt"), "w") as f:
        f.write(CONSUMER_CMAKE.format(version=args.version))
    with open(os.path.join(source, "app.cpp"), "w") as f:
        f.write(CONSUMER_APP)
    run([args.cmake, "-S", source, "-B", build, "-DCMAKE_PREFIX_PATH=" + prefix,
         "-DCMAKE_CXX_COMPILER=" + args.cxx, "-DCMAKE_CXX_STANDARD=17"])
    run([args.cmake, "--build", build])
    line = run([os.path.join(build, "app")])
    if '"category":"SECURITY"' not in line or '"user":"alice"' not in line:
        fail("the consumer wrote %r" % line)
    with open(os.path.join(build, "found.txt")) as f:
        plugin, executable, major = f.read().split("\n")[:3]
    if plugin != os.path.join(prefix, "lib/logstream-tidy/LogstreamTidy.so") or \
            executable != os.path.join(prefix, "bin/logstream-tidy") or major != args.llvm_major:
        fail("find_package gave plugin=%r executable=%r major=%r" % (plugin, executable, major))
    print("ok: find_package(logstream-tidy): logstream::event builds and runs, "
          "LOGSTREAM_TIDY_PLUGIN is the installed plugin")


def build_deb(args):
    out = os.path.join(args.work, "packages")
    run([args.cpack, "-G", "DEB", "--config", os.path.join(args.build, "CPackConfig.cmake"),
         "-B", out])
    debs = glob.glob(os.path.join(out, "*.deb"))
    if len(debs) != 1:
        fail("cpack made %r" % debs)
    deb = debs[0]
    contents = run(["dpkg-deb", "-c", deb])
    missing = [f for f in EXPECTED if " ./usr/" + f not in contents]
    if missing:
        fail("the .deb lacks %s:\n%s" % (", ".join(missing), contents))
    fields = {k: run(["dpkg-deb", "-f", deb, k]).strip() for k in ("Package", "Version", "Depends")}
    if fields["Package"] != "logstream-tidy" or \
            fields["Version"] != "%s-llvm%s" % (args.version, args.llvm_major) or \
            "libllvm%s" % args.llvm_major not in fields["Depends"]:
        fail("the .deb's control fields: %r" % fields)
    print("ok: %s: %d files checked, Version %s, Depends %s" % (
        os.path.basename(deb), len(EXPECTED), fields["Version"], fields["Depends"]))
    return deb


def install_deb(deb, args):
    root = os.path.join(args.work, "root")
    admin = os.path.join(root, "var/lib/dpkg")
    for d in ("info", "updates", "triggers"):
        os.makedirs(os.path.join(admin, d))
    for f in ("status", "available"):
        open(os.path.join(admin, f), "w").close()
    wrap = []
    if os.geteuid() != 0:
        if not shutil.which("fakeroot"):
            fail("not root and no fakeroot: cannot install the .deb into a root directory")
        wrap = ["fakeroot"]
    # The dependencies (libllvmN, ...) are installed on this machine, not in
    # the empty root's package database.
    dpkg = wrap + ["dpkg", "--root=" + root, "--log=/dev/null", "--force-depends",
                   "--force-not-root"]
    run(dpkg + ["-i", deb])
    listed = run(dpkg + ["-L", "logstream-tidy"])
    missing = [f for f in EXPECTED if "/usr/" + f not in listed.split("\n")]
    if missing:
        fail("dpkg -L after install lacks %s" % ", ".join(missing))
    check_files(os.path.join(root, "usr"), "the .deb installed with dpkg --root%s" % (
        " under fakeroot" if wrap else ""))
    check_programs(os.path.join(root, "usr"), args, "the dpkg-installed package")
    run(dpkg + ["-r", "logstream-tidy"])
    if os.path.exists(os.path.join(root, "usr/bin/logstream-tidy")):
        fail("dpkg -r left usr/bin/logstream-tidy")
    print("ok: dpkg -r removed it")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for option in ("build", "work", "cmake", "cpack", "clang-tidy", "cxx", "llvm-major", "version"):
        parser.add_argument("--" + option, required=True)
    args = parser.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    stage = os.path.join(args.work, "stage")
    run([args.cmake, "--install", args.build, "--prefix", stage])
    check_files(stage, "cmake --install")
    check_programs(stage, args, "cmake --install")
    check_find_package(stage, args)
    install_deb(build_deb(args), args)


if __name__ == "__main__":
    main()
