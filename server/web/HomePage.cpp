#include "web/HomePage.h"

#include "domain/Registry.h"
#include "web/Html.h"

namespace tisheng::web {

namespace {

std::string searchForm(const Words& t) {
  return "<form class=\"card\" method=\"get\" action=\"/directory\" role=\"search\"><label "
         "for=\"q\">" +
         t("查找认定的民宿、餐饮店和产品", "Find a certified homestay, restaurant or product") +
         "</label><input id=\"q\" name=\"q\" type=\"search\" maxlength=\"100\"><button "
         "type=\"submit\">" +
         t("查找", "Search") + "</button></form>";
}

}  // namespace

http::HttpResponse landingPage(const PageRequest& page, const domain::Programme& programme,
                               const std::array<std::size_t, 3>& certified) {
  Words t(page.english);
  std::string body =
      "<h1>" +
      t(programme.nameZh + "：特色民宿、特色餐饮、特色产品", programme.nameEn +
                                                                 ": featured homestays, "
                                                                 "restaurants and products") +
      "</h1><p>" +
      t(programme.issuerZh +
            "按公开的评定标准检查、认定并持续监督。认定的场所悬挂带二维码的牌匾；牌匾随时可扫码核验"
            "，"
            "暂停、摘牌或过期都会如实显示。",
        programme.issuerEn +
            " inspects and certifies places against published standards and keeps watching them. "
            "Certified places show a plaque with a QR code: scan it at any time to see whether it "
            "is genuine and still valid — a suspension, removal or expiry shows at once.") +
      "</p>" + searchForm(t) + "<div class=\"tiles\">";
  const rules::Category categories[] = {rules::Category::Homestay, rules::Category::Restaurant,
                                        rules::Category::Product};
  for (std::size_t i = 0; i < 3; ++i)
    body += "<a href=\"/directory?category=" + std::string(rules::toString(categories[i])) + "\">" +
            t(domain::categoryTitle(categories[i])) + "<br><span class=\"muted\">" +
            t(std::to_string(certified[i]) + " 家认定有效",
              std::to_string(certified[i]) + " certified") +
            "</span></a>";
  body +=
      "</div><h2>" + t("如何核验牌匾", "How to check a plaque") + "</h2><p>" +
      t("用手机相机或微信扫描牌匾上的二维码，打开的页面会显示牌匾是否真实、等级与有效期。"
        "页面地址必须以 " +
            programme.publicHost + " 开头。",
        "Scan the QR code on the plaque with a phone camera: the page that opens says whether "
        "it is genuine, its grade and how long it is valid. Its address must begin with " +
            programme.publicHost + ".") +
      "</p><p><a href=\"/report\">" + t("发现假牌匾？举报 ›", "Seen a fake plaque? Report it ›") +
      "</a></p><p><a href=\"/admin/\">" +
      t("工作人员（专班、检查员、经营者）登录 ›", "Staff, inspectors and businesses: sign in ›") +
      "</a></p>";
  return publicPage(page, 200, programme, t(programme.nameZh, programme.nameEn), body);
}

http::HttpResponse notFoundPage(const PageRequest& page, const domain::Programme& programme) {
  Words t(page.english);
  std::string body = "<h1>" + t("页面不存在", "Page not found") + "</h1><p>" +
                     t("这个地址没有内容。若是扫描牌匾到达这里，请从名录查找该场所。",
                       "Nothing is at this address. If a plaque brought you here, look the place "
                       "up in the directory.") +
                     "</p>" + searchForm(t) + "<p><a href=\"/\">" + t("返回首页", "Home") +
                     "</a></p>";
  return publicPage(page, 404, programme, t("页面不存在", "Not found"), body);
}

}  // namespace tisheng::web
