package com.papertrader.infrastructure.polygon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.RejectedBar;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Polygon's WebSocket frames as recorded (fixtures/polygon/ws_stocks_AM_messages.json) and as they go wrong. */
class PolygonStreamMessagesTest {

    private final PolygonStreamMessages messages = new PolygonStreamMessages();

    /** The recorded frames, each as the text the server sends. */
    private static List<String> recordedFrames() {
        JsonArray frames = Json.createReader(new StringReader(PolygonFixtures.text("ws_stocks_AM_messages.json"))).readArray();
        return frames.stream().map(Object::toString).toList();
    }

    @Test
    void theHandshakeStatusesAndAMinuteAggregateAreReadAsRecorded() {
        List<String> frames = recordedFrames();

        assertEquals(List.of(new PolygonStreamMessages.Status("connected", "Connected Successfully")), messages.read(frames.get(0)).statuses());
        assertEquals("auth_success", messages.read(frames.get(1)).statuses().get(0).status());
        assertEquals("subscribed to: AM.AAPL", messages.read(frames.get(2)).statuses().get(0).message());
        PolygonStreamMessages.Frame minute = messages.read(frames.get(3));
        assertEquals(List.of(), minute.rejected());
        Bar bar = minute.minutes().get(0);
        assertEquals("AAPL", bar.ticker());
        assertEquals(Instant.ofEpochMilli(1772639160000L), bar.start());
        assertEquals(Duration.ofMinutes(1), bar.span());
        assertEquals(new BigDecimal("263.44"), bar.open());
        assertEquals(new BigDecimal("263.71"), bar.high());
        assertEquals(new BigDecimal("263.4"), bar.low());
        assertEquals(new BigDecimal("263.58"), bar.close());
        assertEquals(new BigDecimal("98214"), bar.volume());
        assertEquals(new BigDecimal("263.5631"), bar.vwap());
        assertNull(bar.trades());
    }

    @Test
    void aBadEventIsRejectedWithItsTickerAndTheRestOfTheFrameIsKept() {
        PolygonStreamMessages.Frame frame = messages.read("""
                [{"ev":"AM","sym":"MSFT","o":400,"h":399,"l":401,"c":400,"v":10,"s":1772639160000,"e":1772639220000},
                 {"ev":"AM","sym":"NVDA","o":"x","h":1,"l":1,"c":1,"v":10,"s":1772639160000},
                 {"ev":"AM","o":1,"h":1,"l":1,"c":1,"v":1,"s":1772639160000},
                 {"ev":"T","sym":"AAPL","p":263.5},
                 7,
                 {"ev":"AM","sym":"AAPL","o":1,"h":1,"l":1,"c":1,"v":1.5e2,"s":1772639160000}]""");

        assertEquals(List.of("AAPL"), frame.minutes().stream().map(Bar::ticker).toList());
        assertEquals(new BigDecimal("150"), frame.minutes().get(0).volume());
        List<String> reasons = frame.rejected().stream().map(RejectedBar::reason).toList();
        assertEquals(4, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).contains("MSFT") && reasons.get(0).contains("high"), reasons.get(0));
        assertTrue(reasons.get(1).contains("NVDA") && reasons.get(1).contains("o is not a number"), reasons.get(1));
        assertTrue(reasons.get(2).contains("without a ticker"), reasons.get(2));
        assertTrue(reasons.get(3).contains("not an object"), reasons.get(3));
    }

    @Test
    void aFrameThatIsNotAJsonArrayIsRejectedWhole() {
        for (String text : List.of("{\"ev\":\"status\"}", "[{\"ev\":\"AM\",", "<html>502 Bad Gateway</html>", "")) {
            PolygonStreamMessages.Frame frame = messages.read(text);
            assertEquals(List.of(), frame.minutes());
            assertEquals(1, frame.rejected().size(), text);
            assertTrue(frame.rejected().get(0).reason().startsWith("Polygon stream sent a message that is not a JSON array"),
                    frame.rejected().get(0).reason());
        }
    }

    @Test
    void theClientsMessagesAreTheDocumentedOnes() {
        JsonObject auth = Json.createReader(new StringReader(PolygonStreamMessages.auth("k\"ey"))).readObject();
        assertEquals("auth", auth.getString("action"));
        assertEquals("k\"ey", auth.getString("params"), "the key is escaped, never spliced into the JSON");
        JsonObject subscribe = Json.createReader(new StringReader(PolygonStreamMessages.subscribe(List.of("AAPL", "MSFT")))).readObject();
        assertEquals("subscribe", subscribe.getString("action"));
        assertEquals("AM.AAPL,AM.MSFT", subscribe.getString("params"));
    }
}
