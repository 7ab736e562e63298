package io.clientworkspace.spring.web;

import io.clientworkspace.FieldError;
import io.clientworkspace.ValidationException;
import io.clientworkspace.file.ContentPolicy;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Moving file contents through HTTP without holding them in memory.
 *
 * <p>Uploads come in two forms. A <b>raw body</b> ({@code POST}/{@code PUT} with the file's own
 * {@code Content-Type}, the name in the {@code name} query parameter or in {@code Content-Disposition})
 * is read straight from {@link HttpServletRequest#getInputStream()} into the blob store: truly
 * streamed, any size up to the content policy. A <b>multipart</b> form ({@code multipart/form-data}
 * with the content in the part {@code file}) is parsed by the servlet container before the controller
 * runs: with Spring Boot's defaults it writes each part to a temporary file on disk first and refuses
 * parts over {@code spring.servlet.multipart.max-file-size} (1MB unless raised) with 413. Use the raw
 * form for large files.
 *
 * <p>Downloads are written by {@link FileDownloads}.
 */
final class Transfers {

    private Transfers() {
    }

    /** The content of an upload and what the request says about it. */
    record Upload(@Nullable String name, String declaredType, InputStream content, long length) {
    }

    /**
     * The upload carried by the request (multipart part {@code file}, or the raw body).
     *
     * @param nameParam the {@code name} query parameter (or form field), which wins over the file name
     *                  the request carries otherwise
     */
    static Upload upload(HttpServletRequest request, @Nullable String nameParam) throws IOException,
            HttpMediaTypeNotSupportedException {
        // Filters (Spring Security's among them) may have wrapped the multipart request Spring resolved.
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart != null) {
            MultipartFile file = multipart.getFile("file");
            if (file == null) {
                throw new ValidationException(FieldError.of("file", "is required: send the content as the part 'file'"));
            }
            String name = nameParam != null ? nameParam : file.getOriginalFilename();
            String type = file.getContentType();
            return new Upload(name, type == null ? "" : type, file.getInputStream(), file.getSize());
        }
        String contentType = request.getContentType();
        if (contentType != null) {
            MediaType type;
            try {
                type = MediaType.parseMediaType(contentType);
            } catch (InvalidMediaTypeException e) {
                throw new ValidationException(FieldError.of("Content-Type", "is not a media type"));
            }
            if ("multipart".equals(type.getType())) {
                throw new HttpMediaTypeNotSupportedException("Multipart uploads need the servlet container's multipart"
                        + " support (spring.servlet.multipart.enabled); or send the file as the raw request body");
            }
            if (MediaType.APPLICATION_FORM_URLENCODED.includes(type)) {
                throw new HttpMediaTypeNotSupportedException("Send the file as the raw request body with its own"
                        + " Content-Type (a form-encoded body is read as form fields, not as a file)");
            }
        }
        String name = nameParam != null ? nameParam : nameFromDisposition(request.getHeader(HttpHeaders.CONTENT_DISPOSITION));
        return new Upload(name, contentType == null ? "" : contentType, request.getInputStream(),
                request.getContentLengthLong());
    }

    private static @Nullable String nameFromDisposition(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            // filename* (RFC 5987, any charset) wins over filename, as RFC 6266 says.
            return ContentDisposition.parse(header).getFilename();
        } catch (IllegalArgumentException e) {
            throw new ValidationException(FieldError.of("Content-Disposition", "cannot be parsed: " + e.getMessage()));
        }
    }

    /**
     * Runs the upload, refusing it with 413 before reading a byte when its declared length is over the
     * policy's limit, and turning the kit's size refusal into 413 too (recognised by the bytes actually
     * read, not by the error's wording); every other refusal stays a 400.
     */
    static <T> T run(Upload upload, @Nullable ContentPolicy policy, Function<InputStream, T> store) {
        long max = policy == null ? Long.MAX_VALUE : policy.maxSize();
        if (upload.length() > max) {
            throw new Inputs.PayloadTooLargeException(max);
        }
        // Closed here: the kit reads the stream but leaves closing it to the caller (a multipart part's
        // stream holds a temporary file open).
        try (Counting counting = new Counting(upload.content())) {
            try {
                return store.apply(counting);
            } catch (ValidationException e) {
                if (counting.count > max) {
                    throw new Inputs.PayloadTooLargeException(max);
                }
                throw e;
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Could not close the upload stream", e);
        }
    }

    /** The name to store: the one given, or {@code fallback} (for a new version: the file's current name). */
    static String nameOr(Upload upload, Supplier<String> fallback) {
        return upload.name() != null ? upload.name() : fallback.get();
    }

    /** The name to store for a new file, which must come with the request. */
    static String requiredName(Upload upload) {
        if (upload.name() == null) {
            throw new ValidationException(List.of(FieldError.of("name", "is required: give it as the 'name' query"
                    + " parameter, in Content-Disposition (filename=...), or as the multipart file name")));
        }
        return upload.name();
    }

    /** Counts the bytes read through it. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b != -1) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
