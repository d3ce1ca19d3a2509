package ai.dfc.labeling.namer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.dfc.api.taxonomy.PartDescription;
import ai.dfc.api.taxonomy.PartName;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartLinesTest {
    private static PartDescription d(String part, String line) {
        return new PartDescription(PartName.of(part), line);
    }

    @Test
    void readsReferenceStyleLines() {
        assertThat(PartLines.parseLine("- Blade - The flat, sharp part of the knife.")).contains(
                d("blade", "- Blade - The flat, sharp part of the knife."));
        assertThat(PartLines.parseLine("- **Chisel End** - The flat, bevelled end.")).contains(
                d("chisel end", "- Chisel End - The flat, bevelled end."));
        assertThat(PartLines.parseLine("  - Rim - The mug\u2019s \u201Ctop\u201D edge.  ")).contains(
                d("rim", "- Rim - The mug's \"top\" edge."));
        assertThat(PartLines.parseLine("- Tip").map(PartDescription::part)).contains(PartName.of("tip"));
    }

    @Test
    void acceptsOtherBulletsAndColonsButNotProse() {
        assertThat(PartLines.parseLine("* Neck - The narrow tube.")).contains(d("neck", "- Neck - The narrow tube."));
        assertThat(PartLines.parseLine("• Neck - The narrow tube.").map(PartDescription::part)).contains(PartName.of("neck"));
        assertThat(PartLines.parseLine("2. Mouth - The opening.")).contains(d("mouth", "- Mouth - The opening."));
        assertThat(PartLines.parseLine("-Spout - The short pipe.")).as("no space after the bullet")
                .contains(d("spout", "- Spout - The short pipe."));
        assertThat(PartLines.parseLine("- Head: the heavy metal end.").map(PartDescription::part)).contains(PartName.of("head"));
        assertThat(PartLines.parseLine("Here are the parts of the mug:")).isEmpty();
        assertThat(PartLines.parseLine("**Rim** - the edge")).isEmpty();
        assertThat(PartLines.parseLine("")).isEmpty();
        assertThat(PartLines.parseLine("- ")).isEmpty();
        assertThat(PartLines.parseLine("- Handle/Grip - where it is held.")).isEmpty();
        assertThat(PartLines.parseLine("- The part that is used for pouring liquid out of the container")).isEmpty();
    }

    @Test
    void mergesDuplicatePartsKeepingTheFirstDescription() {
        String reply = """
                Sure! Here are the parts:

                - Rim - The circular top edge of the mug.
                - Mouth - The open top of the mug.
                - **rim** - The lip that touches the mouth.
                """;
        assertThat(PartLines.parse(reply)).containsExactly(d("rim", "- Rim - The circular top edge of the mug."),
                d("mouth", "- Mouth - The open top of the mug."));
        assertThat(PartLines.merge(List.of(List.of(d("base", "- Base - b1."), d("rim", "- Rim - r1.")),
                List.of(d("rim", "- Rim - r2."), d("handle", "- Handle - h.")))))
                .containsExactly(d("base", "- Base - b1."), d("rim", "- Rim - r1."), d("handle", "- Handle - h."));
    }
}
