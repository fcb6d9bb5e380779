#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tisheng::services {

struct ImageLimits {
  std::int64_t maxPixels = 40'000'000;  ///< a 40 MP phone photo; refused above, before decoding
};

/// An image rebuilt from its pixels alone.
struct CleanImage {
  std::string bytes;
  std::string type;  ///< "image/jpeg" or "image/png"
  int width = 0;
  int height = 0;
};

/// Decodes a JPEG (libjpeg-turbo) or PNG (libpng) completely and encodes its pixels again in
/// the same format, so that what is stored and served is a whole, well-formed image with no
/// metadata at all (no EXIF GPS position of a private home, no camera serials, no comments).
/// A JPEG's EXIF orientation (libexif) is applied to the pixels first, so the photo still
/// stands the right way up. Refuses truncated or corrupt files, other formats, and images over
/// limits.maxPixels (checked from the header, before any pixel memory is taken).
/// Throws Invalid (field "body") saying why. Thread-safe.
CleanImage sanitizeImage(std::string_view bytes, const ImageLimits& limits = {});

/// A small copy of a stored image for print (brochures): a JPEG decoded at the largest scale
/// (1/1 to 1/8) that keeps its longer side at least maxSide pixels and encoded again; a PNG
/// cleaned at full size. Throws Invalid for anything else.
CleanImage printThumbnail(std::string_view bytes, int maxSide = 600);

}  // namespace tisheng::services
