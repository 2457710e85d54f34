package io.herald.bench.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import java.util.function.Consumer;

/**
 * The baselines: what the same broker does with plain Kafka clients and records of Herald's sizes,
 * with no HTTP, no Camel and no work per record. Producers as Herald's (acks=all, idempotent, no
 * linger), consumers in groups reading from the earliest offset.
 */
final class RawKafka {

    private final String bootstrap;

    RawKafka(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        p.put("linger.ms", "0");
        p.put("max.request.size", "10485760");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    KafkaConsumer<String, byte[]> consumer(String group) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", group);
        p.put("auto.offset.reset", "earliest");
        p.put("max.partition.fetch.bytes", "10485760");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    void createTopics(String... names) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String n : names) {
                topics.add(new NewTopic(n, 3, (short) 1));
            }
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** A consumer of {@code from} writing {@code writes} records of {@code value} to {@code to} for each record, until stopped. */
    private Thread relay(String group, String from, String to, byte[] value, int writes, AtomicBoolean stop) {
        return new Thread(() -> {
            var c = consumer(group);
            var p = producer();
            try {
                c.subscribe(List.of(from));
                while (!stop.get()) {
                    for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(100))) {
                        for (int w = 0; w < writes; w++) {
                            p.send(new ProducerRecord<>(to, r.key(), value));
                        }
                    }
                }
            } catch (RuntimeException e) {
                System.out.println("  (the baseline's relay failed: " + e + ")");
            } finally {
                // Bounded: a close that cannot reach the broker must not hold the run.
                p.close(Duration.ofSeconds(10));
                c.close(Duration.ofSeconds(10));
            }
        }, "relay");
    }

    /** A consumer of {@code topic} handing each record on, until stopped. */
    private Thread sink(String group, String topic, Consumer<ConsumerRecord<String, byte[]>> each, AtomicBoolean stop) {
        return new Thread(() -> {
            var c = consumer(group);
            try {
                c.subscribe(List.of(topic));
                while (!stop.get()) {
                    c.poll(Duration.ofMillis(100)).forEach(each);
                }
            } catch (RuntimeException e) {
                System.out.println("  (the baseline's consumer failed: " + e + ")");
            } finally {
                c.close(Duration.ofSeconds(10));
            }
        }, "sink");
    }

    /**
     * Round trips through two topics: produce a record of {@code firstSize} bytes to A, a relay
     * consumes it and produces {@code secondSize} bytes to B, a consumer reads it. Nanoseconds from
     * the first send to the last receive, {@code n} times one after another.
     */
    List<Long> twoTopicRoundTrips(int n, int firstSize, int secondSize) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String a = "bench.rt-a." + run;
        String b = "bench.rt-b." + run;
        createTopics(a, b);
        AtomicBoolean stop = new AtomicBoolean();
        BlockingQueue<String> arrived = new ArrayBlockingQueue<>(16);
        Thread relay = relay("bench-relay-" + run, a, b, new byte[secondSize], 1, stop);
        Thread sink = sink("bench-sink-" + run, b, r -> arrived.add(r.key()), stop);
        relay.start();
        sink.start();
        List<Long> times = new ArrayList<>();
        byte[] first = new byte[firstSize];
        try (var p = producer()) {
            // Warm-up: until both consumers have their partitions and a record makes the trip.
            for (int i = 0; ; i++) {
                p.send(new ProducerRecord<>(a, "warm-" + i, first)).get();
                if (arrived.poll(5, TimeUnit.SECONDS) != null) {
                    break;
                }
                if (i > 12) {
                    throw new IllegalStateException("the raw round trip never completed");
                }
            }
            // As many round trips again to warm up as are measured (Herald gets 100 warm-up posts).
            for (int i = 0; i < Math.max(100, n); i++) {
                p.send(new ProducerRecord<>(a, "warm2-" + i, first)).get();
                arrived.poll(10, TimeUnit.SECONDS);
            }
            for (int i = 0; i < n; i++) {
                String key = "post-" + i;
                long t0 = System.nanoTime();
                p.send(new ProducerRecord<>(a, key, first));
                String got = arrived.poll(10, TimeUnit.SECONDS);
                if (!key.equals(got)) {
                    throw new IllegalStateException("raw round trip " + i + " got " + got);
                }
                times.add(System.nanoTime() - t0);
            }
        } finally {
            stop.set(true);
            relay.join();
            sink.join();
        }
        return times;
    }

    /**
     * Throughput: {@code posts} records of {@code firstSize} produced by {@code clients} threads as
     * fast as the broker takes them; a relay writes {@code writesPerPost} records of {@code secondSize}
     * for each; a consumer counts them. Posts per second from the first send to the last record read.
     */
    double throughput(int posts, int clients, int firstSize, int secondSize, int writesPerPost) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String a = "bench.tp-a." + run;
        String b = "bench.tp-b." + run;
        createTopics(a, b);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong seen = new AtomicLong();
        Thread relay = relay("bench-relay-" + run, a, b, new byte[secondSize], writesPerPost, stop);
        Thread sink = sink("bench-sink-" + run, b, r -> seen.incrementAndGet(), stop);
        relay.start();
        sink.start();
        byte[] first = new byte[firstSize];
        long t0;
        try (var p = producer()) {
            // Both consumers assigned before the clock starts (as Herald's are when it is healthy).
            p.send(new ProducerRecord<>(a, "warm", first)).get();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (seen.get() < writesPerPost && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            seen.set(0);
            t0 = System.nanoTime();
            List<Thread> senders = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int from = c;
                Thread t = new Thread(() -> {
                    for (int i = from; i < posts; i += clients) {
                        try {
                            // One at a time per client, as an HTTP client waits for its 202.
                            p.send(new ProducerRecord<>(a, "post-" + i, first)).get();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
                t.start();
                senders.add(t);
            }
            for (Thread t : senders) {
                t.join();
            }
            long deadline2 = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (seen.get() < (long) posts * writesPerPost && System.nanoTime() < deadline2) {
                Thread.sleep(2);
            }
            if (seen.get() < (long) posts * writesPerPost) {
                System.out.println("  (the baseline read " + seen.get() + " of " + (long) posts * writesPerPost + " records in 10 minutes)");
            }
        } finally {
            stop.set(true);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        relay.join();
        sink.join();
        return posts / seconds;
    }
}
