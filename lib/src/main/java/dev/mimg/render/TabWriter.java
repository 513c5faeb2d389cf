package dev.mimg.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Aligns tab-separated text like Go's text/tabwriter with flags 0 and padding character ' '.
 *
 * <p>Each line is split at {@code \t}; every tab-terminated cell belongs to a column, the text after
 * a line's last tab does not and is never padded. A column is a block of adjacent lines that all have
 * a tab-terminated cell at that position: a line with fewer cells ends the block, and a later block of
 * the same column is sized on its own. Cells are padded with spaces to the block width
 * {@code max(minWidth, widest cell + padding)}; widths count Unicode code points.
 */
public final class TabWriter {

  private final int minWidth;
  private final int padding;

  /** A writer like Go's {@code tabwriter.NewWriter(out, minWidth, 1, padding, ' ', 0)}. */
  public TabWriter(int minWidth, int padding) {
    this.minWidth = minWidth;
    this.padding = padding;
  }

  /** Docker's table settings: minimum column width 10, padding 3. */
  public static TabWriter docker() {
    return new TabWriter(10, 3);
  }

  /** Aligns {@code lines} with Docker's settings; each output line ends with a newline. */
  public static String format(List<String> lines) {
    StringBuilder text = new StringBuilder();
    lines.forEach(line -> text.append(line).append('\n'));
    return docker().align(text.toString());
  }

  /** Aligns {@code text}; lines end at {@code \n}, and a missing final newline stays missing. */
  public String align(String text) {
    List<String[]> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      lines.add(line.split("\t", -1));
    }
    StringBuilder out = new StringBuilder();
    new Layout(lines, out).formatBlock(0, lines.size());
    return out.toString();
  }

  /** One alignment pass over split lines, writing into {@code out}. */
  private final class Layout {

    private final List<String[]> lines;
    private final StringBuilder out;
    private final List<Integer> columnWidths = new ArrayList<>();

    Layout(List<String[]> lines, StringBuilder out) {
      this.lines = lines;
      this.out = out;
    }

    /** Lays out lines [first, end), which all have a cell in every column sized so far. */
    void formatBlock(int first, int end) {
      int column = columnWidths.size();
      for (int current = first; current < end; current++) {
        if (!hasTerminatedCell(current, column)) {
          continue;
        }
        writeLines(first, current);
        first = current;
        int width = minWidth;
        while (current < end && hasTerminatedCell(current, column)) {
          width = Math.max(width, cellWidth(lines.get(current)[column]) + padding);
          current++;
        }
        columnWidths.add(width);
        formatBlock(first, current);
        columnWidths.remove(columnWidths.size() - 1);
        first = current;
      }
      writeLines(first, end);
    }

    private boolean hasTerminatedCell(int line, int column) {
      return column < lines.get(line).length - 1;
    }

    private void writeLines(int first, int end) {
      for (int line = first; line < end; line++) {
        String[] cells = lines.get(line);
        for (int column = 0; column < cells.length; column++) {
          out.append(cells[column]);
          if (column < columnWidths.size()) {
            out.append(" ".repeat(columnWidths.get(column) - cellWidth(cells[column])));
          }
        }
        if (line + 1 < lines.size()) {
          out.append('\n');
        }
      }
    }

    private int cellWidth(String cell) {
      return cell.codePointCount(0, cell.length());
    }
  }
}
