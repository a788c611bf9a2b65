package com.papertrader.it.polygon;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Polygon's WebSocket host as it behaves (see fixtures/polygon/ws_stocks_AM_messages.json), on the loopback of the test
 * JVM: "connected" on open, "auth_success" for {@link #KEY} (else "auth_failed" and a close), one "success" per channel
 * subscribed. The test then sends frames of minute aggregates, drops the connection, or has the next auth refused.
 * A plain RFC 6455 server (handshake, unmasked text frames out, masked frames in): small, and every byte is ours to script.
 */
final class PolygonStreamStub implements AutoCloseable {

    static final String KEY = PolygonStub.KEY;
    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final Pattern WEBSOCKET_KEY = Pattern.compile("(?im)^Sec-WebSocket-Key:\\s*(\\S+)\\s*$");
    private static final Pattern PARAMS = Pattern.compile("\"params\"\\s*:\\s*\"([^\"]*)\"");

    private final ServerSocket server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private volatile Socket current;
    private volatile boolean refuseNextAuth;

    PolygonStreamStub() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "polygon-stream-stub");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "ws://127.0.0.1:" + server.getLocalPort() + "/stocks";
    }

    /** Every text message the clients sent, in order (the auth message holds the key: never print it). */
    List<String> received() {
        return List.copyOf(received);
    }

    int connections() {
        return connections.size();
    }

    /** Sends one frame to the connection in use. */
    synchronized void send(String text) throws IOException {
        writeFrame(current.getOutputStream(), 0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Drops the connection in use without a close frame, as a network failure would. */
    void drop() throws IOException {
        current.close();
    }

    void refuseNextAuth() {
        refuseNextAuth = true;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : connections) {
            socket.close();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.add(socket);
                current = socket;
                Thread reader = new Thread(() -> serve(socket), "polygon-stream-stub-" + connections.size());
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            handshake(socket, in);
            synchronized (this) {
                writeFrame(socket.getOutputStream(), 0x1, status("connected", "Connected Successfully"));
            }
            for (String message = readText(in, socket); message != null; message = readText(in, socket)) {
                received.add(message);
                answer(socket, message);
            }
        } catch (IOException e) {
            // the client went away or the test dropped the connection
        }
    }

    private synchronized void answer(Socket socket, String message) throws IOException {
        OutputStream out = socket.getOutputStream();
        Matcher params = PARAMS.matcher(message);
        String value = params.find() ? params.group(1) : "";
        if (message.contains("\"auth\"")) {
            if (value.equals(KEY) && !refuseNextAuth) {
                writeFrame(out, 0x1, status("auth_success", "authenticated"));
            } else {
                refuseNextAuth = false;
                writeFrame(out, 0x1, status("auth_failed", "authentication failed"));
                writeFrame(out, 0x8, new byte[]{0x03, (byte) 0xE8});
            }
        } else if (message.contains("\"subscribe\"")) {
            for (String channel : value.split(",")) {
                writeFrame(out, 0x1, status("success", "subscribed to: " + channel));
            }
        }
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
                + "Sec-WebSocket-Accept: " + accept(key.group(1)) + "\r\n\r\n";
        socket.getOutputStream().write(response.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    private static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + ACCEPT_GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next text message (fragments joined); null on a close frame. Pings are answered. */
    private String readText(InputStream in, Socket socket) throws IOException {
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
                synchronized (this) {
                    writeFrame(socket.getOutputStream(), 0x8, payload);
                }
                return null;
            }
            if (opcode == 0x9) {
                synchronized (this) {
                    writeFrame(socket.getOutputStream(), 0xA, payload);
                }
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

    private static void writeFrame(OutputStream out, int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x80 | opcode);
        if (payload.length < 126) {
            frame.write(payload.length);
        } else if (payload.length < 65536) {
            frame.write(126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        } else {
            frame.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >>> shift) & 0xFF);
            }
        }
        frame.write(payload);
        out.write(frame.toByteArray());
        out.flush();
    }

    /** For messages in assertions: the lower-case action of a client message. */
    static String action(String message) {
        Matcher action = Pattern.compile("\"action\"\\s*:\\s*\"([^\"]*)\"").matcher(message);
        return action.find() ? action.group(1).toLowerCase(Locale.ROOT) : "";
    }
}
