package dev.funclab.runtime.function;

import com.microsoft.azure.functions.annotation.FunctionName;
import dev.funclab.runtime.app.AppLoadException;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the public methods annotated {@code @FunctionName} in an app's own code (class folders and
 * jars, not its libraries), as the Azure Functions Maven plugin does when it writes function.json.
 * Functions are found by the annotation only, never by method name.
 */
public final class FunctionScanner {

    private final ClassLoader appLoader;
    private final Consumer<String> linkErrors;

    /** {@code linkErrors} hears of every class of the app's code that cannot be loaded (a missing library). */
    public FunctionScanner(ClassLoader appLoader, Consumer<String> linkErrors) {
        this.appLoader = appLoader;
        this.linkErrors = linkErrors;
    }

    public List<Method> scan(List<Path> functionCode) {
        List<Method> functions = new ArrayList<>();
        for (String className : classNames(functionCode)) {
            Class<?> type;
            try {
                type = Class.forName(className, false, appLoader);
            } catch (ClassNotFoundException | LinkageError e) {
                linkErrors.accept(cannotLoad(className, e));
                continue;
            }
            for (Method method : methodsOf(type, className)) {
                if (method.isAnnotationPresent(FunctionName.class) && method.getDeclaringClass() == type) {
                    functions.add(method);
                }
            }
        }
        functions.sort(Comparator.comparing(m -> m.getAnnotation(FunctionName.class).value()));
        return functions;
    }

    private Method[] methodsOf(Class<?> type, String className) {
        try {
            return type.getMethods();
        } catch (LinkageError e) {
            linkErrors.accept(cannotLoad(className, e));
            return new Method[0];
        }
    }

    private static String cannotLoad(String className, Throwable e) {
        return "class " + className + " cannot be loaded, so no function in it runs: " + e
                + ". Put the library it needs in the app's lib folder (azure-functions:package copies the app's "
                + "dependencies there; in a Maven project, declare it as a dependency).";
    }

    private static List<String> classNames(List<Path> functionCode) {
        List<String> names = new ArrayList<>();
        for (Path location : functionCode) {
            try {
                if (Files.isDirectory(location)) {
                    try (Stream<Path> files = Files.walk(location)) {
                        files.filter(FunctionScanner::isClassFile)
                                .map(f -> toClassName(location.relativize(f).toString()))
                                .forEach(names::add);
                    }
                } else {
                    try (JarFile jar = new JarFile(location.toFile())) {
                        jar.stream().map(entry -> entry.getName())
                                .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class"))
                                .map(FunctionScanner::toClassName)
                                .forEach(names::add);
                    }
                }
            } catch (IOException e) {
                throw new AppLoadException("Cannot read function code in " + location + ": " + e.getMessage(), e);
            }
        }
        return names;
    }

    private static boolean isClassFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".class") && !name.equals("module-info.class") && !name.equals("package-info.class");
    }

    private static String toClassName(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('\\', '/').replace('/', '.');
    }
}
