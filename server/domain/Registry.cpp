#include "domain/Registry.h"

namespace tisheng::domain {

CertificateStatus Certificate::effectiveStatus(int today) const {
  if (status != CertificateStatus::Active) return status;
  return today > validUntil ? CertificateStatus::Expired : CertificateStatus::Active;
}

rules::LocalizedText categoryTitle(rules::Category category) {
  switch (category) {
    case rules::Category::Homestay: return {"特色民宿", "Featured Homestay"};
    case rules::Category::Restaurant: return {"特色餐饮店", "Featured Restaurant"};
    case rules::Category::Product: return {"特色产品", "Featured Local Product"};
  }
  return {};
}

std::string serialCode(rules::Category category) {
  switch (category) {
    case rules::Category::Homestay: return "MS";
    case rules::Category::Restaurant: return "CY";
    case rules::Category::Product: return "CP";
  }
  return "";
}

}  // namespace tisheng::domain
