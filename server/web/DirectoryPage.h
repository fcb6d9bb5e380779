#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/Programme.h"
#include "domain/PublicRecord.h"
#include "domain/Registry.h"
#include "domain/Workflow.h"
#include "services/CertificateService.h"
#include "web/Layout.h"

namespace tisheng::web {

/// A grade as the legend explains it: its title and what it takes, in the page's language.
struct GradeLegend {
  rules::Category category = rules::Category::Homestay;
  std::string id;
  rules::LocalizedText title;
  std::vector<std::string> requirements;
};

/// A result on public notice: anyone may object before it ends.
struct NoticeItem {
  domain::Entry entry;
  std::int64_t noticeId = 0;
  rules::LocalizedText gradeTitle;
  int endsOn = 0;
};

/// Everything the directory page shows: the filters as asked, one page of places, and what
/// the filter form offers.
struct DirectoryView {
  domain::PublicQuery query;
  std::vector<domain::PublicRecord> records;
  std::optional<std::int64_t> nextAfter;
  std::size_t total = 0;
  std::vector<domain::County> counties;
  std::vector<GradeLegend> grades;
  std::vector<NoticeItem> notices;
  int today = 0;
};

/// The directory (no JavaScript): search by name, filters for category, county, grade and
/// status, compact one-line cards with the photo, paging, a grade legend, and the results on
/// public notice with an objection form each.
http::HttpResponse directoryPage(const PageRequest& page, const domain::Programme& programme,
                                 const DirectoryView& view,
                                 const services::CertificateService& certificates);

/// One place's page: where it stands (a suspension or removal said plainly), grade, valid until,
/// last inspection, its reply, its details and the history of its certificates.
http::HttpResponse entryPage(const PageRequest& page, const domain::Programme& programme,
                             const domain::PublicRecord& record,
                             const std::vector<domain::Certificate>& history, int today,
                             const services::CertificateService& certificates);

/// The answer to an objection sent from the directory page.
http::HttpResponse objectionResult(const PageRequest& page, int status,
                                   const domain::Programme& programme, const std::string& message);

/// What each public status looks like in a list: its colour class and words.
std::string statusBadge(domain::PublicStatus status, const Words& t);

}  // namespace tisheng::web
