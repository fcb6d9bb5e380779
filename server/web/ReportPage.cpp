#include "web/ReportPage.h"

#include "web/ComplaintPage.h"
#include "web/Html.h"

namespace tisheng::web {

http::HttpResponse reportForm(const PageRequest& page, int status,
                              const domain::Programme& programme,
                              const std::vector<domain::County>& counties,
                              const services::PlaqueReportForm& form,
                              const std::vector<http::FieldError>& errors,
                              const std::string& message) {
  Words t(page.english);
  auto beside = [&](const std::string& field) { return problemBeside(errors, field, t); };
  auto input = [&](const std::string& name, const std::string& label, const std::string& value,
                   const std::string& attributes) {
    return "<label for=\"" + name + "\">" + label + "</label><input id=\"" + name + "\" name=\"" +
           name + "\" value=\"" + escape(value) + "\" " + attributes + ">" + beside(name);
  };
  std::string body = "<h1>" + t("举报假牌匾", "Report a fake plaque") + "</h1><p>" +
                     t("扫码显示“非真实牌匾”，或牌匾与现场不符？告诉我们在哪里、看到了什么，"
                       "所在县区专班会核查。",
                       "Did a plaque scan as not genuine, or not match the place? Tell us where "
                       "and what you saw; the county office will look into it.") +
                     "</p>";
  if (!message.empty()) body += "<p class=\"error\">" + escape(message) + "</p>";
  body +=
      "<form class=\"card\" method=\"post\" action=\"/report\" "
      "enctype=\"multipart/form-data\"><input type=\"hidden\" name=\"code\" value=\"" +
      escape(form.codeSeen) + "\">";
  body += "<label for=\"county\">" + t("所在县区", "County") +
          "</label><select id=\"county\" name=\"county\" required><option value=\"\">" +
          t("请选择", "Choose") + "</option>";
  for (const auto& county : counties)
    body += "<option value=\"" + escape(county.code) + "\"" +
            (county.code == form.county ? " selected" : "") + ">" + t(county.name) + "</option>";
  body += "</select>" + beside("county");
  body += input("place_name", t("场所名称", "Name of the place"), form.placeName,
                "maxlength=\"100\" required");
  body += input("address", t("地址", "Address"), form.address, "maxlength=\"200\" required");
  body += "<label for=\"seen\">" +
          t("看到了什么（至少 10 个字）", "What you saw (10 characters or more)") +
          "</label><textarea id=\"seen\" name=\"seen\" rows=\"5\" maxlength=\"2000\" required>" +
          escape(form.seen) + "</textarea>" + beside("seen");
  body +=
      "<label for=\"photo\">" + t("牌匾照片（选填）", "Photo of the plaque (optional)") +
      "</label><input id=\"photo\" name=\"photo\" type=\"file\" accept=\"image/jpeg,image/png\">" +
      beside("photo");
  body += input("contact", t("联系方式（选填）", "Contact (optional)"), form.contact,
                "maxlength=\"100\"");
  body += "<button type=\"submit\">" + t("提交举报", "Send report") + "</button></form>";
  return publicPage(page, status, programme, t("举报假牌匾", "Report a fake plaque"), body);
}

http::HttpResponse reportFiled(const PageRequest& page, const domain::Programme& programme,
                               const std::string& reference) {
  Words t(page.english);
  std::string body =
      "<section class=\"verdict valid\"><h1>" + t("✔ 举报已收到", "✔ Report received") +
      "</h1><p>" + t("受理编号 ", "Reference ") + escape(reference) + "</p></section><p>" +
      t("感谢您的举报，县区专班将核查处理。", "Thank you. The county office will look into it.") +
      "</p><p><a href=\"/\">" + t("返回首页", "Home") + "</a></p>";
  return publicPage(page, 201, programme, t("举报已收到", "Report received"), body);
}

}  // namespace tisheng::web
