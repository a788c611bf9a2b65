package com.papertrader.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A live event cut into pieces that PostgreSQL's NOTIFY can carry (its payload: under 8,000 bytes). */
class PostgresOtherServersTest {

    private static JsonObject trading(int orders, int fills, int reasonLength) {
        JsonArrayBuilder orderArray = Json.createArrayBuilder();
        IntStream.range(0, orders).forEach(i -> orderArray.add(Json.createObjectBuilder()
                .add("id", "agent|AAPL|2026-06-10T14:00:00Z|" + i).add("reason", "r".repeat(reasonLength))));
        JsonArrayBuilder fillArray = Json.createArrayBuilder();
        IntStream.range(0, fills).forEach(i -> fillArray.add(Json.createObjectBuilder().add("id", "fill-" + i)));
        return Json.createObjectBuilder().add("orders", orderArray).add("fills", fillArray).build();
    }

    @Test
    void aSmallEventGoesWhole() {
        JsonObject event = trading(3, 2, 20);

        assertEquals(List.of(event), PostgresOtherServers.pieces(event, PostgresOtherServers.MAX_PAYLOAD_BYTES));
    }

    @Test
    void aLargeEventGoesInPiecesUnderThePayloadLimitWithEveryItemOnceInOrder() {
        JsonObject event = trading(200, 150, 300);

        List<JsonObject> pieces = PostgresOtherServers.pieces(event, PostgresOtherServers.MAX_PAYLOAD_BYTES);

        assertTrue(pieces.size() > 1);
        for (JsonObject piece : pieces) {
            assertTrue(piece.toString().getBytes(StandardCharsets.UTF_8).length < PostgresOtherServers.MAX_PAYLOAD_BYTES, piece.toString());
            assertEquals(event.keySet(), piece.keySet(), "every piece has both arrays, as the pages expect");
        }
        assertEquals(event.getJsonArray("orders"), pieces.stream().flatMap(p -> p.getJsonArray("orders").stream()).toList());
        assertEquals(event.getJsonArray("fills"), pieces.stream().flatMap(p -> p.getJsonArray("fills").stream()).toList());
    }

    @Test
    void anItemTooLargeAloneIsLeftOutAndTheRestGoes() {
        JsonObject event = Json.createObjectBuilder()
                .add("orders", Json.createArrayBuilder().add(Json.createObjectBuilder().add("reason", "x".repeat(9_000)))
                        .add(Json.createObjectBuilder().add("id", "small")))
                .add("fills", JsonValue.EMPTY_JSON_ARRAY).build();

        List<JsonObject> pieces = PostgresOtherServers.pieces(event, PostgresOtherServers.MAX_PAYLOAD_BYTES);

        assertEquals(1, pieces.size());
        assertEquals("small", pieces.get(0).getJsonArray("orders").getJsonObject(0).getString("id"));
    }
}
