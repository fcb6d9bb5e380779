#pragma once

#include <string>
#include <vector>

namespace tisheng::certificates {

/// A photo for print: JPEG or PNG bytes and their size in pixels.
struct PrintPhoto {
  std::string bytes;
  std::string type;  ///< "image/jpeg" or "image/png"
  int width = 0;
  int height = 0;
};

/// One place in a brochure. Text is UTF-8, already in the brochure's language.
struct CatalogueEntry {
  std::string name;
  std::string nameOther;  ///< the name in the other language, smaller, or empty
  std::string grade;
  std::string address;
  std::string contact;  ///< a published business line, or empty
  std::string description;
  /// "特色菜品：…" for restaurants, "产地：…　规格：…" for products.
  std::vector<std::string> details;
  PrintPhoto photo;      ///< bytes empty: no photo
  std::string photoUrl;  ///< where the HTML edition loads the photo from, or empty
  std::string url;       ///< the verification URL, in the QR code
  std::string serial;
};

/// A county's places, in the brochure's order.
struct CatalogueSection {
  std::string county;
  std::vector<CatalogueEntry> entries;
};

/// A printed catalogue of one category (特色民宿宣传册 …): a cover, a contents page, then the
/// places grouped by county, three to a page, each with its verification QR code.
struct CatalogueContent {
  std::string brand;
  std::string programme;
  std::string title;      ///< e.g. 特色民宿宣传册
  std::string subtitle;   ///< e.g. the English title
  std::string validAsOf;  ///< e.g. 2026年11月26日认定有效
  std::string summary;    ///< e.g. 共 37 家
  std::string issuer;
  std::string contentsTitle;
  std::string pageWord;  ///< e.g. "第 {n} 页": {n} becomes the page number
  std::string scanToVerify;
  std::vector<CatalogueSection> sections;
};

/// The catalogue as a PDF of A5 pages (Cairo and Pango, Noto CJK fonts embedded). QR codes are
/// 26 mm wide, scannable from print. Throws std::runtime_error if drawing fails.
std::string renderCataloguePdf(const CatalogueContent& content);

}  // namespace tisheng::certificates
