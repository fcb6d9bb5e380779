#pragma once

#include <string>

namespace tisheng::certificates {

/// Everything printed on a plaque. Text is UTF-8; Chinese first, English beneath.
struct PlaqueContent {
  std::string brand;       ///< e.g. 22℃商洛·中国康养之都
  std::string programme;   ///< e.g. 三个提升
  std::string categoryZh;  ///< 特色民宿 / 特色餐饮店 / 特色产品
  std::string categoryEn;
  std::string entryNameZh;
  std::string entryNameEn;
  std::string gradeZh;
  std::string gradeEn;
  std::string serial;
  std::string validUntil;  ///< YYYY-MM-DD
  std::string issuerZh;
  std::string issuerEn;
  std::string url;          ///< encoded in the QR code
  std::string shortDomain;  ///< printed under the QR code
};

/// The plaque, A5 portrait, drawn once with Cairo and Pango (Noto CJK fonts) into each format.
/// The QR code is 50 mm wide with crisp modules. Throws std::runtime_error if drawing fails.
std::string renderPlaquePdf(const PlaqueContent& content);
std::string renderPlaqueSvg(const PlaqueContent& content);
/// At `dpi` dots per inch (the QR modules land on whole pixels).
std::string renderPlaquePng(const PlaqueContent& content, int dpi = 200);

}  // namespace tisheng::certificates
