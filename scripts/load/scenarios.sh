# Sourced by run.sh: writes one request file per scenario (lines of "token<TAB>json body", read
# by requests.lua) into $DATA_DIR/scenarios, after checking that each distinct request answers
# 200 without errors, so that a run never measures refusals.

SCENARIOS_SERVED="floor support-profile page-ids page-personal login mixed"

# Requests the gateway refuses, to measure what a refusal costs it and its audit trail: an anonymous
# page, and a sales page of fields the matrix withholds from sales.
SCENARIOS_REFUSED="refused-anonymous denied-fields"

# A page past the anti-scraping cap: the personal page by a management caller who has used up its
# minute's personal records. The run raises the cap for the scenarios above, so this one is measured
# after the gateway restarts with the default cap (every other setting as before).
SCENARIOS_CAPPED="page-capped"
SCENARIOS_ALL="$SCENARIOS_SERVED $SCENARIOS_REFUSED $SCENARIOS_CAPPED"

PERSONAL_FIELDS="fullName email phone skype department jobTitle loginEmail"

body() { # body QUERY [VARIABLES_JSON]: the JSON body of a GraphQL request
  jq -cn --arg query "$1" --argjson variables "${2:-null}" \
    'if $variables == null then {query: $query} else {query: $query, variables: $variables} end'
}

# Fails the run when a request does not answer 200 with data and no errors.
check_request() { # check_request SCENARIO TOKEN BODY
  local response
  if ! response=$(graphql "$2" "$3"); then
    echo "load: $1: the request failed: $3" >&2
    return 1
  fi
  if jq -e 'has("errors") or (.data == null)' >/dev/null <<<"$response"; then
    echo "load: $1: the answer has errors: $(head -c 400 <<<"$response")" >&2
    return 1
  fi
}

# Fails the run when a request of a refusal scenario is not refused with CODE.
check_refused() { # check_refused SCENARIO TOKEN BODY CODE
  local response
  if ! response=$(curl -sS "$BASE_URL/graphql" -H 'Content-Type: application/json' ${2:+-H "Authorization: Bearer $2"} -d "$3"); then
    echo "load: $1: the request failed: $3" >&2
    return 1
  fi
  if ! jq -e --arg code "$4" '[.errors[]?.extensions.code] | index($code)' >/dev/null <<<"$response"; then
    echo "load: $1: expected $4, got: $(head -c 400 <<<"$response")" >&2
    return 1
  fi
}

add_line() { # add_line SCENARIO TOKEN BODY
  printf '%s\t%s\n' "$2" "$3" >>"$SCENARIO_DIR/$1.txt"
}

write_scenarios() {
  SCENARIO_DIR="$DATA_DIR/scenarios"
  mkdir -p "$SCENARIO_DIR"
  local management sales support capped
  management=$(staff_token management management-demo)
  capped=$(staff_token management management-capped)
  sales=$(staff_token sales sales-demo)
  support=$(staff_token support support-demo)

  # Ten profiles that support reaches, read by id in turn (the person key cache holds them all, as
  # it would hold a support desk's working set).
  local support_ids
  mapfile -t support_ids < <(graphql "$support" "$(body '{ profiles(first: 10) { nodes { id } } }')" | jq -r '.data.profiles.nodes[].id')
  if [[ ${#support_ids[@]} -lt 10 ]]; then
    echo "load: support reaches fewer than 10 profiles" >&2
    return 1
  fi

  local floor_body ids_body personal_body login_body sales_body management_body
  floor_body=$(body '{ __typename }')
  ids_body=$(body '{ profiles(first: 50) { nodes { id createdAt } } }')
  personal_body=$(body "{ profiles(first: 50) { nodes { id createdAt $PERSONAL_FIELDS } } }")
  login_body=$(body 'mutation { login(email: "an.nguyen@saomaiviet.vn", password: "demo-owner-2019") { token } }')
  # Sales may not read skype or loginEmail; support sees phone masked.
  management_body=$(body "{ profiles(first: 20) { totalCount nodes { id $PERSONAL_FIELDS organization { name } } } }")
  sales_body=$(body '{ profiles(first: 20) { nodes { id fullName email phone department jobTitle } } }')

  add_line floor "" "$floor_body"
  add_line refused-anonymous "" "$personal_body"
  add_line denied-fields "$sales" "$(body '{ profiles(first: 50) { nodes { id skype loginEmail } } }')"
  add_line page-ids "$management" "$ids_body"
  add_line page-personal "$management" "$personal_body"
  add_line page-capped "$capped" "$personal_body"
  add_line login "" "$login_body"
  local id support_body
  for id in "${support_ids[@]}"; do
    support_body=$(body 'query($id: ID!) { profile(id: $id) { id fullName email phone } }' "{\"id\":\"$id\"}")
    add_line support-profile "$support" "$support_body"
    # The mix: one request of each staff role in turn.
    add_line mixed "$management" "$management_body"
    add_line mixed "$sales" "$sales_body"
    add_line mixed "$support" "$support_body"
  done

  # Split on the first tab by hand: read would drop an empty token (a tab is whitespace to IFS).
  local scenario line
  for scenario in $SCENARIOS_SERVED; do
    while IFS= read -r line; do
      check_request "$scenario" "${line%%$'\t'*}" "${line#*$'\t'}" || return 1
    done < <(sort -u "$SCENARIO_DIR/$scenario.txt")
  done
  check_refused refused-anonymous "" "$personal_body" AUTH_NOT_AUTHENTICATED || return 1
  check_refused denied-fields "$sales" "$(body '{ profiles(first: 50) { nodes { id skype loginEmail } } }')" AUTH_NOT_AUTHORIZED || return 1
}

# Pages as the capped caller until one is refused RATE_LIMITED: it has then used up its minute's
# personal records under the gateway's own cap (1,000 by default, twenty pages of 50). At the end of
# the minute the first pages of the next are served again, as the cap intends.
spend_personal_record_cap() {
  local line token request
  line=$(head -n 1 "$SCENARIO_DIR/page-capped.txt")
  token=${line%%$'\t'*}
  request=${line#*$'\t'}
  for _ in $(seq 1 200); do
    if curl -fsS "$BASE_URL/graphql" -H 'Content-Type: application/json' -H "Authorization: Bearer $token" -d "$request" \
      | jq -e '[.errors[]?.extensions.code] | index("RATE_LIMITED")' >/dev/null; then
      return 0
    fi
  done
  echo "load: page-capped: 200 pages were served without reaching the personal-record cap" >&2
  return 1
}
