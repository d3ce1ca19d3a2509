package ai.dfc.runtime.config;

import ai.dfc.api.plugin.Role;

/**
 * A configuration section that selects a plugin: {@code {type: <name>, …settings}}, resolved.
 *
 * @param role     the role of the section
 * @param type     the plugin's name
 * @param settings the plugin's settings record, defaults filled in and validated
 */
public record PluginChoice(Role role, String type, Record settings) {

    public PluginChoice {
        if (role == null || type == null || settings == null) {
            throw new IllegalArgumentException("plugin choice needs a role, a type and settings");
        }
    }

    /** The settings as their record type. */
    public <C extends Record> C settings(Class<C> type) {
        return type.cast(settings);
    }
}
