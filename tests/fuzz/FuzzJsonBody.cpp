// The JSON body reader every write endpoint uses: strict parsing, then typed field reads.
#include <cstddef>
#include <cstdint>

#include "api/BodyReader.h"
#include "http/HttpError.h"
#include "http/Json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tisheng::http::HttpRequest request;
  request.body.assign(reinterpret_cast<const char*>(data), size);
  try {
    auto body = tisheng::http::parseJsonObject(request);
    tisheng::api::BodyReader reader(body,
                                    {"name", "date", "flag", "count", "tags", "scores", "title"});
    reader.text("name");
    reader.date("date");
    reader.boolean("flag");
    reader.integer("count");
    reader.strings("tags");
    reader.object("scores");
    reader.localized("title");
    reader.finish();
    (void)tisheng::http::jsonResponse(body);
  } catch (const tisheng::http::HttpError&) {
    // refused with a reason: what bad input must get
  }
  return 0;
}
