package com.example.lab1;

/** The JSON body of a greeting request: {"name": "Kim"}. */
public class HelloRequest {

    private String name;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
