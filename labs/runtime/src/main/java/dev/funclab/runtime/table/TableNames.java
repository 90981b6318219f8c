package dev.funclab.runtime.table;

import java.util.regex.Pattern;

/** Azure's rule for table names, checked at start-up. */
final class TableNames {

    private static final Pattern TABLE = Pattern.compile("[A-Za-z][A-Za-z0-9]{2,62}");

    private TableNames() {
    }

    static String problemWith(String name) {
        if (name.contains("{") || TABLE.matcher(name).matches()) {
            return null;
        }
        return "'" + name + "' is not a valid table name: use 3 to 63 letters and digits, starting with a letter";
    }
}
