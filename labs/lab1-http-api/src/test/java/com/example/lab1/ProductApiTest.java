package com.example.lab1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funclab.testkit.FunctionsHostTest;
import dev.funclab.testkit.Graded;
import dev.funclab.testkit.LabClient;
import dev.funclab.testkit.LabResponse;
import dev.funclab.testkit.Steps;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.funclab.testkit.LabAssertions.assertThat;

/** Part B: the product catalog API (70 points). Each test makes its own products. */
@FunctionsHostTest
class ProductApiTest {

    /** Creates a product with step 3's function: when that fails, step 3 is the one to reread. */
    private static JsonNode create(LabClient client, String name, double price) {
        return Steps.require(3, () -> {
            LabResponse response = client.withKey().postJson("/api/products", Map.of("name", name, "price", price, "stock", 5));
            assertThat(response).hasStatus(201);
            return response.json();
        });
    }

    @Test
    @Graded(points = 8, step = 3)
    @DisplayName("POST /api/products answers 201 with the product and its Location")
    void createAnswers201WithTheProductAndItsLocation(LabClient client) {
        LabResponse response = client.withKey().postJson("/api/products", Map.of("name", "Kimchi", "price", 4.5, "stock", 12));

        assertThat(response).hasStatus(201).hasHeaderMatching("Location", ".*/api/products/\\d+");
        JsonNode product = response.json();
        assertThat(product.path("id").isInt()).as("the new product has a numeric 'id': %s", product).isTrue();
        assertThat(product.path("name").asText()).as("name of %s", product).isEqualTo("Kimchi");
        assertThat(product.path("price").asDouble()).as("price of %s", product).isEqualTo(4.5);
        assertThat(response.header("Location").orElseThrow()).endsWith("/api/products/" + product.path("id").asInt());
    }

    @Test
    @Graded(points = 8, step = 4)
    @DisplayName("POST with bad fields answers 400 listing every bad field")
    void createWithBadFieldsAnswers400ListingEachField(LabClient client) {
        LabResponse response = client.withKey().postJson("/api/products", Map.of("name", " ", "price", -1));

        assertThat(response).hasStatus(400).bodyContains("name", "price");
    }

    @Test
    @Graded(points = 7, step = 5)
    @DisplayName("GET /api/products lists the products created")
    void listShowsCreatedProducts(LabClient client) {
        int tea = create(client, "Green tea", 3.0).path("id").asInt();
        int rice = create(client, "Rice cake", 2.5).path("id").asInt();

        LabResponse response = client.get("/api/products");

        assertThat(response).hasStatus(200);
        JsonNode list = response.json();
        assertThat(list.isArray()).as("GET /api/products should answer a JSON array, not %s", list).isTrue();
        List<Integer> ids = new ArrayList<>();
        list.forEach(p -> ids.add(p.path("id").asInt()));
        assertThat(ids).as("ids listed by GET /api/products").contains(tea, rice);
    }

    @Test
    @Graded(points = 7, step = 6)
    @DisplayName("GET /api/products/{id} returns the product")
    void getReturnsTheProduct(LabClient client) {
        int id = create(client, "Bibimbap", 9.0).path("id").asInt();

        LabResponse response = client.get("/api/products/" + id);

        assertThat(response).hasStatus(200);
        assertThat(response.json().path("name").asText()).as("name of product %d", id).isEqualTo("Bibimbap");
    }

    @Test
    @Graded(points = 6, step = 6)
    @DisplayName("GET of an unknown id answers 404")
    void getOfAnUnknownIdAnswers404(LabClient client) {
        assertThat(client.get("/api/products/999999")).hasStatus(404);
    }

    @Test
    @Graded(points = 5, step = 6)
    @DisplayName("GET /api/products/abc answers 404 (the id must be a number)")
    void getOfANonNumericIdAnswers404(LabClient client) {
        assertThat(client.get("/api/products/abc")).hasStatus(404);
    }

    @Test
    @Graded(points = 7, step = 7)
    @DisplayName("PUT /api/products/{id} replaces the product")
    void putReplacesTheProduct(LabClient client) {
        int id = create(client, "Tteok", 2.0).path("id").asInt();

        LabResponse response = client.withKey().putJson("/api/products/" + id, Map.of("name", "Tteokbokki", "price", 6.0, "stock", 3));

        assertThat(response).hasStatus(200);
        JsonNode stored = client.get("/api/products/" + id).json();
        assertThat(stored.path("name").asText()).as("name after PUT").isEqualTo("Tteokbokki");
        assertThat(stored.path("price").asDouble()).as("price after PUT").isEqualTo(6.0);
    }

    @Test
    @Graded(points = 4, step = 7)
    @DisplayName("PUT of an unknown id answers 404")
    void putOfAnUnknownIdAnswers404(LabClient client) {
        LabResponse response = client.withKey().putJson("/api/products/999998", Map.of("name", "Ghost", "price", 1.0));

        assertThat(response).hasStatus(404);
    }

    @Test
    @Graded(points = 8, step = 8)
    @DisplayName("DELETE answers 204 and the product is gone")
    void deleteAnswers204AndTheProductIsGone(LabClient client) {
        int id = create(client, "Mandu", 5.0).path("id").asInt();

        assertThat(client.withKey().delete("/api/products/" + id)).hasStatus(204);
        assertThat(client.get("/api/products/" + id)).hasStatus(404);
    }

    @Test
    @Graded(points = 6, step = 9)
    @DisplayName("POST and PUT without the function key answer 401")
    void writesWithoutTheKeyAnswer401(LabClient client) {
        int id = create(client, "Japchae", 7.0).path("id").asInt();

        assertThat(client.postJson("/api/products", Map.of("name", "Free lunch", "price", 0))).hasStatus(401);
        assertThat(client.putJson("/api/products/" + id, Map.of("name", "Changed", "price", 1))).hasStatus(401);
        assertThat(client.get("/api/products/" + id).json().path("name").asText()).as("name after a refused PUT").isEqualTo("Japchae");
    }

    @Test
    @Graded(points = 4, step = 9)
    @DisplayName("DELETE without the function key answers 401")
    void deleteWithoutTheKeyAnswers401(LabClient client) {
        int id = create(client, "Galbi", 15.0).path("id").asInt();

        assertThat(client.delete("/api/products/" + id)).hasStatus(401);
        assertThat(client.get("/api/products/" + id)).hasStatus(200);
    }
}
