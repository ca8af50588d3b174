#!/usr/bin/env bash
# A PostgreSQL streaming replica of the test server, for the replica tests (src/db/replica.test.ts)
# and for trying DATABASE_REPLICA_URL by hand (docs/scale.md, "Read replicas").
#
#   scripts/start-replica.sh          start it (reuses one already running on the port)
#   scripts/start-replica.sh status   exit 0 when a replica answers on the port
#   scripts/start-replica.sh stop     stop it and remove its data directory
#
# The replica is a plain data directory made with `pg_basebackup -R` from the primary
# (PRIMARY_HOST:PRIMARY_PORT, user postgres, trust) and run with pg_ctl on REPLICA_PORT. The
# only change made to the primary: a `host replication all 127.0.0.1/32 trust` line in its
# pg_hba.conf when it has none, followed by a reload. The replica's URL:
#   postgres://postgres@127.0.0.1:$REPLICA_PORT/<database>
set -euo pipefail

PRIMARY_HOST="${PRIMARY_HOST:-127.0.0.1}"
PRIMARY_PORT="${PRIMARY_PORT:-5432}"
REPLICA_PORT="${REPLICA_PORT:-5433}"
REPLICA_DIR="${REPLICA_DIR:-/tmp/jaring-replica-$REPLICA_PORT}"
PG_VERSION="${PG_VERSION:-$(ls /usr/lib/postgresql | sort -n | tail -n 1)}"
BIN="/usr/lib/postgresql/$PG_VERSION/bin"

# PostgreSQL refuses to run as root: run its programs as the postgres user then.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

is_replica() {
  [ "$(psql -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -d postgres -Atc 'SELECT pg_is_in_recovery()' 2>/dev/null)" = t ]
}

case "${1:-start}" in
  status)
    is_replica
    exit $?
    ;;
  stop)
    if [ -f "$REPLICA_DIR/postmaster.pid" ]; then as_postgres "$BIN/pg_ctl" -D "$REPLICA_DIR" -m fast -w stop || true; fi
    rm -rf "$REPLICA_DIR" "$REPLICA_DIR.log"
    echo "replica on port $REPLICA_PORT stopped and removed"
    exit 0
    ;;
  start) ;;
  *)
    echo "usage: $0 [start|status|stop]" >&2
    exit 2
    ;;
esac

if is_replica; then
  echo "replica already running on port $REPLICA_PORT: reused"
  exit 0
fi
if pg_isready -h 127.0.0.1 -p "$REPLICA_PORT" >/dev/null 2>&1; then
  echo "port $REPLICA_PORT answers but is not a replica: set REPLICA_PORT to a free port" >&2
  exit 1
fi

psql_primary() { psql -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -d postgres -Atc "$1"; }

# The primary must let a replication connection in from 127.0.0.1.
HBA_FILE="$(psql_primary 'SHOW hba_file')"
if ! grep -Eq '^[[:space:]]*host[[:space:]]+replication[[:space:]]' "$HBA_FILE"; then
  echo "adding a replication line to $HBA_FILE"
  printf '\n# Jaring test replica (scripts/start-replica.sh)\nhost replication all 127.0.0.1/32 trust\n' >>"$HBA_FILE"
  psql_primary 'SELECT pg_reload_conf()' >/dev/null
fi
if [ "$(psql_primary 'SHOW wal_level')" = minimal ]; then
  echo "the primary runs with wal_level=minimal: a streaming replica needs replica or logical" >&2
  exit 1
fi

# A stopped leftover is made again from scratch.
if [ -f "$REPLICA_DIR/postmaster.pid" ]; then as_postgres "$BIN/pg_ctl" -D "$REPLICA_DIR" -m immediate -w stop >/dev/null 2>&1 || true; fi
rm -rf "$REPLICA_DIR"
mkdir -p "$REPLICA_DIR"
chmod 700 "$REPLICA_DIR"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$REPLICA_DIR"

echo "pg_basebackup from $PRIMARY_HOST:$PRIMARY_PORT into $REPLICA_DIR"
as_postgres "$BIN/pg_basebackup" -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -D "$REPLICA_DIR" -R -X stream -c fast

# Debian keeps the server's configuration outside the data directory: give the replica its own.
as_postgres tee "$REPLICA_DIR/postgresql.conf" >/dev/null <<EOF
port = $REPLICA_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '/tmp'
hot_standby = on
max_connections = 100
shared_buffers = 64MB
EOF
as_postgres tee "$REPLICA_DIR/pg_hba.conf" >/dev/null <<EOF
local all all trust
host all all 127.0.0.1/32 trust
EOF

as_postgres "$BIN/pg_ctl" -D "$REPLICA_DIR" -l "$REPLICA_DIR.log" -w -t 60 start >/dev/null
[ "$(id -u)" = 0 ] && chown postgres:postgres "$REPLICA_DIR.log" 2>/dev/null || true
for _ in $(seq 1 30); do is_replica && break; sleep 1; done
if ! is_replica; then
  echo "the replica did not start: see $REPLICA_DIR.log" >&2
  exit 1
fi
echo "replica running on 127.0.0.1:$REPLICA_PORT (streaming from $PRIMARY_HOST:$PRIMARY_PORT)"
