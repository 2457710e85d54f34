package io.herald.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import io.herald.support.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line: every option documented, defaults from one place, a config file and flags overriding them. */
class HeraldCommandTest {

    @TempDir
    Path dir;

    private static String help(String... args) {
        CommandLine cli = HeraldCommand.commandLine(args);
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute(args));
        return out.toString();
    }

    private static Settings parse(String... args) {
        CommandLine cli = HeraldCommand.commandLine(args);
        CommandLine.ParseResult result = cli.parseArgs(args);
        HeraldCommand.StageCommand stage = (HeraldCommand.StageCommand) result.subcommand().commandSpec().userObject();
        return stage.settings();
    }

    @Test
    void run_help_describes_every_contract_option() {
        String help = help("run", "--help");
        for (String option : new String[] {"--kafka-bootstrap", "--port", "--data-dir", "--inbox", "--out",
                "--base-url", "--api-token", "--config"}) {
            assertTrue(help.contains(option), option + " missing from:\n" + help);
        }
        assertTrue(help.contains("default: 8080"), help);
    }

    @Test
    void top_level_help_lists_the_four_commands() {
        String help = help("--help");
        for (String command : new String[] {"run", "ingest", "transform", "publish"}) {
            assertTrue(help.contains(command), help);
        }
    }

    @Test
    void defaults_come_from_the_defaults_file() {
        Settings config = parse("run");
        assertEquals(8080, config.port());
        assertEquals(Path.of("./data"), config.dataDir());
        assertTrue(config.kafkaBootstrap().isEmpty());
        assertEquals("http://localhost:8080", config.baseUrl());
        assertEquals(5L * 1024 * 1024, config.maxPostBytes());
    }

    @Test
    void a_config_file_overrides_defaults_and_flags_override_the_file() throws Exception {
        Path file = Files.writeString(dir.resolve("herald.properties"), "port=9191\ninbox=/srv/inbox\napi-token=s3cret\n");
        Settings fromFile = parse("run", "--config", file.toString());
        assertEquals(9191, fromFile.port());
        assertEquals(Path.of("/srv/inbox"), fromFile.inbox());
        assertEquals("http://localhost:9191", fromFile.baseUrl());
        Settings flag = parse("run", "--config", file.toString(), "--port", "7070", "--base-url", "https://q.example.org/");
        assertEquals(7070, flag.port());
        assertEquals("https://q.example.org", flag.baseUrl());
    }

    @Test
    void the_api_token_never_shows_in_the_printed_configuration() throws Exception {
        Path file = Files.writeString(dir.resolve("herald.properties"), "api-token=s3cret\n");
        Settings config = parse("run", "--config", file.toString());
        assertEquals("s3cret", config.apiToken().orElseThrow());
        assertTrue(!config.toString().contains("s3cret"), config.toString());
    }

    /** Runs the command as a user would and answers its exit code and what it printed on stderr. */
    private static java.util.Map.Entry<Integer, String> run(String... args) {
        CommandLine cli = HeraldCommand.commandLine(args);
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return java.util.Map.entry(code, err.toString());
    }

    @Test
    void a_misspelled_key_in_the_config_file_stops_herald_naming_the_nearest_setting() throws Exception {
        Path file = Files.writeString(dir.resolve("herald.properties"), "port=9191\napi_token=s3cret\n");
        var result = run("run", "--config", file.toString());
        assertEquals(2, result.getKey());
        assertEquals(1, result.getValue().strip().lines().count(), result.getValue());
        assertTrue(result.getValue().contains("unknown setting \"api_token\"; did you mean \"api-token\"?"), result.getValue());
        assertTrue(!result.getValue().contains("s3cret"), "the value is not echoed");
        var hold = run("run", "--config", Files.writeString(dir.resolve("h.properties"), "hold_secnds=5\n").toString());
        assertTrue(hold.getValue().contains("did you mean \"hold-seconds\"?"), hold.getValue());
    }

    @Test
    void a_missing_config_file_is_one_line_and_exit_code_2() {
        var result = run("run", "--config", dir.resolve("nope.properties").toString());
        assertEquals(2, result.getKey());
        assertEquals(1, result.getValue().strip().lines().count(), result.getValue());
        assertTrue(result.getValue().startsWith("herald: cannot read the config file"), result.getValue());
    }

    @Test
    void invalid_values_are_one_line_errors_with_exit_code_2() {
        for (String[] bad : new String[][] {{"--newsletter-on-edit=always", "newsletter-on-edit"}, {"--hold-seconds=-5", "hold-seconds"},
                {"--minor-edit-threshold=2", "minor-edit-threshold"}, {"--social-platforms=x,facebook", "facebook"}}) {
            var result = run("run", bad[0]);
            assertEquals(2, result.getKey(), bad[0]);
            assertEquals(1, result.getValue().strip().lines().count(), result.getValue());
            assertTrue(result.getValue().contains(bad[1]), bad[0] + ": " + result.getValue());
        }
    }

    @Test
    void a_base_url_that_is_not_a_site_address_stops_herald_before_it_starts() {
        for (String bad : new String[] {"not-a-url", "ftp://example.org", "https://", "https://user:pw@example.org",
                "https://example.org/?utm=x", "https://example.org/#top", "https://exa mple.org"}) {
            var result = run("run", "--base-url=" + bad);
            assertEquals(2, result.getKey(), bad);
            assertEquals(1, result.getValue().strip().lines().count(), result.getValue());
            assertTrue(result.getValue().contains("base-url"), bad + ": " + result.getValue());
        }
        assertEquals("https://example.org/news", parse("run", "--base-url", "https://example.org/news/").baseUrl());
    }
}
