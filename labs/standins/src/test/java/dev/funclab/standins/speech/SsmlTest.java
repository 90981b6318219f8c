package dev.funclab.standins.speech;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SsmlTest {

    private static List<Ssml.Segment> parse(String ssml) throws Ssml.Invalid {
        return Ssml.parse(ssml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheVoicesAndTheirText() throws Exception {
        List<Ssml.Segment> segments = parse("""
                <speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis"
                       xmlns:mstts="https://www.w3.org/2001/mstts" xml:lang="ko-KR">
                  <voice name="ko-KR-SunHiNeural">
                    <mstts:express-as style="cheerful">안녕하세요,</mstts:express-as>
                    <prosody rate="-10%">카드가 <emphasis>도착</emphasis>했습니다.</prosody><break time="500ms"/>
                  </voice>
                  <voice name="en-US-JennyNeural">Visit the <sub alias="World Wide Web">WWW</sub> &lt;now&gt; &amp; later.</voice>
                </speak>""");

        assertThat(segments).containsExactly(
                new Ssml.Segment("ko-KR-SunHiNeural", "안녕하세요, 카드가 도착했습니다."),
                new Ssml.Segment("en-US-JennyNeural", "Visit the World Wide Web <now> & later."));
    }

    @Test
    void refusesTextOutsideAVoice() {
        assertThatThrownBy(() -> parse("<speak>Hello <voice name='en-US-JennyNeural'>there</voice></speak>"))
                .isInstanceOf(Ssml.Invalid.class).hasMessageContaining("'Hello' is outside any <voice>");
    }

    @Test
    void refusesAnotherRoot() {
        assertThatThrownBy(() -> parse("<voice name='en-US-JennyNeural'>Hello</voice>"))
                .isInstanceOf(Ssml.Invalid.class).hasMessageContaining("root element is <voice>, expected <speak>");
    }

    @Test
    void saysWhereTheXmlIsBroken() {
        assertThatThrownBy(() -> parse("<speak>\n<voice name='en-US-JennyNeural'>Hello</speak>"))
                .isInstanceOf(Ssml.Invalid.class).hasMessageContaining("not well-formed XML (line 2, column");
    }

    @Test
    void refusesADoctypeSoNoExternalEntityIsRead(@TempDir Path folder) throws Exception {
        Path secret = Files.writeString(folder.resolve("secret.txt"), "TOP-SECRET");
        String xxe = "<?xml version='1.0'?><!DOCTYPE speak [<!ENTITY x SYSTEM '" + secret.toUri() + "'>]>"
                + "<speak><voice name='en-US-JennyNeural'>&x;</voice></speak>";

        assertThatThrownBy(() -> parse(xxe)).isInstanceOf(Ssml.Invalid.class)
                .hasMessageContaining("DOCTYPE declarations are not allowed")
                .hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void refusesABillionLaughs() {
        String bomb = "<!DOCTYPE speak [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>]>"
                + "<speak><voice name='en-US-JennyNeural'>&b;</voice></speak>";

        assertThatThrownBy(() -> parse(bomb)).isInstanceOf(Ssml.Invalid.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void allowsFiftyVoicesAndNoMore() throws Exception {
        String voice = "<voice name='en-US-JennyNeural'>Hi</voice>";

        assertThat(parse("<speak>" + voice.repeat(50) + "</speak>")).hasSize(50);
        assertThatThrownBy(() -> parse("<speak>" + voice.repeat(51) + "</speak>"))
                .isInstanceOf(Ssml.Invalid.class).hasMessageContaining("51 <voice> elements; at most 50");
    }

    @Test
    void refusesAVoiceWithoutAName() {
        assertThatThrownBy(() -> parse("<speak><voice>Hello</voice></speak>"))
                .isInstanceOf(Ssml.Invalid.class).hasMessageContaining("no name attribute");
    }
}
