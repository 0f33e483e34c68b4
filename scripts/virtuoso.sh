#!/usr/bin/env bash
# A local Virtuoso (Debian's virtuoso-opensource) for testing rahmengraph against a SPARQL server.
#
#   scripts/virtuoso.sh install   apt-get install virtuoso-opensource (the Debian package)
#   scripts/virtuoso.sh start     install if missing, write var/virtuoso/virtuoso.ini, start, wait
#   scripts/virtuoso.sh stop      shut the server down (checkpoint first)
#   scripts/virtuoso.sh status    running or not, with the endpoint URL
#   scripts/virtuoso.sh reset     stop and delete var/virtuoso (a fresh database next start)
#
# Bound to 127.0.0.1 only, data in var/virtuoso (never the system instance in /var/lib).
# On the first start the default DBA password "dba" is replaced by a random one, kept in
# var/virtuoso/dba-password (mode 600), and the anonymous SPARQL user gets SPARQL_UPDATE so that
# `rahmengraph serve --store sparql:http://127.0.0.1:8890/sparql` can load the dataset through
# SPARQL Update. That grant is for this local test instance only: never on a reachable server
# (there, use /sparql-auth with a real account).
#
# Ports: VIRTUOSO_HTTP_PORT (default 8890), VIRTUOSO_SQL_PORT (default 1111).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${VIRTUOSO_DIR:-$ROOT/var/virtuoso}"
HTTP_PORT="${VIRTUOSO_HTTP_PORT:-8890}"
SQL_PORT="${VIRTUOSO_SQL_PORT:-1111}"
INI="$DIR/virtuoso.ini"
PASSFILE="$DIR/dba-password"
ENDPOINT="http://127.0.0.1:$HTTP_PORT/sparql"
SUDO=""
[ "$(id -u)" = "0" ] || SUDO="sudo"

die() { echo "virtuoso.sh: $*" >&2; exit 1; }

install() {
  if command -v virtuoso-t >/dev/null 2>&1 && command -v isql-vt >/dev/null 2>&1; then
    return
  fi
  echo "Installiere virtuoso-opensource (Debian-Paket) …"
  $SUDO apt-get update -qq
  # The package's own service is not started (policy-rc.d or no init); we run our own instance.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    virtuoso-opensource >/dev/null
  command -v virtuoso-t >/dev/null 2>&1 || die "virtuoso-t fehlt nach der Installation"
}

write_ini() {
  mkdir -p "$DIR/db"
  cat >"$INI" <<EOF
; Written by scripts/virtuoso.sh – local test instance of rahmengraph, bound to 127.0.0.1.
[Database]
DatabaseFile       = $DIR/db/virtuoso.db
ErrorLogFile       = $DIR/db/virtuoso.log
LockFile           = $DIR/db/virtuoso.lck
TransactionFile    = $DIR/db/virtuoso.trx
xa_persistent_file = $DIR/db/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $DIR/db/virtuoso-temp.db
TransactionFile    = $DIR/db/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort               = 127.0.0.1:$SQL_PORT
DisableUnixSocket        = 1
MaxClientConnections     = 16
CheckpointInterval       = 60
CaseMode                 = 2
AllowOSCalls             = 0
DirsAllowed              = ., $DIR
NumberOfBuffers          = 170000
MaxDirtyBuffers          = 130000
MaxQueryMem              = 1G
ThreadsPerQuery          = 2
AsyncQueueMaxThreads     = 4

[HTTPServer]
ServerPort               = 127.0.0.1:$HTTP_PORT
ServerRoot               = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections     = 16
ServerThreads            = 16
MaxKeepAlives            = 16
KeepAliveTimeout         = 10
EnabledDavVSP            = 0
HTTPProxyEnabled         = 0
Charset                  = UTF-8

[Client]
SQL_PREFETCH_ROWS  = 100
SQL_PREFETCH_BYTES = 16000

[SPARQL]
ResultSetMaxRows           = 1000000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime      = 120
MaxConstructTriples        = 2000000
DefaultGraph               =

[Plugins]
LoadPath = /usr/lib/x86_64-linux-gnu/virtuoso-opensource-7/hosting
EOF
}

running() {
  [ -f "$DIR/db/virtuoso.lck" ] || return 1
  local pid
  pid="$(sed -n 's/^VIRT_PID=//p' "$DIR/db/virtuoso.lck")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

isql() {  # isql PASSWORD SQL...
  isql-vt "127.0.0.1:$SQL_PORT" dba "$1" "exec=$2" >/dev/null
}

wait_ready() {
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null -H 'Accept: application/sparql-results+json' \
      --data-urlencode 'query=ASK { ?s ?p ?o }' "$ENDPOINT" 2>/dev/null; then
      return 0
    fi
    sleep 0.5
  done
  return 1
}

first_setup() {
  # Fresh database: dba/dba. Replace the default password before anything else, then allow
  # SPARQL Update for the anonymous SPARQL user (this local instance only).
  local pass
  pass="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)"
  isql dba "USER_SET_PASSWORD('dba', '$pass');"
  umask 077
  printf '%s\n' "$pass" >"$PASSFILE"
  isql "$pass" "GRANT SPARQL_UPDATE TO \"SPARQL\";"
  isql "$pass" "DB.DBA.RDF_DEFAULT_USER_PERMS_SET('nobody', 7);"
  isql "$pass" "checkpoint;"
}

start() {
  install
  if running; then
    echo "Virtuoso läuft schon: $ENDPOINT"
    return
  fi
  write_ini
  local fresh=0
  [ -f "$PASSFILE" ] || fresh=1
  (cd "$DIR/db" && virtuoso-t +configfile "$INI" +wait) || die "Start fehlgeschlagen; siehe $DIR/db/virtuoso.log"
  wait_ready || die "Endpunkt $ENDPOINT antwortet nicht; siehe $DIR/db/virtuoso.log"
  if [ "$fresh" = 1 ]; then
    first_setup
  fi
  echo "Virtuoso läuft: $ENDPOINT (Daten in $DIR)"
  echo "  rahmengraph serve --store sparql:$ENDPOINT"
}

stop() {
  if ! running; then
    echo "Virtuoso läuft nicht."
    return
  fi
  local pid
  pid="$(sed -n 's/^VIRT_PID=//p' "$DIR/db/virtuoso.lck")"
  if [ -f "$PASSFILE" ]; then
    isql-vt "127.0.0.1:$SQL_PORT" dba "$(cat "$PASSFILE")" "exec=shutdown;" >/dev/null 2>&1 || kill "$pid"
  else
    kill "$pid"
  fi
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { echo "Virtuoso gestoppt."; return; }
    sleep 0.5
  done
  die "Virtuoso (PID $pid) endet nicht"
}

status() {
  if running; then
    echo "Virtuoso läuft: $ENDPOINT (Daten in $DIR)"
  else
    echo "Virtuoso läuft nicht."
    return 3
  fi
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  reset) stop; rm -rf "$DIR"; echo "$DIR gelöscht." ;;
  *) echo "Aufruf: $0 install|start|stop|status|reset" >&2; exit 2 ;;
esac
