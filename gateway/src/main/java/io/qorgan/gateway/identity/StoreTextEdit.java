package io.qorgan.gateway.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One file being edited: its tree and its text, changed together. Each change is made to the tree
 * first; the text then gets the smallest edit that makes it read as the tree again, at positions
 * found by composing the current text anew (so earlier edits never leave positions stale).
 */
final class StoreTextEdit {

    private static final YAMLMapper WRITER = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    /** How a replacement for a node is laid out: what stands before it on its line. */
    private enum Layout {
        /** The whole document. */
        ROOT,
        /** A mapping value; the slot's column is its key's. */
        VALUE,
        /** A sequence item; the slot's column is its {@code -}'s. */
        ITEM
    }

    /** A node of the text ({@code null} for a document with no content) and how it is laid out. */
    private record Slot(Node node, Layout layout, int column) {}

    /** The node at a path, and the outermost flow collection around it with its path, if any. */
    private record Located(Slot slot, Slot flow, List<Object> flowPath) {}

    /** Scalars compare by text: the writer may leave a string such as 123 unquoted; the loader binds strings. */
    private static final Comparator<JsonNode> SAME_TEXT =
            (a, b) -> b.isValueNode() && a.asText().equals(b.asText()) ? 0 : 1;

    private final Path file;
    private final ObjectNode tree;
    private final String lineBreak;
    private String text;

    private StoreTextEdit(Path file, String text, ObjectNode tree) {
        this.file = file;
        this.text = text;
        this.tree = tree;
        this.lineBreak = text.contains("\r\n") ? "\r\n" : "\n";
    }

