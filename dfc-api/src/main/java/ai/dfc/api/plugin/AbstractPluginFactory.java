package ai.dfc.api.plugin;

/**
 * The four fixed parts of a factory — name, description, settings type and defaults — so that a plugin's
 * factory only implements {@link #create}:
 * <pre>{@code
 * public static final class Factory extends AbstractPluginFactory<GreyPatchSettings, Encoder>
 *         implements EncoderFactory<GreyPatchSettings> {
 *     public Factory() {
 *         super("grey-patch", "mean grey level and gradient per cell", new GreyPatchSettings(14));
 *     }
 *
 *     public Encoder create(GreyPatchSettings settings, PluginContext context) {
 *         return new GreyPatchEncoder(settings.cell());
 *     }
 * }
 * }</pre>
 *
 * @param <C> the settings record; its type is taken from the defaults
 * @param <T> the instance type of the role
 */
public abstract class AbstractPluginFactory<C extends Record, T> implements PluginFactory<C, T> {
    private final String name;
    private final String description;
    private final C defaults;

    /**
     * @param name        the permanent kebab-case plugin name
     * @param description one line for {@code dfc plugins}
     * @param defaults    the default settings; their class is {@link #settingsType()}
     */
    protected AbstractPluginFactory(String name, String description, C defaults) {
        if (defaults == null) {
            throw new IllegalArgumentException("plugin '" + name + "' needs default settings");
        }
        this.name = name;
        this.description = description;
        this.defaults = defaults;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    @SuppressWarnings("unchecked")
    public final Class<C> settingsType() {
        return (Class<C>) defaults.getClass();
    }

    @Override
    public final C defaultSettings() {
        return defaults;
    }
}
