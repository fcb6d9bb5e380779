#pragma once

#include "certificates/Catalogue.h"
#include "http/HttpExchange.h"

namespace tisheng::web {

/// The HTML edition of a catalogue: the same cover, contents, counties and places as the PDF,
/// one page to read on screen or print (A5 pages when printed), QR codes as inline SVG.
http::HttpResponse catalogueHtml(const certificates::CatalogueContent& content, bool english);

}  // namespace tisheng::web
