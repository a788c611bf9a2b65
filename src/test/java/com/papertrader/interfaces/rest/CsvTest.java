package com.papertrader.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaksAndEndsLinesWithCrLf() throws Exception {
        StringWriter out = new StringWriter();
        new Csv(out).row(List.of("id", "reason")).row(Arrays.asList("a|AAPL|0", "SMA 10, SMA 30 \"cross\"\nup"))
                .row(Arrays.asList(null, ""));
        assertEquals("id,reason\r\na|AAPL|0,\"SMA 10, SMA 30 \"\"cross\"\"\nup\"\r\n,\r\n", out.toString());
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaGetsAnApostrophe() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", Csv.cell("=HYPERLINK(\"http://x\",\"y\")"));
        assertEquals("'+1", Csv.cell("+1"));
        assertEquals("'-2+3", Csv.cell("-2+3"));
        assertEquals("'@SUM(A1)", Csv.cell("@SUM(A1)"));
        assertEquals("'\tx", Csv.cell("\tx"));
        assertEquals("a=b", Csv.cell("a=b"));
    }

    @Test
    void numbersAndTimesAreWrittenPlainly() {
        assertEquals("-12.50", Csv.cell(new BigDecimal("-12.50")));
        assertEquals("1000", Csv.cell(new BigDecimal("1E+3")));
        assertEquals("42", Csv.cell(42L));
        assertEquals("2026-06-10T13:30:00Z", Csv.cell(Instant.parse("2026-06-10T13:30:00Z")));
    }
}
