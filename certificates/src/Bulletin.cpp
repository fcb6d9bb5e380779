#include "certificates/Bulletin.h"

#include <algorithm>
#include <stdexcept>

#include <cairo-pdf.h>

#include "Drawing.h"

namespace tisheng::certificates {

using namespace drawing;  // NOLINT(google-build-using-namespace): the bulletin's own toolkit

namespace {

constexpr double kWidth = 210 * kMm;
constexpr double kHeight = 297 * kMm;
constexpr double kMargin = 20 * kMm;
constexpr double kInner = kWidth - 2 * kMargin;
constexpr double kBottom = kHeight - 18 * kMm;
constexpr unsigned kRed = 0xb71c1c;
constexpr unsigned kInk = 0x212121;
constexpr unsigned kGrey = 0x616161;
constexpr unsigned kRule = 0xbdbdbd;
constexpr unsigned kBar = 0x1565c0;

/// Draws page after page, starting a new one when what comes next would not fit.
class Pages {
 public:
  Pages(cairo_t* cr, const BulletinContent& content) : cr_(cr), content_(content) {}

  cairo_t* cr() const { return cr_; }
  double y = kMargin;

  void need(double height) {
    if (y + height > kBottom) next();
  }
  void next() {
    footer();
    cairo_show_page(cr_);
    y = kMargin;
  }
  void finish() { footer(); }

 private:
  void footer() {
    std::string word = content_.pageWord;
    auto slot = word.find("{n}");
    if (slot != std::string::npos) word.replace(slot, 3, std::to_string(number_));
    text(cr_, word, kSans, 8, kMargin, kHeight - 12 * kMm, kInner, kGrey);
    ++number_;
  }

  cairo_t* cr_;
  const BulletinContent& content_;
  int number_ = 1;
};

void titleBlock(Pages& p, const BulletinContent& c) {
  cairo_t* cr = p.cr();
  p.y += text(cr, c.brand, kSans, 9, kMargin, p.y, kInner, kGrey) + 3 * kMm;
  p.y += text(cr, c.title, std::string(kSerif) + " Bold", 20, kMargin, p.y, kInner, kRed) + 3 * kMm;
  p.y += text(cr, c.period, kSans, 11, kMargin, p.y, kInner, kInk) + 2 * kMm;
  p.y += text(cr, c.issuer + "　" + c.asOf, kSans, 9, kMargin, p.y, kInner, kGrey) + 3 * kMm;
  setColor(cr, kRed);
  cairo_set_line_width(cr, 1.2);
  cairo_move_to(cr, kMargin, p.y);
  cairo_line_to(cr, kMargin + kInner, p.y);
  cairo_stroke(cr);
  p.y += 6 * kMm;
}

void chart(Pages& p, const BulletinChart& chart) {
  if (chart.bars.empty()) return;
  cairo_t* cr = p.cr();
  constexpr double kRow = 6 * kMm;
  constexpr double kLabel = 38 * kMm;
  constexpr double kShown = 26 * kMm;
  p.need(8 * kMm + kRow);
  p.y += text(cr, chart.title, std::string(kSans) + " Bold", 9, kMargin, p.y, kInner, kInk,
              PANGO_ALIGN_LEFT) +
         2 * kMm;
  double span = kInner - kLabel - kShown;
  for (const auto& bar : chart.bars) {
    p.need(kRow);
    text(cr, bar.label, kSans, 8.5, kMargin, p.y + 0.8 * kMm, kLabel - 2 * kMm, kInk,
         PANGO_ALIGN_RIGHT, 1);
    double length = chart.max > 0 ? std::clamp(bar.value / chart.max, 0.0, 1.0) * span : 0;
    setColor(cr, kBar);
    cairo_rectangle(cr, kMargin + kLabel, p.y + 1 * kMm, std::max(length, 0.3), kRow - 2 * kMm);
    cairo_fill(cr);
    text(cr, bar.shown, kSans, 8.5, kMargin + kLabel + length + 1.5 * kMm, p.y + 0.8 * kMm, kShown,
         kInk, PANGO_ALIGN_LEFT, 1);
    p.y += kRow;
  }
  p.y += 4 * kMm;
}

/// Column widths in proportion to the longest text of each column.
std::vector<double> widths(const BulletinTable& t) {
  std::vector<double> weight(t.header.size(), 2);
  auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size() && i < weight.size(); ++i)
      weight[i] = std::max(weight[i], std::min(30.0, static_cast<double>(row[i].size())));
  };
  measure(t.header);
  for (const auto& row : t.rows) measure(row);
  double total = 0;
  for (double w : weight) total += w;
  for (double& w : weight) w = w / total * kInner;
  return weight;
}

double row(cairo_t* cr, const BulletinTable& t, const std::vector<std::string>& cells,
           const std::vector<double>& width, double y, bool header) {
  double height = 0, x = kMargin;
  for (std::size_t i = 0; i < cells.size() && i < width.size(); ++i) {
    bool right = i < t.numeric.size() && t.numeric[i];
    double h = text(cr, cells[i], header ? std::string(kSans) + " Bold" : kSans, 8, x + 1 * kMm,
                    y + 1 * kMm, width[i] - 2 * kMm, header ? kInk : 0x303030,
                    right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT, 3);
    height = std::max(height, h);
    x += width[i];
  }
  height += 2 * kMm;
  setColor(cr, kRule);
  cairo_set_line_width(cr, header ? 0.8 : 0.4);
  cairo_move_to(cr, kMargin, y + height);
  cairo_line_to(cr, kMargin + kInner, y + height);
  cairo_stroke(cr);
  return height;
}

void table(Pages& p, const BulletinSection& s) {
  cairo_t* cr = p.cr();
  if (s.table.rows.empty()) {
    if (s.empty.empty()) return;
    p.need(8 * kMm);
    p.y += text(cr, s.empty, kSans, 9, kMargin, p.y, kInner, kGrey, PANGO_ALIGN_LEFT) + 4 * kMm;
    return;
  }
  auto width = widths(s.table);
  p.need(16 * kMm);
  p.y += row(cr, s.table, s.table.header, width, p.y, true);
  for (const auto& cells : s.table.rows) {
    if (p.y + 10 * kMm > kBottom) {
      p.next();
      p.y += row(cr, s.table, s.table.header, width, p.y, true);
    }
    p.y += row(cr, s.table, cells, width, p.y, false);
  }
  p.y += 5 * kMm;
}

}  // namespace

std::string renderBulletinPdf(const BulletinContent& c) {
  std::string out;
  {
    Surface surface(cairo_pdf_surface_create_for_stream(appendToString, &out, kWidth, kHeight));
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, c.title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Tisheng");
    Context cr(cairo_create(surface.get()));
    Pages pages(cr.get(), c);
    titleBlock(pages, c);
    for (const auto& section : c.sections) {
      pages.need(24 * kMm);
      pages.y += text(cr.get(), section.heading, std::string(kSerif) + " Bold", 13, kMargin,
                      pages.y, kInner, kRed, PANGO_ALIGN_LEFT) +
                 2 * kMm;
      if (!section.paragraph.empty())
        pages.y += text(cr.get(), section.paragraph, kSans, 9.5, kMargin, pages.y, kInner, kInk,
                        PANGO_ALIGN_LEFT) +
                   4 * kMm;
      chart(pages, section.chart);
      table(pages, section);
    }
    pages.finish();
    cairo_surface_finish(surface.get());
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
      throw std::runtime_error(std::string("bulletin drawing failed: ") +
                               cairo_status_to_string(cairo_status(cr.get())));
  }
  return out;
}

}  // namespace tisheng::certificates
