#!/usr/bin/env bash
# Sustained command throughput and latency of `keten serve` on PostgreSQL over loopback.
# Usage: KETEN_PG_URL=jdbc:postgresql://127.0.0.1:5432/keten?user=…&password=… keten-bench/scripts/server-load.sh [CLIENTS] [SECONDS]
# Each run uses a fresh schema; the server and the load generator share the machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
clients=${1:-16}
seconds=${2:-30}
port=${KETEN_BENCH_PORT:-18080}
: "${KETEN_PG_URL:?set KETEN_PG_URL to a PostgreSQL JDBC URL}"
db="${KETEN_PG_URL}&currentSchema=bench_$(date +%s)"

[ -f keten-app/target/keten.jar ] && [ -f keten-bench/target/keten-bench.jar ] || mvn -B -q -DskipTests install >/dev/null
password() { ./keten account add "$1" --role "$2" --db "$db" | sed -n 's/.*password: //p'; }
dvz=$(password bench-dvz dvz)
cgvs=$(password bench-cgvs cgvs)

log=$(mktemp)
java ${KETEN_BENCH_SERVER_OPTS:-} -jar keten-app/target/keten.jar serve --port "$port" --no-seed --db "$db" >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break
    sleep 0.5
done
curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null || { cat "$log"; exit 1; }
java -cp keten-bench/target/keten-bench.jar be.keten.bench.server.CommandLoad "http://127.0.0.1:$port" \
    "bench-dvz:$dvz" "bench-cgvs:$cgvs" "$clients" 10 "$seconds"
