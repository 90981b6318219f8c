package com.example.lab3;

/** A message on the vision-info queue: {"blobName": "cat.jpg"} asks for images/cat.jpg to be analysed. */
public class VisionRequest {

    private String blobName;

    public String getBlobName() {
        return blobName;
    }
}
