package io.qorgan.gateway.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cells below a header cell, in CSV, semicolon, tab and Markdown tables. */
class TableColumnsTest {

    private static List<String> below(String text, String header) {
        List<String> cells = new ArrayList<>();
        new TableColumns(text.toCharArray()).below(text.indexOf(header), (a, b) -> cells.add(text.substring(a, b)));
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

    @Test
    void below_headerRepeatedInTheColumn_endsTheColumnThere() {
        assertThat(below("| ФИО |\n|---|\n| Асель Нурланова |\n| фио |\n| Ерлан Сапаров |", "ФИО"))
                .containsExactly("Асель Нурланова");
    }

    @Test
    void below_tableOfManyRowsUnderSeveralHeaders_everyCellRead() {
        StringBuilder text = new StringBuilder("ФИО;Паспорт;Дата рождения;Пароль;Логин;Телефон\n");
        int rows = 8_000;
        for (int i = 0; i < rows; i++) {
            text.append("Асель Нурланова;N").append(1_000_000 + i).append(";01.02.1990;x;y;z\n");
        }
        TableColumns tables = new TableColumns(text.toString().toCharArray());
        int[] cells = {0};
        for (String header : List.of("ФИО", "Паспорт", "Дата рождения", "Пароль", "Логин", "Телефон")) {
            tables.below(text.indexOf(header), (a, b) -> cells[0]++);
        }
        assertThat(cells[0]).isEqualTo(6 * rows);
    }

    @Test
    void below_crafted_headersOverOneTable_readsAtMostABudgetLinearInTheText() {
        // every header differs, so each would read the whole table below it: headers × rows without the budget
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 200_000; i++) {
            text.append("| ФИО ").append(i).append(" |\n| Асель Нурланова |\n");
        }
        String t = text.toString();
        TableColumns tables = new TableColumns(t.toCharArray());
        long[] cells = {0};
        int headers = 0;
        for (int at = t.indexOf("ФИО"); at >= 0; at = t.indexOf("ФИО", at + 1)) {
            tables.below(at, (a, b) -> cells[0]++);
            headers++;
        }
        assertThat(headers).isGreaterThan(5_000);
        assertThat(cells[0]).isGreaterThan(headers).isLessThan(64L * t.length() / 16 + (1 << 20) / 16);
    }

    @Test
    void headerOf_cellInAColumn_theHeaderAboveIt() {
        String text = "device,model,firmware,ip\nsw-01,Cisco,15.2.7.3,10.1.1.2\nsw-02,Cisco,15.2.7.4,10.1.1.3";
        List<String> headers = new ArrayList<>();
        new TableColumns(text.toCharArray())
                .headerOf(text.indexOf("10.1.1.3"), (a, b) -> headers.add(text.substring(a, b)));
        assertThat(headers).containsExactly("ip");
    }

    @Test
    void firstRow_lineUnderARowOfTheSameDelimiter_isNoHeader() {
        String text = "| Поле | Требование |\n| Password | Minimum 12 chars |";
        TableColumns tables = new TableColumns(text.toCharArray());
        assertThat(tables.firstRow(text.indexOf("Поле"))).isTrue();
        assertThat(tables.firstRow(text.indexOf("Password"))).isFalse();
    }
}
