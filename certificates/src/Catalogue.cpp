#include "certificates/Catalogue.h"

#include <cairo-pdf.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include "Drawing.h"

namespace tisheng::certificates {

namespace {

using namespace drawing;  // NOLINT(google-build-using-namespace): the catalogue's own toolkit

constexpr double kWidth = 148 * kMm;
constexpr double kHeight = 210 * kMm;
constexpr double kMargin = 12 * kMm;
constexpr double kInner = kWidth - 2 * kMargin;
constexpr std::size_t kPerPage = 3;
constexpr double kBlock = 56 * kMm;
constexpr double kPhoto = 30 * kMm;
constexpr double kQr = 26 * kMm;
/// Fine enough that each QR module is a whole number of 1/600 in: crisp when printed.
constexpr double kPixelsPerPoint = 600 / 72.0;
constexpr unsigned kRed = 0xb3261e, kInk = 0x1f1f1f, kGrey = 0x4d5156, kGold = 0xc9a227;

struct ReadState {
  const std::string* bytes;
  std::size_t offset;
};

cairo_status_t readFromString(void* closure, unsigned char* data, unsigned int length) {
  auto* state = static_cast<ReadState*>(closure);
  if (state->offset + length > state->bytes->size()) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(data, state->bytes->data() + state->offset, length);
  state->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

/// The photo as a surface the PDF embeds: a JPEG as it is (its bytes attached as MIME data),
/// a PNG decoded. Null when it cannot be read.
Surface photoSurface(const PrintPhoto& photo) {
  if (photo.type == "image/png") {
    ReadState state{&photo.bytes, 0};
    Surface surface(cairo_image_surface_create_from_png_stream(readFromString, &state));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return nullptr;
    return surface;
  }
  if (photo.type != "image/jpeg" || photo.width <= 0 || photo.height <= 0) return nullptr;
  Surface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, photo.width, photo.height));
  // Cairo keeps the bytes as long as the surface and frees them with std::free.
  auto* copy = static_cast<unsigned char*>(std::malloc(photo.bytes.size()));
  if (!copy) return nullptr;
  std::copy(photo.bytes.begin(), photo.bytes.end(), copy);
  if (cairo_surface_set_mime_data(surface.get(), CAIRO_MIME_TYPE_JPEG, copy, photo.bytes.size(),
                                  std::free, copy) != CAIRO_STATUS_SUCCESS) {
    std::free(copy);
    return nullptr;
  }
  return surface;
}

/// The photo cropped to fill a square, or a quiet placeholder.
void drawPhoto(cairo_t* cr, const PrintPhoto& photo, double left, double top) {
  Surface surface = photo.bytes.empty() ? nullptr : photoSurface(photo);
  cairo_save(cr);
  cairo_rectangle(cr, left, top, kPhoto, kPhoto);
  cairo_clip(cr);
  if (!surface) {
    setColor(cr, 0xece8dc);
    cairo_paint(cr);
  } else {
    double width = cairo_image_surface_get_width(surface.get());
    double height = cairo_image_surface_get_height(surface.get());
    double scale = kPhoto / std::min(width, height);
    cairo_translate(cr, left + (kPhoto - width * scale) / 2, top + (kPhoto - height * scale) / 2);
    cairo_scale(cr, scale, scale);
    cairo_set_source_surface(cr, surface.get(), 0, 0);
    cairo_paint(cr);
  }
  cairo_restore(cr);
}

void pageNumber(cairo_t* cr, const CatalogueContent& c, int number) {
  text(cr, c.title + "  ·  " + std::to_string(number), kSans, 7, kMargin, kHeight - 9 * kMm, kInner,
       kGrey);
}

void cover(cairo_t* cr, const CatalogueContent& c) {
  setColor(cr, 0xfffdf7);
  cairo_paint(cr);
  setColor(cr, kRed);
  cairo_rectangle(cr, 0, 0, kWidth, 92 * kMm);
  cairo_fill(cr);
  setColor(cr, kGold);
  cairo_rectangle(cr, 0, 92 * kMm, kWidth, 2 * kMm);
  cairo_fill(cr);
  double y = 24 * kMm;
  y += text(cr, c.brand, kSans, 12, kMargin, y, kInner, 0xffffff) + 6 * kMm;
  y += text(cr, c.programme, std::string(kSerif) + " Bold", 18, kMargin, y, kInner, 0xffe9c7) +
       4 * kMm;
  text(cr, c.title, std::string(kSerif) + " Bold", 30, kMargin, y, kInner, 0xffffff);
  y = 104 * kMm;
  y += text(cr, c.subtitle, kSans, 11, kMargin, y, kInner, kGrey) + 10 * kMm;
  y += text(cr, c.validAsOf, std::string(kSans) + " Bold", 13, kMargin, y, kInner, kInk) + 3 * kMm;
  text(cr, c.summary, kSans, 10, kMargin, y, kInner, kGrey);
  text(cr, c.issuer, kSans, 10, kMargin, kHeight - 28 * kMm, kInner, kInk);
}

/// The page each section starts on (the cover is page 1, the contents page 2).
std::vector<int> firstPages(const CatalogueContent& c) {
  std::vector<int> pages;
  int next = 3;
  for (const auto& section : c.sections) {
    pages.push_back(next);
    next += static_cast<int>((section.entries.size() + kPerPage - 1) / kPerPage);
  }
  return pages;
}

void contents(cairo_t* cr, const CatalogueContent& c, const std::vector<int>& pages) {
  setColor(cr, 0xffffff);
  cairo_paint(cr);
  double y = kMargin + 4 * kMm;
  y += text(cr, c.contentsTitle, std::string(kSerif) + " Bold", 18, kMargin, y, kInner, kInk,
            PANGO_ALIGN_LEFT) +
       6 * kMm;
  for (std::size_t i = 0; i < c.sections.size(); ++i) {
    const auto& section = c.sections[i];
    text(cr, section.county + "（" + std::to_string(section.entries.size()) + "）", kSans, 11,
         kMargin, y, kInner, kInk, PANGO_ALIGN_LEFT);
    std::string page = c.pageWord;
    if (auto slot = page.find("{n}"); slot != std::string::npos)
      page.replace(slot, 3, std::to_string(pages[i]));
    y += text(cr, page, kSans, 11, kMargin, y, kInner, kGrey, PANGO_ALIGN_RIGHT) + 3 * kMm;
  }
  pageNumber(cr, c, 2);
}

void entryBlock(cairo_t* cr, const CatalogueContent& c, const CatalogueEntry& e, double top) {
  drawPhoto(cr, e.photo, kMargin, top);
  const double left = kMargin + kPhoto + 4 * kMm;
  const double width = kWidth - kMargin - kQr - 4 * kMm - left;
  double y = top;
  y += text(cr, e.name, std::string(kSerif) + " Bold", 12, left, y, width, kInk, PANGO_ALIGN_LEFT,
            2);
  y += text(cr, e.nameOther, kSans, 7, left, y, width, kGrey, PANGO_ALIGN_LEFT, 1) + 0.5 * kMm;
  y += text(cr, e.grade, std::string(kSans) + " Bold", 10, left, y, width, kRed, PANGO_ALIGN_LEFT) +
       0.8 * kMm;
  y += text(cr, e.address, kSans, 7.5, left, y, width, kInk, PANGO_ALIGN_LEFT, 2);
  y += text(cr, e.contact, kSans, 7.5, left, y, width, kInk, PANGO_ALIGN_LEFT, 1);
  for (const auto& detail : e.details)
    y += text(cr, detail, kSans, 7.5, left, y, width, kInk, PANGO_ALIGN_LEFT, 2);
  text(cr, e.description, kSans, 7, left, y + 0.8 * kMm, width, kGrey, PANGO_ALIGN_LEFT, 3);

  const double qrLeft = kWidth - kMargin - kQr;
  double side = qr(cr, QrCode::encode(e.url), qrLeft, top, kQr, kPixelsPerPoint);
  double below = top + side + 0.8 * kMm;
  below += text(cr, c.scanToVerify, kSans, 6, qrLeft - 2 * kMm, below, kQr + 4 * kMm, kGrey);
  text(cr, e.serial, "DejaVu Sans Mono", 5.5, qrLeft - 2 * kMm, below, kQr + 4 * kMm, kGrey);
  setColor(cr, 0xdedad0);
  cairo_set_line_width(cr, 0.3 * kMm);
  cairo_move_to(cr, kMargin, top + kBlock - 4 * kMm);
  cairo_line_to(cr, kWidth - kMargin, top + kBlock - 4 * kMm);
  cairo_stroke(cr);
}

}  // namespace

