package dev.funclab.runtime.function;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** What one output value holds, as the Functions collectors take it: each element of a list or array is one item. */
public final class OutputValues {

    private OutputValues() {
    }

    /** The elements of a collection or an array (a {@code byte[]} is one item), else the value itself. */
    public static List<Object> items(Object value) {
        List<Object> items = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            items.addAll(collection);
        } else if (value.getClass().isArray() && value.getClass() != byte[].class) {
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(Array.get(value, i));
            }
        } else {
            items.add(value);
        }
        return items;
    }
}
