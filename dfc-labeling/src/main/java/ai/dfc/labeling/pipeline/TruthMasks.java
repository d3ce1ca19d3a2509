package ai.dfc.labeling.pipeline;

import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.Mask;
import ai.dfc.api.taxonomy.PartName;
import ai.dfc.benchdata.render.RenderedAsset;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * True part masks of an asset rendered with part ids (DFC's procedural renders): the part list of {@code asset.json}
 * ({@code "parts": [name, …]}) gives each part its id, and {@code part_ids/0000.png} stores id + 1 per pixel. A part
 * mask is the set of pixels with the part's id. Assets without these files (real renders) have no truth:
 * {@link #available()} is false and {@link #mask} answers empty.
 *
 * <p>Immutable and thread-safe; every call reads the view's part-id file anew.
 */
public final class TruthMasks {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RenderedAsset asset;
    private final List<PartName> parts;

    private TruthMasks(RenderedAsset asset, List<PartName> parts) {
        this.asset = asset;
        this.parts = parts;
    }

    /**
     * The truth of {@code asset}; without truth when it has no {@code asset.json} with a part list or no part-id maps.
     *
     * @throws IOException if {@code asset.json} exists but cannot be read
     */
    public static TruthMasks of(RenderedAsset asset) throws IOException {
        if (!Files.exists(asset.layout().assetJson()) || !Files.exists(asset.layout().partIds(0))) {
            return new TruthMasks(asset, List.of());
        }
        JsonNode json;
        try {
            json = JSON.readTree(asset.layout().assetJson().toFile());
        } catch (IOException e) {
            throw new IOException(asset.layout().assetJson() + ": not readable JSON: " + e.getMessage(), e);
        }
        List<PartName> names = new ArrayList<>();
        for (JsonNode n : json.path("parts")) {
            names.add(PartName.of(n.asText().strip().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ")));
        }
        return new TruthMasks(asset, List.copyOf(names));
    }

    /** Whether the asset has part ids at all. */
    public boolean available() {
        return !parts.isEmpty();
    }

    /** Whether {@code part} is one of the asset's parts. */
    public boolean knows(PartName part) {
        return parts.contains(part);
    }

    /**
     * The true mask of {@code part} in view {@code v} (possibly empty when it is hidden), or empty when the asset has
     * no truth for the part.
     *
     * @throws IOException if the view's part-id map cannot be read
     */
    public Optional<Mask> mask(int view, PartName part) throws IOException {
        return Optional.ofNullable(masks(view, List.of(part)).get(part));
    }

    /**
     * The true masks of {@code wanted} in view {@code v}, reading the part-id map once; parts the asset does not know
     * are absent from the map.
     *
     * @throws IOException if the view's part-id map or mask cannot be read
     */
    public Map<PartName, Mask> masks(int view, List<PartName> wanted) throws IOException {
        Map<PartName, Mask> out = new LinkedHashMap<>();
        if (wanted.stream().noneMatch(parts::contains)) {
            return out;
        }
        int[] ids = asset.partIds(view);
        ImageSize size = asset.size(view);
        for (PartName part : wanted) {
            int id = parts.indexOf(part);
            if (id < 0) {
                continue;
            }
            boolean[] m = new boolean[ids.length];
            for (int i = 0; i < ids.length; i++) {
                m[i] = ids[i] == id;
            }
            out.put(part, Mask.fromBooleans(size, m));
        }
        return out;
    }
}
