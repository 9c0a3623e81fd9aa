package io.qorgan.gateway.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cells below a header cell, in CSV, semicolon, tab and Markdown tables. */
class TableColumnsTest {

    private static List<String> below(String text, String header) {
        char[] s = text.toCharArray();
        List<String> cells = new ArrayList<>();
        TableColumns.below(s, text.indexOf(header), (a, b) -> cells.add(text.substring(a, b)));
        return cells;
    }

    @Test
    void below_csvWithQuotedCommas_cellsOfTheColumn() {
        assertThat(below("id,address,phone\n1,\"Астана, ул. Абая, 1\",87011112233\n2,,8702", "phone"))
                .containsExactly("87011112233", "8702");
        assertThat(below("id,address,phone\n1,\"Астана, ул. Абая, 1\",87011112233", "address"))
                .containsExactly("Астана, ул. Абая, 1");
    }

    @Test
    void below_markdownTable_skipsTheRuleLine() {
        assertThat(below("| a | b |\n|---|:---:|\n| x | y |\n| z | w |\n\nтекст после", "b"))
                .containsExactly("y", "w");
    }

    @Test
    void below_semicolonAndTab_endsWithTheTable() {
        assertThat(below("a;b\n1;2\nпросто текст\n3;4", "b")).containsExactly("2");
        assertThat(below("a\tb\n1\t2", "b")).containsExactly("2");
        assertThat(below("no table here", "table")).isEmpty();
    }
}
