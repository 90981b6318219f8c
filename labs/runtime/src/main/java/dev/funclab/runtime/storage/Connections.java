package dev.funclab.runtime.storage;

import com.microsoft.azure.functions.annotation.StorageAccount;
import dev.funclab.runtime.function.FunctionSignature;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;

/** Which connection a storage binding uses, and its check at start-up. */
public final class Connections {

    private Connections() {
    }

    /**
     * The binding's {@code connection}, else {@code @StorageAccount} on the method, then on its
     * class, else {@code AzureWebJobsStorage}: resolved now, so a missing setting stops the host.
     */
    public static String resolve(StorageAccounts storage, FunctionSignature signature, Parameter parameter, String connection) {
        String name = connection;
        Method method = signature.method();
        if (name == null || name.isBlank()) {
            StorageAccount account = method.getAnnotation(StorageAccount.class);
            if (account == null) {
                account = method.getDeclaringClass().getAnnotation(StorageAccount.class);
            }
            name = account == null ? StorageAccounts.DEFAULT_CONNECTION : account.value();
        }
        try {
            storage.connectionString(name);
        } catch (IllegalArgumentException e) {
            throw signature.problem(parameter, e.getMessage());
        }
        return name;
    }
}
