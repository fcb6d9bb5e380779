#include "web/DirectoryPage.h"

#include <Poco/URI.h>

#include "web/Html.h"

namespace tisheng::web {

namespace {

using domain::PublicStatus;

std::string selected(bool yes) { return yes ? " selected" : ""; }

std::string option(const std::string& value, const std::string& label, bool chosen) {
  return "<option value=\"" + escape(value) + "\"" + selected(chosen) + ">" + label + "</option>";
}

std::string encode(const std::string& value) {
  std::string out;
  Poco::URI::encode(value, "&=#+?/", out);
  return out;
}

/// The query string of the filters (without the cursor), for links that keep them.
std::string filterQuery(const domain::PublicQuery& q) {
  std::string out;
  auto add = [&](const char* name, const std::optional<std::string>& value) {
    if (value) out += std::string(out.empty() ? "" : "&") + name + "=" + encode(*value);
  };
  add("q", q.text);
  if (q.category) add("category", std::string(rules::toString(*q.category)));
  add("county", q.county);
  add("grade", q.grade);
  add("status", q.status ? std::string(domain::toString(*q.status)) : std::string());
  return out;
}

std::string card(const domain::PublicRecord& r, int today,
                 const services::CertificateService& certificates, const Words& t) {
  const domain::Entry& e = r.entry;
  PublicStatus status = domain::publicStatusOf(r.certificate, today);
  std::string id = std::to_string(e.id);
  std::string picture = e.photoPath
                            ? "<img src=\"/media/entries/" + id + "\" alt=\"\" loading=\"lazy\">"
                            : "<span class=\"nophoto\"></span>";
  return "<li>" + picture + "<div class=\"text\"><p class=\"line\"><a href=\"/entries/" + id +
         "\"><strong>" + t(e.name) + "</strong></a></p><p class=\"line muted\">" + t(e.countyName) +
         " · " + t(domain::categoryTitle(e.category)) + " · " +
         t(certificates.gradeTitle(r.certificate)) +
         (status == PublicStatus::Certified ? "" : " " + statusBadge(status, t)) +
         "</p></div></li>";
}

std::string filters(const DirectoryView& view, const Words& t) {
  const auto& q = view.query;
  std::string form = "<form class=\"card filters\" method=\"get\" action=\"/directory\">";
  form += "<div class=\"wide\"><label for=\"q\">" + t("名称或地址", "Name or address") +
          "</label><input id=\"q\" name=\"q\" type=\"search\" maxlength=\"100\" value=\"" +
          escape(q.text.value_or("")) + "\"></div>";
  form += "<div><label for=\"category\">" + t("类别", "Category") +
          "</label><select id=\"category\" name=\"category\">" +
          option("", t("全部", "All"), !q.category);
  for (auto category :
       {rules::Category::Homestay, rules::Category::Restaurant, rules::Category::Product})
    form += option(std::string(rules::toString(category)), t(domain::categoryTitle(category)),
                   q.category == category);
  form += "</select></div><div><label for=\"county\">" + t("县区", "County") +
          "</label><select id=\"county\" name=\"county\">" +
          option("", t("全部", "All"), !q.county);
  for (const auto& county : view.counties)
    form += option(county.code, t(county.name), q.county == county.code);
  form += "</select></div><div><label for=\"grade\">" + t("等级", "Grade") +
          "</label><select id=\"grade\" name=\"grade\">" + option("", t("全部", "All"), !q.grade);
  std::optional<rules::Category> group;
  for (const auto& grade : view.grades) {
    if (group != grade.category) {
      form += std::string(group ? "</optgroup>" : "") + "<optgroup label=\"" +
              t(domain::categoryTitle(grade.category)) + "\">";
      group = grade.category;
    }
    form += option(grade.id, t(grade.title), q.grade == grade.id);
  }
  form += std::string(group ? "</optgroup>" : "") + "</select></div><div><label for=\"status\">" +
          t("状态", "Status") + "</label><select id=\"status\" name=\"status\">";
  for (auto status : {PublicStatus::Certified, PublicStatus::Suspended, PublicStatus::Removed,
                      PublicStatus::Expired})
    form += option(std::string(domain::toString(status)), t(domain::publicStatusTitle(status)),
                   q.status == status);
  form += option("", t("全部（含已摘牌、过期）", "All (removed and expired too)"), !q.status);
  form += "</select></div><div class=\"wide\"><button type=\"submit\">" + t("查找", "Search") +
          "</button></div></form>";
  return form;
}

std::string legend(const DirectoryView& view, const Words& t) {
  std::string out = "<details><summary>" + t("等级说明", "What the grades mean") + "</summary><dl>";
  for (const auto& grade : view.grades) {
    std::string rules;
    for (const auto& requirement : grade.requirements)
      rules += (rules.empty() ? "" : t("；", "; ")) + escape(requirement);
    out += "<dt>" + t(domain::categoryTitle(grade.category)) + " · " + t(grade.title) +
           "</dt><dd>" + rules + "</dd>";
  }
  return out + "</dl></details>";
}

std::string notice(const NoticeItem& item, const Words& t) {
  std::string id = std::to_string(item.noticeId);
  std::string endsOn = t.date(item.endsOn);
  return "<li class=\"pending\"><div class=\"text\"><p class=\"line\"><strong>" +
         t(item.entry.name) + "</strong></p><p class=\"muted\">" + t(item.entry.countyName) +
         " · " + t(domain::categoryTitle(item.entry.category)) + " · " + t(item.gradeTitle) +
         " · " + t("公示至 " + endsOn, "on notice until " + endsOn) + "</p><details><summary>" +
         t("我有异议", "Object to this") +
         "</summary><form method=\"post\" action=\"/directory/notices/" + id +
         "/objections\"><label for=\"text-" + id + "\">" + t("异议内容", "Your objection") +
         "</label><textarea id=\"text-" + id +
         "\" name=\"text\" rows=\"4\" maxlength=\"1000\" required></textarea><label "
         "for=\"contact-" +
         id + "\">" + t("联系方式（选填）", "Contact (optional)") + "</label><input id=\"contact-" +
         id + "\" name=\"contact\" maxlength=\"100\"><button type=\"submit\">" +
         t("提交异议", "Send objection") + "</button></form></details></div></li>";
}

}  // namespace

std::string statusBadge(PublicStatus status, const Words& t) {
  const char* kind = status == PublicStatus::Certified   ? "valid"
                     : status == PublicStatus::Suspended ? "suspended"
                     : status == PublicStatus::Removed   ? "revoked"
                                                         : "expired";
  return std::string("<span class=\"badge ") + kind + "\">" + t(domain::publicStatusTitle(status)) +
         "</span>";
}

http::HttpResponse directoryPage(const PageRequest& page, const domain::Programme& programme,
                                 const DirectoryView& view,
                                 const services::CertificateService& certificates) {
  Words t(page.english);
  std::string body = "<h1>" + t("认定名录", "Directory of certified places") + "</h1><p>" +
                     t("特色民宿、特色餐饮店与特色产品；扫描牌匾二维码可随时核验。",
                       "Featured homestays, restaurants and products; scan a plaque to check it.") +
                     "</p>" + filters(view, t) + legend(view, t);
  body += "<p class=\"muted\" id=\"total\">" +
          t("共 " + std::to_string(view.total) + " 家", std::to_string(view.total) + " found") +
          "</p>";
  if (view.records.empty()) {
    body += "<p>" + t("没有符合条件的场所。", "Nothing matches.") + "</p>";
  } else {
    body += "<ul class=\"cards\" id=\"places\">";
    for (const auto& record : view.records) body += card(record, view.today, certificates, t);
    body += "</ul>";
  }
  std::string query = filterQuery(view.query);
  std::string pager;
  if (view.query.afterId > 0)
    pager += "<a href=\"/directory" + escape(query.empty() ? "" : "?" + query) + "\">" +
             t("‹ 第一页", "‹ First page") + "</a>";
  if (view.nextAfter)
    pager +=
        "<a rel=\"next\" href=\"/directory?" +
        escape(query + (query.empty() ? "" : "&") + "cursor=a" + std::to_string(*view.nextAfter)) +
        "\">" + t("下一页 ›", "Next page ›") + "</a>";
  if (!pager.empty()) body += "<nav class=\"pager\">" + pager + "</nav>";
  if (!view.notices.empty()) {
    body += "<h2>" + t("公示中", "On public notice") + "</h2><p class=\"muted\">" +
            t("以下评定结果正在公示，公示期内任何人均可提出异议。",
              "These results are on public notice; anyone may object before it ends.") +
            "</p><ul class=\"cards\">";
    for (const auto& item : view.notices) body += notice(item, t);
    body += "</ul>";
  }
  return publicPage(page, 200, programme, t("认定名录", "Directory"), body);
}

http::HttpResponse entryPage(const PageRequest& page, const domain::Programme& programme,
                             const domain::PublicRecord& record,
                             const std::vector<domain::Certificate>& history, int today,
                             const services::CertificateService& certificates) {
  Words t(page.english);
  const domain::Entry& e = record.entry;
  const domain::Certificate& c = record.certificate;
  PublicStatus status = domain::publicStatusOf(c, today);
  std::string body = "<h1>" + t(e.name) + "</h1><p>" + statusBadge(status, t) + "</p>";
  std::string since = c.statusSince ? t.date(programme.calendar.dayOf(*c.statusSince)) : "";
  if (status == PublicStatus::Suspended) {
    auto deadline = domain::suspensionDeadline(c.statusReason);
    body += "<p>" +
            t("自 " + since + " 起暂停使用，正在限期整改",
              "Suspended since " + since + ", pending rectification") +
            (deadline ? t("（期限 " + t.date(*deadline) + "）", " (by " + t.date(*deadline) + ")")
                      : "") +
            "</p>";
  } else if (status == PublicStatus::Removed) {
    auto code = domain::revocationCode(c.statusReason);
    body += "<p>" + t(since + " 摘牌", "Removed from the list on " + since) +
            (code ? t("，原因：", "; reason: ") + t(domain::revocationTitle(*code)) : "") + "</p>";
  } else if (status == PublicStatus::Expired) {
    body += "<p>" +
            t("认定已于 " + t.date(c.validUntil) + " 到期",
              "Certification ran out on " + t.date(c.validUntil)) +
            "</p>";
  }
  if (e.photoPath)
    body += "<img class=\"photo\" src=\"/media/entries/" + std::to_string(e.id) + "\" alt=\"" +
            t(e.name) + "\">";
  auto row = [](const std::string& label, const std::string& value) {
    return "<dt>" + label + "</dt><dd>" + value + "</dd>";
  };
  body += "<dl>" + row(t("类别", "Category"), t(domain::categoryTitle(e.category))) +
          row(t("等级", "Grade"), t(certificates.gradeTitle(c))) +
          row(t("地址", "Address"), t(e.countyName) + " " + t(e.address));
  if (status == PublicStatus::Certified || status == PublicStatus::Suspended)
    body += row(t("有效期至", "Valid until"), t.date(c.validUntil));
  if (c.lastInspectionOn) body += row(t("最近检查", "Last inspected"), t.date(*c.lastInspectionOn));
  if (e.contactPublic && !e.contact.empty()) body += row(t("联系电话", "Phone"), escape(e.contact));
  if (!e.featuredDishes.empty()) {
    std::string dishes;
    for (const auto& dish : e.featuredDishes)
      dishes += (dishes.empty() ? "" : t("、", ", ")) + escape(dish);
    body += row(t("特色菜品", "Featured dishes"), dishes);
  }
  if (e.origin) body += row(t("产地", "Origin"), escape(*e.origin));
  if (e.specification) body += row(t("规格", "Specification"), escape(*e.specification));
  if (!e.description.zh.empty()) body += row(t("简介", "About"), t(e.description));
  if (e.reply) body += row(t("经营者回应", "The business replies"), escape(*e.reply));
  body += "</dl><p><a href=\"/c/" + escape(c.token) + "\">" +
          t("查验现行牌匾 ›", "Check its plaque ›") + "</a></p>";
  body += "<h2>" + t("认定记录", "Certification history") + "</h2><ul class=\"cards\">";
  for (auto it = history.rbegin(); it != history.rend(); ++it)
    body += "<li><div class=\"text\"><p class=\"line\">" + t(certificates.gradeTitle(*it)) + " · " +
            escape(it->serial) + "</p><p class=\"line muted\">" + t.date(it->issuedOn) + " – " +
            t.date(it->validUntil) + " · " + statusBadge(domain::publicStatusOf(*it, today), t) +
            "</p></div></li>";
  body += "</ul><p><a href=\"/complaints/new?entry=" + std::to_string(e.id) + "\">" +
          t("投诉或举报", "Complain or report") + "</a></p>";
  return publicPage(page, 200, programme, t(e.name), body);
}

http::HttpResponse objectionResult(const PageRequest& page, int status,
                                   const domain::Programme& programme, const std::string& message) {
  Words t(page.english);
  std::string body =
      status == 201
          ? "<section class=\"verdict valid\"><h1>" + t("✔ 异议已收到", "✔ Objection received") +
                "</h1></section><p>" +
                t("办公室将在公示期结束前核查；核查完毕前不会颁发证书。",
                  "The office will look into it; no certificate is issued until it has.") +
                "</p>"
          : "<section class=\"verdict forged\"><h1>" + t("未能提交", "Not sent") + "</h1><p>" +
                escape(message) + "</p></section>";
  body += "<p><a href=\"/directory\">" + t("返回名录", "Back to the directory") + "</a></p>";
  return publicPage(page, status, programme, t("异议", "Objection"), body);
}

}  // namespace tisheng::web
