#!/usr/bin/env bash
# Load test of the gateway with wrk: builds Release, starts the gateway on 127.0.0.1 on
# a free port and a fresh temporary data folder (Development: demo data, development key ring),
# mints the staff tokens with the Cli, warms up, then measures each scenario in turn and prints a
# table; the same figures go to a JSON file. Compare figures only within one run: on a shared
# 2-core machine wrk and the gateway share the CPU, and other work moves the absolute numbers.
#
#   scripts/load/run.sh [--duration 10s] [--connections 32] [--threads 2] [--warmup 3s]
#                       [--scenarios "floor support-profile ..."] [--out FILE] [--no-build]
#                       [--provider sqlite|postgres|both] [--profiles N] [--trace DIR]
#
# --provider postgres runs the gateway on a throwaway PostgreSQL server (.ci/postgres, durable
# defaults, on disk) instead of SQLite files; both measures SQLite, then PostgreSQL, in one run,
# and prints each scenario's PostgreSQL rate beside SQLite's.
# --trace DIR samples the gateway's threads with dotnet-trace (the repository's local tool) for the
# whole of each measured scenario, writes DIR/PROVIDER-SCENARIO.nettrace and prints where the busy
# threads spent their time (busy-frames.py). Sampling slows the gateway: take rates from an untraced run.
# --profiles N runs the data-size scenarios instead (datasize.sh): the same reads over N seeded
# profiles and over the 200 demo profiles, in one run, side by side.
#
# The audit trail is always on: the gateway has no setting that turns it off, by design (every
# release is committed to the trail before its response). Its cost is measured in process against
# a benchmark-only no-op sink: see docs/performance.md, "The audit trail".
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$REPO/scripts/load"
source "$HERE/gateway.sh"
source "$HERE/scenarios.sh"
source "$HERE/report.sh"
source "$HERE/datasize.sh"
source "$HERE/postgres.sh"

DURATION=10s CONNECTIONS=32 THREADS=2 WARMUP=3s BUILD=1 PROFILES= PROVIDER=sqlite TRACE_DIR=
SCENARIOS="$SCENARIOS_ALL"
OUT="${TMPDIR:-/tmp}/cloudjet-load-$(date -u +%Y%m%dT%H%M%SZ).json"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) DURATION=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --scenarios) SCENARIOS=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --profiles) PROFILES=$2; shift 2 ;;
    --provider) PROVIDER=$2; shift 2 ;;
    --trace) TRACE_DIR=$(mkdir -p "$2" && cd "$2" && pwd); shift 2 ;;
    -h|--help) sed -n '2,25p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "load: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
for scenario in $SCENARIOS; do
  [[ " $SCENARIOS_ALL " == *" $scenario "* ]] || { echo "load: unknown scenario $scenario; known: $SCENARIOS_ALL" >&2; exit 2; }
done
case "$PROVIDER" in
  sqlite) PROVIDERS=sqlite ;;
  postgres) PROVIDERS=postgres ;;
  both) PROVIDERS="sqlite postgres" ;;
  *) echo "load: --provider is sqlite, postgres or both, not $PROVIDER" >&2; exit 2 ;;
esac
if [[ -n $PROFILES && $PROVIDER != sqlite ]]; then
  echo "load: --profiles runs on SQLite only: the seeder writes SQLite files" >&2
  exit 2
fi
for tool in wrk jq curl sqlite3 dotnet $([[ -n $TRACE_DIR ]] && echo python3); do
  command -v "$tool" >/dev/null || { echo "load: $tool is missing (Debian: apt-get install wrk jq curl sqlite3)" >&2; exit 2; }
done

API_DLL="$REPO/src/CloudjetGraph.Api/bin/Release/net10.0/CloudjetGraph.Api.dll"
CLI_DLL="$REPO/src/CloudjetGraph.Cli/bin/Release/net10.0/cloudjet.dll"
if [[ $BUILD == 1 ]]; then
  echo "load: building Release" >&2
  dotnet build -c Release --nologo -v quiet "$REPO/src/CloudjetGraph.Api" >&2
  dotnet build -c Release --nologo -v quiet "$REPO/src/CloudjetGraph.Cli" >&2
