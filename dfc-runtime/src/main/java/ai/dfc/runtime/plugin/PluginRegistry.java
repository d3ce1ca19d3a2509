package ai.dfc.runtime.plugin;

import ai.dfc.api.plugin.DfcPlugin;
import ai.dfc.api.plugin.PluginFactory;
import ai.dfc.api.plugin.Role;
import ai.dfc.runtime.text.Suggestions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Every plugin factory found on the class path, by role and name. Built once at start-up; immutable and
 * thread-safe afterwards. Discovery fails fast, naming the culprit, when a plugin cannot be loaded, a name is
 * not kebab-case, a factory's settings type is inconsistent, or two factories of one role share a name.
 */
public final class PluginRegistry {
    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Map<Role, Map<String, RegisteredFactory>> byRole;
    private final List<String> pluginIds;

    private PluginRegistry(Map<Role, Map<String, RegisteredFactory>> byRole, List<String> pluginIds) {
        this.byRole = byRole;
        this.pluginIds = pluginIds;
    }

    /** Discovers {@link DfcPlugin}s with {@link ServiceLoader} from {@code loader}. */
    public static PluginRegistry discover(ClassLoader loader) {
        List<DfcPlugin> plugins = new ArrayList<>();
        try {
            ServiceLoader.load(DfcPlugin.class, loader).forEach(plugins::add);
        } catch (ServiceConfigurationError e) {
            throw new PluginException("a plugin listed in META-INF/services/" + DfcPlugin.class.getName()
                    + " could not be loaded: " + e.getMessage(), e);
        }
        return of(plugins);
    }

    /** Discovers plugins visible to the thread's context class loader. */
    public static PluginRegistry discover() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return discover(loader != null ? loader : PluginRegistry.class.getClassLoader());
    }

    /** A registry of exactly these plugins (tests, embedding). */
    public static PluginRegistry of(List<? extends DfcPlugin> plugins) {
        Map<Role, Map<String, RegisteredFactory>> byRole = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            byRole.put(role, new TreeMap<>());
        }
        List<String> ids = new ArrayList<>();
        for (DfcPlugin plugin : plugins) {
            String id = plugin.id();
            ids.add(id);
            for (Role role : Role.values()) {
                List<? extends PluginFactory<?, ?>> factories;
                try {
                    factories = role.factoriesOf(plugin);
                } catch (RuntimeException e) {
                    throw new PluginException("plugin " + id + " failed to list its " + role.label() + " factories: " + e, e);
                }
                for (PluginFactory<?, ?> factory : factories) {
                    register(byRole.get(role), new RegisteredFactory(role, check(role, factory, id), id));
                }
            }
        }
        Map<Role, Map<String, RegisteredFactory>> frozen = new EnumMap<>(Role.class);
        byRole.forEach((role, map) -> frozen.put(role, Collections.unmodifiableMap(map)));
        return new PluginRegistry(Collections.unmodifiableMap(frozen), List.copyOf(ids));
    }

    private static PluginFactory<?, ?> check(Role role, PluginFactory<?, ?> factory, String pluginId) {
        String where = role.label() + " factory " + factory.getClass().getName() + " of plugin " + pluginId;
        if (!role.factoryType().isInstance(factory)) {
            throw new PluginException(where + " does not implement " + role.factoryType().getSimpleName());
        }
        String name = factory.name();
        if (name == null || !KEBAB.matcher(name).matches()) {
            throw new PluginException(where + " has name '" + name
                    + "'; plugin names are kebab-case: lower-case letters and digits separated by '-'");
        }
        Class<?> type = factory.settingsType();
        Object defaults;
        try {
            defaults = factory.defaultSettings();
        } catch (RuntimeException e) {
            throw new PluginException(where + " ('" + name + "') cannot build its default settings: " + e.getMessage(), e);
        }
        if (type == null || !type.isRecord() || defaults == null || defaults.getClass() != type) {
            throw new PluginException(where + " ('" + name + "') must declare a record settings type and "
                    + "default settings of exactly that type (type " + type + ", defaults "
                    + (defaults == null ? "null" : defaults.getClass().getName()) + ")");
        }
        for (java.lang.reflect.RecordComponent c : type.getRecordComponents()) {
            if (c.getName().equals("type") || c.getName().equals("weight")) {
                throw new PluginException(where + " ('" + name + "') has a setting named '" + c.getName()
                        + "'; 'type' and 'weight' are reserved by plugin sections, rename it");
            }
        }
        return factory;
    }

    private static void register(Map<String, RegisteredFactory> map, RegisteredFactory entry) {
        RegisteredFactory previous = map.putIfAbsent(entry.name(), entry);
        if (previous != null) {
            throw new PluginException("two " + entry.role().label() + " plugins are named '" + entry.name() + "': "
                    + previous.factory().getClass().getName() + " (plugin " + previous.pluginId() + ") and "
                    + entry.factory().getClass().getName() + " (plugin " + entry.pluginId()
                    + "); remove one jar from the class path or rename one plugin");
        }
    }

    /**
     * The factory named {@code name} in {@code role}.
     *
     * @throws PluginException naming the role, the unknown name, the closest known name and all known names
     */
    public RegisteredFactory get(Role role, String name) {
        RegisteredFactory f = byRole.get(role).get(name);
        if (f == null) {
            throw new PluginException("unknown " + role.label() + " '" + name + "'"
                    + Suggestions.hint(name == null ? "" : name, names(role)));
        }
        return f;
    }

    /** Names registered in {@code role}, sorted. */
    public Set<String> names(Role role) {
        return byRole.get(role).keySet();
    }

    /** Factories registered in {@code role}, by name, sorted. */
    public Map<String, RegisteredFactory> factories(Role role) {
        return byRole.get(role);
    }

    /** All factories, by role then name. */
    public List<RegisteredFactory> all() {
        List<RegisteredFactory> all = new ArrayList<>();
        byRole.values().forEach(m -> all.addAll(m.values()));
        return all;
    }

    /** Ids of the discovered plugins, in discovery order. */
    public List<String> pluginIds() {
        return pluginIds;
    }
}
