package nl.koers.app.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import nl.koers.app.platform.AppPreferences;
import org.junit.jupiter.api.Test;

class SettingsScreenTest extends ScreenTest {

    @Test
    void dutchIsTheDefault_englishIsOneTapAway_andIsRemembered() {
        assertEquals("Vandaag", text("tab-today"));
        hands().tap("tab-settings").tap("language-en");
        assertEquals("Today", text("tab-today"));
        assertEquals("Settings", text("screen-title"));
        assertTrue(text("settings-server").startsWith("Paired with https://koers.example"));
        assertEquals(Locale.ENGLISH, AppPreferences.in(app.dir).language(), "remembered on the device");
        hands().tap("language-nl");
        assertEquals("Instellingen", text("screen-title"));
    }
}
