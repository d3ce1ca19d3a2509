package ai.dfc.labeling.namer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.dfc.api.taxonomy.PartName;
import org.junit.jupiter.api.Test;

class PartLinesTest {

    private static String name(String line) {
        return PartLines.partName(line).value();
    }

    @Test
    void followsTheReferenceRule() {
        assertThat(name("- Blade - The flat, sharp part used for cutting.")).isEqualTo("blade");
        assertThat(name("- Chisel End - The flat end.")).isEqualTo("chisel end");
        assertThat(name("- **Blade** - bold, as an LLM writes it")).isEqualTo("blade");
        assertThat(name("-  Blade  - extra spaces")).isEqualTo("blade");
        assertThat(name("- Blade")).as("no description").isEqualTo("blade");
        assertThat(name("- Pour-spout - a hyphen inside the name")).isEqualTo("pour-spout");
        assertThat(name("- Tip - first - second")).as("text before the first '- '").isEqualTo("tip");
        // the rule keeps everything when there is no "- " separator, as the reference does
        assertThat(name("- Blade: the flat part")).isEqualTo("blade: the flat part");
        // the rule drops exactly two characters, whatever they are
        assertThat(name("-Blade - no space after the dash")).isEqualTo("lade");
    }

    @Test
    void straightensCurlyQuotesAndCanonicalizesSpaces() {
        assertThat(name("- Shell\u2019s  Rim - x")).isEqualTo("shell's rim");
        assertThat(name("- Chisel_End - x")).isEqualTo("chisel end");
        assertThat(PartLines.normalizeQuotes("\u2018a\u2019 \u201cb\u201d")).isEqualTo("'a' \u201cb\u201d");
        assertThat(PartLines.partKey(" Inner_Circumference ")).isEqualTo(PartName.of("inner circumference"));
    }

    @Test
    void rejectsLinesWithoutDashOrPart() {
        assertThatThrownBy(() -> PartLines.partName("Blade - x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must start with '-'").hasMessageContaining("'Blade - x'");
        assertThatThrownBy(() -> PartLines.partName("-")).hasMessageContaining("no part name");
        assertThatThrownBy(() -> PartLines.partName("- - x")).hasMessageContaining("no part name");
        assertThatThrownBy(() -> PartLines.partName("- ** - x")).hasMessageContaining("no part name");
        assertThatThrownBy(() -> PartLines.partName("- a/b - x")).hasMessageContaining("bad part name 'a/b'");
        assertThatThrownBy(() -> PartLines.partKey("  ")).hasMessageContaining("no part name");
    }
}
