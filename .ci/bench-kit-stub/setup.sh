#!/usr/bin/env bash
# Stand-in for the bench kit's setup (CI checks run-bench.sh's own steps, not the kit): installs nothing.
exit 0
