package be.keten.server.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Request bodies read by the controllers themselves, after the role check: JSON objects only,
 * strict (duplicate keys and trailing content refused), of bounded size.
 */
final class Bodies {
    /** Largest body accepted: a scenario's YAML fits easily. */
    static final int MAX_BYTES = 1 << 20;
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private Bodies() {
    }

    /** The body as a JSON object; an empty body is an empty object when {@code emptyAllowed}. */
    static ObjectNode object(HttpServletRequest request, boolean emptyAllowed) {
        checkContentType(request);
        String text = text(request);
        if (text.isBlank()) {
            if (emptyAllowed) {
                return JSON.createObjectNode();
            }
            throw ApiException.badRequest("body", "the request body is empty: expected a JSON object");
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            msg = msg.replaceAll("\\s*\\(start marker at \\[[^\\]]*\\]\\)", "");
            String at = e.getLocation() == null || e.getLocation().getColumnNr() < 1 ? ""
                    : " at line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr();
            throw ApiException.badRequest("body", "malformed JSON" + at + ": " + Params.clip(msg));
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("body", "expected a JSON object, found " + (node == null ? "nothing" : node.getNodeType().name().toLowerCase()));
        }
        return (ObjectNode) node;
    }

    /** The body as text (UTF-8), at most {@link #MAX_BYTES}. */
    static String text(HttpServletRequest request) {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new ApiException(413, "too-large", "Request too large", "the request body is larger than " + MAX_BYTES + " bytes", "body");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ApiException.badRequest("body", "the request body could not be read");
        }
    }

    /** A body is JSON: no Content-Type (taken as JSON) or a JSON one; anything else is 415. */
    static void checkContentType(HttpServletRequest request) {
        String ct = request.getContentType();
        if (ct == null || ct.isBlank()) {
            return;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(ct);
        } catch (InvalidMediaTypeException e) {
            throw unsupported();
        }
        if (!MediaType.APPLICATION_JSON.isCompatibleWith(type) && !type.getSubtype().endsWith("+json")) {
            throw unsupported();
        }
    }

    private static ApiException unsupported() {
        return new ApiException(415, "unsupported-media-type", "Unsupported media type", "send the body as application/json", "Content-Type");
    }

    /** Refuses members other than {@code allowed}, naming the first unknown one. */
    static void allowOnly(ObjectNode body, String... allowed) {
        java.util.List<String> names = java.util.List.of(allowed);
        for (var it = body.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!names.contains(name)) {
                throw ApiException.badRequest(Params.clip(name), "unknown field '" + Params.clip(name) + "'; expected " + names);
            }
        }
    }
}
