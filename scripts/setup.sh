#!/usr/bin/env bash
# Installs what speakergraph needs on a fresh Debian machine, then builds it. Safe to re-run.
#   bash scripts/setup.sh            # runtime: Java 17 + Maven (to fetch and run Neo4j), npm packages, build
#   bash scripts/setup.sh --browser  # also Debian's Chromium, for the end-to-end tests
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=0
[[ "${1:-}" == "--browser" ]] && want_browser=1

say() { printf '[setup] %s\n' "$*"; }

apt_updated=0
apt_install() {
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null; then SUDO=sudo; else
      say "missing system packages: $* (install them as root: apt-get install -y $*)"; exit 1
    fi
  else SUDO=""; fi
  if [[ $apt_updated -eq 0 ]]; then $SUDO apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' 2>/dev/null; then
  say "Node.js 20.19 or newer is required (found: $(node --version 2>/dev/null || echo none))"; exit 1
fi

java_major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
if [[ -z "$java_major" || "$java_major" -lt 17 ]] || ! command -v javac >/dev/null; then
  say "installing a Java 17 JDK (Neo4j 5 runs on it)"; apt_install openjdk-17-jdk-headless
fi
if ! command -v mvn >/dev/null; then
  say "installing Maven (fetches Neo4j from the Maven registry)"; apt_install maven
fi
if [[ $want_browser -eq 1 && ! -x /usr/bin/chromium ]]; then
  say "installing Debian's Chromium (end-to-end tests)"; apt_install chromium fonts-dejavu-core
fi

# Install only when the lock file changed since the last install. `npm install` (which keeps to the lock
# file and leaves it unchanged) rather than `npm ci`: npm 11 here writes lock files without other
# platforms' optional packages (e.g. rollup's), and `npm ci` then refuses them as out of sync.
stamp=node_modules/.speakergraph-lock.sha
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f $stamp || "$(cat $stamp)" != "$lock_sum" ]]; then
  say "installing npm packages"
  npm install --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > "$stamp"
fi

say "building"
npm run --silent build
