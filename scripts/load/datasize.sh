# Sourced by run.sh for --profiles N: the same reads on a gateway over N seeded profiles and on a
# fresh 200-profile gateway, one after the other in the same run, each scenario reported beside
# its 200-profile figure. The N profiles are seeded as sign-up seeds them by the key-job
# benchmark's seeder (tests/CloudjetGraph.Benchmarks, `key-jobs seed`), which keeps the folder in
# $TMPDIR/cloudjet-key-jobs-bench/seed-N; a kept folder is reused, and the gateway migrates it if
# it is older than this build.

SCENARIOS_DATA_SIZE="profile first-page deep-page email organization total-management total-sales sales-first-page sales-deep-page page-personal"

seed_folder() { # seed_folder N: prints the seeded folder, seeding it first when it is not kept
  local folder="${TMPDIR:-/tmp}/cloudjet-key-jobs-bench/seed-$1"
  if [[ ! -f "$folder/seeded" ]]; then
    echo "load: seeding $1 profiles into $folder (once; about 4 minutes per million)" >&2
    dotnet build -c Release --nologo -v quiet "$REPO/tests/CloudjetGraph.Benchmarks" >&2
    dotnet "$REPO/tests/CloudjetGraph.Benchmarks/bin/Release/net10.0/CloudjetGraph.Benchmarks.dll" key-jobs seed --profiles "$1" >&2
  fi
  echo "$folder"
}

# The cursor of the profile at 90% of a listing, read from the database as the gateway encodes it.
deep_cursor() { # deep_cursor WHERE_SQL
  local id
  id=$(sqlite3 "$DATA_DIR/cloudjet.db" \
    "SELECT Id FROM Profiles WHERE $1 ORDER BY Id LIMIT 1 OFFSET (SELECT COUNT(*) * 9 / 10 FROM Profiles WHERE $1)")
  printf 'profile:%s' "$(tr -d '-' <<<"${id,,}")" | base64 -w0
}

write_data_size_scenarios() {
  SCENARIO_DIR="$DATA_DIR/scenarios"
  mkdir -p "$SCENARIO_DIR"
  local management sales support
  management=$(staff_token management management-demo)
  sales=$(staff_token sales sales-demo)
  support=$(staff_token support support-demo)

  local support_ids sales_organizations organization
  mapfile -t support_ids < <(graphql "$support" "$(body '{ profiles(first: 10) { nodes { id } } }')" | jq -r '.data.profiles.nodes[].id')
  mapfile -t sales_organizations < <(graphql "$sales" "$(body '{ organizations { id } }')" | jq -r '.data.organizations[].id')
  organization=$(graphql "$management" "$(body '{ organizations { id } }')" | jq -r '.data.organizations[-1].id')
  local in_sales
  in_sales=$(printf "'%s'," "${sales_organizations[@]^^}")
  in_sales="OrganizationId IN (${in_sales%,})"

  local id
  for id in "${support_ids[@]}"; do
    add_line profile "$support" "$(body 'query($id: ID!) { profile(id: $id) { id fullName email phone } }' "{\"id\":\"$id\"}")"
  done
  add_line first-page "$management" "$(body '{ profiles(first: 50) { nodes { id createdAt } } }')"
  add_line deep-page "$management" "$(body 'query($after: String) { profiles(first: 50, after: $after) { nodes { id createdAt } } }' "{\"after\":\"$(deep_cursor 1)\"}")"
  add_line email "$management" "$(body '{ profiles(first: 5, where: { email: "an.nguyen@saomaiviet.vn" }) { nodes { id fullName } } }')"
  add_line organization "$management" "$(body 'query($org: ID) { profiles(first: 50, where: { organizationId: $org }) { nodes { id createdAt } } }' "{\"org\":\"$organization\"}")"
  add_line total-management "$management" "$(body '{ profiles(first: 1) { totalCount nodes { id } } }')"
  add_line total-sales "$sales" "$(body '{ profiles(first: 1) { totalCount nodes { id } } }')"
  add_line sales-first-page "$sales" "$(body '{ profiles(first: 50) { nodes { id createdAt } } }')"
  add_line sales-deep-page "$sales" "$(body 'query($after: String) { profiles(first: 50, after: $after) { nodes { id createdAt } } }' "{\"after\":\"$(deep_cursor "$in_sales")\"}")"
  add_line page-personal "$management" "$(body "{ profiles(first: 50) { nodes { id createdAt $PERSONAL_FIELDS } } }")"

  local scenario line
  for scenario in $SCENARIOS_DATA_SIZE; do
    while IFS= read -r line; do
      check_request "$scenario" "${line%%$'\t'*}" "${line#*$'\t'}" || return 1
    done < <(sort -u "$SCENARIO_DIR/$scenario.txt")
  done
}

