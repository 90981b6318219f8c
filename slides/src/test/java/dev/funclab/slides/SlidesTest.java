package dev.funclab.slides;

import dev.funclab.slides.SlideDeck.CodeBlock;
import dev.funclab.slides.SlideDeck.Slide;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The course slides exist in English and Korean: the same slides in the same order with the same
 * images and code, speaker notes on every content slide, no broken image or link, and every topic of
 * the course covered in both languages. Code on the slides is real: Java snippets are taken from the
 * solutions, and the function.json is the one the Maven plugin writes.
 */
class SlidesTest {

    private static final Path SLIDES = Path.of("").toAbsolutePath();
    private static final Path KIT = SLIDES.getParent();
    private static final Path EN_FILE = SLIDES.resolve("en/slides.md");
    private static final Path KO_FILE = SLIDES.resolve("ko/slides.md");

    /**
     * What the course must cover. Each topic names words that must appear, in each language, in the
     * heading or body of some slide (speaker notes do not count). Case is ignored.
     */
    private static final List<Topic> TOPICS = List.of(
            topic("1. platforms: on-premises, IaaS, PaaS, serverless",
                    en("On-premises", "IaaS", "PaaS", "Serverless"),
                    ko("온프레미스", "IaaS", "PaaS", "서버리스")),
            topic("1. questions that go away: capacity",
                    en("server size", "utilisation", "how many servers", "scaling"),
                    ko("서버 사양", "활용도", "서버 대수", "스케일")),
            topic("1. questions that go away: operations",
                    en("patching", "backups", "packages", "deployment", "OS", "monitoring"),
                    ko("패치", "백업", "패키지", "배포", "OS", "모니터링")),
            topic("1. the question that stays",
                    en("How should I design my app?"),
                    ko("앱을 어떻게 설계해야 할까?")),
            topic("2. what serverless means",
                    en("Servers abstracted", "Event-driven, instant scale", "Micro-billing"),
                    ko("서버의 추상화", "이벤트 기반, 즉각적인 스케일", "마이크로 과금")),
            topic("2. benefits",
                    en("Manage the app, not servers", "Faster DevOps", "Faster to market"),
                    ko("앱만 관리", "빨라지는 DevOps", "더 빠른 제품 출시")),
            topic("2. a dependable system more than a pattern; FaaS is one part",
                    en("dependable system more than a pattern", "serverless application", "micro-PaaS", "FaaS",
                            "one part of serverless"),
                    ko("신뢰할 수 있는 시스템", "서버리스 응용프로그램", "마이크로 PaaS", "FaaS", "서버리스의 일부")),
            topic("3. scenarios",
                    en("Real-time stream processing", "Scheduled work", "Mobile back ends", "Real-time chat bots"),
                    ko("실시간 스트림 처리", "시간 기반 처리", "모바일 앱 백엔드", "실시간 챗봇")),
            topic("3. case: log replication and analysis with FTP",
                    en("replicating and analysing logs", "Before serverless", "FTP"),
                    ko("로그 복제와 분석", "서버리스 이전", "FTP")),
            topic("3. case: image sharing at 1 TB a day",
                    en("1 TB", "−75 %", "development time", "−95 %", "latency"),
                    ko("1TB", "−75 %", "개발 시간", "−95 %", "지연 시간")),
            topic("4. Azure Functions = code + events",
                    en("Azure Functions", "code + events"),
                    ko("Azure Functions", "코드 + 이벤트")),
            topic("4. why Azure Functions",
                    en("Event-driven scale", "Simplified DevOps", "Fast development", "Your language",
                            "Local development and debugging", "service bindings"),
                    ko("이벤트 기반 스케일", "간소화된 DevOps", "빠른 개발", "원하는 언어", "로컬 개발과 디버깅",
                            "서비스 바인딩")),
            topic("4. what makes it special",
                    en("C#", "JavaScript", "Java", "Python", "PowerShell", "Open source", "Windows, Linux or macOS",
                            "Containers", "VS Code"),
                    ko("C#", "JavaScript", "Java", "Python", "PowerShell", "오픈 소스", "Windows, Linux, macOS",
                            "컨테이너", "VS Code")),
            topic("5. programming model: one unit of work, a trigger, inputs and outputs",
                    en("One unit of work", "Started by a trigger", "Inputs and outputs"),
                    ko("하나의 작업 단위", "트리거가 호출", "입력과 출력")),
            topic("5. the vision-info example in Java",
                    en("vision-info", "myQueueItem", "@QueueTrigger", "@BlobInput", "@BlobOutput", "Lab 3"),
                    ko("vision-info", "myQueueItem", "@QueueTrigger", "@BlobInput", "@BlobOutput", "실습 3")),
            topic("6. triggers and bindings table, with what the kit runs",
                    en("Trigger", "Input", "Output", "Schedule", "HTTP", "Blobs", "Queues", "Tables", "Event Hubs",
                            "Service Bus", "Cosmos DB", "SendGrid", "Twilio", "Notification Hubs", "Azure SQL",
                            "Kit's local host"),
                    ko("트리거", "입력", "출력", "스케줄", "HTTP", "Blob", "큐", "테이블", "Event Hubs",
                            "Service Bus", "Cosmos DB", "SendGrid", "Twilio", "Notification Hubs", "Azure SQL",
                            "키트의 로컬 호스트")),
            topic("7. the resize example and its function.json",
                    en("card-input/{filename}.jpg", "card-output/{filename}.jpg", "640 × 400", "Thumbnailator",
                            "function.json", "azure-functions:package", "\"scriptFile\"", "\"entryPoint\"",
                            "\"type\" : \"blobTrigger\"", "\"direction\" : \"in\"", "\"dataType\" : \"binary\"",
                            "\"connection\""),
                    ko("card-input/{filename}.jpg", "card-output/{filename}.jpg", "640 × 400", "Thumbnailator",
                            "function.json", "azure-functions:package", "\"scriptFile\"", "\"entryPoint\"",
                            "\"type\" : \"blobTrigger\"", "\"direction\" : \"in\"", "\"dataType\" : \"binary\"",
                            "\"connection\"")),
            topic("8. scale: 100,000 events per second",
                    en("100,000 events per second", "scale controller", "partition"),
                    ko("초당 10만 건", "스케일 컨트롤러", "파티션")),
            topic("9. hosting plans: dedicated and consumption",
                    en("Dedicated", "App Service plan", "Basic, Standard, Premium", "reserved instance", "Consumption",
                            "GB-s", "Flex Consumption", "Premium"),
                    ko("전용", "App Service 플랜", "Basic, Standard, Premium", "예약한 인스턴스", "소비",
                            "GB-s", "Flex Consumption", "Premium")),
            topic("9. the worked cost example",
                    en("$0.20 per million", "$0.000016 per GB-s", "1 million executions", "400,000 GB-s", "128 MB",
                            "1 ms", "100 ms", "750,000", "350,000", "$5.60", "$0.40", "$6.00",
                            "Prices at the time of writing", "pricing page"),
                    ko("$0.20", "$0.000016", "실행 100만 회", "400,000 GB-s", "128MB", "1ms", "100ms", "750,000",
                            "350,000", "$5.60", "$0.40", "$6.00", "작성 시점의 가격", "가격 페이지")),
            topic("10. Logic Apps",
                    en("Logic Apps", "workflow and integration engine", "visual designer", "Hundreds of connectors",
                            "Orchestrates Functions", "declarative", "source control"),
                    ko("Logic Apps", "워크플로 및 통합 엔진", "비주얼 디자이너", "수백 개의 커넥터",
                            "Functions 오케스트레이션", "선언적", "소스 제어")),
            topic("10. Lab 4 as the deck's workflow",
                    en("messengerWebhook", "speech-requests", "synthesizeSpeech", "voice-messages/{mid}.wav",
                            "mailVoiceMessage", "SendGrid"),
                    ko("messengerWebhook", "speech-requests", "synthesizeSpeech", "voice-messages/{mid}.wav",
                            "mailVoiceMessage", "SendGrid")),
            topic("11. summary",
                    en("Event-driven", "Infrastructure abstracted", "Fast scale", "Pay for what you use",
                            "think about architecture"),
                    ko("이벤트 기반", "인프라는 추상화", "빠른 스케일", "사용한 만큼만 과금", "아키텍처는 고민")),
            topic("12. how to start, without an Azure account",
                    en("No Azure account", "scripts/run lab1", "scripts/test lab1"),
                    ko("Azure 계정 없이", "scripts/run lab1", "scripts/test lab1")),
            topic("12. one slide per lab, linking its guide, with its duration",
                    en("../../labs/lab1-http-api/README.md", "../../labs/lab2-blob-resize/README.md",
                            "../../labs/lab3-queue-processing/README.md", "../../labs/lab4-voice-workflow/README.md",
                            "about 60 minutes", "about 45 minutes", "about 90 minutes"),
                    ko("../../labs/lab1-http-api/README.ko.md", "../../labs/lab2-blob-resize/README.ko.md",
                            "../../labs/lab3-queue-processing/README.ko.md",
                            "../../labs/lab4-voice-workflow/README.ko.md", "약 60분", "약 45분", "약 90분")));

