#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tisheng::certificates {

/// A QR code symbol from libqrencode at error correction Q, case-sensitive, in the smallest
/// version that fits; the 4-module quiet zone is part of the matrix. Immutable.
class QrCode {
 public:
  static constexpr int kQuietZone = 4;

  /// Throws std::runtime_error when text needs a version above maxVersion.
  static QrCode encode(std::string_view text, int maxVersion = 10);

  int version() const { return version_; }
  /// Modules per side, quiet zone included.
  int size() const { return size_; }
  bool dark(int x, int y) const {
    return modules_[static_cast<std::size_t>(y) * static_cast<std::size_t>(size_) +
                    static_cast<std::size_t>(x)];
  }

  /// A vector image, one module per user unit, dark modules as one path.
  std::string toSvg() const;
  /// An 8-bit grayscale PNG (libpng) with pixelsPerModule pixels per module.
  std::string toPng(int pixelsPerModule) const;

 private:
  QrCode(int version, int size, std::vector<bool> modules)
      : version_(version), size_(size), modules_(std::move(modules)) {}
  int version_;
  int size_;
  std::vector<bool> modules_;
};

}  // namespace tisheng::certificates
