#include <catch2/catch.hpp>
#include <fstream>

#include "app/Config.h"
#include "support/TempDir.h"

using tisheng::app::loadConfig;

namespace {
std::filesystem::path write(const tisheng::test::TempDir& dir, const std::string& text) {
  auto file = dir.path() / "tisheng.properties";
  std::ofstream(file) << text;
  return file;
}

std::string errorOf(const std::filesystem::path& file, const tisheng::app::Environment& env = {}) {
  try {
    loadConfig(file, true, env);
  } catch (const std::runtime_error& error) {
    return error.what();
  }
  return "";
}
}  // namespace

TEST_CASE("The shipped configuration file loads with the documented defaults", "[unit]") {
  auto config = loadConfig(tisheng::test::sourceDir() / "config/tisheng.properties", true, {});
  CHECK(config.http.host == "127.0.0.1");
  CHECK(config.http.port == 8080);
  CHECK(config.http.maxBodyBytes == 8388608);
  CHECK(config.databasePath() == std::filesystem::path("data/tisheng.db"));
  CHECK(config.rulesDir == std::filesystem::path("rating-rules/standards"));
  CHECK(config.plaqueCacheBytes == std::size_t{32} << 20);
}

TEST_CASE("The environment overrides the file", "[unit]") {
  tisheng::test::TempDir dir;
  auto file = write(dir, "server.port = 9000\nstorage.data_dir = /srv/tisheng\n");
  auto config = loadConfig(file, true,
                           {{"TISHENG_SERVER_PORT", "9100"},
                            {"TISHENG_SERVER_PLAQUE_CACHE_MB", "512"},
                            {"UNRELATED", "x"}});
  CHECK(config.http.port == 9100);
  CHECK(config.plaqueCacheBytes == std::size_t{512} << 20);
  CHECK(config.dataDir == std::filesystem::path("/srv/tisheng"));
  CHECK(tisheng::app::environmentName("server.max_body_bytes") == "TISHENG_SERVER_MAX_BODY_BYTES");
}

TEST_CASE("Bad configuration names the file and key and problem", "[unit]") {
  tisheng::test::TempDir dir;
  CHECK(errorOf(write(dir, "server.prot = 1\n")) ==
        (dir.path() / "tisheng.properties").string() + ": server.prot: unknown setting");
  CHECK(errorOf(write(dir, "server.port = eighty\n")) ==
        (dir.path() / "tisheng.properties").string() +
            ": server.port: expected an integer from 0 to 65535, got 'eighty'");
  CHECK(errorOf(write(dir, "# nothing\n"), {{"TISHENG_SERVER_MAX_THREADS", "1"}}) ==
        "environment TISHENG_SERVER_MAX_THREADS: server.max_threads: expected an integer from 2 "
        "to 1024, got '1'");
  CHECK(errorOf(dir.path() / "absent.properties") ==
        (dir.path() / "absent.properties").string() + ": configuration file not found");
  CHECK_NOTHROW(loadConfig(dir.path() / "absent.properties", false, {}));
}
