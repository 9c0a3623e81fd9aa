package io.qorgan.gateway.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** Keeps the latest requests, oldest dropped first. Thread-safe: event loops add, tests read. */
final class RequestRecorder {

    private final int limit;
    private final ArrayDeque<RecordedRequest> records = new ArrayDeque<>();

    RequestRecorder(int limit) {
        this.limit = limit;
    }

    synchronized void add(RecordedRequest request) {
        if (limit == 0) {
            return;
        }
        if (records.size() == limit) {
            records.removeFirst();
        }
        records.addLast(request);
    }

    /** A snapshot, oldest first. */
    synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(new ArrayList<>(records));
    }

    synchronized void clear() {
        records.clear();
    }

    /** {@code [{"method","path","headers":{...},"body":"<UTF-8 text>"}]}, oldest first. */
    static byte[] toJson(List<RecordedRequest> records) {
        ArrayNode array = Json.array();
        for (RecordedRequest r : records) {
            ObjectNode item = array.addObject().put("method", r.method()).put("path", r.path());
            ObjectNode headers = item.putObject("headers");
            r.headers().forEach(headers::put);
            item.put("body", r.bodyText());
        }
        return Json.bytes(array);
    }
}
