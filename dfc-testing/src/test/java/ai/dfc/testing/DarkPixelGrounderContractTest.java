package ai.dfc.testing;

import ai.dfc.api.grounder.Grounder;
import ai.dfc.api.grounder.GroundingQuery;
import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.RgbImage;
import ai.dfc.api.plugin.PluginFactory;
import ai.dfc.api.taxonomy.ObjectCategory;
import ai.dfc.api.taxonomy.PartDescription;
import ai.dfc.api.taxonomy.PartName;
import ai.dfc.testing.fixtures.DarkPixelGrounder;
import java.util.Map;

class DarkPixelGrounderContractTest extends GrounderContractTest<DarkPixelGrounder.Config> {
    private static final PartDescription RIM = new PartDescription(PartName.of("rim"), "- Rim - The top edge.");

    @Override
    protected PluginFactory<DarkPixelGrounder.Config, Grounder> factory() {
        return new DarkPixelGrounder.Factory();
    }

    @Override
    protected DarkPixelGrounder.Config nonDefaultSettings() {
        return new DarkPixelGrounder.Config(40);
    }

    @Override
    protected Map<String, Object> invalidSettings() {
        return Map.of("threshold", 300);
    }

    @Override
    protected GroundingQuery answerableQuery() {
        ImageSize size = new ImageSize(40, 30);
        byte[] rgb = RgbImage.filled(size, 0xFFFFFF).toBytes();
        for (int r = 5; r < 12; r++) {
            for (int c = 20; c < 39; c++) {
                rgb[3 * (r * 40 + c)] = rgb[3 * (r * 40 + c) + 1] = rgb[3 * (r * 40 + c) + 2] = 0;
            }
        }
        return new GroundingQuery(new RgbImage(size, rgb), ObjectCategory.of("mug"), RIM, 0);
    }

    @Override
    protected GroundingQuery emptyQuery() {
        return new GroundingQuery(RgbImage.filled(new ImageSize(40, 30), 0xFFFFFF), ObjectCategory.of("mug"), RIM, 0);
    }
}
