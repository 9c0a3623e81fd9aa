-- Tokens an answer reported, added to the counters of this minute and day (qorgan FleetStore).
-- KEYS: prefixes of the agency's and the caller's token counters; ARGV[1]: tokens
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local minute = string.format('%d', math.floor(now / 60000))
local day = string.format('%d', math.floor(now / 86400000))
for i = 1, #KEYS do
  local m = KEYS[i] .. ':m:' .. minute
  redis.call('INCRBY', m, ARGV[1])
  redis.call('PEXPIRE', m, 120000)
  local d = KEYS[i] .. ':d:' .. day
  redis.call('INCRBY', d, ARGV[1])
  redis.call('PEXPIRE', d, 172800000)
end
return 0
