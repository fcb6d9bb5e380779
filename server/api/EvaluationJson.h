#pragma once

#include <string>

#include "http/Json.h"
#include "rules/EvaluationResult.h"
#include "rules/Standard.h"

namespace tisheng::api {

/// The JSON shape of an evaluation (docs/openapi.yaml, schema Evaluation): scores, the grade
/// reached and why, and for every grade what blocks it, with messages in lang ("zh" or "en").
/// standard must be the one the result was computed from.
http::Json toJson(const rules::EvaluationResult& result, const rules::Standard& standard,
                  const std::string& lang);

/// A short summary of a standard for listings, each grade with its rules in sentences (lang).
http::Json summaryJson(const rules::Standard& standard, const std::vector<int>& versions,
                       const std::string& lang);

}  // namespace tisheng::api
