# Sourced by run.sh: the table printed at the end, from the JSON the run wrote.

print_table() { # print_table RESULT_JSON
  jq -r '
    def pad($n): tostring | (" " * ([$n - length, 0] | max)) + .;
    (.results | map(select(.scenario == "floor") | {key: .provider, value: .requestsPerSecond}) | from_entries) as $floor
    | "Load at start: \(.loadAtStart)   at end: \(.loadAtEnd)",
      "\(.threads) threads, \(.connections) connections, \(.durationSeconds) s per scenario, \(.machine)",
      "",
      "\("scenario" | . + " " * (19 - length))\("provider" | . + " " * (10 - length))\("req/s" | pad(10))\("of floor" | pad(10))\("p50 ms" | pad(9))\("p99 ms" | pad(9))\("errors" | pad(8))\("trail rows/1k" | pad(15))",
      (.results[] |
        "\(.scenario + " " * (19 - (.scenario | length)))\(.provider + " " * (10 - (.provider | length)))\(.requestsPerSecond | floor | pad(10))\($floor[.provider] as $f | if $f then (.requestsPerSecond / $f * 100 | floor / 100) else "-" end | pad(10))\(.latencyMs.p50 | pad(9))\(.latencyMs.p99 | pad(9))\((.errors | add) | pad(8))\(.trailRowsPer1000 | pad(15))"),
      "",
      (.ratios | to_entries[] | "\(.key): \(.value)")
  ' "$1"
}
