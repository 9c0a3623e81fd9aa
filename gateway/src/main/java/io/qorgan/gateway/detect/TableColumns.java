package io.qorgan.gateway.detect;

import java.util.Arrays;

/**
 * Columns of delimited tables in one text (CSV, semicolon or tab separated, Markdown): a header cell that names a
 * kind of data ("birth_date", "Туған күні", "passport") makes the cells below it that kind, however far the header
 * is.
 *
 * <p>A header is the line holding the cue; its delimiter is the first of {@code | ; \t ,} found in it, and the cue's
 * column is the count of delimiters before it (outside double quotes). The table goes on while the following lines
 * hold the same delimiter; a Markdown rule line ({@code |---|---|}) is skipped, and a row that repeats the header
 * cell starts a column of its own.
 *
 * <p>One instance per text ({@link TextView#tables()}), because cues may be many and each reads a column: the lines,
 * their delimiters and cell counts are found once, and the chars all readings of one text may scan are bounded by a
 * multiple of its length. A crafted body of thousands of headers over one table (or one header line of thousands of
 * cues) stops having its columns read when the budget is spent, instead of costing headers × rows.
 */
final class TableColumns {

    /** Receives a cell, trimmed of spaces and quotes. */
    interface Cell {
        void at(int start, int end);
    }

    private static final String DELIMITERS = "|;\t,";
    private static final int MAX_ROWS = 10_000;
    /**
     * How many rows above a cell {@link #headerOf} climbs: each cell of a long table climbs on its own, so the walk is
     * bounded to keep a table of many rows linear; a cell further down is read as if it had no header.
     */
    private static final int HEADER_ROWS = 100;
    /** A longer line is no header and no row: tables have short lines, and a cell's column is counted from its start. */
    static final int MAX_LINE = 4_096;
    /** What visiting one row costs the budget, beside the chars scanned in it. */
    private static final int ROW_COST = 16;
    /** Chars the readings of one text may scan, per char of the text, beside {@link #BUDGET_FLOOR}. */
    private static final int BUDGET_PER_CHAR = 64;

    private static final int BUDGET_FLOOR = 1 << 20;

    private static final byte KNOWN = 1 << 6;
    private static final byte RULE = 1 << 5;

    private final char[] s;
    /** Start of each line, and {@code s.length + 1} after the last; made on first use. */
    private int[] lineStarts;

    private int lines;
    /** Per line: {@link #KNOWN} once read, bit k when {@code DELIMITERS.charAt(k)} is in it, {@link #RULE}. */
    private byte[] shapes;
    /** Per line: its own delimiter's count outside quotes, or -1 before it is needed. */
    private int[] counts;

    private long budget;

    TableColumns(char[] s) {
        this.s = s;
        this.budget = BUDGET_FLOOR + (long) BUDGET_PER_CHAR * s.length;
    }

    /** Calls {@code cell} for each cell below the header cell that holds {@code at}; nothing when not in a table. */
    void below(int at, Cell cell) {
        int line = lineOf(at);
        int start = start(line);
        int end = end(line);
        int column = end < s.length ? column(line, at) : -1;
        if (column < 0) {
            return;
        }
        char delimiter = delimiter(line);
        int cells = count(line, delimiter);
        long header = cellAt(start, end, delimiter, column);
        if (header < 0 || to(header) - from(header) > 40) {
            return; // a sentence with commas, not a header
        }
        for (int row = line + 1, rows = 0; row < lines && rows < MAX_ROWS; row++, rows++) {
            int rowStart = start(row);
            int rowEnd = end(row);
            if (rowEnd - rowStart > MAX_LINE || !spend(ROW_COST)) {
                return;
            }
            boolean rule = (shape(row) & RULE) != 0;
            int rowCells = rule ? cells : count(row, delimiter);
            if (rowCells == 0 || Math.abs(rowCells - cells) > (delimiter == '|' ? 0 : 1)) {
                return; // the table ended, or never began: a row has the header's cells (a comma in a cell aside)
            }
            if (rule) {
                continue;
            }
            long found = cellAt(rowStart, rowEnd, delimiter, column);
            if (found >= 0) {
                if (sameCell(header, found)) {
                    return; // the header again: it heads the rest of the column itself
                }
                cell.at(from(found), to(found));
            }
        }
    }

