#include "certificates/Plaque.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "Drawing.h"

namespace tisheng::certificates {

namespace {

using namespace drawing;  // NOLINT(google-build-using-namespace): the plaque's own toolkit

constexpr double kWidth = 148 * kMm;
constexpr double kHeight = 210 * kMm;
constexpr double kQrWidth = 50 * kMm;

/// Text centred across the plaque between its margins.
double text(cairo_t* cr, const std::string& content, const std::string& font, double size, double y,
            unsigned rgb) {
  return drawing::text(cr, content, font, size, 12 * kMm, y, kWidth - 24 * kMm, rgb);
}

/// The QR code centred, 50 mm wide.
double drawQr(cairo_t* cr, const QrCode& code, double top, double pixelsPerPoint) {
  double module =
      std::max(1.0, std::floor(kQrWidth / code.size() * pixelsPerPoint)) / pixelsPerPoint;
  return drawing::qr(cr, code, (kWidth - module * code.size()) / 2, top, kQrWidth, pixelsPerPoint);
}

void draw(cairo_t* cr, const PlaqueContent& c, double pixelsPerPoint) {
  const unsigned kRed = 0xb3261e, kInk = 0x1f1f1f, kGrey = 0x5f6368, kGold = 0xc9a227;
  setColor(cr, 0xfffdf7);
  cairo_paint(cr);
  // Frame and header band.
  setColor(cr, kGold);
  cairo_set_line_width(cr, 2 * kMm);
  cairo_rectangle(cr, 5 * kMm, 5 * kMm, kWidth - 10 * kMm, kHeight - 10 * kMm);
  cairo_stroke(cr);
  setColor(cr, kRed);
  cairo_rectangle(cr, 6 * kMm, 6 * kMm, kWidth - 12 * kMm, 34 * kMm);
  cairo_fill(cr);

  double y = 10 * kMm;
  y += text(cr, c.brand, kSans, 11, y, 0xffffff) + 1 * kMm;
  y += text(cr, c.programme + " · " + c.categoryZh, std::string(kSerif) + " Bold", 24, y, 0xffffff);
  text(cr, c.categoryEn, kSans, 9, y, 0xffe9c7);

  y = 50 * kMm;
  y += text(cr, c.entryNameZh, std::string(kSerif) + " Bold", 22, y, kInk) + 1 * kMm;
  y += text(cr, c.entryNameEn, kSans, 10, y, kGrey) + 5 * kMm;
  y += text(cr, c.gradeZh, std::string(kSerif) + " Bold", 40, y, kRed);
  y += text(cr, c.gradeEn, kSans, 11, y, kRed) + 7 * kMm;

  QrCode qr = QrCode::encode(c.url);
  y += drawQr(cr, qr, y, pixelsPerPoint) + 1.5 * kMm;
  y += text(cr, c.shortDomain, "DejaVu Sans Mono Bold", 12, y, kInk);
  y += text(cr, "扫码验真 · Scan to verify", kSans, 8, y, kGrey) + 8 * kMm;

  y += text(cr, "证书编号 Serial  " + c.serial, "DejaVu Sans Mono", 10, y, kInk) + 1 * kMm;
  y += text(cr, "有效期至 Valid until  " + c.validUntil, kSans, 10, y, kInk) + 3 * kMm;
  y += text(cr, "颁发单位：" + c.issuerZh, kSans, 9, y, kGrey);
  text(cr, "Issued by " + c.issuerEn, kSans, 8, y, kGrey);
}

void finish(cairo_t* cr, cairo_surface_t* surface) {
  cairo_show_page(cr);
  cairo_surface_finish(surface);
  if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("plaque drawing failed: ") +
                             cairo_status_to_string(cairo_status(cr)));
}

/// Draws onto a vector surface that streams into a string; configure sets it up first.
template <typename Configure>
std::string renderVector(cairo_surface_t* (*create)(cairo_write_func_t, void*, double, double),
                         Configure configure, const PlaqueContent& content) {
  std::string out;
  {
    Surface surface(create(appendToString, &out, kWidth, kHeight));
    configure(surface.get());
    Context cr(cairo_create(surface.get()));
    draw(cr.get(), content, 600 / 72.0);
    finish(cr.get(), surface.get());
  }
  return out;
}

}  // namespace

std::string renderPlaquePdf(const PlaqueContent& content) {
  return renderVector(
      cairo_pdf_surface_create_for_stream,
      [&](cairo_surface_t* surface) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
                                       (content.serial + " " + content.entryNameZh).c_str());
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Tisheng");
      },
      content);
}

std::string renderPlaqueSvg(const PlaqueContent& content) {
  return renderVector(
      cairo_svg_surface_create_for_stream,
      [](cairo_surface_t* surface) {
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT);
      },
      content);
}

std::string renderPlaquePng(const PlaqueContent& content, int dpi) {
  double scale = dpi / 72.0;
  Surface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(kWidth * scale),
                                             static_cast<int>(kHeight * scale)));
  Context cr(cairo_create(surface.get()));
  cairo_scale(cr.get(), scale, scale);
  draw(cr.get(), content, scale);
  cairo_surface_flush(surface.get());
  if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error("plaque drawing failed");
  std::string out;
  cairo_surface_write_to_png_stream(surface.get(), appendToString, &out);
  return out;
}

}  // namespace tisheng::certificates
