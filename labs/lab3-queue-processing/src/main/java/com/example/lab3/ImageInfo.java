package com.example.lab3;

/** What the analysis finds out about one image; written as JSON to image-info/{blobName}.json. */
public class ImageInfo {

    String blobName;
    String format;
    int width;
    int height;
    long byteSize;
    String orientation;
    String averageColor;
    int brightness;

    public String getBlobName() {
        return blobName;
    }

    public String getFormat() {
        return format;
    }

    public int getWidth() {
        return width;
    }

    public int getHeight() {
        return height;
    }

    public long getByteSize() {
        return byteSize;
    }
}
