package com.papertrader.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Polygon's side of {@code src/bench/scripts/stream-load.sh} (issue "Universe scale", end to end): the REST host and the
 * WebSocket host of a paid plan on the loopback, for a real server started with {@code polygon.feed=websocket}, and the
 * stopwatch. JDK only, so the script runs it as a source file ({@code java PolygonStreamLoad.java ...}) without a build.
 * <p>
 * Prices are a deterministic function of ticker and minute (two sine waves and noise), so REST and the stream agree on
 * every bar (no revisions) and the sample agents find crossovers, breakouts and oversold bars. The server's market time
 * is the wall clock less {@code delay} minutes (market.provider-delay-minutes), so a past session can be replayed at
 * any hour: each minute's frame of every subscribed ticker is sent when that minute ends in market time, as Polygon
 * sends {@code AM} events. For each bar, the server's own figure is read from /api/status ({@code stream.
 * lastTradedAfterBarEndMs}: from the bar's end by the wall clock to its trading saved, less the delay), and the
 * {@code trading} server-sent event of its orders is timed as a client sees it.
 */
public final class PolygonStreamLoad {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final long MINUTE = 60_000;
    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final Pattern WEBSOCKET_KEY = Pattern.compile("(?im)^Sec-WebSocket-Key:\\s*(\\S+)\\s*$");
    private static final Pattern PARAMS = Pattern.compile("\"params\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern AGGREGATES = Pattern.compile("/v2/aggs/ticker/([^/]+)/range/(\\d+)/minute/(\\d+)/(\\d+)");
    private static final Pattern STREAM = Pattern.compile("\"stream\":\\{[^}]*\\}");
    private static final Pattern STREAM_BARS = Pattern.compile("\"bars\":(\\d+)");
    private static final Pattern LAST_TRADED = Pattern.compile("\"lastTradedAfterBarEndMs\":(\\d+)");

    private final Map<String, String> options;
    private final long delayMillis;
    private final long barMillis;
    private final int warmupBars;
    private final int measuredBars;
    private final String server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> subscribed = new CopyOnWriteArrayList<>();
    private volatile Socket current;
    private volatile long subscribedAt;
    /** Bar end (market time) to what was seen of it. */
    private final Map<Long, Seen> seen = new ConcurrentHashMap<>();

    /** What the server and a client saw of one bar. */
    private static final class Seen {
        volatile long serverMillis = -1;
        volatile long streamBars;
        volatile long eventMillis = -1;
        volatile int events;
        volatile int orders;
        volatile long sendMillis;
    }

    private PolygonStreamLoad(Map<String, String> options) {
        this.options = options;
        this.delayMillis = Long.parseLong(options.get("delay")) * MINUTE;
        this.barMillis = Long.parseLong(options.getOrDefault("bar-minutes", "1")) * MINUTE;
        this.warmupBars = Integer.parseInt(options.getOrDefault("warmup", "5"));
        this.measuredBars = Integer.parseInt(options.getOrDefault("bars", "30"));
        this.server = options.get("server");
    }

    /**
     * {@code delay-for [day]}: prints the delay in minutes that puts the market time at 10:00 New York on the last weekday
     * before today, or on the given day. {@code run key=value...}: serves and measures (see the script).
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("delay-for")) {
            System.out.println(delayFor(args.length > 1 ? args[1] : null));
            return;
        }
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals > 0) {
                options.put(arg.substring(0, equals), arg.substring(equals + 1));
            }
        }
        new PolygonStreamLoad(options).run();
        System.exit(0); // the REST stub's pool threads would keep the JVM up
    }

    private static long delayFor(String day) {
        ZonedDateTime now = ZonedDateTime.now(NEW_YORK);
        ZonedDateTime target;
        if (day != null) {
            target = LocalDate.parse(day).atTime(LocalTime.of(10, 0)).atZone(NEW_YORK);
        } else {
            target = now.toLocalDate().minusDays(1).atTime(LocalTime.of(10, 0)).atZone(NEW_YORK);
            while (target.getDayOfWeek() == DayOfWeek.SATURDAY || target.getDayOfWeek() == DayOfWeek.SUNDAY) {
                target = target.minusDays(1);
            }
        }
        return Duration.between(target, now).toMinutes();
    }

    private void run() throws Exception {
        HttpServer rest = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(options.get("rest-port"))), 50);
        rest.setExecutor(Executors.newFixedThreadPool(8));
        rest.createContext("/v2/aggs/", exchange -> answer(exchange, aggregates(exchange)));
        rest.createContext("/stocks/v1/", exchange -> answer(exchange, "{\"request_id\":\"bench\",\"results\":[],\"status\":\"OK\"}"));
        rest.start();
        ServerSocket webSocket = new ServerSocket(Integer.parseInt(options.get("ws-port")), 50, InetAddress.getLoopbackAddress());
        daemon("ws-accept", () -> accept(webSocket));
        log("REST on " + rest.getAddress() + ", WebSocket on " + webSocket.getLocalSocketAddress() + "; market time = wall clock - "
                + delayMillis / MINUTE + " min (now " + newYork(System.currentTimeMillis() - delayMillis) + " New York), bars of "
                + barMillis / MINUTE + " min");
        while (subscribed.isEmpty()) {
            Thread.sleep(200);
        }
        log("subscribed to " + subscribed.size() + " tickers");
        daemon("status", this::pollStatus);
        daemon("events", this::readEvents);
        send();
        rest.stop(0);
        webSocket.close();
    }

    // ---------------------------------------------------------------- prices

    /** Minute {@code m} (epoch minutes) of ticker {@code t}: open, high, low, close in cents, volume. */
    private static long[] minute(String ticker, long m) {
        int i = Math.abs(ticker.hashCode() % 100_000);
        long open = price(i, m);
        long close = price(i, m + 1);
        long wiggle = Math.max(1, open / 500);
        long high = Math.max(open, close) + Math.floorMod(hash(i, m, 1), wiggle + 1);
        long low = Math.max(1, Math.min(open, close) - Math.floorMod(hash(i, m, 2), wiggle + 1));
        return new long[]{open, high, low, close, 1_000 + Math.floorMod(hash(i, m, 3), 5_000)};
    }

    private static long price(int i, long m) {
        double base = 20 + (i * 37L % 480);
        double phase = (i * 0.618033) % 1 * 2 * Math.PI;
        double slow = 0.04 * Math.sin(2 * Math.PI * m / (60 + i % 90) + phase);
        double fast = 0.015 * Math.sin(2 * Math.PI * m / (17 + i % 13));
        double noise = 0.004 * (Math.floorMod(hash(i, m, 0), 2001) - 1000) / 1000.0;
        return Math.round(base * (1 + slow + fast + noise) * 100);
    }

    private static long hash(int i, long m, int salt) {
        long h = (i * 0x9E3779B97F4A7C15L) ^ (m * 0xC2B2AE3D27D4EB4FL) ^ (salt * 0x165667B19E3779F9L);
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h;
    }

    /** A bar of {@code minutes} minutes from its minutes: first open, highest high, lowest low, last close, summed volume. */
    private static long[] bar(String ticker, long firstMinute, int minutes) {
        long[] bar = minute(ticker, firstMinute);
        for (int k = 1; k < minutes; k++) {
            long[] next = minute(ticker, firstMinute + k);
            bar[1] = Math.max(bar[1], next[1]);
            bar[2] = Math.min(bar[2], next[2]);
            bar[3] = next[3];
            bar[4] += next[4];
        }
        return bar;
    }

    private static String cents(long cents) {
        return cents / 100 + "." + (cents % 100 < 10 ? "0" : "") + cents % 100;
    }

    /** Regular session minutes only (holidays are the server's business: it asks for none). */
    private static boolean inSession(long startMillis) {
        ZonedDateTime start = Instant.ofEpochMilli(startMillis).atZone(NEW_YORK);
        LocalTime time = start.toLocalTime();
        return start.getDayOfWeek() != DayOfWeek.SATURDAY && start.getDayOfWeek() != DayOfWeek.SUNDAY
                && !time.isBefore(LocalTime.of(9, 30)) && time.isBefore(LocalTime.of(16, 0));
    }

    // ---------------------------------------------------------------- REST

    private String aggregates(HttpExchange exchange) {
        Matcher path = AGGREGATES.matcher(exchange.getRequestURI().getPath());
        if (!path.matches()) {
            return "{\"status\":\"NOT_FOUND\",\"request_id\":\"bench\"}";
        }
        String ticker = path.group(1);
        int minutes = Integer.parseInt(path.group(2));
        long size = minutes * MINUTE;
        long from = Long.parseLong(path.group(3));
        long to = Long.parseLong(path.group(4));
        long marketNow = System.currentTimeMillis() - delayMillis;
        StringBuilder results = new StringBuilder();
        int count = 0;
        for (long start = Math.floorDiv(from + size - 1, size) * size; start <= to && start + size <= marketNow; start += size) {
            if (!inSession(start)) {
                continue;
            }
            long[] bar = bar(ticker, start / MINUTE, minutes);
            results.append(count++ == 0 ? "" : ",").append("{\"v\":").append(bar[4]).append(",\"o\":").append(cents(bar[0]))
                    .append(",\"c\":").append(cents(bar[3])).append(",\"h\":").append(cents(bar[1])).append(",\"l\":")
                    .append(cents(bar[2])).append(",\"t\":").append(start).append('}');
        }
        return "{\"ticker\":\"" + ticker + "\",\"queryCount\":" + count + ",\"resultsCount\":" + count + ",\"adjusted\":false,\"results\":["
                + results + "],\"status\":\"OK\",\"request_id\":\"bench\",\"count\":" + count + "}";
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    // ---------------------------------------------------------------- WebSocket

    private void accept(ServerSocket webSocket) {
        while (!webSocket.isClosed()) {
            try {
                Socket socket = webSocket.accept();
                socket.setTcpNoDelay(true);
                daemon("ws-" + socket.getPort(), () -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            handshake(socket, in);
            write(socket, status("connected", "Connected Successfully"));
            for (String message = readText(in, socket); message != null; message = readText(in, socket)) {
                Matcher params = PARAMS.matcher(message);
                String value = params.find() ? params.group(1) : "";
                if (message.contains("\"auth\"")) {
                    write(socket, status("auth_success", "authenticated"));
                } else if (message.contains("\"subscribe\"")) {
                    List<String> tickers = new ArrayList<>();
                    for (String channel : value.split(",")) {
                        tickers.add(channel.trim().substring(channel.trim().indexOf('.') + 1));
                        write(socket, status("success", "subscribed to: " + channel.trim()));
                    }
                    subscribed.clear();
                    subscribed.addAll(tickers);
                    current = socket;
                    subscribedAt = System.currentTimeMillis();
                }
            }
            log("the server closed the stream");
        } catch (IOException e) {
            log("stream connection lost: " + e.getMessage());
        }
    }

    /**
     * Every minute of the session from the subscription on, at its end in market time: one frame of every subscribed
     * ticker's minute. Stops once the measured bars are traded (or a bar's worth of waiting after the last).
     */
    private void send() throws Exception {
        long minuteEnd = Math.floorDiv(subscribedAt - delayMillis, MINUTE) * MINUTE + MINUTE;
        long firstTraded = -1;
        List<Long> measured = new ArrayList<>();
        long[] serverCpu = new long[2];
        long[] ownCpu = new long[2];
        long windowStart = 0;
        while (measured.size() < measuredBars) {
            long start = minuteEnd - MINUTE;
            String frame = inSession(start) ? frame(start / MINUTE) : null;
            sleepUntil(minuteEnd + delayMillis);
            if (firstTraded < 0) {
                firstTraded = seen.keySet().stream().mapToLong(Long::longValue).min().orElse(-1);
            }
            boolean completesBar = minuteEnd % barMillis == 0;
            boolean measuring = completesBar && firstTraded > 0 && minuteEnd > firstTraded + warmupBars * barMillis;
            if (measuring && measured.isEmpty()) {
                windowStart = System.currentTimeMillis();
                serverCpu[0] = cpu(serverPid());
                ownCpu[0] = cpu("self");
            }
            if (frame == null) {
                log("the session ended: " + measured.size() + " of " + measuredBars + " bars measured");
                break;
            }
            try {
                long sent = System.currentTimeMillis();
                write(current, frame.getBytes(StandardCharsets.UTF_8));
                if (completesBar) {
                    seen.computeIfAbsent(minuteEnd, end -> new Seen()).sendMillis = System.currentTimeMillis() - sent;
                }
            } catch (IOException e) {
                log("a frame was not sent: " + e.getMessage());
            }
            if (measuring) {
                measured.add(minuteEnd);
            }
            minuteEnd += MINUTE;
        }
        if (measured.isEmpty()) {
            log("no bar measured: the stream traded none (see the server's log and /api/status)");
            return;
        }
        // the CPU of whole bar periods: up to the end of the period of the last measured bar
        sleepUntil(measured.get(measured.size() - 1) + barMillis + delayMillis - 1_000);
        long windowMillis = System.currentTimeMillis() - windowStart;
        serverCpu[1] = cpu(serverPid());
        ownCpu[1] = cpu("self");
        report(measured, serverCpu[1] - serverCpu[0], ownCpu[1] - ownCpu[0], windowMillis);
    }

    private String frame(long minute) {
        StringBuilder frame = new StringBuilder(subscribed.size() * 160).append('[');
        long start = minute * MINUTE;
        for (String ticker : subscribed) {
            long[] m = minute(ticker, minute);
            frame.append(frame.length() > 1 ? "," : "").append("{\"ev\":\"AM\",\"sym\":\"").append(ticker).append("\",\"v\":").append(m[4])
                    .append(",\"av\":").append(m[4]).append(",\"op\":").append(cents(m[0])).append(",\"o\":").append(cents(m[0]))
                    .append(",\"c\":").append(cents(m[3])).append(",\"h\":").append(cents(m[1])).append(",\"l\":").append(cents(m[2]))
                    .append(",\"z\":100,\"s\":").append(start).append(",\"e\":").append(start + MINUTE).append('}');
        }
        return frame.append(']').toString();
    }

    private static byte[] status(String status, String message) {
        return ("[{\"ev\":\"status\",\"status\":\"" + status + "\",\"message\":\"" + message + "\"}]").getBytes(StandardCharsets.UTF_8);
    }

    private static void handshake(Socket socket, InputStream in) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        while (!request.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("no handshake");
            }
            request.write(b);
        }
        Matcher key = WEBSOCKET_KEY.matcher(request.toString(StandardCharsets.ISO_8859_1));
        if (!key.find()) {
            throw new IOException("not a WebSocket request");
        }
        String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + acceptKey(key.group(1)) + "\r\n\r\n";
        socket.getOutputStream().write(response.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    private static String acceptKey(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + ACCEPT_GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next text message (fragments joined); null on a close frame. Pings are answered. */
    private static String readText(InputStream in, Socket socket) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while (true) {
            int first = readByte(in);
            int second = readByte(in);
            int opcode = first & 0x0F;
            long length = second & 0x7F;
            if (length == 126) {
                length = (readByte(in) << 8) | readByte(in);
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | readByte(in);
                }
            }
            byte[] mask = (second & 0x80) != 0 ? in.readNBytes(4) : new byte[4];
            byte[] payload = in.readNBytes((int) length);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
            if (opcode == 0x8) {
                writeFrame(socket, 0x8, payload);
                return null;
            }
            if (opcode == 0x9) {
                writeFrame(socket, 0xA, payload);
                continue;
            }
            if (opcode == 0x1 || opcode == 0x0) {
                message.write(payload);
                if ((first & 0x80) != 0) {
                    return message.toString(StandardCharsets.UTF_8);
                }
            }
        }
    }

    private static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("connection closed");
        }
        return b;
    }

    private static void write(Socket socket, byte[] text) throws IOException {
        writeFrame(socket, 0x1, text);
    }

    private static void writeFrame(Socket socket, int opcode, byte[] payload) throws IOException {
        synchronized (socket) {
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 65_536);
            out.write(0x80 | opcode);
            if (payload.length < 126) {
                out.write(payload.length);
            } else if (payload.length < 65_536) {
                out.write(126);
                out.write(payload.length >>> 8);
                out.write(payload.length & 0xFF);
            } else {
                out.write(127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    out.write((int) ((long) payload.length >>> shift) & 0xFF);
                }
            }
            out.write(payload);
            out.flush();
        }
    }

