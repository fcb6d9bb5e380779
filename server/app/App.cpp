#include "app/App.h"
#include "app/Keys.h"

#include "api/Access.h"
#include "api/AdminUiApi.h"
#include "api/AuditApi.h"
#include "api/AuthApi.h"
#include "api/CataloguesApi.h"
#include "api/CertificatesApi.h"
#include "api/ComplaintsApi.h"
#include "api/CountiesApi.h"
#include "api/DirectoryApi.h"
#include "api/EntriesApi.h"
#include "api/HealthApi.h"
#include "api/InspectionsApi.h"
#include "api/MediaApi.h"
#include "api/OpenDataApi.h"
#include "api/PlaqueReportsApi.h"
#include "api/PublicApi.h"
#include "api/PublicPagesApi.h"
#include "api/ReportsApi.h"
#include "api/ServiceErrors.h"
#include "api/StandardsApi.h"
#include "api/SupervisionApi.h"
#include "api/WorklistApi.h"
#include "http/Decorators.h"

#include <Poco/Environment.h>
#include <unistd.h>

#include <condition_variable>
#include <mutex>

namespace tisheng::app {

namespace {
constexpr const char* kSchedulerLease = "scheduler";

std::string instanceName() {
  return Poco::Environment::nodeName() + ":" + std::to_string(getpid()) + ":" +
         security::randomToken().substr(0, 8);
}
}  // namespace

App::App(Config config, std::ostream& accessLog, const domain::Clock& clock)
    : config_(std::move(config)),
      standards_(rules::StandardRegistry::load(config_.rulesDir)),
      storage_(storage::Storage::open(config_.storage(),
                                      static_cast<std::size_t>(config_.databaseConnections))),
      keys_(openKeys(config_, *storage_, clock.now())),
      certificates_(storage_->registry(), standards_, keys_, clock, config_.services()),
      counties_(storage_->registry(), clock),
      hasher_(config_.passwordCost),
      passwordPolicy_(security::PasswordPolicy::load(config_.commonPasswordsFile)),
      auth_(storage_->users(), hasher_, passwordPolicy_, clock, config_.sessionHours * 3600),
      media_(storage_->media()),
      complaints_(storage_->complaints(), storage_->registry(), clock),
      plaqueReports_(storage_->plaqueReports(), storage_->registry(), media_, clock),
      entries_(storage_->registry(), storage_->users(), media_, clock),
      workflowContext_{standards_, certificates_, config_.services()},
      inspections_(storage_->workflow(), media_, workflowContext_, clock),
      supervision_(storage_->workflow(), inspections_, workflowContext_, clock),
      scheduler_(storage_->workflow(), workflowContext_),
      worklist_(storage_->workflow(), storage_->registry(), inspections_, supervision_,
                plaqueReports_, config_.programme.calendar, clock),
      publicRegister_(storage_->publicListing(), config_.programme.calendar, clock),
      catalogues_(publicRegister_, certificates_, counties_, media_, config_.programme),
      reports_(storage_->database(), standards_, config_.programme, clock),
      audit_(storage_->database(), keys_, config_.programme.publicHost),
      clock_(clock),
      accessLog_(accessLog),
      adminUi_(config_.resolvedAdminUiDir()),
      instanceId_(instanceName()) {
  api::addHealthRoutes(router_, storage_->database(), standards_,
                       [this] { return server_->counters(); });
  api::addAuditRoutes(router_, audit_);
  api::addAuthRoutes(router_, auth_, config_.sessionHours * 3600,
                     config_.publicUrl.starts_with("https://"));
  api::addStandardsRoutes(router_, standards_);
  api::addPublicRoutes(router_, certificates_, publicRegister_, config_.programme,
                       config_.plaqueCacheBytes);
  api::addCertificateRoutes(router_, certificates_);
  api::addCountyRoutes(router_, counties_);
  api::addEntryRoutes(router_, entries_, storage_->users(), worklist_);
  api::addMediaRoutes(router_, entries_);
  api::addComplaintRoutes(router_, complaints_, storage_->registry(), config_.programme);
  api::addPlaqueReportRoutes(router_, plaqueReports_, counties_, config_.programme,
                             static_cast<std::size_t>(config_.workflow.evidenceMaxBytes));
  api::addInspectionRoutes(router_, inspections_, standards_, storage_->registry());
  api::addSupervisionRoutes(router_, supervision_, standards_, storage_->registry());
  api::addWorklistRoutes(router_, worklist_, inspections_, storage_->registry(), storage_->users());
  api::addDirectoryRoutes(router_, supervision_, certificates_, standards_);
  api::addPublicPageRoutes(router_, publicRegister_, supervision_, counties_, certificates_,
                           standards_, config_.programme);
  api::addOpenDataRoutes(router_, publicRegister_, certificates_, config_.programme.calendar);
  api::addCatalogueRoutes(router_, catalogues_, publicRegister_);
  api::addReportRoutes(router_, reports_);
  api::addAdminUiRoutes(router_, adminUi_);

  http::Handler routed = [this](http::HttpRequest& request) { return router_(request); };
  http::Handler handler = http::withSecurityHeaders(http::withRequestId(http::withLogging(
      api::withHtmlErrors(http::withErrorMapping(http::withBodyLimit(
                              api::withServiceErrors(api::withAuthentication(routed, auth_)),
                              config_.http.maxBodyBytes)),
                          config_.programme),
      accessLog_)));
  server_ = std::make_unique<http::HttpServer>(handler, config_.http);
}

App::~App() { stop(); }

void App::start() {
  server_->start();
  int interval = config_.schedulerIntervalSeconds;
  if (interval <= 0 || schedulerThread_.joinable()) return;
  schedulerThread_ = std::jthread([this, interval](const std::stop_token& stop) {
    std::mutex mutex;
    std::condition_variable_any wakeUp;
    std::unique_lock lock(mutex);
    while (!wakeUp.wait_for(lock, stop, std::chrono::seconds(interval), [] { return false; }) &&
           !stop.stop_requested()) {
      if (!holdsSchedulerLease(interval)) continue;
      services::TickReport report = scheduler_.tick(clock_.now());
      accessLog_.note("scheduler: " + services::summary(report));
      for (const auto& error : report.errors) accessLog_.note("scheduler error: " + error);
      try {
        if (auto made = audit_.checkpointIfDue(clock_.now()))
          accessLog_.note("audit checkpoint: " + std::to_string(made->head.rows) + " rows, head " +
                          made->head.hash);
      } catch (const std::exception& error) {
        accessLog_.note(std::string("audit checkpoint error: ") + error.what());
      }
    }
  });
}

bool App::holdsSchedulerLease(int interval) {
  // Wall-clock time, not the programme's clock: the lease is about these processes. Held for
  // three rounds, so a server that stops or dies is replaced after at most that long.
  std::int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
  try {
    return storage_->leases().take(kSchedulerLease, instanceId_, now, 3 * interval);
  } catch (const std::exception& error) {
    accessLog_.note(std::string("scheduler lease error: ") + error.what());
    return false;
  }
}

void App::stop() {
  if (schedulerThread_.joinable()) {
    schedulerThread_.request_stop();
    schedulerThread_.join();
    try {
      storage_->leases().release(kSchedulerLease, instanceId_);
    } catch (const std::exception& error) {
      accessLog_.note(std::string("scheduler lease error: ") + error.what());
    }
  }
  server_->stop();
}

}  // namespace tisheng::app
