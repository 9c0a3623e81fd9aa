package io.qorgan.gateway.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI chat-completion chunks: {@code choices[].delta.content} (and reasoning and refusal
 * texts), {@code choices[].delta.tool_calls[].function.arguments}, legacy
 * {@code function_call.arguments}; a choice with a {@code finish_reason} closes its channels.
 */
final class ChatEventTexts implements EventTexts {

    static final ChatEventTexts INSTANCE = new ChatEventTexts();

    private static final String[] TEXT_FIELDS = {"content", "reasoning_content", "reasoning", "refusal"};

    private ChatEventTexts() {}

    @Override
    public List<Delta> deltas(String eventType, ObjectNode event) {
        List<Delta> out = new ArrayList<>(2);
        JsonNode choices = event.get("choices");
        if (choices == null || !choices.isArray()) {
            return out;
        }
        for (int pos = 0; pos < choices.size(); pos++) {
            JsonNode choice = choices.get(pos);
            if (!(choice.get("delta") instanceof ObjectNode delta)) {
                continue;
            }
            String prefix = "choice:" + choice.path("index").asInt(pos) + "/";
            for (String f : TEXT_FIELDS) {
                if (delta.path(f).isTextual()) {
                    out.add(new Delta(prefix + f, delta, f, false));
                }
            }
            JsonNode calls = delta.get("tool_calls");
            if (calls != null && calls.isArray()) {
                for (int k = 0; k < calls.size(); k++) {
                    JsonNode call = calls.get(k);
                    if (call.get("function") instanceof ObjectNode fn
                            && fn.path("arguments").isTextual()) {
                        out.add(new Delta(prefix + "tool:" + call.path("index").asInt(k), fn, "arguments", true));
                    }
                }
            }
            if (delta.get("function_call") instanceof ObjectNode fc
                    && fc.path("arguments").isTextual()) {
                out.add(new Delta(prefix + "function_call", fc, "arguments", true));
            }
        }
        return out;
    }

    @Override
    public FlatEvent flatReader() {
        return new ChatFlatEvent();
    }

    @Override
    public List<String> closes(String eventType, ObjectNode event) {
        JsonNode choices = event.get("choices");
        if (choices == null || !choices.isArray()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(1);
        for (int pos = 0; pos < choices.size(); pos++) {
            JsonNode choice = choices.get(pos);
            JsonNode reason = choice.get("finish_reason");
            if (reason != null && !reason.isNull()) {
                out.add("choice:" + choice.path("index").asInt(pos) + "/");
            }
        }
        return out;
    }

    @Override
    public ObjectNode synthesize(ObjectNode template, String channel, String text) {
        int slash = channel.indexOf('/');
        int index = Integer.parseInt(channel.substring("choice:".length(), slash));
        String rest = channel.substring(slash + 1);
        ObjectNode event = template.deepCopy();
        ObjectNode choice = null;
        JsonNode choices = event.get("choices");
        for (int pos = 0; choices != null && pos < choices.size(); pos++) {
            if (choices.get(pos).path("index").asInt(pos) == index && choices.get(pos) instanceof ObjectNode c) {
                choice = c;
            }
        }
        if (choice == null) {
            choice = event.objectNode().put("index", index);
        }
        ObjectNode delta = event.objectNode();
        if (rest.startsWith("tool:")) {
            ArrayNode calls = delta.putArray("tool_calls");
            ObjectNode call = calls.addObject().put("index", Integer.parseInt(rest.substring("tool:".length())));
            call.putObject("function").put("arguments", text);
        } else if (rest.equals("function_call")) {
            delta.putObject("function_call").put("arguments", text);
        } else {
            delta.put(rest, text);
        }
        choice.set("delta", delta);
        choice.putNull("finish_reason");
        if (choice.has("logprobs")) {
            choice.putNull("logprobs");
        }
        event.putArray("choices").add(choice);
        return event;
    }
}
