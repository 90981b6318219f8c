package dev.funclab.runtime.table;

import com.azure.data.tables.TableClient;
import com.azure.data.tables.models.ListEntitiesOptions;
import com.azure.data.tables.models.TableEntity;
import com.azure.core.exception.HttpResponseException;
import com.azure.data.tables.models.TableServiceException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.microsoft.azure.functions.annotation.TableInput;
import dev.funclab.runtime.HostContext;
import dev.funclab.runtime.convert.Json;
import dev.funclab.runtime.convert.ValueConverter;
import dev.funclab.runtime.function.ArgumentSource;
import dev.funclab.runtime.function.FunctionSignature;
import dev.funclab.runtime.function.InputSupport;
import dev.funclab.runtime.storage.BindingTemplate;
import dev.funclab.runtime.storage.Connections;

import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.Collection;

/**
 * {@code @TableInput}: with a partition and row key, one entity (null when there is none); else a
 * query ({@code partitionKey}, {@code filter}, {@code take}) as an array or list of POJOs, or as
 * JSON text. Keys and filter may use binding data.
 */
public final class TableInputSupport implements InputSupport<TableInput> {

    private final HostContext host;

    public TableInputSupport(HostContext host) {
        this.host = host;
    }

    @Override
    public Class<TableInput> annotationType() {
        return TableInput.class;
    }

    @Override
    public ArgumentSource argument(FunctionSignature signature, Parameter parameter, TableInput input) {
        String connection = Connections.resolve(host.storage(), signature, parameter, input.connection());
        BindingTemplate table;
        BindingTemplate partitionKey;
        BindingTemplate rowKey;
        BindingTemplate filter;
        int take;
        try {
            table = BindingTemplate.parse(input.tableName(), host.settings());
            partitionKey = BindingTemplate.parse(input.partitionKey(), host.settings());
            rowKey = BindingTemplate.parse(input.rowKey(), host.settings());
            filter = BindingTemplate.parse(input.filter(), host.settings());
            take = input.take().isBlank() ? 0 : Integer.parseInt(input.take().trim());
        } catch (NumberFormatException e) {
            throw signature.problem(parameter, "take must be a whole number, not '" + input.take() + "'");
        } catch (IllegalArgumentException e) {
            throw signature.problem(parameter, e.getMessage());
        }
        String problem = TableNames.problemWith(table.toString());
        if (problem != null) {
            throw signature.problem(parameter, problem);
        }
        Type type = parameter.getParameterizedType();
        Class<?> raw = ValueConverter.rawClass(type);
        boolean single = !input.rowKey().isBlank();
        if (!single && !(raw.isArray() || Collection.class.isAssignableFrom(raw) || raw == String.class)) {
            throw signature.problem(parameter, "without a rowKey, @TableInput reads many entities: declare an array, "
                    + "a List or a String, not " + type.getTypeName());
        }
        return invocation -> {
            TableClient client = host.storage().clients(connection).tables().getTableClient(table.resolve(invocation.bindingData()));
            if (single) {
                try {
                    TableEntity entity = client.getEntity(partitionKey.resolve(invocation.bindingData()), rowKey.resolve(invocation.bindingData()));
                    return ValueConverter.convert(TableEntities.toJson(entity).toString(), type);
                } catch (TableServiceException e) {
                    if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
                        return null;
                    }
                    throw e;
                }
            }
            ListEntitiesOptions options = new ListEntitiesOptions();
            // Bound values become string literals of the filter: quoted, as the Tables extension quotes them.
            String query = query(partitionKey.resolve(invocation.bindingData()),
                    filter.resolve(invocation.bindingData(), value -> value.replace("'", "''")));
            if (!query.isEmpty()) {
                options.setFilter(query);
            }
            ArrayNode entities = Json.MAPPER.createArrayNode();
            try {
                for (TableEntity entity : client.listEntities(options, null, null)) {
                    entities.add(TableEntities.toJson(entity));
                    if (take > 0 && entities.size() >= take) {
                        break;
                    }
                }
            } catch (HttpResponseException e) {
                if (e.getResponse() == null || e.getResponse().getStatusCode() != 404) {
                    throw e;
                }
                // Azure's Tables extension fails here too: reading many rows does not create the table.
                throw new IllegalStateException("TableNotFound: table '" + client.getTableName() + "' does not exist yet. "
                        + "A @TableInput that reads many rows does not create it (nor does Azure); it exists once an "
                        + "output binding has written a row, or create it when you deploy.", e);
            }
            return ValueConverter.convert(entities.toString(), type);
        };
    }

    private static String query(String partitionKey, String filter) {
        String byPartition = partitionKey.isEmpty() ? "" : "PartitionKey eq '" + partitionKey.replace("'", "''") + "'";
        if (byPartition.isEmpty()) {
            return filter;
        }
        return filter.isEmpty() ? byPartition : "(" + byPartition + ") and (" + filter + ")";
    }
}
