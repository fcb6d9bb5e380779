#include "support/MiniStandard.h"

#include "rules/StandardParser.h"

namespace tisheng::test {

nlohmann::ordered_json miniStandardJson() {
  using J = nlohmann::ordered_json;
  auto text = [](const char* zh, const char* en) { return J{{"zh", zh}, {"en", en}}; };
  return J{
      {"id", "mini"},
      {"version", 1},
      {"category", "homestay"},
      {"title", text("小标准", "Mini standard")},
      {"sections",
       J::array({
           {{"id", "check"},
            {"title", text("必备", "Checklist")},
            {"items", J::array({
                          {{"id", "c.safe"},
                           {"title", text("安全", "Safe")},
                           {"kind", "pass_fail"},
                           {"mandatory_for", {"gold", "silver", "bronze"}}},
                          {{"id", "c.gold"},
                           {"title", text("金", "Gold only")},
                           {"kind", "pass_fail"},
                           {"mandatory_for", {"gold"}}},
                          {{"id", "c.crit1"},
                           {"title", text("关键一", "Critical one")},
                           {"kind", "pass_fail"},
                           {"critical", true}},
                          {{"id", "c.crit2"},
                           {"title", text("关键二", "Critical two")},
                           {"kind", "pass_fail"},
                           {"critical", true},
                           {"na_allowed", true}},
                      })}},
           {{"id", "a"},
            {"title", text("甲部分", "Part A")},
            {"items",
             J::array({
                 {{"id", "a.1"}, {"title", text("一", "One")}, {"kind", "points"}, {"max", 10}},
                 {{"id", "a.2"},
                  {"title", text("二", "Two")},
                  {"kind", "points"},
                  {"max", 10},
                  {"step", 0.5},
                  {"na_allowed", true}},
             })}},
           {{"id", "b"},
            {"title", text("乙部分", "Part B")},
            {"items", J::array({
                          {{"id", "b.1"},
                           {"title", text("三", "Three")},
                           {"kind", "points"},
                           {"max", 20},
                           {"pass_min", 8}},
                      })}},
       })},
      {"grades", J::array({
                     {{"id", "gold"},
                      {"title", text("金", "Gold")},
                      {"min_total_share", 0.8},
                      {"min_section_share", 0.8},
                      {"required_items", {"b.1"}}},
                     {{"id", "silver"},
                      {"title", text("银", "Silver")},
                      {"min_total_share", 0.6},
                      {"min_section_share", 0.6}},
                     {{"id", "bronze"}, {"title", text("铜", "Bronze")}, {"min_total_share", 0.4}},
                 })},
      {"max_critical_failures", 1},
      {"validity_months", 36},
      {"review_interval_months", 12},
      {"exit_rules",
       {{"reapply_bar_months", 12},
        {"rectification_max_days", 90},
        {"rules", J::array({{{"finding", "no_grade"}, {"action", "suspend"}},
                            {{"finding", "upheld_complaints"},
                             {"action", "revoke"},
                             {"count", 3},
                             {"within_months", 12}}})}}},
  };
}

rules::Standard miniStandard() {
  return rules::parseStandard(miniStandardJson().dump(), "mini.json");
}

rules::ScoreSheet miniSheet(double a1, double a2, double b1) {
  using rules::Score;
  return {{"c.safe", Score::pass()},  {"c.gold", Score::pass()}, {"c.crit1", Score::pass()},
          {"c.crit2", Score::pass()}, {"a.1", Score::of(a1)},    {"a.2", Score::of(a2)},
          {"b.1", Score::of(b1)}};
}

}  // namespace tisheng::test
