#include "services/BulletinService.h"

#include <cmath>
#include <cstdio>

#include "domain/PublicRecord.h"

namespace tisheng::services {

namespace {

using certificates::BulletinChart;
using certificates::BulletinSection;

/// Chooses the words of the bulletin's language.
struct Say {
  bool english;
  std::string operator()(const std::string& zh, const std::string& en) const {
    return english ? en : zh;
  }
  std::string operator()(const rules::LocalizedText& text) const {
    return english && !text.en.empty() ? text.en : text.zh;
  }
};

std::string percent(std::optional<double> share) {
  if (!share) return "—";
  char out[16];
  std::snprintf(out, sizeof out, "%.1f%%", *share * 100);
  return out;
}

std::string signedChange(int now, int before) {
  int change = now - before;
  return (change > 0 ? "+" : "") + std::to_string(change);
}

std::string number(std::optional<double> value) {
  if (!value) return "—";
  char out[16];
  std::snprintf(out, sizeof out, "%.1f", *value);
  return out;
}

std::string title(const domain::Period& period, const domain::Programme& p, const Say& say) {
  switch (period.kind()) {
    case domain::Period::Kind::Month:
      return say(p.cityZh + p.nameZh + "工作月度调度通报",
                 p.cityEn + " " + p.nameEn + ": Monthly Progress Report");
    case domain::Period::Kind::Quarter:
      return say(p.cityZh + p.nameZh + "工作季度通报",
                 p.cityEn + " " + p.nameEn + ": Quarterly Bulletin");
    case domain::Period::Kind::Year:
      return say(p.cityZh + p.nameZh + "工作年度考核通报",
                 p.cityEn + " " + p.nameEn + ": Yearly Assessment");
    case domain::Period::Kind::Span: break;
  }
  return say(p.cityZh + p.nameZh + "工作情况通报", p.cityEn + " " + p.nameEn + ": Progress Report");
}

class Writer {
 public:
  Writer(const domain::ProgrammeReport& report, const rules::StandardRegistry& standards, Say say)
      : r_(report), standards_(standards), say_(say) {}

  std::string county(const std::string& code) const {
    for (const auto& c : r_.counties)
      if (c.code == code) return say_(c.name);
    return code;
  }

  std::string grade(rules::Category category, const std::string& id) const {
    if (auto standard = standards_.latest(rules::toString(category)))
      for (const auto& g : standard->grades)
        if (g.id == id) return say_(g.title);
    return id;
  }

  int gradeIndex(rules::Category category, const std::string& id) const {
    if (auto standard = standards_.latest(rules::toString(category)))
      for (std::size_t i = 0; i < standard->grades.size(); ++i)
        if (standard->grades[i].id == id) return static_cast<int>(i);
    return 1000;
  }

