package com.example.lab4;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.annotation.TableInput;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The run history, like the run view of the Logic Apps designer: what happened to each message,
 * step by step, read back from table VoiceMessages.
 */
public class RunHistory {

    private static final int RECENT = 20;
    /** The steps of a run, in the order a message goes through them. */
    private static final List<String> STEPS = List.of("received", RunStep.SYNTHESIZED, RunStep.MAILED);

    /** {@code GET /api/runs/{mid}}: the steps of one message's run. */
    @FunctionName("getRun")
    public HttpResponseMessage get(
            @HttpTrigger(name = "req", methods = HttpMethod.GET, route = "runs/{mid}",
                    authLevel = AuthorizationLevel.FUNCTION) HttpRequestMessage<Optional<String>> request,
            @TableInput(name = "steps", tableName = "VoiceMessages", partitionKey = "{mid}",
                    connection = "AzureWebJobsStorage") RunStep[] steps) {
        if (steps.length == 0) {
            return request.createResponseBuilder(HttpStatus.NOT_FOUND).body("No message with that mid has been received").build();
        }
        return request.createResponseBuilder(HttpStatus.OK).body(Run.of(Arrays.asList(steps))).build();
    }

    /** {@code GET /api/runs}: the most recent runs, newest first. */
    @FunctionName("listRuns")
    public List<Run> list(
            @HttpTrigger(name = "req", methods = HttpMethod.GET, route = "runs",
                    authLevel = AuthorizationLevel.FUNCTION) HttpRequestMessage<Optional<String>> request,
            @TableInput(name = "steps", tableName = "VoiceMessages", take = "1000",
                    connection = "AzureWebJobsStorage") RunStep[] steps) {
        Map<String, List<RunStep>> byMessage = Arrays.stream(steps)
                .collect(Collectors.groupingBy(step -> step.PartitionKey, LinkedHashMap::new, Collectors.toList()));
        return byMessage.values().stream().map(Run::of)
                .sorted(Comparator.comparing((Run run) -> run.updatedAt).reversed())
                .limit(RECENT).toList();
    }

    /** One message's run: its steps in order, and how far it got. */
    public static class Run {
        public String mid;
        /** {@code received}, {@code synthesized} or {@code mailed}: the furthest step reached (a redelivery comes later, not further). */
        public String status;
        public String updatedAt;
        public List<Step> steps = new ArrayList<>();

        static Run of(List<RunStep> rows) {
            Run run = new Run();
            run.mid = rows.get(0).PartitionKey;
            rows.stream().sorted(Comparator.comparing((RunStep row) -> row.at)).forEach(row -> {
                Step step = new Step();
                step.step = row.name();
                step.at = row.at;
                step.outcome = row.outcome;
                step.detail = row.detail;
                run.steps.add(step);
                if (run.status == null || STEPS.indexOf(step.step) > STEPS.indexOf(run.status)) {
                    run.status = step.step;
                }
                run.updatedAt = row.at;
            });
            return run;
        }
    }

    public static class Step {
        public String step;
        public String at;
        public String outcome;
        public String detail;
    }
}
