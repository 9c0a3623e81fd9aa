package io.qorgan.gateway.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Collection;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * What a YAML file's reader is told when the file cannot be read or bound: the parser's problem without its
 * multi-line context, with a hint for the usual slips, and wrong types in words rather than Java class names. Shared by
 * the configuration, the policies and the identity store.
 */
public final class YamlErrors {

    private static final int MAX_ECHOED = 32;

    private YamlErrors() {}

    /**
     * {@code not valid YAML: <problem>}, e.g. for a key indented one space too far: {@code not valid YAML: expected
     * <block end>, but found '<block mapping start>' (this line's indentation does not line up with the lines above
     * it)}. The position is the exception's, which the caller reports.
     */
    public static String syntax(JsonProcessingException e) {
        String problem = e.getCause() instanceof MarkedYAMLException m && m.getProblem() != null
                ? trimmed(m.getProblem())
                : e.getOriginalMessage() == null || e.getOriginalMessage().isBlank()
                        ? null
                        : problem(e.getOriginalMessage());
        return problem == null ? "not valid YAML" : "not valid YAML: " + problem + hint(problem);
    }

    /**
     * Where the YAML parser saw the problem. Jackson's own position is where its reading stopped, which for a scanner
     * error may be a line above the character at fault.
     */
    public static JsonLocation where(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            Mark mark = m.getProblemMark();
            return new JsonLocation(null, -1, mark.getLine() + 1, mark.getColumn() + 1);
        }
        return e.getLocation();
    }

    private static String trimmed(String problem) {
        String p = problem.strip();
        return p.endsWith(":") || p.endsWith(".") ? p.substring(0, p.length() - 1) : p;
    }

    /**
     * SnakeYAML writes "while parsing X / in 'reader', line.. / <source line> / ^ / <problem> / in 'reader', ...": the
     * problem is the last line that is neither a position, a quoted source line nor a caret.
     */
    private static String problem(String message) {
        String found = null;
        String first = null;
        for (String line : message.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("in 'reader'") || l.startsWith("in '") || l.equals("^")) {
                continue;
            }
            if (line.startsWith("    ")) {
                continue; // the quoted source line
            }
            if (first == null) {
                first = l;
            }
            found = l;
        }
        return trimmed(found != null ? found : first != null ? first : message);
    }

    private static String hint(String problem) {
        if (problem.contains("expected <block end>") || problem.contains("block mapping start")) {
            return " (this line's indentation does not line up with the lines above it)";
        }
        if (problem.contains("mapping values are not allowed")) {
            return " (a `key: value` where a plain value was expected: indentation, or a value with `: ` in it that"
                    + " needs quotes?)";
        }
        if (problem.contains("'\\t'") || problem.contains("tab")) {
            return " (YAML indents with spaces, never tabs)";
        }
        if (problem.contains("could not find expected ':'")) {
            return " (a line without `key: value`, or a quote left open?)";
        }
        return "";
    }

    /**
     * {@code expected a whole number, got `eighty`} for a value of the wrong kind. A value longer than a typo is not
     * repeated: it is more likely a secret in the wrong place.
     */
    public static String wrongType(MismatchedInputException e, Map<Class<?>, String> names) {
        String expected = expected(e.getTargetType(), names);
        if (e instanceof InvalidFormatException f && f.getValue() != null) {
            String got = String.valueOf(f.getValue());
            if (got.length() <= MAX_ECHOED && got.indexOf('\n') < 0) {
                return "expected " + expected + ", got `" + got + "`";
            }
        }
        return "expected " + expected;
    }

    /** A value kind in words; {@code names} adds the caller's own types (records of a section, say). */
    public static String expected(Class<?> type, Map<Class<?>, String> names) {
        if (type == null) {
            return "another kind of value";
        }
        String named = names.get(type);
        if (named != null) {
            return named;
        }
        if (type == String.class) {
            return "a single value (text)";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "a map (`key: value` lines)";
    }
}
