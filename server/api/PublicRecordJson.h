#pragma once

#include <string>

#include "http/Json.h"
#include "services/CertificateService.h"
#include "storage/PublicListing.h"

namespace tisheng::api {

/// A certified place as the open data publishes it. Never the owner's account, and the contact
/// only when the business published it (contact_public); a removal's reason in words, never the
/// office's note.
http::Json publicRecordJson(const domain::PublicRecord& record, int today,
                            const services::CertificateService& certificates);

/// The CSV export's header line and one record as a line (RFC 4180, CRLF), the same fields as the
/// JSON flattened: text in both languages as name_zh/name_en, dishes joined by "; ".
/// One CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
std::string csvField(const http::Json& value);
std::string publicCsvHeader();
std::string publicCsvLine(const http::Json& record);

}  // namespace tisheng::api
