#!/usr/bin/env bash
# Runs every benchmark as a short job (a few minutes on 2 cores) and leaves the reports in
# BenchmarkDotNet.Artifacts/results. Pass BenchmarkDotNet arguments to narrow it, such as
#   tests/WebhookTasks.Benchmarks/run.sh --filter '*PerCall*'
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
dotnet run -c Release -- --job short --filter "${@:-*}" --exporters github
