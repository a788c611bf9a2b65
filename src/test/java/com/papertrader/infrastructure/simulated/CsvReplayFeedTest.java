package com.papertrader.infrastructure.simulated;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.FetchedBars;
import com.papertrader.domain.market.RejectedBar;
import com.papertrader.domain.market.Timeframe;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReplayFeedTest {

    private static final String CSV = """
            ticker,t,o,h,l,c,v
            AAPL,1772634900000,263.5,264.17,263.12,263.79,1184520.5
            AAPL,1772634600000,262.41,263.88,261.95,263.52,2184633
            MSFT,1772634600000,407.12,408.95,406.3,408.41,498211
            AAPL,1772635200000,NaN,263.99,262.86,263.05,968211
            AAPL,1772635500000,263.06,262.5,263.4,262.73,874402
            AAPL,abc,1,1,1,1,1
            AAPL,1772635800000,1,2,3
            ,1772635800000,1,1,1,1,1
            AAPL,1772634600000,262.41,263.88,261.95,263.52,1

              AAPL , 1772636100000 , 263.16 , 263.62 , 263.01 , 263.48 , 655318
            """;

    private static final Instant T0930 = Instant.parse("2026-03-04T14:30:00Z");

    @TempDir
    Path dir;

    /** The file above, as the replay reads it ({@link com.papertrader.domain.market.CsvBars} parses it). */
    private CsvReplayFeed feed() throws IOException {
        Path file = dir.resolve("replay.csv");
        Files.writeString(file, CSV, StandardCharsets.UTF_8);
        return CsvReplayFeed.read(file, Timeframe.minutes(5));
    }

    @Test
    void keepsGoodLinesInTimeOrderPerTicker() throws IOException {
        FetchedBars aapl = feed().fetch("AAPL", T0930, Instant.parse("2026-03-04T15:00:00Z"));
        assertEquals(List.of(T0930, Instant.parse("2026-03-04T14:35:00Z"), Instant.parse("2026-03-04T14:55:00Z")),
                aapl.bars().stream().map(Bar::start).toList());
        Bar first = aapl.bars().get(0);
        assertEquals(new Bar("AAPL", T0930, Duration.ofMinutes(5), new BigDecimal("262.41"), new BigDecimal("263.88"),
                new BigDecimal("261.95"), new BigDecimal("263.52"), new BigDecimal("2184633"), null, null), first);
        assertEquals(new BigDecimal("1184520.5"), aapl.bars().get(1).volume());
        assertEquals(List.of(), aapl.rejected());
        assertEquals(1, feed().fetch("MSFT", T0930, Instant.parse("2026-03-04T15:00:00Z")).bars().size());
    }

    @Test
    void rejectsBadLinesWithLineNumberAndReason() throws IOException {
        assertEquals(List.of(
                new RejectedBar("AAPL", Instant.parse("2026-03-04T14:40:00Z"),
                        "line 5: Invalid bar AAPL @ 2026-03-04T14:40:00Z: o is not a number: 'NaN'"),
                new RejectedBar("AAPL", Instant.parse("2026-03-04T14:45:00Z"),
                        "line 6: Invalid bar AAPL @ 2026-03-04T14:45:00Z: high 262.5 is below low 263.4"),
                new RejectedBar("AAPL", null, "line 7: Invalid bar AAPL at an unknown time: t is not epoch milliseconds: 'abc'"),
                new RejectedBar(null, null, "line 8: expected 7 fields ticker,t,o,h,l,c,v but found 5"),
                new RejectedBar(null, null, "line 9: empty ticker"),
                new RejectedBar("AAPL", T0930, "line 10: Invalid bar AAPL @ 2026-03-04T14:30:00Z: duplicate of line 3")),
                feed().rejectedLines());
    }

    @Test
    void fetchIsHalfOpenAndUnknownTickersHaveNoBars() throws IOException {
        CsvReplayFeed feed = feed();
        assertEquals(List.of(Instant.parse("2026-03-04T14:35:00Z")), feed.fetch("AAPL",
                Instant.parse("2026-03-04T14:35:00Z"), Instant.parse("2026-03-04T14:55:00Z")).bars().stream().map(Bar::start).toList());
        assertEquals(FetchedBars.empty(), feed.fetch("TSLA", T0930, Instant.parse("2026-03-05T00:00:00Z")));
        assertEquals("csv", feed.name());
    }

    @Test
    void readsAFileWithoutHeader() throws IOException {
        Path file = dir.resolve("bars.csv");
        Files.writeString(file, "SPY,1772634600000,580,581,579.5,580.25,1000\n", StandardCharsets.UTF_8);
        CsvReplayFeed feed = CsvReplayFeed.read(file, Timeframe.minutes(5));
        assertEquals(1, feed.fetch("SPY", T0930, T0930.plusSeconds(300)).bars().size());
        assertEquals(List.of(), feed.rejectedLines());
    }
}
