package io.qorgan.gateway.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.qorgan.gateway.detect.Detector;
import io.qorgan.gateway.detect.DetectorSettings;
import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.detect.Finding;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code qorgan scan}: runs the detector over files or standard input and shows what it finds, either as the text
 * with findings marked ({@code «IIN:900515301234»}) and a count by type, or as JSON Lines. Exit 0 whether or not
 * something is found; 3 with {@code --fail-on-find} when something is; 1 when an input cannot be read; 2 on a usage
 * error (an option out of range, a file pattern that matched nothing).
 */
@Command(
        name = "scan",
        mixinStandardHelpOptions = true,
        description = "Find personal data in files (or standard input) and show it.")
public final class ScanCommand implements Callable<Integer> {

    static final int FOUND_EXIT_CODE = 3;

    /** A file argument with these characters that names no file is a pattern no file matched. */
    private static final Pattern GLOB = Pattern.compile("[*?\\[]");

    enum Format {
        text,
        jsonl
    }

    @Parameters(paramLabel = "FILE", description = "Files to scan; none means standard input.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--jsonl", description = "Inputs are JSON Lines with fields \"id\" and \"text\".")
    boolean jsonlInput;

    @Option(
            names = "--format",
            defaultValue = "text",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--fail-on-find", description = "Exit with code 3 when anything is found.")
    boolean failOnFind;

    @Option(
            names = "--min-score",
            defaultValue = "0.5",
            description = "Drop findings scoring below this (default: ${DEFAULT-VALUE}).")
    double minScore;

    @Option(names = "--names", paramLabel = "FILE", description = "Extra first-name list (one per line); repeatable.")
    List<Path> nameLists = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ObjectMapper json = new ObjectMapper();

    /** One text to scan; {@code id} is the input's own JSON value (a number stays a number) or a file name. */
    private record Input(JsonNode id, String text) {

        String label() {
            return id.asText();
        }
    }

    @Override
    public Integer call() {
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--min-score must be between 0 and 1, got "
                            + spec.findOption("--min-score")
                                    .originalStringValues()
                                    .get(0));
        }
        for (Path file : files) {
            if (!Files.exists(file) && GLOB.matcher(file.toString()).find()) {
                throw new UserError(
                        "no file matches `" + file + "`: the shell passed the pattern on as it was written", 2);
            }
        }
        for (Path list : nameLists) {
            if (!Files.isReadable(list)) {
                throw new UserError("cannot read name list " + list);
            }
        }
        Detector detector = Detector.create(
                DetectorSettings.defaults().withMinScore(minScore).withExtraNameLists(nameLists));
        PrintWriter out = spec.commandLine().getOut();
        Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
        List<Input> inputs = new ArrayList<>();
        if (files.isEmpty()) {
            inputs.addAll(read("stdin", System.in));
        } else {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    inputs.addAll(read(file.toString(), in));
                } catch (NoSuchFileException e) {
                    throw new UserError("cannot read " + file + ": no such file");
                } catch (IOException e) {
                    throw new UserError(
                            "cannot read " + file + ": " + e.getClass().getSimpleName());
                }
            }
        }
        for (Input input : inputs) {
            List<Finding> findings = detector.detect(input.text());
            findings.forEach(f -> counts.merge(f.type(), 1, Integer::sum));
            if (format == Format.jsonl) {
                out.println(jsonLine(input, findings));
            } else {
                out.println("== " + input.label());
                out.println(marked(input.text(), findings));
            }
        }
        if (format == Format.text) {
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            StringBuilder summary = new StringBuilder("found " + total);
            counts.forEach(
                    (type, n) -> summary.append(", ").append(type).append(' ').append(n));
            out.println(summary);
        }
        out.flush();
        return failOnFind && !counts.isEmpty() ? FOUND_EXIT_CODE : 0;
    }

    private List<Input> read(String name, InputStream in) {
        List<Input> inputs = new ArrayList<>();
        try {
            if (!jsonlInput) {
                inputs.add(new Input(TextNode.valueOf(name), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                return inputs;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = json.readTree(line);
                } catch (IOException e) {
                    throw new UserError(name + " line " + number + ": not JSON");
                }
                if (node == null || !node.hasNonNull("text")) {
                    throw new UserError(name + " line " + number + ": no \"text\" field");
                }
                JsonNode id = node.hasNonNull("id") ? node.get("id") : TextNode.valueOf(name + ":" + number);
                inputs.add(new Input(id, node.get("text").asText()));
            }
            return inputs;
        } catch (IOException e) {
            throw new UserError("cannot read " + name + ": " + e.getClass().getSimpleName());
        }
    }

    private String jsonLine(Input input, List<Finding> findings) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = json.getFactory().createGenerator(w)) {
            g.writeStartObject();
            g.writeFieldName("id");
            g.writeTree(input.id());
            g.writeArrayFieldStart("findings");
            for (Finding f : findings) {
                g.writeStartObject();
                g.writeStringField("type", f.type().name());
                g.writeNumberField("start", f.start());
                g.writeNumberField("end", f.end());
                g.writeStringField("text", input.text().substring(f.start(), f.end()));
                g.writeNumberField("score", f.score());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    static String marked(String text, List<Finding> findings) {
        StringBuilder b = new StringBuilder(text.length() + findings.size() * 16);
        int at = 0;
        for (Finding f : findings) {
            b.append(text, at, f.start())
                    .append('«')
                    .append(f.type())
                    .append(':')
                    .append(text, f.start(), f.end())
                    .append('»');
            at = f.end();
        }
        return b.append(text, at, text.length()).toString();
    }
}
