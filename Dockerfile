# syntax=docker/dockerfile:1
#
# PlacementBroker web host image.
#
#   docker build -t placementbroker-web .
#   docker compose up --build            (SQL Server + Redis + app, see docker-compose.yml)
#
# Stages:
#   node   - official Node.js 20 image, used only as a source of the node/npm binaries.
#   build  - .NET 10 SDK + Node.js 20; restores, then publishes src/PlacementBroker.Web
#            (its build runs `npm ci` to copy the govuk-frontend assets into wwwroot).
#   final  - ASP.NET Core 10 runtime, non-root, listening on 8080.

ARG DOTNET_VERSION=10.0
ARG NODE_VERSION=20

# ---------------------------------------------------------------------------
# Node.js 20 source.
# The .NET 10 images are Ubuntu 24.04 (noble) based, and noble's apt `nodejs`
# package is Node 18, so Node 20 is taken from the official node image instead.
# ---------------------------------------------------------------------------
FROM node:${NODE_VERSION}-bookworm-slim AS node

# ---------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build

# Node.js 20 + npm (the node binary is self-contained apart from glibc/libstdc++,
# which the SDK image already has). npm/npx are symlinks in the node image, so they
# are recreated here rather than copied (COPY would dereference them).
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version

ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

WORKDIR /source

# 1) Restore as its own layer: only the SDK pin, the shared MSBuild props and the
#    project files of the web host and everything it references. This layer (and the
#    NuGet package cache inside it) is reused until one of these files changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/PlacementBroker.Core/PlacementBroker.Core.csproj                                   src/PlacementBroker.Core/
COPY src/PlacementBroker.Migrations.Sqlite/PlacementBroker.Migrations.Sqlite.csproj         src/PlacementBroker.Migrations.Sqlite/
COPY src/PlacementBroker.Migrations.SqlServer/PlacementBroker.Migrations.SqlServer.csproj   src/PlacementBroker.Migrations.SqlServer/
COPY src/PlacementBroker.Migrations.PostgreSql/PlacementBroker.Migrations.PostgreSql.csproj src/PlacementBroker.Migrations.PostgreSql/
COPY src/PlacementBroker.Web/PlacementBroker.Web.csproj                                     src/PlacementBroker.Web/
RUN dotnet restore src/PlacementBroker.Web/PlacementBroker.Web.csproj

# 2) Sources + demo seed data (the Web project includes ..\..\seed\** as content,
#    published to /app/seed).
COPY src/ src/
COPY seed/ seed/
COPY docs/guides/ docs/guides/

# 3) Publish. The Web project's build runs `npm ci` (package.json + package-lock.json
#    in src/PlacementBroker.Web); the npm download cache is a BuildKit cache mount so
#    it survives source changes without ending up in a layer.
RUN --mount=type=cache,id=placementbroker-npm,target=/root/.npm \
    dotnet publish src/PlacementBroker.Web/PlacementBroker.Web.csproj \
        -c Release \
        -o /app \
        --no-restore \
        -p:UseAppHost=false

# ---------------------------------------------------------------------------
# Runtime
# ---------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS final

# curl is only for the container health check (docker-compose.yml probes
# http://localhost:8080/health/ready); the aspnet image ships neither curl nor wget.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl ca-certificates \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Writable data folder under the content root: the SQLite database (default provider)
# and the ASP.NET Core data-protection key ring live here. Owned by the image's
# non-root `app` user ($APP_UID = 1654); a named volume mounted here inherits this
# ownership on first use.
RUN mkdir -p /app/App_Data && chown "$APP_UID":"$APP_UID" /app/App_Data

COPY --from=build /app ./

# The base image sets ASPNETCORE_HTTP_PORTS=8080; it is cleared so that Kestrel does not
# log an "overriding HTTP_PORTS" warning when ASPNETCORE_URLS is used.
ENV ASPNETCORE_HTTP_PORTS= \
    ASPNETCORE_URLS=http://+:8080 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1

EXPOSE 8080

USER $APP_UID

# No HEALTHCHECK here on purpose: it is declared in docker-compose.yml
# (curl -fsS http://localhost:8080/health/ready) so orchestrators can choose their own.
ENTRYPOINT ["dotnet", "PlacementBroker.Web.dll"]
