-- wrk script: each request is signed in as the next of $BENCH_MEMBERS members (tokens shq_bench_member_1..N,
-- made by content.sh), as that many people reading at once would be, rather than one account 32 times over.
-- With $BENCH_COMMENT_POSTS = "first:last", each request instead posts a comment (JSON) to a random post
-- with an id in that range, so writers spread over many posts as real ones do.
local members = tonumber(os.getenv("BENCH_MEMBERS") or "32")
local posts = os.getenv("BENCH_COMMENT_POSTS")
local first, last
if posts then
  first, last = posts:match("(%d+):(%d+)")
  first, last = tonumber(first), tonumber(last)
end
local i, n = 0, 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  math.randomseed(os.time() * 31 + id)
  i = (id * 7) % members
end

function request()
  i = i % members + 1
  local headers = {}
  for k, v in pairs(wrk.headers) do headers[k] = v end
  headers["Authorization"] = "Bearer shq_bench_member_" .. i
  if not first then
    return wrk.format(nil, nil, headers)
  end
  n = n + 1
  headers["Content-Type"] = "application/json"
  local path = wrk.path:gsub("/posts/.*$", "") .. "/posts/" .. math.random(first, last) .. "/comments"
  return wrk.format("POST", path, headers,
    '{"body":"压测评论 ' .. n .. '：社群运营的第一步是想清楚为谁服务。"}')
end
