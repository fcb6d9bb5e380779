#include "Drawing.h"

#include <algorithm>
#include <cmath>

namespace tisheng::certificates::drawing {

cairo_status_t appendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void setColor(cairo_t* cr, unsigned rgb) {
  cairo_set_source_rgb(cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                       (rgb & 0xff) / 255.0);
}

double text(cairo_t* cr, const std::string& content, const std::string& font, double size,
            double left, double y, double width, unsigned rgb, PangoAlignment align, int maxLines) {
  if (content.empty()) return 0;
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* description = pango_font_description_from_string(font.c_str());
  pango_font_description_set_absolute_size(description, size * PANGO_SCALE);
  pango_layout_set_font_description(layout, description);
  pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout, align);
  if (maxLines > 0) {
    pango_layout_set_height(layout, -maxLines);
    pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
  }
  pango_layout_set_text(layout, content.c_str(), -1);
  int w = 0, h = 0;
  pango_layout_get_size(layout, &w, &h);
  setColor(cr, rgb);
  cairo_move_to(cr, left, y);
  pango_cairo_show_layout(cr, layout);
  pango_font_description_free(description);
  g_object_unref(layout);
  return static_cast<double>(h) / PANGO_SCALE;
}

double qr(cairo_t* cr, const QrCode& code, double left, double top, double width,
          double pixelsPerPoint) {
  double module = std::max(1.0, std::floor(width / code.size() * pixelsPerPoint)) / pixelsPerPoint;
  double side = module * code.size();
  left = std::round(left * pixelsPerPoint) / pixelsPerPoint;
  top = std::round(top * pixelsPerPoint) / pixelsPerPoint;
  setColor(cr, 0xffffff);
  cairo_rectangle(cr, left, top, side, side);
  cairo_fill(cr);
  cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
  setColor(cr, 0x000000);
  // One rectangle per run of dark modules in a row: the same picture, far fewer PDF operators.
  for (int y = 0; y < code.size(); ++y)
    for (int x = 0; x < code.size();) {
      int run = 0;
      while (x + run < code.size() && code.dark(x + run, y)) ++run;
      if (run > 0) cairo_rectangle(cr, left + x * module, top + y * module, run * module, module);
      x += std::max(run, 1);
    }
  cairo_fill(cr);
  cairo_set_antialias(cr, CAIRO_ANTIALIAS_DEFAULT);
  return side;
}

}  // namespace tisheng::certificates::drawing
