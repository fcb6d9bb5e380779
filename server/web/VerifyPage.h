#pragma once

#include <optional>
#include <string>

#include "domain/Programme.h"
#include "domain/PublicRecord.h"
#include "services/CertificateService.h"
#include "web/Layout.h"

namespace tisheng::web {

/// The page a tourist sees after scanning a plaque: server-rendered, no JavaScript, a few KB,
/// mobile first, in one language. Each verdict has its own colour and words: genuine and valid,
/// suspended, removed (date and reason in words), expired, replaced (linking to the place's
/// current certificate) and not genuine (linking to the report form). current is the place's
/// latest certificate with its entry, when the plaque is genuine.
http::HttpResponse verifyPage(const PageRequest& page, const services::Verification& verification,
                              const std::optional<domain::PublicRecord>& current,
                              const services::CertificateService& service,
                              const domain::Programme& programme, const std::string& token);

}  // namespace tisheng::web
