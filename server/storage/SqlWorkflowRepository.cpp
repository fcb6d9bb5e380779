#include "storage/SqlWorkflowRepository.h"

#include "storage/SqlRecords.h"

namespace tisheng::storage {

namespace {

/// One unit of work on one connection: a repository per kind of record, all on it.
class SqlWorkflowStore : public WorkflowStore {
 public:
  explicit SqlWorkflowStore(Connection& db)
      : entries_(sqlEntryRecords(db)),
        certificates_(sqlCertificateRecords(db)),
        accounts_(sqlAccountRecords(db)),
        inspections_(sqlInspectionRecords(db)),
        notices_(sqlNoticeRecords(db)),
        rectifications_(sqlRectificationRecords(db)),
        decisions_(sqlDecisionRecords(db)),
        complaints_(sqlComplaintRecords(db)) {}

  EntryRecords& entries() override { return *entries_; }
  CertificateRecords& certificates() override { return *certificates_; }
  AccountRecords& accounts() override { return *accounts_; }
  InspectionRecords& inspections() override { return *inspections_; }
  NoticeRecords& notices() override { return *notices_; }
  RectificationRecords& rectifications() override { return *rectifications_; }
  DecisionRecords& decisions() override { return *decisions_; }
  ComplaintRecords& complaints() override { return *complaints_; }

 private:
  std::unique_ptr<EntryRecords> entries_;
  std::unique_ptr<CertificateRecords> certificates_;
  std::unique_ptr<AccountRecords> accounts_;
  std::unique_ptr<InspectionRecords> inspections_;
  std::unique_ptr<NoticeRecords> notices_;
  std::unique_ptr<RectificationRecords> rectifications_;
  std::unique_ptr<DecisionRecords> decisions_;
  std::unique_ptr<ComplaintRecords> complaints_;
};

}  // namespace

void SqlWorkflowRepository::write(const std::function<void(WorkflowStore&)>& work) {
  auto db = pool_.acquire();
  Transaction transaction(*db);
  SqlWorkflowStore store(*db);
  work(store);
  transaction.commit();
}

void SqlWorkflowRepository::read(const std::function<void(WorkflowStore&)>& work) {
  auto db = pool_.acquire();
  readSnapshot(*db, [&] {
    SqlWorkflowStore store(*db);
    work(store);
  });
}

}  // namespace tisheng::storage
