-- wrk script for scripts/leak-check: one route, exactly LEAK_COUNT requests (run it with
-- -t1 -c1), then wrk exits: its main thread would otherwise wait out the whole -d.
-- LEAK_METHOD, LEAK_PATH and LEAK_BODY describe the request; {n} is replaced by the
-- request number and {date} by 1990-01-01 plus n days, so keys differ request by request.
local count = tonumber(os.getenv("LEAK_COUNT") or "10000")
local method = os.getenv("LEAK_METHOD") or "GET"
local path = os.getenv("LEAK_PATH") or "/"
local body = os.getenv("LEAK_BODY")
local sent = 0
local answered = 0
local non2xx = 0
local headers = { ["Content-Type"] = "application/json" }

function request()
    sent = sent + 1
    local n = tostring(sent)
    local date = os.date("!%Y-%m-%d", 631152000 + sent * 86400)
    local function fill(text) return (string.gsub(string.gsub(text, "{n}", n), "{date}", date)) end
    local text = body and fill(body) or nil
    return wrk.format(method, fill(path), text and headers or nil, text)
end

function response(status)
    answered = answered + 1
    if status < 200 or status > 299 then non2xx = non2xx + 1 end
    if answered >= count then
        io.write(string.format("requests=%d\nnon2xx=%d\n", answered, non2xx))
        io.flush()
        os.exit(0)
    end
end
