package dev.funclab.slides;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Marp Markdown file read the way Marp reads it: YAML front matter, then slides separated by lines
 * that hold only {@code ---}. HTML comments are directives when every line sets a known directive
 * ({@code _class: divider}), and presenter notes otherwise.
 */
record SlideDeck(Path file, String frontMatter, List<Slide> slides) {

    /** Marp's directives: a comment made only of these is not a note. */
    private static final Set<String> DIRECTIVES = Set.of("theme", "style", "headingDivider", "lang", "size", "math",
            "title", "description", "author", "image", "keywords", "url", "marp", "paginate", "header", "footer",
            "class", "backgroundColor", "backgroundImage", "backgroundPosition", "backgroundRepeat", "backgroundSize",
            "color", "transition");
    private static final Pattern DIRECTIVE_LINE = Pattern.compile("_?(\\w+)\\s*:.*");
    private static final Pattern COMMENT = Pattern.compile("<!--(.*?)-->", Pattern.DOTALL);
    private static final Pattern FENCE = Pattern.compile("^(```|~~~)");
    private static final Pattern CODE_BLOCK = Pattern.compile("^```(\\w*)\\n(.*?)^```", Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*]\\(([^)\\s]+)[^)]*\\)|<img\\s[^>]*src=\"([^\"]+)\"");
    private static final Pattern LINK = Pattern.compile("(?<!!)\\[[^\\]]*]\\(([^)\\s]+)[^)]*\\)|<a\\s[^>]*href=\"([^\"]+)\"");

    static SlideDeck read(Path file) throws IOException {
        String text = Files.readString(file).replace("\r\n", "\n");
        if (!text.startsWith("---\n")) {
            throw new IllegalArgumentException(file + " must start with Marp front matter (a line '---', then 'marp: true')");
        }
        int end = text.indexOf("\n---\n", 3);
        if (end < 0) {
            throw new IllegalArgumentException(file + ": the front matter has no closing '---' line");
        }
        String frontMatter = text.substring(4, end + 1);
        List<Slide> slides = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inFence = false;
        for (String line : text.substring(end + 5).split("\n", -1)) {
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
            }
            if (!inFence && line.equals("---")) {
                slides.add(new Slide(slides.size() + 1, current.toString()));
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        slides.add(new Slide(slides.size() + 1, current.toString()));
        return new SlideDeck(file, frontMatter, List.copyOf(slides));
    }

    /** One slide: its number (from 1) and its Markdown. */
    record Slide(int number, String markdown) {

        /** The first heading, to name the slide in messages. */
        String title() {
            return markdown.lines().filter(l -> l.startsWith("#")).findFirst()
                    .map(l -> l.replaceFirst("^#+\\s*", "")).orElse("(no heading)");
        }

        /** "slide 12 (Why Azure Functions)", for messages. */
        String name() {
            return "slide " + number + " ('" + title() + "')";
        }

        /** The directives of this slide's comments, e.g. class -> divider. */
        Map<String, String> directives() {
            Map<String, String> found = new LinkedHashMap<>();
            for (String comment : comments()) {
                if (isDirective(comment)) {
                    for (String line : comment.strip().split("\n")) {
                        Matcher m = DIRECTIVE_LINE.matcher(line.strip());
                        if (m.matches()) {
                            found.put(m.group(1), line.substring(line.indexOf(':') + 1).strip());
                        }
                    }
                }
            }
            return found;
        }

        /** Title and section-divider slides may go without speaker notes. */
        boolean isContent() {
            String cls = directives().getOrDefault("class", "");
            return !cls.equals("title") && !cls.equals("divider");
        }

        /** Presenter notes: the comments that are not directives. */
        List<String> notes() {
            return comments().stream().filter(c -> !isDirective(c)).map(String::strip).filter(c -> !c.isEmpty()).toList();
        }

        /** What the audience sees: the Markdown without comments, with escapes and bold markers removed. */
        String visibleText() {
            return COMMENT.matcher(markdown).replaceAll(" ").replace("\\$", "$").replace("**", "")
                    .replaceAll("[ \\t]+", " ");
        }

        List<String> images() {
            return targets(IMAGE);
        }

        /** Link targets that point into the kit (not web addresses, not anchors). */
        List<String> relativeLinks() {
            return targets(LINK).stream()
                    .filter(t -> !t.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !t.startsWith("#"))
                    .toList();
        }

        /** Fenced code blocks: language -> code, in order. */
        List<CodeBlock> codeBlocks() {
            List<CodeBlock> blocks = new ArrayList<>();
            Matcher m = CODE_BLOCK.matcher(markdown);
            while (m.find()) {
                blocks.add(new CodeBlock(m.group(1), m.group(2)));
            }
            return blocks;
        }

        private List<String> comments() {
            List<String> found = new ArrayList<>();
            Matcher m = COMMENT.matcher(markdown);
            while (m.find()) {
                found.add(m.group(1));
            }
            return found;
        }

        private List<String> targets(Pattern pattern) {
            String withoutComments = COMMENT.matcher(markdown).replaceAll(" ");
            String withoutCode = CODE_BLOCK.matcher(withoutComments).replaceAll(" ");
            List<String> found = new ArrayList<>();
            Matcher m = pattern.matcher(withoutCode);
            while (m.find()) {
                found.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
            return found;
        }

        private static boolean isDirective(String comment) {
            List<String> lines = comment.strip().lines().filter(l -> !l.isBlank()).toList();
            return !lines.isEmpty() && lines.stream().allMatch(l -> {
                Matcher m = DIRECTIVE_LINE.matcher(l.strip());
                return m.matches() && DIRECTIVES.contains(m.group(1));
            });
        }
    }

    record CodeBlock(String language, String code) {
    }
}
