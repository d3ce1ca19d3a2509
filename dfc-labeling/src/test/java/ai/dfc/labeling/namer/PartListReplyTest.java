package ai.dfc.labeling.namer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.dfc.api.taxonomy.PartDescription;
import ai.dfc.api.taxonomy.PartName;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartListReplyTest {
    private static PartDescription d(String part, String line) {
        return new PartDescription(PartName.of(part), line);
    }

    @Test
    void readsReferenceStyleLines() {
        assertThat(PartListReply.parseLine("- Blade - The flat, sharp part of the knife.")).contains(
                d("blade", "- Blade - The flat, sharp part of the knife."));
        assertThat(PartListReply.parseLine("- **Chisel End** - The flat, bevelled end.")).contains(
                d("chisel end", "- Chisel End - The flat, bevelled end."));
        assertThat(PartListReply.parseLine("  - Rim - The mug\u2019s \u201Ctop\u201D edge.  ")).contains(
                d("rim", "- Rim - The mug's \"top\" edge."));
        assertThat(PartListReply.parseLine("- Tip").map(PartDescription::part)).contains(PartName.of("tip"));
    }

    @Test
    void acceptsOtherBulletsAndColonsButNotProse() {
        assertThat(PartListReply.parseLine("* Neck - The narrow tube.")).contains(d("neck", "- Neck - The narrow tube."));
        assertThat(PartListReply.parseLine("• Neck - The narrow tube.").map(PartDescription::part)).contains(PartName.of("neck"));
        assertThat(PartListReply.parseLine("2. Mouth - The opening.")).contains(d("mouth", "- Mouth - The opening."));
        assertThat(PartListReply.parseLine("-Spout - The short pipe.")).as("no space after the bullet")
                .contains(d("spout", "- Spout - The short pipe."));
        assertThat(PartListReply.parseLine("- Head: the heavy metal end.").map(PartDescription::part)).contains(PartName.of("head"));
        assertThat(PartListReply.parseLine("Here are the parts of the mug:")).isEmpty();
        assertThat(PartListReply.parseLine("**Rim** - the edge")).isEmpty();
        assertThat(PartListReply.parseLine("")).isEmpty();
        assertThat(PartListReply.parseLine("- ")).isEmpty();
        assertThat(PartListReply.parseLine("- Handle/Grip - where it is held.")).isEmpty();
        assertThat(PartListReply.parseLine("- The part that is used for pouring liquid out of the container")).isEmpty();
    }

    @Test
    void mergesDuplicatePartsKeepingTheFirstDescription() {
        String reply = """
                Sure! Here are the parts:

                - Rim - The circular top edge of the mug.
                - Mouth - The open top of the mug.
                - **rim** - The lip that touches the mouth.
                """;
        assertThat(PartListReply.parse(reply)).containsExactly(d("rim", "- Rim - The circular top edge of the mug."),
                d("mouth", "- Mouth - The open top of the mug."));
        assertThat(PartListReply.merge(List.of(List.of(d("base", "- Base - b1."), d("rim", "- Rim - r1.")),
                List.of(d("rim", "- Rim - r2."), d("handle", "- Handle - h.")))))
                .containsExactly(d("base", "- Base - b1."), d("rim", "- Rim - r1."), d("handle", "- Handle - h."));
    }
}
