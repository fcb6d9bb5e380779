#include "web/CataloguePage.h"

#include "certificates/QrCode.h"
#include "web/Html.h"

namespace tisheng::web {

namespace {

const std::string kStyle =
    "@page{size:A5;margin:12mm}body{margin:0;font:15px/1.5 'Noto Sans CJK SC',sans-serif;"
    "color:#1f1f1f;background:#fff}main{max-width:44rem;margin:auto;padding:1rem}"
    ".cover{background:#b3261e;color:#fff;padding:2rem 1.5rem;border-bottom:.4rem solid #c9a227}"
    ".cover h1{font-size:2rem;margin:.5rem 0}.asof{font-weight:700;font-size:1.1rem}"
    "h2{color:#b3261e;margin:1.5rem 0 .5rem;break-before:page}article{display:grid;"
    "grid-template-columns:6rem 1fr 6.5rem;gap:.8rem;padding:.8rem 0;border-bottom:1px solid "
    "#dedad0;break-inside:avoid}article img,.nophoto{width:6rem;height:6rem;object-fit:cover;"
    "border-radius:.3rem;background:#ece8dc}article h3{margin:0;font-size:1.1rem}"
    "article p{margin:.1rem 0;font-size:.85rem}.grade{color:#b3261e;font-weight:700}"
    ".muted{color:#4d5156}.qr svg{width:6.5rem;height:6.5rem}.qr p{text-align:center;"
    "font-size:.7rem}nav ol{padding-left:1.2rem}";

}  // namespace

http::HttpResponse catalogueHtml(const certificates::CatalogueContent& c, bool english) {
  std::string body = "<section class=\"cover\"><p>" + escape(c.brand) + "</p><p>" +
                     escape(c.programme) + "</p><h1>" + escape(c.title) + "</h1><p>" +
                     escape(c.subtitle) + "</p><p class=\"asof\">" + escape(c.validAsOf) +
                     "</p><p>" + escape(c.summary) + " · " + escape(c.issuer) + "</p></section>";
  body += "<nav><h2>" + escape(c.contentsTitle) + "</h2><ol>";
  for (std::size_t i = 0; i < c.sections.size(); ++i)
    body += "<li><a href=\"#county-" + std::to_string(i) + "\">" + escape(c.sections[i].county) +
            "</a>（" + std::to_string(c.sections[i].entries.size()) + "）</li>";
  body += "</ol></nav>";
  for (std::size_t i = 0; i < c.sections.size(); ++i) {
    body += "<h2 id=\"county-" + std::to_string(i) + "\">" + escape(c.sections[i].county) + "</h2>";
    for (const auto& e : c.sections[i].entries) {
      std::string photo = e.photoUrl.empty() ? "<span class=\"nophoto\"></span>"
                                             : "<img src=\"" + escape(e.photoUrl) + "\" alt=\"\">";
      body += "<article>" + photo + "<div><h3>" + escape(e.name) + "</h3>" +
              (e.nameOther.empty() ? "" : "<p class=\"muted\">" + escape(e.nameOther) + "</p>") +
              "<p class=\"grade\">" + escape(e.grade) + "</p><p>" + escape(e.address) + "</p>" +
              (e.contact.empty() ? "" : "<p>" + escape(e.contact) + "</p>");
      for (const auto& detail : e.details) body += "<p>" + escape(detail) + "</p>";
      body += "<p class=\"muted\">" + escape(e.description) + "</p></div><div class=\"qr\">" +
              certificates::QrCode::encode(e.url).toSvg() + "<p><a href=\"" + escape(e.url) +
              "\">" + escape(c.scanToVerify) + "</a><br>" + escape(e.serial) +
              "</p></div></article>";
    }
  }
  return printablePage(c.title, english, kStyle, body);
}

}  // namespace tisheng::web
