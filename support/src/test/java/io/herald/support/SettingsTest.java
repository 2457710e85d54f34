package io.herald.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One typed settings object, from names and values, with defaults from one file and refusals that name the setting. */
class SettingsTest {

    @Test
    void the_readme_configuration_table_is_the_one_the_definitions_make() throws Exception {
        java.nio.file.Path readme = java.nio.file.Path.of("..", "README.md");
        String text = java.nio.file.Files.readString(readme);
        String begin = "<!-- settings: made from Settings.ALL; mvn -pl support test -Dherald.readme.write=true -->\n";
        String end = "<!-- /settings -->";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        assertTrue(from >= 0 && to > from, "the README marks its configuration table");
        String table = Settings.markdownTable();
        if (Boolean.getBoolean("herald.readme.write")) {
            java.nio.file.Files.writeString(readme, text.substring(0, from + begin.length()) + table + text.substring(to));
            return;
        }
        assertEquals(table, text.substring(from + begin.length(), to),
                "README.md's configuration table differs from Settings.ALL: run mvn -pl support test -Dherald.readme.write=true");
    }

    @Test
    void a_choice_is_refused_naming_its_choices_and_the_help_shows_each_default() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Settings.of(Map.of("social-platforms", "x,myspace"))).getMessage()
                .startsWith("social-platforms must be x, mastodon, bluesky or linkedin, not \"myspace\""));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Settings.of(Map.of("newsletter-digest", "hourly"))).getMessage()
                .startsWith("newsletter-digest must be off"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Settings.of(Map.of("newsletter-webhook", "hooks.example/x")))
                .getMessage().startsWith("newsletter-webhook must be an http or https URL"));
        assertEquals("HTTP port: API, feeds, /health (default: 8080)", Settings.PORT.helpDescription());
        assertTrue(Settings.FEED_BACKLOG.helpDescription().contains("(see Upstream feeds)"), Settings.FEED_BACKLOG.helpDescription());
        assertEquals("skip|announce", Settings.FEED_BACKLOG.label());
    }

    @Test
    void every_setting_has_its_default_from_the_defaults_file() {
        Settings s = Settings.of(Map.of());
        assertEquals(8080, s.port());
        assertEquals("http://localhost:8080", s.baseUrl());
        assertEquals(Path.of("./data"), s.dataDir());
        assertEquals(5L * 1024 * 1024, s.maxPostBytes());
        assertEquals(List.of(Settings.Network.X, Settings.Network.MASTODON, Settings.Network.BLUESKY, Settings.Network.LINKEDIN),
                s.socialPlatforms());
        assertEquals(Duration.ZERO, s.hold());
        assertEquals(Settings.NewsletterOnEdit.NONE, s.newsletterOnEdit());
        assertTrue(s.kafkaBootstrap().isEmpty() && s.apiToken().isEmpty() && s.feeds().isEmpty());
        for (Setting<?> d : Settings.ALL) {
            assertTrue(Settings.defaults().containsKey(d.name()), d.name() + " has a default");
        }
        assertEquals(Settings.ALL.size(), Settings.defaults().size(), "no default without a setting");
    }

    @Test
    void values_are_given_by_name_and_read_into_their_types() {
        Settings s = Settings.of(Map.of("port", 9090, "base-url", "https://q.example/", "feeds", " https://a.example/feed , ",
                "hold-seconds", 30, "social-threads", "true"));
        assertEquals(9090, s.port());
        assertEquals("https://q.example", s.baseUrl());
        assertEquals(List.of("https://a.example/feed"), s.feeds());
        assertEquals(Duration.ofSeconds(30), s.hold());
        assertTrue(s.socialThreads());
    }

    @Test
    void a_bad_value_is_refused_naming_the_setting() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Settings.of(Map.of("port", "eighty"))).getMessage()
                .startsWith("port must be a whole number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Settings.of(Map.of("minor-edit-threshold", 2))).getMessage()
                .startsWith("minor-edit-threshold must be a share"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Settings.of(Map.of("newsletter-on-edit", "always")))
                .getMessage().startsWith("newsletter-on-edit must be none or correction"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Settings.of(Map.of("prot", 1))).getMessage()
                .contains("there is no setting \"prot\""));
    }

    @Test
    void the_settings_in_effect_print_every_name_with_its_value_and_never_the_token() {
        String printed = Settings.of(Map.of("api-token", "s3cret", "hold-seconds", 7, "host", "127.0.0.1")).toString();
        assertTrue(!printed.contains("s3cret"), printed);
        assertTrue(printed.contains("api-token=(set)"), printed);
        assertTrue(printed.contains("hold-seconds=7") && printed.contains("host=127.0.0.1") && printed.contains("port=8080"), printed);
        for (Setting<?> d : Settings.ALL) {
            assertTrue(printed.contains(" " + d.name() + "=") || printed.contains("[" + d.name() + "="), d.name() + ": " + printed);
        }
    }

    @Test
    void a_misspelled_name_is_refused_naming_the_nearest_setting() {
        assertEquals("api-token", Settings.nearestName("api_token"));
        assertEquals("hold-seconds", Settings.nearestName("hold_secnds"));
        assertEquals("newsletter-webhook", Settings.nearestName("newsleter-webhook"));
    }

    @Test
    void kafka_client_properties_pass_through_from_a_file_or_the_environment_and_secrets_never_print() {
        Map<String, String> fromFile = Settings.kafkaProperties(Map.of("kafka.security.protocol", "SASL_SSL", "port", "9090",
                "kafka-bootstrap", "b:9092"));
        assertEquals(Map.of("security.protocol", "SASL_SSL"), fromFile);
        Map<String, String> fromEnv = Settings.kafkaPropertiesFromEnvironment(Map.of("HERALD_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "HERALD_KAFKA_BOOTSTRAP", "b:9092", "HERALD_PORT", "9090", "HERALD_KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/ts.p12"));
        assertEquals(Map.of("sasl.mechanism", "SCRAM-SHA-512", "ssl.truststore.location", "/etc/ts.p12"), fromEnv,
                "HERALD_KAFKA_BOOTSTRAP stays Herald's own setting");
        Settings s = Settings.of(Map.of("kafka.security.protocol", "SASL_SSL",
                "kafka.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"h\" password=\"pw\";",
                "kafka.ssl.truststore.password", "tspw"));
        assertEquals("SASL_SSL", s.kafkaProperties().get("security.protocol"));
        String printed = s.toString();
        assertTrue(printed.contains("kafka.security.protocol=SASL_SSL"), printed);
        assertTrue(!printed.contains("pw") && printed.contains("kafka.sasl.jaas.config=(set)"), printed);
    }

    @Test
    void replication_and_log_format_are_checked() {
        assertEquals(0, Settings.of(Map.of()).topicReplication(), "0: fit the cluster");
        assertEquals(Settings.LogFormat.TEXT, Settings.of(Map.of()).logFormat());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Settings.of(Map.of("log-format", "xml"))).getMessage()
                .contains("log-format"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Settings.of(Map.of("topic-replication", "-1"))).getMessage()
                .contains("topic-replication"));
    }

    @Test
    void a_fediverse_name_with_a_space_is_refused_when_the_settings_are_read_saying_what_it_may_be() {
        String why = assertThrows(IllegalArgumentException.class, () -> Settings.of(Map.of("activitypub-username", "bad name!")))
                .getMessage();
        assertTrue(why.contains("activitypub-username must be letters, digits"), why);
        assertEquals("news.desk", Settings.of(Map.of("activitypub-username", "news.desk")).activityPubUsername());
    }

    @Test
    void a_bluesky_handle_without_its_app_password_or_one_that_is_no_handle_is_refused_when_the_settings_are_read() {
        String why = assertThrows(IllegalArgumentException.class, () -> Settings.of(Map.of("bluesky-handle", "site.bsky.social")))
                .getMessage();
        assertTrue(why.contains("bluesky-handle and bluesky-app-password go together"), why);
        why = assertThrows(IllegalArgumentException.class, () -> Settings.of(Map.of("bluesky-app-password", "abcd-efgh-ijkl-mnop")))
                .getMessage();
        assertTrue(why.contains("no handle"), why);
        why = assertThrows(IllegalArgumentException.class, () -> Settings.of(Map.of("bluesky-handle", "my site",
                "bluesky-app-password", "abcd-efgh-ijkl-mnop"))).getMessage();
        assertTrue(why.contains("bluesky-handle must be a handle such as site.bsky.social, or a DID"), why);
        Settings ok = Settings.of(Map.of("bluesky-handle", "@news.example.org", "bluesky-app-password", "abcd-efgh-ijkl-mnop"));
        assertEquals("news.example.org", ok.blueskyHandle().orElseThrow());
        assertTrue(!ok.toString().contains("abcd-efgh"), "the app password is never shown: " + ok);
    }
}
