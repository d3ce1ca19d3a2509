package ai.dfc.runtime.plugin;

import ai.dfc.api.plugin.PluginFactory;
import ai.dfc.api.plugin.Role;

/**
 * A discovered factory with the role it fills and the plugin that contributed it.
 *
 * @param role     the role
 * @param factory  the factory
 * @param pluginId {@link ai.dfc.api.plugin.DfcPlugin#id()} of its plugin
 */
public record RegisteredFactory(Role role, PluginFactory<?, ?> factory, String pluginId) {

    public String name() {
        return factory.name();
    }
}
