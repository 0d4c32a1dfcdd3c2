-- wrk script: each request posts a new comment (JSON) to the URL given on the command line.
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  n = n + 1
  return wrk.format(nil, nil, nil, '{"body":"压测评论 ' .. n .. '：社群运营的第一步是想清楚为谁服务。"}')
end
