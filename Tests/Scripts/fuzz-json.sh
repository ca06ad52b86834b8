#!/usr/bin/env bash
# The long fuzz run of the strict JSON reader: 1,000,000 mutated payloads in release mode.
# Override with LEARNING_FUZZ_ITERATIONS=N and LEARNING_FUZZ_SEED=S (a failure prints its seed and case).
# Extra arguments go to `swift test` (for example --scratch-path).
set -euo pipefail
cd "$(dirname "$0")/../.."
export LEARNING_FUZZ_ITERATIONS="${LEARNING_FUZZ_ITERATIONS:-1000000}"
echo "fuzz-json: ${LEARNING_FUZZ_ITERATIONS} iterations, seed ${LEARNING_FUZZ_SEED:-default}" >&2
exec swift test -c release --filter 'LearningContractTests.JSONFuzzTests' "$@"
