package io.herald.support;

import io.herald.events.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Text and events kept compressed in memory: what a stage holds for every post but reads rarely
 * (the previous version's text, a newsletter as it went out) takes a fifth of the room. The harness
 * found the heap full of them at -Xmx512m (text with curly quotes is two bytes a character in a String).
 */
public final class Packed {

    private Packed() {
    }

    public static byte[] text(String text) {
        return text == null ? null : deflate(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String text(byte[] packed) {
        return packed == null ? null : new String(inflate(packed), StandardCharsets.UTF_8);
    }

    public static byte[] event(Object event) {
        return deflate(Json.writeBytes(event));
    }

    public static <T> T event(byte[] packed, Class<T> type) {
        return Json.read(inflate(packed), type);
    }

    private static byte[] deflate(byte[] bytes) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 16);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] packed) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(packed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(packed.length * 4);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("packed bytes are cut short");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalStateException("packed bytes are not deflated data", e);
        } finally {
            inflater.end();
        }
    }
}
