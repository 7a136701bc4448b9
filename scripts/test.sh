#!/usr/bin/env bash
# The whole test suite on a fresh machine: install (with Chromium), type-check, lint, run every test
# against a real Neo4j (started by the tests themselves unless NEO4J_URI is set).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
npm run --silent lint
mkdir -p test-output
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-output/vitest.json || status=$?
# One plain closing line that any CI can read.
node -e '
  const r = JSON.parse(require("fs").readFileSync("test-output/vitest.json", "utf8"));
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed`);
' || true
exit $status
