package dev.funclab.testkit;

import org.assertj.core.api.AbstractAssert;

import java.util.regex.Pattern;

/**
 * Assertions on an HTTP answer whose failure messages say what was sent, what was expected
 * and what came back, for example:
 * {@code Expected GET /api/hello?name=Kim to answer 200, but it answered 404 with body '...'}.
 */
public final class ResponseAssert extends AbstractAssert<ResponseAssert, LabResponse> {

    ResponseAssert(LabResponse actual) {
        super(actual, ResponseAssert.class);
    }

    public ResponseAssert hasStatus(int expected) {
        isNotNull();
        if (actual.status() != expected) {
            fail("Expected " + actual.request() + " to answer " + expected + ", but it answered " + actual.describe());
        }
        return this;
    }

    public ResponseAssert bodyContains(String... parts) {
        isNotNull();
        for (String part : parts) {
            if (!actual.body().contains(part)) {
                fail("Expected the answer to " + actual.request() + " to contain " + LabResponse.quote(part)
                        + ", but it answered " + actual.describe());
            }
        }
        return this;
    }

    public ResponseAssert bodyContainsIgnoringCase(String... parts) {
        isNotNull();
        for (String part : parts) {
            if (!actual.body().toLowerCase().contains(part.toLowerCase())) {
                fail("Expected the answer to " + actual.request() + " to mention " + LabResponse.quote(part)
                        + " (in any case), but it answered " + actual.describe());
            }
        }
        return this;
    }

    public ResponseAssert hasEmptyBody() {
        isNotNull();
        if (!actual.body().isEmpty()) {
            fail("Expected " + actual.request() + " to answer with no body, but it answered " + actual.describe());
        }
        return this;
    }

    public ResponseAssert hasHeaderMatching(String name, String regex) {
        isNotNull();
        String value = actual.header(name).orElse(null);
        if (value == null || !Pattern.compile(regex).matcher(value).matches()) {
            fail("Expected " + actual.request() + " to answer with a '" + name + "' header matching " + regex
                    + ", but " + (value == null ? "there was none" : "it was '" + value + "'")
                    + " (status " + actual.status() + ")");
        }
        return this;
    }

    public ResponseAssert hasContentTypeStartingWith(String type) {
        return hasHeaderMatching("Content-Type", Pattern.quote(type) + ".*");
    }

    private void fail(String message) {
        failWithMessage("%s", message);
    }
}
