package nl.koers.server.csv;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every CSV file the server hands out, written by FastCSV: UTF-8, lines ended by CR LF, fields
 * quoted where needed, and every field that a spreadsheet would read as a formula neutralised.
 * Build it row by row with {@link #row} and take the bytes with {@link #bytes}.
 */
public final class CsvFile {

    /** What a spreadsheet starts a formula (or a DDE call) with when it leads a cell (OWASP's list). */
    private static final String FORMULA_STARTS = "=+-@\t\r";
    /** A plain number as Koers prints it ({@code -3}, {@code 20,1%}, {@code 1.209}): not a formula. */
    private static final Pattern NUMBER = Pattern.compile("-?\\d[\\d.,]*%?");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CsvWriter writer;

    private CsvFile(char separator, boolean byteOrderMark) {
        if (byteOrderMark) {
            bytes.writeBytes(BOM);
        }
        Writer text = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        writer = CsvWriter.builder().fieldSeparator(separator).lineDelimiter(LineDelimiter.CRLF).build(text);
    }

    /** A file that Dutch Excel opens as it is: a byte-order mark, fields separated by {@code ;}. */
    public static CsvFile dutchExcel() {
        return new CsvFile(';', true);
    }

    /** A plain comma-separated file for scripts: no byte-order mark. */
    public static CsvFile commaSeparated() {
        return new CsvFile(',', false);
    }

    /** One line; an empty list is an empty line. */
    public CsvFile row(List<String> fields) {
        List<String> safe = new ArrayList<>(fields.size());
        fields.forEach(field -> safe.add(neutralised(field)));
        if (safe.isEmpty()) {
            safe.add("");
        }
        writer.writeRecord(safe);
        return this;
    }

    public byte[] bytes() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The field as a spreadsheet must show it: a field that begins like a formula gets a leading
     * apostrophe, so that {@code =HYPERLINK(...)} in a name stays text; plain numbers stay numbers.
     */
    static String neutralised(String field) {
        if (field == null || field.isEmpty()) {
            return field;
        }
        if (FORMULA_STARTS.indexOf(field.charAt(0)) >= 0 && !NUMBER.matcher(field).matches()) {
            return "'" + field;
        }
        return field;
    }
}
