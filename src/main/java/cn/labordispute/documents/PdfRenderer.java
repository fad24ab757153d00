package cn.labordispute.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Renders a stored document's XHTML to PDF with Noto Sans SC embedded (subset), so that every Chinese glyph prints
 * the same on any machine. The font files come from the build (see pom.xml).
 * <p>
 * Noto Sans SC maps some ideographs' glyphs also to their radical code points (人 and ⼈ share a glyph), and PDFBox
 * writes the lowest code point into the PDF's text layer, so copied or searched text would read ⼈⺠ for 人民. The
 * renderer therefore derives, once, a copy of each face without the radical code points (U+2E80–U+2FDF) for the
 * text, and keeps the full face as a fallback for characters outside the BMP (rare characters in names).
 */
@Component
public class PdfRenderer {

    static final String FAMILY = "Noto Sans SC";
    static final String FALLBACK_FAMILY = "Noto Sans SC Full";
    private static final String REGULAR = "fonts/NotoSansSC_400Regular.ttf";
    private static final String BOLD = "fonts/NotoSansSC_700Bold.ttf";

    private record Face(byte[] text, byte[] full) {
    }

    private volatile Face regular;
    private volatile Face bold;

    public byte[] render(String xhtml) {
        loadFonts();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> new ByteArrayInputStream(regular.text()), FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(bold.text()), FAMILY, 700, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(regular.full()), FALLBACK_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(bold.full()), FALLBACK_FAMILY, 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Prepares the fonts in the background once the application is up, so that the first PDF is quick. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        CompletableFuture.runAsync(this::loadFonts);
    }

    private void loadFonts() {
        if (bold == null) {
            synchronized (this) {
                if (bold == null) {
                    regular = face(REGULAR);
                    bold = face(BOLD);
                }
            }
        }
    }

    private static Face face(String path) {
        byte[] full;
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            full = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("font " + path + " missing: build with Maven so that pom.xml fetches it", e);
        }
        try {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(full));
            CmapLookup cmap = font.getUnicodeCmapLookup();
            TTFSubsetter withoutRadicals = new TTFSubsetter(font);
            for (int cp = 0x20; cp <= 0xFFFF; cp++) {
                boolean radical = cp >= 0x2E80 && cp <= 0x2FDF;
                if (!radical && cmap.getGlyphId(cp) != 0) {
                    withoutRadicals.add(cp);
                }
            }
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            withoutRadicals.writeToStream(text);
            return new Face(text.toByteArray(), full);
        } catch (IOException e) {
            throw new UncheckedIOException("font " + path + " could not be prepared", e);
        }
    }
}
