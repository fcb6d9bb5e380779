#pragma once

#include <string>
#include <string_view>

namespace tisheng::web {

/// Text made safe for HTML element content and quoted attribute values.
std::string escape(std::string_view text);

/// The CSP source for an inline <style> element: 'sha256-…' of its exact content.
std::string styleHash(std::string_view css);

}  // namespace tisheng::web
