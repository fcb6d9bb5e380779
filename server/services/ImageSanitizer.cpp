#include "services/ImageSanitizer.h"

#include <libexif/exif-data.h>
#include <png.h>
#include <turbojpeg.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "services/Errors.h"

namespace tisheng::services {

namespace {

using Pixels = std::vector<unsigned char>;

[[noreturn]] void refuse(const std::string& why) { throw Invalid("body", why); }

void checkSize(std::int64_t width, std::int64_t height, const ImageLimits& limits) {
  if (width <= 0 || height <= 0) refuse("the image has no pixels");
  if (width * height > limits.maxPixels)
    refuse("the image has " + std::to_string(width) + "×" + std::to_string(height) +
           " pixels; at most " + std::to_string(limits.maxPixels) + " are accepted");
}

/// The EXIF orientation (1 to 8) of a JPEG; 1 when it has none.
int exifOrientation(std::string_view jpeg) {
  std::unique_ptr<ExifData, decltype(&exif_data_unref)> exif(
      exif_data_new_from_data(reinterpret_cast<const unsigned char*>(jpeg.data()),
                              static_cast<unsigned int>(jpeg.size())),
      &exif_data_unref);
  if (!exif) return 1;
  ExifEntry* entry = exif_data_get_entry(exif.get(), EXIF_TAG_ORIENTATION);
  if (!entry || entry->format != EXIF_FORMAT_SHORT || entry->components != 1) return 1;
  int value = exif_get_short(entry->data, exif_data_get_byte_order(exif.get()));
  return value >= 1 && value <= 8 ? value : 1;
}

/// Turns pixels stored with an EXIF orientation into pixels that stand upright.
Pixels orient(const Pixels& in, int& width, int& height, int channels, int orientation) {
  if (orientation == 1) return in;
  const int w = width, h = height;
  const bool swaps = orientation >= 5;
  const int outWidth = swaps ? h : w, outHeight = swaps ? w : h;
  Pixels out(in.size());
  for (int y = 0; y < outHeight; ++y)
    for (int x = 0; x < outWidth; ++x) {
      int sx = x, sy = y;
      switch (orientation) {
        case 2: sx = w - 1 - x; break;
        case 3:
          sx = w - 1 - x;
          sy = h - 1 - y;
          break;
        case 4: sy = h - 1 - y; break;
        case 5:
          sx = y;
          sy = x;
          break;
        case 6:
          sx = y;
          sy = h - 1 - x;
          break;
        case 7:
          sx = w - 1 - y;
          sy = h - 1 - x;
          break;
        case 8:
          sx = w - 1 - y;
          sy = x;
          break;
        default: break;
      }
      std::copy_n(&in[(static_cast<std::size_t>(sy) * w + sx) * channels], channels,
                  &out[(static_cast<std::size_t>(y) * outWidth + x) * channels]);
    }
  width = outWidth;
  height = outHeight;
  return out;
}

/// Decodes a JPEG completely — at the largest scale (1/1 to 1/8) whose longer side is at least
/// maxSide pixels, or at full size when maxSide is 0 — applies its EXIF orientation and encodes
/// the pixels again.
CleanImage cleanJpeg(std::string_view bytes, const ImageLimits& limits, int maxSide = 0,
                     int quality = 88) {
  auto data = reinterpret_cast<const unsigned char*>(bytes.data());
  auto size = static_cast<unsigned long>(bytes.size());
  std::unique_ptr<void, decltype(&tjDestroy)> decoder(tjInitDecompress(), &tjDestroy);
  int width = 0, height = 0, subsampling = 0, colorspace = 0;
  if (tjDecompressHeader3(decoder.get(), data, size, &width, &height, &subsampling, &colorspace) ||
      width <= 0 || height <= 0)
    refuse("not a readable JPEG image");
  checkSize(width, height, limits);
  int denominator = 1;
  while (maxSide > 0 && denominator < 8 && std::max(width, height) / (denominator * 2) >= maxSide)
    denominator *= 2;
  width = (width + denominator - 1) / denominator;
  height = (height + denominator - 1) / denominator;
  Pixels pixels(static_cast<std::size_t>(width) * height * 3);
  // A warning (a truncated or corrupt file) fails too: only whole images are kept.
  if (tjDecompress2(decoder.get(), data, size, pixels.data(), width, 0, height, TJPF_RGB, 0))
    refuse(std::string("the JPEG image is damaged or incomplete: ") +
           tjGetErrorStr2(decoder.get()));
  pixels = orient(pixels, width, height, 3, exifOrientation(bytes));

  std::unique_ptr<void, decltype(&tjDestroy)> encoder(tjInitCompress(), &tjDestroy);
  unsigned char* encoded = nullptr;
  unsigned long encodedSize = 0;
  if (tjCompress2(encoder.get(), pixels.data(), width, 0, height, TJPF_RGB, &encoded, &encodedSize,
                  TJSAMP_420, quality, 0)) {
    tjFree(encoded);
    throw std::runtime_error(std::string("JPEG encoding failed: ") + tjGetErrorStr2(encoder.get()));
  }
  CleanImage out{std::string(reinterpret_cast<char*>(encoded), encodedSize), "image/jpeg", width,
                 height};
  tjFree(encoded);
  return out;
}

CleanImage cleanPng(std::string_view bytes, const ImageLimits& limits) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  std::unique_ptr<png_image, decltype(&png_image_free)> release(&image, &png_image_free);
  if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size()))
    refuse(std::string("not a readable PNG image: ") + image.message);
  checkSize(image.width, image.height, limits);
  image.format = PNG_FORMAT_RGBA;
  Pixels pixels(PNG_IMAGE_SIZE(image));
  if (!png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr))
    refuse(std::string("the PNG image is damaged or incomplete: ") + image.message);

  png_image output{};
  output.version = PNG_IMAGE_VERSION;
  output.width = image.width;
  output.height = image.height;
  output.format = PNG_FORMAT_RGBA;
  png_alloc_size_t size = 0;
  if (!png_image_write_get_memory_size(output, size, 0, pixels.data(), 0, nullptr))
    throw std::runtime_error(std::string("PNG encoding failed: ") + output.message);
  std::string encoded(size, '\0');
  if (!png_image_write_to_memory(&output, encoded.data(), &size, 0, pixels.data(), 0, nullptr))
    throw std::runtime_error(std::string("PNG encoding failed: ") + output.message);
  encoded.resize(size);
  return {std::move(encoded), "image/png", static_cast<int>(image.width),
          static_cast<int>(image.height)};
}

}  // namespace

CleanImage sanitizeImage(std::string_view bytes, const ImageLimits& limits) {
  if (bytes.starts_with("\xFF\xD8\xFF")) return cleanJpeg(bytes, limits);
  if (bytes.starts_with("\x89PNG\r\n\x1A\n")) return cleanPng(bytes, limits);
  refuse("expected a JPEG or PNG image");
}

CleanImage printThumbnail(std::string_view bytes, int maxSide) {
  if (bytes.starts_with("\xFF\xD8\xFF")) return cleanJpeg(bytes, {}, maxSide, 80);
  return sanitizeImage(bytes);
}

}  // namespace tisheng::services
