package dev.funclab.runtime;

import dev.funclab.runtime.function.FunctionConfigurationException;
import dev.funclab.runtime.log.HostLog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A function the host cannot run stops the host at start-up, and the message says where and why. */
class StartupErrorsTest {

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unsupported | Function 'changes' | uses @CosmosDBTrigger, which this host does not run",
            "unannotated | parameter 'stray' | has no binding annotation",
            "twotriggers | parameter 'b' | is a second trigger",
            "notrigger   | Function 'idle' | has no trigger",
            "duplicate   | Two functions are named | must be unique",
            "badroute    | route 'things/{id:integer}' is not valid | not a route constraint",
            "badoutput   | parameter 'response' | needs the type OutputBinding<T>",
            "conflict    | Functions 'first' and 'second' both answer [GET] | Give them different routes",
            "noconnection | parameter 'message' | the storage connection 'OrdersStorage' names no app setting",
            "badqueue    | parameter 'message' | 'Orders_Queue' is not a valid queue name",
            "badschedule | parameter 'timer' | is not an NCRONTAB schedule: write six fields",
    })
    void badFunctionsStopTheHostWithAClearMessage(String fixture, String where, String why) throws Exception {
        Path app = TestApps.packaged(folder.resolve(fixture), "fixtures.broken." + fixture);
        HostOptions options = HostOptions.forApp(app).withPort(0).withEnvironment(Map.of());
        HostLog log = new HostLog(new PrintStream(new ByteArrayOutputStream()));
        assertThatThrownBy(() -> FunctionHost.start(options, log).close())
                .isInstanceOf(FunctionConfigurationException.class)
                .hasMessageContaining("The host cannot start")
                .hasMessageContaining(where)
                .hasMessageContaining(why);
    }
}
