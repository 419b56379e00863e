# Finds LLVM and Clang, checks that the major version is one we support, and
# locates the LLVM tools the tests use. Nothing else lives here.

find_package(LLVM CONFIG REQUIRED)
find_package(Clang CONFIG REQUIRED)

# A stale cache or a prefix path naming several LLVMs must not mix majors.
if(NOT LLVM_VERSION_MAJOR VERSION_EQUAL CLANG_VERSION_MAJOR AND DEFINED CLANG_VERSION_MAJOR)
  message(FATAL_ERROR "LLVM ${LLVM_VERSION_MAJOR} (${LLVM_DIR}) and Clang "
    "${CLANG_VERSION_MAJOR} (${Clang_DIR}) differ; pass -DLLVM_DIR and -DClang_DIR "
    "of the same /usr/lib/llvm-N")
endif()
if(CMAKE_PREFIX_PATH MATCHES "llvm-([0-9]+)" AND NOT CMAKE_MATCH_1 STREQUAL LLVM_VERSION_MAJOR)
  message(FATAL_ERROR "CMAKE_PREFIX_PATH names LLVM ${CMAKE_MATCH_1} but LLVM "
    "${LLVM_VERSION_MAJOR} was found at ${LLVM_DIR} (a stale CMakeCache.txt?); "
    "configure a fresh build directory or pass -DLLVM_DIR=/usr/lib/llvm-${CMAKE_MATCH_1}/lib/cmake/llvm")
endif()

set(LOGSTREAM_SUPPORTED_LLVM_MAJORS 19 22)
if(NOT LLVM_VERSION_MAJOR IN_LIST LOGSTREAM_SUPPORTED_LLVM_MAJORS)
  message(WARNING
    "LLVM ${LLVM_PACKAGE_VERSION} is not a tested version "
    "(tested: ${LOGSTREAM_SUPPORTED_LLVM_MAJORS}); building anyway.")
endif()
message(STATUS "logstream-tidy: LLVM ${LLVM_PACKAGE_VERSION} from ${LLVM_DIR}")

separate_arguments(LOGSTREAM_LLVM_DEFINITIONS NATIVE_COMMAND "${LLVM_DEFINITIONS}")
string(REPLACE "-D" "" LOGSTREAM_LLVM_DEFINITIONS "${LOGSTREAM_LLVM_DEFINITIONS}")

if(NOT EXISTS "${CLANG_INCLUDE_DIRS}/clang-tidy/ClangTidyCheck.h")
  message(FATAL_ERROR
    "clang-tidy headers not found under ${CLANG_INCLUDE_DIRS}/clang-tidy; "
    "install clang-tidy-${LLVM_VERSION_MAJOR}")
endif()

# Tools from llvm-N-tools, clang-N and clang-tidy-N, all of the same major.
set(LOGSTREAM_LLVM_BIN "${LLVM_TOOLS_BINARY_DIR}")
foreach(tool FileCheck not)
  string(TOUPPER "${tool}" var)
  find_program(LOGSTREAM_${var} ${tool} PATHS "${LOGSTREAM_LLVM_BIN}" NO_DEFAULT_PATH)
endforeach()
find_program(LOGSTREAM_CLANG clang PATHS "${LOGSTREAM_LLVM_BIN}" NO_DEFAULT_PATH)
find_program(LOGSTREAM_CLANG_TIDY clang-tidy PATHS "${LOGSTREAM_LLVM_BIN}" NO_DEFAULT_PATH)
find_program(LOGSTREAM_LIT NAMES lit lit.py
  PATHS "${LOGSTREAM_LLVM_BIN}" "${LLVM_TOOLS_BINARY_DIR}/../build/utils/lit"
  NO_DEFAULT_PATH)
