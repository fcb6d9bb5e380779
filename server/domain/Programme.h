#pragma once

#include <string>

#include "domain/Calendar.h"

namespace tisheng::domain {

/// Who runs the programme: printed on plaques and pages. Nothing here is hard-coded elsewhere.
struct Programme {
  std::string brandZh = "22℃商洛·中国康养之都";
  std::string brandEn = "22°C Shangluo · China's Capital of Wellness";
  std::string nameZh = "三个提升";
  std::string nameEn = "Three Upgrades";
  /// The jurisdiction, as the bulletins' titles name it (商洛市三个提升工作季度通报).
  std::string cityZh = "商洛市";
  std::string cityEn = "Shangluo";
  std::string issuerZh = "商洛市三个提升工作专班办公室";
  std::string issuerEn = "Shangluo Three Upgrades Programme Office";
  /// Host of the verification URLs in QR codes, printed under them.
  std::string publicHost = "v.example.cn";
  std::string serialPrefix = "SL";
  /// Where the programme's days begin and end: every date shown or compared (notice ends,
  /// deadlines, validity) is a day of this calendar.
  domain::Calendar calendar{"Asia/Shanghai"};
};

}  // namespace tisheng::domain
