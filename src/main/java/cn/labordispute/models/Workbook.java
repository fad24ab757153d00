package cn.labordispute.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The first sheet of an Excel workbook (.xlsx) as rows of text: what a policy officer uploads after editing a table
 * downloaded from the page. Shared strings, inline strings and numbers are read; an empty cell is an empty string.
 * The XML is read with external entities and DTDs refused. A file that is not a workbook gives no rows.
 */
final class Workbook {

    /** Excel's day 0 for the 1900 date system (serial 1 is 1900-01-01, with its leap-year quirk before March 1900). */
    private static final LocalDate EPOCH = LocalDate.of(1899, 12, 30);
    private static final int MAX_ENTRY = 20 * 1024 * 1024;

    private Workbook() {
    }

    static List<List<String>> rows(byte[] xlsx) {
        Map<String, byte[]> parts = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("xl/sharedStrings.xml") || e.getName().matches("xl/worksheets/sheet\\d+\\.xml")) {
                    byte[] data = zip.readNBytes(MAX_ENTRY + 1);
                    if (data.length > MAX_ENTRY) {
                        return List.of();
                    }
                    parts.put(e.getName(), data);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        String sheetName = parts.keySet().stream().filter(n -> n.startsWith("xl/worksheets/"))
                .min((a, b) -> Integer.compare(number(a), number(b))).orElse(null);
        if (sheetName == null) {
            return List.of();
        }
        try {
            List<String> shared = new ArrayList<>();
            if (parts.containsKey("xl/sharedStrings.xml")) {
                NodeList items = parse(parts.get("xl/sharedStrings.xml")).getElementsByTagNameNS("*", "si");
                for (int i = 0; i < items.getLength(); i++) {
                    shared.add(text((Element) items.item(i)));
                }
            }
            List<List<String>> rows = new ArrayList<>();
            NodeList rowNodes = parse(parts.get(sheetName)).getElementsByTagNameNS("*", "row");
            for (int r = 0; r < rowNodes.getLength(); r++) {
                List<String> row = new ArrayList<>();
                NodeList cells = ((Element) rowNodes.item(r)).getElementsByTagNameNS("*", "c");
                for (int c = 0; c < cells.getLength(); c++) {
                    Element cell = (Element) cells.item(c);
                    int column = column(cell.getAttribute("r"), row.size());
                    while (row.size() < column) {
                        row.add("");
                    }
                    row.add(value(cell, shared));
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException | SAXException | ParserConfigurationException | RuntimeException e) {
            return List.of();
        }
    }

    /** A date cell: Excel's day number when the spreadsheet turned the text into a date, else the text. */
    static String date(String value) {
        if (value.matches("\\d{4,5}(\\.0+)?")) {
            return EPOCH.plusDays((long) Double.parseDouble(value)).toString();
        }
        return value;
    }

    private static String value(Element cell, List<String> shared) {
        String type = cell.getAttribute("t");
        if ("inlineStr".equals(type)) {
            NodeList is = cell.getElementsByTagNameNS("*", "is");
            return is.getLength() == 0 ? "" : text((Element) is.item(0));
        }
        NodeList v = cell.getElementsByTagNameNS("*", "v");
        String raw = v.getLength() == 0 ? "" : v.item(0).getTextContent();
        if ("s".equals(type)) {
            int index = Integer.parseInt(raw.trim());
            return index >= 0 && index < shared.size() ? shared.get(index) : "";
        }
        if (raw.matches("-?\\d+\\.0+")) {
            return raw.substring(0, raw.indexOf('.')); // 30.0 as Excel may write a whole number
        }
        return raw;
    }

    /** The text of a string item: its t elements joined (rich text runs included). */
    private static String text(Element item) {
        StringBuilder out = new StringBuilder();
        NodeList ts = item.getElementsByTagNameNS("*", "t");
        for (int i = 0; i < ts.getLength(); i++) {
            out.append(ts.item(i).getTextContent());
        }
        return out.toString();
    }

    /** The 0-based column of a reference such as C5 (the next column where a cell has none). */
    private static int column(String ref, int next) {
        if (ref == null || ref.isEmpty()) {
            return next;
        }
        int column = 0;
        for (char ch : ref.toCharArray()) {
            if (ch < 'A' || ch > 'Z') {
                break;
            }
            column = column * 26 + (ch - 'A' + 1);
        }
        return column == 0 ? next : column - 1;
    }

    private static int number(String sheet) {
        return Integer.parseInt(sheet.replaceAll("\\D", ""));
    }

    private static Document parse(byte[] xml) throws ParserConfigurationException, IOException, SAXException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
