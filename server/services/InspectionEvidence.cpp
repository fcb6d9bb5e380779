// Evidence of an inspection: photos the assigned inspector uploads (checked against the sheet's
// standard and size limit, cleaned by the MediaStore), and reading them back.
#include "services/Errors.h"
#include "services/InspectionService.h"

namespace tisheng::services {

using domain::Inspection;

domain::Evidence InspectionService::addEvidence(const security::Principal& p, std::int64_t id,
                                                const std::optional<std::string>& itemId,
                                                const std::string& bytes) {
  auto check = [&](storage::WorkflowStore& store) {
    Inspection inspection = assignedDraft(p, store, id);
    const rules::Standard& standard =
        WorkflowEffects(store, context_, stamp(p))
            .standard(inspection.standardId, inspection.standardVersion);
    if (itemId && !standard.findItem(*itemId))
      throw Invalid("item", "unknown item in standard '" + standard.id + "'");
    if (bytes.size() > static_cast<std::size_t>(context_.settings.workflow.evidenceMaxBytes))
      throw TooLarge(static_cast<std::size_t>(context_.settings.workflow.evidenceMaxBytes));
    return inspection;
  };
  // Decoding and re-encoding the photo takes a while: checked first, outside the transaction.
  workflow_.read([&](storage::WorkflowStore& store) { check(store); });
  StoredImage stored = media_.storeImage("evidence", bytes);
  domain::Evidence evidence;
  workflow_.write([&](storage::WorkflowStore& store) {
    Inspection inspection = check(store);
    WorkflowEffects effects(store, context_, stamp(p));
    evidence.inspectionId = id;
    evidence.itemId = itemId;
    evidence.path = stored.path;
    evidence.sha256 = stored.sha256;
    evidence.contentType = stored.contentType;
    evidence.bytes = static_cast<std::int64_t>(stored.bytes);
    evidence.uploadedBy = p.username;
    evidence.uploadedAt = effects.stamp().at;
    // Taking the inspection from the queue by uploading assigns the inspector too.
    store.inspections().updateDraft(inspection, effects.stamp());
    evidence.id = store.inspections().addEvidence(evidence, effects.stamp());
  });
  return evidence;
}

std::vector<domain::Evidence> InspectionService::evidence(const security::Principal& p,
                                                          std::int64_t id) {
  std::vector<domain::Evidence> out;
  workflow_.read([&](storage::WorkflowStore& store) {
    visible(p, store, id);
    out = store.inspections().evidenceOf(id);
  });
  return out;
}

std::pair<domain::Evidence, std::string> InspectionService::evidenceFile(
    const security::Principal& p, std::int64_t id, std::int64_t evidenceId) {
  for (auto& item : evidence(p, id))
    if (item.id == evidenceId) {
      auto bytes = media_.read(item.path);
      if (!bytes) throw NotFound("the evidence file is missing");
      return {std::move(item), std::move(*bytes)};
    }
  throw NotFound("no evidence " + std::to_string(evidenceId) + " on inspection " +
                 std::to_string(id));
}

}  // namespace tisheng::services
