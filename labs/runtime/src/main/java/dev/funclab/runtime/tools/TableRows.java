package dev.funclab.runtime.tools;

import com.azure.core.exception.HttpResponseException;
import com.azure.data.tables.TableClient;
import com.azure.data.tables.TableServiceClientBuilder;
import com.azure.data.tables.models.ListEntitiesOptions;
import com.azure.data.tables.models.TableEntity;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.funclab.runtime.convert.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/** {@code scripts/storage rows TABLE [PARTITION]}: a table's rows, one JSON object a line, keys first. */
@Command(name = "rows", description = "Shows the rows of a table (up to 1000), or of one partition of it.")
final class TableRows implements Callable<Integer> {

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{2,62}");
    private static final int MAX_ROWS = 1000;

    @Parameters(index = "0", paramLabel = "TABLE", description = "the table, for example ImageInfo") String table;
    @Parameters(index = "1", paramLabel = "PARTITION", arity = "0..1",
            description = "only the rows with this PartitionKey, for example images") String partition;

    @Override
    public Integer call() {
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("'" + table + "' is not a table name: tables have 3 to 63 letters and digits, "
                    + "starting with a letter");
        }
        TableClient client = new TableServiceClientBuilder().connectionString(StorageTool.connectionString()).buildClient()
                .getTableClient(table);
        ListEntitiesOptions options = new ListEntitiesOptions();
        if (partition != null) {
            options.setFilter("PartitionKey eq '" + partition.replace("'", "''") + "'");
        }
        int count = 0;
        try {
            for (TableEntity entity : client.listEntities(options, null, null)) {
                if (count == MAX_ROWS) {
                    System.out.println("(more rows not shown)");
                    break;
                }
                System.out.println(line(entity));
                count++;
            }
        } catch (HttpResponseException e) {
            if (e.getResponse() == null || e.getResponse().getStatusCode() != 404) {
                throw e;
            }
            System.out.println("(no table '" + table + "' yet: nothing has written a row to it)");
            return 0;
        }
        String where = partition == null ? "table '" + table + "'" : "partition '" + partition + "' of table '" + table + "'";
        System.out.println(count == 0 ? "(" + where + " has no rows)" : "(" + count + (count == 1 ? " row" : " rows") + " in " + where + ")");
        return 0;
    }

    private static String line(TableEntity entity) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("PartitionKey", entity.getPartitionKey());
        json.put("RowKey", entity.getRowKey());
        Map<String, Object> properties = new TreeMap<>(entity.getProperties());
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            String name = property.getKey();
            if (name.startsWith("odata.") || name.contains("@odata.") // type annotations, not properties
                    || name.equals("PartitionKey") || name.equals("RowKey") || name.equals("Timestamp")) {
                continue;
            }
            Object value = property.getValue();
            json.set(name, value instanceof OffsetDateTime || value instanceof java.util.UUID
                    ? Json.MAPPER.getNodeFactory().textNode(String.valueOf(value)) : Json.MAPPER.valueToTree(value));
        }
        if (entity.getTimestamp() != null) {
            json.put("Timestamp", entity.getTimestamp().toString());
        }
        return json.toString();
    }
}
