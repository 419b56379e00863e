#!/usr/bin/env bash
# logstream-tidy's one entry point for set-up, the demo and the test suite.
#
#   ./build.sh demo [--llvm N]   install what is missing, build, lint examples/
#   ./build.sh test [--llvm N] [--label L] [--exclude-label X]
#                                install what is missing, build, run every test
#                                (only ctest's tests labelled L when given:
#                                plugin, standalone, unit, runtime, lit, lint,
#                                bench, plugin-checks, standalone-checks; none
#                                labelled X)
#
# N is the LLVM major to build against (14, 15, 16, 19 or 22; default 19). Debian 12,
# as root (or with sudo). Exit status: 0 success, 1 a step failed (build,
# tests), 2 usage error.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$(pwd)

usage() {
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

[ $# -ge 1 ] || usage
ACTION=$1
shift
LLVM=19
LABEL=
EXCLUDE=
while [ $# -gt 0 ]; do
  case "$1" in
    --llvm) [ $# -ge 2 ] || usage; LLVM=$2; shift 2 ;;
    --llvm=*) LLVM=${1#--llvm=}; shift ;;
    --label) [ $# -ge 2 ] || usage; LABEL=$2; shift 2 ;;
    --label=*) LABEL=${1#--label=}; shift ;;
    --exclude-label) [ $# -ge 2 ] || usage; EXCLUDE=$2; shift 2 ;;
    --exclude-label=*) EXCLUDE=${1#--exclude-label=}; shift ;;
    -h|--help) usage ;;
    *) echo "build.sh: unknown argument '$1'" >&2; usage ;;
  esac
done
case "$ACTION" in demo|test) ;; *) echo "build.sh: unknown action '$ACTION'" >&2; usage ;; esac
[ -z "$LABEL$EXCLUDE" ] || [ "$ACTION" = test ] || { echo "build.sh: --label and --exclude-label apply to 'test' only" >&2; usage; }
case "$LLVM" in 14|15|16|19|22) ;; *) echo "build.sh: LLVM $LLVM is not supported (14, 15, 16, 19 or 22)" >&2; exit 2 ;; esac

JOBS=$(nproc 2>/dev/null || echo 2)
BUILD="$ROOT/build/llvm-$LLVM"

# --- packages -----------------------------------------------------------------
# Everything comes from Debian 12's own archive (LLVM 22 from bookworm-security).
PACKAGES=(
  ca-certificates cmake ninja-build python3 python3-yaml git
  "llvm-$LLVM-dev" "libclang-$LLVM-dev" "clang-tidy-$LLVM" "clang-$LLVM" "llvm-$LLVM-tools"
  # Libraries whose headers the checks know (and the real-header tests use).
  libspdlog-dev libgoogle-glog-dev libboost-log-dev liblog4cxx-dev liblog4cplus-dev
  libpoco-dev libeasyloggingpp-dev libpam0g-dev libssl-dev
)
if [ "$ACTION" = test ]; then
  # gcc/g++: the runtime header's compiler matrix (test/runtime/) and the g++
  # build of the checks; python3-rfc3987: the "uri"/"uri-reference" format
  # checks of the SARIF schema.
  # qtbase5-dev: the Qt real-header tests; g++-mingw-w64-x86-64: the MinGW
  # headers of the Windows C runtime test (--target=x86_64-w64-mingw32);
  # clang-format-N: the self-lint's lint/clang-format (label lint, LLVM 19;
  # lint/clang-tidy runs on LLVM 22 with clang-tidy-N, above).
  # valgrind: the cost gate counts instructions with callgrind
  # (bench/check-cost-quick, bench/check_cost.py --instructions).
  PACKAGES+=(libgtest-dev pre-commit python3-jsonschema python3-rfc3987 gcc g++
    qtbase5-dev g++-mingw-w64-x86-64 "clang-format-$LLVM" valgrind)
fi

install_missing() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "== installing: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "build.sh: run as root (or install sudo) to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# --- build --------------------------------------------------------------------
build() {
  echo "== configuring against LLVM $LLVM in $BUILD"
  mkdir -p "$BUILD"
  cmake -S "$ROOT" -B "$BUILD" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_PREFIX_PATH="/usr/lib/llvm-$LLVM" \
    -DLOGSTREAM_LLVM_ROOT="/usr/lib/llvm-$LLVM" \
    -DCMAKE_C_COMPILER="/usr/bin/clang-$LLVM" -DCMAKE_CXX_COMPILER="/usr/bin/clang++-$LLVM" \
    -DLOGSTREAM_WERROR=ON -DLOGSTREAM_BUILD_TESTS="$([ "$ACTION" = test ] && echo ON || echo OFF)" \
    >"$BUILD.configure.log" 2>&1 ||
    { cat "$BUILD.configure.log"; exit 1; }
  echo "== building (-j$JOBS)"
  cmake --build "$BUILD" -j "$JOBS"
}

demo() {
  local ex="$BUILD/examples"
  echo "== generating the compile database of examples/ (orders-service)"
  cmake -S "$ROOT/examples" -B "$ex" -G Ninja -DCMAKE_CXX_COMPILER="/usr/bin/clang++-$LLVM" >/dev/null
  echo "== logstream-ci (logstream-tidy on every translation unit) on examples/"
  local rc=0
  (cd "$ROOT/examples" && "$BUILD/bin/logstream-ci" -p "$ex" --quiet) || rc=$?
  case "$rc" in
    0) echo "== no findings in examples/ (LLVM $LLVM)" ;;
    1) echo "== the findings above are what logstream-tidy reports on examples/ (LLVM $LLVM)" ;;
    *) echo "build.sh: logstream-ci failed (exit $rc)" >&2; exit 1 ;;
  esac
}

# The checks must also build with GCC (one LLVM major is enough: the point is
# the link against the clang-built libclangTidy, e.g. OptionsView::get<bool>).
build_with_gcc() {
  local gcc_build="$ROOT/build/llvm-$LLVM-gcc"
  echo "== building with g++ against LLVM $LLVM in $gcc_build (build only)"
  cmake -S "$ROOT" -B "$gcc_build" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_PREFIX_PATH="/usr/lib/llvm-$LLVM" \
    -DLOGSTREAM_LLVM_ROOT="/usr/lib/llvm-$LLVM" \
    -DCMAKE_C_COMPILER=/usr/bin/gcc -DCMAKE_CXX_COMPILER=/usr/bin/g++ \
    -DLOGSTREAM_WERROR=ON -DLOGSTREAM_BUILD_TESTS=OFF \
    >"$gcc_build.configure.log" 2>&1 ||
    { cat "$gcc_build.configure.log"; exit 1; }
  cmake --build "$gcc_build" -j "$JOBS" --target logstream-tidy LogstreamTidyChecks
}

run_tests() {
  local select=()
  local what="the test suite"
  if [ -n "$LABEL" ]; then
    select+=(-L "$LABEL")
    what="the tests labelled '$LABEL'"
  fi
  if [ -n "$EXCLUDE" ]; then
    select+=(-LE "$EXCLUDE")
    what="$what, without those labelled '$EXCLUDE'"
  fi
  echo "== running $what (LLVM $LLVM)"
  cd "$BUILD"
  ctest -j "$JOBS" --output-on-failure --timeout 600 "${select[@]}"
}

install_missing
build
case "$ACTION" in
  demo) demo ;;
  test)
    [ "$LLVM" = 19 ] && build_with_gcc
    run_tests ;;
esac
