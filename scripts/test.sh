#!/usr/bin/env bash
# Runs the whole test suite against real servers: SQLite, PostgreSQL, Redis, Azurite (the Azure Storage emulator)
# and Chromium. On Debian/Ubuntu it installs what is missing (Azurite from npm into ~/.cache), starts PostgreSQL, Redis
# and Azurite on 127.0.0.1 in a temporary folder, runs every test, stops what it started and exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/TestResults"

log() { printf '\n== %s\n' "$*"; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

install_missing() {
  local packages=()
  [ -n "$(pg_bin)" ] || packages+=(postgresql)
  command -v redis-server >/dev/null || packages+=(redis-server)
  [ -x /usr/bin/chromium ] || packages+=(chromium)
  command -v npm >/dev/null || packages+=(nodejs npm)
  if [ ${#packages[@]} -eq 0 ]; then
    return
  fi
  if ! command -v apt-get >/dev/null; then
    echo "Missing ${packages[*]}: install them (this script installs them itself on Debian/Ubuntu)." >&2
    exit 1
  fi
  log "Installing ${packages[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
}

free_port() {
  local port=$1
  while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

services=$(mktemp -d /tmp/placementbroker-test-XXXXXX)
pg_data="$services/postgres"
pg_started=""
redis_pid_file="$services/redis.pid"
azurite_pid=""
azurite_version=3.37.0
azurite_home="${XDG_CACHE_HOME:-$HOME/.cache}/placementbroker/azurite-$azurite_version"

stop_services() {
  if [ -n "$pg_started" ]; then
    run_pg "$(pg_bin)/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true
  fi
  if [ -f "$redis_pid_file" ]; then
    kill "$(cat "$redis_pid_file")" 2>/dev/null || true
  fi
  if [ -n "$azurite_pid" ]; then
    kill "$azurite_pid" 2>/dev/null || true
  fi
  rm -rf "$services"
}
trap stop_services EXIT

run_pg() {
  # PostgreSQL refuses to run as root.
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  local port bin
  port=$(free_port 55432)
  bin=$(pg_bin)
  mkdir -p "$pg_data"
  [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$services"
  chmod 755 "$services"
  run_pg "$bin/initdb" -D "$pg_data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  run_pg "$bin/pg_ctl" -D "$pg_data" -w -l "$pg_data/server.log" \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$pg_data -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null || { echo "PostgreSQL did not start; its log:" >&2; tail -n 30 "$pg_data/server.log" >&2 || true; exit 1; }
  pg_started=yes
  export PLACEMENTBROKER_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Include Error Detail=true"
  echo "PostgreSQL on 127.0.0.1:$port"
}

start_redis() {
  local port
  port=$(free_port 56379)
  redis-server --bind 127.0.0.1 --port "$port" --daemonize yes --save '' --appendonly no \
    --pidfile "$redis_pid_file" --logfile "$services/redis.log" --dir "$services"
  for _ in $(seq 1 50); do (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
  export PLACEMENTBROKER_TEST_REDIS="127.0.0.1:$port"
  echo "Redis on 127.0.0.1:$port"
}

install_azurite() {
  if [ -x "$azurite_home/node_modules/.bin/azurite-blob" ]; then
    return
  fi
  log "Installing Azurite $azurite_version from npm"
  mkdir -p "$azurite_home"
  npm install --prefix "$azurite_home" --no-audit --no-fund --silent "azurite@$azurite_version" >/dev/null
}

start_azurite() {
  local port attempt
  mkdir -p "$services/azurite"
  port=56999
  # A port found free can be taken a moment later (the kernel lends ports in this range to outgoing connections):
  # Azurite then stops at once, and the next free port is tried.
  for attempt in 1 2 3 4 5; do
    port=$(free_port $((port + 1)))
    # The SDK may speak a newer API version than the emulator knows; the calls the store makes are the same.
    "$azurite_home/node_modules/.bin/azurite-blob" --blobHost 127.0.0.1 --blobPort "$port" --location "$services/azurite" \
      --skipApiVersionCheck --silent >"$services/azurite.log" 2>&1 &
    azurite_pid=$!
    for _ in $(seq 1 100); do
      (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
      kill -0 "$azurite_pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$azurite_pid" 2>/dev/null && (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      break
    fi
    kill "$azurite_pid" 2>/dev/null || true
    azurite_pid=""
  done
  if [ -z "$azurite_pid" ]; then
    echo "Azurite did not start; its log:" >&2
    cat "$services/azurite.log" >&2
    exit 1
  fi
  # Azurite's well-known development account and key (public, documented by Microsoft).
  export PLACEMENTBROKER_TEST_AZURITE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$port/devstoreaccount1;"
  echo "Azurite (blobs) on 127.0.0.1:$port"
}

install_missing
install_azurite
log "Starting PostgreSQL, Redis and Azurite"
start_postgres
start_redis
start_azurite
export PLACEMENTBROKER_TEST_CHROMIUM=/usr/bin/chromium
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log "Building"
dotnet tool restore >/dev/null
dotnet build PlacementBroker.sln -nologo -v q -clp:ErrorsOnly

log "Checking migrations: none missing for any provider, and the SQL Server script generates"
mkdir -p "$results"
for provider in Sqlite SqlServer PostgreSql; do
  dotnet ef migrations has-pending-model-changes --no-build \
    --project "src/PlacementBroker.Migrations.$provider" --startup-project src/PlacementBroker.Web \
    -- --PlacementBroker:Database:Provider=$provider \
       --ConnectionStrings:PlacementBroker="Data Source=unused" >/dev/null
done
dotnet ef migrations script --idempotent --no-build \
  --project src/PlacementBroker.Migrations.SqlServer --startup-project src/PlacementBroker.Web \
  -o "$results/sqlserver-migrations.sql" \
  -- --PlacementBroker:Database:Provider=SqlServer --ConnectionStrings:PlacementBroker="Server=unused" >/dev/null
echo "SQL Server script: $(wc -l <"$results/sqlserver-migrations.sql") lines"

log "Running the tests"
rm -f "$results"/*.trx
status=0
dotnet test PlacementBroker.sln --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=$?

# dotnet test prints no single total line: add up the counters of every test project's results file.
awk '
  match($0, /<Counters [^>]*>/) {
    counters = substr($0, RSTART, RLENGTH)
    split("passed failed error timeout notExecuted", names, " ")
    for (i in names) {
      if (match(counters, names[i] "=\"[0-9]+\"")) {
        value = substr(counters, RSTART + length(names[i]) + 2, RLENGTH - length(names[i]) - 3)
        total[names[i]] += value
      }
    }
  }
  END { printf "%d passed, %d failed, %d skipped\n", total["passed"], total["failed"] + total["error"] + total["timeout"], total["notExecuted"] }
' "$results"/*.trx || true
exit $status
