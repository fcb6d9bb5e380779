#pragma once

#include <optional>
#include <string>

#include "certificates/Catalogue.h"
#include "domain/Programme.h"
#include "services/CertificateService.h"
#include "services/CountyService.h"
#include "services/MediaStore.h"
#include "services/PublicRegister.h"

namespace tisheng::services {

/// Which catalogue: a category's certified places on a day, optionally of one county and grade.
struct CatalogueRequest {
  rules::Category category = rules::Category::Homestay;
  std::optional<std::string> county;
  std::optional<std::string> grade;
  int day = 0;
  bool english = false;
};

/// The programme's printed brochures and catalogues
/// (特色民宿宣传册、特色菜品宣传册、特色产品目录册) from the live register: only places whose
/// certificate is active on the day appear, grouped by county, with their business contact (when
/// published), description, dishes or origin and specification, photo and verification QR code.
/// Thread-safe; collaborators must outlive it.
class CatalogueService {
 public:
  CatalogueService(const PublicRegister& publicRegister, const CertificateService& certificates,
                   CountyService& counties, const MediaStore& media,
                   const domain::Programme& programme)
      : register_(publicRegister),
        certificates_(certificates),
        counties_(counties),
        media_(media),
        programme_(programme) {}

  /// What the catalogue holds, in the request's language. withPhotos false leaves the photos'
  /// bytes out (the HTML edition links to them instead).
  certificates::CatalogueContent content(const CatalogueRequest& request, bool withPhotos) const;
  std::string pdf(const CatalogueRequest& request) const {
    return certificates::renderCataloguePdf(content(request, true));
  }

 private:
  const PublicRegister& register_;
  const CertificateService& certificates_;
  CountyService& counties_;
  const MediaStore& media_;
  const domain::Programme& programme_;
};

}  // namespace tisheng::services
