#pragma once

#include <map>
#include <string>
#include <vector>

#include "rules/Problem.h"
#include "rules/Standard.h"

namespace tisheng::rules {

/// Where each part of a standard sits in its document, for problems that point at it.
struct DocumentPaths {
  std::map<std::string, std::string> items;
  std::vector<std::string> grades;
};

/// An item of a standard whose index is not built yet (during parsing).
const Item* findParsedItem(const Standard& s, const std::string& itemId);

/// The checks across a whole parsed standard: grades and items that refer to each other exist,
/// every grade asks no more than the grade above it (unless an item says a better grade is
/// exempt), thresholds fit what the items can score, and N/A's effect on absolute thresholds is
/// stated. Appends a problem for each finding.
void lintStandard(const Standard& s, const DocumentPaths& paths, std::vector<Problem>& problems);

}  // namespace tisheng::rules
