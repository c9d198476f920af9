#!/usr/bin/env bash
# Sustained command throughput and latency of `keten serve` on PostgreSQL over loopback, and the CPU
# the server, PostgreSQL and the load generator each spend per command.
# Usage: KETEN_PG_URL=jdbc:postgresql://127.0.0.1:5432/keten?user=…&password=… keten-bench/scripts/server-load.sh [CLIENTS] [SECONDS] [WARMUP_SECONDS]
# Each run uses a fresh schema; the server, PostgreSQL and the load generator share the machine.
# WARMUP_SECONDS (90) before the measured window: on 2 vCPUs the server's JIT takes a minute or more
# to settle (the generator prints the throughput of every 10 s of warm-up, and each JVM's JIT share).
# KETEN_BENCH_SERVER_OPTS: JVM options of the server (a profiler, say); KETEN_BENCH_JAR: another
# build of keten.jar to serve (for A/B runs); KETEN_BENCH_PORT: the port (18080);
# KETEN_BENCH_JOB_REPLICATIONS: submit a what-if job of that many replications of
# belgium-2025-2029.yaml 5 s before the warm-up ends, so that it runs through the measured window.
set -euo pipefail
cd "$(dirname "$0")/../.."
clients=${1:-16}
seconds=${2:-30}
warmup=${3:-90}
port=${KETEN_BENCH_PORT:-18080}
jar=${KETEN_BENCH_JAR:-keten-app/target/keten.jar}
job=${KETEN_BENCH_JOB_REPLICATIONS:-}
[[ -z "$job" || "$job" =~ ^[1-9][0-9]*$ ]] || { echo "KETEN_BENCH_JOB_REPLICATIONS: '$job' is not a whole number of replications (1 or more)" >&2; exit 2; }
: "${KETEN_PG_URL:?set KETEN_PG_URL to a PostgreSQL JDBC URL}"
db="${KETEN_PG_URL}&currentSchema=bench_$(date +%s)"

[ -f "$jar" ] && [ -f keten-bench/target/keten-bench.jar ] || mvn -B -q -DskipTests package -pl keten-app,keten-bench -am >/dev/null
password() { java -jar "$jar" account add "$1" --role "$2" --db "$db" | sed -n 's/.*password: //p'; }
dvz=$(password bench-dvz dvz)
cgvs=$(password bench-cgvs cgvs)
[ -z "$job" ] || ana=$(password bench-ana analyst)

log=$(mktemp)
java ${KETEN_BENCH_SERVER_OPTS:-} -jar "$jar" serve --port "$port" --no-seed --db "$db" >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break
    sleep 0.5
done
curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null || { cat "$log"; exit 1; }
if [ -n "$job" ]; then
    ( sleep $((warmup > 5 ? warmup - 5 : 0)); curl -s -u "bench-ana:$ana" -H 'Content-Type: application/json' \
        -d "{\"scenario\":\"belgium-2025-2029.yaml\",\"replications\":$job,\"seed\":1}" -o /dev/null \
        -w 'what-if job submitted: HTTP %{http_code}\n' "http://127.0.0.1:$port/api/simulations" >&2 ) &
fi
# CPU per command of the server (its JVM), of PostgreSQL (every process named postgres) and of the generator.
java -cp keten-bench/target/keten-bench.jar be.keten.bench.server.CommandLoad "http://127.0.0.1:$port" \
    "bench-dvz:$dvz" "bench-cgvs:$cgvs" "$clients" "$warmup" "$seconds" "server=$server" "postgres=@postgres"
