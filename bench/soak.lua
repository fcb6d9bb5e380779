-- wrk script for bench/soak.sh: mixed traffic from every connection, in proportion
-- 70 plaque scans : 10 logins : 15 score saves : 5 photo uploads.
-- Environment: PLAQUE (a /c/... path), ADMIN and INSPECTOR (bearer tokens), INSPECTION (id),
-- ENTRY (id), LOGIN (JSON body of a valid login), PHOTO (path of a small PNG).
local plaque = os.getenv("PLAQUE")
local admin = "Bearer " .. os.getenv("ADMIN")
local inspector = "Bearer " .. os.getenv("INSPECTOR")
local scores = "/api/v1/inspections/" .. os.getenv("INSPECTION") .. "/scores"
local photoTarget = "/api/v1/entries/" .. os.getenv("ENTRY") .. "/photo"
local login = os.getenv("LOGIN")
local file = assert(io.open(os.getenv("PHOTO"), "rb"))
local photo = file:read("*a")
file:close()

local counter = 0
request = function()
  counter = counter + 1
  local slot = counter % 100
  if slot < 70 then
    return wrk.format("GET", plaque)
  elseif slot < 80 then
    return wrk.format("POST", "/api/v1/login", {["Content-Type"] = "application/json"}, login)
  elseif slot < 95 then
    local body = string.format('{"scores": {"fs.licence": "%s"}, "notes": {"fs.licence": "第%d次保存"}}',
                               counter % 2 == 0 and "pass" or "fail", counter)
    return wrk.format("PUT", scores, {["Authorization"] = inspector, ["Content-Type"] = "application/json"}, body)
  else
    return wrk.format("PUT", photoTarget, {["Authorization"] = admin, ["Content-Type"] = "image/png"}, photo)
  end
end

local failures = 0
response = function(status, headers, body)
  if status >= 400 then
    failures = failures + 1
    if failures <= 5 then io.stderr:write("status " .. status .. ": " .. body:sub(1, 200) .. "\n") end
  end
end

done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("requests %d, socket errors connect %d read %d write %d timeout %d, non-2xx %d\n",
    summary.requests, errors.connect, errors.read, errors.write, errors.timeout, errors.status))
  io.write(string.format("latency p50 %.1f ms, p99 %.1f ms\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
