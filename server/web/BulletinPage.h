#pragma once

#include "certificates/Bulletin.h"
#include "http/HttpExchange.h"

namespace tisheng::web {

/// The bulletin as a printable HTML page (A4), its charts drawn as inline SVG on the server:
/// no script, nothing loaded from elsewhere.
http::HttpResponse bulletinHtml(const certificates::BulletinContent& content, bool english);

/// One horizontal bar chart as SVG (role img, labelled by its title).
std::string barChartSvg(const certificates::BulletinChart& chart);

}  // namespace tisheng::web
