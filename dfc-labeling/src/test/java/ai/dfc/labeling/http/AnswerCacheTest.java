package ai.dfc.labeling.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswerCacheTest {
    @TempDir
    Path dir;

    private static AnswerKey key(int sample) {
        return new AnswerKey("cogvlm", "cogvlm-chat-17b", "{\"temperature\":0.9}", "ab".repeat(32), "where is the blade?", sample);
    }

    @Test
    void storesAndReadsBackTheReplyAndTheParsedResult() throws Exception {
        AnswerCache cache = new AnswerCache(dir.resolve("cogvlm"));
        ChatReply reply = ChatReply.parse(ReplayServer.cogVlmCompletion("[[1,2,3,4]]"));
        cache.write(key(0), new AnswerCache.Entry(reply, false,
                JsonNodeFactory.instance.objectNode().put("outcome", "BOXES"), "http://h/v1/chat/completions"));
        AnswerCache.Entry back = cache.read(key(0)).orElseThrow();
        assertThat(back.reply()).isEqualTo(reply);
        assertThat(back.malformed()).isFalse();
        assertThat(back.parsed().get("outcome").asText()).isEqualTo("BOXES");
        assertThat(back.endpoint()).isEqualTo("http://h/v1/chat/completions");
        Path file = cache.fileOf(key(0));
        assertThat(file).startsWith(dir.resolve("cogvlm")).hasFileName(key(0).digest() + ".json");
        assertThat(file.getParent().getFileName().toString()).isEqualTo(key(0).digest().substring(0, 2));
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).as("no temporary file left behind").containsExactly(file);
        }
        ChatReply html = ChatReply.parse("<html>oops</html>");
        cache.write(key(1), new AnswerCache.Entry(html, true, null, "u"));
        assertThat(cache.read(key(1)).orElseThrow().reply()).isEqualTo(html);
        assertThat(cache.read(key(1)).orElseThrow().malformed()).isTrue();
    }

    @Test
    void keysDifferInEveryField() {
        AnswerKey k = key(0);
        assertThat(Stream.of(key(1), new AnswerKey("openai-vlm", k.model(), k.parameters(), k.imageSha256(), k.prompt(), 0),
                new AnswerKey(k.provider(), "other", k.parameters(), k.imageSha256(), k.prompt(), 0),
                new AnswerKey(k.provider(), k.model(), "{}", k.imageSha256(), k.prompt(), 0),
                new AnswerKey(k.provider(), k.model(), k.parameters(), "cd".repeat(32), k.prompt(), 0),
                new AnswerKey(k.provider(), k.model(), k.parameters(), k.imageSha256(), "other prompt", 0),
                // the same characters split differently between fields
                new AnswerKey(k.provider(), k.model(), k.parameters() + "a", "", k.prompt(), 0))
                .map(AnswerKey::digest)).doesNotContain(k.digest()).doesNotHaveDuplicates();
        assertThat(k.digest()).isEqualTo(key(0).digest()).hasSize(64);
    }

    @Test
    void ignoresMissingCorruptAndForeignFiles() throws Exception {
        AnswerCache cache = new AnswerCache(dir);
        assertThat(cache.read(key(0))).isEmpty();
        Files.createDirectories(cache.fileOf(key(0)).getParent());
        Files.writeString(cache.fileOf(key(0)), "{\"format\": 1, \"key\": {\"provider\": \"cog");
        assertThat(cache.read(key(0))).as("a truncated file is a miss").isEmpty();
        // a complete answer stored under another key's file name is not taken for this key
        ChatReply reply = ChatReply.parse(ReplayServer.cogVlmCompletion("x"));
        cache.write(key(1), new AnswerCache.Entry(reply, false, null, "u"));
        Files.copy(cache.fileOf(key(1)), cache.fileOf(key(0)), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(cache.read(key(0))).isEmpty();
        cache.write(key(0), new AnswerCache.Entry(reply, false, null, "u"));
        assertThat(cache.read(key(0))).isPresent();
    }
}
