#include "web/VerifyPage.h"

#include "certificates/CivilDate.h"
#include "web/Html.h"
#include "web/Layout.h"

namespace tisheng::web {

namespace {

using domain::CertificateStatus;

std::string row(const std::string& label, const std::string& value) {
  return "<dt>" + label + "</dt><dd>" + value + "</dd>";
}

std::string verdict(const services::Verification& v, const domain::Calendar& calendar,
                    const Bilingual& t) {
  if (!v.genuine)
    return "<section class=\"verdict forged\"><h1>" + t("✖ 非真实牌匾", "✖ Not a genuine plaque") +
           "</h1><p>" +
           t("本码不是本平台颁发的认定牌匾，请勿轻信，并向当地专班举报。",
             "This code was not issued by the programme. Do not rely on it; please report it.") +
           "</p></section>";
  const domain::Certificate& c = v.found->certificate;
  std::string since = c.statusSince ? certificates::isoDate(calendar.dayOf(*c.statusSince)) : "";
  std::string reason =
      c.statusReason ? "<p>" + t.one("原因：", "Reason: ") + escape(*c.statusReason) + "</p>" : "";
  switch (v.status) {
    case CertificateStatus::Active:
      return "<section class=\"verdict valid\"><h1>" + t("✔ 真实有效", "✔ Genuine and valid") +
             "</h1><p>" + t("有效期至 ", "Valid until ") + certificates::isoDate(c.validUntil) +
             "</p></section>";
    case CertificateStatus::Suspended:
      return "<section class=\"verdict suspended\"><h1>" +
             t("⚠ 真实牌匾 · 暂停使用", "⚠ Genuine · suspended") + "</h1><p>" +
             t("自 " + since + " 起暂停，整改中",
               "Suspended since " + since + " pending rectification") +
             "</p>" + reason + "</section>";
    case CertificateStatus::Revoked:
      return "<section class=\"verdict revoked\"><h1>" + t("✖ 已摘牌", "✖ Removed from the list") +
             "</h1><p>" + t(since + " 起撤销认定", "Revoked on " + since) + "</p>" + reason +
             "</section>";
    case CertificateStatus::Expired:
      return "<section class=\"verdict expired\"><h1>" +
             t("真实牌匾 · 已过期", "Genuine · expired") + "</h1><p>" +
             t("有效期已于 ", "Expired on ") + certificates::isoDate(c.validUntil) +
             t(" 届满", "") + "</p></section>";
    case CertificateStatus::Superseded:
      return "<section class=\"verdict superseded\"><h1>" +
             t("已换发新牌", "Replaced by a newer plaque") + "</h1><p>" +
             t("此牌匾已被重新评定后的新证书取代。", "A re-grading replaced this certificate.") +
             "</p></section>";
  }
  return "";
}

std::string details(const services::Verification& v, const services::CertificateService& service,
                    const domain::Programme& programme, const Bilingual& t) {
  const domain::Certificate& c = v.found->certificate;
  const domain::Entry& e = v.found->entry;
  std::string out;
  if (e.photoPath) out += "<img src=\"/media/entries/" + std::to_string(e.id) + "\" alt=\"\">";
  out += "<dl>";
  out += row(t("名称", "Name"), "<span class=\"name\">" + t(e.name) + "</span>");
  out += row(t("类别", "Category"), t(domain::categoryTitle(e.category)));
  out += row(t("等级", "Grade"), t(service.gradeTitle(c)));
  out += row(t("地址", "Address"), t(e.countyName) + " " + t(e.address));
  out += row(t("证书编号", "Serial"), "<code>" + escape(c.serial) + "</code>");
  out += row(t("有效期至", "Valid until"), certificates::isoDate(c.validUntil));
  if (c.lastInspectionOn)
    out += row(t("最近检查", "Last inspected"), certificates::isoDate(*c.lastInspectionOn));
  out += row(t("颁发单位", "Issued by"), t(programme.issuerZh, programme.issuerEn));
  if (e.reply)
    out += row(
        t("经营者回应", "The business replies"),
        escape(*e.reply) +
            (e.replyAt ? "<span class=\"en\">" +
                             certificates::isoDate(programme.calendar.dayOf(*e.replyAt)) + "</span>"
                       : ""));
  out += "</dl><p class=\"note\">" +
         t("请核对名称、地址与牌匾上的证书编号是否与现场一致；不一致即为冒用。",
           "Check that the name, address and serial match the premises and the plaque; if not, it "
           "is a copy.") +
         "</p><p><a href=\"/complaints/new?serial=" + escape(c.serial) + "\">" +
         t("投诉或举报", "Complain or report") + "</a></p>";
  return out;
}

}  // namespace

http::HttpResponse verifyPage(const services::Verification& v,
                              const services::CertificateService& service,
                              const domain::Programme& programme, const std::string& lang,
                              const std::string& selfPath) {
  bool english = lang == "en";
  Bilingual t(english);
  std::string body = verdict(v, programme.calendar, t);
  if (v.genuine) body += details(v, service, programme, t);
  body += "<footer>" + t.one("查验时间 ", "Checked at ") + certificates::isoTime(v.checkedAt) +
          " · " + escape(programme.publicHost) + "</footer>";
  return publicPage(200, programme, english, english ? "Plaque check" : "牌匾查验", selfPath, body);
}

}  // namespace tisheng::web
