#include "storage/Migrations.h"

// The numbered migrations in SQLite's dialect; PostgresMigrations.cpp has the same in
// PostgreSQL's, and Migrations.cpp applies them. A test checks that both schemas have the same
// tables and columns.

namespace tisheng::storage {

const std::vector<Migration>& sqliteMigrations() {
  static const std::vector<Migration> all{
      {1, "registry: counties, entries, certificates", R"SQL(
CREATE TABLE counties (
  code      TEXT PRIMARY KEY,
  name_zh   TEXT NOT NULL,
  name_en   TEXT NOT NULL
);

CREATE TABLE entries (
  id          INTEGER PRIMARY KEY,
  category    TEXT NOT NULL CHECK (category IN ('homestay', 'restaurant', 'product')),
  name_zh     TEXT NOT NULL,
  name_en     TEXT NOT NULL DEFAULT '',
  county_code TEXT NOT NULL REFERENCES counties (code),
  address_zh  TEXT NOT NULL DEFAULT '',
  address_en  TEXT NOT NULL DEFAULT '',
  latitude    REAL,
  longitude   REAL,
  photo_path  TEXT,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE INDEX entries_by_county ON entries (county_code, category);

CREATE TABLE serial_counters (
  category  TEXT NOT NULL,
  year      INTEGER NOT NULL,
  last      INTEGER NOT NULL,
  PRIMARY KEY (category, year)
);

CREATE TABLE certificates (
  id                 INTEGER PRIMARY KEY,
  serial             TEXT NOT NULL UNIQUE,
  entry_id           INTEGER NOT NULL REFERENCES entries (id),
  standard_id        TEXT NOT NULL,
  standard_version   INTEGER NOT NULL,
  grade              TEXT NOT NULL,
  grade_rank         INTEGER NOT NULL,
  issued_on          TEXT NOT NULL,
  valid_until        TEXT NOT NULL,
  status             TEXT NOT NULL
                     CHECK (status IN ('active', 'suspended', 'revoked', 'expired', 'superseded')),
  status_reason      TEXT,
  status_since       INTEGER,
  last_inspection_on TEXT,
  key_id             TEXT NOT NULL,
  token              TEXT NOT NULL UNIQUE,
  created_at         INTEGER NOT NULL
);
CREATE INDEX certificates_by_entry ON certificates (entry_id);
)SQL"},
      {2, "accounts: users, sessions, login failures, entry owners", R"SQL(
CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL
                CHECK (role IN ('city_admin', 'county_admin', 'inspector', 'business')),
  county_code   TEXT REFERENCES counties (code),
  password_hash TEXT NOT NULL,
  disabled      INTEGER NOT NULL DEFAULT 0,
  created_at    INTEGER NOT NULL,
  CHECK (role <> 'county_admin' OR county_code IS NOT NULL)
);

CREATE TABLE sessions (
  token_hash  TEXT PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users (id),
  csrf_token  TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE login_failures (
  username  TEXT NOT NULL COLLATE NOCASE,
  address   TEXT NOT NULL,
  at        INTEGER NOT NULL
);
CREATE INDEX login_failures_by_username ON login_failures (username, at);
CREATE INDEX login_failures_by_address ON login_failures (address, at);

ALTER TABLE entries ADD COLUMN owner_user_id INTEGER REFERENCES users (id);
)SQL"},
      {3, "complaints from the public", R"SQL(
CREATE TABLE complaints (
  id              INTEGER PRIMARY KEY,
  entry_id        INTEGER NOT NULL REFERENCES entries (id),
  certificate_id  INTEGER REFERENCES certificates (id),
  category        TEXT NOT NULL CHECK (category IN ('hygiene', 'safety', 'service', 'price',
                                                    'false_advertising', 'fake_plaque', 'other')),
  description     TEXT NOT NULL,
  contact         TEXT,
  status          TEXT NOT NULL DEFAULT 'new'
                  CHECK (status IN ('new', 'dismissed', 'upheld', 'inspect')),
  source_address  TEXT NOT NULL,
  created_at      INTEGER NOT NULL
);
CREATE INDEX complaints_by_entry ON complaints (entry_id, status);
CREATE INDEX complaints_by_address ON complaints (source_address, created_at);
)SQL"},
      {4, "audit trail: append-only, hash-chained", R"SQL(
CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         INTEGER NOT NULL,
  actor      TEXT NOT NULL,
  action     TEXT NOT NULL,
  subject    TEXT NOT NULL,
  before     TEXT,
  after      TEXT,
  prev_hash  TEXT NOT NULL,
  hash       TEXT NOT NULL
);
CREATE INDEX audit_log_by_subject ON audit_log (subject);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
)SQL"},
      {5, "entries: contact, description and product fields", R"SQL(
ALTER TABLE entries ADD COLUMN contact TEXT NOT NULL DEFAULT '';
ALTER TABLE entries ADD COLUMN description_zh TEXT NOT NULL DEFAULT '';
ALTER TABLE entries ADD COLUMN description_en TEXT NOT NULL DEFAULT '';
ALTER TABLE entries ADD COLUMN producer TEXT;
ALTER TABLE entries ADD COLUMN origin TEXT;
ALTER TABLE entries ADD COLUMN specification TEXT;
)SQL"},
      {6, "entries: the business's public reply", R"SQL(
ALTER TABLE entries ADD COLUMN public_reply TEXT;
ALTER TABLE entries ADD COLUMN public_reply_at INTEGER;
)SQL"},
      {7,
       "workflow: inspections, evidence, notices, objections, rectifications, decisions, appeals",
       R"SQL(
CREATE TABLE inspections (
  id                INTEGER PRIMARY KEY,
  entry_id          INTEGER NOT NULL REFERENCES entries (id),
  kind              TEXT NOT NULL
                    CHECK (kind IN ('initial', 'review', 'spot_check', 'complaint', 'reinspection')),
  standard_id       TEXT NOT NULL,
  standard_version  INTEGER NOT NULL,
  certificate_id    INTEGER REFERENCES certificates (id),
  complaint_id      INTEGER REFERENCES complaints (id),
  status            TEXT NOT NULL DEFAULT 'scheduled'
                    CHECK (status IN ('scheduled', 'submitted', 'confirmed', 'refused', 'cancelled')),
  scheduled_on      TEXT NOT NULL,
  scores            TEXT NOT NULL DEFAULT '{}',
  notes             TEXT NOT NULL DEFAULT '{}',
  result            TEXT,
  grade             TEXT,
  submitted_by      TEXT,
  submitted_at      INTEGER,
  decided_by        TEXT,
  decided_at        INTEGER,
  decision_reason   TEXT,
  created_by        TEXT NOT NULL,
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL
);
CREATE INDEX inspections_by_entry ON inspections (entry_id, status);
CREATE INDEX inspections_by_status ON inspections (status, scheduled_on);

CREATE TABLE inspection_assignees (
  inspection_id  INTEGER NOT NULL REFERENCES inspections (id),
  user_id        INTEGER NOT NULL REFERENCES users (id),
  PRIMARY KEY (inspection_id, user_id)
);
CREATE INDEX inspection_assignees_by_user ON inspection_assignees (user_id);

CREATE TABLE evidence (
  id             INTEGER PRIMARY KEY,
  inspection_id  INTEGER NOT NULL REFERENCES inspections (id),
  item_id        TEXT,
  path           TEXT NOT NULL,
  sha256         TEXT NOT NULL,
  content_type   TEXT NOT NULL,
  bytes          INTEGER NOT NULL,
  uploaded_by    TEXT NOT NULL,
  uploaded_at    INTEGER NOT NULL
);
CREATE INDEX evidence_by_inspection ON evidence (inspection_id);

CREATE TABLE notices (
  id                INTEGER PRIMARY KEY,
  entry_id          INTEGER NOT NULL REFERENCES entries (id),
  inspection_id     INTEGER NOT NULL REFERENCES inspections (id),
  standard_id       TEXT NOT NULL,
  standard_version  INTEGER NOT NULL,
  grade             TEXT NOT NULL,
  starts_at         INTEGER NOT NULL,
  ends_on           TEXT NOT NULL,
  status            TEXT NOT NULL DEFAULT 'open'
                    CHECK (status IN ('open', 'issued', 'withdrawn')),
  certificate_id    INTEGER REFERENCES certificates (id),
  closed_at         INTEGER
);
CREATE INDEX notices_by_status ON notices (status, ends_on);

CREATE TABLE objections (
  id              INTEGER PRIMARY KEY,
  notice_id       INTEGER NOT NULL REFERENCES notices (id),
  text            TEXT NOT NULL,
  contact         TEXT,
  source_address  TEXT NOT NULL,
  status          TEXT NOT NULL DEFAULT 'open'
                  CHECK (status IN ('open', 'dismissed', 'upheld')),
  resolution      TEXT,
  resolved_by     TEXT,
  created_at      INTEGER NOT NULL
);
CREATE INDEX objections_by_notice ON objections (notice_id, status);
CREATE INDEX objections_by_address ON objections (source_address, created_at);

CREATE TABLE rectifications (
  id              INTEGER PRIMARY KEY,
  certificate_id  INTEGER NOT NULL REFERENCES certificates (id),
  inspection_id   INTEGER REFERENCES inspections (id),
  findings        TEXT NOT NULL,
  deadline        TEXT NOT NULL,
  suspended       INTEGER NOT NULL,
  status          TEXT NOT NULL DEFAULT 'open'
                  CHECK (status IN ('open', 'passed', 'missed', 'withdrawn')),
  created_by      TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  closed_at       INTEGER
);
CREATE INDEX rectifications_by_status ON rectifications (status, deadline);

CREATE TABLE decisions (
  id              INTEGER PRIMARY KEY,
  entry_id        INTEGER NOT NULL REFERENCES entries (id),
  certificate_id  INTEGER REFERENCES certificates (id),
  inspection_id   INTEGER REFERENCES inspections (id),
  kind            TEXT NOT NULL
                  CHECK (kind IN ('refusal', 'downgrade', 'suspension', 'revocation')),
  reason          TEXT NOT NULL,
  note            TEXT NOT NULL DEFAULT '',
  effective_on    TEXT NOT NULL,
  appeal_until    TEXT NOT NULL,
  bar_until       TEXT,
  state           TEXT NOT NULL CHECK (state IN ('pending', 'applied', 'lifted')),
  previous_grade  TEXT,
  decided_by      TEXT NOT NULL,
  decided_at      INTEGER NOT NULL
);
CREATE INDEX decisions_by_entry ON decisions (entry_id);
CREATE INDEX decisions_pending ON decisions (state, effective_on);

CREATE TABLE appeals (
  id           INTEGER PRIMARY KEY,
  decision_id  INTEGER NOT NULL UNIQUE REFERENCES decisions (id),
  grounds      TEXT NOT NULL,
  filed_by     TEXT NOT NULL,
  filed_at     INTEGER NOT NULL,
  status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'granted', 'rejected')),
  decided_by   TEXT,
  decided_at   INTEGER,
  resolution   TEXT
);

ALTER TABLE complaints ADD COLUMN triage_note TEXT;
ALTER TABLE complaints ADD COLUMN triaged_by TEXT;
ALTER TABLE complaints ADD COLUMN triaged_at INTEGER;
)SQL"},
      {8, "signed checkpoints of the audit trail's head", R"SQL(
CREATE TABLE audit_checkpoints (
  id    INTEGER PRIMARY KEY,
  at    INTEGER NOT NULL,
  rows  INTEGER NOT NULL,
  head  TEXT NOT NULL,
  jws   TEXT NOT NULL
);
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
  BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only'); END;
CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
  BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only'); END;
)SQL"},
      {9, "several servers on one database: leases, shared media, shared signing keys", R"SQL(
CREATE TABLE leases (
  name        TEXT PRIMARY KEY,
  holder      TEXT NOT NULL,
  expires_at  INTEGER NOT NULL
);

CREATE TABLE media (
  name   TEXT PRIMARY KEY,
  bytes  BLOB NOT NULL
);

CREATE TABLE signing_keys (
  kid          TEXT PRIMARY KEY,
  not_before   INTEGER NOT NULL,
  expires      INTEGER NOT NULL,
  revoked_at   INTEGER,
  private_key  TEXT NOT NULL
);
)SQL"},
      {10,
       "the public face: featured dishes, contacts the business publishes, reports of plaques not "
       "genuine",
       R"SQL(
ALTER TABLE entries ADD COLUMN featured_dishes TEXT NOT NULL DEFAULT '';
ALTER TABLE entries ADD COLUMN contact_public INTEGER NOT NULL DEFAULT 0;
CREATE INDEX entries_by_update ON entries (updated_at, id);

CREATE TABLE plaque_reports (
  id              INTEGER PRIMARY KEY,
  county_code     TEXT NOT NULL REFERENCES counties (code),
  place_name      TEXT NOT NULL,
  address         TEXT NOT NULL,
  seen            TEXT NOT NULL,
  code_seen       TEXT,
  photo           TEXT,
  contact         TEXT,
  status          TEXT NOT NULL DEFAULT 'new'
                  CHECK (status IN ('new', 'dismissed', 'confirmed')),
  triage_note     TEXT,
  triaged_by      TEXT,
  triaged_at      INTEGER,
  source_address  TEXT NOT NULL,
  created_at      INTEGER NOT NULL
);
CREATE INDEX plaque_reports_by_county ON plaque_reports (county_code, status);
CREATE INDEX plaque_reports_by_address ON plaque_reports (source_address, created_at);
)SQL"},
      {11, "programme reports: county targets; facts found by action and submission time", R"SQL(
CREATE TABLE county_targets (
  year         INTEGER NOT NULL,
  county_code  TEXT NOT NULL REFERENCES counties (code),
  category     TEXT NOT NULL CHECK (category IN ('homestay', 'restaurant', 'product')),
  target       INTEGER NOT NULL CHECK (target >= 0),
  set_by       TEXT NOT NULL,
  set_at       INTEGER NOT NULL,
  PRIMARY KEY (year, county_code, category)
);
CREATE INDEX audit_log_by_action ON audit_log (action, at);
-- The certificates' history as the reports replay it, whole in the index: read without
-- touching the audit rows of score sheets around them.
CREATE INDEX audit_log_certificate_events ON audit_log (action, at, id, subject, after)
  WHERE action IN ('certificate.issue', 'certificate.status');
-- What the reports read of inspections, whole in the indexes: the rows themselves are long
-- (score sheets, notes, the engine's result).
CREATE INDEX inspections_by_submission ON inspections (submitted_at, id, created_at, decided_at,
  kind, status, entry_id, standard_id, standard_version, scheduled_on);
CREATE INDEX inspections_by_schedule ON inspections (scheduled_on, id, created_at, submitted_at,
  decided_at, kind, status, entry_id, standard_id, standard_version);
CREATE INDEX inspections_by_kind ON inspections (kind, created_at, id, entry_id);
CREATE INDEX inspections_by_certificate ON inspections (certificate_id, submitted_at);
)SQL"},
      {12, "the registry's generation: advanced by every change a plaque's page shows", R"SQL(
CREATE TABLE registry_generation (
  id     INTEGER PRIMARY KEY CHECK (id = 1),
  value  INTEGER NOT NULL
);
)SQL"},
  };
  return all;
}

}  // namespace tisheng::storage
