#!/bin/sh
# An agent that always fails, to watch retries and the dead-letter queue: each attempt notes itself
# in ATTEMPTS.md (so every attempt leaves a "WIP: … [attempt N failed]" commit) and exits 1.
set -eu
echo "- $HERMES_COMMAND_ID attempt ${HERMES_ATTEMPT:-?}" >> ATTEMPTS.md
echo "this agent always fails (attempt ${HERMES_ATTEMPT:-?})"
exit 1
