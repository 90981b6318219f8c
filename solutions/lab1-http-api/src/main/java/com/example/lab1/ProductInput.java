package com.example.lab1;

import java.util.ArrayList;
import java.util.List;

/**
 * What a client sends to create or update a product. Fields are objects, not primitives,
 * so that a missing field arrives as null and can be reported.
 */
public class ProductInput {

    private String name;
    private Double price;
    private Integer stock;

    public String getName() {
        return name;
    }

    public Double getPrice() {
        return price;
    }

    public Integer getStock() {
        return stock;
    }

    /** Every problem with this input, one sentence per field; empty when it is valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add("name is required");
        } else if (name.length() > 100) {
            problems.add("name must be at most 100 characters");
        }
        if (price == null) {
            problems.add("price is required");
        } else if (price < 0) {
            problems.add("price must be 0 or more");
        }
        if (stock != null && stock < 0) {
            problems.add("stock must be 0 or more");
        }
        return problems;
    }

    public Product toProduct(int id) {
        return new Product(id, name.strip(), price, stock == null ? 0 : stock);
    }
}
