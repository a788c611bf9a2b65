package com.papertrader.interfaces.rest;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes CSV (RFC 4180): fields with a comma, quote or line break are quoted, quotes doubled, lines end in CRLF.
 * Text cells that a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return) get a
 * leading apostrophe, so an agent's reason like "=HYPERLINK(...)" stays text. Numbers are written as they are:
 * they come from our own BigDecimals and longs, never from a person.
 */
final class Csv {

    private final Writer out;

    Csv(Writer out) {
        this.out = out;
    }

    /** One line; each cell is a {@link Number}, written plainly, or any other value (null for empty), written as text. */
    Csv row(List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
        return this;
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
