#pragma once

#include <filesystem>
#include <string>

namespace tisheng::test {

/// Runs a shell command line and returns its standard output; exitCode receives its status.
std::string shell(const std::string& command, int* exitCode = nullptr);

/// Writes bytes to file (binary) and returns the path.
std::filesystem::path writeFile(const std::filesystem::path& file, const std::string& bytes);

/// What `zbarimg` reads from an image file: the decoded text of the first symbol, or "".
std::string decodeQr(const std::filesystem::path& image);

}  // namespace tisheng::test
