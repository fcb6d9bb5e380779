#include "web/ComplaintPage.h"

#include <map>

#include "web/Html.h"

namespace tisheng::web {

std::string fieldProblem(const http::FieldError& error, const Words& t) {
  static const std::map<std::string, std::string> kChinese{
      {"category", "请选择问题类型"},
      {"description", "请写明发生了什么，至少 10 个字，不超过 2000 字"},
      {"seen", "请写明看到了什么，至少 10 个字，不超过 2000 字"},
      {"contact", "联系方式不超过 100 个字符"},
      {"serial", "没有这个证书编号的牌匾"},
      {"entry_id", "没有这个场所"},
      {"county", "请选择所在县区"},
      {"place_name", "请填写场所名称（不超过 100 字）"},
      {"address", "请填写地址（不超过 200 字）"},
      {"photo", "照片须为 JPEG 或 PNG，不超过 5 MB"}};
  auto found = kChinese.find(error.field);
  if (t.english() || found == kChinese.end()) return escape(error.message);
  return found->second;
}

std::string problemBeside(const std::vector<http::FieldError>& errors, const std::string& field,
                          const Words& t) {
  for (const auto& error : errors)
    if (error.field == field)
      return "<p class=\"error\" id=\"" + field + "-error\">" + fieldProblem(error, t) + "</p>";
  return "";
}

http::HttpResponse complaintForm(const PageRequest& page, int status,
                                 const domain::Programme& programme,
                                 const services::ComplaintForm& form,
                                 const std::optional<domain::Entry>& about,
                                 const std::vector<http::FieldError>& errors,
                                 const std::string& message) {
  Words t(page.english);
  auto errorFor = [&](const std::string& field) { return problemBeside(errors, field, t); };
  std::string body = "<h1>" + t("投诉与举报", "Complaint or report") + "</h1>";
  if (about)
    body += "<p>" + t("关于：", "About: ") + "<strong>" + t(about->name) + "</strong> " +
            escape(form.serial) + "</p>";
  if (!message.empty()) body += "<p class=\"error\">" + escape(message) + "</p>";
  body +=
      "<form class=\"card\" method=\"post\" action=\"/complaints/new\"><input type=\"hidden\" "
      "name=\"serial\" value=\"" +
      escape(form.serial) + "\"><input type=\"hidden\" name=\"entry_id\" value=\"" +
      escape(form.entryId) + "\">";
  body += "<label for=\"category\">" + t("问题类型", "What is wrong") + "</label>" +
          "<select id=\"category\" name=\"category\" required>";
  for (const auto& [id, label] : services::ComplaintService::categories())
    body += "<option value=\"" + id + "\"" + (form.category == id ? " selected" : "") + ">" +
            t(label.zh, label.en) + "</option>";
  body += "</select>" + errorFor("category");
  body += "<label for=\"description\">" +
          t("发生了什么（至少 10 个字）", "What happened (10 characters or more)") +
          "</label><textarea id=\"description\" name=\"description\" rows=\"6\" maxlength=\"2000\" "
          "required>" +
          escape(form.description) + "</textarea>" + errorFor("description");
  body += "<label for=\"contact\">" + t("联系方式（选填）", "Contact (optional)") +
          "</label><input id=\"contact\" name=\"contact\" maxlength=\"100\" value=\"" +
          escape(form.contact) + "\">" + errorFor("contact") + errorFor("serial");
  body += "<button type=\"submit\">" + t("提交", "Send") + "</button></form><p class=\"muted\">" +
          t("投诉由所在县区专班受理；提供联系方式便于回访。",
            "The county office handles complaints; leave a contact if you want an answer.") +
          "</p>";
  return publicPage(page, status, programme, t("投诉与举报", "Complaint"), body);
}

http::HttpResponse complaintFiled(const PageRequest& page, const domain::Programme& programme,
                                  const services::FiledComplaint& filed) {
  Words t(page.english);
  std::string body =
      "<section class=\"verdict valid\"><h1>" + t("✔ 已收到", "✔ Received") + "</h1><p>" +
      t("受理编号 ", "Reference ") + escape(filed.reference) + "</p></section><p>" +
      t("感谢您的反馈，县区专班将依规处理。", "Thank you. The county office will look into it.") +
      "</p>";
  return publicPage(page, 201, programme, t("投诉已受理", "Complaint received"), body);
}

}  // namespace tisheng::web
