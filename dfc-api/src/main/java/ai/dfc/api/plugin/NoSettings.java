package ai.dfc.api.plugin;

/** The settings record of a plugin that has no settings. */
public record NoSettings() {
    public static final NoSettings INSTANCE = new NoSettings();
}