fi

DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/cloudjet-load-XXXXXX")
BASE_DIR=$DATA_DIR
trap 'stop_gateway; stop_postgres; rm -rf "$BASE_DIR"' EXIT

# Rows of the audit trail (entries and their profile rows) in the gateway's database now.
trail_rows() { # trail_rows PROVIDER
  if [[ $1 == postgres ]]; then
    postgres_value 'SELECT (SELECT COUNT(*) FROM "AuditEntries") + (SELECT COUNT(*) FROM "AuditEntryProfiles")'
  else
    sqlite3 "$DATA_DIR/cloudjet.db" "SELECT (SELECT COUNT(*) FROM AuditEntries) + (SELECT COUNT(*) FROM AuditEntryProfiles)"
  fi
}

measure() { # measure SCENARIO DURATION RESULT_FILE
  LOAD_REQUESTS="$SCENARIO_DIR/$1.txt" LOAD_RESULT="$3" \
    wrk -t "$THREADS" -c "$CONNECTIONS" -d "$2" --timeout 5s -s "$HERE/requests.lua" "$BASE_URL" >/dev/null
}

# measure, with the gateway's CPU sampled while wrk runs, then its top frames printed.
measure_traced() { # measure_traced SCENARIO DURATION RESULT_FILE TRACE_FILE
  local seconds
  case $2 in
    *s) seconds=${2%s} ;;
    *m) seconds=$((${2%m} * 60)) ;;
    *) seconds=$2 ;;
  esac
  (cd "$REPO" && dotnet dotnet-trace collect -p "$GATEWAY_PID" --profile dotnet-common,dotnet-sampled-thread-time -o "$4" \
    --duration "$(printf '00:00:%02d:%02d' $((seconds / 60)) $((seconds % 60)))" >"$4.log" 2>&1) &
  local tracer=$!
  sleep 1 # the session attaches before the load starts; it ends about a second before wrk does
  measure "$1" "$2" "$3"
  wait "$tracer"
  (cd "$REPO" && dotnet dotnet-trace convert "$4" --format Speedscope -o "${4%.nettrace}" >/dev/null)
  echo "load: $(basename "$4" .nettrace), busy time by frame" >&2
  python3 "$HERE/busy-frames.py" "${4%.nettrace}.speedscope.json" 30 >&2
}

if [[ -n $PROFILES ]]; then
  run_data_size "$PROFILES"
  exit 0
fi

# Measures one scenario on the running gateway into results.jsonl, with the trail rows it added.
measure_scenario() { # measure_scenario PROVIDER SCENARIO
  local trail_before trail_after
  echo "load: $2 on $1 for $DURATION" >&2
  trail_before=$(trail_rows "$1")
  if [[ -n $TRACE_DIR ]]; then
    measure_traced "$2" "$DURATION" "$DATA_DIR/$2.json" "$TRACE_DIR/$1-$2.nettrace"
  else
    measure "$2" "$DURATION" "$DATA_DIR/$2.json"
  fi
  trail_after=$(trail_rows "$1")
  jq -c --arg scenario "$2" --arg provider "$1" --argjson before "$trail_before" --argjson after "$trail_after" \
    '{scenario: $scenario, provider: $provider} + . + {trailRowsPer1000: ((($after - $before) / .requests * 1000 * 10 | round) / 10)}' \
    "$DATA_DIR/$2.json" >>"$BASE_DIR/results.jsonl"
}

