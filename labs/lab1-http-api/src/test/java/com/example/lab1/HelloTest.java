package com.example.lab1;

import dev.funclab.testkit.FunctionsHostTest;
import dev.funclab.testkit.Graded;
import dev.funclab.testkit.LabClient;
import dev.funclab.testkit.LabResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.funclab.testkit.LabAssertions.assertThat;

/** Part A: the hello function (30 points). */
@FunctionsHostTest
class HelloTest {

    @Test
    @Graded(points = 8, step = 1)
    @DisplayName("hello greets the name from the query string")
    void greetsTheNameFromTheQueryString(LabClient client) {
        LabResponse response = client.get("/api/hello?name=Kim");

        assertThat(response).hasStatus(200).bodyContains("Kim");
    }

    @Test
    @Graded(points = 8, step = 1)
    @DisplayName("hello greets the name from a JSON body")
    void greetsTheNameFromAJsonBody(LabClient client) {
        LabResponse response = client.postJson("/api/hello", Map.of("name", "Park"));

        assertThat(response).hasStatus(200).bodyContains("Park");
    }

    @Test
    @Graded(points = 6, step = 1)
    @DisplayName("hello keeps non-ASCII names intact")
    void keepsNonAsciiNamesIntact(LabClient client) {
        LabResponse response = client.get("/api/hello?name=%EA%B9%80%EC%B2%A0%EC%88%98");

        assertThat(response).hasStatus(200).bodyContains("김철수");
    }

    @Test
    @Graded(points = 8, step = 2)
    @DisplayName("hello without a name answers 400 saying what to send")
    void withoutANameAnswers400(LabClient client) {
        LabResponse response = client.get("/api/hello");

        assertThat(response).hasStatus(400).bodyContainsIgnoringCase("name");
    }
}
