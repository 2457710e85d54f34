package io.herald.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The one Jackson configuration every stage uses: ISO-8601 dates, unknown fields ignored (so an
 * older reader survives a newer writer's additions), nulls left out.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private Json() {
    }

    /** The shared mapper. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static byte[] writeBytes(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads an event, refusing one whose schema is newer than this build understands.
     *
     * @throws IllegalArgumentException when the bytes are not a readable event of that type
     */
    public static <T> T read(byte[] bytes, Class<T> type) {
        try {
            T value = MAPPER.readValue(bytes, type);
            if (value == null) {
                throw new IllegalArgumentException("empty JSON where a " + type.getSimpleName() + " was expected");
            }
            if (value instanceof Event event && event.schema() > Schema.VERSION) {
                throw new IllegalArgumentException(type.getSimpleName() + " has schema " + event.schema()
                        + ", newer than this Herald understands (" + Schema.VERSION + ")");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a readable " + type.getSimpleName() + ": " + reason(e), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a readable " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        return read(json.getBytes(StandardCharsets.UTF_8), type);
    }


    /** Where a location's text would name the source ({@code [Source: REDACTED …; line: 1, column: 9]}), only line and column. */
    private static final java.util.regex.Pattern SOURCE_LOCATION =
            java.util.regex.Pattern.compile("\\[Source: [^\\];]*; line: (\\d+), column: (\\d+)\\]");

    /**
     * Jackson's own words for what is wrong, and where, as a person reads them: "Unexpected end-of-input:
     * expected close marker for Object (start marker at line 1, column 1), at line 1, column 12". Its
     * messages otherwise carry parser internals ({@code [Source: REDACTED (`StreamReadFeature…` disabled)…]}).
     */
    public static String reason(IOException e) {
        String message = e instanceof com.fasterxml.jackson.core.JacksonException j ? j.getOriginalMessage() : e.getMessage();
        message = message == null ? e.getClass().getSimpleName() : message;
        int nl = message.indexOf('\n');
        message = SOURCE_LOCATION.matcher(nl < 0 ? message : message.substring(0, nl)).replaceAll("line $1, column $2").strip();
        if (e instanceof com.fasterxml.jackson.core.JacksonException j && j.getLocation() != null && j.getLocation().getLineNr() > 0) {
            message += ", at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr();
        }
        return message;
    }
}
