#include "services/CatalogueService.h"

#include <map>

#include "certificates/CivilDate.h"
#include "services/ImageSanitizer.h"

namespace tisheng::services {

namespace {

std::string in(const rules::LocalizedText& text, bool english) {
  return english && !text.en.empty() ? text.en : text.zh;
}

rules::LocalizedText catalogueTitle(rules::Category category) {
  switch (category) {
    case rules::Category::Homestay: return {"特色民宿宣传册", "Featured Homestays"};
    case rules::Category::Restaurant: return {"特色菜品宣传册", "Featured Restaurants and Dishes"};
    case rules::Category::Product: return {"特色产品目录册", "Catalogue of Featured Products"};
  }
  return {};
}

std::string dateIn(int day, bool english) {
  std::string iso = certificates::isoDate(day);
  if (english) return iso;
  return iso.substr(0, 4) + "年" + std::to_string(std::stoi(iso.substr(5, 2))) + "月" +
         std::to_string(std::stoi(iso.substr(8, 2))) + "日";
}

}  // namespace

certificates::CatalogueContent CatalogueService::content(const CatalogueRequest& request,
                                                         bool withPhotos) const {
  const bool en = request.english;
  auto word = [en](const char* zh, const char* english) { return std::string(en ? english : zh); };
  certificates::CatalogueContent c;
  c.brand = en ? programme_.brandEn : programme_.brandZh;
  c.programme = en ? programme_.nameEn : programme_.nameZh;
  rules::LocalizedText title = catalogueTitle(request.category);
  c.title = in(title, en);
  c.subtitle = en ? title.zh : title.en;
  c.validAsOf = en ? "Certified and valid as of " + dateIn(request.day, true)
                   : dateIn(request.day, false) + "认定有效";
  c.issuer = en ? programme_.issuerEn : programme_.issuerZh;
  c.contentsTitle = word("目录", "Contents");
  c.pageWord = word("第 {n} 页", "page {n}");
  c.scanToVerify = word("扫码验真", "Scan to verify");

  domain::PublicQuery query;
  query.category = request.category;
  query.county = request.county;
  query.grade = request.grade;
  query.status = domain::PublicStatus::Certified;
  std::map<std::string, certificates::CatalogueSection> byCounty;
  std::size_t count = 0;
  for (const auto& record : register_.all(query, request.day)) {
    const domain::Entry& e = record.entry;
    const domain::Certificate& cert = record.certificate;
    if (cert.issuedOn > request.day) continue;  // not yet issued on that day
    certificates::CatalogueEntry item;
    item.name = in(e.name, en);
    item.nameOther = en ? e.name.zh : e.name.en;
    if (item.nameOther == item.name) item.nameOther.clear();
    item.grade = in(certificates_.gradeTitle(cert), en);
    item.address = in(e.countyName, en) + " " + in(e.address, en);
    if (e.contactPublic && !e.contact.empty()) item.contact = word("电话：", "Phone: ") + e.contact;
    item.description = in(e.description, en);
    if (!e.featuredDishes.empty()) {
      std::string dishes;
      for (const auto& dish : e.featuredDishes)
        dishes += (dishes.empty() ? "" : word("、", ", ")) + dish;
      item.details.push_back(word("特色菜品：", "Featured dishes: ") + dishes);
    }
    if (e.origin || e.specification) {
      std::string line;
      if (e.origin) line += word("产地：", "Origin: ") + *e.origin;
      if (e.specification)
        line +=
            (line.empty() ? "" : word("　", "; ")) + word("规格：", "Size: ") + *e.specification;
      item.details.push_back(line);
    }
    if (e.photoPath) {
      item.photoUrl = "/media/entries/" + std::to_string(e.id);
      if (withPhotos)
        if (auto bytes = media_.read(*e.photoPath)) try {
            CleanImage small = printThumbnail(*bytes);
            item.photo = {std::move(small.bytes), small.type, small.width, small.height};
          } catch (const std::exception&) {
            // A photo that cannot be read is left out; the entry still appears.
          }
    }
    item.url = certificates_.verificationUrl(cert);
    item.serial = cert.serial;
    auto& section = byCounty[e.countyCode];
    section.county = in(e.countyName, en);
    section.entries.push_back(std::move(item));
    ++count;
  }
  for (const auto& county : counties_.list())  // in the programme's order of counties
    if (auto found = byCounty.find(county.code); found != byCounty.end())
      c.sections.push_back(std::move(found->second));
  c.summary = en ? std::to_string(count) + " places" : "共 " + std::to_string(count) + " 家";
  return c;
}

}  // namespace tisheng::services
