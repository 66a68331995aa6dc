#!/usr/bin/env bash
# A slow agent for the lifecycle tests: it says that it runs (a file named after the command in
# started/), then waits until the test releases it (a file of the same name in released/), then records
# the instruction like the sample agent. The folders sit next to this script.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$here/started" "$here/released"
echo "$$" > "$here/started/${HERMES_COMMAND_ID}"
for _ in $(seq 1 3000); do
  [ -e "$here/released/${HERMES_COMMAND_ID}" ] && break
  sleep 0.1
done
{
  printf '## %s\n\n' "${HERMES_COMMAND_ID}"
  cat "${HERMES_INSTRUCTION_FILE}"
  printf '\n\n'
} >> INSTRUCTIONS.md
echo "Recorded the instruction after release"
