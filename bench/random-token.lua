-- wrk script: GET /c/<token> for a random token from the file named by TOKENS.
local tokens = {}
local file = assert(io.open(os.getenv("TOKENS") or "tokens.txt"))
for line in file:lines() do tokens[#tokens + 1] = line end
file:close()

math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))

request = function()
  return wrk.format("GET", "/c/" .. tokens[math.random(#tokens)])
end
