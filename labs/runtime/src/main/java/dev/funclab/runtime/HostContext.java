package dev.funclab.runtime;

import dev.funclab.runtime.app.AppSettings;
import dev.funclab.runtime.app.HostJson;
import dev.funclab.runtime.log.HostLog;
import dev.funclab.runtime.storage.StorageAccounts;
import dev.funclab.runtime.storage.WakeUps;

/**
 * What trigger and binding kinds may use from the host: settings, storage, the console, and the
 * wake-up calls that let a write by one function reach another function's listener at once.
 *
 * @param hostId the host's id, as in blob receipts; from the app's folder name
 */
public record HostContext(String hostId, AppSettings settings, HostJson hostJson, StorageAccounts storage, HostLog log,
                          WakeUps wakeUps) {
}
