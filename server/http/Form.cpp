#include "http/Form.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/URI.h>

#include <algorithm>
#include <sstream>

#include "http/HttpError.h"

namespace tisheng::http {

namespace {
std::string decode(std::string text) {
  // In form encoding a literal '+' arrives as %2B, so every raw '+' is a space.
  std::replace(text.begin(), text.end(), '+', ' ');
  std::string out;
  try {
    Poco::URI::decode(text, out);
  } catch (const Poco::Exception&) {
    out = text;
  }
  return out;
}
}  // namespace

std::map<std::string, std::string> parseForm(const std::string& body) {
  std::map<std::string, std::string> fields;
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t end = body.find('&', start);
    if (end == std::string::npos) end = body.size();
    std::string pair = body.substr(start, end - start);
    std::size_t eq = pair.find('=');
    if (!pair.empty())
      fields.emplace(decode(pair.substr(0, eq)),
                     eq == std::string::npos ? "" : decode(pair.substr(eq + 1)));
    start = end + 1;
  }
  return fields;
}

}  // namespace tisheng::http

namespace tisheng::http {

namespace {

/// Keeps each file part's bytes under its field name, up to a limit.
class FileParts : public Poco::Net::PartHandler {
 public:
  FileParts(std::map<std::string, std::string>& fields, std::size_t maxBytes)
      : fields_(fields), maxBytes_(maxBytes) {}

  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
    std::string disposition;
    Poco::Net::NameValueCollection parameters;
    Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition,
                                              parameters);
    std::string name = parameters.get("name", "file");
    std::string bytes(maxBytes_ + 1, '\0');
    stream.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(stream.gcount()));
    if (bytes.size() > maxBytes_) {
      fields_[name + ".too_large"] = "1";
      return;
    }
    if (!bytes.empty()) fields_[name] = std::move(bytes);
  }

 private:
  std::map<std::string, std::string>& fields_;
  std::size_t maxBytes_;
};

}  // namespace

std::map<std::string, std::string> parseFormBody(const std::string& contentType,
                                                 const std::string& body,
                                                 std::size_t maxFileBytes) {
  if (!contentType.starts_with("multipart/form-data")) return parseForm(body);
  std::map<std::string, std::string> fields;
  try {
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, "/");
    request.setContentType(contentType);
    std::istringstream stream(body);
    FileParts files(fields, maxFileBytes);
    Poco::Net::HTMLForm form;
    form.setFieldLimit(20);
    form.load(request, stream, files);
    for (const auto& [name, value] : form)
      if (!fields.contains(name)) fields[name] = value;
  } catch (const Poco::Exception& error) {
    throw ValidationError("body", "not a well-formed multipart form");
  }
  return fields;
}

}  // namespace tisheng::http
