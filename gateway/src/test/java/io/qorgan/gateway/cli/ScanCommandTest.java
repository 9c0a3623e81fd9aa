package io.qorgan.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qorgan.gateway.testing.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {

    private static final String TEXT = "Заявитель ИИН 900515301234, почта a.user@mail.kz\n";

    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    private int run(String... args) {
        return cli.run(args);
    }

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void scan_fileWithFindings_marksThemAndCountsByTypeAndExitsZero() throws IOException {
        Path f = file("letter.txt", TEXT);

        int code = run("scan", f.toString());

        assertThat(code).isZero();
        assertThat(cli.out())
                .contains("«IIN:900515301234»")
                .contains("«EMAIL:a.user@mail.kz»")
                .contains("found 2")
                .contains("IIN 1")
                .contains("EMAIL 1");
    }

    @Test
    void scan_formatJsonl_printsOneLineWithUtf16OffsetsAndText() throws IOException {
        Path f = file("letter.txt", TEXT);

        int code = run("scan", "--format", "jsonl", f.toString());

        assertThat(code).isZero();
        String[] lines = cli.out().strip().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode node = new ObjectMapper().readTree(lines[0]);
        assertThat(node.get("id").asText()).isEqualTo(f.toString());
        JsonNode first = node.get("findings").get(0);
        assertThat(first.get("type").asText()).isEqualTo("IIN");
        assertThat(first.get("start").asInt()).isEqualTo(TEXT.indexOf("900515301234"));
        assertThat(first.get("end").asInt()).isEqualTo(TEXT.indexOf("900515301234") + 12);
        assertThat(first.get("text").asText()).isEqualTo("900515301234");
        assertThat(first.get("score").asDouble()).isBetween(0.5, 1.0);
    }

    @Test
    void scan_jsonlInput_usesIdsOfTheLines() throws IOException {
        Path f = file(
                "batch.jsonl",
                "{\"id\":\"a1\",\"text\":\"тел. +7 701 123 45 67\"}\n{\"id\":\"a2\",\"text\":\"ничего\"}\n");

        int code = run("scan", "--jsonl", "--format", "jsonl", f.toString());

        assertThat(code).isZero();
        String[] lines = cli.out().strip().split("\n");
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(lines[0]).get("id").asText()).isEqualTo("a1");
        assertThat(json.readTree(lines[0]).get("findings").get(0).get("type").asText())
                .isEqualTo("PHONE");
        assertThat(json.readTree(lines[1]).get("findings")).isEmpty();
    }

    @Test
    void scan_failOnFindWithFindings_exitsThree() throws IOException {
        Path f = file("letter.txt", TEXT);

        assertThat(run("scan", "--fail-on-find", f.toString())).isEqualTo(3);
    }

    @Test
    void scan_failOnFindWithoutFindings_exitsZero() throws IOException {
        Path f = file("clean.txt", "Отчет за квартал готов.");

        assertThat(run("scan", "--fail-on-find", f.toString())).isZero();
        assertThat(cli.out()).contains("found 0");
    }

    @Test
    void scan_unreadableFile_printsOneLineAndExitsOne() {
        Path missing = dir.resolve("missing.txt");

        int code = run("scan", missing.toString());

        assertThat(code).isEqualTo(1);
        assertThat(cli.err().strip().lines()).hasSize(1);
        assertThat(cli.err()).startsWith("qorgan: cannot read").contains("missing.txt");
    }

    @Test
    void scan_jsonlInputWithNumericIds_keepsTheTypeOfEachId() throws IOException {
        Path f = file("rows.jsonl", "{\"id\":7,\"text\":\"ИИН 900515301234\"}\n{\"id\":\"7\",\"text\":\"ничего\"}\n");

        int code = run("scan", "--jsonl", "--format", "jsonl", f.toString());

        assertThat(code).isZero();
        String[] lines = cli.out().strip().split("\n");
        assertThat(lines[0]).startsWith("{\"id\":7,");
        assertThat(lines[1]).startsWith("{\"id\":\"7\",");
    }

    @Test
    void scan_minScoreOutOfRange_isAUsageErrorNamingTheOption() throws IOException {
        Path f = file("letter.txt", TEXT);

        int code = run("scan", "--min-score", "2", f.toString());

        assertThat(code).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).contains("--min-score must be between 0 and 1, got 2");
    }

    @Test
    void scan_patternThatMatchedNothing_saysSo() {
        int code = run("scan", dir.resolve("letters").resolve("*.txt").toString());

        assertThat(code).isEqualTo(2);
        assertThat(cli.err())
                .contains("no file matches `" + dir.resolve("letters").resolve("*.txt") + "`")
                .doesNotContain("NoSuchFileException");
    }

    @Test
    void scan_missingFile_saysNoSuchFile() {
        int code = run("scan", dir.resolve("gone.txt").toString());

        assertThat(code).isEqualTo(1);
        assertThat(cli.err()).contains("cannot read " + dir.resolve("gone.txt") + ": no such file");
    }
}
