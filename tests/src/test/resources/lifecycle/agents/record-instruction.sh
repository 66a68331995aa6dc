#!/usr/bin/env bash
# A tiny agent for the sample project: it records each instruction in INSTRUCTIONS.md, so every
# command leaves a commit. Hermes runs it in the thread's worktree with the instruction on stdin
# and in the file named by $HERMES_INSTRUCTION_FILE (never through a shell string).
set -euo pipefail
{
  printf '## %s (%s)\n\n' "${HERMES_COMMAND_ID:-unknown}" "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  cat "${HERMES_INSTRUCTION_FILE:-/dev/stdin}"
  printf '\n\n'
} >> INSTRUCTIONS.md
echo "Recorded the instruction in INSTRUCTIONS.md"
