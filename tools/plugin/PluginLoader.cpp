//===--- PluginLoader.cpp - version-checking loader for the plugin --------===//
//
// `clang-tidy --load=LogstreamTidy.so` runs this file's constructor. It links
// nothing from LLVM: it asks the host for its version through the LLVM C API
// (LLVMGetVersion, exported by libLLVM since LLVM 16; before that, the
// version node "LLVM_N" of Debian's libLLVM-N.so symbols names the major),
// and only when the major version matches the one the checks were built for
// does it load the checks, which register themselves with the host's module
// registry.
//
//===----------------------------------------------------------------------===//

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include <string>
#include <unistd.h>

namespace {

using GetVersionFn = void (*)(unsigned *, unsigned *, unsigned *);

[[noreturn]] void refuse(const std::string &Message) {
  fprintf(stderr, "logstream-tidy: %s\n", Message.c_str());
  fflush(stderr);
  _exit(1);
}

std::string directoryOfThisLibrary() {
  Dl_info Info;
  if (!dladdr(reinterpret_cast<void *>(&directoryOfThisLibrary), &Info) ||
      !Info.dli_fname)
    return ".";
  std::string Path = Info.dli_fname;
  size_t Slash = Path.rfind('/');
  return Slash == std::string::npos ? "." : Path.substr(0, Slash);
}

/// The LLVM major of the host program, 0 when it cannot be told.
unsigned hostLLVMMajor() {
  if (auto *GetVersion = reinterpret_cast<GetVersionFn>(
          dlsym(RTLD_DEFAULT, "LLVMGetVersion"))) {
    unsigned Major = 0, Minor = 0, Patch = 0;
    GetVersion(&Major, &Minor, &Patch);
    return Major;
  }
  // LLVM 15 and older: which symbol version does libLLVM's C API carry?
  for (unsigned Major = 3; Major < 100; ++Major) {
    std::string Node = "LLVM_" + std::to_string(Major);
    if (dlvsym(RTLD_DEFAULT, "LLVMContextCreate", Node.c_str()))
      return Major;
  }
  return 0;
}

__attribute__((constructor)) void loadLogstreamChecks() {
  const unsigned Built = LOGSTREAM_LLVM_MAJOR;
  unsigned Major = hostLLVMMajor();
  if (Major == 0)
    refuse("cannot determine the LLVM version of the host program; load "
           "LogstreamTidy.so only into clang-tidy-" +
           std::to_string(Built));
  if (Major != Built)
    refuse("this plugin was built for LLVM " + std::to_string(Built) +
           " but the host clang-tidy is LLVM " + std::to_string(Major) +
           "; use clang-tidy-" + std::to_string(Built) +
           " or rebuild with -DCMAKE_PREFIX_PATH=/usr/lib/llvm-" +
           std::to_string(Major));
  std::string Checks = directoryOfThisLibrary() + "/" LOGSTREAM_CHECKS_SO;
  if (!dlopen(Checks.c_str(), RTLD_NOW | RTLD_GLOBAL))
    refuse(std::string("cannot load the checks: ") + dlerror());
}

} // namespace
