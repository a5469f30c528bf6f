#!/usr/bin/env bash
# Runs every benchmark as a short job (3 to 4 minutes on 2 cores) and leaves the reports in
# BenchmarkDotNet.Artifacts/results. First it checks that the figures mean something (same request bytes
# from all three implementations, all 1,000 tasks and methods generated, nothing emitted on an unrelated
# edit) and prints the exact bytes per call. Pass BenchmarkDotNet arguments to narrow it, such as
#   tests/WebhookTasks.Benchmarks/run.sh --filter '*PerCall*'
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
echo "load before: $(uptime)"
dotnet build -c Release --nologo -v quiet
dotnet run -c Release --no-build -- --check
if [ $# -eq 0 ]; then
  set -- --filter '*'
fi
dotnet run -c Release --no-build -- --job short "$@"
echo "load after: $(uptime)"
