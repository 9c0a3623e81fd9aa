-- Fair use of one request, for an agency and its caller together, atomically (qorgan FleetStore).
-- KEYS[1], KEYS[2]: the agency's and the caller's request buckets (hashes: t = tokens, at = last refill, ms)
-- KEYS[3], KEYS[4]: prefixes of the agency's and the caller's token counters (:m:<minute>, :d:<day>)
-- ARGV: agency rate, caller rate (requests a second, 0 = none), agency tokens a minute, a day,
--       caller tokens a minute, a day (0 = none)
-- Returns {code, wait ms}: 0 admitted; 1 agency rate, 2 caller rate, 5/6 agency tokens minute/day, 7/8 caller's.
-- The server's clock is the fleet's: nodes' clocks do not matter.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local minute = math.floor(now / 60000)
local day = math.floor(now / 86400000)

local checks = {
  {KEYS[3], tonumber(ARGV[3]), ':m:', minute, 60000, 5},
  {KEYS[3], tonumber(ARGV[4]), ':d:', day, 86400000, 6},
  {KEYS[4], tonumber(ARGV[5]), ':m:', minute, 60000, 7},
  {KEYS[4], tonumber(ARGV[6]), ':d:', day, 86400000, 8},
}
for _, c in ipairs(checks) do
  if c[2] > 0 then
    local used = tonumber(redis.call('GET', c[1] .. c[3] .. string.format('%d', c[4])) or '0')
    if used >= c[2] then
      return {c[6], (c[4] + 1) * c[5] - now}
    end
  end
end

-- token buckets: a second's worth of burst, refilled continuously
local function bucket(key, rate)
  if rate <= 0 then
    return nil, 0
  end
  local v = redis.call('HMGET', key, 't', 'at')
  local tokens = tonumber(v[1])
  local at = tonumber(v[2])
  if tokens == nil or at == nil then
    tokens = rate
    at = now
  end
  tokens = math.min(rate, tokens + math.max(0, now - at) * rate / 1000)
  if tokens < 1 then
    return tokens, math.ceil((1 - tokens) * 1000 / rate)
  end
  return tokens, 0
end

local agencyRate = tonumber(ARGV[1])
local callerRate = tonumber(ARGV[2])
local a, aw = bucket(KEYS[1], agencyRate)
if aw > 0 then
  return {1, aw}
end
local c, cw = bucket(KEYS[2], callerRate)
if cw > 0 then
  return {2, cw}
end
if a then
  redis.call('HSET', KEYS[1], 't', tostring(a - 1), 'at', string.format('%d', now))
  redis.call('PEXPIRE', KEYS[1], 60000)
end
if c then
  redis.call('HSET', KEYS[2], 't', tostring(c - 1), 'at', string.format('%d', now))
  redis.call('PEXPIRE', KEYS[2], 60000)
end
return {0, 0}
