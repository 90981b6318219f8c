package com.example.lab1;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Part B: a product catalog as a REST API. Reads are open to anyone; writes need the function key.
 *
 * <pre>
 * GET    /api/products           list          anonymous
 * GET    /api/products/{id}      get one       anonymous
 * POST   /api/products           create        function key
 * PUT    /api/products/{id}      replace       function key
 * DELETE /api/products/{id}      delete        function key
 * </pre>
 *
 * ProductStore keeps the products; ProductInput checks what clients send.
 */
public class ProductFunctions {

    @FunctionName("listProducts")
    public List<Product> list(
            @HttpTrigger(name = "req", methods = HttpMethod.GET, route = "products",
                    authLevel = AuthorizationLevel.ANONYMOUS)
            HttpRequestMessage<Optional<String>> request) {
        // TODO 5: Return every product (ProductStore.all()). The host writes the list as a JSON array.
        return List.of();
    }

    @FunctionName("getProduct")
    public HttpResponseMessage get(
            // TODO 6: Let only numbers reach this function: constrain the route to "products/{id:int}".
            @HttpTrigger(name = "req", methods = HttpMethod.GET, route = "products/{id}",
                    authLevel = AuthorizationLevel.ANONYMOUS)
            HttpRequestMessage<Optional<String>> request,
            @BindingName("id") int id) {
        // TODO 6: Answer 200 with the product (ProductStore.find(id)), or 404 when there is none.
        return todo(request, 6);
    }

    @FunctionName("createProduct")
    public HttpResponseMessage create(
            // TODO 9: Writes need the function key: set authLevel = AuthorizationLevel.FUNCTION.
            @HttpTrigger(name = "req", methods = HttpMethod.POST, route = "products",
                    authLevel = AuthorizationLevel.ANONYMOUS)
            HttpRequestMessage<Optional<ProductInput>> request) {
        ProductInput input = request.getBody().orElse(new ProductInput());

        // TODO 4: If input.problems() is not empty, answer 400 with all of them (see badRequest below).

        // TODO 3: Store the product (ProductStore.add(input)) and answer 201 (HttpStatus.CREATED)
        //         with the product as the body and a Location header "/api/products/<id>".
        return todo(request, 3);
    }

    @FunctionName("updateProduct")
    public HttpResponseMessage update(
            // TODO 9: Writes need the function key: set authLevel = AuthorizationLevel.FUNCTION.
            @HttpTrigger(name = "req", methods = HttpMethod.PUT, route = "products/{id:int}",
                    authLevel = AuthorizationLevel.ANONYMOUS)
            HttpRequestMessage<Optional<ProductInput>> request,
            @BindingName("id") int id) {
        // TODO 7: Validate like create, then ProductStore.replace(id, input): 200 with the new
        //         product, or 404 when there is no product with that id.
        return todo(request, 7);
    }

    @FunctionName("deleteProduct")
    public HttpResponseMessage delete(
            // TODO 9: Writes need the function key: set authLevel = AuthorizationLevel.FUNCTION.
            @HttpTrigger(name = "req", methods = HttpMethod.DELETE, route = "products/{id:int}",
                    authLevel = AuthorizationLevel.ANONYMOUS)
            HttpRequestMessage<Optional<String>> request,
            @BindingName("id") int id) {
        // TODO 8: ProductStore.remove(id): answer 204 (HttpStatus.NO_CONTENT) with no body, or 404.
        return todo(request, 8);
    }

    private static HttpResponseMessage badRequest(HttpRequestMessage<?> request, List<String> problems) {
        return request.createResponseBuilder(HttpStatus.BAD_REQUEST)
                .body(Map.of("errors", problems))
                .build();
    }

    private static HttpResponseMessage notFound(HttpRequestMessage<?> request, int id) {
        return request.createResponseBuilder(HttpStatus.NOT_FOUND)
                .body(Map.of("error", "no product with id " + id))
                .build();
    }

    /** What an unfinished step answers: 501 Not Implemented, naming the step. */
    private static HttpResponseMessage todo(HttpRequestMessage<?> request, int step) {
        return request.createResponseBuilder(HttpStatus.NOT_IMPLEMENTED)
                .body("TODO " + step + ": not written yet (labs/lab1-http-api/README.md (한국어: README.ko.md), step " + step + ")")
                .build();
    }
}
