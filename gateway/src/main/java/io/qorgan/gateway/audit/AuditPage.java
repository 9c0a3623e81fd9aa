package io.qorgan.gateway.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One page of search results, newest first.
 *
 * @param total how many records match in all
 * @param page the page number
 * @param size the page size asked for
 * @param fields the index fields the query named
 * @param json each record of the page, as the JSON the trail holds
 */
public record AuditPage(long total, int page, int size, List<String> fields, List<String> json) {

    public AuditPage {
        fields = List.copyOf(fields);
        json = List.copyOf(json);
    }

    /** The page's records. */
    public List<AuditRecord> records() {
        return json.stream()
                .map(j -> {
                    try {
                        return RecordCodec.read(j);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }
}
