#include "files.h"

#include <fstream>

bool append_line(const std::string &path, const std::string &line) {
  std::ofstream out(path, std::ios::app);
  out << line << '\n';
  return static_cast<bool>(out);
}

void rotate_file(const std::filesystem::path &file, int keep) {
  for (int i = keep - 1; i >= 1; --i)
    std::filesystem::rename(file.string() + "." + std::to_string(i),
                            file.string() + "." + std::to_string(i + 1));
}
