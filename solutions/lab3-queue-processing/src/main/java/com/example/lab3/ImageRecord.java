package com.example.lab3;

/**
 * One row of the ImageInfo table. Table rows need a PartitionKey and a RowKey; all images share a
 * partition, and the blob name (made safe for a key) is the row.
 */
public class ImageRecord {

    static final String PARTITION = "images";

    String PartitionKey;
    String RowKey;
    String blobName;
    String format;
    int width;
    int height;
    long byteSize;
    String averageColor;

    static ImageRecord of(ImageInfo info) {
        ImageRecord record = new ImageRecord();
        record.PartitionKey = PARTITION;
        record.RowKey = rowKey(info.blobName);
        record.blobName = info.blobName;
        record.format = info.format;
        record.width = info.width;
        record.height = info.height;
        record.byteSize = info.byteSize;
        record.averageColor = info.averageColor;
        return record;
    }

    /** Row keys may not hold / \ # ? or control characters. */
    static String rowKey(String blobName) {
        return blobName.replaceAll("[/\\\\#?\\p{Cntrl}]", "_");
    }

    public String getFormat() {
        return format;
    }

    public long getByteSize() {
        return byteSize;
    }

    public int getWidth() {
        return width;
    }

    public int getHeight() {
        return height;
    }
}
