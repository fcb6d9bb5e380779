#pragma once

// Drawing with Cairo and Pango, shared by the plaque and the catalogue (internal header).

#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string>

#include "certificates/QrCode.h"

namespace tisheng::certificates::drawing {

constexpr double kMm = 72.0 / 25.4;  // points per millimetre
constexpr const char* kSans = "Noto Sans CJK SC";
constexpr const char* kSerif = "Noto Serif CJK SC";

struct SurfaceFree {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextFree {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceFree>;
using Context = std::unique_ptr<cairo_t, ContextFree>;

/// A cairo_write_func_t appending to the std::string closure.
cairo_status_t appendToString(void* closure, const unsigned char* data, unsigned int length);

void setColor(cairo_t* cr, unsigned rgb);

/// Draws text wrapped in [left, left + width] with its top at y; returns the height used.
/// maxLines > 0 cuts the text there with an ellipsis.
double text(cairo_t* cr, const std::string& content, const std::string& font, double size,
            double left, double y, double width, unsigned rgb,
            PangoAlignment align = PANGO_ALIGN_CENTER, int maxLines = 0);

/// The QR code at (left, top), at most `width` wide, with modules of a whole number of device
/// pixels at pixelsPerPoint; returns its side.
double qr(cairo_t* cr, const QrCode& code, double left, double top, double width,
          double pixelsPerPoint);

}  // namespace tisheng::certificates::drawing
