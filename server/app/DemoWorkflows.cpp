#include "app/DemoWorkflows.h"

#include <cmath>

#include "certificates/CivilDate.h"
#include "services/ComplaintService.h"
#include "services/InspectionService.h"
#include "services/Scheduler.h"
#include "services/SupervisionService.h"
#include "storage/CountyTargets.h"
#include "storage/Storage.h"

namespace tisheng::app {

namespace {
constexpr std::int64_t kDay = 86400;
/// Demo events happen at 09:00 UTC of their day.
constexpr std::int64_t kMorning = std::int64_t{9} * 3600;
}  // namespace

nlohmann::ordered_json uniformScores(const rules::Standard& standard, double share) {
  nlohmann::ordered_json scores = nlohmann::ordered_json::object();
  for (const auto& section : standard.sections)
    for (const auto& item : section.items)
      if (item.kind == rules::ItemKind::PassFail)
        scores[item.id] = "pass";
      else
        scores[item.id] = std::round(item.max * share / item.step) * item.step;
  return scores;
}

void seedDemoWorkflows(storage::Storage& stored, const rules::StandardRegistry& standards,
                       const services::CertificateService& certificates, const Config& config,
                       domain::ManualClock& clock, std::int64_t now, const DemoCast& cast) {
  auto& workflow = stored.workflow();
  services::WorkflowContext context{standards, certificates, config.services()};
  services::MediaStore media(stored.media());
  services::InspectionService inspections(workflow, media, context, clock);
  services::SupervisionService supervision(workflow, inspections, context, clock);
  auto at = [&](int daysAgo) { clock.set(now - daysAgo * kDay + kMorning); };
  auto scoreAll = [&](const domain::Inspection& inspection, double share) {
    auto standard = standards.find(inspection.standardId, inspection.standardVersion);
    inspections.saveScores(cast.cityInspector, inspection.id, uniformScores(*standard, share),
                           nlohmann::ordered_json::object());
  };
  const security::Principal& admin = cast.admin;
  const std::vector<std::string> cityInspector{cast.cityInspector.username};

  // 凤冠山水街客栈 (12): applied, inspected, confirmed — on public notice, with an objection.
  at(12);
  auto initial =
      inspections.open(admin, {.kind = domain::InspectionKind::Initial,
                               .entryId = cast.entries[12],
                               .scheduledOn = config.programme.calendar.dayOf(clock.now()) + 2,
                               .inspectors = cityInspector});
  at(9);
  scoreAll(initial, 0.85);
  inspections.submit(cast.cityInspector, initial.id);
  at(3);
  auto confirmed = inspections.decide(admin, initial.id, {.decision = "confirm"});
  at(1);
  supervision.object(confirmed.notice->id, "听说该客栈消防通道平时堆放杂物，请核实。", std::nullopt,
                     "203.0.113.7");

  // 高新秦味坊 (26): being scored. 秦岭土蜂蜜 (39): submitted, awaiting confirmation.
  at(4);
  auto scoring =
      inspections.open(admin, {.kind = domain::InspectionKind::Initial,
                               .entryId = cast.entries[26],
                               .scheduledOn = config.programme.calendar.dayOf(clock.now()) + 4,
                               .inspectors = cityInspector});
  auto sheet = uniformScores(*standards.find(scoring.standardId, scoring.standardVersion), 0.8);
  nlohmann::ordered_json half = nlohmann::ordered_json::object();
  int n = 0;
  for (const auto& [item, score] : sheet.items())
    if (n++ % 2 == 0) half[item] = score;
  at(0);
  inspections.saveScores(cast.cityInspector, scoring.id, half,
                         {{half.begin().key(), "厨房操作间已查看，待补看仓储"}});
  at(8);
  auto waiting =
      inspections.open(admin, {.kind = domain::InspectionKind::Initial,
                               .entryId = cast.entries[39],
                               .scheduledOn = config.programme.calendar.dayOf(clock.now()) + 3,
                               .inspectors = cityInspector});
  at(5);
  scoreAll(waiting, 0.95);
  inspections.submit(cast.cityInspector, waiting.id);

  // 仙娥湖畔民宿 (9): an unannounced spot check downgraded it; the office appealed on its behalf.
  at(30);
  auto spot = inspections.open(cast.countyOffice,
                               {.kind = domain::InspectionKind::SpotCheck,
                                .entryId = cast.entries[9],
                                .scheduledOn = config.programme.calendar.dayOf(clock.now()),
                                .inspectors = {cast.countyInspector.username}});
  auto spotStandard = standards.find(spot.standardId, spot.standardVersion);
  inspections.saveScores(cast.countyInspector, spot.id, uniformScores(*spotStandard, 0.5),
                         nlohmann::ordered_json::object());
  inspections.submit(cast.countyInspector, spot.id);
  at(28);
  auto downgraded = inspections.decide(cast.countyOffice, spot.id, {.decision = "confirm"});
  if (downgraded.decision) {
    at(20);
    supervision.appeal(cast.countyOffice, downgraded.decision->id,
                       "抽查当日正值停水检修，卫生间评分不能反映日常水平，请求复核。");
  }

  // 牧护关秦岭山居 (0, owned by the demo business): its review is assigned; tourists complained.
  at(2);
  inspections.open(cast.countyOffice, {.kind = domain::InspectionKind::Review,
                                       .entryId = cast.entries[0],
                                       .scheduledOn = config.programme.calendar.dayOf(now) + 10,
                                       .inspectors = {cast.countyInspector.username}});
  services::ComplaintService complaints(stored.complaints(), stored.registry(), clock);
  complaints.file({cast.owned, "", "hygiene", "房间浴室有霉斑，毛巾有异味。", ""}, "198.51.100.4");
  complaints.file({cast.owned, "", "price", "节假日房价比网上标价高出一倍，前台拒绝解释。", ""},
                  "198.51.100.9");

  // 朱家湾农家小院 (5): suspended under rectification. 镇安腊肉馆 (20): removed from the list.
  at(5);
  supervision.rectify(admin, cast.toSuspend, "消防通道堵塞，灭火器过期",
                      config.programme.calendar.dayOf(clock.now()) + 30, true);
  at(20);
  supervision.revoke(admin, cast.toRevoke, "serious_incident", "食品安全监督抽检不合格",
                     std::nullopt);
  // The year's targets the programme office set (the 年考核's yardstick), so that the reports
  // show progress and a ranking.
  std::vector<storage::FactTarget> targets;
  int target = 2;
  for (const auto& county : stored.registry().counties())
    for (auto category :
         {rules::Category::Homestay, rules::Category::Restaurant, rules::Category::Product})
      targets.push_back({county.code, category, target++ % 4 + 2});
  storage::setCountyTargets(*stored.database().acquire(),
                            certificates::yearOf(config.programme.calendar.dayOf(now)), targets,
                            {"system", now});
  // What the scheduler would have done by now: expire what is past its date, open due reviews.
  clock.set(now);
  services::Scheduler(workflow, context).tick(now);
}

}  // namespace tisheng::app