  BulletinSection summary(int asOfDay) const {
    auto total = r_.totalCertified();
    auto f = r_.totalFlows();
    std::string end = say_(domain::writtenDay(std::min(asOfDay, r_.period.last())));
    std::string scope = r_.county ? county(*r_.county) : say_("全市", "the city");
    BulletinSection s{say_("一、总体情况", "1. Overview")};
    if (!say_.english)
      s.paragraph =
          "截至" + end + "，" + scope + "在册特色民宿、特色餐饮店、特色产品共 " +
          std::to_string(total.count) + " 家，较上期" + signedChange(total.count, total.previous) +
          " 家，较上年同期" + signedChange(total.count, total.yearEarlier) + " 家；暂停使用 " +
          std::to_string(r_.suspendedAtEnd) + " 家。本期受理申请 " +
          std::to_string(f.applications) + " 件，新认定 " + std::to_string(f.newlyCertified) +
          " 家，复核换证 " + std::to_string(f.renewed) + " 家，升级 " + std::to_string(f.upgraded) +
          " 家，降级 " + std::to_string(f.downgraded) + " 家，暂停 " + std::to_string(f.suspended) +
          " 家，恢复 " + std::to_string(f.reinstated) + " 家，摘牌 " + std::to_string(f.removed) +
          " 家，到期未续 " + std::to_string(f.expired) + " 家，因摘牌限制期拒绝重新申请 " +
          std::to_string(f.barred) + " 件。受理游客投诉 " + std::to_string(r_.complaints.received) +
          " 件，申诉 " + std::to_string(r_.appeals.filed) + " 件。";
    else
      s.paragraph =
          "As of " + end + ", " + scope + " had " + std::to_string(total.count) +
          " certified homestays, restaurants and products (" +
          signedChange(total.count, total.previous) + " on the previous period, " +
          signedChange(total.count, total.yearEarlier) + " on a year earlier); " +
          std::to_string(r_.suspendedAtEnd) +
          " suspended. In the period: " + std::to_string(f.applications) + " applications, " +
          std::to_string(f.newlyCertified) + " newly certified, " + std::to_string(f.renewed) +
          " renewed, " + std::to_string(f.upgraded) + " upgraded, " + std::to_string(f.downgraded) +
          " downgraded, " + std::to_string(f.suspended) + " suspended, " +
          std::to_string(f.reinstated) + " reinstated, " + std::to_string(f.removed) +
          " removed, " + std::to_string(f.expired) + " expired, " + std::to_string(f.barred) +
          " re-applications refused while barred; " + std::to_string(r_.complaints.received) +
          " complaints and " + std::to_string(r_.appeals.filed) + " appeals received.";
    return s;
  }

  BulletinSection ranking() const {
    BulletinSection s{say_("二、各县区进展排名", "2. Counties ranked by progress")};
    // Progress against the targets when any are set, else the places certified.
    bool targets = std::any_of(r_.ranking.begin(), r_.ranking.end(),
                               [](const auto& k) { return k.progress.has_value(); });
    s.chart.title = targets ? say_("年度目标完成率", "Share of the year's target reached")
                            : say_("在册数量", "Certified places");
    for (const auto& k : r_.ranking) {
      s.table.rows.push_back({std::to_string(k.rank), county(k.county), std::to_string(k.certified),
                              k.target > 0 ? std::to_string(k.target) : "—", percent(k.progress),
                              std::to_string(k.newlyCertified), std::to_string(k.removed)});
      double value = targets ? k.progress.value_or(0) : k.certified;
      s.chart.max = std::max(s.chart.max, value);
      s.chart.bars.push_back(
          {county(k.county), value, targets ? percent(k.progress) : std::to_string(k.certified)});
    }
    s.table.header = {say_("排名", "Rank"),       say_("县区", "County"),
                      say_("在册", "Certified"),  say_("年度目标", "Target"),
                      say_("完成率", "Progress"), say_("本期新认定", "New"),
                      say_("本期摘牌", "Removed")};
    s.table.numeric = {true, false, true, true, true, true, true};
    return s;
  }

  BulletinSection certified() const {
    BulletinSection s{
        say_("三、在册数量（按类别和等级）", "3. Certified places by category and grade")};
    // In the standard's order of grades, best first.
    std::map<std::pair<rules::Category, int>, domain::CertifiedCount> rows;
    for (const auto& c : r_.certified) {
      auto& row = rows[{c.category, gradeIndex(c.category, c.grade)}];
      row.grade = c.grade;
      row.count += c.count;
      row.previous += c.previous;
      row.yearEarlier += c.yearEarlier;
    }
    for (const auto& [key, c] : rows)
      s.table.rows.push_back({say_(domain::categoryTitle(key.first)), grade(key.first, c.grade),
                              std::to_string(c.count), signedChange(c.count, c.previous),
                              signedChange(c.count, c.yearEarlier)});
    s.table.header = {say_("类别", "Category"), say_("等级", "Grade"), say_("在册", "Certified"),
                      say_("较上期", "vs previous"), say_("较上年同期", "vs a year earlier")};
    s.table.numeric = {false, false, true, true, true};
    s.empty = say_("无在册单位。", "No certified places.");
    return s;
  }

