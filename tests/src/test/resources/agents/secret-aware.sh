#!/bin/sh
# An agent that proves it got its secret variable without ever printing it: it commits the
# SHA-256 of $SECRET_API_KEY, and records the instruction like the sample agent.
set -eu
cat "${HERMES_INSTRUCTION_FILE:-/dev/stdin}" >> INSTRUCTIONS.md
printf '%s' "${SECRET_API_KEY:-}" | sha256sum | cut -d' ' -f1 > SECRET_SEEN.txt
echo "Recorded the instruction; the secret variable was there"
