package io.qorgan.gateway.audit;

import io.qorgan.gateway.crypto.KeyRing;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Looks for canary values everywhere an audit trail (and the logs beside it) could hold them: the bytes of every
 * file, in every form a value could take there (UTF-8, UTF-16 in both byte orders, JSON {@code \\u} escapes, URL and
 * HTML escapes, upper and lower case); the decrypted records; and the index's terms and stored fields, which Lucene
 * may compress on disk. Each finding names where and in which form.
 */
public final class AuditFilesScan {

    private AuditFilesScan() {}

    /**
     * Every place a canary was found: files under {@code trail}, {@code otherFiles} (logs), the records of the trail
     * decrypted with {@code ring}, and its index.
     */
    public static List<String> scan(Path trail, KeyRing ring, Collection<Path> otherFiles, Collection<String> canaries)
            throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> files = new ArrayList<>(otherFiles);
        try (Stream<Path> walk = Files.walk(trail)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path file : files) {
            if (Files.isRegularFile(file)) {
                found.addAll(scanBytes(file, Files.readAllBytes(file), canaries));
            }
        }
        AuditReader.readAll(trail, ring, entry -> {
            String json = RecordCodec.writeString(entry.record());
            for (String canary : canaries) {
                if (containsFolded(json, canary)) {
                    found.add("record #" + entry.seq() + " (decrypted) holds " + canary);
                }
            }
        });
        if (Files.isDirectory(Segments.indexDir(trail))) {
            found.addAll(scanIndex(Segments.indexDir(trail), canaries));
        }
        return found;
    }

    /** Every form of every canary found in {@code bytes}. */
    public static List<String> scanBytes(Path file, byte[] bytes, Collection<String> canaries) {
        List<String> found = new ArrayList<>();
        for (String canary : canaries) {
            for (Map.Entry<String, byte[]> form : forms(canary).entrySet()) {
                if (indexOf(bytes, form.getValue()) >= 0) {
                    found.add(file + " holds " + canary + " as " + form.getKey());
                }
            }
        }
        return found;
    }

    /** The byte forms a value may take in a file, by name. */
    public static Map<String, byte[]> forms(String canary) {
        Map<String, byte[]> forms = new LinkedHashMap<>();
        for (String variant : List.of(canary, canary.toLowerCase(Locale.ROOT), canary.toUpperCase(Locale.ROOT))) {
            String tag = variant.equals(canary)
                    ? ""
                    : variant.equals(canary.toLowerCase(Locale.ROOT)) ? " (lower)" : " (upper)";
            forms.put("UTF-8" + tag, variant.getBytes(StandardCharsets.UTF_8));
            forms.put("UTF-16LE" + tag, variant.getBytes(StandardCharsets.UTF_16LE));
            forms.put("UTF-16BE" + tag, variant.getBytes(StandardCharsets.UTF_16BE));
            forms.put("JSON escapes" + tag, jsonEscaped(variant, false).getBytes(StandardCharsets.US_ASCII));
            forms.put(
                    "JSON escapes, upper hex" + tag, jsonEscaped(variant, true).getBytes(StandardCharsets.US_ASCII));
            forms.put(
                    "URL escapes" + tag,
                    URLEncoder.encode(variant, StandardCharsets.UTF_8).getBytes(StandardCharsets.US_ASCII));
            forms.put("HTML escapes" + tag, htmlEscaped(variant).getBytes(StandardCharsets.US_ASCII));
        }
        return forms;
    }

    private static List<String> scanIndex(Path index, Collection<String> canaries) throws IOException {
        List<String> found = new ArrayList<>();
        try (FSDirectory dir = FSDirectory.open(index);
                DirectoryReader reader = DirectoryReader.open(dir)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                LeafReader r = leaf.reader();
                for (FieldInfo field : r.getFieldInfos()) {
                    Terms terms = r.terms(field.name);
                    if (terms == null) {
                        continue;
                    }
                    TermsEnum each = terms.iterator();
                    for (BytesRef term = each.next(); term != null; term = each.next()) {
                        String text = Term.toString(term);
                        for (String canary : canaries) {
                            if (containsFolded(text, canary)) {
                                found.add("index term " + field.name + ":" + text + " holds " + canary);
                            }
                        }
                    }
                }
                StoredFields stored = r.storedFields();
                for (int doc = 0; doc < r.maxDoc(); doc++) {
                    for (IndexableField f : stored.document(doc).getFields()) {
                        String value = f.stringValue();
                        for (String canary : canaries) {
                            if (value != null && containsFolded(value, canary)) {
                                found.add(
                                        "index stored field " + f.name() + " of document " + doc + " holds " + canary);
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static boolean containsFolded(String text, String canary) {
        return text.toLowerCase(Locale.ROOT).contains(canary.toLowerCase(Locale.ROOT))
                || text.contains(jsonEscaped(canary, false))
                || text.contains(jsonEscaped(canary, true));
    }

    /** Non-ASCII characters as {@code \\uXXXX}: how a JSON writer may escape them. */
    private static String jsonEscaped(String s, boolean upper) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 0x80) {
                out.append(c);
            } else {
                String hex = String.format("%04x", (int) c);
                out.append("\\u").append(upper ? hex.toUpperCase(Locale.ROOT) : hex);
            }
        }
        return out.toString();
    }

    private static String htmlEscaped(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp < 0x80 && Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append("&#").append(cp).append(';');
            }
        });
        return out.toString();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        if (needle.length == 0) {
            return -1;
        }
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