    private static SlideDeck english;
    private static SlideDeck korean;

    @BeforeAll
    static void read() throws IOException {
        english = SlideDeck.read(EN_FILE);
        korean = SlideDeck.read(KO_FILE);
    }

    @Test
    void bothLanguagesHaveTheSameNumberOfSlides() {
        assertThat(korean.slides().size())
                .as("slides/ko/slides.md has %d slides and slides/en/slides.md has %d: every slide must exist in both "
                        + "languages, in the same order. English headings: %s; Korean headings: %s",
                        korean.slides().size(), english.slides().size(), titles(english), titles(korean))
                .isEqualTo(english.slides().size());
    }

    @Test
    void bothLanguagesAreMarpDecksWithTheSameSettings() {
        for (SlideDeck deck : List.of(english, korean)) {
            assertThat(deck.frontMatter()).as("%s: front matter", rel(deck.file()))
                    .contains("marp: true", "paginate: true", "style: |");
        }
        assertThat(styleOf(korean)).as("the style block of slides/ko/slides.md must equal the English one (one theme)")
                .isEqualTo(styleOf(english));
    }

    @Test
    void slidesMatchOneForOne() {
        List<String> problems = new ArrayList<>();
        int count = Math.min(english.slides().size(), korean.slides().size());
        for (int i = 0; i < count; i++) {
            Slide en = english.slides().get(i);
            Slide ko = korean.slides().get(i);
            String where = "slide " + en.number() + " (en '" + en.title() + "', ko '" + ko.title() + "')";
            String enClass = en.directives().getOrDefault("class", "");
            String koClass = ko.directives().getOrDefault("class", "");
            if (!enClass.equals(koClass)) {
                problems.add(where + ": class '" + enClass + "' in English but '" + koClass + "' in Korean");
            }
            List<String> enImages = en.images().stream().map(SlidesTest::languageNeutral).toList();
            List<String> koImages = ko.images().stream().map(SlidesTest::languageNeutral).toList();
            if (!enImages.equals(koImages)) {
                problems.add(where + ": images differ: English " + en.images() + ", Korean " + ko.images()
                        + " (use the same image, or its .en.svg/.ko.svg pair)");
            }
            List<String> enLinks = en.relativeLinks().stream().map(SlidesTest::languageNeutral).toList();
            List<String> koLinks = ko.relativeLinks().stream().map(SlidesTest::languageNeutral).toList();
            if (!enLinks.equals(koLinks)) {
                problems.add(where + ": links differ: English " + en.relativeLinks() + ", Korean " + ko.relativeLinks()
                        + " (Korean slides link README.ko.md where English ones link README.md)");
            }
            List<String> enCode = code(en);
            List<String> koCode = code(ko);
            if (!enCode.equals(koCode)) {
                problems.add(where + ": the java/json code blocks must be identical in both languages");
            }
        }
        assertThat(problems).as("slides that do not match between slides/en/slides.md and slides/ko/slides.md").isEmpty();
    }

