package ai.dfc.runtime.plugin;

import ai.dfc.api.plugin.PluginFactory;
import ai.dfc.api.plugin.Role;
import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.util.Types;
import java.lang.reflect.Type;

/**
 * Binds every discovered factory into a Guice {@link MapBinder} per role, keyed by plugin name, so wiring code
 * can inject e.g. {@code Map<String, EncoderFactory<?>>}. Also binds the {@link PluginRegistry} itself.
 * Duplicate names were already rejected by the registry with a clearer message than Guice's.
 */
public final class PluginModule extends AbstractModule {
    private final PluginRegistry registry;

    public PluginModule(PluginRegistry registry) {
        this.registry = registry;
    }

    /** The map type a role's factories are bound as: {@code Map<String, XFactory<?>>}. */
    public static TypeLiteral<?> factoryType(Role role) {
        Type wildcard = Types.subtypeOf(Object.class);
        return TypeLiteral.get(Types.newParameterizedType(role.factoryType(), wildcard));
    }

    @Override
    protected void configure() {
        bind(PluginRegistry.class).toInstance(registry);
        for (Role role : Role.values()) {
            bindRole(role);
        }
    }

    @SuppressWarnings("unchecked")
    private void bindRole(Role role) {
        TypeLiteral<PluginFactory<?, ?>> valueType = (TypeLiteral<PluginFactory<?, ?>>) factoryType(role);
        MapBinder<String, PluginFactory<?, ?>> map = MapBinder.newMapBinder(binder(), TypeLiteral.get(String.class), valueType);
        registry.factories(role).forEach((name, entry) -> map.addBinding(name).toInstance(entry.factory()));
    }
}
