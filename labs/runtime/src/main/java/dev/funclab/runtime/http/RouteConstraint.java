package dev.funclab.runtime.http;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One ASP.NET Core route constraint, such as {@code int}, {@code alpha} or {@code range(1,10)}. */
record RouteConstraint(String text, Predicate<String> test) {

    private static final Pattern CALL = Pattern.compile("([a-zA-Z]+)(?:\\((.*)\\))?", Pattern.DOTALL);

    boolean accepts(String value) {
        return test.test(value);
    }

    static RouteConstraint parse(String text) {
        Matcher call = CALL.matcher(text);
        if (!call.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a route constraint");
        }
        String name = call.group(1).toLowerCase();
        String args = call.group(2);
        Predicate<String> test = switch (name) {
            case "int" -> v -> parses(() -> Integer.parseInt(v));
            case "long" -> v -> parses(() -> Long.parseLong(v));
            case "float" -> v -> parses(() -> Float.parseFloat(v)) && isNumberText(v);
            case "double" -> v -> parses(() -> Double.parseDouble(v)) && isNumberText(v);
            case "decimal" -> v -> parses(() -> new BigDecimal(v));
            case "bool" -> v -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
            case "guid" -> v -> v.length() == 36 && parses(() -> UUID.fromString(v));
            case "datetime" -> RouteConstraint::isDateTime;
            case "alpha" -> v -> v.matches("[A-Za-z]+");
            case "required" -> v -> !v.isEmpty();
            case "minlength" -> atLeast(intArg(text, args));
            case "maxlength" -> atMost(intArg(text, args));
            case "length" -> length(text, args);
            case "min" -> numberFrom(longArg(text, args), Long.MAX_VALUE);
            case "max" -> numberFrom(Long.MIN_VALUE, longArg(text, args));
            case "range" -> range(text, args);
            case "regex" -> regex(text, args);
            default -> throw new IllegalArgumentException("'" + text + "' is not a route constraint this host knows; use one of "
                    + "int, long, float, double, decimal, bool, guid, datetime, alpha, required, minlength(n), "
                    + "maxlength(n), length(n) or length(min,max), min(n), max(n), range(min,max), regex(expression)");
        };
        return new RouteConstraint(text, test);
    }

    private static Predicate<String> length(String text, String args) {
        String[] parts = required(text, args).split(",");
        if (parts.length == 1) {
            int exact = intArg(text, parts[0]);
            return v -> v.length() == exact;
        }
        int min = intArg(text, parts[0]);
        int max = intArg(text, parts[1]);
        return v -> v.length() >= min && v.length() <= max;
    }

    private static Predicate<String> range(String text, String args) {
        String[] parts = required(text, args).split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + text + "' needs two numbers: range(min,max)");
        }
        return numberFrom(longArg(text, parts[0]), longArg(text, parts[1]));
    }

    private static Predicate<String> atLeast(int length) {
        return v -> v.length() >= length;
    }

    private static Predicate<String> atMost(int length) {
        return v -> v.length() <= length;
    }

    private static Predicate<String> numberFrom(long min, long max) {
        return v -> parses(() -> Long.parseLong(v)) && Long.parseLong(v) >= min && Long.parseLong(v) <= max;
    }

    private static Predicate<String> regex(String text, String args) {
        // ASP.NET regex constraints ignore case and match anywhere unless anchored.
        // Braces are doubled inside a route template: {{2}} means {2}.
        String expression = required(text, args).replace("{{", "{").replace("}}", "}");
        Pattern pattern = Pattern.compile(expression, Pattern.CASE_INSENSITIVE);
        return v -> pattern.matcher(v).find();
    }

    private static boolean isDateTime(String value) {
        return parses(() -> OffsetDateTime.parse(value)) || parses(() -> LocalDateTime.parse(value))
                || parses(() -> LocalDate.parse(value));
    }

    private static boolean isNumberText(String value) {
        return !value.isEmpty() && !Character.isLetter(value.charAt(value.length() - 1));
    }

    private static String required(String text, String args) {
        if (args == null || args.isBlank()) {
            throw new IllegalArgumentException("'" + text + "' needs an argument in parentheses");
        }
        return args;
    }

    private static int intArg(String text, String args) {
        return (int) longArg(text, args);
    }

    private static long longArg(String text, String args) {
        try {
            return Long.parseLong(required(text, args).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' needs a whole number, not '" + args + "'");
        }
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException | IllegalArgumentException | ArithmeticException e) {
            return false;
        }
    }
}
