# Finds LLVM and Clang, checks that the major version is one we support, and
# locates the LLVM tools the tests use. Nothing else lives here.

# One LLVM installation for everything, remembered in the cache so that a
# later re-configure (also the one ninja runs by itself) cannot drift to
# another major found on the system (Debian has /usr/lib/cmake/clang-N for
# every installed N).
set(LOGSTREAM_LLVM_ROOT "" CACHE PATH "LLVM installation to build against, e.g. /usr/lib/llvm-19")
if(NOT LOGSTREAM_LLVM_ROOT)
  foreach(prefix ${CMAKE_PREFIX_PATH})
    if(EXISTS "${prefix}/lib/cmake/llvm/LLVMConfig.cmake")
      set(LOGSTREAM_LLVM_ROOT "${prefix}" CACHE PATH "" FORCE)
      break()
    endif()
  endforeach()
endif()
if(LOGSTREAM_LLVM_ROOT)
  set(LLVM_DIR "${LOGSTREAM_LLVM_ROOT}/lib/cmake/llvm" CACHE PATH "" FORCE)
  set(Clang_DIR "${LOGSTREAM_LLVM_ROOT}/lib/cmake/clang" CACHE PATH "" FORCE)
endif()
find_package(LLVM CONFIG REQUIRED)
find_package(Clang CONFIG REQUIRED)
if(NOT LOGSTREAM_LLVM_ROOT)
  set(LOGSTREAM_LLVM_ROOT "${LLVM_INSTALL_PREFIX}" CACHE PATH "" FORCE)
endif()

set(LOGSTREAM_SUPPORTED_LLVM_MAJORS 14 15 16 19 22)
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
