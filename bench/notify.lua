-- wrk script for bench/checkout.sh: each request delivers the next test-mode payment notification from $BENCH_NOTIFY
-- (lines "timestamp<TAB>signature<TAB>body", signed by bench/sign-notifications.sql the way the test channel signs)
-- to POST /api/v1/payments/notify/test; thread k of $BENCH_THREADS sends lines k, k + threads, ... once each. A thread
-- that has sent all of its lines starts again from its first (replays, answered and ignored) and counts them, so a
-- run longer than the file is seen in "replays:", not mistaken for payments.
local file = os.getenv("BENCH_NOTIFY")
local nthreads = tonumber(os.getenv("BENCH_THREADS") or "2")
local mine, next_line = {}, 1
dofile("bench/statuses.lua")
replays = 0

function init(args)
  local n = 0
  for line in io.lines(file) do
    if n % nthreads == id - 1 then
      local ts, sig, body = line:match("^([^\t]+)\t([^\t]+)\t(.+)$")
      table.insert(mine, { ts = ts, sig = sig, body = body })
    end
    n = n + 1
  end
end

function request()
  if next_line > #mine then
    next_line = 1
  end
  local note = mine[next_line]
  if note.sent then replays = replays + 1 end
  note.sent = true
  next_line = next_line + 1
  local headers = {}
  for k, v in pairs(wrk.headers) do headers[k] = v end
  headers["Content-Type"] = "application/json"
  headers["Shequn-Test-Timestamp"] = note.ts
  headers["Shequn-Test-Signature"] = note.sig
  return wrk.format("POST", "/api/v1/payments/notify/test", headers, note.body)
end

function done(summary, latency, requests)
  local replayed = 0
  for _, t in ipairs(threads) do replayed = replayed + t:get("replays") end
  print(status_line(threads))
  print("replays: " .. replayed)
end
