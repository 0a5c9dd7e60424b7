package conformance.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The compact table a benchmark prints at its end: a title, a header and rows, columns aligned. */
final class Table {
    private final String title;
    private final List<String[]> rows = new ArrayList<>();

    Table(String title, String... header) {
        this.title = title;
        rows.add(header);
    }

    Table row(Object... cells) {
        String[] row = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            row[i] = String.valueOf(cells[i]);
        }
        rows.add(row);
        return this;
    }

    void print(PrintStream out) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] widths = new int[columns];
        rows.forEach(r -> {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        });
        out.println("[benchmark] " + title);
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder("[benchmark]   ");
            for (int i = 0; i < r.length; i++) {
                line.append(i == 0 ? String.format("%-" + widths[i] + "s", r[i]) : String.format("  %" + widths[i] + "s", r[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
