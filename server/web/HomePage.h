#pragma once

#include <array>
#include <cstddef>

#include "domain/Programme.h"
#include "web/Layout.h"

namespace tisheng::web {

/// The landing page at `/`: what the programme is, a search, the three categories with how many
/// places each has certified, how to check a plaque, and a link for staff to sign in.
/// certified holds the counts of homestays, restaurants and products.
http::HttpResponse landingPage(const PageRequest& page, const domain::Programme& programme,
                               const std::array<std::size_t, 3>& certified);

/// The HTML page for an address that leads nowhere (404).
http::HttpResponse notFoundPage(const PageRequest& page, const domain::Programme& programme);

}  // namespace tisheng::web
