package poolapps.stuck;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;

import java.util.Optional;

/** An app for the host pool's tests: a call that ignores being asked to stop. */
public class App {

    @FunctionName("stuck")
    public String stuck(@HttpTrigger(name = "req", methods = HttpMethod.GET, authLevel = AuthorizationLevel.ANONYMOUS)
                        HttpRequestMessage<Optional<String>> request) {
        long end = System.nanoTime() + 8_000_000_000L; // longer than the host waits for calls to end (5 s)
        while (System.nanoTime() < end) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException ignored) {
                // on purpose: this call does not stop
            }
        }
        return "finally";
    }
}
