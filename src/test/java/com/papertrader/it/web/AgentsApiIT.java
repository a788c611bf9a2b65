package com.papertrader.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.it.Deployments;
import com.papertrader.it.Http;
import com.papertrader.it.ItDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Agents as code through the API, in a database of its own: each verb with an agent file or JSON, the form's checks
 * (a field named, a syntax error's line and column, a stale version's 409, a taken id), who may, and export -> import
 * giving identical agents, an import with one bad file saving none.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AgentsApiIT {

    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String FILE = """
            /* agent
            {
              "name": "Pushed from git",
              "tickers": ["AAPL", "MSFT"],
              "parameters": { "period": 14 },
              "risk": { "positionNotional": 2500, "maxOpenPositions": 2, "stopLossPercent": 3 }
            }
            */
            // kept as written
            function scan(bars, ctx) {
              return null;
            }
            """;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war().addAsLibrary(ShrinkWrap.create(JavaArchive.class, "agents-api-it-config.jar")
                .addAsResource(new StringAsset("config_ordinal=500\n" + ItDatabase.ownDatabase("agents-api-it-" + RUN)),
                        "META-INF/microprofile-config.properties"));
    }

    @ArquillianResource
    URL base;

    @Test
    void anAgentFileIsCreatedChangedPausedEnabledAndDeleted() throws Exception {
        HttpResponse<String> created = send("POST", "/api/agents?id=pushed", FILE, "text/javascript", Http.adminBasicAuth(), null);
        assertEquals(201, created.statusCode(), created.body());
        JsonObject agent = Http.json(created);
        assertEquals("Pushed from git", agent.getString("name"));
        assertEquals(List.of("AAPL", "MSFT"), agent.getJsonArray("tickers").getValuesAs(JsonString::getString));
        assertEquals("// kept as written\nfunction scan(bars, ctx) {\n  return null;\n}\n", agent.getString("script"));
        String file = Http.get(base, "/api/agents/pushed/file").body();
        assertTrue(file.startsWith("/* agent\n{\n  \"name\": \"Pushed from git\""), file);
        assertTrue(file.endsWith("*/\n// kept as written\nfunction scan(bars, ctx) {\n  return null;\n}\n"), file);

        long version = agent.getJsonNumber("version").longValue();
        HttpResponse<String> changed = send("PUT", "/api/agents/pushed", FILE.replace("Pushed from git", "Renamed in git"),
                "text/javascript", Http.adminBasicAuth(), "\"" + version + "\"");
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals("Renamed in git", Http.json(changed).getString("name"));
        HttpResponse<String> stale = send("PUT", "/api/agents/pushed", json("pushed", "Stale", "function scan(bars, ctx) {}")
                .add("version", version).build().toString(), "application/json", Http.adminBasicAuth(), null);
        assertEquals(409, stale.statusCode(), stale.body());
        assertEquals("version", Http.json(stale).getString("field"));
        assertEquals("Renamed in git", Http.json(Http.get(base, "/api/agents/pushed")).getString("name"), "nothing saved");

        assertEquals("PAUSED", Http.json(Http.postAsAdmin(base, "/api/agents/pushed/pause")).getString("state"));
        assertEquals("ENABLED", Http.json(Http.postAsAdmin(base, "/api/agents/pushed/enable")).getString("state"));
        assertEquals(204, Http.deleteAsAdmin(base, "/api/agents/pushed").statusCode());
        assertEquals(404, Http.get(base, "/api/agents/pushed").statusCode());
        assertEquals(404, Http.deleteAsAdmin(base, "/api/agents/pushed").statusCode());
        List<JsonObject> audited = Http.audited(base, "agent pushed");
        assertEquals(List.of("AGENT_DELETED", "AGENT_ENABLED", "AGENT_PAUSED", "AGENT_CHANGED", "AGENT_CREATED"),
                audited.stream().map(entry -> entry.getString("action")).toList(), "recorded as the form's changes are");
    }

    @Test
    void badAgentsAreRefusedWithTheFieldAndTheScriptsLineAndColumn() throws Exception {
        assertRefused(send("POST", "/api/agents", json("json-agent", null, "function scan(bars, ctx) {}").build().toString(),
                "application/json", Http.adminBasicAuth(), null), 400, "name");
        assertRefused(send("POST", "/api/agents", json("json-agent", "JSON", "function scan(bars, ctx) {}").add("tickers", 5).build()
                .toString(), "application/json", Http.adminBasicAuth(), null), 400, "tickers");
        HttpResponse<String> syntax = send("POST", "/api/agents", json("json-agent", "JSON", "function scan(bars, ctx) {\n  return (;\n}")
                .build().toString(), "application/json", Http.adminBasicAuth(), null);
        assertRefused(syntax, 400, "script");
        JsonObject error = Http.json(syntax).getJsonArray("errors").getJsonObject(0);
        assertEquals(2, error.getInt("line"), syntax.body());
        assertTrue(error.getInt("column") > 0, syntax.body());
        assertRefused(send("POST", "/api/agents", "{", "application/json", Http.adminBasicAuth(), null), 400, "body");
        assertRefused(send("POST", "/api/agents", FILE, "text/javascript", Http.adminBasicAuth(), null), 400, "id");

        assertEquals(201, send("POST", "/api/agents", json("json-agent", "JSON", "function scan(bars, ctx) {}").build().toString(),
                "application/json", Http.adminBasicAuth(), null).statusCode());
        assertRefused(send("POST", "/api/agents", json("json-agent", "Again", "function scan(bars, ctx) {}").build().toString(),
                "application/json", Http.adminBasicAuth(), null), 409, "id");
        assertEquals(404, send("PUT", "/api/agents/nobody", FILE, "text/javascript", Http.adminBasicAuth(), null).statusCode());

        assertEquals(401, send("POST", "/api/agents?id=anonymous", FILE, "text/javascript", null, null).statusCode());
        FormClient admin = new FormClient(base);
        assertEquals(302, admin.logIn().statusCode());
        admin.get("/admin/access");
        String viewerToken = AccessIT.issue(admin, "agents-api-viewer", "VIEWER");
        assertEquals(403, send("POST", "/api/agents?id=viewer", FILE, "text/javascript", "Bearer " + viewerToken, null).statusCode());
        assertEquals(403, send("DELETE", "/api/agents/json-agent", null, null, "Bearer " + viewerToken, null).statusCode());
        assertEquals(200, Http.get(base, "/api/agents/json-agent").statusCode(), "still there");
    }

    @Test
    void exportThenImportGivesIdenticalAgentsAndOneBadFileImportsNothing() throws Exception {
        assertEquals(201, send("POST", "/api/agents?id=exported", FILE.replace("Pushed from git", "Exported"), "text/javascript",
                Http.adminBasicAuth(), null).statusCode());
        Map<String, String> before = unzip(bytes("/api/agents/export"));
        assertTrue(before.containsKey("exported.js") && before.containsKey("sma-crossover.js"), before.keySet().toString());
        assertEquals(Http.get(base, "/api/agents/exported/file").body(), before.get("exported.js"));

        assertEquals(204, Http.deleteAsAdmin(base, "/api/agents/exported").statusCode());
        HttpResponse<String> imported = sendBytes("/api/agents/import", zip(before));
        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals(List.of("exported"), Http.json(imported).getJsonArray("created").getValuesAs(JsonString::getString));
        assertEquals(before, unzip(bytes("/api/agents/export")), "every agent as it was exported");

        Map<String, String> oneBad = new LinkedHashMap<>();
        oneBad.put("imp-good.js", FILE.replace("Pushed from git", "Good import"));
        oneBad.put("imp-bad.js", FILE.replace("Pushed from git", "Bad import").replace("return null;", "return (;"));
        HttpResponse<String> refused = sendBytes("/api/agents/import", zip(oneBad));
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(Http.json(refused).getString("error").contains("imp-bad.js"), refused.body());
        assertEquals(404, Http.get(base, "/api/agents/imp-good").statusCode(), "nothing imported");
        assertEquals(400, sendBytes("/api/agents/import", "not a zip".getBytes(StandardCharsets.UTF_8)).statusCode());
    }

    private static JsonObjectBuilder json(String id, String name, String script) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", id).add("tickers", Json.createArrayBuilder().add("AAPL"))
                .add("script", script);
        return name == null ? json : json.add("name", name);
    }

    private static void assertRefused(HttpResponse<String> response, int status, String field) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(field, Http.json(response).getString("field"), response.body());
        assertFalse(Http.json(response).getString("error").isBlank());
    }

    private HttpResponse<String> send(String method, String path, String body, String type, String authorization, String ifMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> sendBytes(String path, byte[] body) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/zip")
                .header("Authorization", Http.adminBasicAuth()).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private byte[] bytes(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = CLIENT.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals("application/zip", response.headers().firstValue("Content-Type").orElse(""));
        return response.body();
    }

    private URI uri(String path) {
        return URI.create(base.toExternalForm().replaceAll("/$", "") + path);
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
