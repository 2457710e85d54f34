package io.herald.support;

import java.nio.charset.StandardCharsets;

/**
 * Text made fit for an HTTP header field or a URL: everything outside visible ASCII (a Japanese or
 * Korean post id, a space, a control character) as its UTF-8 bytes percent-encoded. A header may carry
 * visible ASCII only (RFC 9110 section 5.5; Java's HTTP client refuses anything else), so an id that
 * travels in one is made safe this way. Visible ASCII, {@code %} included, is left as it is, so the
 * result of a safe value is the value itself.
 */
public final class HeaderSafe {

    private HeaderSafe() {
    }

    public static String of(String value) {
        if (value == null) {
            return null;
        }
        boolean plain = true;
        for (int i = 0; i < value.length() && plain; i++) {
            char c = value.charAt(i);
            plain = c > 0x20 && c < 0x7f;
        }
        if (plain) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() * 3);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
