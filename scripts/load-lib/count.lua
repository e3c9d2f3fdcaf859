-- wrk script for scripts/leak-check: one route, exactly LEAK_COUNT requests per thread,
-- then the thread stops. LEAK_METHOD, LEAK_PATH and LEAK_BODY (with {n} replaced by the
-- request number, for keys that must differ) describe the request.
local count = tonumber(os.getenv("LEAK_COUNT") or "10000")
local method = os.getenv("LEAK_METHOD") or "GET"
local path = os.getenv("LEAK_PATH") or "/"
local body = os.getenv("LEAK_BODY")
local sent = 0
non2xx = 0
local headers = { ["Content-Type"] = "application/json" }

function request()
    sent = sent + 1
    if sent > count then
        wrk.thread:stop()
    end
    local n = tostring(sent)
    local date = os.date("!%Y-%m-%d", 631152000 + sent * 86400)
    local function fill(text) return (string.gsub(string.gsub(text, "{n}", n), "{date}", date)) end
    local text = body and fill(body) or nil
    return wrk.format(method, fill(path), text and headers or nil, text)
end

function response(status)
    if status < 200 or status > 299 then non2xx = non2xx + 1 end
end

local threads = {}
function setup(thread) threads[#threads + 1] = thread end

function done(summary)
    local failed = 0
    for _, thread in ipairs(threads) do failed = failed + thread:get("non2xx") end
    io.write(string.format("requests=%d\n", summary.requests))
    io.write(string.format("non2xx=%d\n", failed))
end
