#!/usr/bin/env bash
# Runs the API and race tests against a real SQL Server 2022, the production database, where Docker exists.
# It starts SQL Server in a container on 127.0.0.1, runs every test on a ServerApp host (the classes named *ServerTests)
# with SQL Server as their database, plus the SQL Server checks that need no server, then removes the container.
# Run it before a release, and after a change to a migration, a conditional update, a lock or a query's shape.
# scripts/test.sh (and CI) proves what can be proven without a server: see docs/adr/0014 and 0015.
set -euo pipefail
cd "$(dirname "$0")/.."

image=${PLACEMENTBROKER_SQLSERVER_IMAGE:-mcr.microsoft.com/mssql/server:2022-latest}
name=placementbroker-test-sqlserver-$$

if ! command -v docker >/dev/null 2>&1; then
  echo "test-sqlserver: Docker is not installed here, so SQL Server cannot be started." >&2
  echo "Install Docker (or run this where it is). The checks that need no server run in scripts/test.sh." >&2
  exit 2
fi
if ! docker info >/dev/null 2>&1; then
  echo "test-sqlserver: Docker is installed but its engine is not running or not reachable by $(id -un)." >&2
  exit 2
fi

free_port() {
  local port=$1
  while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

port=$(free_port 14333)
# A throwaway password meeting SQL Server's complexity rule; the container exists only for this run.
password="Pb-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')-Aa1"

stop() { docker rm -f "$name" >/dev/null 2>&1 || true; }
trap stop EXIT

echo "== Starting SQL Server 2022 ($image) on 127.0.0.1:$port"
docker run -d --name "$name" -e ACCEPT_EULA=Y -e MSSQL_PID=Developer -e "MSSQL_SA_PASSWORD=$password" \
  -p "127.0.0.1:$port:1433" "$image" >/dev/null

echo "== Waiting for it to accept connections"
ready=""
for _ in $(seq 1 90); do
  for sqlcmd in /opt/mssql-tools18/bin/sqlcmd /opt/mssql-tools/bin/sqlcmd; do
    if docker exec "$name" "$sqlcmd" -C -S localhost -U sa -P "$password" -Q "SELECT 1" >/dev/null 2>&1; then
      ready=1
      break 2
    fi
  done
  [ "$(docker inspect -f '{{.State.Running}}' "$name" 2>/dev/null)" = true ] || break
  sleep 2
done
if [ -z "$ready" ]; then
  echo "test-sqlserver: SQL Server did not start (it stopped, or 3 minutes passed). Its log:" >&2
  docker logs "$name" 2>&1 | tail -n 40 >&2
  exit 1
fi

export PLACEMENTBROKER_TEST_SERVER_DATABASE=SqlServer
export PLACEMENTBROKER_TEST_SQLSERVER="Server=127.0.0.1,$port;User ID=sa;Password=$password;TrustServerCertificate=true;Encrypt=false"

echo "== Running the API and race tests on SQL Server"
dotnet test tests/PlacementBroker.Web.Tests --logger "console;verbosity=minimal" \
  --filter "(FullyQualifiedName~ServerTests|FullyQualifiedName~PlacementBroker.Web.Tests.SqlServer)&FullyQualifiedName!~SqlServerRunTests"
