package com.papertrader.domain.market;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvCorporateActionsTest {

    private static final String CSV = """
            kind,ticker,date,value,value
            split,nvda,2024-06-10,1,10
            dividend,AAPL,2024-08-12,0.25
            dividend,SHOP,2024-08-12,0.10,CAD
            split,GE,2021-08-02,0,1
            merger,X,2024-01-01,1,1
            split,GE,not-a-date,8,1
            """;

    @Test
    void readsSplitsAndDividendsAndRejectsTheRestByLine() throws IOException {
        CsvCorporateActions file = CsvCorporateActions.read(new StringReader(CSV));

        assertEquals(List.of(new Split("NVDA", LocalDate.of(2024, 6, 10), BigDecimal.ONE, BigDecimal.TEN, null),
                        new CashDividend("AAPL", LocalDate.of(2024, 8, 12), null, new BigDecimal("0.25"), "USD", null)),
                file.fetch(List.of("NVDA", "AAPL"), LocalDate.of(2024, 1, 1)).actions());
        assertEquals(List.of(
                "line 4: Dividend of SHOP ex 2024-08-12 is paid in CAD; only USD dividends are followed",
                "line 5: Split of GE on 2021-08-02: the ratio must be positive, got 0 to 1",
                "line 6: unknown kind 'merger' (split or dividend)",
                "line 7: Text 'not-a-date' could not be parsed at index 0"), file.rejectedLines());
        assertEquals(1, file.fetch(List.of("NVDA", "AAPL"), LocalDate.of(2024, 7, 1)).actions().size(), "from a date on");
    }
}
