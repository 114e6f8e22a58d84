# Sourced by run.sh for --provider postgres: a throwaway PostgreSQL server (.ci/postgres, with
# PostgreSQL's durable defaults on disk) holding the gateway's two databases, made afresh for each
# gateway run as the SQLite files are.

start_postgres() {
  local exports
  exports=$("$REPO/.ci/postgres" start --durable) || { echo "load: PostgreSQL did not start" >&2; return 1; }
  eval "$exports"
  POSTGRES_DATA=$CLOUDJET_TEST_POSTGRES_DATA
  POSTGRES_RUNS=0
}

stop_postgres() {
  if [[ -n "${POSTGRES_DATA:-}" ]]; then
    "$REPO/.ci/postgres" stop "$POSTGRES_DATA"
    POSTGRES_DATA=
  fi
}

# Points the gateway at two new databases on the server; the gateway creates them and migrates.
postgres_environment() {
  POSTGRES_RUNS=$((POSTGRES_RUNS + 1))
  POSTGRES_DATABASE="cloudjet_load_$POSTGRES_RUNS"
  export Database__Provider=Postgres
  export ConnectionStrings__Cloudjet="$CLOUDJET_TEST_POSTGRES;Database=$POSTGRES_DATABASE"
  export ConnectionStrings__CloudjetKeys="$CLOUDJET_TEST_POSTGRES;Database=${POSTGRES_DATABASE}_keys"
}

# Runs one SQL statement in the gateway's profile database and prints its single value.
postgres_value() { # postgres_value SQL
  local setting host port user password
  for setting in ${CLOUDJET_TEST_POSTGRES//;/ }; do
    case "$setting" in
      Host=*) host=${setting#Host=} ;;
      Port=*) port=${setting#Port=} ;;
      Username=*) user=${setting#Username=} ;;
      Password=*) password=${setting#Password=} ;;
    esac
  done
  PGPASSWORD=$password "$CLOUDJET_TEST_POSTGRES_BIN/psql" -h "$host" -p "$port" -U "$user" -d "$POSTGRES_DATABASE" -tAc "$1"
}
