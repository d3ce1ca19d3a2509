package ai.dfc.labeling.grounder;

import static org.assertj.core.api.Assertions.assertThat;

import ai.dfc.api.grounder.GroundingQuery;
import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.RgbImage;
import ai.dfc.api.taxonomy.ObjectCategory;
import ai.dfc.api.taxonomy.PartDescription;
import ai.dfc.api.taxonomy.PartName;
import org.junit.jupiter.api.Test;

class GroundingPromptsTest {
    private static final String BLADE = "- Blade - The flat, sharp part of the knife used for cutting, digging, and prying.";

    @Test
    void buildsTheReferencePromptFromTheDescriptionLine() {
        GroundingQuery q = new GroundingQuery(RgbImage.filled(ImageSize.square(4), 0), ObjectCategory.of("knife"),
                new PartDescription(PartName.of("blade"), BLADE), 0);
        // SPEC §3.4, verbatim
        assertThat(GroundingPrompts.fill(CogVlmGrounder.DEFAULT_TEMPLATE, q)).isEqualTo("What are the exact bounding boxes of "
                + "\"blade - the flat, sharp part of the knife used for cutting, digging, and prying\" in the provided picture?");
    }

    @Test
    void deletesStarsAndDotsAndLowerCases() {
        assertThat(GroundingPrompts.cogVlmExpression("- **Tip** - The pointed end (approx. 2.5 cm)."))
                .isEqualTo("\"tip - the pointed end (approx 25 cm)\"");
        assertThat(GroundingPrompts.cogVlmExpression("-")).isEqualTo("\"\"");
    }

    @Test
    void fillsEveryPlaceholderAndLeavesOtherBracesAlone() {
        GroundingQuery q = new GroundingQuery(RgbImage.filled(ImageSize.square(4), 0), ObjectCategory.of("coconut shell"),
                new PartDescription(PartName.of("chisel_end"), "- Chisel end - The flat end."), 3);
        assertThat(GroundingPrompts.fill("{part}|{category}|{description}|{expr}|{\"bbox_2d\": [x0]}|{other}", q))
                .isEqualTo("chisel end|coconut shell|Chisel end - The flat end.|\"chisel end - the flat end\"|{\"bbox_2d\": [x0]}|{other}");
        assertThat(GroundingPrompts.namesThePart("find {category}")).isFalse();
        assertThat(GroundingPrompts.namesThePart("find {part}")).isTrue();
    }
}
