package io.qorgan.gateway.detect;

/**
 * Columns of delimited tables in a text (CSV, semicolon or tab separated, Markdown): a header cell that names a kind
 * of data ("birth_date", "Туған күні", "passport") makes the cells below it that kind, however far the header is.
 *
 * <p>A header is the line holding the cue; its delimiter is the first of {@code | ; \t ,} found in it, and the cue's
 * column is the count of delimiters before it (outside double quotes). The table goes on while the following lines
 * hold the same delimiter; a Markdown rule line ({@code |---|---|}) is skipped.
 */
final class TableColumns {

    /** Receives a cell, trimmed of spaces and quotes. */
    interface Cell {
        void at(int start, int end);
    }

    private static final String DELIMITERS = "|;\t,";
    private static final int MAX_ROWS = 10_000;

    private TableColumns() {}

    /** Calls {@code cell} for each cell below the header cell that holds {@code at}; nothing when not in a table. */
    static void below(char[] s, int at, Cell cell) {
        int lineStart = lineStart(s, at);
        int lineEnd = lineEnd(s, at);
        char delimiter = delimiter(s, lineStart, lineEnd);
        if (delimiter == 0 || lineEnd >= s.length) {
            return;
        }
        int column = columnOf(s, lineStart, at, delimiter);
        int cells = count(s, lineStart, lineEnd, delimiter);
        if (!shortCell(s, lineStart, lineEnd, delimiter, column)) {
            return; // a sentence with commas, not a header
        }
        int line = lineEnd + 1;
        for (int rows = 0; line < s.length && rows < MAX_ROWS; rows++) {
            int end = lineEnd(s, line);
            boolean rule = rule(s, line, end);
            int rowCells = rule ? cells : count(s, line, end, delimiter);
            if (rowCells == 0 || Math.abs(rowCells - cells) > (delimiter == '|' ? 0 : 1)) {
                return; // the table ended, or never began: a row has the header's cells (a comma in a cell aside)
            }
            if (!rule) {
                cellAt(s, line, end, delimiter, column, cell);
            }
            line = end + 1;
        }
    }

    /**
     * How many rows above a cell {@link #headerOf} climbs: each cell of a long table climbs on its own, so the walk is
     * bounded to keep a table of many rows linear; a cell further down is read as if it had no header.
     */
    private static final int HEADER_ROWS = 100;

    /**
     * Calls {@code cell} with the header cell above the cell that holds {@code at}: the same column of the first line
     * of the rows around it that have as many cells; nothing when its line is not a table's row, or is the header.
     */
    static void headerOf(char[] s, int at, Cell cell) {
        int line = lineStart(s, at);
        int end = lineEnd(s, at);
        char delimiter = delimiter(s, line, end);
        if (delimiter == 0) {
            return;
        }
        int column = columnOf(s, line, at, delimiter);
        int cells = count(s, line, end, delimiter);
        int header = -1;
        int rows = 0;
        for (; line > 0 && rows < HEADER_ROWS; rows++) {
            int above = lineStart(s, line - 1);
            boolean rule = rule(s, above, line - 1);
            int aboveCells = rule ? cells : count(s, above, line - 1, delimiter);
            if (aboveCells == 0 || Math.abs(aboveCells - cells) > (delimiter == '|' ? 0 : 1)) {
                break;
            }
            if (!rule) {
                header = above;
            }
            line = above;
        }
        if (header >= 0 && rows < HEADER_ROWS) {
            cellAt(s, header, lineEnd(s, header), delimiter, column, cell);
        }
    }

    /** Delimiters outside double quotes in {@code s[from, to)}. */
    private static int count(char[] s, int from, int to, char delimiter) {
        int n = 0;
        boolean quoted = false;
        for (int i = from; i < to; i++) {
            if (s[i] == '"') {
                quoted = !quoted;
            } else if (s[i] == delimiter && !quoted) {
                n++;
            }
        }
        return n;
    }

    /** Whether the header cell {@code column} is short, as header cells are. */
    private static boolean shortCell(char[] s, int from, int to, char delimiter, int column) {
        int[] length = {-1};
        cellAt(s, from, to, delimiter, column, (a, b) -> length[0] = b - a);
        return length[0] >= 0 && length[0] <= 40;
    }

    /**
     * Whether the word at {@code at} may open a header cell: a line start, a delimiter or a quote before it. Checked
     * before {@link #below}, so a cue inside a sentence costs no scan of its line.
     */
    static boolean inTable(char[] s, int at) {
        int p = at - 1;
        while (p >= 0 && s[p] == ' ') {
            p--;
        }
        if (p >= 0 && s[p] != '\n' && s[p] != '"' && DELIMITERS.indexOf(s[p]) < 0) {
            return false;
        }
        return delimiter(s, lineStart(s, at), lineEnd(s, at)) != 0;
    }

    /**
     * Whether the line holding {@code at} opens its table, so a cue in it heads a column: the text's start, or the
     * line before it blank or not cut by this line's delimiter ("| Password | Minimum 12 chars |" under a header row
     * describes a field, it heads nothing).
     */
    static boolean firstRow(char[] s, int at) {
        int start = lineStart(s, at);
        if (start == 0) {
            return true;
        }
        char delimiter = delimiter(s, start, lineEnd(s, at));
        return Chars.indexOf(s, delimiter, lineStart(s, start - 1), start - 1) < 0;
    }

    private static int lineStart(char[] s, int p) {
        int q = Math.min(p, s.length);
        while (q > 0 && s[q - 1] != '\n') {
            q--;
        }
        return q;
    }

    private static int lineEnd(char[] s, int p) {
        int q = p;
        while (q < s.length && s[q] != '\n') {
            q++;
        }
        return q;
    }

    private static char delimiter(char[] s, int from, int to) {
        for (int k = 0; k < DELIMITERS.length(); k++) {
            char d = DELIMITERS.charAt(k);
            for (int i = from; i < to; i++) {
                if (s[i] == d) {
                    return d;
                }
            }
        }
        return 0;
    }

    private static int columnOf(char[] s, int from, int at, char delimiter) {
        int column = 0;
        boolean quoted = false;
        for (int i = from; i < at; i++) {
            if (s[i] == '"') {
                quoted = !quoted;
            } else if (s[i] == delimiter && !quoted) {
                column++;
            }
        }
        return column;
    }

    /** A Markdown rule: only dashes, colons, spaces and bars. */
    private static boolean rule(char[] s, int from, int to) {
        boolean dash = false;
        for (int i = from; i < to; i++) {
            char c = s[i];
            if (c == '-') {
                dash = true;
            } else if (c != '|' && c != ':' && c != ' ' && c != '\r') {
                return false;
            }
        }
        return dash;
    }

    private static void cellAt(char[] s, int from, int to, char delimiter, int column, Cell cell) {
        int index = 0;
        int start = from;
        boolean quoted = false;
        for (int i = from; i <= to; i++) {
            if (i < to && s[i] == '"') {
                quoted = !quoted;
            } else if (i == to || s[i] == delimiter && !quoted) {
                if (index == column) {
                    int a = start;
                    int b = i;
                    while (a < b && (s[a] == ' ' || s[a] == '"' || s[a] == '\r')) {
                        a++;
                    }
                    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '"' || s[b - 1] == '\r')) {
                        b--;
                    }
                    if (b > a) {
                        cell.at(a, b);
                    }
                    return;
                }
                index++;
                start = i + 1;
            }
        }
    }
}
