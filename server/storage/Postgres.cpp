#include "storage/Postgres.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <vector>

namespace tisheng::storage {

namespace {

// Type OIDs from PostgreSQL's catalog (pg_type.dat); stable across versions.
constexpr Oid kUnknown = 0;
constexpr Oid kBytea = 17;
constexpr Oid kInt8 = 20;
constexpr Oid kFloat8 = 701;

struct ResultFree {
  void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultFree>;

/// Throws for a failed result: ConstraintError for SQLSTATE class 23, StorageError otherwise.
void check(const Result& result, const std::string& what) {
  auto status = PQresultStatus(result.get());
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
  const char* state = PQresultErrorField(result.get(), PG_DIAG_SQLSTATE);
  std::string message = what + ": " + PQresultErrorMessage(result.get());
  while (!message.empty() && message.back() == '\n') message.pop_back();
  if (state && std::string_view(state).starts_with("23")) throw ConstraintError(message);
  throw StorageError(message);
}

std::string decodeBytea(const char* text, int length) {
  // Text format of bytea is "\x" followed by two hex digits per byte.
  std::string bytes;
  if (length < 2 || text[0] != '\\' || text[1] != 'x') return std::string(text, length);
  bytes.reserve(static_cast<std::size_t>(length - 2) / 2);
  auto hex = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
  for (int i = 2; i + 1 < length; i += 2)
    bytes.push_back(static_cast<char>(hex(text[i]) * 16 + hex(text[i + 1])));
  return bytes;
}

class PostgresConnection;

class PostgresCursor : public Cursor {
 public:
  PostgresCursor(PostgresConnection& connection, std::string sql)
      : connection_(connection), sql_(std::move(sql)) {}

  void bindInteger(int index, std::int64_t value) override {
    set(index, std::to_string(value), kInt8, 0);
  }
  void bindReal(int index, double value) override {
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", value);
    set(index, text, kFloat8, 0);
  }
  void bindText(int index, std::string_view value) override {
    // Unknown: PostgreSQL takes the type the statement gives the parameter.
    set(index, std::string(value), kUnknown, 0);
  }
  void bindBlob(int index, std::string_view bytes) override {
    set(index, std::string(bytes), kBytea, 1);
  }
  void bindNull(int index) override { set(index, std::nullopt, kUnknown, 0); }

  bool step() override;

  std::int64_t integer(int column) const override {
    if (isNull(column)) return 0;
    const char* text = PQgetvalue(result_.get(), row_, column);
    std::int64_t value = 0;
    std::from_chars(text, text + PQgetlength(result_.get(), row_, column), value);
    return value;
  }
  double real(int column) const override {
    return isNull(column) ? 0 : std::strtod(PQgetvalue(result_.get(), row_, column), nullptr);
  }
  std::string text(int column) const override {
    if (isNull(column)) return {};
    const char* value = PQgetvalue(result_.get(), row_, column);
    int length = PQgetlength(result_.get(), row_, column);
    if (PQftype(result_.get(), column) == kBytea) return decodeBytea(value, length);
    return std::string(value, static_cast<std::size_t>(length));
  }
  bool isNull(int column) const override { return PQgetisnull(result_.get(), row_, column) != 0; }
  int columnCount() const override { return PQnfields(result_.get()); }
  int changes() const override { return changes_; }
  void reset() override {
    values_.clear();
    types_.clear();
    formats_.clear();
    result_.reset();
    row_ = -1;
    changes_ = 0;
  }

 private:
  void set(int index, std::optional<std::string> value, Oid type, int format) {
    auto at = static_cast<std::size_t>(index - 1);
    if (values_.size() <= at) {
      values_.resize(at + 1);
      types_.resize(at + 1, kUnknown);
      formats_.resize(at + 1, 0);
    }
    values_[at] = std::move(value);
    types_[at] = type;
    formats_[at] = format;
  }

