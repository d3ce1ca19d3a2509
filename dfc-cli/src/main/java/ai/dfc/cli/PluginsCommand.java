package ai.dfc.cli;

import ai.dfc.api.plugin.Role;
import ai.dfc.runtime.config.ConfigMappers;
import ai.dfc.runtime.config.SettingDoc;
import ai.dfc.runtime.plugin.PluginRegistry;
import ai.dfc.runtime.plugin.RegisteredFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dfc plugins [--json]}: every discovered plugin with its settings, defaults and descriptions. */
@Command(name = "plugins", description = "List every discovered plugin: role, name and settings with defaults.")
final class PluginsCommand implements Runnable {
    @Option(names = "--json", description = "print JSON instead of text")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PluginRegistry registry = Workspace.get().registry;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(registry));
        } else {
            printText(registry, out);
        }
        out.flush();
    }

    static String toJson(PluginRegistry registry) {
        ArrayNode plugins = ConfigMappers.redacting().createArrayNode();
        for (RegisteredFactory f : registry.all()) {
            ObjectNode p = plugins.addObject();
            p.put("role", f.role().label());
            p.put("name", f.name());
            p.put("description", f.factory().description());
            p.put("plugin", f.pluginId());
            ArrayNode settings = p.putArray("settings");
            for (SettingDoc s : SettingDoc.of((Record) f.factory().defaultSettings())) {
                ObjectNode n = settings.addObject();
                n.put("key", s.key());
                n.put("type", s.type());
                n.set("default", s.defaultValue());
                n.put("description", s.description());
                n.put("secret", s.secret());
            }
        }
        try {
            return ConfigMappers.redacting().writeValueAsString(plugins);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void printText(PluginRegistry registry, PrintWriter out) {
        for (Role role : Role.values()) {
            out.println(role.label() + ":");
            if (registry.names(role).isEmpty()) {
                out.println("  (none)");
                continue;
            }
            for (RegisteredFactory f : registry.factories(role).values()) {
                out.println("  " + f.name() + " - " + f.factory().description() + "  [" + f.pluginId() + "]");
                List<SettingDoc> settings = SettingDoc.of((Record) f.factory().defaultSettings());
                for (SettingDoc s : settings) {
                    out.println("      " + s.key() + " (" + s.type() + ") = " + s.defaultValue()
                            + (s.secret() ? " [secret]" : "") + (s.description().isEmpty() ? "" : "  " + s.description()));
                }
            }
        }
    }
}
