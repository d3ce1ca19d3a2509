package ai.dfc.api.plugin;

/**
 * Creates instances of one plugin. Every role has its own sub-interface ({@code EncoderFactory},
 * {@code GrounderFactory}, …); a {@link DfcPlugin} returns factories, and a configuration section
 * {@code {type: <name>, …settings}} selects one by {@link #name()}.
 *
 * <p>Factories are cheap, stateless and side-effect free: the runtime instantiates every discovered
 * factory at start-up to list and validate plugins. All heavy work (loading weights, opening
 * connections) belongs in {@link #create}. Implementations must be thread-safe.
 *
 * @param <C> the settings record type: an immutable Java record whose components are the plugin's
 *            settings. Components are bound from snake_case keys (component {@code maxRetries} ↔ key
 *            {@code max_retries}); annotate them with Jackson's {@code @JsonPropertyDescription} to
 *            document them in {@code dfc plugins}, and with {@link Secret} to redact them. Validate in
 *            the compact constructor with {@link Settings}, which names the key in the error.
 * @param <T> the instance type the role defines
 */
public interface PluginFactory<C extends Record, T> {

    /**
     * The permanent, kebab-case name users write in configuration ({@code dinov2},
     * {@code info-nce-functional}). Never change it once released: configs and run directories refer to it.
     */
    String name();

    /** One line for {@code dfc plugins}: what the plugin is, including "simulated" if it is a simulation. */
    String description();

    /** The settings record class; must be the runtime class of {@link #defaultSettings()}. */
    Class<C> settingsType();

    /**
     * The settings used for every key the configuration leaves out. Must be a valid instance: the contract
     * tests bind an empty section and expect exactly this value.
     */
    C defaultSettings();

    /**
     * Creates an instance. May be slow (loads weights, connects). The caller owns the result and closes it
     * if it is {@link AutoCloseable}; it may call {@code create} several times for independent instances.
     *
     * @param settings validated settings, never null
     * @param context  the run's directories, seed and environment
     * @throws ai.dfc.api.DfcException when the settings point at something unusable (a missing weights
     *                                 file, an unreachable server at start-up); the message names it
     */
    T create(C settings, PluginContext context);
}
