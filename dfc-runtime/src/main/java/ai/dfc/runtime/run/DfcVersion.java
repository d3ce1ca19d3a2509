package ai.dfc.runtime.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The project version, written into the jar by the build. */
public final class DfcVersion {
    private static final String VERSION = read();

    private DfcVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = DfcVersion.class.getResourceAsStream("/ai/dfc/runtime/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
