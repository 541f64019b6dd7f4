package org.pagewalk.conformance;

/** A number from a system property (the long runs' -D options), or the CI run's when it is unset or empty. */
final class TestProperty {
    private TestProperty() {
    }

    static long longValue(String name, long ciValue) {
        String s = System.getProperty(name);
        return s == null || s.isEmpty() ? ciValue : Long.parseLong(s);
    }
}
