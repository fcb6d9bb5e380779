#include "web/BulletinPage.h"

#include <algorithm>
#include <cstdio>

#include "web/Html.h"

namespace tisheng::web {

namespace {

const std::string kStyle =
    "@page{size:A4;margin:18mm}body{margin:0;font:15px/1.6 'Noto Sans CJK SC',sans-serif;"
    "color:#212121;background:#fff}main{max-width:48rem;margin:auto;padding:1rem}"
    "header{border-bottom:3px solid #b71c1c;margin-bottom:1rem;text-align:center}"
    "header h1{color:#b71c1c;font-family:'Noto Serif CJK SC',serif;font-size:1.7rem;"
    "margin:.4rem 0}header p{margin:.2rem 0}.muted{color:#555}h2{color:#b71c1c;"
    "font-family:'Noto Serif CJK SC',serif;font-size:1.2rem;margin:1.4rem 0 .4rem}"
    "table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.4rem 0 1rem}"
    "th,td{border-bottom:1px solid #ccc;padding:.25rem .4rem;text-align:left;vertical-align:top}"
    "th{border-bottom:2px solid #999}td.n,th.n{text-align:right;font-variant-numeric:"
    "tabular-nums}figure{margin:.4rem 0 1rem}figcaption{font-weight:700;font-size:.9rem}"
    "svg{width:100%;height:auto}tr{break-inside:avoid}";

std::string format(double value) {
  char out[32];
  std::snprintf(out, sizeof out, "%.1f", value);
  return out;
}

std::string tableHtml(const certificates::BulletinSection& s) {
  if (s.table.rows.empty())
    return s.empty.empty() ? "" : "<p class=\"muted\">" + escape(s.empty) + "</p>";
  auto cls = [&](std::size_t i) {
    return i < s.table.numeric.size() && s.table.numeric[i] ? " class=\"n\"" : "";
  };
  std::string out = "<table><thead><tr>";
  for (std::size_t i = 0; i < s.table.header.size(); ++i)
    out += std::string("<th scope=\"col\"") + cls(i) + ">" + escape(s.table.header[i]) + "</th>";
  out += "</tr></thead><tbody>";
  for (const auto& row : s.table.rows) {
    out += "<tr>";
    for (std::size_t i = 0; i < row.size(); ++i)
      out += std::string("<td") + cls(i) + ">" + escape(row[i]) + "</td>";
    out += "</tr>";
  }
  return out + "</tbody></table>";
}

}  // namespace

std::string barChartSvg(const certificates::BulletinChart& chart) {
  constexpr double kRow = 26, kLabel = 190, kBarSpace = 420, kWidth = 720;
  double height = kRow * static_cast<double>(chart.bars.size()) + 8;
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"" +
                    escape(chart.title) + "\" viewBox=\"0 0 " + format(kWidth) + " " +
                    format(height) +
                    "\" font-size=\"13\" font-family=\"Noto Sans CJK SC, "
                    "sans-serif\">";
  double y = 4;
  for (const auto& bar : chart.bars) {
    double length = chart.max > 0 ? std::clamp(bar.value / chart.max, 0.0, 1.0) * kBarSpace : 0;
    out += "<g class=\"bar\"><text x=\"" + format(kLabel - 8) + "\" y=\"" + format(y + 17) +
           "\" text-anchor=\"end\" fill=\"#212121\">" + escape(bar.label) + "</text><rect x=\"" +
           format(kLabel) + "\" y=\"" + format(y + 4) + "\" width=\"" +
           format(std::max(length, 1.0)) + "\" height=\"" + format(kRow - 8) +
           "\" fill=\"#1565c0\" data-value=\"" + format(bar.value) + "\"/><text x=\"" +
           format(kLabel + length + 6) + "\" y=\"" + format(y + 17) + "\" fill=\"#212121\">" +
           escape(bar.shown) + "</text></g>";
    y += kRow;
  }
  return out + "</svg>";
}

http::HttpResponse bulletinHtml(const certificates::BulletinContent& c, bool english) {
  std::string body = "<header><p class=\"muted\">" + escape(c.brand) + "</p><h1>" +
                     escape(c.title) + "</h1><p>" + escape(c.period) + "</p><p class=\"muted\">" +
                     escape(c.issuer) + "　" + escape(c.asOf) + "</p></header>";
  for (const auto& s : c.sections) {
    body += "<section><h2>" + escape(s.heading) + "</h2>";
    if (!s.paragraph.empty()) body += "<p>" + escape(s.paragraph) + "</p>";
    if (!s.chart.bars.empty())
      body += "<figure><figcaption>" + escape(s.chart.title) + "</figcaption>" +
              barChartSvg(s.chart) + "</figure>";
    body += tableHtml(s) + "</section>";
  }
  return printablePage(c.title, english, kStyle, body);
}

}  // namespace tisheng::web
