#pragma once

#include <string>

#include "domain/Programme.h"
#include "http/HttpExchange.h"
#include "services/CertificateService.h"

namespace tisheng::web {

/// The page a tourist sees after scanning a plaque: server-rendered, no JavaScript, a few KB,
/// mobile first, Chinese with English (English first when lang is "en"). Carries its own strict
/// Content-Security-Policy (inline style allowed by hash only).
http::HttpResponse verifyPage(const services::Verification& verification,
                              const services::CertificateService& service,
                              const domain::Programme& programme, const std::string& lang,
                              const std::string& selfPath);

}  // namespace tisheng::web
