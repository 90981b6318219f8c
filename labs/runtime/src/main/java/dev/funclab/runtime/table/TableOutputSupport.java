package dev.funclab.runtime.table;

import com.azure.data.tables.TableClient;
import com.azure.data.tables.models.TableEntityUpdateMode;
import com.microsoft.azure.functions.annotation.TableOutput;
import dev.funclab.runtime.HostContext;
import dev.funclab.runtime.function.FunctionSignature;
import dev.funclab.runtime.function.OutputSupport;
import dev.funclab.runtime.function.OutputValues;
import dev.funclab.runtime.function.OutputWriter;
import dev.funclab.runtime.storage.BindingTemplate;
import dev.funclab.runtime.storage.Connections;


/**
 * {@code @TableOutput}: each POJO (or each element of a list or array) becomes an entity, written
 * with upsert-replace so that processing a message twice gives the same table. The table is created
 * when it does not exist.
 */
public final class TableOutputSupport implements OutputSupport<TableOutput> {

    private final HostContext host;

    public TableOutputSupport(HostContext host) {
        this.host = host;
    }

    @Override
    public Class<TableOutput> annotationType() {
        return TableOutput.class;
    }

    @Override
    public OutputWriter writer(FunctionSignature signature, TableOutput output) {
        String connection = Connections.resolve(host.storage(), signature, null, output.connection());
        BindingTemplate table;
        BindingTemplate partitionKey;
        BindingTemplate rowKey;
        try {
            table = BindingTemplate.parse(output.tableName(), host.settings());
            partitionKey = BindingTemplate.parse(output.partitionKey(), host.settings());
            rowKey = BindingTemplate.parse(output.rowKey(), host.settings());
        } catch (IllegalArgumentException e) {
            throw signature.problem("@TableOutput(name = \"" + output.name() + "\"): " + e.getMessage());
        }
        String problem = TableNames.problemWith(table.toString());
        if (problem != null) {
            throw signature.problem("@TableOutput(name = \"" + output.name() + "\"): " + problem);
        }
        return (invocation, value) -> {
            TableClient client = host.storage().clients(connection).tables().getTableClient(table.resolve(invocation.bindingData()));
            try {
                client.createTable();
            } catch (com.azure.data.tables.models.TableServiceException e) {
                if (e.getResponse() == null || e.getResponse().getStatusCode() != 409) {
                    throw e;
                }
            }
            String partition = output.partitionKey().isBlank() ? null : partitionKey.resolve(invocation.bindingData());
            String row = output.rowKey().isBlank() ? null : rowKey.resolve(invocation.bindingData());
            for (Object item : OutputValues.items(value)) {
                client.upsertEntityWithResponse(TableEntities.toEntity(item, partition, row), TableEntityUpdateMode.REPLACE, null, null);
            }
        };
    }
}
