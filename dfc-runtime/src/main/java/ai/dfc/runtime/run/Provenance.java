package ai.dfc.runtime.run;

import ai.dfc.runtime.config.PluginChoice;
import ai.dfc.runtime.config.ResolvedConfig;
import ai.dfc.runtime.config.WeightedPlugin;
import ai.dfc.runtime.plugin.PluginRegistry;
import ai.dfc.runtime.plugin.RegisteredFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What produced a run, written as {@code provenance.json} into every run directory.
 *
 * @param dfcVersion     the project version
 * @param createdAt      ISO-8601 UTC time the run directory was created
 * @param command        the command line's sub-command and arguments (secrets are never passed as arguments)
 * @param selected       for each plugin section, the chosen plugin name ({@code losses.info-nce-functional → info-nce-functional})
 * @param discovered     every discovered plugin as {@code role/name (plugin id)}
 * @param seeds          the seeds in force ({@code run.seed → 1234})
 * @param computeBackend the ND4J backend and its environment, as the caller describes it
 * @param jvm            Java version, vendor, VM and heap limit
 * @param host           host name, OS, architecture and cores
 */
public record Provenance(String dfcVersion, String createdAt, List<String> command, Map<String, String> selected,
        List<String> discovered, Map<String, Long> seeds, String computeBackend, Map<String, String> jvm,
        Map<String, String> host) {

    /** Collects provenance for a run of {@code config} now. */
    public static Provenance collect(ResolvedConfig config, PluginRegistry registry, List<String> command,
            String computeBackend) {
        Map<String, String> selected = new LinkedHashMap<>();
        config.values().forEach((key, value) -> {
            if (value instanceof PluginChoice c) {
                selected.put(key, c.type());
            } else if (value instanceof Map<?, ?> map) {
                map.forEach((name, entry) -> selected.put(key + "." + name, ((WeightedPlugin) entry).plugin().type()));
            }
        });
        List<String> discovered = registry.all().stream()
                .map((RegisteredFactory f) -> f.role().label() + "/" + f.name() + " (" + f.pluginId() + ")").toList();
        Map<String, Long> seeds = new LinkedHashMap<>();
        config.values().forEach((key, value) -> {
            if (value instanceof RunSettings run) {
                seeds.put(key + ".seed", run.seed());
            }
        });
        Map<String, String> jvm = new LinkedHashMap<>();
        jvm.put("version", System.getProperty("java.version"));
        jvm.put("vendor", System.getProperty("java.vendor"));
        jvm.put("vm", System.getProperty("java.vm.name"));
        jvm.put("max_heap_mib", Long.toString(Runtime.getRuntime().maxMemory() >> 20));
        Map<String, String> host = new LinkedHashMap<>();
        host.put("name", hostName());
        host.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        host.put("arch", System.getProperty("os.arch"));
        host.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        return new Provenance(DfcVersion.get(), Instant.now().toString(), List.copyOf(command), selected, discovered,
                seeds, computeBackend, jvm, host);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
