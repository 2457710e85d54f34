package io.herald.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongBiFunction;

/**
 * A cache bounded by the bytes it holds, not by a count: what a value weighs is given by a weigher,
 * and when the total passes the budget the least recently used entries go. For anything that caches
 * what requests or posts bring (names, documents), so no input can grow the heap without bound.
 */
public final class BoundedCache<K, V> {

    private final long budget;
    private final ToLongBiFunction<K, V> weigher;
    private final boolean keepsNewest;
    private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long held;

    /** A cache that refuses a value heavier than the whole budget. */
    public BoundedCache(long budgetBytes, ToLongBiFunction<K, V> weigher) {
        this(budgetBytes, weigher, false);
    }

    private BoundedCache(long budgetBytes, ToLongBiFunction<K, V> weigher, boolean keepsNewest) {
        this.budget = budgetBytes;
        this.weigher = weigher;
        this.keepsNewest = keepsNewest;
    }

    /**
     * A cache that always keeps the value put last, however heavy (so at most one value over the
     * budget): for what is made to be answered at once, such as a feed document just rendered.
     */
    public static <K, V> BoundedCache<K, V> keepingNewest(long budgetBytes, ToLongBiFunction<K, V> weigher) {
        return new BoundedCache<>(budgetBytes, weigher, true);
    }

    public synchronized V get(K key) {
        return entries.get(key);
    }

    /** The value for a key, computed (outside no lock: the computation is pure) and kept when absent. */
    public V computeIfAbsent(K key, Function<K, V> compute) {
        V known = get(key);
        if (known != null) {
            return known;
        }
        V value = compute.apply(key);
        put(key, value);
        return value;
    }

    public synchronized void put(K key, V value) {
        long weight = weigher.applyAsLong(key, value);
        if (weight > budget && !keepsNewest) {
            return;
        }
        V old = entries.put(key, value);
        held += weight - (old == null ? 0 : weigher.applyAsLong(key, old));
        var eldest = entries.entrySet().iterator();
        while (held > budget && eldest.hasNext()) {
            Map.Entry<K, V> e = eldest.next();
            if (keepsNewest && e.getKey().equals(key)) {
                continue;
            }
            held -= weigher.applyAsLong(e.getKey(), e.getValue());
            eldest.remove();
        }
    }

    /** Forgets a key. */
    public synchronized void remove(K key) {
        V old = entries.remove(key);
        if (old != null) {
            held -= weigher.applyAsLong(key, old);
        }
    }

    /** The bytes held, as the weigher counts them. */
    public synchronized long heldBytes() {
        return held;
    }

    public synchronized int size() {
        return entries.size();
    }
}
