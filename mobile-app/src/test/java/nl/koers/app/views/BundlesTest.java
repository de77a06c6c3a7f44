package nl.koers.app.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every string is in Dutch and English: each bundle of the app has the same keys in both files,
 * every {@code %key} of a screen's FXML is in that screen's bundle, and no FXML shows a literal text.
 */
class BundlesTest {

    private static final Path RESOURCES = Path.of("src/main/resources/nl/koers/app");
    private static final Pattern KEY_REFERENCE = Pattern.compile("(?:text|promptText|accessibleText)=\"%([^\"]+)\"");
    private static final Pattern LITERAL_TEXT = Pattern.compile("(?:text|promptText|accessibleText)=\"([^%\"][^\"]*)\"");

    @Test
    void everyDutchBundle_hasAnEnglishTwin_withTheSameKeys() throws IOException {
        List<Path> dutch = files(".properties").stream().filter(p -> !p.getFileName().toString().contains("_")).toList();
        assertTrue(dutch.size() >= 9, "bundles found: " + dutch);
        for (Path nl : dutch) {
            Path en = nl.resolveSibling(nl.getFileName().toString().replace(".properties", "_en.properties"));
            assertTrue(Files.exists(en), "no English for " + nl);
            assertEquals(keys(nl), keys(en), "keys of " + nl + " and " + en);
        }
    }

    @Test
    void everyFxmlKey_isInItsScreensBundle_andNoFxmlHasLiteralText() throws IOException {
        List<Path> fxmls = files(".fxml");
        assertTrue(fxmls.size() >= 8, "screens found: " + fxmls);
        for (Path fxml : fxmls) {
            String source = Files.readString(fxml);
            Set<String> keys = keys(fxml.resolveSibling(fxml.getFileName().toString().replace(".fxml", ".properties")));
            Matcher reference = KEY_REFERENCE.matcher(source);
            while (reference.find()) {
                assertTrue(keys.contains(reference.group(1)), fxml + " uses %" + reference.group(1) + " which its bundle lacks");
            }
            Matcher literal = LITERAL_TEXT.matcher(source);
            assertFalse(literal.find(), () -> fxml + " shows a literal text: " + literal.group(1));
        }
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(RESOURCES)) {
            return new ArrayList<>(walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList());
        }
    }

    private static Set<String> keys(Path bundle) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(bundle)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
