package io.herald.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.nio.file.StandardCopyOption;

/**
 * This Herald instance's name in its consumer groups, kept in its data folder ({@code instance-id}) so
 * that it is the same after a restart. Kafka then knows a restarted instance as the member it was
 * (static membership) and hands its partitions straight back, instead of waiting for the dead
 * member's session to expire before anyone reads them again.
 */
final class InstanceId {

    static final String FILE = "instance-id";

    private InstanceId() {
    }

    static String of(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (id.matches("[A-Za-z0-9._-]{1,100}")) {
                    return id;
                }
            }
            String id = "herald-" + UUID.randomUUID();
            Path tmp = Files.createTempFile(dataDir, ".instance-id", ".tmp");
            Files.writeString(tmp, id + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return id;
        } catch (IOException e) {
            throw new StartupException("cannot keep this instance's id in " + file + ": " + e.getMessage(), e);
        }
    }
}
