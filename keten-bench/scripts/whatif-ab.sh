#!/usr/bin/env bash
# How soon a what-if's two runs answer: submits A and B (belgium-2025-2029.yaml, REPLICATIONS each,
# seeds 1 and 2) back to back to a running `keten serve`, as the what-if page does, and prints for
# each the seconds from submission until 2 replications were done and until it ended (polled every
# 0.25 s through GET /api/simulations/{id}, with curl and sed alone, so that the polling takes next
# to no CPU from the server). Repeat it: the first round also warms the JIT.
# Usage: keten-bench/scripts/whatif-ab.sh USER PASSWORD [REPLICATIONS] [BASE_URL]
#   USER must be allowed to run simulations (an analyst or an agency's account); BASE_URL defaults
#   to http://127.0.0.1:8080.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 USER PASSWORD [REPLICATIONS] [BASE_URL]" >&2; exit 2; }
user=$1 password=$2 replications=${3:-8} base=${4:-http://127.0.0.1:8080}
[[ "$replications" =~ ^[1-9][0-9]*$ ]] || { echo "REPLICATIONS: '$replications' is not a whole number (1 or more)" >&2; exit 2; }

submit() {
  curl -sf -u "$user:$password" -X POST -H 'Content-Type: application/json' \
    -d "{\"scenario\":\"belgium-2025-2029.yaml\",\"replications\":$replications,\"seed\":$1}" "$base/api/simulations" \
    | sed -n 's/^{"id":"\([^"]*\)".*/\1/p'
}
now() { local ns; ns=$(date +%s%N); echo $((ns / 1000000)); }   # milliseconds
seconds() { printf '%d.%d' $(($1 / 1000)) $(($1 % 1000 / 100)); }

t0=$(now)
a=$(submit 1) && [ -n "$a" ] && b=$(submit 2) && [ -n "$b" ] \
  || { echo "$0: the server at $base did not take the runs (user, password, role?)" >&2; exit 1; }
declare -A two done
while [ -z "${done[A]:-}" ] || [ -z "${done[B]:-}" ]; do
  for side in A B; do
    id=$a; [ "$side" = B ] && id=$b
    line=$(curl -sf -u "$user:$password" "$base/api/simulations/$id" \
      | sed -n 's/.*"status":"\([A-Z]*\)".*"replicationsDone":\([0-9]*\).*/\1 \2/p')
    read -r status finished <<< "$line"   # the answer has no final newline, which read would take for a failure
    t=$(seconds $(($(now) - t0)))
    [ -z "${two[$side]:-}" ] && [ "$finished" -ge 2 ] && two[$side]=$t
    if [ -z "${done[$side]:-}" ] && [ "$status" != QUEUED ] && [ "$status" != RUNNING ]; then done[$side]="$t ($status)"; fi
  done
  sleep 0.25
done
echo "A: 2 replications done at ${two[A]:--} s, ended at ${done[A]} s; B: 2 replications done at ${two[B]:--} s, ended at ${done[B]} s"
