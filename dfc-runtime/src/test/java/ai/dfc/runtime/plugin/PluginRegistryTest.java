package ai.dfc.runtime.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.dfc.api.plugin.DfcPlugin;
import ai.dfc.api.plugin.PluginContext;
import ai.dfc.api.plugin.Role;
import ai.dfc.api.text.TextEncoder;
import ai.dfc.api.text.TextEncoderFactory;
import ai.dfc.runtime.testplugin.EchoPlugin;
import ai.dfc.runtime.testplugin.EchoSettings;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginRegistryTest {

    /** A text-encoder factory under any name, with any settings type, for the failure cases. */
    private static DfcPlugin pluginNaming(String name, Class<? extends Record> type, Record defaults) {
        return new DfcPlugin() {
            @Override
            public String id() {
                return "plugin-with-" + name;
            }

            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public List<TextEncoderFactory<?>> textEncoders() {
                return List.of(new TextEncoderFactory() {
                    @Override
                    public String name() {
                        return name;
                    }

                    @Override
                    public String description() {
                        return "fixture";
                    }

                    @Override
                    public Class settingsType() {
                        return type;
                    }

                    @Override
                    public Record defaultSettings() {
                        return defaults;
                    }

                    @Override
                    public TextEncoder create(Record settings, PluginContext context) {
                        throw new UnsupportedOperationException();
                    }
                });
            }
        };
    }

    @Test
    void discoversThePluginDefinedInTestCodeThroughServiceLoader() {
        PluginRegistry registry = PluginRegistry.discover();
        assertThat(registry.pluginIds()).contains(EchoPlugin.class.getName());
        assertThat(registry.names(Role.TEXT_ENCODER)).contains("test-echo");
        assertThat(registry.names(Role.LOSS)).contains("test-loss");
        RegisteredFactory echo = registry.get(Role.TEXT_ENCODER, "test-echo");
        assertThat(echo.factory()).isInstanceOf(EchoPlugin.EchoFactory.class);
        assertThat(echo.pluginId()).isEqualTo(EchoPlugin.class.getName());
        assertThat(registry.all()).extracting(RegisteredFactory::name).contains("test-echo", "test-loss", "test-encoder");
    }

    @Test
    void rejectsAMisspelledNameWithASuggestionAndTheKnownNames() {
        PluginRegistry registry = PluginRegistry.of(List.of(new EchoPlugin()));
        assertThatThrownBy(() -> registry.get(Role.TEXT_ENCODER, "test-ecko"))
                .isInstanceOf(PluginException.class)
                .hasMessage("unknown text-encoder 'test-ecko'; did you mean 'test-echo'? Known: test-echo");
        assertThatThrownBy(() -> registry.get(Role.GROUNDER, "cogvlm"))
                .hasMessage("unknown grounder 'cogvlm'; none are known");
    }

    @Test
    void rejectsTwoPluginsWithTheSameNameNamingBoth() {
        assertThatThrownBy(() -> PluginRegistry.of(List.of(new EchoPlugin(),
                pluginNaming("test-echo", EchoSettings.class, EchoSettings.DEFAULTS))))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("two text-encoder plugins are named 'test-echo'")
                .hasMessageContaining(EchoPlugin.class.getName())
                .hasMessageContaining("plugin-with-test-echo");
    }

    @Test
    void rejectsNamesThatAreNotKebabCase() {
        for (String bad : List.of("Test-Echo", "test_echo", "-echo", "echo-", "")) {
            assertThatThrownBy(() -> PluginRegistry.of(List.of(pluginNaming(bad, EchoSettings.class, EchoSettings.DEFAULTS))))
                    .as(bad).isInstanceOf(PluginException.class).hasMessageContaining("kebab-case");
        }
    }

    record Reserved(String type) {
    }

    @Test
    void rejectsSettingsThatUseReservedKeysOrMismatchTheirDefaults() {
        assertThatThrownBy(() -> PluginRegistry.of(List.of(pluginNaming("x", Reserved.class, new Reserved("a")))))
                .hasMessageContaining("'type' and 'weight' are reserved");
        assertThatThrownBy(() -> PluginRegistry.of(List.of(pluginNaming("x", Reserved.class, EchoSettings.DEFAULTS))))
                .hasMessageContaining("must declare a record settings type and default settings of exactly that type");
    }

    @Test
    void bindsFactoriesIntoGuiceMapBindersKeyedByName() {
        Injector injector = Guice.createInjector(new PluginModule(PluginRegistry.discover()));
        Map<String, TextEncoderFactory<?>> textEncoders =
                injector.getInstance(Key.get(new TypeLiteral<Map<String, TextEncoderFactory<?>>>() {}));
        assertThat(textEncoders).containsKey("test-echo");
        assertThat(textEncoders.get("test-echo")).isInstanceOf(EchoPlugin.EchoFactory.class);
        Map<String, ai.dfc.api.loss.LossFactory<?>> losses =
                injector.getInstance(Key.get(new TypeLiteral<Map<String, ai.dfc.api.loss.LossFactory<?>>>() {}));
        assertThat(losses).containsOnlyKeys("test-loss");
        assertThat(injector.getInstance(PluginRegistry.class).names(Role.ENCODER)).containsExactly("test-encoder");
    }
}
