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

#include <cstdio>
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
  /// Homestays: a description; restaurants: featured dishes, and products: origin and
  /// specification, separated by '|'.
  const char* detail;
};

constexpr DemoEntry kEntries[] = {
    {Category::Homestay, "shangzhou", "牧护关秦岭山居", "Muhuguan Qinling Mountain Lodge",
     "牧护关镇牧护关村", "秦岭深处的石木小院，8 间客房，可观云海。"},
    {Category::Homestay, "danfeng", "棣花古镇驿站", "Dihua Old Town Post House",
     "棣花镇棣花古镇东街", "古镇老宅改建，6 间客房，步行可达宋金街。"},
    {Category::Homestay, "shangnan", "金丝峡云舍", "Jinsi Gorge Cloud Cottage", "金丝峡镇太吉河村",
     "峡谷口的木屋民宿，10 间客房，提供山野早餐。"},
    {Category::Homestay, "luonan", "老君山下小院", "Laojun Mountain Courtyard", "石坡镇老君山脚",
     "农家四合院，5 间客房，主人做洛南家常菜。"},
    {Category::Homestay, "zhenan", "塔云山云端民宿", "Tayun Mountain Cloudtop Inn",
     "柴坪镇塔云山景区", "悬崖观景民宿，7 间客房，日出云海。"},
    {Category::Homestay, "zhashui", "朱家湾农家小院", "Zhujiawan Farm Courtyard", "营盘镇朱家湾村",
     "秦岭终南山下农家院，6 间客房。"},
    {Category::Homestay, "shanyang", "漫川关古镇客栈", "Manchuanguan Old Town Inn", "漫川关镇北街",
     "明清古街上的客栈，9 间客房。"},
    {Category::Homestay, "zhenan", "木王山林间木屋", "Muwang Mountain Forest Cabins",
     "米粮镇木王山", "国家森林公园内的独栋木屋。"},
    {Category::Homestay, "zhashui", "柞水溶洞山舍", "Zhashui Karst Cave Lodge", "下梁镇石瓮子村",
     "溶洞景区旁的山舍，8 间客房。"},
    {Category::Homestay, "shangzhou", "仙娥湖畔民宿", "Xian'e Lakeside Homestay", "北宽坪镇仙娥湖",
     "湖边民宿，可垂钓、划船。"},
    {Category::Homestay, "shanyang", "天竺山听泉居", "Tianzhu Mountain Spring House",
     "天竺山镇双坪村", "山泉旁的静修小院，4 间客房。"},
    {Category::Homestay, "luonan", "洛河源栖云舍", "Luohe Source Cloud Rest", "洛源镇龙潭村",
     "洛河源头的生态民宿。"},
    {Category::Homestay, "danfeng", "凤冠山水街客栈", "Fengguan Water Street Inn", "龙驹寨街道",
     "丹江边水街客栈，夜景开阔。"},
    {Category::Homestay, "shangnan", "石门河谷民宿", "Shimen Valley Homestay", "试马镇石门村",
     "河谷竹林间的民宿，夏季清凉。"},
    {Category::Homestay, "gaoxin", "二龙山竹林小筑", "Erlong Mountain Bamboo Retreat",
     "沙河子镇二龙山", "二龙山水库旁的竹林小筑。"},
    {Category::Homestay, "zhashui", "营盘秦岭原乡", "Yingpan Qinling Homeland", "营盘镇北河村",
     "秦岭原乡风貌的精品民宿。"},
    {Category::Restaurant, "shangzhou", "商洛十大碗老店", "Shangluo Ten Bowls Restaurant",
     "北新街 36 号", "商洛十大碗|洋芋糍粑|核桃饼"},
    {Category::Restaurant, "luonan", "洛南豆腐坊", "Luonan Tofu House", "城关街道西街",
     "洛南豆腐宴|豆腐干|酸菜豆腐"},
    {Category::Restaurant, "danfeng", "丹江鱼庄", "Danjiang Fish House", "龙驹寨街道滨江路",
     "丹江清炖鱼|酸菜鱼|鱼头泡馍"},
    {Category::Restaurant, "shanyang", "漫川八大件酒楼", "Manchuan Eight Dishes Restaurant",
     "漫川关镇南街", "漫川八大件|莲藕排骨|腊肉炒蕨菜"},
    {Category::Restaurant, "zhenan", "镇安腊肉馆", "Zhen'an Cured Pork Kitchen", "永乐街道东关",
     "镇安腊肉|腊肉炒洋芋|蒸碗"},
    {Category::Restaurant, "zhashui", "柞水洋芋糍粑馆", "Zhashui Potato Ciba Kitchen", "乾佑街道",
     "洋芋糍粑|酸菜糊汤|木耳炒肉"},
    {Category::Restaurant, "shangnan", "商南茶香人家", "Shangnan Tea Fragrance House",
     "城关街道茶城路", "茶香鸡|茶叶蛋|野菜饺子"},
    {Category::Restaurant, "shanyang", "山阳九眼莲饭庄", "Shanyang Nine-eye Lotus Restaurant",
     "城关街道", "九眼莲炖汤|糯米莲藕|莲子羹"},
    {Category::Restaurant, "shangzhou", "秦岭菌菇宴", "Qinling Mushroom Banquet", "江滨大道",
     "菌菇火锅|香菇酿肉|木耳拌菜"},
    {Category::Restaurant, "danfeng", "棣花古镇小吃坊", "Dihua Old Town Snacks", "棣花古镇西街",
     "荞面饸饹|油糕|凉粉"},
    {Category::Restaurant, "gaoxin", "高新秦味坊", "Hi-tech Zone Qin Flavours", "工业大道",
     "肉夹馍|臊子面|凉皮"},
    {Category::Restaurant, "luonan", "洛河人家", "Luohe Family Kitchen", "四皓街道",
     "洛河鱼|柿子饼|豆腐汤"},
    {Category::Restaurant, "zhenan", "云盖寺农家菜", "Yungai Temple Farm Kitchen", "云盖寺镇",
     "农家土鸡|野菜|豆腐干"},
    {Category::Restaurant, "zhashui", "牛背梁山珍馆", "Niubeiliang Mountain Food", "营盘镇",
     "山珍炖鸡|蕨菜|竹笋炒肉"},
    {Category::Product, "shangzhou", "商洛核桃", "Shangluo Walnuts", "商州区核桃产业园",
     "商州区|500 克/袋"},
    {Category::Product, "luonan", "洛南豆腐干", "Luonan Dried Tofu", "洛南县食品工业园",
     "洛南县|250 克/袋"},
    {Category::Product, "danfeng", "丹凤葡萄酒", "Danfeng Wine", "丹凤县葡萄酒厂",
     "丹凤县|750 毫升/瓶"},
    {Category::Product, "shangnan", "商南泉茗茶", "Shangnan Quanming Tea", "商南县茶叶基地",
     "商南县|100 克/罐"},
    {Category::Product, "shanyang", "山阳天麻", "Shanyang Gastrodia", "山阳县天麻基地",
     "山阳县|250 克/盒"},
    {Category::Product, "zhenan", "镇安板栗", "Zhen'an Chestnuts", "镇安县板栗园",
     "镇安县|1 千克/袋"},
    {Category::Product, "zhashui", "柞水木耳", "Zhashui Black Fungus", "柞水县木耳产业园",
     "柞水县|200 克/袋"},
    {Category::Product, "shangzhou", "商州香菇", "Shangzhou Shiitake", "商州区香菇基地",
     "商州区|300 克/袋"},
    {Category::Product, "gaoxin", "商洛黄精", "Shangluo Solomon's Seal", "高新区中药材园",
     "商洛高新区|250 克/盒"},
    {Category::Product, "luonan", "秦岭土蜂蜜", "Qinling Wild Honey", "洛南县养蜂合作社",
     "洛南县|500 克/瓶"},
};

