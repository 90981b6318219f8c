package dev.funclab.runtime.table;

import com.azure.data.tables.models.TableEntity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.funclab.runtime.convert.Json;
import dev.funclab.runtime.convert.PojoJson;

import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.Map;

/**
 * Table entities and the POJOs functions use, converted as the Functions Tables extension does:
 * a POJO's fields become properties, {@code PartitionKey} and {@code RowKey} among them.
 */
final class TableEntities {

    static final String PARTITION_KEY = "PartitionKey";
    static final String ROW_KEY = "RowKey";

    private TableEntities() {
    }

    /** An entity as JSON: its properties, {@code PartitionKey}, {@code RowKey} and {@code Timestamp}. */
    static ObjectNode toJson(TableEntity entity) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put(PARTITION_KEY, entity.getPartitionKey());
        json.put(ROW_KEY, entity.getRowKey());
        if (entity.getTimestamp() != null) {
            json.put("Timestamp", entity.getTimestamp().toString());
        }
        for (Map.Entry<String, Object> property : entity.getProperties().entrySet()) {
            String name = property.getKey();
            if (name.startsWith("odata.") || name.equals(PARTITION_KEY) || name.equals(ROW_KEY) || name.equals("Timestamp")) {
                continue;
            }
            Object value = property.getValue();
            json.set(name, value instanceof OffsetDateTime || value instanceof java.util.UUID
                    ? Json.MAPPER.getNodeFactory().textNode(value.toString()) : Json.MAPPER.valueToTree(value));
        }
        return json;
    }

    /**
     * A POJO (or map) as an entity. Keys come from its {@code PartitionKey}/{@code RowKey} fields, or
     * from the binding when it names them.
     *
     * @throws IllegalArgumentException when the keys are missing
     */
    static TableEntity toEntity(Object value, String partitionKey, String rowKey) {
        JsonNode json = PojoJson.tree(value);
        if (!json.isObject()) {
            throw new IllegalArgumentException("a table output value must be an object with PartitionKey and RowKey, not "
                    + json.getNodeType());
        }
        String partition = partitionKey != null ? partitionKey : textOf(json, PARTITION_KEY);
        String row = rowKey != null ? rowKey : textOf(json, ROW_KEY);
        if (partition == null || row == null) {
            throw new IllegalArgumentException(value.getClass().getSimpleName() + " has no " + (partition == null ? PARTITION_KEY : ROW_KEY)
                    + "; give it a field of that name or set partitionKey/rowKey on @TableOutput");
        }
        TableEntity entity = new TableEntity(partition, row);
        Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (name.equals(PARTITION_KEY) || name.equals(ROW_KEY) || name.equals("Timestamp") || field.getValue().isNull()) {
                continue;
            }
            entity.addProperty(name, propertyValue(field.getValue()));
        }
        return entity;
    }

    private static Object propertyValue(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isInt()) {
            return node.asInt();
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        return node.toString(); // nested objects and arrays are kept as JSON text
    }

    private static String textOf(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
