#pragma once
#include <filesystem>
#include <string>

bool append_line(const std::string &path, const std::string &line);
void rotate_file(const std::filesystem::path &file, int keep);
