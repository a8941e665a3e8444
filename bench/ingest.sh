#!/usr/bin/env bash
# Ingest benchmark (issue 3): a manifest zip of N 64x64 PNGs (default 20000) uploaded and validated
# through the real DatasetService/DatasetValidation on H2, with the heap capped at 512 MB.
# Usage: bench/ingest.sh [images] [work-dir]     (run from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl app-core -am test-compile
./mvnw -B -q -pl app-core dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/ingest-bench.classpath >/dev/null
exec java -Xmx512m -cp "app-core/target/test-classes:app-core/target/classes:$(cat app-core/target/ingest-bench.classpath)" \
    com.spurlab.core.bench.IngestBenchmark "$@"
