#!/usr/bin/env bash
# The native Oxigraph server (`oxigraph serve`, the Rust server from PyPI's `oxigraph` package) as
# a remote store for rahmengraph, bound to 127.0.0.1.
#
#   scripts/oxigraph-server.sh install   pip install oxigraph into the project's venv (the dev extra has it)
#   scripts/oxigraph-server.sh start     install if missing, start on 127.0.0.1:$OXIGRAPH_PORT, wait
#   scripts/oxigraph-server.sh stop      stop the server started here
#   scripts/oxigraph-server.sh status    running or not, with the store setting for rahmengraph
#   scripts/oxigraph-server.sh reset     stop and delete var/oxigraph (a fresh database next start)
#
# Data persist in var/oxigraph/db (OXIGRAPH_DIR), the port is OXIGRAPH_PORT (default 7878).
# The server runs with --union-default-graph: rahmengraph's queries expect the default graph to be
# the union of all named graphs (rahmengraph/model/stores/remote.py sends every graph as
# default-graph-uri to a server that does not do so). Then:
#
#   rahmengraph serve --store 'sparql:http://127.0.0.1:7878/query|http://127.0.0.1:7878/update'
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${VENV:-$ROOT/.venv}"
DIR="${OXIGRAPH_DIR:-$ROOT/var/oxigraph}"
PORT="${OXIGRAPH_PORT:-7878}"
BIN="$VENV/bin/oxigraph"
PIDFILE="$DIR/oxigraph.pid"
BASE="http://127.0.0.1:$PORT"

die() { echo "oxigraph-server.sh: $*" >&2; exit 1; }

install() {
  [ -x "$BIN" ] && return
  [ -x "$VENV/bin/pip" ] || die "kein venv unter $VENV (erst make install)"
  echo "Installiere oxigraph (PyPI) in $VENV …"
  "$VENV/bin/pip" install --quiet "oxigraph==0.5.13"
  [ -x "$BIN" ] || die "$BIN fehlt nach der Installation"
}

running() {
  [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null
}

answers() {
  curl -fsS -o /dev/null -H 'Accept: application/sparql-results+json' \
    --data-urlencode 'query=ASK {}' "$BASE/query" 2>/dev/null
}

start() {
  install
  if running; then echo "läuft schon: $BASE/query"; return; fi
  mkdir -p "$DIR/db"
  nohup "$BIN" serve --location "$DIR/db" --bind "127.0.0.1:$PORT" --union-default-graph \
    >"$DIR/oxigraph.log" 2>&1 &
  echo $! >"$PIDFILE"
  for _ in $(seq 1 100); do
    if answers; then
      echo "Oxigraph-Server läuft: $BASE/query"
      echo "  rahmengraph serve --store 'sparql:$BASE/query|$BASE/update'"
      return
    fi
    running || die "Server beendet sich beim Start, siehe $DIR/oxigraph.log"
    sleep 0.1
  done
  die "Server antwortet nach 10 s nicht unter $BASE, siehe $DIR/oxigraph.log"
}

stop() {
  if running; then
    kill "$(cat "$PIDFILE")"
    for _ in $(seq 1 50); do running || break; sleep 0.1; done
  fi
  rm -f "$PIDFILE"
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  status)
    if running && answers; then echo "läuft: sparql:$BASE/query|$BASE/update"; else echo "läuft nicht"; exit 1; fi ;;
  reset) stop; rm -rf "$DIR" ;;
  *) die "Aufruf: $0 install|start|stop|status|reset" ;;
esac
