-- wrk script: the kit's chat request (load/chat-kit.lua, the kit's own load/chat.lua kept aside by
-- run-bench.sh MODE=turns), with its last message new on every request, as in a conversation whose
-- earlier turns are resent and whose newest turn was never seen: the order number in the last
-- message becomes "<thread>-<counter>". Same arguments and BENCH_RESULT line as the kit's script.
dofile("load/chat-kit.lua")

local kit_init = init
local threads = 0
local prefix, suffix
local counter = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  kit_init(args)
  local body = wrk.body
  local at = body:find("77-1045", 1, true)
  if not at then
    error("next-turn.lua: the body has no order number 77-1045 to make new")
  end
  prefix = body:sub(1, at - 1)
  suffix = body:sub(at + #"77-1045")
end

function request()
  counter = counter + 1
  return wrk.format(nil, nil, nil, prefix .. tid .. "-" .. counter .. suffix)
end
