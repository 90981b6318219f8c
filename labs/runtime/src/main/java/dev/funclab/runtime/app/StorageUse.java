package dev.funclab.runtime.app;

import dev.funclab.runtime.function.FunctionScanner;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** Whether an app's functions use Azure Storage (blob, queue or table bindings), without starting it. */
public final class StorageUse {

    private StorageUse() {
    }

    public static boolean of(Path appFolder) {
        try (FunctionApp app = FunctionApp.load(appFolder, Map.of())) {
            for (Method method : new FunctionScanner(app.classLoader(), warning -> { }).scan(app.functionCode())) {
                Stream<Annotation> annotations = Stream.concat(Stream.of(method.getAnnotations()),
                        Stream.of(method.getParameters()).flatMap(StorageUse::annotationsOf));
                if (annotations.anyMatch(StorageUse::isStorage)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static Stream<Annotation> annotationsOf(Parameter parameter) {
        return Stream.of(parameter.getAnnotations());
    }

    private static boolean isStorage(Annotation annotation) {
        String name = annotation.annotationType().getSimpleName();
        return name.startsWith("Blob") || name.startsWith("Queue") || name.startsWith("Table");
    }
}
