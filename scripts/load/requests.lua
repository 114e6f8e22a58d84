-- wrk script: POSTs GraphQL requests read from a file, one per line as "token<TAB>json body"
-- (an empty token sends none). Each thread cycles through the lines, so a file of several
-- lines is a mixed workload in those proportions. At the end it writes one JSON object with the
-- figures to the file named by LOAD_RESULT.

local requests = {}
local next_index = 1
local thread_count = 0

-- Runs once per thread before it starts: numbers the threads, so each starts at another line.
function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_number", thread_count)
end

function init(args)
  local path = os.getenv("LOAD_REQUESTS")
  for line in io.lines(path) do
    local token, body = line:match("^([^\t]*)\t(.*)$")
    if body then
      local headers = { ["Content-Type"] = "application/json" }
      if token ~= "" then
        headers["Authorization"] = "Bearer " .. token
      end
      requests[#requests + 1] = wrk.format("POST", "/graphql", headers, body)
    end
  end
  -- Threads start at different lines, so that a mix is mixed from the first request.
  next_index = ((thread_number or 1) - 1) % #requests + 1
end

function request()
  local formatted = requests[next_index]
  next_index = next_index % #requests + 1
  return formatted
end

function done(summary, latency, requests)
  local errors = summary.errors
  local file = io.open(os.getenv("LOAD_RESULT"), "w")
  file:write(string.format(
    '{"requests":%d,"durationSeconds":%.3f,"requestsPerSecond":%.1f,' ..
    '"latencyMs":{"p50":%.2f,"p90":%.2f,"p99":%.2f,"max":%.2f,"mean":%.2f},' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout))
  file:close()
end
