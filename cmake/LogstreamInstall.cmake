# What `cmake --install` puts where, the CMake package that
# find_package(logstream-tidy) loads, and the CPack .deb. Nothing else.
#
#   bin/logstream-tidy, bin/logstream-ci
#   lib/logstream-tidy/LogstreamTidy.so, LogstreamTidyChecks.so (kept together:
#     the loader loads the checks from its own directory)
#   include/logstream/event.h
#   share/doc/logstream-tidy/ (README, user guide, one page per check)
#   lib/cmake/logstream-tidy/ (logstream-tidyConfig.cmake: target
#     logstream::event, LOGSTREAM_TIDY_PLUGIN, LOGSTREAM_TIDY_EXECUTABLE,
#     LOGSTREAM_TIDY_LLVM_MAJOR)
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(LOGSTREAM_INSTALL_PLUGINDIR "${CMAKE_INSTALL_LIBDIR}/logstream-tidy")
set(LOGSTREAM_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/logstream-tidy")

install(TARGETS LogstreamTidy LogstreamTidyChecks
  LIBRARY DESTINATION "${LOGSTREAM_INSTALL_PLUGINDIR}")

# The runtime header as a header-only target for users' builds.
add_library(logstream_event INTERFACE)
add_library(logstream::event ALIAS logstream_event)
set_target_properties(logstream_event PROPERTIES EXPORT_NAME event)
target_include_directories(logstream_event INTERFACE
  $<BUILD_INTERFACE:${CMAKE_SOURCE_DIR}/include>
  $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
find_package(Threads REQUIRED)
target_link_libraries(logstream_event INTERFACE Threads::Threads)
install(TARGETS logstream_event EXPORT logstream-tidy-targets)
install(FILES ${CMAKE_SOURCE_DIR}/include/logstream/event.h
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/logstream")
install(EXPORT logstream-tidy-targets NAMESPACE logstream::
  FILE logstream-tidy-targets.cmake DESTINATION "${LOGSTREAM_INSTALL_CMAKEDIR}")

configure_package_config_file(${CMAKE_SOURCE_DIR}/cmake/logstream-tidyConfig.cmake.in
  ${CMAKE_BINARY_DIR}/logstream-tidyConfig.cmake
  INSTALL_DESTINATION "${LOGSTREAM_INSTALL_CMAKEDIR}"
  PATH_VARS CMAKE_INSTALL_BINDIR LOGSTREAM_INSTALL_PLUGINDIR CMAKE_INSTALL_INCLUDEDIR)
write_basic_package_version_file(${CMAKE_BINARY_DIR}/logstream-tidyConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/logstream-tidyConfig.cmake
  ${CMAKE_BINARY_DIR}/logstream-tidyConfigVersion.cmake
  DESTINATION "${LOGSTREAM_INSTALL_CMAKEDIR}")

install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION "${CMAKE_INSTALL_DOCDIR}")
install(DIRECTORY ${CMAKE_SOURCE_DIR}/docs/ DESTINATION "${CMAKE_INSTALL_DOCDIR}"
  FILES_MATCHING PATTERN "*.md")

# The .deb: one package per LLVM major (the binaries link that major's
# libLLVM and libclang-cpp; the plugin loads only into that clang-tidy).
set(CPACK_PACKAGE_NAME "logstream-tidy")
set(CPACK_PACKAGE_VENDOR "logstream-tidy")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "clang-tidy checks for logs as event streams (Twelve-Factor XI), LLVM ${LLVM_VERSION_MAJOR}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "logstream-tidy maintainers <logstream-tidy@localhost>")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_FILE_NAME "DEB-DEFAULT")
set(CPACK_DEBIAN_PACKAGE_RELEASE "llvm${LLVM_VERSION_MAJOR}")
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_COMPRESSION_TYPE "gzip")
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "libllvm${LLVM_VERSION_MAJOR}, libclang-cpp${LLVM_VERSION_MAJOR}, libstdc++6, python3, python3-yaml")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "clang-tidy-${LLVM_VERSION_MAJOR}")
include(CPack)
