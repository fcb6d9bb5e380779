-- wrk script: GET <PREFIX><token> (PREFIX default /c/) for a random token from the file named by
-- TOKENS.
local tokens = {}
local file = assert(io.open(os.getenv("TOKENS") or "tokens.txt"))
for line in file:lines() do tokens[#tokens + 1] = line end
file:close()

math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))

local prefix = os.getenv("PREFIX") or "/c/"

request = function()
  return wrk.format("GET", prefix .. tokens[math.random(#tokens)])
end
