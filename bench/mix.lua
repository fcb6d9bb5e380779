-- wrk script: a mix of plaque scans and writes. 4 in 5 requests are GET /c/<token> for a random
-- token from the file named by TOKENS; 1 in 5 creates an entry (POST /api/v1/entries, one write
-- transaction with its audit record) as the city office signed in with the token in BEARER.
local tokens = {}
local file = assert(io.open(os.getenv("TOKENS") or "tokens.txt"))
for line in file:lines() do tokens[#tokens + 1] = line end
file:close()
local bearer = assert(os.getenv("BEARER"), "BEARER not set")

math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
local headers = { ["Authorization"] = "Bearer " .. bearer, ["Content-Type"] = "application/json" }

request = function()
  if math.random(5) == 1 then
    local body = '{"category":"restaurant","county":"shangzhou","name":{"zh":"压测小店' ..
      math.random(1000000000) .. '"}}'
    return wrk.format("POST", "/api/v1/entries", headers, body)
  end
  return wrk.format("GET", "/c/" .. tokens[math.random(#tokens)])
end

local failures = 0
response = function(status)
  if status ~= 200 and status ~= 201 then failures = failures + 1 end
end
done = function()
  io.write(string.format("non-2xx replies: %d\n", failures))
end
