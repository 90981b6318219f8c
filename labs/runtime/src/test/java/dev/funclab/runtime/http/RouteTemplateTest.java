package dev.funclab.runtime.http;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouteTemplateTest {

    private static Map<String, String> match(String template, String path) {
        return RouteTemplate.parse(template).match(path.isEmpty() ? List.of() : List.of(path.split("/"))).orElse(null);
    }

    @Test
    void literalsMatchWithoutRegardToCase() {
        assertThat(match("products/all", "Products/ALL")).isEmpty();
        assertThat(match("products/all", "products")).isNull();
        assertThat(match("products/all", "products/all/more")).isNull();
    }

    @Test
    void parametersCaptureTheirSegment() {
        assertThat(match("products/{id}", "products/42")).containsEntry("id", "42");
    }

    @Test
    void intConstraintRejectsText() {
        assertThat(match("products/{id:int}", "products/42")).containsEntry("id", "42");
        assertThat(match("products/{id:int}", "products/abc")).isNull();
        assertThat(match("products/{id:int}", "products/99999999999")).isNull();
    }

    @Test
    void chainedConstraintsMustAllHold() {
        assertThat(match("p/{id:int:min(1)}", "p/1")).containsEntry("id", "1");
        assertThat(match("p/{id:int:min(1)}", "p/0")).isNull();
        assertThat(match("p/{n:range(1,5)}", "p/6")).isNull();
        assertThat(match("p/{code:length(3)}", "p/abc")).containsEntry("code", "abc");
        assertThat(match("p/{code:regex(^[a-z]{{2}}\\d$)}", "p/ab1")).isNotNull();
    }

    @Test
    void alphaGuidBoolAndDoubleConstraints() {
        assertThat(match("n/{name:alpha}", "n/Kim")).containsEntry("name", "Kim");
        assertThat(match("n/{name:alpha}", "n/Kim2")).isNull();
        assertThat(match("g/{id:guid}", "g/123e4567-e89b-12d3-a456-426614174000")).isNotNull();
        assertThat(match("g/{id:guid}", "g/123")).isNull();
        assertThat(match("b/{on:bool}", "b/TRUE")).isNotNull();
        assertThat(match("d/{x:double}", "d/1.5")).isNotNull();
        assertThat(match("d/{x:double}", "d/1.5d")).isNull();
    }

    @Test
    void optionalParametersMayBeLeftOut() {
        assertThat(match("items/{id?}", "items")).isEmpty();
        assertThat(match("items/{id:int?}", "items/7")).containsEntry("id", "7");
        assertThat(match("items/{id:int?}", "items/x")).isNull();
    }

    @Test
    void defaultsFillMissingValues() {
        assertThat(match("pages/{page=1}", "pages")).containsEntry("page", "1");
        assertThat(match("pages/{page:int=1}", "pages/3")).containsEntry("page", "3");
    }

    @Test
    void catchAllTakesTheRestOfThePath() {
        assertThat(match("files/{*path}", "files/a/b/c.txt")).containsEntry("path", "a/b/c.txt");
        assertThat(match("files/{*path}", "files")).isEmpty();
    }

    @Test
    void mixedSegmentsSplitOnTheirLiterals() {
        assertThat(match("files/{name}.{ext}", "files/report.final.pdf"))
                .containsEntry("name", "report.final").containsEntry("ext", "pdf");
    }

    @Test
    void precedencePutsLiteralsBeforeConstrainedBeforePlainBeforeCatchAll() {
        String literal = RouteTemplate.parse("items/new").precedence();
        String constrained = RouteTemplate.parse("items/{id:int}").precedence();
        String plain = RouteTemplate.parse("items/{name}").precedence();
        String catchAll = RouteTemplate.parse("items/{*rest}").precedence();
        assertThat(List.of(catchAll, plain, literal, constrained).stream().sorted().toList())
                .containsExactly(literal, constrained, plain, catchAll);
        String shorter = RouteTemplate.parse("items").precedence();
        String optional = RouteTemplate.parse("items/{id?}").precedence();
        assertThat(shorter).as("a shorter template wins over a longer one it overlaps").isLessThan(optional);
    }

    @Test
    void malformedTemplatesAreRejectedWithAReason() {
        assertThatThrownBy(() -> RouteTemplate.parse("a/{*rest}/b")).hasMessageContaining("last segment");
        assertThatThrownBy(() -> RouteTemplate.parse("a/{id:integer}")).hasMessageContaining("not a route constraint");
        assertThatThrownBy(() -> RouteTemplate.parse("a/{id?}/b")).hasMessageContaining("optional");
        assertThatThrownBy(() -> RouteTemplate.parse("a/{id")).hasMessageContaining("unbalanced");
        assertThatThrownBy(() -> RouteTemplate.parse("a//b")).hasMessageContaining("empty segment");
        assertThatThrownBy(() -> RouteTemplate.parse("a/{x:minlength(abc)}")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> RouteTemplate.parse("a/{x:min}")).hasMessageContaining("needs an argument");
    }
}
