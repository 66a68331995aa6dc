#!/bin/sh
# Wrapper that runs Claude Code non-interactively as a Hermes agent: the instruction arrives on stdin
# (print mode reads the prompt from it), edits are accepted without asking, and the final answer is
# written to $HERMES_SUMMARY_FILE so it becomes the reply's summary. SIGINT (how Hermes stops an agent)
# ends it like Ctrl-C. ANTHROPIC_API_KEY comes from the profile's env. Not exercised by the test suite.
set -eu
exec claude -p --permission-mode acceptEdits --output-format text > "$HERMES_SUMMARY_FILE"
