#!/usr/bin/env bash
# The cold-start benchmark's agent: first it notes when it started (epoch ms, in started/ next to this
# script, named after the command), then it records the instruction like the sample agent.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$here/started"
date +%s%3N > "$here/started/${HERMES_COMMAND_ID}.tmp"
mv "$here/started/${HERMES_COMMAND_ID}.tmp" "$here/started/${HERMES_COMMAND_ID}"
cat "${HERMES_INSTRUCTION_FILE}" >> INSTRUCTIONS.md
echo "started"
