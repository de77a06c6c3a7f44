package nl.koers.server.config;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.config.EnvironmentVariables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.koers.server.Main;
import nl.koers.server.ServerSettings;
import org.junit.jupiter.api.Test;

/**
 * The configuration keys: the server reads them only through {@link ConfigKey}, and
 * {@code docs/OPERATIONS.md} documents every one with its environment variable and default, as do
 * the built-in {@code application.yaml} and the release's example configuration.
 */
class ConfigKeysTest {

    private static final Path OPERATIONS = Path.of("..", "docs", "OPERATIONS.md");
    private static final Path EXAMPLE = Path.of("src", "dist", "config", "koers.example.yaml");
    /** A row of the configuration table: | `key` | `ENVIRONMENT_VARIABLE` | default | what it does | */
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z.\\-]+)` \\| `([A-Z_]+)` \\| ([^|]*) \\|", Pattern.MULTILINE);
    /** Read before the configuration exists, or set by the launch scripts: not in the files. */
    private static final Set<ConfigKey> NOT_IN_FILES = EnumSet.of(ConfigKey.CONFIG_FILE, ConfigKey.LAUNCHER,
            ConfigKey.SERVER_HOST);

    @Test
    void noServerClassButConfigKey_readsAKeyFromTheConfiguration() {
        JavaClasses server = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.koers.server");
        assertTrue(server.contain(Main.class) && server.contain(ServerSettings.class), "the server's classes are read");
        noClasses().that().doNotHaveFullyQualifiedName(ConfigKey.class.getName())
                .should().callMethod(Config.class, "get", String.class)
                .orShould().callMethod(Config.class, "get", Config.Key.class)
                .because("every key is a ConfigKey, which docs/OPERATIONS.md documents")
                .check(server);
    }

    @Test
    void operationsDocumentsEveryKey_withItsEnvironmentVariableAndDefault_andNoOther() throws IOException {
        Matcher rows = ROW.matcher(Files.readString(OPERATIONS, StandardCharsets.UTF_8));
        Set<String> documented = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        while (rows.find()) {
            documented.add(rows.group(1));
            ConfigKey key = byName(rows.group(1));
            if (key == null) {
                wrong.add(rows.group(1) + " is documented but the server does not read it");
                continue;
            }
            if (!rows.group(2).equals(key.environmentVariable())) {
                wrong.add(key.key() + ": environment variable " + key.environmentVariable() + ", not " + rows.group(2));
            }
            String shown = key.defaultValue().isEmpty() ? "none" : key.defaultValue();
            if (!rows.group(3).strip().equals("`" + shown + "`") && !rows.group(3).strip().equals(shown)) {
                wrong.add(key.key() + ": default " + shown + ", not " + rows.group(3).strip());
            }
        }
        for (ConfigKey key : ConfigKey.values()) {
            if (!documented.contains(key.key())) {
                wrong.add(key.key() + " is read by the server but not in docs/OPERATIONS.md");
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void eachEnvironmentVariable_setsItsKey_asTheServerReadsIt() {
        for (ConfigKey key : ConfigKey.values()) {
            if (key == ConfigKey.CONFIG_FILE) {
                continue;
            }
            Config root = Config.just(ConfigSources.create(EnvironmentVariables.expand(
                    Map.of(key.environmentVariable(), "set-by-environment"))));
            Config section = key.key().startsWith("koers.") ? ConfigKey.koers(root) : ConfigKey.server(root);
            assertEquals("set-by-environment", key.in(section).asString().orElse("unset"), key.environmentVariable());
        }
    }

    @Test
    void theBuiltInDefaults_andTheExampleConfiguration_holdEveryKeyAtItsDocumentedDefault() {
        for (Config file : List.of(Config.just(ConfigSources.classpath("application.yaml")),
                Config.just(ConfigSources.file(EXAMPLE)))) {
            Set<String> leaves = new TreeSet<>();
            file.traverse().filter(Config::isLeaf).forEach(node -> leaves.add(node.key().toString()));
            Set<String> expected = new TreeSet<>();
            for (ConfigKey key : ConfigKey.values()) {
                if (!NOT_IN_FILES.contains(key)) {
                    expected.add(key.key());
                    String value = file.get(key.key()).asString().orElse("missing");
                    assertEquals(key.defaultValue(), value, key.key() + " in " + file);
                }
            }
            assertEquals(expected, leaves, "the keys of the file are the registered ones");
        }
        assertEquals(ServerSettings.from(ConfigKey.koers(Config.just(ConfigSources.classpath("application.yaml")))),
                ServerSettings.from(ConfigKey.koers(Config.empty())), "a key missing from the files has the same default");
    }

    @Test
    void theConfigurationFile_isReadBeforeTheBuiltInDefaults_andAMissingOneIsNamed() throws IOException {
        Path file = Files.createTempFile("koers", ".yaml");
        try {
            Files.writeString(file, "koers:\n  pairing:\n    code-minutes: 42\n");
            assertEquals(42, ServerSettings.from(ConfigKey.koers(Main.configuration(file.toString())))
                    .pairingCodeLife().toMinutes());
            assertEquals(15, ServerSettings.from(ConfigKey.koers(Main.configuration(null))).pairingCodeLife().toMinutes());
        } finally {
            Files.delete(file);
        }
        IllegalArgumentException missing = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Main.configuration("/nowhere/koers.yaml"));
        assertTrue(missing.getMessage().contains("/nowhere/koers.yaml") && missing.getMessage().contains("KOERS_CONFIG"),
                missing.getMessage());
    }

    private static ConfigKey byName(String name) {
        for (ConfigKey key : ConfigKey.values()) {
            if (key.key().equals(name)) {
                return key;
            }
        }
        return null;
    }
}
