package com.example.lab1;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The catalog, kept in memory. The host makes a new function object for every request, so the
 * data lives in a static field; a real app would use a database or Table storage (Lab 3).
 */
public final class ProductStore {

    private static final Map<Integer, Product> PRODUCTS = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT_ID = new AtomicInteger(1);

    private ProductStore() {
    }

    public static List<Product> all() {
        return PRODUCTS.values().stream().sorted(Comparator.comparingInt(Product::getId)).toList();
    }

    public static Optional<Product> find(int id) {
        return Optional.ofNullable(PRODUCTS.get(id));
    }

    public static Product add(ProductInput input) {
        Product product = input.toProduct(NEXT_ID.getAndIncrement());
        PRODUCTS.put(product.getId(), product);
        return product;
    }

    /** Replaces a product; empty when there is no product with that id. */
    public static Optional<Product> replace(int id, ProductInput input) {
        return Optional.ofNullable(PRODUCTS.computeIfPresent(id, (key, old) -> input.toProduct(id)));
    }

    public static boolean remove(int id) {
        return PRODUCTS.remove(id) != null;
    }
}
