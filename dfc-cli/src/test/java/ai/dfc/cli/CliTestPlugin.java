package ai.dfc.cli;

import ai.dfc.api.grounder.Grounder;
import ai.dfc.api.grounder.GrounderFactory;
import ai.dfc.api.grounder.Grounding;
import ai.dfc.api.plugin.AbstractPluginFactory;
import ai.dfc.api.plugin.DfcPlugin;
import ai.dfc.api.plugin.PluginContext;
import ai.dfc.api.plugin.Secret;
import ai.dfc.api.plugin.Settings;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** A grounder plugin that exists only in dfc-cli's test code. */
public final class CliTestPlugin implements DfcPlugin {

    public record Config(
            @JsonPropertyDescription("answers per query") int answers,
            @JsonPropertyDescription("API key") @Secret String apiKey) {
        public Config {
            Settings.positive("answers", answers);
        }
    }

    public static final class Factory extends AbstractPluginFactory<Config, Grounder>
            implements GrounderFactory<Config> {
        public Factory() {
            super("cli-test-grounder", "test-only grounder that finds nothing", new Config(4, ""));
        }

        @Override
        public Grounder create(Config settings, PluginContext context) {
            return new Grounder() {
                @Override
                public Grounding ground(ai.dfc.api.grounder.GroundingQuery query) {
                    return Grounding.of(List.of(), "");
                }

                @Override
                public void close() {
                }
            };
        }
    }

    @Override
    public List<GrounderFactory<?>> grounders() {
        return List.of(new Factory());
    }
}
