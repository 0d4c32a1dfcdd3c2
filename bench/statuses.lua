-- Shared by bench/checkout.lua and bench/notify.lua (loaded with dofile, from the repository's root): each thread
-- counts its answers by status in the global `statuses`; at the end, the main state adds up its threads' counts.
-- Threads are numbered 1, 2, ... in the global `id`.
statuses = {}
threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

-- "statuses: 201=812 409=3120" over the threads setup() kept
function status_line(threads)
  local total, keys, parts = {}, {}, {}
  for _, t in ipairs(threads) do
    for status, count in pairs(t:get("statuses")) do total[status] = (total[status] or 0) + count end
  end
  for status in pairs(total) do table.insert(keys, status) end
  table.sort(keys)
  for _, status in ipairs(keys) do table.insert(parts, status .. "=" .. total[status]) end
  return "statuses: " .. table.concat(parts, " ")
end
