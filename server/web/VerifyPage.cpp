#include "web/VerifyPage.h"

#include "web/Html.h"

namespace tisheng::web {

namespace {

using domain::CertificateStatus;

std::string row(const std::string& label, const std::string& value) {
  return "<dt>" + label + "</dt><dd>" + value + "</dd>";
}

/// What the place must put right, as the office wrote it.
std::string findings(const domain::Certificate& c, const Words& t) {
  std::string text = domain::suspensionFindings(c.statusReason);
  if (text.empty()) return "";
  return "<p>" + t("整改事项：", "To put right: ") + escape(text) + "</p>";
}

std::string section(const std::string& kind, const std::string& headline,
                    const std::string& lines) {
  return "<section class=\"verdict " + kind + "\" id=\"verdict\"><h1>" + headline + "</h1>" +
         lines + "</section>";
}

/// What became of the place since this plaque was replaced: its current certificate and grade.
std::string replacedBy(const std::optional<domain::PublicRecord>& current,
                       const services::CertificateService& service, int today, const Words& t) {
  if (!current) return "";
  const domain::Certificate& now = current->certificate;
  switch (domain::publicStatusOf(now, today)) {
    case domain::PublicStatus::Certified:
      return "<p>" + t("现行等级：", "Current grade: ") + t(service.gradeTitle(now)) +
             "</p><p><a href=\"/c/" + escape(now.token) + "\">" +
             t("查看现行牌匾 ›", "See the current plaque ›") + "</a></p>";
    case domain::PublicStatus::Suspended:
      return "<p>" + t("现行牌匾暂停使用（整改中）。", "Its current plaque is suspended.") +
             " <a href=\"/c/" + escape(now.token) + "\">" + t("详情 ›", "Details ›") + "</a></p>";
    case domain::PublicStatus::Removed:
      return "<p>" + t("该场所已被摘牌。", "The place has since been removed from the list.") +
             "</p>";
    case domain::PublicStatus::Expired:
      return "<p>" + t("该场所的认定已过期。", "The place's certification has since expired.") +
             "</p>";
  }
  return "";
}

std::string verdict(const services::Verification& v,
                    const std::optional<domain::PublicRecord>& current,
                    const services::CertificateService& service, const domain::Programme& programme,
                    const std::string& token, const Words& t) {
  if (!v.genuine)
    return section("forged", t("✖ 非真实牌匾", "✖ Not a genuine plaque"),
                   "<p>" +
                       t("此码不是本平台颁发的认定牌匾，请勿轻信。",
                         "This code was not issued by the programme. Do not rely on it.") +
                       "</p><p><a href=\"/report?code=" + escape(token.substr(0, 200)) + "\">" +
                       t("举报这块假牌匾 ›", "Report this fake plaque ›") + "</a></p>");
  const domain::Certificate& c = v.found->certificate;
  const domain::Calendar& calendar = programme.calendar;
  int today = calendar.dayOf(v.checkedAt);
  std::string since = c.statusSince ? t.date(calendar.dayOf(*c.statusSince)) : "";
  switch (v.status) {
    case CertificateStatus::Active:
      return section("valid", t("✔ 真实有效", "✔ Genuine and valid"),
                     "<p>" + t(service.gradeTitle(c)) + " · " + t("有效期至 ", "valid until ") +
                         t.date(c.validUntil) + "</p>");
    case CertificateStatus::Suspended: {
      auto deadline = domain::suspensionDeadline(c.statusReason);
      return section("suspended", t("⚠ 暂停使用", "⚠ Suspended"),
                     "<p>" +
                         t("自 " + since + " 起暂停，整改中",
                           "Suspended since " + since + ", pending rectification") +
                         (deadline ? t("，整改期限 " + t.date(*deadline),
                                       "; to be put right by " + t.date(*deadline))
                                   : "") +
                         "</p>" + findings(c, t) + "<p>" +
                         t("牌匾为真，但目前不代表认定有效。",
                           "The plaque is genuine but does not currently vouch for the place.") +
                         "</p>");
    }
    case CertificateStatus::Revoked: {
      auto code = domain::revocationCode(c.statusReason);
      return section(
          "revoked", t("✖ 已摘牌", "✖ Removed from the list"),
          "<p>" + t(since + " 摘牌", "Removed on " + since) + "</p>" +
              (code ? "<p>" + t("原因：", "Reason: ") + t(domain::revocationTitle(*code)) + "</p>"
                    : "") +
              "<p>" +
              t("该场所已不在认定名录中，牌匾应已摘除。",
                "The place is no longer certified; the plaque should have been taken "
                "down.") +
              "</p>");
    }
    case CertificateStatus::Expired:
      return section(
          "expired", t("已过期", "Expired"),
          "<p>" +
              t("认定已于 " + t.date(c.validUntil) + " 到期，目前不是有效认定。",
                "The certification ran out on " + t.date(c.validUntil) + "; it is not valid now.") +
              "</p>");
    case CertificateStatus::Superseded:
      return section("superseded", t("已换发新牌", "Replaced by a newer plaque"),
                     "<p>" +
                         t("此牌匾已被重新评定后的新证书取代，不再代表现行等级。",
                           "A re-grading replaced this plaque; it no longer shows the current "
                           "grade.") +
                         "</p>" + replacedBy(current, service, today, t));
  }
  return "";
}

std::string details(const services::Verification& v, const services::CertificateService& service,
                    const domain::Programme& programme, const Words& t) {
  const domain::Certificate& c = v.found->certificate;
  const domain::Entry& e = v.found->entry;
  const bool valid = v.status == CertificateStatus::Active;
  std::string out;
  if (e.photoPath)
    out += "<img class=\"photo\" src=\"/media/entries/" + std::to_string(e.id) + "\" alt=\"" +
           t(e.name) + "\">";
  out += "<dl>";
  out += row(t("名称", "Name"), "<span class=\"name\">" + t(e.name) + "</span>");
  out += row(t("类别", "Category"), t(domain::categoryTitle(e.category)));
  out += row(valid ? t("等级", "Grade") : t("牌匾所示等级", "Grade on this plaque"),
             t(service.gradeTitle(c)));
  out += row(t("地址", "Address"), t(e.countyName) + " " + t(e.address));
  out += row(t("证书编号", "Serial"), "<code>" + escape(c.serial) + "</code>");
  if (valid) out += row(t("有效期至", "Valid until"), t.date(c.validUntil));
  if (c.lastInspectionOn) out += row(t("最近检查", "Last inspected"), t.date(*c.lastInspectionOn));
  out += row(t("颁发单位", "Issued by"), t(programme.issuerZh, programme.issuerEn));
  if (e.reply)
    out += row(
        t("经营者回应", "The business replies"),
        escape(*e.reply) + (e.replyAt ? " <span class=\"muted\">" +
                                            t.date(programme.calendar.dayOf(*e.replyAt)) + "</span>"
                                      : ""));
  out += "</dl><p class=\"muted\">" +
         t("请核对名称、地址与牌匾上的证书编号是否与现场一致；不一致即为冒用。",
           "Check that the name, address and serial match the premises and the plaque; if not, "
           "it is a copy.") +
         "</p><p><a href=\"/entries/" + std::to_string(e.id) + "\">" +
         t("该场所的认定记录 ›", "This place's record ›") +
         "</a></p><p><a href=\"/complaints/new?serial=" + escape(c.serial) + "\">" +
         t("投诉或举报", "Complain or report") + "</a></p>";
  return out;
}

}  // namespace

http::HttpResponse verifyPage(const PageRequest& page, const services::Verification& v,
                              const std::optional<domain::PublicRecord>& current,
                              const services::CertificateService& service,
                              const domain::Programme& programme, const std::string& token) {
  Words t(page.english);
  std::string body = verdict(v, current, service, programme, token, t);
  if (v.genuine) body += details(v, service, programme, t);
  body += "<p class=\"muted\">" + t("查验时间 ", "Checked ") +
          t.time(programme.calendar, v.checkedAt) + "</p>";
  return publicPage(page, 200, programme, t("牌匾查验", "Plaque check"), body);
}

}  // namespace tisheng::web
