#include "certificates/QrCode.h"

#include <png.h>
#include <qrencode.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace tisheng::certificates {

namespace {
struct QrFree {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

void appendToString(png_structp png, png_bytep data, png_size_t length) {
  static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<char*>(data), length);
}
}  // namespace

QrCode QrCode::encode(std::string_view text, int maxVersion) {
  std::string copy(text);
  std::unique_ptr<QRcode, QrFree> code(
      QRcode_encodeString(copy.c_str(), 0, QR_ECLEVEL_Q, QR_MODE_8, 1));
  if (!code)
    throw std::runtime_error("QR encoding failed for " + std::to_string(text.size()) + " bytes");
  if (code->version > maxVersion)
    throw std::runtime_error("QR code needs version " + std::to_string(code->version) +
                             ", above the limit " + std::to_string(maxVersion));
  int inner = code->width;
  int size = inner + 2 * kQuietZone;
  auto side = static_cast<std::size_t>(size);
  std::vector<bool> modules(side * side, false);
  for (int y = 0; y < inner; ++y)
    for (int x = 0; x < inner; ++x)
      modules[static_cast<std::size_t>(y + kQuietZone) * side +
              static_cast<std::size_t>(x + kQuietZone)] = code->data[y * inner + x] & 1;
  return QrCode(code->version, size, std::move(modules));
}

std::string QrCode::toSvg() const {
  std::string path;
  for (int y = 0; y < size_; ++y)
    for (int x = 0; x < size_;) {
      if (!dark(x, y)) {
        ++x;
        continue;
      }
      int run = 1;
      while (x + run < size_ && dark(x + run, y)) ++run;
      path += "M" + std::to_string(x) + " " + std::to_string(y) + "h" + std::to_string(run) +
              "v1h-" + std::to_string(run) + "z";
      x += run;
    }
  std::string side = std::to_string(size_);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " + side +
         "\" shape-rendering=\"crispEdges\"><rect width=\"" + side + "\" height=\"" + side +
         "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>\n";
}

std::string QrCode::toPng(int pixelsPerModule) const {
  std::string out;
  auto side = static_cast<png_uint_32>(size_ * pixelsPerModule);
  std::vector<png_byte> row(side);  // allocated before setjmp: a longjmp must skip no destructor
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!info) {
    png_destroy_write_struct(&png, nullptr);
    throw std::runtime_error("libpng: out of memory");
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    throw std::runtime_error("libpng: cannot write the QR image");
  }
  png_set_write_fn(png, &out, appendToString, nullptr);
  png_set_IHDR(png, info, side, side, 8, PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  for (int y = 0; y < size_; ++y) {
    for (int x = 0; x < size_; ++x)
      std::fill_n(row.begin() + static_cast<std::ptrdiff_t>(x) * pixelsPerModule, pixelsPerModule,
                  dark(x, y) ? 0 : 255);
    for (int repeat = 0; repeat < pixelsPerModule; ++repeat) png_write_row(png, row.data());
  }
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return out;
}

}  // namespace tisheng::certificates