# Starts a gateway on PROVIDER's fresh databases, warms up and measures every scenario into
# results.jsonl, and stops it. A capped scenario comes last, on the same databases after the
# gateway restarts with its own personal-record cap.
measure_provider() { # measure_provider PROVIDER
  DATA_DIR="$BASE_DIR/$1"
  mkdir -p "$DATA_DIR"
  gateway_environment
  if [[ $1 == postgres ]]; then
    start_postgres
    postgres_environment
  fi
  echo "load: starting the gateway on fresh $1 databases ($DATA_DIR)" >&2
  start_gateway
  write_scenarios

  local scenario uncapped=() capped=()
  for scenario in $SCENARIOS; do
    if [[ " $SCENARIOS_CAPPED " == *" $scenario "* ]]; then capped+=("$scenario"); else uncapped+=("$scenario"); fi
  done
  echo "load: warming up ($WARMUP per scenario)" >&2
  for scenario in "${uncapped[@]}"; do
    measure "$scenario" "$WARMUP" "$DATA_DIR/warmup.json"
  done
  for scenario in "${uncapped[@]}"; do
    measure_scenario "$1" "$scenario"
  done
  if [[ ${#capped[@]} -gt 0 ]]; then
    stop_gateway
    unset RateLimits__PersonalRecordsPerMinute
    echo "load: restarting the gateway with its own personal-record cap" >&2
    start_gateway
    spend_personal_record_cap
    for scenario in "${capped[@]}"; do
      measure "$scenario" "$WARMUP" "$DATA_DIR/warmup.json"
      measure_scenario "$1" "$scenario"
    done
  fi
  stop_gateway
  stop_postgres
}

if [[ -n $TRACE_DIR ]]; then
  (cd "$REPO" && dotnet tool restore >/dev/null)
fi
LOAD_AT_START=$(uptime | sed 's/.*load average: //')
: >"$BASE_DIR/results.jsonl"
for provider in $PROVIDERS; do
  measure_provider "$provider"
done
LOAD_AT_END=$(uptime | sed 's/.*load average: //')

jq -s \
  --arg at "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
  --arg commit "$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
  --arg machine "$(nproc) cores, $(uname -sr), .NET $(dotnet --version)" \
  --arg loadAtStart "$LOAD_AT_START" --arg loadAtEnd "$LOAD_AT_END" \
  --arg duration "$DURATION" --argjson connections "$CONNECTIONS" --argjson threads "$THREADS" '
  def ratio($a; $b): if $a and $b then ($a / $b * 1000 | round / 1000) else null end;
  def rates($provider): map(select(.provider == $provider) | {key: .scenario, value: .requestsPerSecond}) | from_entries;
  (rates("sqlite")) as $sqlite | (rates("postgres")) as $postgres
  | {at: $at, commit: $commit, machine: $machine, loadAtStart: $loadAtStart, loadAtEnd: $loadAtEnd,
     durationSeconds: ($duration | rtrimstr("s") | tonumber? // $duration), connections: $connections, threads: $threads,
     results: .,
     ratios: (([{provider: "sqlite", rps: $sqlite}, {provider: "postgres", rps: $postgres}] | map(select(.rps != {})) | map(.provider as $p | .rps as $rps | {
       "\($p): page-personal / page-ids": ratio($rps["page-personal"]; $rps["page-ids"]),
       "\($p): page-capped / page-ids": ratio($rps["page-capped"]; $rps["page-ids"]),
       "\($p): page-ids / floor": ratio($rps["page-ids"]; $rps["floor"]),
       "\($p): refused-anonymous / page-ids": ratio($rps["refused-anonymous"]; $rps["page-ids"]),
       "\($p): denied-fields / page-ids": ratio($rps["denied-fields"]; $rps["page-ids"])
     }) | add // {})
       + ($sqlite | keys_unsorted | map({key: "postgres / sqlite: \(.)", value: ratio($postgres[.]; $sqlite[.])}) | from_entries)
       | with_entries(select(.value != null)))}' "$BASE_DIR/results.jsonl" >"$OUT"

print_table "$OUT"
echo "load: figures written to $OUT" >&2
