package nl.koers.server.report;

import java.time.LocalDate;
import java.util.Locale;

/** A calendar quarter: {@code 2021-K1} in Dutch, {@code 2021-Q1} in English. */
record Quarter(int year, int number) implements Comparable<Quarter> {

    static Quarter of(LocalDate date) {
        return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    LocalDate start() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    LocalDate end() {
        return next().start().minusDays(1);
    }

    Quarter next() {
        return number == 4 ? new Quarter(year + 1, 1) : new Quarter(year, number + 1);
    }

    /** A stable key independent of language. */
    String key() {
        return year + "-Q" + number;
    }

    String label(Locale locale) {
        return year + ("nl".equals(locale.getLanguage()) ? "-K" : "-Q") + number;
    }

    @Override
    public int compareTo(Quarter other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(number, other.number);
    }
}
