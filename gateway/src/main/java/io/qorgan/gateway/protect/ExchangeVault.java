package io.qorgan.gateway.protect;

import io.qorgan.gateway.detect.EntityType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The mapping placeholder to original value for one exchange, in memory only, dropped with the
 * exchange. Each distinct value (by canonical key) gets {@code [TYPE_n]}, numbered per type in
 * order of first appearance; the original kept is the first surface form seen.
 *
 * <p>Not thread-safe: one exchange is handled on one event loop. {@link #toString()} shows
 * counts only, never values.
 */
public final class ExchangeVault {

    private final Map<EntityType, List<String>> originals = new EnumMap<>(EntityType.class);
    /** Per type, the placeholder of each canonical key. */
    private final Map<EntityType, Map<String, String>> placeholders = new EnumMap<>(EntityType.class);

    private final Map<EntityType, Set<String>> distinct = new EnumMap<>(EntityType.class);
    private final Map<String, String> surrogates = new HashMap<>();
    /** Placeholders that stood for a whole JSON number of the request, with that number's digits. */
    private final Map<String, String> numbers = new HashMap<>();

    private int longestSurrogate;
    /** Values found while protecting this exchange's request, repeats included; not kept with a conversation. */
    private long found;

    /** An empty vault for a new exchange. */
    public ExchangeVault() {}

    /** The placeholder for a value, creating it on first sight. */
    String placeholder(EntityType type, String key, String original) {
        Map<String, String> byKey = placeholders.computeIfAbsent(type, t -> new HashMap<>());
        String placeholder = byKey.get(key);
        if (placeholder == null) {
            List<String> list = originals.computeIfAbsent(type, t -> new ArrayList<>());
            list.add(original);
            placeholder = "[" + type.name() + "_" + list.size() + "]";
            byKey.put(key, placeholder);
            note(type, key);
        }
        return placeholder;
    }

    /** Adds {@code n} values found to this exchange's count; returns the count. */
    long found(int n) {
        found += n;
        return found;
    }

    /** Counts a value that another operator (mask, hash...) handled. */
    void note(EntityType type, String key) {
        distinct.computeIfAbsent(type, t -> new HashSet<>()).add(key);
    }

    /** Whether the request of this exchange held this value (so an answer holding it is not new data). */
    boolean knows(EntityType type, String key) {
        Set<String> keys = distinct.get(type);
        return keys != null && keys.contains(key);
    }

    /** Records a reversible stand-in (format-preserving encryption) so answers restore it. */
    void recordSurrogate(String surrogate, String original) {
        surrogates.putIfAbsent(surrogate, original);
        longestSurrogate = Math.max(longestSurrogate, surrogate.length());
    }

    Map<String, String> surrogates() {
        return surrogates;
    }

    /** Notes that {@code placeholder} replaced a whole JSON number of the request, written {@code digits}. */
    void recordNumber(String placeholder, String digits) {
        numbers.putIfAbsent(placeholder, digits);
    }

    /** Whether some placeholder stood for a JSON number. */
    boolean hasNumbers() {
        return !numbers.isEmpty();
    }

    /** The number behind placeholder {@code [type_n]} when it stood for a whole JSON number, else null. */
    String number(EntityType type, int n) {
        return numbers.isEmpty() ? null : numbers.get("[" + type.name() + "_" + n + "]");
    }

    int longestSurrogate() {
        return longestSurrogate;
    }

    /** The original for {@code [TYPE_n]}, or null when this exchange has no such placeholder. */
    String original(EntityType type, int n) {
        List<String> list = originals.get(type);
        return list == null || n < 1 || n > list.size() ? null : list.get(n - 1);
    }

    /** The original value behind placeholder {@code [type_n]} of this exchange, if any. */
    public Optional<String> restore(EntityType type, int n) {
        return Optional.ofNullable(original(type, n));
    }

    /** Distinct values found, by type (all operators), in {@link EntityType} order. */
    public Map<EntityType, Integer> counts() {
        Map<EntityType, Integer> out = new EnumMap<>(EntityType.class);
        distinct.forEach((type, keys) -> out.put(type, keys.size()));
        return Collections.unmodifiableMap(out);
    }

    /** The value of {@code X-Qorgan-Entities}, e.g. {@code PERSON=2,IIN=1}; empty when nothing was found. */
    public String entitiesHeader() {
        StringBuilder sb = new StringBuilder();
        counts().forEach((type, n) -> {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(type.name()).append('=').append(n);
        });
        return sb.toString();
    }

    /** Whether any value of this exchange can be restored in an answer. */
    public boolean isEmpty() {
        return originals.isEmpty() && surrogates.isEmpty();
    }

    @Override
    public String toString() {
        return "ExchangeVault[" + entitiesHeader() + "]";
    }

    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(originals.size());
            for (Map.Entry<EntityType, List<String>> e : originals.entrySet()) {
                out.writeInt(e.getKey().ordinal());
                writeStrings(out, e.getValue());
            }
            // as "ordinal:key" slots, the form vaults of earlier versions were kept in
            out.writeInt(placeholders.values().stream().mapToInt(Map::size).sum());
            for (Map.Entry<EntityType, Map<String, String>> t : placeholders.entrySet()) {
                for (Map.Entry<String, String> e : t.getValue().entrySet()) {
                    writeString(out, t.getKey().ordinal() + ":" + e.getKey());
                    writeString(out, e.getValue());
                }
            }
            out.writeInt(distinct.size());
            for (Map.Entry<EntityType, Set<String>> e : distinct.entrySet()) {
                out.writeInt(e.getKey().ordinal());
                writeStrings(out, new ArrayList<>(e.getValue()));
            }
            out.writeInt(surrogates.size());
            for (Map.Entry<String, String> e : surrogates.entrySet()) {
                writeString(out, e.getKey());
                writeString(out, e.getValue());
            }
            out.writeInt(numbers.size());
            for (Map.Entry<String, String> e : numbers.entrySet()) {
                writeString(out, e.getKey());
                writeString(out, e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("vault serialisation failed", e);
        }
        return bytes.toByteArray();
    }

    static ExchangeVault fromBytes(byte[] data) {
        ExchangeVault v = new ExchangeVault();
        EntityType[] types = EntityType.values();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            for (int n = in.readInt(); n > 0; n--) {
                v.originals.put(types[in.readInt()], readStrings(in));
            }
            for (int n = in.readInt(); n > 0; n--) {
                String slot = readString(in);
                int colon = slot.indexOf(':');
                v.placeholders
                        .computeIfAbsent(types[Integer.parseInt(slot, 0, colon, 10)], t -> new HashMap<>())
                        .put(slot.substring(colon + 1), readString(in));
            }
            for (int n = in.readInt(); n > 0; n--) {
                v.distinct.put(types[in.readInt()], new HashSet<>(readStrings(in)));
            }
            for (int n = in.readInt(); n > 0; n--) {
                v.recordSurrogate(readString(in), readString(in));
            }
            for (int n = in.readInt(); n > 0; n--) {
                v.recordNumber(readString(in), readString(in));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("vault deserialisation failed", e);
        }
        return v;
    }

    private static void writeStrings(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            writeString(out, s);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(readString(in));
        }
        return list;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