    @Test
    void everyContentSlideHasSpeakerNotes() {
        List<String> problems = new ArrayList<>();
        for (SlideDeck deck : List.of(english, korean)) {
            for (Slide slide : deck.slides()) {
                if (slide.isContent() && slide.notes().isEmpty()) {
                    problems.add(rel(deck.file()) + " " + slide.name() + ": no speaker notes; add a comment "
                            + "<!-- what to say --> (only title and divider slides may go without)");
                }
            }
        }
        assertThat(problems).as("content slides without speaker notes").isEmpty();
    }

    @Test
    void everyImageExists() {
        List<String> problems = new ArrayList<>();
        for (SlideDeck deck : List.of(english, korean)) {
            for (Slide slide : deck.slides()) {
                for (String image : slide.images()) {
                    Path file = deck.file().getParent().resolve(image).normalize();
                    if (!Files.isRegularFile(file)) {
                        problems.add(rel(deck.file()) + " " + slide.name() + ": image " + image + " not found (expected "
                                + rel(file) + ")");
                    }
                }
            }
        }
        assertThat(problems).as("missing images").isEmpty();
    }

    @Test
    void everyRelativeLinkResolves() {
        List<String> problems = new ArrayList<>();
        for (SlideDeck deck : List.of(english, korean)) {
            for (Slide slide : deck.slides()) {
                for (String link : slide.relativeLinks()) {
                    Path file = deck.file().getParent().resolve(link.replaceFirst("#.*$", "")).normalize();
                    if (!Files.exists(file)) {
                        problems.add(rel(deck.file()) + " " + slide.name() + ": link " + link + " points to "
                                + rel(file) + ", which does not exist");
                    }
                }
            }
        }
        assertThat(problems).as("broken links").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyTopicIsCoveredInBothLanguages() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Topic topic : TOPICS) {
            tests.add(DynamicTest.dynamicTest("en: " + topic.name(), () -> checkCovered(english, topic.name(), topic.english())));
            tests.add(DynamicTest.dynamicTest("ko: " + topic.name(), () -> checkCovered(korean, topic.name(), topic.korean())));
        }
        return tests.stream();
    }

    /**
     * Java on the slides comes from the solutions: the first line names the file (a "…" stands for
     * folders), and the code between "// ..." lines appears in that file, in order (line breaks may differ).
     */
    @TestFactory
    Stream<DynamicTest> javaSnippetsComeFromTheSolutions() {
        List<DynamicTest> tests = new ArrayList<>();
        for (SlideDeck deck : List.of(english, korean)) {
            for (Slide slide : deck.slides()) {
                for (CodeBlock block : slide.codeBlocks()) {
                    if (block.language().equals("java")) {
                        tests.add(DynamicTest.dynamicTest(rel(deck.file()) + " " + slide.name(),
                                () -> checkSnippet(deck, slide, block.code())));
                    }
                }
            }
        }
        assertThat(tests).as("the slides show Java from the solutions").isNotEmpty();
        return tests.stream();
    }

    /** When Lab 2's solution has been packaged, the slide's function.json is the file the plugin wrote. */
    @Test
    void functionJsonOnTheSlideIsWhatThePluginWrites() throws IOException {
        Path packaged = KIT.resolve("solutions/lab2-blob-resize/target/azure-functions");
        Optional<Path> written = Files.isDirectory(packaged)
                ? Files.walk(packaged).filter(p -> p.endsWith(Path.of("resizeCardImage", "function.json"))).findFirst()
                : Optional.empty();
        assumeThat(written).as("Lab 2's solution is not packaged (mvn package); nothing to compare with").isPresent();
        String expected = squash(Files.readString(written.get()));
        for (SlideDeck deck : List.of(english, korean)) {
            String shown = deck.slides().stream().flatMap(s -> s.codeBlocks().stream())
                    .filter(b -> b.language().equals("json") && b.code().contains("\"scriptFile\""))
                    .map(CodeBlock::code).findFirst().orElse("");
            assertThat(squash(shown))
                    .as("%s shows a function.json that differs from %s; copy that file onto the slide", rel(deck.file()),
                            rel(written.get()))
                    .isEqualTo(expected);
        }
    }

    private static void checkCovered(SlideDeck deck, String topic, List<String> words) {
        List<String> slides = deck.slides().stream().map(s -> s.visibleText().toLowerCase(Locale.ROOT)).toList();
        List<String> missing = words.stream()
                .filter(word -> slides.stream().noneMatch(text -> text.contains(word.toLowerCase(Locale.ROOT))))
                .toList();
        assertThat(missing)
                .as("%s must cover the topic '%s': these words appear in no slide heading or body (notes do not count)",
                        rel(deck.file()), topic)
                .isEmpty();
    }

    private static void checkSnippet(SlideDeck deck, Slide slide, String snippet) throws IOException {
        List<String> lines = snippet.lines().toList();
        String first = lines.get(0).strip();
        String where = rel(deck.file()) + " " + slide.name();
        assertThat(first).as("%s: a Java snippet starts with '// <file it comes from>', e.g. "
                + "'// solutions/lab2-blob-resize/…/ResizeFunction.java'", where).startsWith("// ");
        String named = first.substring(3).strip();
        // A student copy has no solutions/ (scripts/student-copy): nothing to compare with there.
        assumeThat(named.startsWith("solutions/") && !Files.isDirectory(KIT.resolve("solutions")))
                .as("this copy of the kit has no solutions/").isFalse();
        Path source = resolveSource(named);
        assertThat(source).as("%s: the file named by '%s'", where, first).isNotNull();
        String code = squash(Files.readString(source));
        int at = 0;
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (String line : lines.subList(1, lines.size())) {
            if (line.strip().equals("// ...")) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(line).append('\n');
            }
        }
        parts.add(part.toString());
        for (String wanted : parts.stream().map(SlidesTest::squash).filter(p -> !p.isEmpty()).toList()) {
            int found = code.indexOf(wanted, at);
            assertThat(found).as("%s: this code is not in %s (after what the snippet showed before it):%n%s", where,
                    rel(source), wanted).isNotNegative();
            at = found + wanted.length();
        }
    }

    /** "solutions/lab2-blob-resize/…/ResizeFunction.java": "…" stands for any folders. */
    private static Path resolveSource(String named) throws IOException {
        if (!named.contains("…")) {
            Path file = KIT.resolve(named);
            return Files.isRegularFile(file) ? file : null;
        }
        Path start = KIT.resolve(named.substring(0, named.indexOf('…')));
        String end = named.substring(named.indexOf('…') + 1).replaceFirst("^/", "");
        if (!Files.isDirectory(start)) {
            return null;
        }
        try (Stream<Path> files = Files.walk(start)) {
            List<Path> matches = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().replace('\\', '/').endsWith("/" + end))
                    // Relative to where the search starts: the kit itself may sit in a build folder (scripts/bench kit-tests).
                    .filter(p -> !start.relativize(p).startsWith("target"))
                    .toList();
            return matches.size() == 1 ? matches.get(0) : null;
        }
    }

    private static String squash(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static List<String> code(Slide slide) {
        return slide.codeBlocks().stream().filter(b -> b.language().equals("java") || b.language().equals("json"))
                .map(CodeBlock::code).toList();
    }

    /** An image or a guide in its language-neutral form: x.en.svg and x.ko.svg, README.md and README.ko.md. */
    private static String languageNeutral(String path) {
        return path.replaceAll("\\.(en|ko)\\.(\\w+)$", ".$2").replaceAll("README\\.ko\\.md$", "README.md");
    }

    private static String styleOf(SlideDeck deck) {
        String front = deck.frontMatter();
        return front.substring(front.indexOf("style: |"));
    }

    private static List<String> titles(SlideDeck deck) {
        return deck.slides().stream().map(s -> s.number() + " " + s.title()).toList();
    }

    private static String rel(Path path) {
        return KIT.relativize(path.toAbsolutePath().normalize()).toString();
    }

    private record Topic(String name, List<String> english, List<String> korean) {
    }

    private static Topic topic(String name, List<String> english, List<String> korean) {
        return new Topic(name, english, korean);
    }

    private static List<String> en(String... words) {
        return List.of(words);
    }

    private static List<String> ko(String... words) {
        return List.of(words);
    }
}
