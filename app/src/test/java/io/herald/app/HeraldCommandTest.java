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
}
