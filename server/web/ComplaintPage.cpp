#include "web/ComplaintPage.h"

#include "web/Html.h"
#include "web/Layout.h"

namespace tisheng::web {

namespace {
std::string errorFor(const std::vector<http::FieldError>& errors, const std::string& field) {
  for (const auto& error : errors)
    if (error.field == field) return "<p class=\"error\">" + escape(error.message) + "</p>";
  return "";
}
}  // namespace

http::HttpResponse complaintForm(int status, const domain::Programme& programme, bool english,
                                 const services::ComplaintForm& form,
                                 const std::optional<domain::Entry>& about,
                                 const std::vector<http::FieldError>& errors,
                                 const std::string& message) {
  Bilingual t(english);
  std::string body = "<h1>" + t("投诉与举报", "Complaint or report") + "</h1>";
  if (about)
    body += "<p>" + t("关于：", "About: ") + "<strong>" + t(about->name) + "</strong> " +
            escape(form.serial) + "</p>";
  if (!message.empty()) body += "<p class=\"error\">" + escape(message) + "</p>";
  std::string self = "/complaints/new?serial=" + escape(form.serial);
  body += "<form method=\"post\" action=\"/complaints/new" +
          std::string(english ? "?lang=en" : "") +
          "\"><input type=\"hidden\" name=\"serial\" value=\"" + escape(form.serial) +
          "\"><input type=\"hidden\" name=\"entry_id\" value=\"" + escape(form.entryId) + "\">";
  body += "<label for=\"category\">" + t.one("问题类型", "What is wrong") + "</label>" +
          "<select id=\"category\" name=\"category\" required>";
  for (const auto& [id, label] : services::ComplaintService::categories())
    body += "<option value=\"" + id + "\"" + (form.category == id ? " selected" : "") + ">" +
            t.one(label.zh, label.en) + "</option>";
  body += "</select>" + errorFor(errors, "category");
  body += "<label for=\"description\">" +
          t.one("发生了什么（至少 10 个字）", "What happened (10 characters or more)") +
          "</label><textarea id=\"description\" name=\"description\" rows=\"6\" maxlength=\"2000\" "
          "required>" +
          escape(form.description) + "</textarea>" + errorFor(errors, "description");
  body += "<label for=\"contact\">" + t.one("联系方式（选填）", "Contact (optional)") +
          "</label><input id=\"contact\" name=\"contact\" maxlength=\"100\" value=\"" +
          escape(form.contact) + "\">" + errorFor(errors, "contact") + errorFor(errors, "serial");
  body += "<button type=\"submit\">" + t.one("提交", "Send") +
          "</button></form><p class=\"note\">" +
          t("投诉由所在县区专班受理；提供联系方式便于回访。",
            "The county office handles complaints; leave a contact if you want an answer.") +
          "</p>";
  return publicPage(status, programme, english, english ? "Complaint" : "投诉与举报", self, body);
}

http::HttpResponse complaintFiled(const domain::Programme& programme, bool english,
                                  const services::FiledComplaint& filed) {
  Bilingual t(english);
  std::string body =
      "<section class=\"verdict valid\"><h1>" + t("✔ 已收到", "✔ Received") + "</h1><p>" +
      t("受理编号 ", "Reference ") + escape(filed.reference) + "</p></section><p>" +
      t("感谢您的反馈，县区专班将依规处理。", "Thank you. The county office will look into it.") +
      "</p>";
  return publicPage(201, programme, english, english ? "Complaint received" : "投诉已受理",
                    "/complaints/new", body);
}

}  // namespace tisheng::web
