# Sourced by run.sh: starts and stops the gateway (Release build) on a fresh data folder.
# Everything is passed as environment variables, as the gateway's settings allow; nothing in the
# repository's settings changes.

# A free TCP port on 127.0.0.1: one that refuses a connection.
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "load: no free port found" >&2
  return 1
}

# The gateway's settings for this run. Development: a development key ring and the demo data, as
# the README's first command. The per-minute caps (logins, personal records) are raised because a
# load test is thousands of requests a minute from one address and one account; every other check
# (authentication, field matrix, row scopes, access tags, the audit trail) stays as it is.
gateway_environment() {
  export ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development Database__Provider=Sqlite
  export ConnectionStrings__Cloudjet="Data Source=$DATA_DIR/cloudjet.db"
  export ConnectionStrings__CloudjetKeys="Data Source=$DATA_DIR/cloudjet-keys.db"
  export DataProtection__KeyRingPath="$DATA_DIR/keys"
  export RateLimits__PersonalRecordsPerMinute=10000000
  export RateLimits__LoginsPerAccountPerMinute=1000000
  export RateLimits__LoginsPerAddressPerMinute=1000000
  # Information-level console logs would cost the gateway CPU that the figures should not include.
  export Logging__LogLevel__Default=Warning
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
}

start_gateway() {
  PORT=$(free_port)
  BASE_URL="http://127.0.0.1:$PORT"
  (cd "$REPO/src/CloudjetGraph.Api" && exec dotnet "$API_DLL" --urls "$BASE_URL") >"$DATA_DIR/gateway.log" 2>&1 &
  GATEWAY_PID=$!
  for _ in $(seq 1 240); do
    if curl -fs "$BASE_URL/health/ready" >/dev/null 2>&1; then
      return 0
    fi
    if ! kill -0 "$GATEWAY_PID" 2>/dev/null; then
      echo "load: the gateway stopped during startup; its log:" >&2
      cat "$DATA_DIR/gateway.log" >&2
      return 1
    fi
    sleep 0.5
  done
  echo "load: the gateway was not ready within 2 minutes" >&2
  return 1
}

stop_gateway() {
  if [[ -n "${GATEWAY_PID:-}" ]] && kill -0 "$GATEWAY_PID" 2>/dev/null; then
    kill "$GATEWAY_PID"
    wait "$GATEWAY_PID" 2>/dev/null || true
  fi
}

# A development staff token from the Cli's token command, which reads the same key ring and refuses
# any other kind of ring.
staff_token() { # staff_token ROLE SUBJECT
  (cd "$REPO/src/CloudjetGraph.Api" && dotnet "$CLI_DLL" token --role "$1" --sub "$2")
}

# POSTs one GraphQL body with an optional token and prints the response.
graphql() { # graphql TOKEN BODY
  curl -fsS "$BASE_URL/graphql" -H 'Content-Type: application/json' \
    ${1:+-H "Authorization: Bearer $1"} -d "$2"
}
