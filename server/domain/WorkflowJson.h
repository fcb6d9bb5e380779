#pragma once

#include <nlohmann/json.hpp>

#include "domain/Workflow.h"

namespace tisheng::domain {

/// The JSON form of each workflow record, as the API sends it and the audit trail records it:
/// snake_case keys, dates as YYYY-MM-DD, times as ISO 8601 UTC, absent values as null.
nlohmann::ordered_json toJson(const Inspection& inspection);
nlohmann::ordered_json toJson(const Evidence& evidence);
nlohmann::ordered_json toJson(const Notice& notice);
nlohmann::ordered_json toJson(const Objection& objection);
nlohmann::ordered_json toJson(const Rectification& rectification);
nlohmann::ordered_json toJson(const Decision& decision);
nlohmann::ordered_json toJson(const Appeal& appeal);
nlohmann::ordered_json toJson(const Complaint& complaint);

}  // namespace tisheng::domain