constexpr std::int64_t kDay = 86400;

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t bar; (bar = text.find('|', start)) != std::string::npos; start = bar + 1)
    parts.push_back(text.substr(start, bar - start));
  parts.push_back(text.substr(start));
  return parts;
}

/// Contacts, descriptions, dishes and product details. Restaurants and products publish a
/// business line; every other homestay gives only its owner's mobile, which stays private.
void describe(domain::Entry& entry, const DemoEntry& e, std::size_t index) {
  char number[32];
  auto parts = split(e.detail);
  bool business = e.category != Category::Homestay || index % 2 == 0;
  std::snprintf(number, sizeof number, business ? "0914-%07zu" : "139%08zu", 2310000 + index * 37);
  entry.contact = number;
  entry.contactPublic = business;
  switch (e.category) {
    case Category::Homestay: entry.description = {e.detail, ""}; break;
    case Category::Restaurant:
      entry.featuredDishes = parts;
      entry.description = {"地道商洛风味，招牌菜" + parts[0] + "。", ""};
      break;
    case Category::Product:
      entry.origin = parts[0];
      entry.specification = parts.size() > 1 ? parts[1] : "";
      entry.producer = std::string(e.zh) + "合作社";
      entry.description = {std::string("产自") + parts[0] + "的商洛特产。", ""};
      break;
  }
}

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
    describe(entry, e, ids.size());
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