    /** Reads and validates the file; a missing file is an empty store. */
    static StoreTextEdit open(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new StoreTextEdit(file, "", JsonNodeFactory.instance.objectNode());
        }
        byte[] content = Files.readAllBytes(file);
        StoreLoader.load(file, content, 0); // refuse to build on an invalid file
        JsonNode root = content.length == 0 ? null : StoreLoader.MAPPER.readTree(content);
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IdentityStoreException(file, 0, 0, "", "cannot be edited: not UTF-8");
        }
        return new StoreTextEdit(
                file, text, root instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode());
    }

    /** The file's content as a tree. Read it freely; change it only through this edit. */
    ObjectNode tree() {
        return tree;
    }

    /** Appends {@code item} to the top-level list {@code field}, creating the list if missing. */
    void append(String field, JsonNode item) throws IOException {
        ArrayNode array = tree.get(field) instanceof ArrayNode existing ? existing : tree.putArray(field);
        array.add(item);
        Node root = locate(List.of()).slot().node();
        if (root instanceof MappingNode mapping && !isFlow(mapping)) {
            NodeTuple tuple = tuple(mapping, field);
            if (tuple != null
                    && tuple.getValueNode() instanceof SequenceNode list
                    && !isFlow(list)
                    && !list.getValue().isEmpty()) {
                int column = list.getStartMark().getColumn();
                insertLines(after(list, column), indent(itemLines(item), column));
                return;
            }
        }
        sync(List.of(), field);
    }

    /**
     * Sets {@code key} to {@code value} in the mapping at {@code path} (top-level field names and
     * list indexes), adding it at the mapping's end if missing.
     */
    void put(List<Object> path, String key, JsonNode value) throws IOException {
        ((ObjectNode) treeAt(path)).set(key, value);
        sync(path, key);
    }

    /** The edited text, checked like a reload and against the edited tree. */
    byte[] content() throws IOException {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        StoreLoader.load(file, content, 0); // never write what a reload would refuse
        JsonNode written = StoreLoader.MAPPER.readTree(content);
        if (written == null || !written.equals(SAME_TEXT, tree)) {
            throw new IOException("could not edit " + file + " in place; it is unchanged");
        }
        return content;
    }

    /** Brings the text in line with the tree after {@code key} of the mapping at {@code path} changed. */
    private void sync(List<Object> path, String key) throws IOException {
        Located at = locate(path);
        JsonNode value = treeAt(path).get(key);
        if (at.slot().node() instanceof MappingNode mapping) {
            NodeTuple tuple = tuple(mapping, key);
            String inline = inline(value);
            if (tuple != null && inline != null && !isBlockCollection(tuple.getValueNode())) {
                splice(tuple.getValueNode(), inline, List.of());
                return;
            }
            if (at.flow() == null && !isFlow(mapping)) {
                int column =
                        mapping.getValue().get(0).getKeyNode().getStartMark().getColumn();
                if (tuple == null) {
                    insertLines(after(mapping, column), indent(lines(field(key, value)), column));
                } else {
                    replace(new Slot(tuple.getValueNode(), Layout.VALUE, column), value);
                }
                return;
            }
        }
        if (at.flow() != null) {
            replace(at.flow(), treeAt(at.flowPath()));
        } else {
            replace(at.slot(), treeAt(path));
        }
    }

    private Located locate(List<Object> path) throws IOException {
        Slot slot = new Slot(compose(), Layout.ROOT, 0);
        Slot flow = null;
        List<Object> flowPath = null;
        for (int i = 0; i < path.size(); i++) {
            if (flow == null && isFlow(slot.node())) {
                flow = slot;
                flowPath = path.subList(0, i);
            }
            Object step = path.get(i);
            NodeTuple tuple = step instanceof String key && slot.node() instanceof MappingNode mapping
                    ? tuple(mapping, key)
                    : null;
            if (tuple != null) {
                slot = new Slot(
                        tuple.getValueNode(),
                        Layout.VALUE,
                        tuple.getKeyNode().getStartMark().getColumn());
            } else if (step instanceof Integer index
                    && slot.node() instanceof SequenceNode list
                    && index < list.getValue().size()) {
                slot = new Slot(
                        list.getValue().get(index),
                        Layout.ITEM,
                        list.getStartMark().getColumn());
            } else {
                throw new IOException("could not edit " + file + " in place: text and content differ");
            }
        }
        return new Located(slot, flow, flowPath);
    }

    private Node compose() throws IdentityStoreException {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE); // the file has already been read once
        try {
            return new Yaml(options).compose(new StringReader(text));
        } catch (YAMLException e) {
            // The message may quote the file; only its position is reported.
            Mark mark = e instanceof MarkedYAMLException marked ? marked.getProblemMark() : null;
            throw new IdentityStoreException(
                    file,
                    mark == null ? 0 : mark.getLine() + 1,
                    mark == null ? 0 : mark.getColumn() + 1,
                    "",
                    "cannot be edited in place (one YAML document expected); edit it by hand");
        }
    }

    private JsonNode treeAt(List<Object> path) {
        JsonNode node = tree;
        for (Object step : path) {
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
        }
        return node;
    }

    /**
     * Replaces a scalar or flow collection (or fills an empty document) with {@code value}, laid
     * out by the slot. Block collections are never replaced: their end runs into what follows.
     */
    private void replace(Slot slot, JsonNode value) throws IOException {
        Node node = slot.node();
        if (node == null) {
            insertLines(text.length(), lines(value));
            return;
        }
        if (isBlockCollection(node)) {
            throw new IOException("could not edit " + file + " in place: a block collection to replace");
        }
        switch (slot.layout()) {
            case ROOT -> splice(node, "", lines(value));
            case VALUE -> {
                List<String> lines = lines(field("v", value));
                splice(
                        node,
                        lines.get(0).substring("v:".length()).strip(),
                        indent(lines.subList(1, lines.size()), slot.column()));
            }
            case ITEM -> {
                List<String> lines = itemLines(value);
                List<String> rest = new ArrayList<>();
                lines.subList(1, lines.size()).forEach(line -> rest.add(line.isEmpty() ? line : line.substring(2)));
                splice(node, lines.get(0).substring("- ".length()), indent(rest, slot.column() + 2));
            }
        }
    }

    /**
     * Replaces the node's text with {@code head}; then puts {@code lines} on lines of their own
     * after the rest of its line (an end-of-line comment stays where it was). A line left blank
     * gives way to them.
     */
    private void splice(Node node, String head, List<String> lines) {
        int start = index(node.getStartMark());
        int end = index(node.getEndMark());
        String before = text.substring(0, start);
        if (!head.isEmpty() && !before.isEmpty() && !Character.isWhitespace(before.charAt(before.length() - 1))) {
            head = " " + head;
        }
        if (lines.isEmpty()) {
            text = before + head + text.substring(end);
            return;
        }
        int lineEnd = lineEnd(end);
        String restOfLine = text.substring(end, lineEnd);
        String after = text.substring(lineEnd);
        after = after.startsWith("\r\n") ? after.substring(2) : after.startsWith("\n") ? after.substring(1) : after;
        String edited = before + head;
        int lineStart = edited.lastIndexOf('\n') + 1;
        String line = edited.substring(lineStart);
        StringBuilder result = new StringBuilder(edited.substring(0, lineStart));
        if (!restOfLine.isBlank()) {
            String kept = line.stripTrailing();
            result.append(kept)
                    .append(kept.isEmpty() ? restOfLine.stripLeading() : restOfLine)
                    .append(lineBreak);
        } else if (!line.isBlank()) {
            result.append(line.stripTrailing()).append(lineBreak);
        }
        lines.forEach(l -> result.append(l).append(lineBreak));
        text = result.append(after).toString();
    }

    /** Inserts whole lines at {@code position}, a line start or the end of the text. */
    private void insertLines(int position, List<String> lines) {
        StringBuilder result = new StringBuilder(text.substring(0, position));
        if (position > 0 && text.charAt(position - 1) != '\n') {
            result.append(lineBreak);
        }
        lines.forEach(line -> result.append(line).append(lineBreak));
        text = result.append(text.substring(position)).toString();
    }

    /**
     * Where a new last entry of a block collection goes: after the line of its last value, and
     * after comment lines right below it that are indented deeper than {@code column} (they
     * belong to that entry). A comment at the collection's own indentation or less stays below
     * the new entry: it introduces what follows.
     */
    private int after(Node collection, int column) {
        Node last = collection;
        while (isBlockCollection(last)) {
            if (last instanceof MappingNode mapping) {
                last = mapping.getValue().get(mapping.getValue().size() - 1).getValueNode();
            } else {
                List<Node> items = ((SequenceNode) last).getValue();
                last = items.get(items.size() - 1);
            }
        }
        int end = index(last.getEndMark());
        int position = end > 0 && text.charAt(end - 1) == '\n' ? end : nextLine(end);
        while (position < text.length()) {
            String line = text.substring(position, lineEnd(position));
            String content = line.stripLeading();
            if (!content.startsWith("#") || line.length() - content.length() <= column) {
                break;
            }
            position = nextLine(position);
        }
        return position;
    }

    private int index(Mark mark) {
        return text.offsetByCodePoints(0, mark.getIndex()); // SnakeYAML counts code points
    }

    /** End of the line's content at {@code position}: before its line break, or the text's end. */
    private int lineEnd(int position) {
        int lineFeed = text.indexOf('\n', position);
        if (lineFeed < 0) {
            return text.length();
        }
        return lineFeed > position && text.charAt(lineFeed - 1) == '\r' ? lineFeed - 1 : lineFeed;
    }

    private int nextLine(int position) {
        int lineFeed = text.indexOf('\n', position);
        return lineFeed < 0 ? text.length() : lineFeed + 1;
    }

    private static NodeTuple tuple(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode scalar && key.equals(scalar.getValue())) {
                return tuple;
            }
        }
        return null;
    }

    private static boolean isFlow(Node node) {
        return node instanceof CollectionNode<?> collection
                && collection.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
    }

    private static boolean isBlockCollection(Node node) {
        return node instanceof CollectionNode<?> && !isFlow(node);
    }

    /** {@code value} as the writer puts it after {@code key: } when it fits there, else null. */
    private static String inline(JsonNode value) throws IOException {
        List<String> lines = lines(field("v", value));
        return lines.size() == 1 ? lines.get(0).substring("v:".length()).strip() : null;
    }

    /** {@code item} as a list item written by the writer: {@code - } at column 0. */
    private static List<String> itemLines(JsonNode item) throws IOException {
        ArrayNode list = JsonNodeFactory.instance.arrayNode().add(item);
        List<String> lines = lines(field("v", list));
        List<String> result = new ArrayList<>();
        lines.subList(1, lines.size()).forEach(line -> result.add(line.isEmpty() ? line : line.substring(2)));
        return result;
    }

    private static ObjectNode field(String key, JsonNode value) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        object.set(key, value);
        return object;
    }

    private static List<String> lines(JsonNode value) throws IOException {
        return List.of(WRITER.writeValueAsString(value).split("\n"));
    }

    private static List<String> indent(List<String> lines, int column) {
        String spaces = " ".repeat(column);
        List<String> result = new ArrayList<>();
        lines.forEach(line -> result.add(line.isEmpty() ? line : spaces + line));
        return result;
    }
}