std::string renderCataloguePdf(const CatalogueContent& c) {
  std::string out;
  {
    Surface surface(cairo_pdf_surface_create_for_stream(appendToString, &out, kWidth, kHeight));
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, c.title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Tisheng");
    Context cr(cairo_create(surface.get()));
    cover(cr.get(), c);
    cairo_show_page(cr.get());
    auto pages = firstPages(c);
    contents(cr.get(), c, pages);
    cairo_show_page(cr.get());
    int number = 3;
    for (const auto& section : c.sections) {
      for (std::size_t i = 0; i < section.entries.size(); i += kPerPage) {
        double y = kMargin;
        y += text(cr.get(), section.county, std::string(kSerif) + " Bold", 14, kMargin, y, kInner,
                  kRed, PANGO_ALIGN_LEFT) +
             4 * kMm;
        for (std::size_t j = i; j < std::min(i + kPerPage, section.entries.size());
             ++j, y += kBlock)
          entryBlock(cr.get(), c, section.entries[j], y);
        pageNumber(cr.get(), c, number++);
        cairo_show_page(cr.get());
      }
    }
    cairo_surface_finish(surface.get());
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
      throw std::runtime_error(std::string("catalogue drawing failed: ") +
                               cairo_status_to_string(cairo_status(cr.get())));
  }
  return out;
}

}  // namespace tisheng::certificates
