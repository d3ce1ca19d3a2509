package ai.dfc.model.clip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.dfc.api.DfcException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipTokenizerTest {
    @TempDir
    Path dir;

    private static final ClipTokenizer TOKENIZER = ClipFixture.tokenizer();

    /** Every phrase of the fixture (functions and tricky text) gives exactly the ids of the Python tokenizer. */
    @Test
    void matchesThePythonTokenizerOnEveryFixturePhrase() {
        List<String> phrases = ClipFixture.phrases();
        int[][] expected = ClipFixture.inputIds();
        assertThat(phrases).hasSize(expected.length).hasSizeGreaterThanOrEqualTo(40);
        for (int i = 0; i < phrases.size(); i++) {
            assertThat(TOKENIZER.tokenize(phrases.get(i), ClipTokenizer.CONTEXT_LENGTH))
                    .as("ids of phrase %d '%s'", i, phrases.get(i)).containsExactly(expected[i]);
        }
    }

    /** The fixture really exercises truncation and a literal end-of-text token (so the parity test covers them). */
    @Test
    void fixtureCoversTruncationAndLiteralSpecialTokens() {
        List<String> phrases = ClipFixture.phrases();
        int longest = phrases.indexOf(phrases.stream().max((a, b) -> a.length() - b.length()).orElseThrow());
        assertThat(TOKENIZER.encode(phrases.get(longest)).length).isGreaterThan(75);
        int[] cut = TOKENIZER.tokenize(phrases.get(longest), 77);
        assertThat(cut[0]).isEqualTo(TOKENIZER.startId());
        assertThat(cut[76]).isEqualTo(TOKENIZER.endId());
        assertThat(Arrays.copyOfRange(cut, 1, 76)).isEqualTo(Arrays.copyOfRange(TOKENIZER.encode(phrases.get(longest)), 0, 75));

        int[] literal = TOKENIZER.tokenize("<|startoftext|>cut<|endoftext|> with", 77);
        assertThat(Arrays.copyOfRange(literal, 0, 6)).containsExactly(TOKENIZER.startId(), TOKENIZER.startId(),
                TOKENIZER.encode("cut")[0], TOKENIZER.endId(), TOKENIZER.encode("with")[0], TOKENIZER.endId());
    }

    /** Expected tokens printed by the Python reference (its Tokenizer on the fixture vocab.json and merges.txt). */
    @Test
    void tokenizesFunctionPhrasesIntoWholeWords() {
        assertThat(TOKENIZER.tokens("Cut   WITH")).containsExactly("cut</w>", "with</w>");
        assertThat(TOKENIZER.tokens("apply torque with")).containsExactly("apply</w>", "torque</w>", "with</w>");
        // not in the corpus the fixture's merges were learned on: falls back to smaller pieces
        assertThat(TOKENIZER.tokens("press with")).containsExactly("pr", "e", "s", "s</w>", "with</w>");
        // bytes of non-ASCII letters go through GPT-2's byte-to-unicode alphabet ("ü" = C3 BC -> "Ã¼")
        assertThat(TOKENIZER.tokens("über")).containsExactly("Ã¼ber</w>");
        assertThat(TOKENIZER.tokens("it's")).containsExactly("it</w>", "'s</w>");
        int[] ids = TOKENIZER.tokenize("cut with", 77);
        assertThat(Arrays.copyOfRange(ids, 4, 77)).containsOnly(0);
        assertThat(ids[3]).isEqualTo(TOKENIZER.endId());
    }

    /** Expected strings printed by the Python reference's clean() (html.unescape twice, re \s, strip, lower). */
    @Test
    void cleansLikePython() {
        assertThat(ClipTokenizer.clean("&amp;lt;b&amp;gt;")).isEqualTo("<b>");
        assertThat(ClipTokenizer.clean("&copy2024 &notit; &notin; &AMP &ampx")).isEqualTo("\u00a92024 \u00acit; \u2209 & &x");
        assertThat(ClipTokenizer.clean("&#128;&#0;&#xD800;&#1;&#99999999999;&#x41&#65;")).isEqualTo("\u20ac\ufffd\ufffd\ufffdaa");
        assertThat(ClipTokenizer.clean("&bogus; &; & amp;")).isEqualTo("&bogus; &; & amp;");
        assertThat(ClipTokenizer.clean("\u00a0a\u001c\u001fb\u3000 \u200bc\u2028")).isEqualTo("a b \u200bc");
        assertThat(ClipTokenizer.clean("\u0130STANBUL \u039f\u0394\u039f\u03a3")).isEqualTo("i\u0307stanbul \u03bf\u03b4\u03bf\u03c2");
        assertThat(ClipTokenizer.clean("&#x1F52A;")).isEqualTo("\ud83d\udd2a");
        assertThat(ClipTokenizer.clean("&#13;x")).isEqualTo("x");
        assertThat(ClipTokenizer.clean("&lt&gt")).isEqualTo("<>");
        assertThat(ClipTokenizer.clean("&#x110000;")).isEqualTo("\ufffd");
    }

    @Test
    void truncatesToTheContextLengthKeepingTheEndToken() {
        int[] ids = TOKENIZER.tokenize("cut with a knife", 4);
        assertThat(ids).containsExactly(TOKENIZER.startId(), TOKENIZER.encode("cut")[0], TOKENIZER.encode("with")[0],
                TOKENIZER.endId());
        assertThatThrownBy(() -> TOKENIZER.tokenize("cut", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> ClipTokenizer.load(missing, ClipFixture.dir().resolve("merges.txt")))
                .isInstanceOf(DfcException.class).hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
        Path noMerges = dir.resolve("merges.txt");
        assertThatThrownBy(() -> ClipTokenizer.load(ClipFixture.dir().resolve("vocab.json"), noMerges))
                .isInstanceOf(DfcException.class).hasMessageContaining(noMerges.toString());
    }

    @Test
    void malformedVocabulariesAreRejectedNamingTheFile() throws IOException {
        Path merges = ClipFixture.dir().resolve("merges.txt");
        Path list = write("list.json", "[\"a\", \"b\"]");
        assertThatThrownBy(() -> ClipTokenizer.load(list, merges)).hasMessageContaining(list.toString())
                .hasMessageContaining("JSON object");
        Path badId = write("bad.json", "{\"a\": 0, \"b\": \"one\"}");
        assertThatThrownBy(() -> ClipTokenizer.load(badId, merges)).hasMessageContaining(badId.toString())
                .hasMessageContaining("'b'");
        Path broken = write("broken.json", "{\"a\": 0,");
        assertThatThrownBy(() -> ClipTokenizer.load(broken, merges)).hasMessageContaining(broken.toString())
                .hasMessageContaining("not a valid vocab.json");
        Path noSpecials = write("nospecial.json", "{\"a\": 0, \"b\": 1}");
        assertThatThrownBy(() -> ClipTokenizer.load(noSpecials, merges)).hasMessageContaining(noSpecials.toString())
                .hasMessageContaining("<|startoftext|>");
    }

    @Test
    void malformedMergesAreRejectedNamingFileAndLine() throws IOException {
        Path vocab = ClipFixture.dir().resolve("vocab.json");
        Path merges = write("merges.txt", "#version: 0.2\nc u\nc u t</w>\n");
        assertThatThrownBy(() -> ClipTokenizer.load(vocab, merges)).isInstanceOf(DfcException.class)
                .hasMessageContaining(merges.toString()).hasMessageContaining("line 3");
        Path empty = write("empty.txt", "#version: 0.2\n");
        assertThatThrownBy(() -> ClipTokenizer.load(vocab, empty)).hasMessageContaining(empty.toString())
                .hasMessageContaining("no merges");
    }

    @Test
    void aTokenMissingFromTheVocabularyIsNamed() throws IOException {
        // a merge whose result is not in the vocabulary: the files are of different models
        Path merges = write("merges.txt", "#version: 0.2\nq z</w>\n");
        ClipTokenizer t = ClipTokenizer.load(ClipFixture.dir().resolve("vocab.json"), merges);
        assertThat(t.tokens("cut")).containsExactly("c", "u", "t</w>");
        assertThatThrownBy(() -> t.encode("quiz qz")).isInstanceOf(DfcException.class)
                .hasMessageContaining("vocab.json").hasMessageContaining("'qz</w>'");
    }

    @Test
    void mergesApplyByRankNotByPosition() throws IOException {
        Path vocab = write("vocab.json", "{\"a\": 0, \"b\": 1, \"c</w>\": 2, \"ab\": 3, \"bc</w>\": 4, \"abc</w>\": 5,"
                + " \"<|startoftext|>\": 6, \"<|endoftext|>\": 7}");
        // "b c</w>" ranks before "a b": abc -> a bc</w>, and "a bc</w>" is no merge
        ClipTokenizer byRank = ClipTokenizer.load(vocab, write("m1.txt", "#version: 0.2\nb c</w>\na b\n"));
        assertThat(byRank.tokens("abc")).containsExactly("a", "bc</w>");
        ClipTokenizer other = ClipTokenizer.load(vocab, write("m2.txt", "#version: 0.2\na b\nb c</w>\nab c</w>\n"));
        assertThat(other.tokens("abc")).containsExactly("abc</w>");
        assertThat(other.tokenize("abc", 5)).containsExactly(6, 5, 7, 0, 0);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
