package com.papertrader.infrastructure.polygon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.FeedException;
import com.papertrader.domain.market.FeedException.Kind;
import com.papertrader.domain.market.FetchedBars;
import com.papertrader.domain.market.RejectedBar;
import com.papertrader.domain.market.Timeframe;
import jakarta.json.Json;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PolygonAggregatesTranslatorTest {

    private static final Timeframe FIVE_MINUTES = Timeframe.minutes(5);
    private final PolygonAggregatesTranslator translator = new PolygonAggregatesTranslator();

    private AggregatesPage page(String ticker, String fixture) throws FeedException {
        return translator.page(ticker, FIVE_MINUTES, PolygonFixtures.json(fixture));
    }

    @Test
    void okAnswerGivesSixBarsStartingAtTheOpen() throws FeedException {
        AggregatesPage page = page("AAPL", "aggs_ok.json");
        List<Bar> bars = page.bars().bars();
        assertEquals(6, bars.size());
        assertEquals(List.of(), page.bars().rejected());
        assertEquals(Optional.empty(), page.next());

        Bar first = bars.get(0);
        assertEquals("AAPL", first.ticker());
        assertEquals(Instant.parse("2026-03-04T14:30:00Z"), first.start());
        assertEquals(Duration.ofMinutes(5), first.span());
        assertEquals(new BigDecimal("262.41"), first.open());
        assertEquals(new BigDecimal("263.88"), first.high());
        assertEquals(new BigDecimal("261.95"), first.low());
        assertEquals(new BigDecimal("263.52"), first.close());
        assertEquals("2184633", first.volume().toPlainString()); // sent as 2.184633e+06
        assertEquals(new BigDecimal("262.9871"), first.vwap());
        assertEquals(31872L, first.trades());

        assertEquals("968211.4", bars.get(2).volume().toPlainString());
        assertEquals(new BigDecimal("263.785"), bars.get(2).open());
        assertEquals(Instant.parse("2026-03-04T14:55:00Z"), bars.get(5).start());
    }

    @Test
    void paginatedAnswerCarriesNextUrlUntilTheLastPage() throws FeedException {
        AggregatesPage first = page("MSFT", "aggs_paginated_page1.json");
        assertEquals(4, first.bars().bars().size());
        assertEquals(Optional.of("https://api.massive.com/v2/aggs/ticker/MSFT/range/5/minute/1772635800000/1772636699999"
                + "?cursor=bGltaXQ9MjAmc29ydD1hc2M"), first.next());
        assertEquals(Instant.parse("2026-03-04T14:45:00Z"), first.bars().bars().get(3).start());

        AggregatesPage last = page("MSFT", "aggs_paginated_page2.json");
        assertEquals(3, last.bars().bars().size());
        assertEquals(Instant.parse("2026-03-04T14:50:00Z"), last.bars().bars().get(0).start());
        assertEquals(new BigDecimal("408"), last.bars().bars().get(2).open());
        assertEquals(Optional.empty(), last.next());
    }

    @ParameterizedTest
    @ValueSource(strings = {"aggs_empty.json", "aggs_results_null.json", "aggs_results_empty.json"})
    void absentNullAndEmptyResultsAllMeanNoBars(String fixture) throws FeedException {
        AggregatesPage page = page("AAPL", fixture);
        assertEquals(FetchedBars.empty(), page.bars());
        assertEquals(Optional.empty(), page.next());
    }

    @Test
    void delayedStatusCarriesDataAndOptionalFieldsMayBeMissing() throws FeedException {
        List<Bar> bars = page("AAPL", "aggs_delayed.json").bars().bars();
        assertEquals(2, bars.size());
        assertEquals("181724024", bars.get(0).volume().toPlainString());
        assertNull(bars.get(0).vwap());
        assertNull(bars.get(0).trades());
        assertEquals("1184520.25", bars.get(1).volume().toPlainString());
        assertNull(bars.get(1).vwap());
    }

    @Test
    void nanStringsAreRejectedAndTheOtherBarsKept() throws FeedException {
        FetchedBars fetched = page("AAPL", "aggs_nan.json").bars();
        assertEquals(List.of(Instant.parse("2026-03-04T14:30:00Z")), starts(fetched));
        assertEquals(List.of(
                new RejectedBar("AAPL", Instant.parse("2026-03-04T14:35:00Z"),
                        "Invalid bar AAPL @ 2026-03-04T14:35:00Z: o is not a number: \"NaN\""),
                new RejectedBar("AAPL", Instant.parse("2026-03-04T14:40:00Z"),
                        "Invalid bar AAPL @ 2026-03-04T14:40:00Z: vw is not a number: \"NaN\"")),
                fetched.rejected());
    }

    @Test
    void highBelowLowIsRejectedByBarValidation() throws FeedException {
        FetchedBars fetched = page("AAPL", "aggs_high_below_low.json").bars();
        assertEquals(List.of(Instant.parse("2026-03-04T14:50:00Z")), starts(fetched));
        assertEquals(List.of(new RejectedBar("AAPL", Instant.parse("2026-03-04T14:45:00Z"),
                "Invalid bar AAPL @ 2026-03-04T14:45:00Z: high 262.5 is below low 263.4")), fetched.rejected());
    }

    @Test
    void negativeVolumeAndPricesAreRejected() throws FeedException {
        FetchedBars fetched = page("AAPL", "aggs_negative.json").bars();
        assertEquals(List.of(Instant.parse("2026-03-04T14:40:00Z")), starts(fetched));
        assertEquals(List.of(
                "Invalid bar AAPL @ 2026-03-04T14:30:00Z: negative volume -100",
                "Invalid bar AAPL @ 2026-03-04T14:35:00Z: prices must be positive (low -264.0)"),
                reasons(fetched));
    }

    @Test
    void missingAndMistypedFieldsAreRejectedWithTheirReason() throws FeedException {
        FetchedBars fetched = page("AAPL", "aggs_missing_fields.json").bars();
        assertEquals(List.of(Instant.parse("2026-03-04T14:55:00Z")), starts(fetched));
        assertEquals(List.of(
                "Invalid bar AAPL @ 2026-03-04T14:30:00Z: c is missing",
                "Invalid bar AAPL at an unknown time: t is missing",
                "Invalid bar AAPL at an unknown time: t is missing",
                "Invalid bar AAPL at an unknown time: result #3 is not an object: 42",
                "Invalid bar AAPL at an unknown time: t is not a whole number: 1772635500000.5",
                "Invalid bar AAPL @ 2026-03-04T14:50:00Z: n is not a whole number: 10544.5"),
                reasons(fetched));
        assertNull(fetched.rejected().get(1).start());
        assertEquals("AAPL", fetched.rejected().get(1).ticker());
    }

    @Test
    void answerForAnotherTickerIsMalformed() {
        FeedException e = assertThrows(FeedException.class, () -> page("MSFT", "aggs_ok.json"));
        assertEquals(Kind.MALFORMED, e.kind());
        assertEquals("Polygon sent an unexpected aggregates answer (bars of AAPL) while fetching MSFT", e.getMessage());
    }

    @Test
    void errorStatusInA200IsMalformed() {
        FeedException e = assertThrows(FeedException.class,
                () -> translator.page("AAPL", FIVE_MINUTES, PolygonFixtures.json("error_401.json")));
        assertEquals(Kind.MALFORMED, e.kind());
        assertEquals("Polygon sent an unexpected aggregates answer (status ERROR (Unknown API Key)) while fetching AAPL", e.getMessage());
    }

    @Test
    void resultsThatAreNotAnArrayAreMalformed() {
        var body = Json.createObjectBuilder().add("status", "OK").add("results", Json.createObjectBuilder()).build();
        FeedException e = assertThrows(FeedException.class, () -> translator.page("AAPL", FIVE_MINUTES, body));
        assertEquals("Polygon sent an unexpected aggregates answer (results is not an array) while fetching AAPL", e.getMessage());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "401 | error_401.json | UNAUTHORIZED | Polygon rejected the API key (401 Unknown API Key) while fetching AAPL"
                    + " [request_id 537dc6a233884fc5a7e7dd20427a4116]",
            "401 | error_401_missing_key.json | UNAUTHORIZED | Polygon rejected the API key (401 API Key was not provided)"
                    + " while fetching AAPL [request_id c908b984179a0a257657a3881eae9df1]",
            "400 | error_401_missing_key.json | UNAUTHORIZED | Polygon rejected the API key (400 API Key was not provided)"
                    + " while fetching AAPL [request_id c908b984179a0a257657a3881eae9df1]",
            "403 | error_403_not_authorized.json | NOT_ENTITLED | Polygon plan does not cover this data (403 You are not entitled to this data. Please upgrade your plan at https://massive.com/pricing) while fetching AAPL [request_id 9e39bde80aff878af1d8c5221bd456a6]",
            "403 | error_403_timeframe.json | NOT_ENTITLED | Polygon plan does not cover this data (403 Your plan doesn't include this data timeframe. Please upgrade your plan at https://massive.com/pricing) while fetching AAPL [request_id 9bdeba0540ab303d70c977e27f2d0eab]",
            "429 | error_429.json | RATE_LIMITED | Polygon rate limit reached (429 You've exceeded the maximum requests per minute, please wait or upgrade your subscription to continue. https://massive.com/pricing) while fetching AAPL [request_id 1f1f802b23e195b454c405d0a67a9211]",
            "400 | error_400_bad_range.json | BAD_REQUEST | Polygon refused the request (400 The parameter 'to' cannot be a time"
                    + " that occurs before 'from') while fetching AAPL [request_id a539efb8db23acd9812213cdc0bdbb97]",
            "500 | error_500.json | SERVER_ERROR | Polygon server error (500 Internal server error) while fetching AAPL"
                    + " [request_id 6b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e]",
            "502 | error_502.html | SERVER_ERROR | Polygon server error (502 Bad Gateway) while fetching AAPL",
            "504 | aggs_truncated.txt | SERVER_ERROR | Polygon server error (504 {\"ticker\": \"AAPL\", \"queryCount\": 30,"
                    + " \"resultsCount\": 6, \"results\": [{\"v\": 2.184633e+06, \"vw\": 262.9871, \"o\": 262.41, \"c\": 263.5)"
                    + " while fetching AAPL",
    })
    void errorAnswersBecomeFeedExceptionsNamingTickerAndProblem(int status, String fixture, Kind kind, String message) {
        FeedException e = translator.error("AAPL", status, PolygonFixtures.text(fixture));
        assertEquals(kind, e.kind());
        assertEquals(message, e.getMessage());
    }

    @Test
    void emptyErrorBodyStillNamesStatusAndTicker() {
        FeedException e = translator.error("AAPL", 503, "");
        assertEquals(Kind.SERVER_ERROR, e.kind());
        assertEquals("Polygon server error (503) while fetching AAPL", e.getMessage());
        assertEquals(Kind.BAD_REQUEST, translator.error("AAPL", 404, "").kind());
        assertEquals(Kind.MALFORMED, translator.error("AAPL", 302, "").kind());
    }

    @Test
    void longTextBodiesAreCut() {
        FeedException e = translator.error("AAPL", 500, "x".repeat(500));
        assertTrue(e.getMessage().startsWith("Polygon server error (500 " + "x".repeat(200) + "…)"), e.getMessage());
    }

    private static List<Instant> starts(FetchedBars fetched) {
        return fetched.bars().stream().map(Bar::start).toList();
    }

    private static List<String> reasons(FetchedBars fetched) {
        return fetched.rejected().stream().map(RejectedBar::reason).toList();
    }
}
