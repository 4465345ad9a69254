package io.github.jmlidentity.identitystore.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client will send: any Host header, a body declared longer than
 * what is sent. Every read is bounded by a socket timeout, so a server that never answers fails the test.
 */
final class RawHttp implements AutoCloseable {
    static final int READ_TIMEOUT_MILLIS = 10_000;

    private final Socket socket;

    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    RawHttp(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    }

    /** Sends a request head (lines without the final blank line) and, optionally, some body bytes. */
    RawHttp send(String head, byte[] body) throws IOException {
        socket.getOutputStream().write((head.replace("\n", "\r\n") + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            socket.getOutputStream().write(body);
        }
        socket.getOutputStream().flush();
        return this;
    }

    RawHttp write(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        return this;
    }

    /** Reads one response: status line, headers, and a body of the declared Content-Length. */
    Response response() throws IOException {
        InputStream in = socket.getInputStream();
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        return new Response(status, headers, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    /** A whole request with a JSON body and the given Host header, answered on a fresh connection. */
    static Response request(int port, String method, String path, String host, String contentType,
                            String target, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\nHost: " + host
                + "\nContent-Length: " + bytes.length + "\nConnection: close");
        if (contentType != null) {
            head.append("\nContent-Type: ").append(contentType);
        }
        if (target != null) {
            head.append("\nX-Amz-Target: ").append(target);
        }
        try (RawHttp http = new RawHttp(port)) {
            return http.send(head.toString(), bytes).response();
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed before the end of the response head");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