    /**
     * Calls {@code cell} with the header cell above the cell that holds {@code at}: the same column of the first line
     * of the rows around it that have as many cells; nothing when its line is not a table's row, or is the header.
     */
    void headerOf(int at, Cell cell) {
        int line = lineOf(at);
        int column = column(line, at);
        if (column < 0) {
            return;
        }
        char delimiter = delimiter(line);
        int cells = count(line, delimiter);
        int header = -1;
        int rows = 0;
        for (int above = line - 1; above >= 0 && rows < HEADER_ROWS; above--, rows++) {
            if (end(above) - start(above) > MAX_LINE || !spend(ROW_COST)) {
                return;
            }
            boolean rule = (shape(above) & RULE) != 0;
            int aboveCells = rule ? cells : count(above, delimiter);
            if (aboveCells == 0 || Math.abs(aboveCells - cells) > (delimiter == '|' ? 0 : 1)) {
                break;
            }
            if (!rule) {
                header = above;
            }
        }
        if (header >= 0 && rows < HEADER_ROWS) {
            long found = cellAt(start(header), end(header), delimiter, column);
            if (found >= 0) {
                cell.at(from(found), to(found));
            }
        }
    }

    /**
     * Calls {@code cell} with the cell right of the one that holds {@code at}, in its own row: a form's value beside
     * its key ("| Имя | Любовь |"); nothing when there is none.
     */
    void rightOf(int at, Cell cell) {
        int line = lineOf(at);
        int column = column(line, at);
        if (column < 0) {
            return;
        }
        long found = cellAt(start(line), end(line), delimiter(line), column + 1);
        if (found >= 0) {
            cell.at(from(found), to(found));
        }
    }

    /**
     * Whether the word at {@code at} may open a header cell: a line start, a delimiter or a quote before it, and a
     * delimiter in its line. Checked before {@link #below}, so a cue inside a sentence costs no reading of its line.
     */
    boolean inTable(int at) {
        int p = at - 1;
        while (p >= 0 && s[p] == ' ') {
            p--;
        }
        if (p >= 0 && s[p] != '\n' && s[p] != '"' && DELIMITERS.indexOf(s[p]) < 0) {
            return false;
        }
        return delimiter(lineOf(at)) != 0;
    }

    /**
     * Whether the line holding {@code at} opens its table, so a cue in it heads a column: the text's start, or the
     * line before it no row of the same table, having not as many cells ("| Password | Minimum 12 chars |" under a
     * header row describes a field, it heads nothing; "проверь столбцы, пожалуйста:" before a CSV header is prose).
     */
    boolean firstRow(int at) {
        int line = lineOf(at);
        char delimiter = delimiter(line);
        if (line == 0 || delimiter == 0) {
            return true;
        }
        int above = line - 1;
        int cells = count(line, delimiter);
        int aboveCells = (shape(above) & RULE) != 0 ? cells : count(above, delimiter);
        return aboveCells == 0 || Math.abs(aboveCells - cells) > (delimiter == '|' ? 0 : 1);
    }

    /** Takes {@code chars} from the budget; false once it is spent. */
    private boolean spend(int chars) {
        budget -= chars;
        return budget > 0;
    }

