#!/usr/bin/env bash
# wait-for.sh URL [seconds]: polls URL until it answers 200 (used by scripts and CI smoke checks).
url=$1; limit=${2:-120}
for _ in $(seq 1 "$limit"); do curl -fsS -o /dev/null "$url" 2>/dev/null && exit 0; sleep 1; done
echo "timed out waiting for $url" >&2; exit 1
