-- wrk script for the check-in peak: each request checks in (multipart POST .../checkins/{id}/entries, text only)
-- as the next member of this thread's share of $BENCH_MEMBERS (tokens shq_bench_member_1..N, made by
-- checkin-tokens.sql), so every member checks in once; a thread stops when its share has been answered.
-- $BENCH_CHALLENGE names the challenge. With $BENCH_GET set, each request is instead a GET of the URL as the
-- next member (the calendar is each member's own), never stopping.
local members = tonumber(os.getenv("BENCH_MEMBERS") or "32")
local challenge = os.getenv("BENCH_CHALLENGE")
local get = os.getenv("BENCH_GET")
local threads = {}
local count = 0
local boundary = "----shequnbench7d91"

function setup(thread)
  count = count + 1
  thread:set("id", count)
  table.insert(threads, thread)
end

function init(args)
  -- wrk runs setup for every thread before init: the thread count is known by now through wrk.thread
  total = tonumber(os.getenv("BENCH_THREADS") or "2")
  next_member = id
  share = 0
  for m = id, members, total do share = share + 1 end
  answered = 0
end

function request()
  local m = next_member
  next_member = next_member + total
  if next_member > members then next_member = id end
  local headers = {}
  for k, v in pairs(wrk.headers) do headers[k] = v end
  headers["Authorization"] = "Bearer shq_bench_member_" .. m
  if get then
    return wrk.format("GET", nil, headers)
  end
  headers["Content-Type"] = "multipart/form-data; boundary=" .. boundary
  local body = "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n"
    .. "第 1 天：早上跑了 5 公里，压测成员 " .. m .. "。\r\n--" .. boundary .. "--\r\n"
  return wrk.format("POST", wrk.path, headers, body)
end

function response(status, headers, body)
  if get then return end
  answered = answered + 1
  if answered >= share then wrk.thread:stop() end
end
