-- wrk script: GET <PREFIX><token> for every token of the file named by TOKENS in turn, each of
-- wrk's threads taking every n-th one, round after round (fills the kept pages with all of them).
local tokens = {}
local file = assert(io.open(os.getenv("TOKENS") or "tokens.txt"))
for line in file:lines() do tokens[#tokens + 1] = line end
file:close()

local prefix = os.getenv("PREFIX") or "/c/"
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
  thread:set("first", #threads)
  for _, t in ipairs(threads) do t:set("count", #threads) end
end

local n = nil

request = function()
  n = n or first
  local token = tokens[n]
  n = n + count
  if n > #tokens then n = first end
  return wrk.format("GET", prefix .. token)
end
