-- Statements of the migration runner (pipelines/store/migrate.py).

-- name: create_migration_tables
CREATE TABLE IF NOT EXISTS schema_migrations (
    version      integer     PRIMARY KEY,
    description  text        NOT NULL,
    checksum     text        NOT NULL,
    applied_at   timestamptz NOT NULL DEFAULT now(),
    success      boolean     NOT NULL
);
CREATE TABLE IF NOT EXISTS schema_repeatables (
    name         text        PRIMARY KEY,
    checksum     text        NOT NULL,
    applied_at   timestamptz NOT NULL DEFAULT now()
);

-- name: migration_history_exists
SELECT to_regclass('schema_migrations') IS NOT NULL;

-- name: lock_migrations
SELECT pg_advisory_lock(hashtext('ganpo.migrations'));

-- name: unlock_migrations
SELECT pg_advisory_unlock(hashtext('ganpo.migrations'));

-- name: applied_migrations
SELECT version, description, checksum, applied_at, success FROM schema_migrations ORDER BY version;

-- name: record_migration
INSERT INTO schema_migrations (version, description, checksum, success)
VALUES (%(version)s, %(description)s, %(checksum)s, true);

-- name: applied_repeatables
SELECT name, checksum FROM schema_repeatables;

-- name: record_repeatable
INSERT INTO schema_repeatables (name, checksum) VALUES (%(name)s, %(checksum)s)
ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, applied_at = now();
