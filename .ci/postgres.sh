#!/usr/bin/env bash
# Installs (if missing) and starts Debian's PostgreSQL, creates a role and a database for the
# store tests, and prints the environment they read, for eval:
#
#   eval "$(.ci/postgres.sh)"      # sets PACTA_TEST_POSTGRES_URL
#
# Everything else goes to stderr, so stdout holds only `export` lines. Safe to run twice.
# Needs root, or sudo without a password. Settings (all optional):
#   PACTA_PG_ROLE (default pacta_test), PACTA_PG_PASSWORD (default pacta_test),
#   PACTA_PG_DATABASE (default pacta_test), PACTA_PG_PORT (default: the cluster's port).
set -euo pipefail

role="${PACTA_PG_ROLE:-pacta_test}"
password="${PACTA_PG_PASSWORD:-pacta_test}"
database="${PACTA_PG_DATABASE:-pacta_test}"

log() { printf 'postgres.sh: %s\n' "$*" >&2; }
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi
}
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -n -u postgres "$@"; fi
}
identifier() {
  case "$1" in
    *[!a-z0-9_]* | "" | [0-9]*) log "'$1' must be lower-case letters, digits and _"; exit 2 ;;
  esac
}
identifier "$role"
identifier "$database"
case "$password" in *"'"*) log "the password must not contain a quote"; exit 2 ;; esac

if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
  log "installing Debian's postgresql"
  as_root apt-get update >&2
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y --no-install-recommends postgresql >&2
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if [ -z "$(pg_lsclusters -h 2>/dev/null | awk -v v="$version" '$1 == v && $2 == "main"')" ]; then
  log "creating cluster $version/main"
  as_root pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q online; then
  log "starting cluster $version/main"
  as_root pg_ctlcluster "$version" main start >&2
fi
port="${PACTA_PG_PORT:-$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')}"

for _ in $(seq 1 30); do
  if as_postgres pg_isready -q -p "$port" 2>/dev/null; then break; fi
  sleep 1
done
as_postgres pg_isready -q -p "$port" || { log "PostgreSQL did not come up on port $port"; exit 1; }

psql_admin() { as_postgres psql -p "$port" -v ON_ERROR_STOP=1 -qAt "$@"; }
if [ "$(psql_admin -c "select 1 from pg_roles where rolname = '$role'")" != "1" ]; then
  log "creating role $role"
  psql_admin -c "create role $role login createdb password '$password'" >&2
else
  psql_admin -c "alter role $role login createdb password '$password'" >&2
fi
if [ "$(psql_admin -c "select 1 from pg_database where datname = '$database'")" != "1" ]; then
  log "creating database $database"
  psql_admin -c "create database $database owner $role" >&2
fi

log "ready on localhost:$port"
echo "export PACTA_TEST_POSTGRES_URL=postgres://$role:$password@localhost:$port/$database"
