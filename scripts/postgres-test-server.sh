#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, in a folder of its own, on a local port.
#
#   scripts/postgres-test-server.sh start DIR [PORT]   prints the SQLAlchemy URL of its database
#   scripts/postgres-test-server.sh stop DIR
#
# Needs Debian's postgresql package (scripts/setup-env.sh installs it with CIVICDESK_POSTGRES=1).
# Run as root, the server runs as the postgres user; otherwise as the user who runs this.
# Durability is switched off (fsync, full_page_writes): the data is thrown away afterwards.
set -euo pipefail
action="${1:?start or stop}"
folder="${2:?a folder for the server}"
port="${3:-54329}"

bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ]; then
  echo "PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
fi

as_server_user() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "$action" in
  start)
    mkdir -p "$folder"
    if [ "$(id -u)" = 0 ]; then
      chown postgres "$folder"
    fi
    as_server_user "$bin/initdb" -D "$folder/data" -U civicdesk -A trust -E UTF8 \
      --locale=C.UTF-8 --no-sync >"$folder/initdb.log" 2>&1 \
      || { cat "$folder/initdb.log" >&2; exit 1; }
    as_server_user "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
      -o "-p $port -k $folder -c listen_addresses=127.0.0.1 -c fsync=off \
          -c full_page_writes=off -c synchronous_commit=off -c max_connections=200" \
      start >/dev/null || { cat "$folder/server.log" >&2; exit 1; }
    "$bin/createdb" -h 127.0.0.1 -p "$port" -U civicdesk civicdesk_test
    echo "postgresql+psycopg://civicdesk@127.0.0.1:$port/civicdesk_test"
    ;;
  stop)
    if [ -f "$folder/data/postmaster.pid" ]; then
      as_server_user "$bin/pg_ctl" -D "$folder/data" -m fast -w stop >/dev/null
    fi
    ;;
  *)
    echo "usage: $0 start|stop DIR [PORT]" >&2
    exit 2
    ;;
esac
