package cn.labordispute.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Renders a stored document's XHTML to PDF for printing with Noto Sans SC embedded (subset), so that every
 * Chinese glyph prints the same on any machine. The font files come from the build (see pom.xml).
 */
@Component
class PdfRenderer {

    static final String FAMILY = "Noto Sans SC";
    private static final String REGULAR = "fonts/NotoSansSC_400Regular.ttf";
    private static final String BOLD = "fonts/NotoSansSC_700Bold.ttf";

    private volatile byte[] regular;
    private volatile byte[] bold;

    byte[] render(String xhtml) {
        loadFonts();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> new ByteArrayInputStream(regular), FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(bold), FAMILY, 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void loadFonts() {
        if (regular == null) {
            synchronized (this) {
                if (regular == null) {
                    bold = read(BOLD);
                    regular = read(REGULAR);
                }
            }
        }
    }

    private static byte[] read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("font " + path + " missing: build with Maven so that pom.xml fetches it", e);
        }
    }
}