  BulletinSection supervision() const {
    const auto& v = r_.supervision;
    BulletinSection s{say_("四、监管情况", "4. Supervision")};
    s.paragraph = say_("逾期未复核 " + std::to_string(v.overdueReviews) + " 家；本期下达整改 " +
                           std::to_string(v.rectificationsOpened) + " 件，按期整改完成 " +
                           std::to_string(v.rectificationsClosedInTime) + " 件，逾期未整改摘牌 " +
                           std::to_string(v.rectificationsMissed) + " 件，期末整改中 " +
                           std::to_string(v.rectificationsOpen) + " 件（其中已逾期 " +
                           std::to_string(v.rectificationsOverdue) + " 件）。",
                       std::to_string(v.overdueReviews) + " periodic reviews overdue; " +
                           std::to_string(v.rectificationsOpened) + " rectifications ordered, " +
                           std::to_string(v.rectificationsClosedInTime) + " put right in time, " +
                           std::to_string(v.rectificationsMissed) + " missed (removed), " +
                           std::to_string(v.rectificationsOpen) + " open at the end (" +
                           std::to_string(v.rectificationsOverdue) + " past their deadline).");
    static const std::map<domain::InspectionKind, rules::LocalizedText> kinds{
        {domain::InspectionKind::Initial, {"认定评定", "Initial"}},
        {domain::InspectionKind::Review, {"定期复核", "Periodic review"}},
        {domain::InspectionKind::SpotCheck, {"暗访抽查", "Spot check"}},
        {domain::InspectionKind::Complaint, {"投诉核查", "Complaint"}},
        {domain::InspectionKind::Reinspection, {"整改复查", "Re-inspection"}}};
    for (const auto& k : v.byKind)
      s.table.rows.push_back(
          {say_(kinds.at(k.kind)), std::to_string(k.due), std::to_string(k.done),
           percent(k.due ? std::optional(static_cast<double>(k.done) / k.due) : std::nullopt),
           std::to_string(k.made)});
    s.table.header = {say_("检查类型", "Kind"), say_("应检", "Due"), say_("已检", "Done"),
                      say_("完成率", "Done share"), say_("本期提交", "Submitted")};
    s.table.numeric = {false, true, true, true, true};
    return s;
  }

  BulletinSection cases() const {
    const auto& c = r_.complaints;
    const auto& n = r_.notices;
    const auto& a = r_.appeals;
    BulletinSection s{say_("五、投诉、异议与申诉", "5. Complaints, objections and appeals")};
    s.paragraph = say_(
        "受理投诉 " + std::to_string(c.received) + " 件，本期处理：不予受理 " +
            std::to_string(c.dismissed) + " 件、属实 " + std::to_string(c.upheld) +
            " 件、转现场核查 " + std::to_string(c.inspected) + " 件，期末待处理 " +
            std::to_string(c.untriaged) + " 件，处理时长中位数 " + number(c.medianHoursToTriage) +
            " 小时。公示 " + std::to_string(n.noticesOpened) + " 件，收到异议 " +
            std::to_string(n.objectionsFiled) + " 件（成立 " + std::to_string(n.objectionsUpheld) +
            " 件）。申诉 " + std::to_string(a.filed) + " 件，本期办结 " +
            std::to_string(a.granted + a.rejected) + " 件，其中支持 " + std::to_string(a.granted) +
            " 件（" + percent(a.grantedShare) + "），办理时长中位数 " +
            number(a.medianDaysToDecide) + " 天。",
        std::to_string(c.received) + " complaints received; triaged in the period: " +
            std::to_string(c.dismissed) + " dismissed, " + std::to_string(c.upheld) + " upheld, " +
            std::to_string(c.inspected) + " sent to inspection; " + std::to_string(c.untriaged) +
            " awaiting triage at the end; median " + number(c.medianHoursToTriage) +
            " hours to triage. " + std::to_string(n.noticesOpened) + " results on public notice, " +
            std::to_string(n.objectionsFiled) + " objections (" +
            std::to_string(n.objectionsUpheld) + " upheld). " + std::to_string(a.filed) +
            " appeals; " + std::to_string(a.granted + a.rejected) + " decided, " +
            std::to_string(a.granted) + " granted (" + percent(a.grantedShare) + "), median " +
            number(a.medianDaysToDecide) + " days to decide.");
    return s;
  }

