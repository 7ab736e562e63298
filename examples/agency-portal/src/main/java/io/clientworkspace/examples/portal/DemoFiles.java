package io.clientworkspace.examples.portal;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Real, small files for the demo data, made in code so that the repository holds no binaries: one-page
 * PDFs with a few lines of text and a PNG "mockup" of plain shapes (no text, so no fonts are needed).
 */
public final class DemoFiles {

    private DemoFiles() {
    }

    /** A valid one-page PDF (Helvetica, A5) with a title and lines of plain ASCII text. */
    public static byte[] pdf(String title, String... lines) {
        StringBuilder text = new StringBuilder("BT /F1 16 Tf 40 540 Td (").append(escape(title)).append(") Tj");
        text.append(" /F1 11 Tf 0 -28 Td");
        for (String line : lines) {
            text.append(" (").append(escape(line)).append(") Tj 0 -16 Td");
        }
        text.append(" ET");
        String stream = text.toString();
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(o -> pdf.append(String.format("%010d 00000 n \n", o)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        // Every character is Latin-1, so offsets counted in chars are offsets in bytes.
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A 480x300 PNG wireframe of a web page in the given accent colour (0xRRGGBB). */
    public static byte[] mockupPng(int accent) {
        BufferedImage image = new BufferedImage(480, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(0xF5F6F8));
            g.fillRect(0, 0, 480, 300);
            g.setColor(new Color(accent));
            g.fillRect(0, 0, 480, 48);
            g.fillRoundRect(40, 200, 120, 36, 12, 12);
            g.setColor(Color.WHITE);
            g.fillRoundRect(40, 80, 400, 100, 12, 12);
            g.setColor(new Color(0xD1D5DB));
            for (int row = 0; row < 3; row++) {
                g.fillRect(60, 100 + row * 24, 300 - row * 60, 10);
            }
            g.fillRect(200, 210, 240, 10);
            g.fillRect(200, 230, 180, 10);
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
    }
}
