#!/usr/bin/env bash
# The main job on a fresh machine: install, start the local Neo4j (or use NEO4J_URI) and report it ready.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
node bin/speakergraph.js db start
node bin/speakergraph.js db status
