package dev.funclab.runtime.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ASP.NET Core route template, the syntax Azure Functions uses in {@code route}:
 * literals, {@code {name}}, constraints {@code {id:int}} (chained: {@code {id:int:min(1)}}),
 * optional {@code {id?}}, defaults {@code {page=1}}, catch-all {@code {*path}}, and segments that
 * mix both ({@code {name}.{ext}}). Literal text matches without regard to case, as in Azure.
 */
public final class RouteTemplate {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^{}]*(?:\\([^)]*\\)[^{}]*)*)}");

    private final String text;
    private final List<Segment> segments;

    private RouteTemplate(String text, List<Segment> segments) {
        this.text = text;
        this.segments = segments;
    }

    /**
     * @throws IllegalArgumentException with a readable reason when the template is malformed
     */
    public static RouteTemplate parse(String template) {
        String trimmed = template.replaceAll("^/+|/+$", "");
        List<Segment> segments = new ArrayList<>();
        if (!trimmed.isEmpty()) {
            String[] parts = trimmed.split("/", -1);
            for (int i = 0; i < parts.length; i++) {
                Segment segment = Segment.parse(parts[i]);
                if (segment.catchAll() && i != parts.length - 1) {
                    throw new IllegalArgumentException("a catch-all parameter {*...} must be the last segment");
                }
                segments.add(segment);
            }
        }
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).optional() && segments.subList(i, segments.size()).stream().anyMatch(s -> !s.optional())) {
                throw new IllegalArgumentException("an optional parameter can only be followed by other optional parameters");
            }
        }
        return new RouteTemplate(trimmed, List.copyOf(segments));
    }

    public String text() {
        return text;
    }

    /** Route values when {@code path} (decoded segments, without the route prefix) matches. */
    public Optional<Map<String, String>> match(List<String> path) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (segment.catchAll()) {
                String rest = String.join("/", path.subList(Math.min(i, path.size()), path.size()));
                if (!rest.isEmpty() || segment.parameters.get(0).defaultValue() != null) {
                    String value = rest.isEmpty() ? segment.parameters.get(0).defaultValue() : rest;
                    if (!segment.parameters.get(0).accepts(value)) {
                        return Optional.empty();
                    }
                    values.put(segment.parameters.get(0).name(), value);
                }
                return Optional.of(values);
            }
            if (i >= path.size()) {
                if (!segment.optional()) {
                    return Optional.empty();
                }
                Parameter parameter = segment.parameters.get(0);
                if (parameter.defaultValue() != null) {
                    values.put(parameter.name(), parameter.defaultValue());
                }
                continue;
            }
            if (!segment.match(path.get(i), values)) {
                return Optional.empty();
            }
        }
        return path.size() > segments.size() ? Optional.empty() : Optional.of(values);
    }

    /**
     * Orders templates the way ASP.NET Core picks among several that match: per segment, literals
     * first, then mixed segments, constrained parameters, plain parameters, and catch-alls last.
     */
    public String precedence() {
        StringBuilder key = new StringBuilder();
        for (Segment segment : segments) {
            key.append(segment.rank());
        }
        return key.append('0').toString(); // a shorter template wins over a longer one it overlaps
    }

    @Override
    public String toString() {
        return text;
    }

    /** One part between slashes: a literal, or a pattern with parameters in it. */
    private record Segment(String literal, Pattern pattern, List<Parameter> parameters, boolean complex) {

        static Segment parse(String part) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("the template has an empty segment ('//')");
            }
            Matcher matcher = PARAMETER.matcher(part);
            List<Parameter> parameters = new ArrayList<>();
            StringBuilder regex = new StringBuilder();
            int last = 0;
            while (matcher.find()) {
                regex.append(Pattern.quote(part.substring(last, matcher.start())));
                Parameter parameter = Parameter.parse(matcher.group(1));
                // Greedy groups: like ASP.NET, later literals match as far right as they can.
                regex.append("(.+)");
                parameters.add(parameter);
                last = matcher.end();
            }
            if (parameters.isEmpty()) {
                if (part.contains("{") || part.contains("}")) {
                    throw new IllegalArgumentException("'" + part + "' has an unbalanced '{' or '}'");
                }
                return new Segment(part, null, List.of(), false);
            }
            regex.append(Pattern.quote(part.substring(last)));
            boolean complex = parameters.size() > 1 || !part.startsWith("{") || !part.endsWith("}");
            if (complex && parameters.stream().anyMatch(p -> p.optional() || p.catchAll())) {
                throw new IllegalArgumentException("'" + part + "': optional and catch-all parameters must stand alone in a segment");
            }
            return new Segment(null, Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE), List.copyOf(parameters), complex);
        }

        boolean catchAll() {
            return parameters.size() == 1 && parameters.get(0).catchAll();
        }

        boolean optional() {
            return parameters.size() == 1 && (parameters.get(0).optional() || parameters.get(0).defaultValue() != null);
        }

        boolean match(String value, Map<String, String> values) {
            if (literal != null) {
                return literal.equalsIgnoreCase(value);
            }
            Matcher matcher = pattern.matcher(value);
            if (!matcher.matches()) {
                return false;
            }
            for (int i = 0; i < parameters.size(); i++) {
                String captured = matcher.group(i + 1);
                if (!parameters.get(i).accepts(captured)) {
                    return false;
                }
                values.put(parameters.get(i).name(), captured);
            }
            return true;
        }

        char rank() {
            if (literal != null) {
                return '1';
            }
            if (complex) {
                return '2';
            }
            Parameter only = parameters.get(0);
            if (only.catchAll()) {
                return '5';
            }
            return only.constraints().isEmpty() ? '4' : '3';
        }
    }

    /** {@code {name:constraint(args)?}} or {@code {name=default}} or {@code {*name}}. */
    private record Parameter(String name, List<RouteConstraint> constraints, boolean optional, boolean catchAll,
                             String defaultValue) {

        static Parameter parse(String body) {
            boolean catchAll = body.startsWith("**") || body.startsWith("*");
            String rest = body.replaceFirst("^\\*\\*?", "");
            String defaultValue = null;
            boolean optional = false;
            int colon = firstOutsideParentheses(rest, ':');
            String head = colon < 0 ? rest : rest.substring(0, colon);
            String constraintText = colon < 0 ? "" : rest.substring(colon + 1);
            if (constraintText.endsWith("?")) {
                optional = true;
                constraintText = constraintText.substring(0, constraintText.length() - 1);
            } else if (head.endsWith("?")) {
                optional = true;
                head = head.substring(0, head.length() - 1);
            }
            int equals = head.indexOf('=');
            if (equals >= 0) {
                defaultValue = head.substring(equals + 1);
                head = head.substring(0, equals);
            } else if (constraintText.contains("=")) {
                int at = constraintText.lastIndexOf('=');
                if (constraintText.indexOf(')', at) < 0) {
                    defaultValue = constraintText.substring(at + 1);
                    constraintText = constraintText.substring(0, at);
                }
            }
            if (!head.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("'{" + body + "}' needs a parameter name made of letters, digits and '_'");
            }
            List<RouteConstraint> constraints = new ArrayList<>();
            for (String constraint : splitOutsideParentheses(constraintText, ':')) {
                if (!constraint.isEmpty()) {
                    constraints.add(RouteConstraint.parse(constraint));
                }
            }
            return new Parameter(head, List.copyOf(constraints), optional, catchAll, defaultValue);
        }

        boolean accepts(String value) {
            return constraints.stream().allMatch(c -> c.accepts(value));
        }

        private static int firstOutsideParentheses(String text, char wanted) {
            int depth = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == wanted && depth == 0) {
                    return i;
                }
            }
            return -1;
        }

        private static List<String> splitOutsideParentheses(String text, char separator) {
            List<String> parts = new ArrayList<>();
            int at;
            while ((at = firstOutsideParentheses(text, separator)) >= 0) {
                parts.add(text.substring(0, at));
                text = text.substring(at + 1);
            }
            parts.add(text);
            return parts;
        }
    }
}
