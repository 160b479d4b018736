#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL cluster: created in a temporary folder, listening on a
# Unix socket there, removed afterwards. initdb refuses root, so as root the cluster runs as `postgres`.
set -euo pipefail
dir=$(mktemp -d /tmp/pg-XXXXXX)
as=()
if [ "$(id -u)" = 0 ]; then
  chown postgres "$dir"
  as=(runuser -u postgres --)
fi
cleanup() {
  "${as[@]}" pg_ctl -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
"${as[@]}" initdb -D "$dir/data" -A trust -U postgres --encoding=UTF8 --locale=C.UTF-8 >/dev/null
"${as[@]}" pg_ctl -D "$dir/data" -l "$dir/log" -w \
  -o "-k $dir -c listen_addresses='' -c fsync=off -c full_page_writes=off -c synchronous_commit=off" start >/dev/null
export DATABASE_URL="postgres://postgres@/postgres?host=$dir"
echo "PostgreSQL $("${as[@]}" postgres --version | awk '{print $3}') on $dir"
"$@"
