#!/usr/bin/env bash
# Builds Qorgau, loads the demonstration data into the embedded SQLite database (./data/qorgau.db)
# and serves the app. QORGAU_URLS changes the address (default http://127.0.0.1:5080).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Production refuses the demo accounts (their password is public); the demo runs in its own environment.
export ASPNETCORE_ENVIRONMENT=Demo
echo "Building Qorgau..."
dotnet build src/Qorgau.Web -c Release -nologo -v quiet
app=src/Qorgau.Web/bin/Release/net10.0/qorgau
"$app" demo
exec "$app" --urls "${QORGAU_URLS:-http://127.0.0.1:5080}"
