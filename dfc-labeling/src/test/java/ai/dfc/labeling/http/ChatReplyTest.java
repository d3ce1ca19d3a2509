package ai.dfc.labeling.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChatReplyTest {
    @Test
    void extractsTheAssistantText() {
        ChatReply r = ChatReply.parse(ReplayServer.cogVlmCompletion("the blade [[1,2,3,4]]"));
        assertThat(r.hasContent()).isTrue();
        assertThat(r.content()).isEqualTo("the blade [[1,2,3,4]]");
        assertThat(r.raw()).isEqualTo(r.content());
        assertThat(r.problem()).isNull();
    }

    @Test
    void joinsContentParts() {
        ChatReply r = ChatReply.parse("{\"choices\":[{\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"a \"},"
                + "{\"type\":\"text\",\"text\":\"b\"}]}}]}");
        assertThat(r.content()).isEqualTo("a b");
    }

    @Test
    void reportsBodiesWithoutText() {
        ChatReply html = ChatReply.parse("<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>");
        assertThat(html.hasContent()).isFalse();
        assertThat(html.problem()).contains("not a JSON chat completion").contains("502 Bad Gateway");
        assertThat(html.raw()).startsWith("<!DOCTYPE html>");
        assertThat(ChatReply.parse("{\"choices\":[]}").problem()).isEqualTo("the completion has no choices");
        assertThat(ChatReply.parse("{\"object\":\"chat.completion\"}").problem()).isEqualTo("the completion has no choices");
        assertThat(ChatReply.parse("{\"choices\":[{\"message\":{\"content\":null}}]}").problem()).contains("content");
        assertThat(ChatReply.parse("").hasContent()).isFalse();
        assertThat(ChatReply.parse("[1,2]").hasContent()).isFalse();
    }

    @Test
    void excerptsCollapseWhitespaceAndCut() {
        assertThat(ChatReply.excerpt("a\n\n  b\tc", 10)).isEqualTo("a b c");
        assertThat(ChatReply.excerpt("abcdefghijkl", 5)).isEqualTo("abcde…");
    }
}
