#!/bin/sh
# Wrapper that runs aider (https://aider.chat) as a Hermes agent. Hermes gives the instruction in the
# file named by $HERMES_INSTRUCTION_FILE; aider reads it with --message-file, edits the worktree it
# is started in, and exits. Hermes commits and pushes; --no-auto-commits leaves that to Hermes
# (with auto-commits on, aider's own commits are pushed as they are). Not exercised by the test suite.
set -eu
exec aider --yes-always --no-auto-commits --no-pretty --no-stream \
  --message-file "$HERMES_INSTRUCTION_FILE"
