#!/usr/bin/env bash
# The main job on a fresh machine: install, start the local Neo4j (or use NEO4J_URI), ingest the sample
# corpus (graph/articles; unchanged articles are skipped on later runs) and serve the viewer on
# http://localhost:3000 until Ctrl-C. The local Neo4j keeps running afterwards: `node bin/speakergraph.js db stop`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
node bin/speakergraph.js db start
node bin/speakergraph.js ingest graph/articles
exec node bin/speakergraph.js serve