  PostgresConnection& connection_;
  std::string sql_;
  std::vector<std::optional<std::string>> values_;
  std::vector<Oid> types_;
  std::vector<int> formats_;
  /// The server-side statement prepared for each combination of parameter types.
  std::map<std::vector<Oid>, std::string> prepared_;
  Result result_;
  int row_ = -1;
  int changes_ = 0;
};

class PostgresConnection : public Connection {
 public:
  explicit PostgresConnection(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
      std::string message = conn_ ? PQerrorMessage(conn_) : "out of memory";
      while (!message.empty() && message.back() == '\n') message.pop_back();
      PQfinish(conn_);
      throw StorageError("cannot connect to PostgreSQL: " + message);
    }
    execute("SET client_min_messages = warning; SET TIME ZONE 'UTC'");
  }
  ~PostgresConnection() override {
    cursors_.clear();
    PQfinish(conn_);
  }
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  Statement prepare(const std::string& sql) override {
    auto it = cursors_.find(sql);
    if (it == cursors_.end())
      it = cursors_.emplace(sql, std::make_unique<PostgresCursor>(*this, postgresPlaceholders(sql)))
               .first;
    return Statement(*it->second);
  }

  void execute(const std::string& sql) override {
    Result result(PQexec(conn_, sql.c_str()));
    check(result, "statement failed");
  }

  void beginWrite() override {
    // Writers take turns on one row, as SQLite's BEGIN IMMEDIATE makes them: each writer sees
    // what the one before it committed (READ COMMITTED takes a new snapshot per statement, after
    // the lock). Plain row locks: what PostgreSQL-compatible distributed databases also have.
    execute("BEGIN ISOLATION LEVEL READ COMMITTED");
    execute("SELECT 1 FROM write_turn WHERE id = 1 FOR UPDATE");
  }
  void beginRead() override { execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); }
  Dialect dialect() const override { return Dialect::Postgres; }
  bool broken() const override { return PQstatus(conn_) != CONNECTION_OK; }

  /// Prepares sql on the server for these parameter types and returns the statement's name.
  std::string prepareOnServer(const std::string& sql, const std::vector<Oid>& types) {
    std::string name = "s" + std::to_string(++prepared_);
    Result made(
        PQprepare(conn_, name.c_str(), sql.c_str(), static_cast<int>(types.size()), types.data()));
    check(made, "cannot prepare statement");
    return name;
  }

  Result run(const std::string& name, const std::vector<const char*>& values,
             const std::vector<int>& lengths, const std::vector<int>& formats) {
    return Result(PQexecPrepared(conn_, name.c_str(), static_cast<int>(values.size()),
                                 values.data(), lengths.data(), formats.data(), 0));
  }

 private:
  PGconn* conn_;
  std::map<std::string, std::unique_ptr<PostgresCursor>, std::less<>> cursors_;
  int prepared_ = 0;
};

bool PostgresCursor::step() {
  if (!result_) {
    std::vector<const char*> values;
    std::vector<int> lengths;
    for (const auto& value : values_) {
      values.push_back(value ? value->data() : nullptr);
      lengths.push_back(value ? static_cast<int>(value->size()) : 0);
    }
    auto name = prepared_.find(types_);
    if (name == prepared_.end())
      name = prepared_.emplace(types_, connection_.prepareOnServer(sql_, types_)).first;
    result_ = connection_.run(name->second, values, lengths, formats_);
    check(result_, "statement failed");
    const char* changed = PQcmdTuples(result_.get());
    changes_ = changed && *changed ? std::atoi(changed) : 0;
    row_ = -1;
  }
  return ++row_ < PQntuples(result_.get());
}

}  // namespace

std::string postgresPlaceholders(const std::string& sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int highest = 0;
  char quote = 0;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (quote) {
      out += c;
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      out += c;
      continue;
    }
    if (c != '?') {
      out += c;
      continue;
    }
    std::size_t digits = i + 1;
    while (digits < sql.size() && sql[digits] >= '0' && sql[digits] <= '9') ++digits;
    int number = highest + 1;
    if (digits > i + 1) std::from_chars(sql.data() + i + 1, sql.data() + digits, number);
    highest = std::max(highest, number);
    out += '$' + std::to_string(number);
    i = digits - 1;
  }
  return out;
}

std::unique_ptr<Connection> openPostgres(const std::string& url) {
  return std::make_unique<PostgresConnection>(url);
}

std::unique_ptr<ConnectionPool> postgresPool(const std::string& url, std::size_t size) {
  return std::make_unique<ConnectionPool>([url] { return openPostgres(url); }, size);
}

}  // namespace tisheng::storage
