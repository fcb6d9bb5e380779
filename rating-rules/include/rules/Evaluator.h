#pragma once

#include "rules/EvaluationResult.h"
#include "rules/ScoreSheet.h"
#include "rules/Standard.h"

namespace tisheng::rules {

/// Evaluates a complete score sheet against a standard. Pure and deterministic; thread-safe.
/// Throws InvalidScoreSheet naming every item that is missing, unknown, of the wrong kind
/// ("pass" for a points item, ...), out of range, off the item's step, or "n/a" where the
/// standard does not allow it.
EvaluationResult evaluate(const Standard& standard, const ScoreSheet& sheet);

/// Checks the scores a sheet has, as evaluate() does, without requiring every item: for saving
/// a sheet that is still being filled in. Throws InvalidScoreSheet.
void checkScores(const Standard& standard, const ScoreSheet& sheet);

}  // namespace tisheng::rules