    private int lineOf(int p) {
        if (lineStarts == null) {
            index();
        }
        int lo = 0;
        int hi = lines - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= p) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Per ASCII char: the bit of its {@link #DELIMITERS} index, or 0. */
    private static final byte[] DELIMITER_BITS = new byte[128];

    static {
        for (int k = 0; k < DELIMITERS.length(); k++) {
            DELIMITER_BITS[DELIMITERS.charAt(k)] = (byte) (1 << k);
        }
    }

    /** The lines' starts; each line's {@link #shape} is read when first asked for. */
    private void index() {
        int n = 1;
        for (char c : s) {
            if (c == '\n') {
                n++;
            }
        }
        lineStarts = new int[n + 1];
        int k = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == '\n') {
                lineStarts[k++] = i + 1;
            }
        }
        lineStarts[n] = s.length + 1;
        lines = n;
        shapes = new byte[n];
        counts = new int[n];
        Arrays.fill(counts, -1);
    }

    private int start(int line) {
        return lineStarts[line];
    }

    /** The line's end: its newline, or the text's end. */
    private int end(int line) {
        return lineStarts[line + 1] - 1;
    }

    /**
     * The delimiters in the line and whether it is a Markdown rule (only dashes, colons, spaces and bars); read once
     * per line, and only for the lines asked about.
     */
    private byte shape(int line) {
        byte known = shapes[line];
        if (known != 0) {
            return known;
        }
        int shape = KNOWN;
        boolean dash = false;
        boolean rule = true;
        for (int i = start(line), end = end(line); i < end; i++) {
            char c = s[i];
            if (c < 128) {
                shape |= DELIMITER_BITS[c];
                if (c == '-') {
                    dash = true;
                } else if (c != '|' && c != ':' && c != ' ' && c != '\r') {
                    rule = false;
                }
            } else {
                rule = false;
            }
        }
        byte made = (byte) (rule && dash ? shape | RULE : shape);
        shapes[line] = made;
        return made;
    }

    private char delimiter(int line) {
        int bits = shape(line) & ((1 << DELIMITERS.length()) - 1);
        return bits == 0 ? 0 : DELIMITERS.charAt(Integer.numberOfTrailingZeros(bits));
    }

    /** Delimiters outside double quotes in the line: counted once for the line's own delimiter. */
    private int count(int line, char delimiter) {
        boolean own = delimiter(line) == delimiter;
        if (own && counts[line] >= 0) {
            return counts[line];
        }
        int n = 0;
        boolean quoted = false;
        int from = start(line);
        int to = end(line);
        if (!own && !spend(to - from)) {
            return 0;
        }
        for (int i = from; i < to; i++) {
            if (s[i] == '"') {
                quoted = !quoted;
            } else if (s[i] == delimiter && !quoted) {
                n++;
            }
        }
        if (own) {
            counts[line] = n;
        }
        return n;
    }

    /**
     * The column of the cell holding {@code at} in its line, counted by the line's delimiter (its scan taken from the
     * budget); -1 when the line has no delimiter, is longer than {@link #MAX_LINE}, or the budget is spent.
     */
    private int column(int line, int at) {
        int start = start(line);
        char delimiter = delimiter(line);
        if (delimiter == 0 || end(line) - start > MAX_LINE || !spend(at - start)) {
            return -1;
        }
        return columnOf(start, at, delimiter);
    }

    private int columnOf(int from, int at, char delimiter) {
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

    /** The trimmed cell {@code column} of {@code s[from, to)} as {@code start << 32 | end}, or -1 when empty or absent. */
    private long cellAt(int from, int to, char delimiter, int column) {
        int index = 0;
        int start = from;
        boolean quoted = false;
        for (int i = from; i <= to; i++) {
            if (i < to && s[i] == '"') {
                quoted = !quoted;
            } else if (i == to || s[i] == delimiter && !quoted) {
                if (index == column) {
                    spend(i - from);
                    int a = start;
                    int b = i;
                    while (a < b && (s[a] == ' ' || s[a] == '"' || s[a] == '\r')) {
                        a++;
                    }
                    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '"' || s[b - 1] == '\r')) {
                        b--;
                    }
                    return b > a ? (long) a << 32 | b : -1;
                }
                index++;
                start = i + 1;
            }
        }
        spend(to - from);
        return -1;
    }

    private boolean sameCell(long a, long b) {
        int length = to(a) - from(a);
        if (to(b) - from(b) != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char x = s[from(a) + i];
            char y = s[from(b) + i];
            if (x != y && Character.toLowerCase(x) != Character.toLowerCase(y)) {
                return false;
            }
        }
        return true;
    }

    private static int from(long cell) {
        return (int) (cell >>> 32);
    }

    private static int to(long cell) {
        return (int) cell;
    }
}
