#include "app/DemoData.h"
#include "app/Keys.h"

#include "app/DemoWorkflows.h"
#include "certificates/CivilDate.h"
#include "certificates/KeyStore.h"
#include "domain/Clock.h"
#include "security/Passwords.h"
#include "services/AuthService.h"
#include "services/CertificateService.h"
#include "storage/Migrations.h"
#include "storage/SqlRegistryRepository.h"
#include "storage/SqlUserRepository.h"

#include <tuple>

namespace tisheng::app {

namespace {

using rules::Category;

struct County {
  const char* code;
  const char* zh;
  const char* en;
};

constexpr County kCounties[] = {
    {"shangzhou", "商州区", "Shangzhou District"},
    {"luonan", "洛南县", "Luonan County"},
    {"danfeng", "丹凤县", "Danfeng County"},
    {"shangnan", "商南县", "Shangnan County"},
    {"shanyang", "山阳县", "Shanyang County"},
    {"zhenan", "镇安县", "Zhen'an County"},
    {"zhashui", "柞水县", "Zhashui County"},
    {"gaoxin", "商洛高新区", "Shangluo Hi-tech Zone"},
};

struct DemoEntry {
  Category category;
  const char* county;
  const char* zh;
  const char* en;
  const char* address;
};

constexpr DemoEntry kEntries[] = {
    {Category::Homestay, "shangzhou", "牧护关秦岭山居", "Muhuguan Qinling Mountain Lodge",
     "牧护关镇牧护关村"},
    {Category::Homestay, "danfeng", "棣花古镇驿站", "Dihua Old Town Post House",
     "棣花镇棣花古镇东街"},
    {Category::Homestay, "shangnan", "金丝峡云舍", "Jinsi Gorge Cloud Cottage", "金丝峡镇太吉河村"},
    {Category::Homestay, "luonan", "老君山下小院", "Laojun Mountain Courtyard", "石坡镇老君山脚"},
    {Category::Homestay, "zhenan", "塔云山云端民宿", "Tayun Mountain Cloudtop Inn",
     "柴坪镇塔云山景区"},
    {Category::Homestay, "zhashui", "朱家湾农家小院", "Zhujiawan Farm Courtyard", "营盘镇朱家湾村"},
    {Category::Homestay, "shanyang", "漫川关古镇客栈", "Manchuanguan Old Town Inn", "漫川关镇北街"},
    {Category::Homestay, "zhenan", "木王山林间木屋", "Muwang Mountain Forest Cabins",
     "米粮镇木王山"},
    {Category::Homestay, "zhashui", "柞水溶洞山舍", "Zhashui Karst Cave Lodge", "下梁镇石瓮子村"},
    {Category::Homestay, "shangzhou", "仙娥湖畔民宿", "Xian'e Lakeside Homestay", "北宽坪镇仙娥湖"},
    {Category::Homestay, "shanyang", "天竺山听泉居", "Tianzhu Mountain Spring House",
     "天竺山镇双坪村"},
    {Category::Homestay, "luonan", "洛河源栖云舍", "Luohe Source Cloud Rest", "洛源镇龙潭村"},
    {Category::Homestay, "danfeng", "凤冠山水街客栈", "Fengguan Water Street Inn", "龙驹寨街道"},
    {Category::Homestay, "shangnan", "石门河谷民宿", "Shimen Valley Homestay", "试马镇石门村"},
    {Category::Homestay, "gaoxin", "二龙山竹林小筑", "Erlong Mountain Bamboo Retreat",
     "沙河子镇二龙山"},
    {Category::Homestay, "zhashui", "营盘秦岭原乡", "Yingpan Qinling Homeland", "营盘镇北河村"},
    {Category::Restaurant, "shangzhou", "商洛十大碗老店", "Shangluo Ten Bowls Restaurant",
     "北新街 36 号"},
    {Category::Restaurant, "luonan", "洛南豆腐坊", "Luonan Tofu House", "城关街道西街"},
    {Category::Restaurant, "danfeng", "丹江鱼庄", "Danjiang Fish House", "龙驹寨街道滨江路"},
    {Category::Restaurant, "shanyang", "漫川八大件酒楼", "Manchuan Eight Dishes Restaurant",
     "漫川关镇南街"},
    {Category::Restaurant, "zhenan", "镇安腊肉馆", "Zhen'an Cured Pork Kitchen", "永乐街道东关"},
    {Category::Restaurant, "zhashui", "柞水洋芋糍粑馆", "Zhashui Potato Ciba Kitchen", "乾佑街道"},
    {Category::Restaurant, "shangnan", "商南茶香人家", "Shangnan Tea Fragrance House",
     "城关街道茶城路"},
    {Category::Restaurant, "shanyang", "山阳九眼莲饭庄", "Shanyang Nine-eye Lotus Restaurant",
     "城关街道"},
    {Category::Restaurant, "shangzhou", "秦岭菌菇宴", "Qinling Mushroom Banquet", "江滨大道"},
    {Category::Restaurant, "danfeng", "棣花古镇小吃坊", "Dihua Old Town Snacks", "棣花古镇西街"},
    {Category::Restaurant, "gaoxin", "高新秦味坊", "Hi-tech Zone Qin Flavours", "工业大道"},
    {Category::Restaurant, "luonan", "洛河人家", "Luohe Family Kitchen", "四皓街道"},
    {Category::Restaurant, "zhenan", "云盖寺农家菜", "Yungai Temple Farm Kitchen", "云盖寺镇"},
    {Category::Restaurant, "zhashui", "牛背梁山珍馆", "Niubeiliang Mountain Food", "营盘镇"},
    {Category::Product, "shangzhou", "商洛核桃", "Shangluo Walnuts", "商州区核桃产业园"},
    {Category::Product, "luonan", "洛南豆腐干", "Luonan Dried Tofu", "洛南县食品工业园"},
    {Category::Product, "danfeng", "丹凤葡萄酒", "Danfeng Wine", "丹凤县葡萄酒厂"},
    {Category::Product, "shangnan", "商南泉茗茶", "Shangnan Quanming Tea", "商南县茶叶基地"},
    {Category::Product, "shanyang", "山阳天麻", "Shanyang Gastrodia", "山阳县天麻基地"},
    {Category::Product, "zhenan", "镇安板栗", "Zhen'an Chestnuts", "镇安县板栗园"},
    {Category::Product, "zhashui", "柞水木耳", "Zhashui Black Fungus", "柞水县木耳产业园"},
    {Category::Product, "shangzhou", "商州香菇", "Shangzhou Shiitake", "商州区香菇基地"},
    {Category::Product, "gaoxin", "商洛黄精", "Shangluo Solomon's Seal", "高新区中药材园"},
    {Category::Product, "luonan", "秦岭土蜂蜜", "Qinling Wild Honey", "洛南县养蜂合作社"},
};

constexpr std::int64_t kDay = 86400;

std::string standardFor(Category category) { return std::string(rules::toString(category)); }

}  // namespace

DemoData seedDemoData(const Config& config, std::int64_t now) {
  auto standards = rules::StandardRegistry::load(config.rulesDir);
  auto stored = storage::Storage::open(config.storage(), 2);
  {
    auto db = stored->database().acquire();
    auto count = db->prepare("SELECT COUNT(*) FROM entries");
    count.step();
    if (count.integer(0) > 0) return {};
  }
  auto& registry = stored->registry();
  for (const auto& county : kCounties)
    registry.addCounty(county.code, {county.zh, county.en}, {"system", now});

  DemoData demo;
  auto& users = stored->users();
  security::PasswordHasher hasher(config.passwordCost);
  domain::ManualClock userClock(now);
  auto policy = security::PasswordPolicy::load(config.commonPasswordsFile);
  services::AuthService auth(users, hasher, policy, userClock, 3600);
  DemoCast cast;
  for (auto [username, role, county, principal] :
       {std::tuple{"admin", security::Role::CityAdmin, "", &cast.admin},
        std::tuple{"shangzhou.office", security::Role::CountyAdmin, "shangzhou",
                   &cast.countyOffice},
        std::tuple{"inspector.wang", security::Role::Inspector, "shangzhou", &cast.countyInspector},
        std::tuple{"inspector.li", security::Role::Inspector, "", &cast.cityInspector},
        std::tuple{"muhuguan.owner", security::Role::Business, "", &cast.owner}}) {
    std::string password = security::randomToken().substr(0, 16);
    std::optional<std::string> countyCode;
    if (*county) countyCode = county;
    auto user = auth.createUser({username, username, role, countyCode, password}, "system");
    *principal = {user.id, username, role, countyCode};
    demo.logins.push_back({username, std::string(security::toString(role)), password});
  }
  std::int64_t ownerId = cast.owner.userId;

  // History first: certificates issued four years ago are signed by a key of that time, which
  // has since been retired by a rotation (it still verifies the plaques it signed).
  const std::int64_t past = now - kDay * 365 * 4;
  domain::ManualClock clock(past);
  auto keys = openKeys(config, *stored, past);
  services::CertificateService service(registry, standards, keys, clock, config.services());

  std::vector<std::int64_t> ids;
  for (const auto& e : kEntries) {
    domain::Entry entry;
    entry.category = e.category;
    entry.name = {e.zh, e.en};
    entry.countyCode = e.county;
    entry.address = {e.address, ""};
    if (ids.empty()) entry.ownerUserId = ownerId;
    ids.push_back(registry.addEntry(entry, {"system", past}));
  }

  auto issue = [&](std::size_t index, std::size_t grade, int issuedOn) {
    const DemoEntry& e = kEntries[index];
    auto standard = standards.latest(standardFor(e.category));
    const auto& gradeId = standard->grades[grade % standard->grades.size()].id;
    return service.issue(ids[index], standard->id, standard->version, gradeId, issuedOn,
                         issuedOn - 12, "system");
  };

  std::vector<DemoPlaque>& plaques = demo.plaques;
  int pastDay = config.programme.calendar.dayOf(past);
  auto expired = issue(3, 1, pastDay);  // 36 months, long over
  plaques.push_back({"expired / 已过期", expired.serial, expired.token});
  auto replaced = issue(17, 1, pastDay + 30);
  clock.set(now - 900 * kDay);
  auto oldKey = issue(15, 0, config.programme.calendar.dayOf(clock.now()));  // still valid, old key

  // The rotation: a new key from 400 days ago signs everything since.
  keys.rotate(now - 400 * kDay, config.keyLifetimeDays);
  clock.set(now);
  int today = config.programme.calendar.dayOf(now);
  for (std::size_t i = 0; i < std::size(kEntries); ++i) {
    if (i == 3 || i == 15 || i == 12 || i == 26 || i == 39) continue;  // done, or not certified
    auto certificate = issue(i, i % 3, today - static_cast<int>(i * 7 % 200));
    if (i == 0) {
      plaques.push_back({"active / 真实有效", certificate.serial, certificate.token});
      cast.owned = certificate.serial;
    }
    if (i == 5) {
      plaques.push_back({"suspended / 暂停使用", certificate.serial, certificate.token});
      cast.toSuspend = certificate.serial;
    }
    if (i == 20) {
      plaques.push_back({"revoked / 已摘牌", certificate.serial, certificate.token});
      cast.toRevoke = certificate.serial;
    }
  }
  registry.setStatus(replaced.serial, domain::CertificateStatus::Superseded, "复核升级，换发新证",
                     {"system", now - 40 * kDay});
  plaques.push_back({"superseded / 已换发", replaced.serial, replaced.token});
  plaques.push_back({"signed by the retired key / 旧密钥签发", oldKey.serial, oldKey.token});
  cast.entries = ids;
  seedDemoWorkflows(*stored, standards, service, config, clock, now, cast);
  return demo;
}

}  // namespace tisheng::app
