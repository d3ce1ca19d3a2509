package ai.dfc.runtime.config;

/**
 * An entry of a plugin-map section such as {@code losses}: a plugin with a weight.
 *
 * @param plugin the plugin and its settings
 * @param weight the entry's weight, finite and &ge; 0; 0 disables the entry
 */
public record WeightedPlugin(PluginChoice plugin, double weight) {

    public WeightedPlugin {
        if (plugin == null || !(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weighted plugin needs a plugin and a finite weight >= 0, was " + weight);
        }
    }
}
