#!/usr/bin/env bash
# Coverage-guided fuzzing of the query parser and binder: SharpFuzz instruments Cql.Engine.dll, AFL++ mutates the
# seed queries in seeds/ towards new code paths. Crashes land in $OUT/default/crashes; each is an input to keep in
# Cql.Tests/Fuzzing/regressions.txt once fixed. Usage: scripts/fuzz/run.sh [MINUTES=10] [OUT=/tmp/cql-afl]
set -euo pipefail
cd "$(dirname "$0")"
minutes="${1:-10}"
out="${2:-/tmp/cql-afl}"
command -v afl-fuzz >/dev/null || { echo "installing afl++ (Debian package)"; apt-get install -y -qq afl++ >/dev/null; }
[ -f .config/dotnet-tools.json ] || { dotnet new tool-manifest -o . >/dev/null; dotnet tool install SharpFuzz.CommandLine --version 2.3.0 >/dev/null; }
dotnet tool restore >/dev/null
dotnet publish -c Release -o bin/fuzz Cql.Fuzz.csproj >/dev/null
dotnet tool run sharpfuzz bin/fuzz/Cql.Engine.dll
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
timeout --preserve-status $((minutes * 60)) afl-fuzz -i seeds -o "$out" -t 5000 -m none -- dotnet bin/fuzz/Cql.Fuzz.dll || true
echo "crashes: $(find "$out/default/crashes" -type f -name 'id:*' 2>/dev/null | wc -l), hangs: $(find "$out/default/hangs" -type f -name 'id:*' 2>/dev/null | wc -l)"
