#!/usr/bin/env bash
# Adds a migration with the same name to all three database providers, so their schemas never drift.
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build src/PlacementBroker.Web -v q -nologo >/dev/null
for provider in Sqlite SqlServer PostgreSql; do
  echo "Adding $name for $provider"
  dotnet ef migrations add "$name" --no-build \
    --project "src/PlacementBroker.Migrations.$provider" \
    --startup-project src/PlacementBroker.Web \
    --output-dir Migrations \
    -- --PlacementBroker:Database:Provider=$provider \
       --ConnectionStrings:PlacementBroker="$(case $provider in
          Sqlite) echo 'Data Source=design-time.db';;
          SqlServer) echo 'Server=localhost;Database=PlacementBroker;Trusted_Connection=True;TrustServerCertificate=True';;
          PostgreSql) echo 'Host=localhost;Database=placementbroker';;
        esac)"
done
