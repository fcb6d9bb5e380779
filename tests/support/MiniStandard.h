#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "rules/ScoreSheet.h"
#include "rules/Standard.h"

namespace tisheng::test {

/// A small standard that exercises every rule of the format (documented in MiniStandard.cpp):
/// a pass/fail checklist with mandatory and critical items, two scored sections of 20 points,
/// and grades gold 80% / silver 60% / bronze 40%.
nlohmann::ordered_json miniStandardJson();
rules::Standard miniStandard();

/// A complete sheet for the mini standard: every check passed, section a = a1 + a2,
/// section b = b1.
rules::ScoreSheet miniSheet(double a1, double a2, double b1);

}  // namespace tisheng::test
