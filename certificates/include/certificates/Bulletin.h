#pragma once

#include <string>
#include <vector>

namespace tisheng::certificates {

/// A table of a bulletin: a header row and rows of text, numeric columns right-aligned.
struct BulletinTable {
  std::vector<std::string> header;
  std::vector<bool> numeric;  ///< per column
  std::vector<std::vector<std::string>> rows;
};

/// A horizontal bar chart: one bar per label, its length value / max, `shown` written beside.
struct BulletinChart {
  std::string title;
  double max = 1;
  struct Bar {
    std::string label{};
    double value = 0;
    std::string shown{};
  };
  std::vector<Bar> bars;
};

/// A part of a bulletin: a heading, a paragraph, then a chart and a table, each optional.
struct BulletinSection {
  std::string heading{};
  std::string paragraph{};
  BulletinChart chart{};  ///< no bars: none
  BulletinTable table{};  ///< no rows: none (an empty table is written as `empty`)
  std::string empty{};    ///< what to say when the table has no rows, e.g. 本期无
};

/// The programme's bulletin (季度通报 and the monthly and yearly ones), worded in one language.
struct BulletinContent {
  std::string brand;
  std::string title;   ///< 商洛市三个提升工作季度通报
  std::string period;  ///< 2026年第三季度（2026年7月1日至9月30日）
  std::string issuer;
  std::string asOf;      ///< 数据截至 …
  std::string pageWord;  ///< "第 {n} 页": {n} becomes the page number
  std::vector<BulletinSection> sections;
};

/// The bulletin as a PDF of A4 pages (Cairo and Pango, Noto CJK fonts embedded): title block,
/// then each section, tables broken across pages with their header repeated. Throws
/// std::runtime_error if drawing fails.
std::string renderBulletinPdf(const BulletinContent& content);

}  // namespace tisheng::certificates
