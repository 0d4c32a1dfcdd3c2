-- wrk script for bench/checkout.sh: each request is a checkout (POST /api/v1/orders) of one unit of a random SKU with
-- an id in $BENCH_SKUS ("first:last"; "7:7" for one hot product) at $BENCH_PRICE, from the store of community
-- $BENCH_COMMUNITY, signed in as the next of $BENCH_MEMBERS buyers (tokens shq_bench_member_1..N, bench/member-tokens.sql),
-- each with its own Idempotency-Key (run, thread and counter: never the same twice, so no answer is a replay).
-- Counts the answers by status and prints them at the end ("statuses: 201=... 409=...").
local members = tonumber(os.getenv("BENCH_MEMBERS") or "2000")
local community = os.getenv("BENCH_COMMUNITY")
local first, last = (os.getenv("BENCH_SKUS") or ""):match("(%d+):(%d+)")
first, last = tonumber(first), tonumber(last)
local price = os.getenv("BENCH_PRICE") or "19.90"
-- the second the script was loaded: a warm-up and the measured run after it (or another run) never share a key
local run = tostring(os.time())
local i, n = 0, 0
dofile("bench/statuses.lua")

function init(args)
  math.randomseed(os.time() * 31 + id)
  i = (id * 997) % members
end

function request()
  i = i % members + 1
  n = n + 1
  local headers = {}
  for k, v in pairs(wrk.headers) do headers[k] = v end
  headers["Authorization"] = "Bearer shq_bench_member_" .. i
  headers["Content-Type"] = "application/json"
  headers["Idempotency-Key"] = "bench-" .. run .. "-" .. id .. "-" .. n
  return wrk.format("POST", "/api/v1/orders", headers,
    '{"community":"' .. community .. '","lines":[{"skuId":' .. math.random(first, last) .. ',"quantity":1,"unitPrice":"' .. price .. '"}]}')
end

function done(summary, latency, requests)
  print(status_line(threads))
end
