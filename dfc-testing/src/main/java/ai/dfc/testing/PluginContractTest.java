package ai.dfc.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.dfc.api.plugin.PluginContext;
import ai.dfc.api.plugin.PluginFactory;
import ai.dfc.api.plugin.Role;
import ai.dfc.runtime.config.ConfigException;
import ai.dfc.runtime.config.ConfigLoader;
import ai.dfc.runtime.config.ConfigMappers;
import ai.dfc.runtime.config.ConfigOverride;
import ai.dfc.runtime.config.ConfigSchema;
import ai.dfc.runtime.config.ConfigSources;
import ai.dfc.runtime.config.PluginChoice;
import ai.dfc.runtime.config.RecordBinder;
import ai.dfc.runtime.config.SettingDoc;
import ai.dfc.runtime.plugin.PluginRegistry;
import ai.dfc.runtime.plugin.RegisteredFactory;
import ai.dfc.runtime.run.RunContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every plugin satisfies, whatever its role (DESIGN §7). A plugin's test extends the subclass of
 * its role ({@link EncoderContractTest}, {@link GrounderContractTest}, …) and implements the few methods that
 * describe it; the checks here then run as its tests:
 * <ul>
 *   <li>the factory is discovered by {@link java.util.ServiceLoader} under its role and name;</li>
 *   <li>the name is kebab-case and the description non-empty; every setting has a description;</li>
 *   <li>an empty configuration section binds to the default settings; a section giving every key binds to
 *       exactly the record it was written from (full mapping round-trip); the plugin is selectable by
 *       {@code type} through the real configuration loader;</li>
 *   <li>each invalid value is rejected with an error naming its full key path;</li>
 *   <li>instances can be created repeatedly and closed twice.</li>
 * </ul>
 *
 * @param <C> the settings record
 * @param <T> the instance type of the role
 */
public abstract class PluginContractTest<C extends Record, T> {
    /** The section name the contract uses when it binds settings. */
    protected static final String SECTION = "plugin_under_test";

    @TempDir
    protected Path tempDir;

    /** The role under test. */
    protected abstract Role role();

    /** A factory instance of the plugin under test. */
    protected abstract PluginFactory<C, T> factory();

    /**
     * Settings in which every component differs from the default, so the round-trip exercises every key.
     */
    protected abstract C nonDefaultSettings();

    /**
     * Invalid values, by snake_case key, that the settings record must reject; at least one unless the
     * plugin has no settings. Values are what a YAML file would contain (numbers, strings, lists).
     */
    protected abstract Map<String, Object> invalidSettings();

    /** Settings with which {@link #factory()} can create a working instance here; the defaults by default. */
    protected C workingSettings() {
        return factory().defaultSettings();
    }

    /** A context in a fresh temporary directory, seed 1234, with an empty environment. */
    protected PluginContext context() {
        return new RunContext(tempDir.resolve("run"), tempDir.resolve("cache"), 1234, Map.of());
    }

    /** A new instance with {@link #workingSettings()}; the caller closes it. */
    protected T create() {
        return factory().create(workingSettings(), context());
    }

    /** Closes an instance of the role. */
    protected void close(T instance) throws Exception {
        if (instance instanceof AutoCloseable c) {
            c.close();
        }
    }

    @Test
    void isDiscoveredUnderItsRoleAndName() {
        PluginRegistry registry = PluginRegistry.discover();
        assertThat(registry.names(role()))
                .as("ServiceLoader must find the %s '%s'; list its DfcPlugin in META-INF/services", role().label(),
                        factory().name())
                .contains(factory().name());
        RegisteredFactory found = registry.get(role(), factory().name());
        assertThat(found.factory()).isInstanceOf(factory().getClass());
    }

    @Test
    void hasKebabCaseNameAndDescription() {
        assertThat(factory().name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
        assertThat(factory().description()).isNotBlank();
    }

    @Test
    void documentsEverySetting() {
        for (SettingDoc doc : SettingDoc.of(factory().defaultSettings())) {
            assertThat(doc.description()).as("description of setting '%s' (@JsonPropertyDescription)", doc.key())
                    .isNotBlank();
        }
    }

    @Test
    void emptySectionBindsToDefaults() {
        C defaults = factory().defaultSettings();
        assertThat(defaults.getClass()).isEqualTo(factory().settingsType());
        assertThat(RecordBinder.bind(SECTION, ConfigMappers.plain().createObjectNode(), defaults)).isEqualTo(defaults);
    }

    @Test
    void everySettingRoundTripsThroughItsKey() throws Exception {
        C defaults = factory().defaultSettings();
        C custom = nonDefaultSettings();
        for (RecordComponent c : factory().settingsType().getRecordComponents()) {
            Object d = c.getAccessor().invoke(defaults);
            Object v = c.getAccessor().invoke(custom);
            assertThat(Objects.equals(d, v)).as("nonDefaultSettings() must change '%s' from its default %s", c.getName(), d)
                    .isFalse();
        }
        ObjectNode tree = ConfigMappers.plain().valueToTree(custom);
        assertThat(tree.size()).isEqualTo(factory().settingsType().getRecordComponents().length);
        assertThat(RecordBinder.bind(SECTION, tree, defaults)).isEqualTo(custom);
        // and through YAML text, the way resolved-config.yaml stores it
        JsonNode reread = ConfigMappers.yaml().readTree(ConfigMappers.yaml().writeValueAsString(tree));
        if (SettingDoc.of(defaults).stream().noneMatch(SettingDoc::secret)) {
            assertThat(RecordBinder.bind(SECTION, reread, defaults)).isEqualTo(custom);
        }
    }

    @Test
    void isSelectableByTypeThroughTheConfigLoader() {
        ConfigSchema schema = ConfigSchema.builder().plugin(SECTION, "the plugin under test", role(), null).build();
        ConfigLoader loader = new ConfigLoader(schema, PluginRegistry.discover());
        PluginChoice choice = loader.load(new ConfigSources(null, null,
                List.of(new ConfigOverride(SECTION + ".type", factory().name())))).plugin(SECTION).orElseThrow();
        assertThat(choice.type()).isEqualTo(factory().name());
        assertThat(choice.settings()).isEqualTo(factory().defaultSettings());
    }

    @Test
    void rejectsInvalidValuesNamingTheirKey() {
        Map<String, Object> invalid = invalidSettings();
        if (factory().settingsType().getRecordComponents().length > 0) {
            assertThat(invalid).as("invalidSettings() must give at least one invalid value").isNotEmpty();
        }
        invalid.forEach((key, value) -> {
            ObjectNode tree = ConfigMappers.plain().createObjectNode();
            tree.set(key, ConfigMappers.plain().valueToTree(value));
            assertThatThrownBy(() -> RecordBinder.bind(SECTION, tree, factory().defaultSettings()))
                    .as("%s=%s must be rejected", key, value)
                    .isInstanceOfSatisfying(ConfigException.class,
                            e -> assertThat(e.path()).as("error path for %s=%s", key, value).startsWith(SECTION + "." + key));
        });
    }

    @Test
    void createsRepeatedlyAndClosesIdempotently() throws Exception {
        T first = create();
        assertThat(first).isNotNull();
        close(first);
        close(first);
        T second = create();
        if (second == first && !(first instanceof AutoCloseable)) {
            return; // a stateless singleton is a fine instance
        }
        assertThat(second).isNotNull();
        close(second);
    }
}
