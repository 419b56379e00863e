# The check registry, lib/logstream/checks.json, read at configure time.
#
#   logstream_check_registry(<registry> <sources-var> <generated-dir>)
#
# validates the registry (a malformed one stops the configuration with the
# entry and field at fault), sets <sources-var> to the checks' own source
# files (relative to the registry's directory) and writes
# two files LogstreamTidyModule.cpp includes: <generated-dir>/
# LogstreamCheckHeaders.inc (the checks' headers) and
# LogstreamCheckRegistrations.inc (one registerCheck per check, in the
# registry's order, which is by name). They are rewritten only when their
# content changes, and editing the registry re-runs the configuration.
# utils/gen_checks_list.py (docs/checks/README.md) and logstream-ci (SARIF
# rule metadata) read the same file.
#
# Script mode (test/tools/check-registry.test):
#   cmake -DLOGSTREAM_REGISTRY=<checks.json> -DLOGSTREAM_GENERATED=<dir>
#         -P cmake/LogstreamChecks.cmake
# writes the two files into <dir> and prints the source list.

# The message on a line of its own (indented: CMake does not wrap it).
function(_logstream_registry_error registry message)
  message(FATAL_ERROR "${registry}:\n  ${message}")
endfunction()

# Reads member <member> of check <index> into <out>; an absent member or one
# of another JSON type is an error.
function(_logstream_check_member registry json index member type out)
  string(JSON value ERROR_VARIABLE error GET "${json}" checks ${index} ${member})
  if(error)
    _logstream_registry_error("${registry}" "checks[${index}]: no '${member}'")
  endif()
  string(JSON actual TYPE "${json}" checks ${index} ${member})
  if(NOT actual STREQUAL type)
    _logstream_registry_error("${registry}"
      "checks[${index}].${member}: expected ${type}, found ${actual}")
  endif()
  set(${out} "${value}" PARENT_SCOPE)
endfunction()

# Writes <path> only when <text> differs from its content (no rebuild
# of the module when the registry changes elsewhere).
function(_logstream_write_generated path text)
  file(WRITE "${path}.tmp" "${text}")
  configure_file("${path}.tmp" "${path}" COPYONLY)
  file(REMOVE "${path}.tmp")
endfunction()

function(logstream_check_registry registry sources_var generated_dir)
  if(NOT CMAKE_SCRIPT_MODE_FILE)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${registry}")
  endif()
  get_filename_component(base "${registry}" DIRECTORY)
  file(READ "${registry}" json)
  string(JSON count ERROR_VARIABLE error LENGTH "${json}" checks)
  if(error)
    _logstream_registry_error("${registry}" "not a registry: ${error}")
  endif()
  string(JSON families ERROR_VARIABLE error GET "${json}" families)
  if(error)
    _logstream_registry_error("${registry}" "no 'families' object")
  endif()

  set(sources "")
  set(includes "")
  set(registrations "")
  set(previous "")
  math(EXPR last "${count} - 1")
  foreach(i RANGE ${last})
    _logstream_check_member("${registry}" "${json}" ${i} name STRING name)
    _logstream_check_member("${registry}" "${json}" ${i} class STRING class)
    _logstream_check_member("${registry}" "${json}" ${i} header STRING header)
    _logstream_check_member("${registry}" "${json}" ${i} sources ARRAY check_sources)
    _logstream_check_member("${registry}" "${json}" ${i} cwe ARRAY cwe)
    _logstream_check_member("${registry}" "${json}" ${i} families ARRAY check_families)
    _logstream_check_member("${registry}" "${json}" ${i} fixits BOOLEAN fixits)
    _logstream_check_member("${registry}" "${json}" ${i} summary STRING summary)
    if(NOT name MATCHES "^logstream-[a-z][a-z0-9]*(-[a-z0-9]+)*$")
      _logstream_registry_error("${registry}" "checks[${i}]: '${name}' is not logstream-<lower-case-dashed>")
    endif()
    if(previous AND NOT previous STRLESS name)
      _logstream_registry_error("${registry}" "checks are not sorted by name ('${previous}' before '${name}')")
    endif()
    set(previous "${name}")
    if(NOT class MATCHES "^[A-Z][A-Za-z0-9]*Check$")
      _logstream_registry_error("${registry}" "${name}: class '${class}' is not a <Name>Check identifier")
    endif()
    if(NOT EXISTS "${base}/${header}")
      _logstream_registry_error("${registry}" "${name}: header ${header} does not exist")
    endif()
    string(JSON n LENGTH "${json}" checks ${i} sources)
    if(n EQUAL 0)
      _logstream_registry_error("${registry}" "${name}: 'sources' is empty")
    endif()
    math(EXPR n "${n} - 1")
    foreach(j RANGE ${n})
      string(JSON source GET "${json}" checks ${i} sources ${j})
      if(NOT EXISTS "${base}/${source}")
        _logstream_registry_error("${registry}" "${name}: source ${source} does not exist")
      endif()
      list(APPEND sources "${source}")
    endforeach()
    string(JSON n LENGTH "${json}" checks ${i} families)
    if(n GREATER 0)
      math(EXPR n "${n} - 1")
      foreach(j RANGE ${n})
        string(JSON family GET "${json}" checks ${i} families ${j})
        string(JSON known ERROR_VARIABLE error GET "${families}" "${family}")
        if(error)
          _logstream_registry_error("${registry}" "${name}: unknown family '${family}'")
        endif()
      endforeach()
    endif()
    string(APPEND includes "#include \"logstream/${header}\"\n")
    string(APPEND registrations "CheckFactories.registerCheck<${class}>(\"${name}\");\n")
  endforeach()

  file(MAKE_DIRECTORY "${generated_dir}")
  set(banner "// Generated from lib/logstream/checks.json by cmake/LogstreamChecks.cmake;\n")
  string(APPEND banner "// do not edit. Included by LogstreamTidyModule.cpp.\n")
  _logstream_write_generated("${generated_dir}/LogstreamCheckHeaders.inc" "${banner}${includes}")
  _logstream_write_generated("${generated_dir}/LogstreamCheckRegistrations.inc"
    "${banner}${registrations}")
  set(${sources_var} "${sources}" PARENT_SCOPE)
endfunction()

if(CMAKE_SCRIPT_MODE_FILE AND DEFINED LOGSTREAM_REGISTRY)
  logstream_check_registry("${LOGSTREAM_REGISTRY}" sources "${LOGSTREAM_GENERATED}")
  string(REPLACE ";" " " sources "${sources}")
  message(STATUS "check sources: ${sources}")
endif()
