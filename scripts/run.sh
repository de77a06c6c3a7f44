#!/usr/bin/env bash
# Started by ./koers (which finds a JDK 21+ and builds first):
#   run.sh server   the sync server in the foreground, data in ${KOERS_DATA_DIR:-./data}
#   run.sh demo     the server with synthetic demo data, plus the desktop app if a display exists
#   run.sh app      the desktop app only
# Ctrl-C stops everything this script started.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-server}
export KOERS_DATA_DIR=${KOERS_DATA_DIR:-./data}
PORT=${SERVER_PORT:-8080}
export SERVER_PORT=$PORT
SERVER_CP='sync-server/target/classes:sync-server/target/libs/*'
APP_CLASS=nl.koers.app.KoersApp
APP_LIBS=mobile-app/target/libs

# exec: in the background the subshell becomes the server, so $! is the server's pid and the trap stops it
server_cmd() {
  exec java --enable-native-access=ALL-UNNAMED -Dkoers.launcher=./koers -cp "$SERVER_CP" nl.koers.server.Main serve
}

# JavaFX goes on the module path (only the javafx-* jars: Gluon Attach ships two jars per service
# with the same module name, which the module path refuses); everything else on the class path.
app_cmd() {
  local fx_path="" class_path="mobile-app/target/classes" jar
  for jar in "$APP_LIBS"/*.jar; do
    case "$(basename "$jar")" in
      javafx-*) fx_path="${fx_path:+$fx_path:}$jar" ;;
      *) class_path="$class_path:$jar" ;;
    esac
  done
  java --enable-native-access=ALL-UNNAMED,javafx.graphics --module-path "$fx_path" --add-modules javafx.controls,javafx.fxml \
    -Djavafx.platform=desktop -Dcom.j256.simplelogging.level=INFO -cp "$class_path" \
    -Dkoers.data.dir="${KOERS_APP_DATA_DIR:-./data/app}" -Dkoers.server.url="http://localhost:$PORT" "$@" "$APP_CLASS"
}

app_available() {
  [ -d mobile-app/target/classes/nl/koers/app ] && [ -f mobile-app/target/classes/nl/koers/app/KoersApp.class ]
}

wait_for_health() {
  for _ in $(seq 1 60); do
    if curl -fsS -o /dev/null "http://localhost:$PORT/observe/health" 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "The server did not become healthy on port $PORT." >&2
  return 1
}

case "$mode" in
  server)
    echo "Dashboard passwords: './koers admin set-password --user <e-mail>' (project leaders, viewers, administrators)."
    echo "Pair a phone: './koers admin pairing-code --user <e-mail>', or in the dashboard (a project, phones and pairing codes)."
    echo "Admin API: a personal token from './koers admin issue-admin-token --user <e-mail>' (a user with the ADMINISTRATOR role)."
    server_cmd
    ;;
  demo)
    export KOERS_DEMO_SEED=true
    export KOERS_DATA_DIR=${KOERS_DEMO_DATA_DIR:-./data/demo}
    if [ -n "${DISPLAY:-}" ] && app_available; then
      mkdir -p "$KOERS_DATA_DIR"
      server_log="$KOERS_DATA_DIR/server.log"
      server_cmd > >(tee "$server_log") 2>&1 &
      server_pid=$!
      trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true' EXIT INT TERM
      wait_for_health
      code=$(sed -n 's/^Demo pairing code for coach [^:]*: \([^ ]*\) .*/\1/p' "$server_log" | tail -1)
      echo "Server ready on http://localhost:$PORT; starting the app${code:+ with pairing code $code filled in}."
      KOERS_APP_DATA_DIR=${KOERS_APP_DATA_DIR:-./data/demo-app} app_cmd -Dkoers.pairing.code="$code"
    else
      if [ -z "${DISPLAY:-}" ]; then
        echo "No display: running only the server, on this machine only (demo data over plain HTTP)."
        echo "Connect the desktop app here ('./koers app'); the server prints a pairing code on its first start, and after that how to get one."
      else
        echo "The desktop app is not built (mobile-app); running only the server on http://localhost:$PORT"
      fi
      echo "Dashboard: http://localhost:$PORT/dashboard (the demo project leader's sign-in is printed below). Ctrl-C stops the server."
      server_cmd
    fi
    ;;
  app)
    if ! app_available; then
      echo "The desktop app (mobile-app, $APP_CLASS) is not built yet." >&2
      exit 1
    fi
    app_cmd
    ;;
  *)
    echo "usage: run.sh server|demo|app" >&2
    exit 2
    ;;
esac
