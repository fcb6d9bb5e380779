#pragma once

#include <string>
#include <string_view>

#include "http/HttpExchange.h"

namespace tisheng::web {

/// Text made safe for HTML element content and quoted attribute values.
std::string escape(std::string_view text);

/// The CSP source for an inline <style> element: 'sha256-…' of its exact content.
std::string styleHash(std::string_view css);

/// A printable document that stands alone (a brochure, a bulletin): one inline style, images
/// from this server only, no script, not to be framed.
http::HttpResponse printablePage(const std::string& title, bool english, const std::string& style,
                                 const std::string& body);

}  // namespace tisheng::web