  BulletinSection quality() const {
    BulletinSection s{
        say_("六、失分最多的检查项（培训重点）", "6. Items failed most often (what to train on)")};
    for (const auto& f : r_.mostFailed)
      s.table.rows.push_back({say_(domain::categoryTitle(f.category)), say_(f.title),
                              say_(f.section), std::to_string(f.failed),
                              std::to_string(f.inspections)});
    s.table.header = {say_("类别", "Category"), say_("检查项", "Item"), say_("所属部分", "Section"),
                      say_("不合格", "Failed"), say_("检查次数", "Inspected")};
    s.table.numeric = {false, false, false, true, true};
    s.empty = say_("本期无不合格检查项。", "No item failed in the period.");
    s.chart.title = say_("各部分平均得分率", "Average share per section");
    for (const auto& q : r_.sections)
      s.chart.bars.push_back(
          {say_(q.standardTitle) + " · " + say_(q.title), q.averageShare, percent(q.averageShare)});
    return s;
  }

  BulletinSection removals() const {
    BulletinSection s{say_("七、本期摘牌名单", "7. Removed from the list in the period")};
    for (const auto& m : r_.removals)
      s.table.rows.push_back(
          {say_(m.name), county(m.county), say_(domain::categoryTitle(m.category)), m.serial,
           say_(domain::writtenDay(m.day)), say_(domain::revocationTitle(m.reason))});
    s.table.header = {say_("名称", "Name"),           say_("县区", "County"),
                      say_("类别", "Category"),       say_("证书编号", "Serial"),
                      say_("摘牌日期", "Removed on"), say_("原因", "Reason")};
    s.table.numeric = {false, false, false, false, false, false};
    s.empty = say_("本期无摘牌。", "None in the period.");
    return s;
  }

 private:
  const domain::ProgrammeReport& r_;
  const rules::StandardRegistry& standards_;
  Say say_;
};

}  // namespace

certificates::BulletinContent bulletinContent(const domain::ProgrammeReport& report,
                                              const domain::Programme& programme,
                                              const rules::StandardRegistry& standards,
                                              bool english) {
  Say say{english};
  Writer write(report, standards, say);
  certificates::BulletinContent c;
  c.brand = say(programme.brandZh, programme.brandEn);
  c.title = title(report.period, programme, say);
  if (report.county)
    c.title +=
        say("（" + write.county(*report.county) + "）", " (" + write.county(*report.county) + ")");
  c.period = say(report.period.title()) + say("（", " (") +
             say(domain::writtenDay(report.period.first())) + say("至", " to ") +
             say(domain::writtenDay(report.period.last())) + say("）", ")");
  c.issuer = say(programme.issuerZh, programme.issuerEn);
  int asOf = programme.calendar.dayOf(report.asOf - 1);
  c.asOf = say("数据截至" + say(domain::writtenDay(asOf)),
               "Figures as of " + say(domain::writtenDay(asOf)));
  c.pageWord = say("第 {n} 页", "Page {n}");
  c.sections = {write.summary(asOf), write.ranking(), write.certified(), write.supervision(),
                write.cases(),       write.quality(), write.removals()};
  return c;
}

}  // namespace tisheng::services
