package com.example.lab3;

import java.util.Map;
import java.util.TreeMap;

/** The daily summary: how many images, how many bytes, which formats, their average size. */
public class Summary {

    int count;
    long totalBytes;
    Map<String, Integer> formats = new TreeMap<>();
    int averageWidth;
    int averageHeight;

    static Summary of(ImageRecord[] records) {
        Summary summary = new Summary();
        long width = 0;
        long height = 0;
        for (ImageRecord record : records) {
            summary.count++;
            summary.totalBytes += record.getByteSize();
            summary.formats.merge(record.getFormat(), 1, Integer::sum);
            width += record.getWidth();
            height += record.getHeight();
        }
        if (summary.count > 0) {
            summary.averageWidth = (int) (width / summary.count);
            summary.averageHeight = (int) (height / summary.count);
        }
        return summary;
    }
}
