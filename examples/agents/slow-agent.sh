#!/bin/sh
# A slow agent, to watch interrupts: it works in steps, appending one line per step to PROGRESS.md,
# so there is always work in progress to checkpoint. Hermes stops an agent with SIGINT (as Ctrl-C
# does); this one then says where it stopped and exits. Run again on the same branch (a resumed or
# retried command) it carries on after the steps the command already did.
#
# Pace: SLOW_AGENT_STEP_SECONDS (default 1) per step; SLOW_AGENT_STEPS steps (default 10), or the
# number on an instruction line "steps: N". SLOW_AGENT_PID_DIR, if set, receives {commandId}.pid.
set -u
steps=$(sed -n 's/^steps: *\([0-9][0-9]*\) *$/\1/p' "$HERMES_INSTRUCTION_FILE" | head -n 1)
case "$steps" in ''|*[!0-9]*) steps=${SLOW_AGENT_STEPS:-10} ;; esac
pause=${SLOW_AGENT_STEP_SECONDS:-1}
if [ -n "${SLOW_AGENT_PID_DIR:-}" ]; then
  echo $$ > "$SLOW_AGENT_PID_DIR/$HERMES_COMMAND_ID.pid"
fi
done_before=$(grep -c "^- $HERMES_COMMAND_ID step " PROGRESS.md 2>/dev/null || true)
i=${done_before:-0}
trap 'echo "stopped after step $i of $steps"; exit 130' INT TERM
while [ "$i" -lt "$steps" ]; do
  i=$((i + 1))
  echo "- $HERMES_COMMAND_ID step $i" >> PROGRESS.md
  sleep "$pause"
done
echo "finished all $steps steps (${done_before:-0} of them before this run)"
