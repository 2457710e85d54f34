package io.herald.publish;

import io.herald.events.EnrichedPost;
import io.herald.events.Json;
import io.herald.support.BoundedCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.rocksdb.CompressionType;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Status;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publish store's bodies in the data folder (RocksDB), with a checkpoint: the heads, the pending
 * posts and, per partition of {@code herald.posts.enriched}, the offset of the next record not yet
 * applied. A restart reads the heads back and the topic from there on, not the topic from its
 * beginning. The topic stays the truth: a store that is missing, unreadable, of another format or
 * another build, or of another topic (the same name made again) is emptied and rebuilt from it.
 *
 * <p>A body, its head and a pending post are written before the offset that covers them, so a
 * checkpoint never claims a record that was not applied; applying a record twice changes nothing
 * (versions only grow), so a crash between the two costs a record read again, never one lost.
 */
public final class LocalStore implements PostBodies, Release.Kept {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStore.class);

    /** What is written here and how: a store of another format is rebuilt, never read. */
    static final String FORMAT = "2";

    private static final byte BODY = 'b';
    private static final byte HEAD = 'h';
    private static final byte PENDING = 'p';
    private static final byte OFFSET = 'o';
    private static final byte META = 'm';

    private final Path dir;
    private final RocksDB db;
    private final Options options;
    private final WriteOptions writes = new WriteOptions();
    /** Posts read back whole lately, by id: a feed document or a page reads the same few again and again. */
    private volatile BoundedCache<String, EnrichedPost> decoded;
    private final long cacheBytes;
    private final Object cacheLock = new Object();
    private final java.util.concurrent.locks.ReadWriteLock open = new java.util.concurrent.locks.ReentrantReadWriteLock();
    private boolean closed;
    private long written;

    private LocalStore(Path dir, RocksDB db, Options options, long cacheBytes) {
        this.dir = dir;
        this.db = db;
        this.options = options;
        this.cacheBytes = cacheBytes;
        this.decoded = new BoundedCache<>(cacheBytes, (id, post) -> weight(post));
    }

    /**
     * The store in {@code dir}, made if there is none. A store that cannot be read (corrupt, half
     * written) is deleted and made again empty: the caller then rebuilds it from the topic. Empty when
     * the folder is held by another process (the same data folder twice): then the bodies stay on the heap.
     */
    public static Optional<LocalStore> open(Path dir, long cacheBytes) {
        RocksDB.loadLibrary();
        try {
            Files.createDirectories(dir);
            return Optional.of(openOnce(dir, cacheBytes));
        } catch (RocksDBException e) {
            if (locked(e)) {
                LOG.warn("The publish store in {} is in use by another process: this one keeps its posts on the heap ({})", dir,
                        e.getMessage());
                return Optional.empty();
            }
            LOG.warn("The publish store in {} cannot be read ({}): it is deleted and rebuilt from the topic", dir, e.getMessage());
            try {
                delete(dir);
                Files.createDirectories(dir);
                return Optional.of(openOnce(dir, cacheBytes));
            } catch (RocksDBException | IOException again) {
                LOG.warn("The publish store in {} cannot be made ({}): this process keeps its posts on the heap", dir, again.getMessage());
                return Optional.empty();
            }
        } catch (IOException e) {
            LOG.warn("The publish store's folder {} cannot be made ({}): this process keeps its posts on the heap", dir, e.getMessage());
            return Optional.empty();
        }
    }

    private static LocalStore openOnce(Path dir, long cacheBytes) throws RocksDBException {
        Options options = new Options().setCreateIfMissing(true)
                .setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setWriteBufferSize(16L << 20)
                .setMaxWriteBufferNumber(2)
                .setKeepLogFileNum(2)
                .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
                .setParanoidChecks(true);
        try {
            return new LocalStore(dir, RocksDB.open(options, dir.toString()), options, cacheBytes);
        } catch (RocksDBException e) {
            options.close();
            throw e;
        }
    }

    private static boolean locked(RocksDBException e) {
        Status s = e.getStatus();
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return s != null && s.getCode() == Status.Code.IOError && m.contains("lock");
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    public Path dir() {
        return dir;
    }

    // --- bodies ----------------------------------------------------------------------------------

    @Override
    public void put(EnrichedPost post, PostHead head) {
        try (WriteBatch batch = new WriteBatch()) {
            batch.put(key(BODY, post.id()), Json.writeBytes(post));
            batch.put(key(HEAD, post.id()), Json.writeBytes(head));
            write(batch);
        } catch (RocksDBException e) {
            throw new IllegalStateException("the publish store could not keep post " + post.id() + ": " + e.getMessage(), e);
        }
        synchronized (cacheLock) {
            written++;
            decoded.put(post.id(), post);
        }
    }

    @Override
    public Optional<EnrichedPost> get(String id) {
        EnrichedPost known = decoded.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        long before;
        synchronized (cacheLock) {
            before = written;
        }
        byte[] bytes = read(key(BODY, id));
        if (bytes == null) {
            return Optional.empty();
        }
        EnrichedPost post = Json.read(bytes, EnrichedPost.class);
        synchronized (cacheLock) {
            // Kept only when nothing was written meanwhile: a body read before a write never hides the new one.
            if (written == before) {
                decoded.put(id, post);
            }
        }
        return Optional.of(post);
    }

    @Override
    public void remove(String id) {
        try (WriteBatch batch = new WriteBatch()) {
            batch.delete(key(BODY, id));
            batch.delete(key(HEAD, id));
            write(batch);
        } catch (RocksDBException e) {
            throw new IllegalStateException("the publish store could not forget post " + id + ": " + e.getMessage(), e);
        }
        synchronized (cacheLock) {
            written++;
            decoded.remove(id);
        }
    }

    /** What a decoded post holds on the heap, roughly: its text twice (UTF-16) and the records around it. */
    private static long weight(EnrichedPost post) {
        long chars = 256;
        chars += length(post.title()) + length(post.intro()) + length(post.outro()) + length(post.summary());
        for (var qa : post.qa()) {
            chars += length(qa.question()) + length(qa.answer()) + length(qa.answerHtml()) + 64;
        }
        return 2 * chars + 64L * (post.entities().size() + post.tags().size() + post.links().size());
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    // --- pending posts (Release.Kept) ------------------------------------------------------------

    @Override
    public void keep(EnrichedPost pending) {
        write(key(PENDING, pending.id()), Json.writeBytes(pending));
    }

    @Override
    public void drop(String id) {
        try (WriteBatch batch = new WriteBatch()) {
            batch.delete(key(PENDING, id));
            write(batch);
        } catch (RocksDBException e) {
            throw new IllegalStateException("the publish store could not forget pending post " + id + ": " + e.getMessage(), e);
        }
    }

    // --- the checkpoint --------------------------------------------------------------------------

    /** The record at {@code offset} of this partition, and every one before it, is applied (and when, by this clock). */
    public void applied(int partition, long offset) {
        try (WriteBatch batch = new WriteBatch()) {
            batch.put(key(OFFSET, Integer.toString(partition)), Long.toString(offset + 1).getBytes(StandardCharsets.US_ASCII));
            batch.put(key(META, "at"), Long.toString(System.currentTimeMillis()).getBytes(StandardCharsets.US_ASCII));
            write(batch);
        } catch (RocksDBException e) {
            throw new IllegalStateException("the publish store could not write its checkpoint: " + e.getMessage(), e);
        }
    }

    /** When the checkpoint last moved, by this machine's clock; empty for a store never checkpointed. */
    public Optional<java.time.Instant> checkpointedAt() {
        byte[] v = read(key(META, "at"));
        return v == null ? Optional.empty() : Optional.of(java.time.Instant.ofEpochMilli(Long.parseLong(new String(v, StandardCharsets.US_ASCII))));
    }

    /** Per partition, the offset of the first record not applied yet. */
    public Map<Integer, Long> offsets() {
        Map<Integer, Long> offsets = new TreeMap<>();
        each(OFFSET, (id, bytes) -> offsets.put(Integer.parseInt(id), Long.parseLong(new String(bytes, StandardCharsets.US_ASCII))));
        return offsets;
    }

    /**
     * What the checkpoint was written for (a format, a build, a topic by its id): the caller compares
     * it with what it runs on now and {@link #clear}s the store when they differ.
     */
    public Optional<String> stamp() {
        byte[] v = read(key(META, "stamp"));
        return v == null ? Optional.empty() : Optional.of(new String(v, StandardCharsets.UTF_8));
    }

    public void stamp(String stamp) {
        write(key(META, "stamp"), stamp.getBytes(StandardCharsets.UTF_8));
    }

    /** Every head, as checkpointed; a head that cannot be read fails the whole read (the store is rebuilt then). */
    public List<PostHead> heads() {
        List<PostHead> heads = new ArrayList<>();
        each(HEAD, (id, bytes) -> heads.add(Json.read(bytes, PostHead.class)));
        return heads;
    }

    /** Every pending post, as checkpointed. */
    public List<EnrichedPost> pending() {
        List<EnrichedPost> pending = new ArrayList<>();
        each(PENDING, (id, bytes) -> pending.add(Json.read(bytes, EnrichedPost.class)));
        return pending;
    }

    /** Forgets everything: what a rebuild from the beginning of the topic starts from. */
    public void clear() {
        try (WriteBatch batch = new WriteBatch()) {
            batch.deleteRange(new byte[] {0}, new byte[] {(byte) 0xff});
            write(batch);
        } catch (RocksDBException e) {
            throw new IllegalStateException("the publish store could not be emptied: " + e.getMessage(), e);
        }
        synchronized (cacheLock) {
            written++;
            decoded = new BoundedCache<>(cacheBytes, (id, post) -> weight(post));
        }
    }

    private void write(byte[] key, byte[] value) {
        open.readLock().lock();
        try {
            ensureOpen();
            db.put(writes, key, value);
        } catch (RocksDBException e) {
            throw new IllegalStateException("the publish store could not write: " + e.getMessage(), e);
        } finally {
            open.readLock().unlock();
        }
    }

    private void write(WriteBatch batch) {
        open.readLock().lock();
        try {
            ensureOpen();
            db.write(writes, batch);
        } catch (RocksDBException e) {
            throw new IllegalStateException("the publish store could not write: " + e.getMessage(), e);
        } finally {
            open.readLock().unlock();
        }
    }

    private byte[] read(byte[] key) {
        open.readLock().lock();
        try {
            ensureOpen();
            return db.get(key);
        } catch (RocksDBException e) {
            throw new IllegalStateException("the publish store could not read: " + e.getMessage(), e);
        } finally {
            open.readLock().unlock();
        }
    }

    /** A closed RocksDB must not be called (its native handle is gone): a late caller gets an exception, never a crash. */
    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the publish store is closed");
        }
    }

    private void each(byte kind, java.util.function.BiConsumer<String, byte[]> onEntry) {
        open.readLock().lock();
        try (RocksIterator it = newIterator()) {
            for (it.seek(new byte[] {kind}); it.isValid(); it.next()) {
                byte[] k = it.key();
                if (k.length == 0 || k[0] != kind) {
                    break;
                }
                onEntry.accept(new String(k, 1, k.length - 1, StandardCharsets.UTF_8), it.value());
            }
        } finally {
            open.readLock().unlock();
        }
    }

    private RocksIterator newIterator() {
        ensureOpen();
        return db.newIterator();
    }

    private static byte[] key(byte kind, String id) {
        byte[] text = id.getBytes(StandardCharsets.UTF_8);
        byte[] key = new byte[text.length + 1];
        key[0] = kind;
        System.arraycopy(text, 0, key, 1, text.length);
        return key;
    }

    @Override
    public void close() {
        open.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            writes.close();
            db.close();
            options.close();
        } finally {
            open.writeLock().unlock();
        }
    }
}