    // ---------------------------------------------------------------- the stopwatch

    /** The server's figure: each change of stream.lastTradedAfterBarEndMs, given to the bar whose end it counts from. */
    private void pollStatus() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server + "/api/status")).build();
        while (true) {
            try {
                String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                long polled = System.currentTimeMillis();
                Matcher stream = STREAM.matcher(body);
                if (stream.find()) {
                    Matcher traded = LAST_TRADED.matcher(stream.group());
                    Matcher bars = STREAM_BARS.matcher(stream.group());
                    if (traded.find() && bars.find()) {
                        long afterEnd = Long.parseLong(traded.group(1));
                        long barEnd = Math.floorDiv(polled - afterEnd, barMillis) * barMillis;
                        Seen bar = seen.computeIfAbsent(barEnd, end -> new Seen());
                        if (afterEnd - delayMillis > bar.serverMillis) {
                            bar.serverMillis = afterEnd - delayMillis;
                            bar.streamBars = Long.parseLong(bars.group(1));
                        }
                    }
                }
                Thread.sleep(250);
            } catch (IOException e) {
                sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** A client's view: each {@code trading} server-sent event, given to the latest bar that ended before it came. */
    private void readEvents() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server + "/api/events")).header("Accept", "text/event-stream").build();
        while (true) {
            try {
                String[] event = {""};
                http.send(request, HttpResponse.BodyHandlers.ofLines()).body().forEach(line -> {
                    if (line.startsWith("event:")) {
                        event[0] = line.substring(6).trim();
                    } else if (line.startsWith("data:") && event[0].equals("trading")) {
                        long received = System.currentTimeMillis();
                        long barEnd = Math.floorDiv(received - delayMillis, barMillis) * barMillis;
                        Seen known = seen.get(barEnd);
                        if (known != null) {
                            known.eventMillis = Math.max(known.eventMillis, received - barEnd - delayMillis);
                            known.events++;
                            known.orders += count(line, "\"barTime\"");
                        }
                    }
                });
            } catch (IOException e) {
                sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void report(List<Long> measured, long serverTicks, long ownTicks, long windowMillis) {
        sleep(Math.min(barMillis, 30_000)); // the last bar's status and event
        long hz = Long.parseLong(options.getOrDefault("clk-tck", "100"));
        List<Long> server = new ArrayList<>();
        List<Long> client = new ArrayList<>();
        long previousBars = -1;
        System.out.println();
        System.out.println("bar (New York)   | bars stored by the stream | bar end -> orders stored (server) | -> trading event received"
                + " | orders in the events | frame write");
        for (Long end : measured) {
            Seen bar = seen.getOrDefault(end, new Seen());
            Seen before = seen.get(end - barMillis);
            previousBars = before == null ? previousBars : before.streamBars;
            String stored = bar.serverMillis < 0 ? "never seen" : bar.serverMillis + " ms";
            System.out.printf("%s | %,d | %s | %s | %,d | %d ms%n", newYork(end - barMillis), previousBars < 0 ? bar.streamBars
                    : bar.streamBars - previousBars, stored, bar.eventMillis < 0 ? "none" : bar.eventMillis + " ms", bar.orders,
                    bar.sendMillis);
            if (bar.serverMillis >= 0) {
                server.add(bar.serverMillis);
            }
            if (bar.eventMillis >= 0) {
                client.add(bar.eventMillis);
            }
        }
        System.out.println();
        System.out.printf("stream-load: %d bars measured (after %d warm-up bars), %d traded by the stream%n", measured.size(), warmupBars,
                server.size());
        System.out.println("stream-load: bar end -> orders stored (server, /api/status): " + percentiles(server, measured.size()));
        System.out.println("stream-load: bar end -> trading event received (client, /api/events): " + percentiles(client, measured.size()));
        System.out.printf("stream-load: CPU over the %d bar periods (%.0f s): server %.1f s (%.2f cores, %.2f s a bar), this stub %.1f s"
                        + " (%.2f cores)%n", measured.size(), windowMillis / 1e3, serverTicks / (double) hz,
                serverTicks * 1000.0 / hz / windowMillis, serverTicks / (double) hz / measured.size(), ownTicks / (double) hz,
                ownTicks * 1000.0 / hz / windowMillis);
    }

    /** p50, p90, p99 by nearest rank and the slowest; a bar never seen counts as slower than all. */
    private static String percentiles(List<Long> millis, int bars) {
        if (millis.isEmpty()) {
            return "none";
        }
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length < bars) {
            sorted = Arrays.copyOf(sorted, bars);
            Arrays.fill(sorted, millis.size(), bars, Long.MAX_VALUE);
        }
        return "p50 " + rank(sorted, 0.50) + ", p90 " + rank(sorted, 0.90) + ", p99 " + rank(sorted, 0.99) + ", max "
                + rank(sorted, 1.0) + " (of " + bars + ")";
    }

    private static String rank(long[] sorted, double p) {
        long value = sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
        return value == Long.MAX_VALUE ? "never" : String.format("%,d ms", value);
    }

    private static int count(String text, String what) {
        int count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            count++;
        }
        return count;
    }

    private String serverPid() {
        try {
            return Files.readString(Path.of(options.get("server-pid-file"))).trim();
        } catch (IOException e) {
            return "self";
        }
    }

    /** User and system time of a process in clock ticks (/proc). */
    private static long cpu(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String newYork(long millis) {
        return Instant.ofEpochMilli(millis).atZone(NEW_YORK).toLocalDateTime().toString();
    }

    private static void sleepUntil(long wallMillis) throws InterruptedException {
        long wait = wallMillis - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void log(String line) {
        System.out.println(Instant.now() + " stream-load: " + line);
    }
}
