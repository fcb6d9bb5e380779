#pragma once

#include <string>
#include <string_view>

#include "rules/Problem.h"
#include "rules/Standard.h"

namespace tisheng::rules {

/// Parses and validates one standard document (format: rating-rules/README.md).
/// Throws InvalidStandard listing every problem found, each with its JSON path; never returns a
/// partially valid standard. Stateless and thread-safe.
Standard parseStandard(std::string_view text, const std::string& file);

}  // namespace tisheng::rules
