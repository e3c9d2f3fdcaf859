-- wrk script for scripts/load: a realistic mix against replay serve.
--   40% GET a page of a user's activity (limit 20, following next_cursor when one came back)
--   25% POST a bio-metric reading (a fresh instant each time, so it is a 201)
--   20% PATCH a seeded activity day's steps
--   15% GET the health score
-- Users come from LOAD_USERS (comma-separated UUIDs); seeded days are 2026-01-01..LOAD_DAYS.
-- Counts answers that are not 2xx, and prints p50/p99/p99.9 at the end.

local users = {}
for uuid in string.gmatch(os.getenv("LOAD_USERS") or "", "[^,]+") do users[#users + 1] = uuid end
local days = tonumber(os.getenv("LOAD_DAYS") or "30")
-- Each wrk round of one load run starts its instants elsewhere, so no POST repeats a key.
local base = 1577836800 + tonumber(os.getenv("LOAD_ROUND") or "0") * 10000000
local threads = {}

function setup(thread)
    thread:set("id", #threads + 1)
    threads[#threads + 1] = thread
end

function init(args)
    non2xx = 0
    counter = 0
    cursor = nil
    cursor_user = nil
    math.randomseed(id * 7919 + os.time())
end

local json_headers = { ["Content-Type"] = "application/json" }

local function day(n)
    return os.date("!%Y-%m-%d", 1767225600 + (n % days) * 86400)
end

function request()
    counter = counter + 1
    local user = users[math.random(#users)]
    local pick = math.random(100)
    if pick <= 40 then
        if cursor and cursor_user then
            local path = "/api/physical-activity/" .. cursor_user .. "?limit=20&cursor=" .. cursor
            cursor = nil
            return wrk.format("GET", path)
        end
        cursor_user = user
        return wrk.format("GET", "/api/physical-activity/" .. user .. "?limit=20")
    elseif pick <= 65 then
        -- Unique per thread and request: thread id in the milliseconds, a counter in the seconds.
        local instant = os.date("!%Y-%m-%dT%H:%M:%S", base + counter * 3 + math.random(0, 2)) .. string.format(".%03dZ", id)
        local body = '{"user_uuid":"' .. user .. '","recorded":"' .. instant .. '","weight_kg":' .. math.random(50, 110) .. ',"height_cm":175}'
        return wrk.format("POST", "/api/bio-metrics/", json_headers, body)
    elseif pick <= 85 then
        local body = '{"date":"' .. day(math.random(0, days - 1)) .. '","steps":' .. math.random(0, 20000) .. '}'
        return wrk.format("PATCH", "/api/physical-activity/" .. user .. "/update", json_headers, body)
    else
        return wrk.format("GET", "/api/get_health_score?user_uuid=" .. user .. "&as_of=2026-01-31T00:00:00Z")
    end
end

function response(status, headers, body)
    if status < 200 or status > 299 then non2xx = non2xx + 1 end
    if cursor_user and status == 200 and body then
        cursor = string.match(body, '"next_cursor":"([^"]+)"')
        if not cursor then cursor_user = nil end
    end
end

function done(summary, latency, requests)
    local failed = 0
    for _, thread in ipairs(threads) do failed = failed + thread:get("non2xx") end
    io.write(string.format("requests=%d\n", summary.requests))
    io.write(string.format("seconds=%.2f\n", summary.duration / 1e6))
    io.write(string.format("throughput=%.1f\n", summary.requests / (summary.duration / 1e6)))
    io.write(string.format("p50_ms=%.2f\n", latency:percentile(50) / 1000))
    io.write(string.format("p99_ms=%.2f\n", latency:percentile(99) / 1000))
    io.write(string.format("p99.9_ms=%.2f\n", latency:percentile(99.9) / 1000))
    io.write(string.format("non2xx=%d\n", failed))
    io.write(string.format("socket_errors=%d\n", summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
