#pragma once

#include "http/Json.h"
#include "rules/Standard.h"

namespace tisheng::api {

/// Text in both languages as the API sends it: {"zh": ..., "en": ...}.
inline http::Json text(const rules::LocalizedText& t) {
  return http::Json{{"zh", t.zh}, {"en", t.en}};
}

}  // namespace tisheng::api
