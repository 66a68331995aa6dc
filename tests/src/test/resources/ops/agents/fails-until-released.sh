#!/bin/sh
# An agent that fails (exit 1) until the file named by $OPS_RELEASE_FILE exists, then records the
# instruction like the sample agent: a command for it is dead-lettered first, and succeeds once it is
# redriven after the release.
set -eu
if [ ! -e "${OPS_RELEASE_FILE:?}" ]; then
  echo "not released yet (attempt ${HERMES_ATTEMPT:-?})"
  exit 1
fi
{
  printf '## %s\n\n' "$HERMES_COMMAND_ID"
  cat "$HERMES_INSTRUCTION_FILE"
  printf '\n\n'
} >> INSTRUCTIONS.md
echo "Released: recorded the instruction"
