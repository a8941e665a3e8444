package com.spurlab.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.spurlab.AppITSupport;
import com.spurlab.core.storage.StorageSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * An upload is decided from its request line and headers: a caller who may not upload to the project, or
 * who declares more bytes than their role may send, is answered before a single byte of the body was sent
 * (the test sends none), in the API's JSON error shape.
 */
class UploadBeforeBodyIT extends AppITSupport {

    private static final long TWO_HUNDRED_MB = 200L << 20;
    private static final long THREE_GB = 3L << 30;

    @Autowired
    StorageSettings storage;

    @Test
    void callersWhoMayNotUploadAreAnsweredBeforeTheBody() throws IOException {
        long project = createProject("lead", "upload gate " + System.nanoTime(), "vendor", "executive");
        long foreign = createProject("lead2", "other gate " + System.nanoTime());

        Answer notMember = headersOnly("vendor", foreign, TWO_HUNDRED_MB);
        assertThat(notMember.status()).isEqualTo(404);
        assertThat(notMember.json().get("error").asText()).isEqualTo("not_found");

        Answer executive = headersOnly("executive", project, TWO_HUNDRED_MB);
        assertThat(executive.status()).isEqualTo(403);
        assertThat(executive.json().get("error").asText()).isEqualTo("forbidden");

        Answer tooLarge = headersOnly("vendor", project, THREE_GB);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("error").asText()).isEqualTo("upload_too_large");
        assertThat(tooLarge.json().get("message").asText()).contains(String.valueOf(2L << 30));

        var json = api("vendor").post().uri("/api/v1/projects/{id}/datasets", project)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "x")).retrieve().toEntity(JsonNode.class);
        assertThat(json.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(json.getBody().get("error").asText()).isEqualTo("unsupported_media_type");

        // An allowed upload goes through (a small file that validation soon rejects: it stores no blobs that
        // later tests would count).
        var accepted = upload("vendor", project, "accepted",
                Files.writeString(Files.createTempFile("small", ".zip"), "not a zip"));
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        long version = accepted.getBody().get("id").asLong();
        assertThat(await(() -> get("vendor", "/api/v1/datasets/" + version).getBody().get("status").asText(),
                s -> !s.equals("VALIDATING"), java.time.Duration.ofMinutes(2))).isEqualTo("REJECTED");
        assertThat(storage.multipartTemp()).startsWith(storage.dataDir().toAbsolutePath().normalize()).isDirectory();
        try (var buffers = Files.list(storage.multipartTemp())) {
            assertThat(buffers.toList()).as("the container's multipart buffers are gone after the request").isEmpty();
        }
    }

    private record Answer(int status, JsonNode json) {
    }

    /** Sends only the request line and headers of a multipart upload declaring {@code length} bytes. */
    private Answer headersOnly(String user, long project, long length) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            String credentials = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/projects/" + project + "/datasets HTTP/1.1\r\n"
                    + "Host: localhost:" + port + "\r\n"
                    + "Authorization: Basic " + credentials + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=spurlab-test\r\n"
                    + "Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            int status = Integer.parseInt(head.substring(9, 12));
            int bodyLength = head.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
                    .map(l -> Integer.parseInt(l.substring(15).strip())).findFirst().orElseThrow();
            return new Answer(status, new ObjectMapper().readTree(in.readNBytes(bodyLength)));
        }
    }

    /** The status line and headers, up to the blank line. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (!bytes.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before the answer's headers ended: " + bytes);
            }
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }
}
