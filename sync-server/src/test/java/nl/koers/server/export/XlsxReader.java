package nl.koers.server.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * An XLSX reader independent of the library that writes the exports: the JDK's zip and XML
 * parsers over the OOXML parts. Gives each sheet (by name) as rows of cell texts; numbers as
 * stored ({@code 0.201}), shared and inline strings resolved.
 */
public final class XlsxReader {

    private XlsxReader() {
    }

    public static Map<String, List<List<String>>> read(byte[] xlsx) throws Exception {
        Map<String, byte[]> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                parts.put(entry.getName(), zip.readAllBytes());
            }
        }
        List<String> shared = new ArrayList<>();
        if (parts.containsKey("xl/sharedStrings.xml")) {
            NodeList items = xml(parts.get("xl/sharedStrings.xml")).getElementsByTagName("si");
            for (int i = 0; i < items.getLength(); i++) {
                shared.add(items.item(i).getTextContent());
            }
        }
        Map<String, String> targets = new HashMap<>();
        NodeList rels = xml(parts.get("xl/_rels/workbook.xml.rels")).getElementsByTagName("Relationship");
        for (int i = 0; i < rels.getLength(); i++) {
            Element rel = (Element) rels.item(i);
            targets.put(rel.getAttribute("Id"), "xl/" + rel.getAttribute("Target").replaceFirst("^/xl/", ""));
        }
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        NodeList sheetList = xml(parts.get("xl/workbook.xml")).getElementsByTagName("sheet");
        for (int i = 0; i < sheetList.getLength(); i++) {
            Element sheet = (Element) sheetList.item(i);
            byte[] part = parts.get(targets.get(sheet.getAttribute("r:id")));
            sheets.put(sheet.getAttribute("name"), rows(xml(part), shared));
        }
        return sheets;
    }

    private static List<List<String>> rows(Document sheet, List<String> shared) {
        List<List<String>> rows = new ArrayList<>();
        NodeList rowNodes = sheet.getElementsByTagName("row");
        for (int r = 0; r < rowNodes.getLength(); r++) {
            List<String> row = new ArrayList<>();
            NodeList cells = ((Element) rowNodes.item(r)).getElementsByTagName("c");
            for (int c = 0; c < cells.getLength(); c++) {
                Element cell = (Element) cells.item(c);
                int column = column(cell.getAttribute("r"));
                while (row.size() < column) {
                    row.add("");
                }
                String type = cell.getAttribute("t");
                NodeList v = cell.getElementsByTagName("v");
                String value = v.getLength() == 0 ? cell.getTextContent() : v.item(0).getTextContent();
                row.add("s".equals(type) ? shared.get(Integer.parseInt(value)) : value);
            }
            rows.add(row);
        }
        return rows;
    }

    private static int column(String reference) {
        int column = 0;
        for (char ch : reference.toCharArray()) {
            if (Character.isLetter(ch)) {
                column = column * 26 + (ch - 'A' + 1);
            }
        }
        return column - 1;
    }

    private static Document xml(byte[] bytes) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException("not an OOXML part", e);
        }
    }
}
