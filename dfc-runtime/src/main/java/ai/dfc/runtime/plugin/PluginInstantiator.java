package ai.dfc.runtime.plugin;

import ai.dfc.api.plugin.PluginContext;
import ai.dfc.api.plugin.PluginFactory;
import ai.dfc.runtime.config.PluginChoice;
import com.google.inject.Inject;

/**
 * Creates plugin instances from resolved {@link PluginChoice}s. The caller owns what it returns and closes it.
 */
public final class PluginInstantiator {
    private final PluginRegistry registry;
    private final PluginContext context;

    @Inject
    public PluginInstantiator(PluginRegistry registry, PluginContext context) {
        this.registry = registry;
        this.context = context;
    }

    /**
     * @param type the instance type the choice's role produces ({@code Encoder.class} for an encoder section)
     * @throws PluginException if the plugin's {@code create} fails with an unexpected exception (wrapped with the
     *                         plugin's name); {@link ai.dfc.api.DfcException}s pass through unchanged
     */
    public <T> T create(PluginChoice choice, Class<T> type) {
        PluginFactory<?, ?> factory = registry.get(choice.role(), choice.type()).factory();
        Object instance;
        try {
            instance = createUnchecked(factory, choice.settings());
        } catch (ai.dfc.api.DfcException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PluginException(choice.role().label() + " '" + choice.type() + "' failed to start: " + e, e);
        }
        if (!type.isInstance(instance)) {
            throw new PluginException(choice.role().label() + " '" + choice.type() + "' created a "
                    + (instance == null ? "null" : instance.getClass().getName()) + ", not a " + type.getSimpleName());
        }
        return type.cast(instance);
    }

    @SuppressWarnings("unchecked")
    private <C extends Record> Object createUnchecked(PluginFactory<?, ?> factory, Record settings) {
        return ((PluginFactory<C, ?>) factory).create((C) settings, context);
    }
}
