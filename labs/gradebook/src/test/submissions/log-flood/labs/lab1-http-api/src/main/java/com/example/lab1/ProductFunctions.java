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
 */
public class ProductFunctions {

    @FunctionName("listProducts")
    public List<Product> list(
            @HttpTrigger(name = "req", methods = HttpMethod.GET, route = "products",
                    authLevel = AuthorizationLevel.ANONYMOUS)
            HttpRequestMessage<Optional<String>> request) {
        return ProductStore.all();
    }

    @FunctionName("getProduct")
    public HttpResponseMessage get(
            @HttpTrigger(name = "req", methods = HttpMethod.GET, route = "products/{id:int}",
                    authLevel = AuthorizationLevel.ANONYMOUS)
            HttpRequestMessage<Optional<String>> request,
            @BindingName("id") int id) {
        return ProductStore.find(id)
                .map(product -> request.createResponseBuilder(HttpStatus.OK).body(product).build())
                .orElseGet(() -> notFound(request, id));
    }

    @FunctionName("createProduct")
    public HttpResponseMessage create(
            @HttpTrigger(name = "req", methods = HttpMethod.POST, route = "products",
                    authLevel = AuthorizationLevel.FUNCTION)
            HttpRequestMessage<Optional<ProductInput>> request) {
        ProductInput input = request.getBody().orElse(new ProductInput());
        List<String> problems = input.problems();
        if (!problems.isEmpty()) {
            return badRequest(request, problems);
        }
        Product product = ProductStore.add(input);
        return request.createResponseBuilder(HttpStatus.CREATED)
                .header("Location", "/api/products/" + product.getId())
                .body(product)
                .build();
    }

    @FunctionName("updateProduct")
    public HttpResponseMessage update(
            @HttpTrigger(name = "req", methods = HttpMethod.PUT, route = "products/{id:int}",
                    authLevel = AuthorizationLevel.FUNCTION)
            HttpRequestMessage<Optional<ProductInput>> request,
            @BindingName("id") int id) {
        ProductInput input = request.getBody().orElse(new ProductInput());
        List<String> problems = input.problems();
        if (!problems.isEmpty()) {
            return badRequest(request, problems);
        }
        return ProductStore.replace(id, input)
                .map(product -> request.createResponseBuilder(HttpStatus.OK).body(product).build())
                .orElseGet(() -> notFound(request, id));
    }

    @FunctionName("deleteProduct")
    public HttpResponseMessage delete(
            @HttpTrigger(name = "req", methods = HttpMethod.DELETE, route = "products/{id:int}",
                    authLevel = AuthorizationLevel.FUNCTION)
            HttpRequestMessage<Optional<String>> request,
            @BindingName("id") int id) {
        if (!ProductStore.remove(id)) {
            return notFound(request, id);
        }
        return request.createResponseBuilder(HttpStatus.NO_CONTENT).build();
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
}