# Starts a gateway on DATA_DIR, measures every data-size scenario into DATA_DIR/results.jsonl with
# the given size, and stops it.
measure_size() { # measure_size PROFILES
  gateway_environment
  echo "load: starting the gateway on $1 profiles ($DATA_DIR)" >&2
  start_gateway
  write_data_size_scenarios
  local scenario
  for scenario in $SCENARIOS_DATA_SIZE; do
    measure "$scenario" "$WARMUP" "$DATA_DIR/warmup.json"
  done
  for scenario in $SCENARIOS_DATA_SIZE; do
    echo "load: $scenario on $1 profiles for $DURATION" >&2
    measure "$scenario" "$DURATION" "$DATA_DIR/$scenario.json"
    jq -c --arg scenario "$scenario" --argjson profiles "$1" '{scenario: $scenario, profiles: $profiles} + .' "$DATA_DIR/$scenario.json" >>"$RESULTS"
  done
  stop_gateway
}

# The key census, `keys list`, on DATA_DIR with the gateway stopped: its wall time and the peak
# resident memory of the tool's process, appended to DATA_DIR/results.jsonl.
measure_census() { # measure_census PROFILES
  gateway_environment
  echo "load: keys list on $1 profiles" >&2
  local timing
  timing=$(cd "$REPO/src/CloudjetGraph.Api" && { /usr/bin/time -f "%e %M" dotnet "$CLI_DLL" keys list --json >/dev/null; } 2>&1 | tail -1)
  jq -nc --argjson profiles "$1" --arg timing "$timing" \
    '{census: true, profiles: $profiles, seconds: ($timing | split(" ")[0] | tonumber), peakMb: ($timing | split(" ")[1] | tonumber / 1024 | round)}' >>"$RESULTS"
}

print_data_size_table() { # print_data_size_table RESULT_JSON
  jq -r '
    def pad($n): tostring | (" " * ([$n - length, 0] | max)) + .;
    "Load at start: \(.loadAtStart)   at end: \(.loadAtEnd)",
    "\(.threads) threads, \(.connections) connections, \(.durationSeconds) s per scenario, \(.machine)",
    "",
    "\("scenario" | . + " " * (18 - length))\("req/s 200" | pad(11))\("req/s \(.profiles)" | pad(14))\("ratio" | pad(7))\("p50 200" | pad(9))\("p50 \(.profiles)" | pad(12))\("errors" | pad(8))",
    (.scenarios[] |
      "\(.scenario + " " * (18 - (.scenario | length)))\(.small.requestsPerSecond | floor | pad(11))\(.large.requestsPerSecond | floor | pad(14))\(.ratio | pad(7))\(.small.latencyMs.p50 | pad(9))\(.large.latencyMs.p50 | pad(12))\(((.small.errors | add) + (.large.errors | add)) | pad(8))"),
    "",
    "keys list: \(.census.small.seconds) s, \(.census.small.peakMb) MB at 200; \(.census.large.seconds) s, \(.census.large.peakMb) MB at \(.profiles) (memory ratio \(.census.memoryRatio))"
  ' "$1"
}

run_data_size() { # run_data_size PROFILES
  command -v sqlite3 >/dev/null || { echo "load: sqlite3 is missing (Debian: apt-get install sqlite3)" >&2; exit 2; }
  [[ -x /usr/bin/time ]] || { echo "load: /usr/bin/time is missing (Debian: apt-get install time)" >&2; exit 2; }
  local seeded base
  seeded=$(seed_folder "$1")
  base=$DATA_DIR
  RESULTS="$base/results.jsonl"
  : >"$RESULTS"
  LOAD_AT_START=$(uptime | sed 's/.*load average: //')
  DATA_DIR="$base/small"
  mkdir -p "$DATA_DIR"
  measure_size 200
  measure_census 200
  DATA_DIR="$base/large"
  cp -r "$seeded" "$DATA_DIR"
  measure_size "$1"
  measure_census "$1"
  DATA_DIR=$base
  LOAD_AT_END=$(uptime | sed 's/.*load average: //')

  jq -s \
    --arg at "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
    --arg commit "$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
    --arg machine "$(nproc) cores, $(uname -sr), .NET $(dotnet --version)" \
    --arg loadAtStart "$LOAD_AT_START" --arg loadAtEnd "$LOAD_AT_END" \
    --arg duration "$DURATION" --argjson connections "$CONNECTIONS" --argjson threads "$THREADS" --argjson profiles "$1" '
    {at: $at, commit: $commit, machine: $machine, loadAtStart: $loadAtStart, loadAtEnd: $loadAtEnd,
     durationSeconds: ($duration | rtrimstr("s") | tonumber? // $duration), connections: $connections, threads: $threads,
     profiles: $profiles,
     census: (map(select(.census)) | {small: (map(select(.profiles == 200)) | first), large: (map(select(.profiles == $profiles)) | first)}
       | . + {memoryRatio: (.large.peakMb / .small.peakMb * 100 | round / 100)}),
     scenarios: (map(select(.census | not)) | group_by(.scenario) | map({
       scenario: .[0].scenario,
       small: (map(select(.profiles == 200)) | first),
       large: (map(select(.profiles == $profiles)) | first)
     } | . + {ratio: (.large.requestsPerSecond / .small.requestsPerSecond * 100 | round / 100)}))}' "$RESULTS" >"$OUT"
  print_data_size_table "$OUT"
  echo "load: figures written to $OUT" >&2
}
